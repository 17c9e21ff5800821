// Journey: a design exported as JSON imports back as the same design, over
// another one, and undo brings the other one back.

import assert from 'node:assert/strict';
import { addFromPalette, edgeData, eventually, exportJson, journey, loadTemplate, readScores, waitForScores } from './helpers.mjs';
import { nodeNames, openShareMenu, renameFirst } from './share-helpers.mjs';

journey('an exported design file imports back as the same design, and undo returns', { timeout: 90_000 }, async ({ page }) => {
  await addFromPalette(page, 'event_bus');
  await renameFirst(page, 'monitoring', 'watchtower');
  const exported = { names: await nodeNames(page), edges: await edgeData(page), scores: await waitForScores(page) };
  const file = await exportJson(page);

  await loadTemplate(page, 'payment-gateway');
  await eventually(async () => assert.notDeepEqual(await nodeNames(page), exported.names, 'the template did not load'));
  const other = await nodeNames(page);

  await openShareMenu(page);
  await page.getByTestId('import-json').setInputFiles({ name: 'mine.archplay.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await eventually(async () => {
    assert.deepEqual(await nodeNames(page), exported.names, 'the import did not restore the components');
    assert.deepEqual(await edgeData(page), exported.edges, 'the import did not restore the connections');
    assert.deepEqual(await readScores(page), exported.scores, 'the import did not restore the scores');
  });

  await page.getByTestId('undo').click();
  await eventually(async () => assert.deepEqual(await nodeNames(page), other, 'undo did not bring back the design the import replaced'));
});
