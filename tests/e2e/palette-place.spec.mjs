// Journey: a component added from the palette by a click lands near the
// centre of the view (or next to the selected component), on a free spot:
// never over another box and never at the top left of the canvas.

import assert from 'node:assert/strict';
import { addFromPalette, journey, nodeById, nodeIds } from './helpers.mjs';

/** Whether two boxes overlap. */
function overlap(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

journey('palette additions land near the centre of the view on a free spot', { timeout: 90_000 }, async ({ page }) => {
  const canvas = await page.getByTestId('canvas').boundingBox();
  const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
  const added = [];
  for (const kind of ['cache', 'service', 'database', 'cache']) added.push(await addFromPalette(page, kind));
  const boxes = new Map();
  for (const id of await nodeIds(page)) {
    boxes.set(id, await nodeById(page, id).boundingBox());
  }
  const first = boxes.get(added[0]);
  const firstCentre = { x: first.x + first.width / 2, y: first.y + first.height / 2 };
  const distance = Math.hypot(firstCentre.x - middle.x, firstCentre.y - middle.y);
  assert.ok(distance < Math.min(canvas.width, canvas.height) / 2, `the first addition landed ${Math.round(distance)} px from the centre of the view`);
  for (const id of added) {
    for (const [other, box] of boxes) {
      if (other !== id) assert.ok(!overlap(boxes.get(id), box), `added node ${id} overlaps node ${other}`);
    }
  }
});
