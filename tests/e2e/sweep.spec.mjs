// Journeys of the Sweep view (issue 11), its own wasm module (archplay-sweep)
// with a pool of workers (archplay-sweep-worker): a sweep over the request
// rate shows its points and the analytic curve; the CSV the page downloads
// is `archplay sweep` of the same design character for character, with one
// worker and with several; Cancel stops every worker and leaves the design
// as it was; a second sweep during the first replaces it; a bad range shows
// its message at the field and runs nothing; a database's shard count is a
// parameter whose CSV is the command line's too.
//
// What must stay true: elements are found by data-testid only; waits are
// bounded but nothing asserts on speed.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, downloadFrom, eventually, exportJson, journey, loadTemplate, waitForScores } from './helpers.mjs';

const RATE = 'workload.requests_per_second';

/** Opens Sweep from the toolbar and waits for its form to list the design's parameters. */
async function openSweep(page) {
  await waitForScores(page);
  await page.getByTestId('sweep-open').click();
  await page.getByTestId('sweep-param').waitFor({ state: 'visible' });
  await eventually(async () => assert.ok((await page.getByTestId('sweep-param').locator('option').count()) > 4, 'no parameters listed'), 15_000);
}

/** Fills the form (strings) and leaves the rest as it is. */
async function fill(page, fields) {
  if (fields.param) await page.getByTestId('sweep-param').selectOption(fields.param);
  for (const name of ['from', 'to', 'steps', 'seed', 'duration', 'workers']) {
    if (fields[name] !== undefined) await page.getByTestId(`sweep-${name}`).fill(String(fields[name]));
  }
}

/** The progress bar's done and total. */
async function progress(page) {
  const bar = page.getByTestId('sweep-progress');
  return { done: Number(await bar.getAttribute('data-done')), total: Number(await bar.getAttribute('data-total')) };
}

/** Where the sweep stands (idle, preparing, running, done, cancelled, failed). */
function status(page) {
  return page.getByTestId('sweep-status').getAttribute('data-status');
}

async function waitForStatus(page, wanted, timeoutMs = 60_000) {
  await eventually(async () => assert.equal(await status(page), wanted), timeoutMs);
}

/** `archplay sweep` of `designJson` with the same settings. */
function cliSweep(designJson, { param, from, to, steps, seed, duration }) {
  const dir = mkdtempSync(join(tmpdir(), 'archplay-sweep-'));
  const file = join(dir, 'design.json');
  writeFileSync(file, designJson);
  return cli(['sweep', file, '--param', param, '--from', String(from), '--to', String(to), '--steps', String(steps), '--seed', String(seed), '--duration', String(duration)]);
}

journey('a sweep over the request rate shows every point and the analytic curve, with the target line', { timeout: 120_000 }, async ({ page }) => {
  await openSweep(page);
  await fill(page, { param: RATE, from: 200, to: 1600, steps: 8, seed: 7, duration: 10 });
  await page.getByTestId('sweep-run').click();
  await waitForStatus(page, 'done');
  assert.deepEqual(await progress(page), { done: 8, total: 8 });
  const markers = page.locator('[data-testid="sweep-point"][data-metric="p99"]');
  assert.equal(await markers.count(), 8, 'one p99 marker per point');
  const curve = await page.locator('[data-testid="sweep-curve"][data-metric="p99"]').getAttribute('d');
  assert.match(curve ?? '', /^M[\d.]+,[\d.]+ L/, 'the estimate curve is drawn');
  assert.ok((curve.match(/[ML]/g) ?? []).length > 8, 'the curve has more samples than the points');
  assert.ok((await page.getByTestId('sweep-target').count()) >= 1, 'a design target line');
  assert.equal(await page.getByTestId('sweep-row').count(), 8);
  assert.match(await page.getByTestId('sweep-sources').textContent(), /a run of the design with workload\.requests_per_second at x \(seed 7, 10 s simulated\)/);
});

for (const workers of [1, 3]) {
  journey(`the downloaded CSV is archplay sweep of the same design, character for character, with ${workers} worker(s)`, { timeout: 120_000 }, async ({ page }) => {
    await openSweep(page);
    const settings = { param: RATE, from: 100, to: 1500, steps: 6, seed: 11, duration: 8 };
    await fill(page, { ...settings, workers });
    await page.getByTestId('sweep-run').click();
    await waitForStatus(page, 'done');
    // The points ran on as many workers as the form asked for.
    const running = page.workers().filter((worker) => worker.url().includes('archplay-sweep-worker')).length;
    assert.equal(running, workers, `${running} sweep workers ran the points`);
    const csv = (await downloadFrom(page, 'sweep-download')).bytes.toString('utf8');
    const expected = cliSweep(await exportJson(page), settings);
    assert.equal(csv, expected);
  });
}

