// Journey: dragging a component is one undo step, however many pointer
// moves it takes; and Ctrl+Z typed in a text field is the field's own undo,
// not the design's.

import assert from 'node:assert/strict';
import { centre, eventually, journey, nodeById, nodeByKind, selectNode, setField } from './helpers.mjs';
import { nodeNames } from './share-helpers.mjs';

journey('a drag of many pointer moves is undone in one step', { timeout: 60_000 }, async ({ page }) => {
  const id = await nodeByKind(page, 'database').getAttribute('data-id');
  const node = nodeById(page, id);
  const transformBefore = await node.getAttribute('transform');
  const start = await centre(node);

  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 20, { steps: 12 });
  await page.mouse.move(start.x + 120, start.y + 60, { steps: 12 });
  await page.mouse.up();
  await eventually(async () => assert.notEqual(await node.getAttribute('transform'), transformBefore, 'the drag did not move the node'));

  await page.getByTestId('undo').click();
  await eventually(async () => assert.equal(await node.getAttribute('transform'), transformBefore, 'one undo did not return the node to where it was'));
  assert.equal(await page.getByTestId('undo').isDisabled(), true, 'the drag left more than one undo step');
});

journey('Ctrl+Z in a text field does not undo the design', { timeout: 60_000 }, async ({ page }) => {
  const id = await nodeByKind(page, 'cache').or(nodeByKind(page, 'database')).first().getAttribute('data-id');
  await selectNode(page, id);
  await setField(page, 'name', 'renamed-store');
  await eventually(async () => assert.ok((await nodeNames(page)).includes('renamed-store')));

  const field = page.getByTestId('field-name');
  await field.focus();
  await page.keyboard.type('-x');
  await page.keyboard.press('Control+z');
  // An app undo would have reverted the rename and enabled redo.
  assert.equal(await page.getByTestId('redo').isDisabled(), true, 'Ctrl+Z in the field reached the app');
  assert.ok((await nodeNames(page)).includes('renamed-store'), 'Ctrl+Z in the field undid the rename');
});
