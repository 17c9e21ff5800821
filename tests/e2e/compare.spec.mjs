// Journeys of the Compare view (issue 11), its own wasm module
// (archplay-compare) with its own worker: pin the canvas as A, edit B (more
// replicas on a service, a new component), see the score, line and cost
// differences, the canvas marks and the changes list; a compare link opens
// the same two designs and the same differences in a fresh browser; a
// broken compare link changes nothing; Run both runs A and B with one seed,
// and an edit makes the runs stale.

import assert from 'node:assert/strict';
import { BASE_URL, addFromPalette, eventually, journey, nodeById, nodeByKind, nodeData, setField } from './helpers.mjs';
import { nodeNames } from './share-helpers.mjs';

/** Opens Compare and pins the canvas's design as A. */
async function pinCanvas(page) {
  await page.getByTestId('compare-open').click();
  await page.getByTestId('compare-pin').click();
  await page.getByTestId('compare-scores').waitFor({ state: 'visible' });
}

/** Gives the first service five replicas and adds a cache; returns their ids. */
async function editB(page) {
  const service = await nodeByKind(page, 'service').getAttribute('data-id');
  await nodeById(page, service).click();
  await setField(page, 'replicas.current', '5');
  const cache = await addFromPalette(page, 'cache');
  return { service, cache };
}

/** Every score's difference text, keyed by its row's test id. */
function scoreDeltas(page) {
  return page.getByTestId('compare-scores').locator('tbody tr').evaluateAll((rows) =>
    Object.fromEntries(rows.map((row) => [row.dataset.testid, row.querySelector('[data-testid="delta"]').textContent])),
  );
}

journey('pin, edit B: deltas, canvas marks and the changes list follow the edit', { timeout: 90_000 }, async ({ page }) => {
  await pinCanvas(page);
  assert.equal(await page.getByTestId('compare-no-changes').isVisible(), true, 'a design pinned against itself shows changes');
  const { service, cache } = await editB(page);
  const cacheName = (await nodeData(page)).find((node) => node.id === cache).name;
  await eventually(async () => {
    assert.equal(await nodeById(page, cache).getAttribute('data-mark'), 'added');
    assert.equal(await nodeById(page, service).getAttribute('data-mark'), 'changed');
  });
  await eventually(async () => {
    const changes = await page.getByTestId('compare-change').evaluateAll((items) => items.map((item) => `${item.dataset.kind}: ${item.textContent}`));
    assert.ok(changes.some((text) => text.startsWith('added:') && text.includes(cacheName)), `no added ${cacheName}: ${changes}`);
    assert.ok(changes.some((text) => text.startsWith('changed:') && text.includes('replicas.current: ') && text.includes('5')), `no replicas change: ${changes}`);
    assert.equal(await page.getByTestId('compare-cost-total').getAttribute('data-direction'), 'up', 'five replicas and a cache cost nothing more');
    const moved = await page.locator('[data-testid="compare-rubric"] tbody tr:not([data-direction="same"]), [data-testid="compare-scores"] tbody tr:not([data-direction="same"])').count();
    assert.ok(moved > 0, 'no score or rubric line moved');
  });
  // A listed component reveals it on the canvas.
  await page.getByTestId('compare-reveal').filter({ hasText: cacheName }).first().click();
  await eventually(async () => assert.equal(await nodeById(page, cache).getAttribute('data-selected'), 'true'));
  // Closing the view drops the marks.
  await page.getByTestId('compare-open').click();
  await eventually(async () => assert.equal(await nodeById(page, cache).getAttribute('data-mark'), null));
});

journey('a compare link opens both designs and the same differences in a fresh browser', { timeout: 120_000 }, async ({ page, open }) => {
  await pinCanvas(page);
  await editB(page);
  await eventually(async () => assert.notEqual(await page.getByTestId('compare-cost-total').getAttribute('data-direction'), 'same'));
  const deltas = await scoreDeltas(page);
  const names = await nodeNames(page);
  const aName = await page.getByTestId('compare-a-name').textContent();
  await page.getByTestId('compare-copy-link').click();
  const link = await page.getByTestId('compare-link').inputValue();
  assert.match(link, /#compare\/v\d+\.[^/]+\/v\d+\./);

  const receiver = await open(link);
  await receiver.page.getByTestId('compare-scores').waitFor({ state: 'visible' });
  await eventually(async () => {
    assert.deepEqual(await nodeNames(receiver.page), names, 'the compare link opened another design B');
    assert.equal(await receiver.page.getByTestId('compare-a-name').textContent(), aName);
    assert.equal(await receiver.page.getByTestId('compare-b-name').textContent(), await page.getByTestId('compare-b-name').textContent());
    assert.deepEqual(await scoreDeltas(receiver.page), deltas);
  });
});

journey('a broken compare link says which design is bad and changes nothing', { timeout: 60_000 }, async ({ page, open }) => {
  const names = await nodeNames(page);
  const receiver = await open(`${BASE_URL}#compare/v2.AAAA/v2.AAAA`);
  const notice = receiver.page.getByTestId('link-error');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /design A of the compare link cannot be opened/);
  assert.deepEqual(await nodeNames(receiver.page), names, 'a broken compare link changed the design');
});

journey('Run both runs A and B with one seed; an edit makes the runs stale', { timeout: 120_000 }, async ({ page }) => {
  await pinCanvas(page);
  const service = await nodeByKind(page, 'service').getAttribute('data-id');
  await nodeById(page, service).click();
  await setField(page, 'replicas.current', '4');
  await eventually(async () => assert.notEqual(await page.getByTestId('compare-cost-total').getAttribute('data-direction'), 'same'));
  await page.getByTestId('compare-seed').fill('42');
  await page.getByTestId('compare-duration').fill('5');
  await page.getByTestId('compare-run-both').click();
  const runs = page.getByTestId('compare-runs');
  await runs.waitFor({ state: 'visible', timeout: 60_000 });
  assert.equal(await runs.getAttribute('data-seed'), '42');
  assert.match(await runs.locator('caption').textContent(), /seed 42, 5 s/);
  for (const metric of ['p50', 'p95', 'p99', 'throughput']) {
    const row = page.getByTestId(`compare-run-${metric}`);
    assert.match(await row.getByTestId('run-a').textContent(), /^\d/, `${metric} of A`);
    assert.match(await row.getByTestId('run-b').textContent(), /^\d/, `${metric} of B`);
  }
  assert.equal(await page.getByTestId('compare-runs-stale').count(), 0);
  await setField(page, 'replicas.current', '6');
  await page.getByTestId('compare-runs-stale').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('compare-run-both').textContent(), 'Run again');
});
