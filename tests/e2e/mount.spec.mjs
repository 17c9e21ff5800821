// Journey (a): the release build mounts with no console error or page error
// and shows the microservices template with its six scores.
// This is also the smoke check that catches a broken wasm-opt (which exits 0).
// And the worker (links, exports, the simulator) is not part of the start:
// it loads when something needs it, such as the Share / Export menu. Nor
// are the Simulate panel's views: their module loads when Simulate opens.

import assert from 'node:assert/strict';
import { ATTRIBUTES, cliTemplate, eventually, journey, nodeData, waitForScores } from './helpers.mjs';

journey('the release build mounts cleanly and shows the microservices template', { timeout: 60_000 }, async ({ page }) => {
  const nodes = await nodeData(page);
  const expected = cliTemplate('microservices').components;
  assert.ok(nodes.length > 0, 'no node on the canvas');
  assert.deepEqual(
    nodes.map((node) => node.name).sort(),
    expected.map((component) => component.name).sort(),
    'the first screen is not the microservices template',
  );

  await page.getByTestId('scorecard').waitFor({ state: 'visible' });
  const scores = await waitForScores(page);
  for (const attribute of ATTRIBUTES) {
    assert.ok(scores[attribute] >= 0 && scores[attribute] <= 100, `${attribute} score ${scores[attribute]} is outside 0..100`);
  }

  // A score opens to show its rubric lines, each naming its fact and verdict.
  await page.getByTestId('score-security').getByRole('button').first().click();
  await eventually(async () => assert.ok((await page.getByTestId('rubric-line').count()) > 0, 'the opened score shows no rubric line'));
  const lines = await page
    .getByTestId('rubric-line')
    .evaluateAll((elements) => elements.map((line) => [line.getAttribute('data-fact'), line.getAttribute('data-passed')]));
  for (const [fact, passed] of lines) {
    assert.ok(fact, 'a rubric line has no data-fact');
    assert.ok(passed === 'true' || passed === 'false', `rubric line ${fact} has data-passed=${passed}`);
  }
});

journey('the worker is not loaded at start, and opening Share / Export starts one', { timeout: 60_000 }, async ({ page }) => {
  await waitForScores(page);
  await page.getByTestId('share-menu').hover();
  assert.equal(page.workers().length, 0, 'the page started its worker without being asked');
  await page.getByTestId('share-menu').click();
  await eventually(async () => assert.equal(page.workers().length, 1, 'opening Share / Export did not start the worker'));
  // The worker makes the link, and opening the Simulate panel starts no second worker.
  await eventually(async () => assert.match((await page.getByTestId('link-length').textContent()) ?? '', /^[\d,]+ characters$/));
  await page.getByTestId('sim-open').click();
  await page.getByTestId('sim-panel').waitFor({ state: 'visible' });
  await eventually(async () => assert.equal(await page.getByTestId('chart-throughput').count(), 1, 'the empty charts were not drawn'));
  assert.equal(page.workers().length, 1, 'a second worker was started');
});

journey('the Simulate panel module is not loaded at start, and opening Simulate loads it', { timeout: 60_000 }, async ({ page }) => {
  await waitForScores(page);
  const requested = () => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
  const panelFiles = (paths) => paths.filter((path) => /archplay-sim-panel/.test(path)).map((path) => path.split('/').pop()).sort();
  assert.deepEqual(panelFiles(await requested()), [], 'the page loaded the Simulate panel module at start');
  await page.getByTestId('sim-open').click();
  await page.getByTestId('sim-panel').waitFor({ state: 'visible' });
  assert.deepEqual(
    panelFiles(await requested()),
    ['archplay-sim-panel.js', 'archplay-sim-panel_bg.wasm'],
    'opening Simulate did not load the panel module',
  );
  // Closing and opening again keeps the one module (and shows the panel at once).
  await page.getByTestId('sim-close').click();
  await eventually(async () => assert.equal(await page.getByTestId('sim-panel').count(), 0, 'Close left the panel open'));
  await page.getByTestId('sim-open').click();
  await page.getByTestId('sim-panel').waitFor({ state: 'visible' });
  assert.equal(panelFiles(await requested()).length, 2, 'the panel module was loaded twice');
});

journey('a Simulate panel module that cannot load says so, changes nothing, and the next open tries again', { timeout: 60_000 }, async ({ page }) => {
  await waitForScores(page);
  const before = await nodeData(page);
  // A module the browser cannot compile (served as wasm, so no request fails).
  const broken = (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'not a wasm module' });
  await page.route('**/archplay-sim-panel_bg.wasm', broken);
  await page.getByTestId('sim-open').click();
  await eventually(async () => assert.match((await page.getByTestId('status').textContent()) ?? '', /Simulate panel could not load/));
  assert.equal(await page.getByTestId('sim-panel').count(), 0, 'a panel showed without its module');
  assert.equal(await page.getByTestId('sim-loading').count(), 0, 'the loading notice stayed');
  assert.equal(await page.getByTestId('sim-open').getAttribute('aria-pressed'), 'false', 'the panel stayed open');
  assert.deepEqual(await nodeData(page), before, 'the failed load changed the design');
  await page.unroute('**/archplay-sim-panel_bg.wasm', broken);
  await page.getByTestId('sim-open').click();
  await page.getByTestId('sim-panel').waitFor({ state: 'visible' });
});
