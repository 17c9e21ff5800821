// Journeys of the Learn view (issue 10), which is its own wasm module
// (archplay-learn) the page loads on the first click: neither the module nor
// its worker is fetched at start, the first Learn click fetches the module
// once and it starts a worker of its own; open Learn, start
// an exercise, see a failing check, make the changes the first two hints
// name, press Check, pass; the progress survives a reload; an exercise link
// opens the same exercise and design in a fresh browser; a module that
// cannot load says so and changes nothing.

import assert from 'node:assert/strict';
import { BASE_URL, addFromPalette, dragConnect, eventually, journey, nodeData, reloadApp, selectNode, setField, waitForScores } from './helpers.mjs';
import { allowClipboard, nodeNames } from './share-helpers.mjs';

/** The exercise the journeys work: its first hint is a change a journey can make. */
const EXERCISE = 'solid-open-closed';
/** The key the progress record lives under (src/engine/learn/progress.rs). */
const PROGRESS_KEY = 'archplay.learn.progress';
/** The Learn module's files (src/learn_bridge.rs) and its worker's. */
const MODULE_FILES = /\/archplay-learn(-worker)?(\.js|_bg\.wasm|_loader\.js)$/;

/** The mark of check `id` in the checklist ("passed", "failed", "needs_run"). */
function mark(page, id) {
  return page.getByTestId(`learn-check-${id}`).getAttribute('data-mark');
}

/** Opens Learn from the toolbar and starts EXERCISE from the path. */
async function startExercise(page) {
  await page.getByTestId('learn-open').click();
  await page.getByTestId(`learn-start-${EXERCISE}`).click();
  await page.getByTestId('learn-exercise-title').waitFor({ state: 'visible' });
  await eventually(async () => assert.ok((await nodeNames(page)).includes('payment-gateway'), 'the starting design is not on the canvas'));
}

/** Makes the change the first hint names: a service called adyen-processor, connected from payment-gateway. */
async function addAdyen(page) {
  const serviceId = await addFromPalette(page, 'service');
  await setField(page, 'name', 'adyen-processor');
  const gateway = (await nodeData(page)).find((node) => node.name === 'payment-gateway');
  assert.ok(gateway, 'no payment-gateway on the canvas');
  await dragConnect(page, gateway.id, serviceId);
}

journey('the Learn module is not fetched at start; the first Learn click fetches it once, and it starts its own worker', { timeout: 60_000 }, async ({ page }) => {
  const fetched = [];
  page.on('request', (request) => {
    if (MODULE_FILES.test(new URL(request.url()).pathname)) fetched.push(new URL(request.url()).pathname);
  });
  // Reloaded with the listener in place, so the start itself is watched.
  await reloadApp(page);
  await waitForScores(page);
  await page.waitForTimeout(500);
  assert.deepEqual(fetched, [], 'the page fetched the Learn module at start');
  assert.equal(await page.getByTestId('learn-panel').isVisible(), false);
  assert.equal(page.workers().length, 0, 'a worker started at start');

  await page.getByTestId('learn-open').click();
  await page.getByTestId(`learn-start-${EXERCISE}`).waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => location.hash), '#learn');
  const workers = page.workers().map((worker) => new URL(worker.url()).pathname);
  assert.deepEqual(workers, ['/archplay-learn-worker_loader.js'], 'Learn did not list the path from a worker of its own');
  assert.deepEqual(fetched.sort(), ['/archplay-learn-worker.js', '/archplay-learn-worker_bg.wasm', '/archplay-learn-worker_loader.js', '/archplay-learn.js', '/archplay-learn_bg.wasm']);

  // Closing and opening again shows the same module: nothing is fetched twice.
  await page.getByTestId('learn-close').click();
  await page.getByTestId('learn-panel').waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => location.hash), '');
  await page.getByTestId('learn-open').click();
  await page.getByTestId(`learn-start-${EXERCISE}`).waitFor({ state: 'visible' });
  assert.equal(fetched.length, 5, `fetched again: ${fetched.join(', ')}`);
  assert.equal(await page.getByTestId('learn-overall').count(), 1, 'the module mounted twice');
});