journey('Cancel mid-sweep stops every worker and leaves the design unchanged', { timeout: 120_000 }, async ({ page }) => {
  await openSweep(page);
  const before = await exportJson(page);
  await fill(page, { param: RATE, from: 100, to: 1600, steps: 64, seed: 3, duration: 60, workers: 2 });
  await page.getByTestId('sweep-run').click();
  await eventually(async () => assert.ok((await progress(page)).done >= 1), 60_000);
  assert.equal(page.workers().filter((worker) => worker.url().includes('archplay-sweep-worker')).length, 2, 'two sweep workers run');
  await page.getByTestId('sweep-cancel').click();
  assert.equal(await status(page), 'cancelled');
  const stopped = await progress(page);
  assert.ok(stopped.done < 64, 'the sweep had finished before Cancel');
  await page.waitForTimeout(1_500);
  assert.deepEqual(await progress(page), stopped, 'a point landed after Cancel');
  const sweepWorkers = page.workers().filter((worker) => worker.url().includes('archplay-sweep-worker'));
  assert.equal(sweepWorkers.length, 0, 'a sweep worker still runs after Cancel');
  assert.equal(await exportJson(page), before, 'the design changed');
  assert.equal(await page.getByTestId('sweep-row').count(), stopped.done);
});

journey('a second sweep started during the first replaces it: only its points land', { timeout: 120_000 }, async ({ page }) => {
  await openSweep(page);
  await fill(page, { param: RATE, from: 100, to: 1600, steps: 64, seed: 3, duration: 60, workers: 2 });
  await page.getByTestId('sweep-run').click();
  await eventually(async () => assert.ok((await progress(page)).done >= 1), 60_000);
  await fill(page, { from: 300, to: 600, steps: 4, duration: 5 });
  await page.getByTestId('sweep-run').click();
  await waitForStatus(page, 'done');
  await page.waitForTimeout(1_000);
  assert.deepEqual(await progress(page), { done: 4, total: 4 });
  const values = await page.getByTestId('sweep-row').evaluateAll((rows) => rows.map((row) => row.querySelector('td').textContent));
  assert.deepEqual(values, ['300', '400', '500', '600']);
});

journey('a bad range or step count shows its message at the field and runs nothing', { timeout: 60_000 }, async ({ page }) => {
  await openSweep(page);
  await fill(page, { param: RATE, from: 900, to: 300, steps: 4 });
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-error-range').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('sweep-error-range').textContent(), /from \(900\) is larger than to \(300\)/);
  await fill(page, { from: 100, to: 300, steps: 65 });
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-error-steps').waitFor({ state: 'visible' });
  assert.match(await page.getByTestId('sweep-error-steps').textContent(), /steps must be from 1 to 64, not 65/);
  await fill(page, { steps: 4, from: 'lots' });
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-error-from').waitFor({ state: 'visible' });
  assert.equal(await status(page), 'idle');
  assert.deepEqual(await progress(page), { done: 0, total: 0 });
  assert.equal(await page.getByTestId('sweep-row').count(), 0);
});

journey('an edit after a sweep says the sweep is of the earlier design', { timeout: 60_000 }, async ({ page }) => {
  await openSweep(page);
  await fill(page, { param: RATE, from: 200, to: 400, steps: 2, duration: 2 });
  await page.getByTestId('sweep-run').click();
  await waitForStatus(page, 'done');
  assert.equal(await page.getByTestId('sweep-stale').count(), 0);
  await page.keyboard.press('Escape');
  await page.getByTestId('node').first().click();
  await page.keyboard.press('Delete');
  await page.getByTestId('sweep-stale').waitFor({ state: 'visible' });
});

journey("a database's shard count is a parameter: one point per count, the CSV archplay sweep's", { timeout: 120_000 }, async ({ page }) => {
  await loadTemplate(page, 'database-scaling');
  await openSweep(page);
  const option = page.getByTestId('sweep-param').locator('option[value="catalog-db.shards.count"]');
  assert.match((await option.textContent()) ?? '', /Shard count/);
  const settings = { param: 'catalog-db.shards.count', from: 1, to: 3, steps: 3, seed: 2, duration: 4 };
  await fill(page, settings);
  await page.getByTestId('sweep-run').click();
  await waitForStatus(page, 'done');
  assert.deepEqual(await progress(page), { done: 3, total: 3 });
  const csv = (await downloadFrom(page, 'sweep-download')).bytes.toString('utf8');
  assert.equal(csv, cliSweep(await exportJson(page), settings));
  assert.deepEqual(csv.trim().split('\n').slice(1).map((row) => row.split(',')[1]), ['1', '2', '3']);
});
