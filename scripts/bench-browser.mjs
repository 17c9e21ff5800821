// Browser benchmark (not a test), in headless Chromium:
//   startup  time from navigation to the first painted scores (fresh context
//            each load: no cache, no autosave), median over LOADS loads;
//   run      time from the end of a simulation run (the worker's last message
//            arriving in the page) to the reconciled scorecard painted (the
//            first animation frame after the panel shows the run finished);
//   edit     how long from an inspector edit to the repainted scorecard, on
//            a 50-component design;
//   learn    the same with an exercise active (and to the repainted
//            checklist), and Check on the slowest exercise (scripts/bench-learn.mjs;
//            not in the default parts).
//
// Usage: node scripts/bench-browser.mjs            (serves dist/ itself; build it first)
//        BASE_URL=http://127.0.0.1:8080/ node scripts/bench-browser.mjs
//        BENCH=startup,run node scripts/bench-browser.mjs   (only some parts)
//
// Each sample is timed inside the page with performance.now(): from just
// before the edit's change event is dispatched to the first animation frame
// after the scorecard's text changed. Two baselines run in the same browser:
// an empty requestAnimationFrame round trip, and a no-op edit (the same value
// committed again) timed to its next frame. Machines here are noisy, so read
// the edit median against the baselines of the same run, never across runs.

import { addFromPalette, launchBrowser, loadTemplate, nodeByKind, nodeIds, openApp, selectNode } from '../tests/e2e/helpers.mjs';
import { openSimPanel } from '../tests/e2e/sim-helpers.mjs';
import { benchLearn } from './bench-learn.mjs';
import { startServer } from './serve-dist.mjs';

const TARGET_COMPONENTS = 50;
const SAMPLES = 50;
const WARM_UP = 5;
const PALETTE_KINDS = ['service', 'database', 'cache', 'load_balancer', 'event_bus', 'client', 'api_gateway', 'event_store', 'auth_provider', 'service_registry', 'monitoring'];
const LOADS = 9;
const RUNS = 5;
const PARTS = (process.env.BENCH ?? 'startup,run,edit').split(',');

/**
 * Installed before the page's scripts: a promise of the page's clock
 * (milliseconds since navigation started) at the first animation frame after
 * the overall score shows a number, and the arrival time of the newest
 * message from any Web Worker (the listener is added when the worker is
 * made, so it runs before the app's own handler).
 */
function instrumentPage() {
  window.__firstScoresPainted = new Promise((resolve) => {
    const shown = () => /^\s*\d/.test(document.querySelector('[data-testid="score-overall"]')?.textContent ?? '');
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  window.__lastWorkerMessage = 0;
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => {
        window.__lastWorkerMessage = performance.now();
      });
    }
  };
}

/** Navigation to first painted scores, in fresh contexts (one warm-up load first). */
async function benchStartup(browser, url) {
  const samples = [];
  for (let index = 0; index <= LOADS; index += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(instrumentPage);
      await page.goto(url, { waitUntil: 'commit' });
      const painted = await page.evaluate(() => window.__firstScoresPainted);
      if (index > 0) samples.push(painted);
    } finally {
      await context.close();
    }
  }
  return samples;
}

/**
 * In the page: presses Run and resolves with milliseconds from the arrival
 * of the worker message that finished the run to the first animation frame
 * after the panel says `finished` (the scorecard is reconciled in the same
 * update), and whether the scorecard's text changed after that message.
 */
function timeRunToScorecard(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const panel = document.querySelector('[data-testid="sim-panel"]');
        const card = document.querySelector('[data-testid="scorecard"]');
        const run = document.querySelector('[data-testid="sim-run"]');
        if (!panel || !card || !run) return reject(new Error('sim-panel, scorecard or sim-run not found'));
        let cardChangedAt = 0;
        const cardObserver = new MutationObserver(() => {
          cardChangedAt = performance.now();
        });
        const timer = setTimeout(() => reject(new Error('the run did not finish within 120 s')), 120_000);
        let started = false;
        const statusObserver = new MutationObserver(() => {
          const status = panel.getAttribute('data-status');
          if (status !== 'finished') {
            started = true;
            return;
          }
          if (!started) return;
          const ended = window.__lastWorkerMessage;
          statusObserver.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            cardObserver.disconnect();
            resolve({ ms: performance.now() - ended, cardChanged: cardChangedAt >= ended });
          });
        });
        statusObserver.observe(panel, { attributes: true, attributeFilter: ['data-status'] });
        cardObserver.observe(card, { subtree: true, childList: true, characterData: true, attributes: true });
        run.click();
      }),
  );
}

/** End of a run to the reconciled scorecard painted, over RUNS runs of the starting template at max speed. */
async function benchRun(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrumentPage);
    await page.goto(url, { waitUntil: 'load' });
    await page.getByTestId('node').first().waitFor({ state: 'attached' });
    await openSimPanel(page);
    await page.getByTestId('sim-speed').selectOption('max');
    const samples = [];
    let changed = 0;
    for (let index = 0; index <= RUNS; index += 1) {
      const { ms, cardChanged } = await timeRunToScorecard(page);
      if (index > 0) {
        samples.push(ms);
        if (cardChanged) changed += 1;
      }
    }
    return { samples, changed };
  } finally {
    await context.close();
  }
}

/** Median and 95th percentile (nearest rank) of a list of milliseconds. */
function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: rank(0.5), p95: rank(0.95), n: sorted.length };
}

/**
 * In the page: commit `value` to field `key` by dispatching input + change
 * (a checkbox is clicked). Resolves with `{ changed, frame }`: milliseconds
 * until the scorecard text changed in the DOM, and until the first animation
 * frame after that (when `expectChange` is false, `changed` is 0 and `frame`
 * is the first frame after the dispatch).
 */
