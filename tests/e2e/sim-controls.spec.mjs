// Journey: Pause stops simulated time, Step advances a paused run by one
// chart step, Run resumes it, and Reset forgets the run (clock, canvas
// figures, charts, log).

import assert from 'node:assert/strict';
import { eventually, journey } from './helpers.mjs';
import { openSimPanel, simSeconds, simStatus, waitForStatus } from './sim-helpers.mjs';

/** The microservices template runs 60 s, so a chart step (and a Step) is 0.5 s. */
const STEP_S = 0.5;

journey('pause holds the clock, step advances one chart step, run resumes, reset forgets the run', { timeout: 90_000 }, async ({ page }) => {
  await openSimPanel(page);
  assert.equal(await simStatus(page), 'idle');
  assert.ok(await page.getByTestId('sim-pause').isDisabled(), 'nothing to pause before a run');
  assert.ok(await page.getByTestId('sim-step').isDisabled(), 'nothing to step before a run');
  // Before a run the charts are in place, empty, so a run does not move the page.
  await eventually(async () => assert.equal(await page.getByTestId('chart-throughput').locator('path').getAttribute('d'), '', 'no empty charts before the run'));

  // Real time: the clock moves a second per second.
  await page.getByTestId('sim-speed').selectOption('1x');
  await page.getByTestId('sim-run').click();
  await waitForStatus(page, 'running', 20_000);
  await eventually(async () => assert.ok((await simSeconds(page)) >= 0.3, 'the clock does not move'), 20_000);
  assert.ok(await page.getByTestId('sim-step').isDisabled(), 'Step is for a paused run');

  await page.getByTestId('sim-pause').click();
  await waitForStatus(page, 'paused');
  // The worker reports the time it stopped at; after that the clock holds.
  // Fixed wait, kept: the panel says `paused` at the click, and the worker's
  // last report arrives later with nothing in the page to mark it, so the
  // clock is read until two readings 300 ms apart agree.
  await eventually(async () => {
    const first = await simSeconds(page);
    await page.waitForTimeout(300);
    assert.equal(await simSeconds(page), first, 'the clock moved while paused');
  });
  const paused = await simSeconds(page);
  assert.ok(paused < 60, 'the run was already over');
  // Fixed wait, kept: this proves that nothing happens (the clock holds), which no event can signal.
  await page.waitForTimeout(400);
  assert.equal(await simSeconds(page), paused, 'the clock moved while paused');
  assert.equal(await page.getByTestId('sim-run').textContent(), 'Resume');

  await page.getByTestId('sim-step').click();
  await eventually(async () => assert.ok(Math.abs((await simSeconds(page)) - (paused + STEP_S)) < 1e-6, `step went from ${paused} to ${await simSeconds(page)}`));
  await page.getByTestId('sim-step').click();
  await eventually(async () => assert.ok(Math.abs((await simSeconds(page)) - (paused + 2 * STEP_S)) < 1e-6));
  assert.equal(await simStatus(page), 'paused');

  // Resume, faster.
  await page.getByTestId('sim-speed').selectOption('100x');
  await page.getByTestId('sim-run').click();
  await waitForStatus(page, 'running');
  await eventually(async () => assert.ok((await simSeconds(page)) > paused + 2 * STEP_S + 1, 'resumed run does not advance'), 20_000);
  assert.ok((await page.getByTestId('node-sim').count()) > 0, 'the canvas shows no simulation figures');
  assert.ok((await page.getByTestId('sim-log-line').count()) > 0, 'the log is empty');

  await page.getByTestId('sim-reset').click();
  await waitForStatus(page, 'idle');
  assert.equal(await simSeconds(page), 0);
  await eventually(async () => assert.equal(await page.getByTestId('node-sim').count(), 0, 'figures stay on the canvas after reset'));
  assert.equal(await page.getByTestId('sim-log-line').count(), 0, 'the log survived reset');
  // The charts are back to the design's empty charts (drawn by the page from the design before any run).
  await eventually(async () => assert.equal(await page.getByTestId('chart-throughput').locator('path').getAttribute('d'), '', 'the throughput chart kept its points'));
  assert.match(await page.getByTestId('chart-throughput').textContent(), /run the simulation to draw this chart/);
  // Nothing arrives late from the forgotten run. Fixed wait, kept: it proves
  // that nothing happens, which no event can signal.
  await page.waitForTimeout(400);
  assert.equal(await simSeconds(page), 0);
  assert.equal(await page.getByTestId('chart-throughput').locator('path').getAttribute('d'), '', 'a late report drew the forgotten run');
});
