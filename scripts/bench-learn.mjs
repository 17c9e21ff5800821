// The `learn` part of scripts/bench-browser.mjs (BENCH=learn), in headless Chromium:
//   - an inspector edit to the repainted scorecard on a 50-component design
//     with an exercise active, against the same design with none active
//     (same page, same edit), and to the repainted checklist (which waits
//     for the grading debounce, 250 ms like the autosave, and the worker);
//   - Check on every exercise's starting design once, then the slowest one
//     RUNS times: press Check to the first frame after the checklist is graded;
//   - opening Learn cold: the Learn module (archplay-learn) is fetched on the
//     first click, so from that click to the first frame with the path
//     painted, in a fresh context each time (no cache), against reopening it
//     once mounted (the same click, no download) in the same page; with the
//     module's own download time from Resource Timing.
//
// What must stay true: every timing is taken inside the page with
// performance.now(); medians are printed beside their baselines of the same run.

import { addFromPalette, nodeByKind, nodeIds, openApp, selectNode, setField, waitForScores } from '../tests/e2e/helpers.mjs';

const TARGET_COMPONENTS = 50;
const SAMPLES = 30;
const WARM_UP = 3;
const RUNS = 5;
const PALETTE_KINDS = ['service', 'database', 'cache', 'load_balancer', 'client', 'monitoring'];
const EXERCISE = 'solid-open-closed';
const COLD_OPENS = 7;

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * In the page: sets `replicas.current` to `value` and resolves with the
 * milliseconds to the first frame after the scorecard changed and, if
 * `checklist`, after the checklist's text changed too.
 */
