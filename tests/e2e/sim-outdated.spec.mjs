// Journey: nothing stale. After a run, an edit marks the run outdated in the
// panel and on the canvas (with Run again, which runs the design as it is
// now) and the boxes stop showing the old run's figures; loading a template
// clears the run's overlays and results entirely, and the template picker
// names a template only while the canvas shows it.

import assert from 'node:assert/strict';
import { eventually, journey, loadTemplate, setField } from './helpers.mjs';
import { runToEnd, simStatus, waitForStatus } from './sim-helpers.mjs';

/** How the panel says the run relates to the canvas: none, current, outdated. */
function freshness(page) {
  return page.getByTestId('sim-panel').getAttribute('data-freshness');
}

journey('an edit marks the run outdated with Run again; a template load clears every figure', { timeout: 180_000 }, async ({ page }) => {
  const picker = page.getByTestId('template-select');
  assert.equal(await picker.inputValue(), 'microservices', 'the picker names the starting template');

  await runToEnd(page, 'max');
  assert.equal(await freshness(page), 'current');
  assert.ok((await page.getByTestId('node-sim').count()) > 0, 'a finished run shows figures on the boxes');
  assert.equal(await page.getByTestId('sim-outdated').count(), 0);

  // Any edit: the design's request rate.
  await page.keyboard.press('Escape');
  await setField(page, 'workload.requests_per_second', '123');
  await eventually(async () => assert.equal(await freshness(page), 'outdated'));
  await page.getByTestId('sim-outdated').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('sim-outdated').textContent(), /outdated: the design changed since this run/);
  await page.getByTestId('sim-outdated-canvas').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('node-sim').count(), 0, 'no box shows figures of another design');
  assert.equal(await picker.inputValue(), '', 'an edited template is no longer named by the picker');

  // Run again runs the design as it is now: the run is current again.
  await page.getByTestId('sim-run-again').click();
  await waitForStatus(page, 'finished');
  assert.equal(await freshness(page), 'current');
  assert.equal(await page.getByTestId('sim-outdated-canvas').count(), 0);
  assert.ok((await page.getByTestId('node-sim').count()) > 0);

  // Loading a template forgets the run: no overlay, no results, no outdated notice.
  await loadTemplate(page, 'database-scaling');
  await eventually(async () => assert.equal(await simStatus(page), 'idle'));
  assert.equal(await freshness(page), 'none');
  assert.equal(await page.getByTestId('node-sim').count(), 0);
  assert.equal(await page.getByTestId('sim-summary').count(), 0);
  assert.equal(await page.getByTestId('sim-log-line').count(), 0);
  assert.equal(await page.getByTestId('sim-outdated').count(), 0);
  assert.equal(await page.getByTestId('sim-outdated-canvas').count(), 0);
  assert.equal(await picker.inputValue(), 'database-scaling');
});
