// Journey: copy the share link of an edited design and open it in a fresh
// browser (no autosave there): the same components and the same scores.

import assert from 'node:assert/strict';
import { BASE_URL, addFromPalette, eventually, journey, readScores, setField, waitForScores } from './helpers.mjs';
import { allowClipboard, copyLink, nodeNames, renameFirst } from './share-helpers.mjs';

journey('a copied link opens the same design with the same scores in a fresh browser', { timeout: 90_000 }, async ({ page, context, open }) => {
  await allowClipboard(context);

  // Make the design the template's no longer: a new service with three
  // replicas, and a renamed database.
  await addFromPalette(page, 'service');
  await setField(page, 'replicas.current', '3');
  await renameFirst(page, 'database', 'ledger-db');
  const names = await nodeNames(page);
  const scores = await waitForScores(page);

  const { link, lengthText } = await copyLink(page);
  const address = `${new URL(BASE_URL).origin}${new URL(BASE_URL).pathname}`;
  assert.ok(link.startsWith(`${address}#v`), `the link is not the app's address with a versioned fragment: ${link.slice(0, 80)}`);
  assert.equal(lengthText, `${link.length.toLocaleString('en-US')} characters`, 'link-length does not give the copied link’s length');

  // A second context: another browser profile, with no autosave of its own.
  const receiver = await open(link);
  await eventually(async () => {
    assert.deepEqual(await nodeNames(receiver.page), names, 'the opened link shows other components');
    assert.deepEqual(await readScores(receiver.page), scores, 'the opened link shows other scores');
  });
  // The link's design now lives in the autosave; the fragment is gone from the address.
  assert.equal(await receiver.page.evaluate(() => location.hash), '');
});
