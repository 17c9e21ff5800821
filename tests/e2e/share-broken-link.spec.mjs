// Journey: a broken link (cut off, hand-edited, from a newer version) shows
// what is wrong with it, and the design the user had, on screen and in the
// autosave, stays exactly as it was.

import assert from 'node:assert/strict';
import { BASE_URL, addFromPalette, eventually, journey } from './helpers.mjs';
import { allowClipboard, copyLink, nodeNames, renameFirst, storedDesign, waitForSaved } from './share-helpers.mjs';

/** Broken variants of `link`, each with the words its message must contain. */
function brokenLinks(link) {
  const [address, fragment] = link.split('#');
  const middle = Math.floor(fragment.length / 2);
  // Swap four data characters for others of the same alphabet.
  const edited = fragment.slice(0, middle) + [...fragment.slice(middle, middle + 4)].map((c) => (c === 'A' ? 'B' : 'A')).join('') + fragment.slice(middle + 4);
  return [
    { what: 'truncated', url: `${address}#${fragment.slice(0, fragment.length - 25)}`, message: /truncated/i },
    { what: 'hand-edited', url: `${address}#${edited}`, message: /corrupt|changed/i },
    { what: 'a character that is never in a link', url: `${address}#${fragment.slice(0, middle)}*${fragment.slice(middle + 1)}`, message: /character.*\*/i },
    { what: 'a newer version', url: `${address}#v9.xxx`, message: /version 9/i },
  ];
}

/** Asserts the link error names the problem and nothing of the user's design changed. */
async function assertRefusedAndUntouched(page, broken, names, saved) {
  await eventually(async () => {
    const notice = page.getByTestId('link-error');
    assert.ok(await notice.isVisible(), `no link-error for a ${broken.what} link`);
    assert.match((await notice.textContent()) ?? '', broken.message, `the message for a ${broken.what} link does not name the problem`);
  });
  assert.deepEqual(await nodeNames(page), names, `a ${broken.what} link changed the design on screen`);
  assert.equal(await storedDesign(page), saved, `a ${broken.what} link changed the autosave`);
}

journey('broken links show their problem and leave the autosaved design untouched', { timeout: 120_000 }, async ({ page, context, watch }) => {
  await allowClipboard(context);
  await addFromPalette(page, 'monitoring');
  await renameFirst(page, 'service', 'kept-service');
  const names = await nodeNames(page);
  const saved = await waitForSaved(page, names);
  const { link } = await copyLink(page);

  for (const broken of brokenLinks(link)) {
    // Opened in a new tab: the app starts from the autosave and refuses the link.
    const tab = await context.newPage();
    watch(tab);
    await tab.goto(broken.url, { waitUntil: 'load' });
    await tab.getByTestId('app').waitFor({ state: 'visible', timeout: 20_000 });
    await assertRefusedAndUntouched(tab, broken, names, saved);
    await tab.close();

    // Pasted into the address of the running app: the same refusal.
    await page.goto(broken.url);
    await assertRefusedAndUntouched(page, broken, names, saved);
    await page.getByTestId('link-error-dismiss').click();
    await page.goto(BASE_URL);
  }
  assert.equal(await storedDesign(page), saved);
});
