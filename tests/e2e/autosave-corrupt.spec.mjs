// Journey: an autosave that cannot be read (damaged text) is reported, the
// app opens the starting template, and the damaged text is kept, not deleted.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoErrors, cliTemplate, eventually, launchBrowser, openApp } from './helpers.mjs';
import { DESIGN_KEY, UNREADABLE_KEY, nodeNames } from './share-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a damaged autosave is reported and kept, and the template opens', { timeout: 60_000 }, async () => {
  const { page, errors, context } = await openApp(browser);
  const damaged = '{"archplay":1,"name":"half a design","components":[{"id":';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DESIGN_KEY, damaged]);
  await page.reload({ waitUntil: 'load' });
  await page.getByTestId('app').waitFor({ state: 'visible', timeout: 20_000 });

  await eventually(async () => {
    const notice = page.getByTestId('storage-error');
    assert.ok(await notice.isVisible(), 'no storage-error notice');
    assert.match((await notice.textContent()) ?? '', /could not be read/);
  });
  const template = cliTemplate('microservices').components.map((component) => component.name).sort();
  assert.deepEqual(await nodeNames(page), template, 'the app did not fall back to the starting template');
  const stored = await page.evaluate(([key, backup]) => [localStorage.getItem(key), localStorage.getItem(backup)], [DESIGN_KEY, UNREADABLE_KEY]);
  assert.deepEqual(stored, [damaged, damaged], 'the damaged text was not kept');
  assertNoErrors(errors);
  await context.close();
});
