// Journey: the screen fits the work. At 1280x800 the Simulate panel docks
// below the canvas (the canvas shrinks for it; nothing floats over the
// boxes), its charts keep a readable size, its top edge resizes it, and a
// component a log line names is shown on the canvas when clicked.
//
// Set SCREENSHOT_PATH to keep a screenshot of the finished run.

import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { centre, eventually, journey, loadTemplate, nodeById } from './helpers.mjs';
import { openSimPanel, runToEnd } from './sim-helpers.mjs';

/** Whether a point lies inside a box. */
function inside(point, box) {
  return point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
}

journey('the Simulate panel docks below the canvas, resizes, and shows what it names', { timeout: 180_000 }, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await loadTemplate(page, 'auto-scaling');
  await openSimPanel(page);
  const panel = page.getByTestId('sim-panel');
  const canvas = page.getByTestId('canvas');

  await eventually(async () => {
    const canvasBox = await canvas.boundingBox();
    const panelBox = await panel.boundingBox();
    assert.ok(canvasBox.y + canvasBox.height <= panelBox.y + 1, `the panel covers the canvas: ${JSON.stringify({ canvasBox, panelBox })}`);
    assert.ok(canvasBox.height >= 250, `the canvas kept only ${canvasBox.height} px`);
  });

  await runToEnd(page, 'max');
  await page.screenshot({ path: process.env.SCREENSHOT_PATH ?? join(tmpdir(), 'archplay-sim-dock-1280x800.png') });

  // The charts keep their size; the dock scrolls as a whole rather than squeezing them.
  const charts = page.locator('[data-testid^="chart-"]:not([data-testid="chart-legend"])');
  assert.ok((await charts.count()) >= 2, 'the panel shows its charts');
  for (const chart of await charts.all()) {
    const box = await chart.boundingBox();
    assert.ok(box.width >= 220 && box.height >= 120, `a chart is squeezed to ${Math.round(box.width)}x${Math.round(box.height)} px`);
  }

  // Dragging the dock's top edge up gives it room and takes it from the canvas.
  const before = { panel: await panel.boundingBox(), canvas: await canvas.boundingBox() };
  const handle = await centre(page.getByTestId('sim-dock-handle'));
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move(handle.x, handle.y - 120, { steps: 6 });
  await page.mouse.up();
  await eventually(async () => {
    const panelBox = await panel.boundingBox();
    const canvasBox = await canvas.boundingBox();
    assert.ok(Math.abs(panelBox.height - before.panel.height - 120) <= 6, `the dock is ${panelBox.height} px, was ${before.panel.height}`);
    assert.ok(Math.abs(before.canvas.height - canvasBox.height - 120) <= 6, `the canvas is ${canvasBox.height} px, was ${before.canvas.height}`);
  });

  // Pan the design away, then click a component a log line names: it is selected and back in view.
  const reveal = page.getByTestId('sim-reveal').first();
  await reveal.waitFor({ state: 'attached' });
  const id = await reveal.getAttribute('data-component');
  const canvasBox = await canvas.boundingBox();
  await page.mouse.move(canvasBox.x + 8, canvasBox.y + 8);
  await page.mouse.down();
  await page.mouse.move(canvasBox.x + canvasBox.width - 8, canvasBox.y + canvasBox.height - 8, { steps: 8 });
  await page.mouse.up();
  assert.ok(!inside(await centre(nodeById(page, id)), canvasBox), 'the named component was still in view after panning away');
  await reveal.scrollIntoViewIfNeeded();
  await reveal.click();
  await eventually(async () => {
    assert.ok(inside(await centre(nodeById(page, id)), await canvas.boundingBox()), 'the named component is not shown on the canvas');
    assert.equal(await nodeById(page, id).getAttribute('data-selected'), 'true');
  });
});
