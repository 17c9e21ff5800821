// Journey (e): the selected component is deleted by the Delete key and by the
// inspector's delete button, taking its connections with it.

import assert from 'node:assert/strict';
import { edgeData, eventually, journey, nodeByKind, nodeIds, selectNode } from './helpers.mjs';

/** Selects the first node of `kind`, runs `remove`, and checks it and its edges are gone. */
async function deleteAndCheck(page, kind, remove) {
  const id = await nodeByKind(page, kind).getAttribute('data-id');
  const idsBefore = await nodeIds(page);
  const edgesBefore = await edgeData(page);
  const touching = edgesBefore.filter((edge) => edge.from === id || edge.to === id);
  assert.ok(touching.length > 0, `the ${kind} chosen for deletion has no edge, so edge removal would go untested`);

  await selectNode(page, id);
  await remove();
  await eventually(async () => {
    const ids = await nodeIds(page);
    assert.equal(ids.length, idsBefore.length - 1, `deleting the ${kind} did not remove exactly one node`);
    assert.ok(!ids.includes(id), `the ${kind} is still on the canvas`);
    const edges = await edgeData(page);
    assert.equal(edges.length, edgesBefore.length - touching.length, 'the deleted node’s edges were not all removed');
    assert.ok(!edges.some((edge) => edge.from === id || edge.to === id), 'an edge still points at the deleted node');
  });
}

journey('the Delete key deletes the selected component', { timeout: 60_000 }, async ({ page }) => {
  await deleteAndCheck(page, 'database', () => page.keyboard.press('Delete'));
});

journey('the delete button deletes the selected component', { timeout: 60_000 }, async ({ page }) => {
  await deleteAndCheck(page, 'service', () => page.getByTestId('delete-button').click());
});
