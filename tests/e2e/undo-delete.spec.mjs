// Journey: undo after deleting a component brings it back with its
// connections, and redo removes it again: by the toolbar buttons and by the
// keyboard (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y).

import assert from 'node:assert/strict';
import { edgeData, eventually, journey, nodeByKind, nodeData, selectNode } from './helpers.mjs';

/** The canvas as a comparable value: nodes and edges. */
async function canvasState(page) {
  return { nodes: await nodeData(page).then((nodes) => nodes.map(({ id, kind, name }) => ({ id, kind, name }))), edges: await edgeData(page) };
}

/** Deletes the first service and returns the canvas before and after. */
async function deleteAService(page) {
  const before = await canvasState(page);
  const id = await nodeByKind(page, 'service').getAttribute('data-id');
  await selectNode(page, id);
  await page.keyboard.press('Delete');
  const after = await eventually(async () => {
    const state = await canvasState(page);
    assert.equal(state.nodes.length, before.nodes.length - 1, 'the service was not deleted');
    return state;
  });
  assert.ok(after.edges.length < before.edges.length, 'the deleted service had no connection, so their return goes untested');
  return { before, after };
}

journey('the undo and redo buttons bring a deleted component back and remove it again', { timeout: 60_000 }, async ({ page }) => {
  assert.equal(await page.getByTestId('undo').isDisabled(), true, 'undo is enabled with nothing to undo');
  assert.equal(await page.getByTestId('redo').isDisabled(), true, 'redo is enabled with nothing to redo');
  const { before, after } = await deleteAService(page);

  await page.getByTestId('undo').click();
  await eventually(async () => assert.deepEqual(await canvasState(page), before, 'undo did not restore the component and its connections'));
  assert.equal(await page.getByTestId('redo').isDisabled(), false);

  await page.getByTestId('redo').click();
  await eventually(async () => assert.deepEqual(await canvasState(page), after, 'redo did not delete the component again'));
  assert.equal(await page.getByTestId('redo').isDisabled(), true);
});

journey('Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo a deletion', { timeout: 60_000 }, async ({ page }) => {
  const { before, after } = await deleteAService(page);

  await page.keyboard.press('Control+z');
  await eventually(async () => assert.deepEqual(await canvasState(page), before, 'Ctrl+Z did not restore the component'));
  await page.keyboard.press('Control+Shift+z');
  await eventually(async () => assert.deepEqual(await canvasState(page), after, 'Ctrl+Shift+Z did not redo the deletion'));
  await page.keyboard.press('Control+z');
  await eventually(async () => assert.deepEqual(await canvasState(page), before));
  await page.keyboard.press('Control+y');
  await eventually(async () => assert.deepEqual(await canvasState(page), after, 'Ctrl+Y did not redo the deletion'));
});
