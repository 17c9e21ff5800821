// Dragging a palette button onto the canvas drops a new component where it
// was released.

import assert from 'node:assert/strict';
import { centre, eventually, journey, nodeById, nodeData } from './helpers.mjs';

journey('a palette button dragged onto the canvas drops a component there', { timeout: 60_000 }, async ({ page }) => {
  const canvas = page.getByTestId('canvas');
  const box = await canvas.boundingBox();
  assert.ok(box, 'the canvas is not visible');
  // Near the bottom right, away from the template's components.
  const drop = { x: Math.round(box.width * 0.8), y: Math.round(box.height * 0.85) };
  const before = new Set((await nodeData(page)).map((node) => node.id));

  await page.getByTestId('palette-cache').dragTo(canvas, { targetPosition: drop });

  const added = await eventually(async () => {
    const nodes = (await nodeData(page)).filter((node) => !before.has(node.id));
    assert.equal(nodes.length, 1, 'the drop did not add exactly one node');
    assert.equal(nodes[0].kind, 'cache');
    return nodes[0];
  });
  const where = await centre(nodeById(page, added.id));
  const dropped = { x: box.x + drop.x, y: box.y + drop.y };
  // The node may be centred on or anchored at the pointer, and snapped to a grid.
  const distance = Math.hypot(where.x - dropped.x, where.y - dropped.y);
  assert.ok(distance < 120, `the node landed ${Math.round(distance)} px from the drop point`);
});