function timeEdit(page, value, checklist) {
  return page.evaluate(
    ({ value, checklist }) =>
      new Promise((resolve, reject) => {
        const input = document.querySelector('[data-testid="field-replicas.current"]');
        const card = document.querySelector('[data-testid="scorecard"]');
        const list = document.querySelector('[data-testid="learn-checklist"]');
        if (!input || !card || (checklist && !list)) return reject(new Error('field, scorecard or checklist not found'));
        const cardBefore = card.textContent;
        const listBefore = list?.textContent;
        const result = {};
        const timer = setTimeout(() => reject(new Error(`no repaint after replicas = ${value}`)), 10_000);
        const done = () => {
          if (result.scorecard === undefined || (checklist && result.checklist === undefined)) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(result);
        };
        const observer = new MutationObserver(() => {
          if (result.scorecardSeen === undefined && card.textContent !== cardBefore) {
            result.scorecardSeen = true;
            requestAnimationFrame(() => { result.scorecard = performance.now() - start; done(); });
          }
          if (checklist && result.listSeen === undefined && list.textContent !== listBefore) {
            result.listSeen = true;
            requestAnimationFrame(() => { result.checklist = performance.now() - start; done(); });
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        const start = performance.now();
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    { value, checklist },
  );
}

/** In the page: press Check and resolve with the milliseconds to the frame after it finished. */
function timeCheck(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const button = document.querySelector('[data-testid="learn-check"]');
        const timer = setTimeout(() => reject(new Error('Check did not finish in 60 s')), 60_000);
        const observer = new MutationObserver(() => {
          if (button.disabled) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(button, { attributes: true, attributeFilter: ['disabled'] });
        const start = performance.now();
        button.click();
      }),
  );
}

async function startExercise(page, id) {
  if (!(await page.getByTestId('learn-panel').isVisible())) await page.getByTestId('learn-open').click();
  if (await page.getByTestId('learn-back').isVisible()) await page.getByTestId('learn-back').click();
  await page.getByTestId(`learn-start-${id}`).click();
  await page.getByTestId('learn-exercise-title').waitFor({ state: 'visible' });
  await page.waitForTimeout(600);
}

async function editSamples(page, checklist) {
  // Start from a value neither sample uses, so the first edit changes something.
  await setField(page, 'replicas.current', '2');
  await page.waitForTimeout(600);
  const scorecard = [];
  const list = [];
  for (let index = 0; index < WARM_UP + SAMPLES; index += 1) {
    const result = await timeEdit(page, index % 2 === 0 ? 4 : 3, checklist);
    if (index >= WARM_UP) {
      scorecard.push(result.scorecard);
      if (checklist) list.push(result.checklist);
    }
    // Let the grading of this edit land before the next one.
    if (!checklist) await page.waitForTimeout(0);
  }
  return { scorecard, list };
}

/**
 * In the page: click Learn and resolve with the milliseconds to the first
 * frame in which the path's rows are painted.
 */
function timeOpen(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const painted = () => document.querySelector('[data-testid^="learn-start-"]')?.offsetParent;
        const timer = setTimeout(() => reject(new Error('the path did not paint in 30 s')), 30_000);
        const done = () => {
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(performance.now() - start));
        };
        const observer = new MutationObserver(() => {
          if (!painted()) return;
          observer.disconnect();
          done();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        const start = performance.now();
        document.querySelector('[data-testid="learn-open"]').click();
        if (painted()) {
          observer.disconnect();
          done();
        }
      }),
  );
}

/** Learn opened cold (module download included) in fresh contexts, against reopening it mounted. */
async function benchOpen(browser, url) {
  const cold = [];
  const warm = [];
  const download = [];
  for (let index = 0; index < COLD_OPENS; index += 1) {
    const { page, context } = await openApp(browser, url);
    try {
      await waitForScores(page);
      cold.push(await timeOpen(page));
      download.push(
        await page.evaluate(() => {
          const files = performance.getEntriesByType('resource').filter((entry) => /archplay-learn(\.js|_bg\.wasm)$/.test(entry.name));
          return Math.max(...files.map((entry) => entry.responseEnd)) - Math.min(...files.map((entry) => entry.startTime));
        }),
      );
      await page.getByTestId('learn-close').click();
      await page.getByTestId('learn-panel').waitFor({ state: 'hidden' });
      warm.push(await timeOpen(page));
    } finally {
      await context.close();
    }
  }
  console.log(`  learn: open Learn, ${COLD_OPENS} fresh contexts (served from ${new URL(url).host})`);
  console.log(`  click -> path painted, cold (module fetched, compiled, mounted)  median ${median(cold).toFixed(1)} ms`);
  console.log(`  click -> path painted, reopened (module mounted, baseline)       median ${median(warm).toFixed(1)} ms`);
  console.log(`  first request -> last byte of archplay-learn.js and _bg.wasm      median ${median(download).toFixed(1)} ms`);
}

/** The `learn` part. */
export async function benchLearn(browser, url) {
  await benchOpen(browser, url);
  const { page, context } = await openApp(browser, url);
  try {
    await startExercise(page, EXERCISE);
    let count = (await nodeIds(page)).length;
    for (let index = 0; count < TARGET_COMPONENTS; index += 1) {
      await addFromPalette(page, PALETTE_KINDS[index % PALETTE_KINDS.length], { mustBeVisible: false });
      count += 1;
    }
    await selectNode(page, await nodeByKind(page, 'service').getAttribute('data-id'));
    const active = await editSamples(page, true);
    await page.getByTestId('learn-back').click();
    await selectNode(page, await nodeByKind(page, 'service').getAttribute('data-id'));
    const none = await editSamples(page, false);
    console.log(`  learn: ${count} components, ${SAMPLES} edits after ${WARM_UP} warm-up, each way`);
    console.log(`  edit -> scorecard repainted, exercise active      median ${median(active.scorecard).toFixed(2)} ms`);
    console.log(`  edit -> scorecard repainted, no exercise          median ${median(none.scorecard).toFixed(2)} ms`);
    console.log(`  edit -> checklist repainted (250 ms debounce + worker) median ${median(active.list).toFixed(2)} ms`);

    const ids = await page.locator('[data-testid^="learn-start-"]').evaluateAll((buttons) => buttons.map((b) => b.dataset.testid.slice('learn-start-'.length)));
    const once = [];
    for (const id of ids) {
      await startExercise(page, id);
      once.push({ id, ms: await timeCheck(page) });
    }
    once.sort((a, b) => b.ms - a.ms);
    const slowest = once[0];
    await startExercise(page, slowest.id);
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await timeCheck(page));
    console.log(`  Check, every exercise once: ${once.map(({ id, ms }) => `${id} ${ms.toFixed(0)} ms`).join(', ')}`);
    console.log(`  Check on the slowest (${slowest.id}), press to graded frame  median ${median(runs).toFixed(0)} ms over ${RUNS} (goal under 2000 ms)`);
  } finally {
    await context.close();
  }
}
