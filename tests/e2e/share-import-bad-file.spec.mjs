// Journey: importing a file that is not a valid design (cut off, no version,
// a newer version, an unknown kind, a broken rule) shows what is wrong with
// it and changes nothing: not the canvas, not the undo history, not the autosave.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { REPO_ROOT, addFromPalette, edgeData, eventually, journey, nodeData } from './helpers.mjs';
import { openShareMenu, storedDesign, waitForSaved, nodeNames } from './share-helpers.mjs';

/** Invalid design files from tests/fixtures, each with words its message must contain. */
const BAD_FILES = [
  { file: 'truncated.json', message: /not a valid design file/ },
  { file: 'no-version.json', message: /no "archplay" version/ },
  { file: 'newer-version.json', message: /version 2, newer/ },
  { file: 'unknown-kind.json', message: /mainframe/ },
  { file: 'dangling-connection.json', message: /component 7/ },
  { file: 'out-of-range.json', message: /TTL/ },
];

journey('a bad design file shows its problem and changes nothing', { timeout: 90_000 }, async ({ page }) => {
  await addFromPalette(page, 'cache');
  const canvas = { nodes: await nodeData(page), edges: await edgeData(page) };
  const saved = await waitForSaved(page, await nodeNames(page));
  const undoDisabled = await page.getByTestId('undo').isDisabled();

  for (const bad of BAD_FILES) {
    await openShareMenu(page);
    const buffer = readFileSync(new URL(`tests/fixtures/designs/invalid/${bad.file}`, `file://${REPO_ROOT}`));
    await page.getByTestId('import-json').setInputFiles({ name: bad.file, mimeType: 'application/json', buffer });
    await eventually(async () => {
      const notice = page.getByTestId('import-error');
      assert.ok(await notice.isVisible(), `no import-error for ${bad.file}`);
      const text = (await notice.textContent()) ?? '';
      assert.ok(text.includes(bad.file), `the message does not name ${bad.file}: ${text}`);
      assert.match(text, bad.message, `the message for ${bad.file} does not name the problem`);
    });
    assert.deepEqual({ nodes: await nodeData(page), edges: await edgeData(page) }, canvas, `${bad.file} changed the canvas`);
    assert.equal(await page.getByTestId('undo').isDisabled(), undoDisabled, `${bad.file} changed the undo history`);
    await page.getByTestId('import-error-dismiss').click();
  }
  assert.equal(await storedDesign(page), saved, 'a bad file changed the autosave');
});