function timeEdit(page, key, value, expectChange) {
  return page.evaluate(
    ({ key, value, expectChange }) =>
      new Promise((resolve, reject) => {
        const input = document.querySelector(`[data-testid="field-${key}"]`);
        const card = document.querySelector('[data-testid="scorecard"]');
        if (!input || !card) return reject(new Error(`field-${key} or scorecard not found`));
        const before = card.textContent;
        let start = 0;
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the scorecard did not change after ${key} = ${value}`));
        }, 10_000);
        const observer = new MutationObserver(() => {
          if (card.textContent === before) return;
          const changed = performance.now() - start;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve({ changed, frame: performance.now() - start }));
        });
        if (expectChange) observer.observe(card, { subtree: true, childList: true, characterData: true });
        start = performance.now();
        if (input.type === 'checkbox') {
          if (input.checked !== value) input.click();
          else input.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          input.value = String(value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }
        if (!expectChange) {
          clearTimeout(timer);
          requestAnimationFrame(() => resolve({ changed: 0, frame: performance.now() - start }));
        }
      }),
    { key, value, expectChange },
  );
}

/** In the page: one empty requestAnimationFrame round trip, in milliseconds. */
function timeFrame(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const start = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }),
  );
}

/** The current value of field `key` as the page holds it. */
function currentValue(page, key) {
  return page.evaluate((key) => {
    const input = document.querySelector(`[data-testid="field-${key}"]`);
    return input.type === 'checkbox' ? input.checked : input.value;
  }, key);
}

/** Finds an edit that moves the scorecard: the selection to make, a field and two values. */
async function chooseEdit(page) {
  const candidates = [
    { select: 'service', key: 'service_time_ms', values: ['20', '400'] },
    { select: 'api_gateway', key: 'security.tls', values: [false, true] },
    { select: 'service', key: 'replicas.current', values: ['2', '6'] },
  ];
  for (const candidate of candidates) {
    await selectNode(page, await nodeByKind(page, candidate.select).getAttribute('data-id'));
    if ((await page.getByTestId(`field-${candidate.key}`).count()) === 0) continue;
    try {
      await timeEdit(page, candidate.key, candidate.values[0], false);
      await timeEdit(page, candidate.key, candidate.values[1], true);
      await timeEdit(page, candidate.key, candidate.values[0], true);
      return candidate;
    } catch {
      // This edit does not move the scorecard on this design; try the next.
    }
  }
  throw new Error('no candidate edit changed the scorecard');
}

/** Prints one row: a label, the median and the 95th percentile. */
function printRow(label, samples) {
  const { median, p95, n } = summarise(samples);
  console.log(`  ${label.padEnd(48)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   (n=${n})`);
}

async function main() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    console.log(`bench-browser: Chromium ${browser.version()}`);
    if (PARTS.includes('startup')) {
      printRow('navigation -> first painted scores', await benchStartup(browser, server.url));
    }
    if (PARTS.includes('run')) {
      const { samples, changed } = await benchRun(browser, server.url);
      printRow('end of run -> reconciled scorecard painted', samples);
      console.log(`  (the scorecard changed after the run's last message in ${changed} of ${samples.length} runs)`);
    }
    if (PARTS.includes('edit')) await benchEdit(browser, server.url);
    if (PARTS.includes('learn')) await benchLearn(browser, server.url);
  } finally {
    await browser.close();
    server.stop();
  }
}

/** Inspector edit to repainted scorecard on a 50-component design, with its baselines. */
async function benchEdit(browser, url) {
  {
    const { page } = await openApp(browser, url);
    await loadTemplate(page, 'microservices');
    let count = (await nodeIds(page)).length;
    for (let index = 0; count < TARGET_COMPONENTS; index += 1) {
      await addFromPalette(page, PALETTE_KINDS[index % PALETTE_KINDS.length], { mustBeVisible: false });
      count += 1;
    }
    const components = (await nodeIds(page)).length;
    if (components !== TARGET_COMPONENTS) throw new Error(`built ${components} components, wanted ${TARGET_COMPONENTS}`);

    const edit = await chooseEdit(page);
    const editSamples = [];
    const changedSamples = [];
    const noOpSamples = [];
    const frameSamples = [];
    for (let index = 0; index < WARM_UP + SAMPLES; index += 1) {
      const value = edit.values[(index + 1) % 2];
      const editMs = await timeEdit(page, edit.key, value, true);
      const noOpMs = await timeEdit(page, edit.key, await currentValue(page, edit.key), false);
      const frameMs = await timeFrame(page);
      if (index >= WARM_UP) {
        editSamples.push(editMs.frame);
        changedSamples.push(editMs.changed);
        noOpSamples.push(noOpMs.frame);
        frameSamples.push(frameMs);
      }
    }

    const rows = [
      [`edit ${edit.key} -> scorecard repainted`, summarise(editSamples)],
      [`edit ${edit.key} -> scorecard text in DOM`, summarise(changedSamples)],
      ['baseline: no-op edit -> next frame', summarise(noOpSamples)],
      ['baseline: empty rAF round trip', summarise(frameSamples)],
    ];
    console.log(`  edit: ${components} components, ${SAMPLES} samples after ${WARM_UP} warm-up`);
    for (const [label, { median, p95, n }] of rows) {
      console.log(`  ${label.padEnd(48)} median ${median.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   (n=${n})`);
    }
    const editMedian = rows[0][1].median;
    const frameMedian = rows[3][1].median;
    console.log(`  edit median / rAF median = ${(editMedian / frameMedian).toFixed(2)}`);
  }
}

main().catch((error) => {
  console.error(`bench-browser: ${error.stack ?? error}`);
  process.exit(1);
});
