// Journey: the share menu gives the link's length before copying, and past
// 8,000 characters warns that chat tools may cut it and offers the design
// file instead.

import assert from 'node:assert/strict';
import { cliTemplate, eventually, journey } from './helpers.mjs';
import { downloadFrom, linkLengthText, nodeNames, openShareMenu } from './share-helpers.mjs';

/** The starting template plus `count` services with names that do not compress (fixed seed). */
function bigDesign(count) {
  const design = structuredClone(cliTemplate('microservices'));
  let seed = 20_240_611;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const firstId = Math.max(...design.components.map((component) => component.id)) + 1;
  for (let index = 0; index < count; index += 1) {
    const part = () => Math.floor(random() * 2 ** 40).toString(36);
    const name = `svc-${part()}-${part()}-${part()}`;
    design.components.push({ id: firstId + index, kind: 'service', name, position: { x: 200 * (index % 20), y: 900 + 120 * Math.floor(index / 20) } });
  }
  return design;
}

/** The number the link-length text gives. */
async function linkLength(page) {
  const text = await linkLengthText(page);
  const match = /^([\d,]+) characters$/.exec(text.trim());
  assert.ok(match, `link-length reads ${JSON.stringify(text)}`);
  return Number(match[1].replaceAll(',', ''));
}

journey('a link past 8,000 characters is flagged and the design file offered', { timeout: 90_000 }, async ({ page }) => {
  await openShareMenu(page);
  assert.ok((await linkLength(page)) < 8_000, 'the starting template already makes a long link');
  assert.equal(await page.getByTestId('link-warning').count(), 0, 'a short link is flagged as long');

  const design = bigDesign(400);
  await page.getByTestId('import-json').setInputFiles({ name: 'big.archplay.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
  await eventually(async () => assert.equal((await nodeNames(page)).length, design.components.length, 'the big design did not import'));
  await openShareMenu(page);
  await eventually(async () => assert.ok((await linkLength(page)) > 8_000, 'the big design does not make a long link'));
  const warning = page.getByTestId('link-warning');
  assert.ok(await warning.isVisible(), 'no warning for a long link');
  assert.match((await warning.textContent()) ?? '', /cut links longer than 8,000 characters/);

  const file = await downloadFrom(page, 'link-warning-export');
  assert.match(file.name, /\.archplay\.json$/);
  assert.equal(JSON.parse(file.bytes.toString('utf8')).components.length, design.components.length);
});
