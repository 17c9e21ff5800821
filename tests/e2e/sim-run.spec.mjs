// Journey: run a template to the end at full speed; the canvas shows each
// component's utilisation, queue and replicas, the six time charts are drawn
// with units and legends, and the Performance score (only it) uses the
// simulated figures, labelled with seed and duration, until the next edit.

import assert from 'node:assert/strict';
import { ATTRIBUTES, eventually, journey, loadTemplate, readScores, setField, waitForScores } from './helpers.mjs';
import { performanceReasons, runToEnd } from './sim-helpers.mjs';

const CHARTS = ['throughput', 'errors', 'latency', 'replicas', 'cache', 'events'];

journey('a template runs to the end with charts, canvas figures and a simulated Performance score', { timeout: 120_000 }, async ({ page }) => {
  await loadTemplate(page, 'auto-scaling');
  await eventually(async () => assert.match((await performanceReasons(page))[0], /M\/M\/c estimate/));
  const before = await waitForScores(page);

  await runToEnd(page, 'max');
  assert.equal(Number(await page.getByTestId('sim-time').getAttribute('data-seconds')), 60);

  // The canvas: one overlay per component with a queue, with sane figures.
  const overlays = await page.getByTestId('node-sim').evaluateAll((elements) =>
    elements.map((element) => ({
      utilisation: Number(element.getAttribute('data-utilisation')),
      queue: Number(element.getAttribute('data-queue')),
      replicas: Number(element.getAttribute('data-replicas')),
      inNode: element.closest('[data-testid="node"]') !== null,
    })),
  );
  assert.ok(overlays.length >= 4, `only ${overlays.length} components show simulation figures`);
  for (const overlay of overlays) {
    assert.ok(overlay.inNode, 'an overlay sits outside its node');
    assert.ok(overlay.utilisation >= 0 && overlay.utilisation <= 1, `utilisation ${overlay.utilisation}`);
    assert.ok(Number.isInteger(overlay.queue) && overlay.queue >= 0);
    assert.ok(Number.isInteger(overlay.replicas) && overlay.replicas >= 1);
  }
  assert.ok(overlays.some((overlay) => overlay.utilisation > 0), 'no component was busy');

  // The charts: all six, units on both axes, a legend; the ones with data drawn over the whole run.
  for (const name of CHARTS) {
    const chart = page.getByTestId(`chart-${name}`);
    await chart.waitFor({ state: 'visible' });
    const text = await chart.textContent();
    assert.ok(text.includes('simulated time (s)'), `chart-${name} has no x unit`);
  }
  for (const [name, unit, legend] of [
    ['throughput', 'req/s', ['answered']],
    ['errors', '%', ['failed']],
    ['latency', 'ms', ['p50', 'p95', 'p99']],
    ['replicas', 'replicas', ['web-service', 'api-service']],
  ]) {
    const chart = page.getByTestId(`chart-${name}`);
    const units = await chart.locator('text.ap-chart__unit').allTextContents();
    assert.ok(units.includes(unit), `chart-${name}: y unit ${JSON.stringify(units)}`);
    assert.deepEqual(await chart.getByTestId('chart-legend').locator('li').allTextContents(), legend, `chart-${name} legend`);
    const segments = await chart.locator('path').evaluateAll((paths) => paths.map((path) => (path.getAttribute('d').match(/L/g) ?? []).length));
    assert.ok(segments.length === legend.length && segments.every((count) => count >= 100), `chart-${name} lines: ${segments}`);
  }

  // The scorecard: Performance from the run, labelled; the other five unchanged.
  const reasons = await performanceReasons(page);
  for (const reason of reasons) assert.ok(reason.includes('simulated (seed 1, 60 s)'), reason);
  // Each Performance line shows the run's figure beside the estimate's and says the run judged it.
  const judged = () =>
    page.getByTestId('score-performance').getByTestId('rubric-values').evaluateAll((list) => list.map((values) => [values.getAttribute('data-judged-by'), values.textContent]));
  const byRun = await judged();
  assert.equal(byRun.length, 4, JSON.stringify(byRun));
  for (const [source, text] of byRun) {
    assert.equal(source, 'run', text);
    assert.match(text, /^estimate .+ · run \(seed 1, 60 s\) .+, judged by the run$/);
  }
  const after = await readScores(page);
  for (const attribute of ATTRIBUTES.filter((name) => name !== 'performance')) {
    assert.equal(after[attribute], before[attribute], `${attribute} changed after the run`);
  }

  // Any edit returns to the analytic figures: they belonged to the design that was run.
  await setField(page, 'workload.read_share', '0.75');
  await eventually(async () => {
    const edited = await performanceReasons(page);
    assert.ok(edited.every((reason) => !reason.includes('simulated')), edited.join('\n'));
    const estimated = await judged();
    assert.ok(estimated.length === 4 && estimated.every(([source, text]) => source === 'estimate' && text.startsWith('estimated: ')), JSON.stringify(estimated));
  });
});
