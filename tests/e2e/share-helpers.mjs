// Helpers for the share, undo, autosave, import and export journeys: the
// share menu, the clipboard, the autosaved design in localStorage, and
// downloads. Built on helpers.mjs; elements are found by data-testid only.
//
// What must stay true: nothing here sleeps to let the app settle; waits go
// through `eventually`, bounded by its timeout.

import assert from 'node:assert/strict';
import { BASE_URL, cliOpen, eventually, nodeData, nodeByKind, selectNode, setField } from './helpers.mjs';

/** Downloads, as the share and export journeys read them (defined with exportJson). */
export { downloadFrom } from './helpers.mjs';

/** The localStorage key of the autosaved design (src/ui/storage.rs). */
export const DESIGN_KEY = 'archplay.design';
/** Where unreadable saved text is kept (src/ui/storage.rs). */
export const UNREADABLE_KEY = 'archplay.design.unreadable';

/** Opens the Share / Export menu unless it is open already. */
export async function openShareMenu(page) {
  if (await page.getByTestId('share-panel').isVisible()) return;
  await page.getByTestId('share-menu').click();
  await page.getByTestId('share-panel').waitFor({ state: 'visible' });
}

/** Lets the page use the clipboard (Chromium asks otherwise). */
export async function allowClipboard(context) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
}

/**
 * Clicks copy-link and returns the link the page put on the clipboard (or,
 * if the clipboard was refused, showed in share-link), with the length the
 * menu announced before copying.
 */
export async function copyLink(page) {
  await openShareMenu(page);
  const lengthText = await linkLengthText(page);
  await page.getByTestId('copy-link').click();
  const link = await eventually(async () => {
    const shown = page.getByTestId('share-link');
    const text = (await shown.isVisible()) ? await shown.inputValue() : await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, /#v\d+\./, `no link was copied: ${JSON.stringify(text.slice(0, 80))}`);
    return text;
  });
  return { link, lengthText };
}

/** The link-length text once the worker has made the link ("612 characters"). */
export function linkLengthText(page) {
  return eventually(async () => {
    const text = (await page.getByTestId('link-length').textContent())?.trim() ?? '';
    assert.match(text, /^[\d,]+ characters?$/, 'the link is not made yet');
    return text;
  });
}

/** The autosaved design's text, or null. */
export function storedDesign(page) {
  return page.evaluate((key) => localStorage.getItem(key), DESIGN_KEY);
}

/** Waits until the autosave holds a design whose component names are `names` (sorted). */
export function waitForSaved(page, names) {
  return eventually(async () => {
    const text = await storedDesign(page);
    assert.ok(text, 'nothing is autosaved');
    const saved = cliOpen(text).components.map((component) => component.name).sort();
    assert.deepEqual(saved, names, 'the autosave does not hold the design on screen');
    return text;
  });
}

/** The names of the nodes on the canvas, sorted. */
export async function nodeNames(page) {
  return (await nodeData(page)).map((node) => node.name).sort();
}

/** Renames the first node of `kind` to `name` through the inspector. */
export async function renameFirst(page, kind, name) {
  await selectNode(page, await nodeByKind(page, kind).getAttribute('data-id'));
  await setField(page, 'name', name);
  await eventually(async () => assert.ok((await nodeNames(page)).includes(name), `no node is called ${name}`));
}
