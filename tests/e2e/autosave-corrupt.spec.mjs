// Journey: an autosave that cannot be read (damaged text) is reported, the
// app opens the starting template, and the damaged text is kept, not deleted.

import assert from 'node:assert/strict';
import { cliTemplate, eventually, journey, reloadApp } from './helpers.mjs';
import { DESIGN_KEY, UNREADABLE_KEY, nodeNames } from './share-helpers.mjs';

journey('a damaged autosave is reported and kept, and the template opens', { timeout: 60_000 }, async ({ page }) => {
  const damaged = '{"archplay":1,"name":"half a design","components":[{"id":';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DESIGN_KEY, damaged]);
  await reloadApp(page);

  await eventually(async () => {
    const notice = page.getByTestId('storage-error');
    assert.ok(await notice.isVisible(), 'no storage-error notice');
    assert.match((await notice.textContent()) ?? '', /could not be read/);
  });
  const template = cliTemplate('microservices').components.map((component) => component.name).sort();
  assert.deepEqual(await nodeNames(page), template, 'the app did not fall back to the starting template');
  const stored = await page.evaluate(([key, backup]) => [localStorage.getItem(key), localStorage.getItem(backup)], [DESIGN_KEY, UNREADABLE_KEY]);
  assert.deepEqual(stored, [damaged, damaged], 'the damaged text was not kept');
});