journey('start an exercise, follow a hint, press Check and pass; the pass survives a reload', { timeout: 120_000 }, async ({ page }) => {
  await startExercise(page);
  assert.match(await page.getByTestId('learn-brief').textContent(), /Goal/);
  assert.equal(await page.evaluate(() => location.hash), `#learn/${EXERCISE}`);
  await eventually(async () => assert.equal(await mark(page, 'adyen-present'), 'failed'));
  const failing = await page.getByTestId('learn-check-adyen-present').textContent();
  assert.match(failing, /measured .*, needs /, `a failing check does not say measured against required: ${failing}`);

  await page.getByTestId('learn-hint').click();
  assert.match(await page.getByTestId('learn-hints').textContent(), /adyen-processor/);
  await addAdyen(page);
  // Instant checks follow the edit without pressing Check.
  await eventually(async () => {
    assert.equal(await mark(page, 'adyen-present'), 'passed');
    assert.equal(await mark(page, 'adyen-routed'), 'passed');
    assert.equal(await mark(page, 'adyen-share'), 'needs_run');
  });

  // The second hint: give the new route a weight, so the gateway sends it its share.
  await page.getByTestId('learn-hint').click();
  assert.match(await page.getByTestId('learn-hints').textContent(), /weight/);
  const adyen = (await nodeData(page)).find((node) => node.name === 'adyen-processor');
  await selectNode(page, adyen.id);
  await page.locator('[data-testid="connection"][aria-label="payment-gateway → adyen-processor"]').first().click();
  await setField(page, 'weight', '2');

  await page.getByTestId('learn-check').click();
  await eventually(async () => {
    const summary = await page.getByTestId('learn-summary').textContent();
    assert.ok(!/waiting/.test(summary), `the simulated checks did not run: ${summary}`);
    assert.equal(await mark(page, 'adyen-share'), 'passed', await page.getByTestId('learn-checklist').textContent());
  }, 30_000);
  await page.getByTestId('learn-debrief').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('learn-compare').isEnabled(), true);

  // The reference replaces the design in place; "Back to my design" puts it back exactly.
  const mine = await nodeNames(page);
  await page.getByTestId('learn-compare').click();
  await page.getByTestId('learn-back-to-mine').waitFor({ state: 'visible' });
  await page.getByTestId('learn-back-to-mine').click();
  await eventually(async () => assert.deepEqual(await nodeNames(page), mine));

  // A reload keeps the pass (and the design, through the autosave).
  await eventually(async () => assert.match(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY), /solid-open-closed passed/));
  await page.waitForTimeout(400);
  await reloadApp(page);
  await page.getByTestId('learn-exercise-title').waitFor({ state: 'visible' });
  await eventually(async () => assert.ok((await nodeNames(page)).includes('adyen-processor'), 'the reload lost the design'));
  await page.getByTestId('learn-debrief').waitFor({ state: 'visible' });
  await page.getByTestId('learn-back').click();
  await eventually(async () => assert.equal(await page.getByTestId(`learn-exercise-${EXERCISE}`).getAttribute('data-status'), 'passed'));
  assert.match(await page.getByTestId('learn-overall').textContent(), /^1 of \d+ exercises passed/);
});

journey('an exercise link opens the same exercise and design in a fresh browser', { timeout: 120_000 }, async ({ page, context, open }) => {
  await allowClipboard(context);
  await startExercise(page);
  await addAdyen(page);
  const names = await nodeNames(page);
  await page.getByTestId('learn-copy-link').click();
  const link = await eventually(async () => {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, new RegExp(`#learn/${EXERCISE}/v\\d+\\.`), `no exercise link was copied: ${text.slice(0, 80)}`);
    return text;
  });

  const receiver = await open(link);
  await receiver.page.getByTestId('learn-exercise-title').waitFor({ state: 'visible' });
  await eventually(async () => {
    assert.deepEqual(await nodeNames(receiver.page), names, 'the exercise link opened another design');
    assert.equal(await mark(receiver.page, 'adyen-present'), 'passed');
  });
});

journey('a corrupt progress record is backed up and reset; the design is untouched', { timeout: 60_000 }, async ({ page }) => {
  const design = await page.evaluate(() => localStorage.getItem('archplay.design'));
  await page.evaluate((key) => localStorage.setItem(key, 'not a progress record'), PROGRESS_KEY);
  await reloadApp(page);
  // Progress is the Learn module's: it is read when Learn first opens.
  await page.getByTestId('learn-open').click();
  await page.getByTestId('storage-error').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}.unreadable`), PROGRESS_KEY), 'not a progress record');
  assert.equal(await page.evaluate(() => localStorage.getItem('archplay.design')), design);
});

journey('a Learn module that cannot be loaded says so, changes nothing, and the next click loads it', { timeout: 60_000 }, async ({ browser }) => {
  // A context of its own: the refused download is the point here, not an error of the app.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    let refuse = true;
    await context.route('**/archplay-learn_bg.wasm', (route) => (refuse ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
    const page = await context.newPage();
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await waitForScores(page);
    const names = await nodeNames(page);
    await page.getByTestId('learn-open').click();
    const notice = page.getByTestId('load-error');
    await notice.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await notice.textContent(), /Learn could not be loaded: .+ Your design is unchanged/);
    assert.equal(await page.getByTestId('learn-panel').isVisible(), false);
    assert.equal(await page.getByTestId('learn-open').getAttribute('aria-pressed'), 'false');
    assert.deepEqual(await nodeNames(page), names);

    refuse = false;
    await page.getByTestId('learn-open').click();
    await page.getByTestId(`learn-start-${EXERCISE}`).waitFor({ state: 'visible', timeout: 20_000 });
    await notice.waitFor({ state: 'detached' });
  } finally {
    await context.close();
  }
});
