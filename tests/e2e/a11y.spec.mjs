// Journeys (accessibility): axe-core finds no serious or critical violation
// on the main screen, with a component selected, with the Simulate panel open
// after a run, with the Share menu open, and with Learn open (its path, an
// exercise, the challenge maker), and with Sweep open (its form, a drawn
// sweep, a refusal); the page has one h1; and the
// keyboard reaches what the mouse does: focus follows a palette add and a
// Delete, connections are focusable buttons named "from → to", and "?" opens
// a shortcuts dialog that Escape closes, handing focus back.
//
// What must stay true: axe-core is injected from node_modules (no network),
// a failing audit prints every serious or critical violation with its nodes,
// and elements are found by data-testid only.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { addFromPalette, edgeData, eventually, journey, nodeByKind, nodeById, nodeIds, selectNode } from './helpers.mjs';
import { openSimPanel, runToEnd } from './sim-helpers.mjs';
import { openShareMenu } from './share-helpers.mjs';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, read once and injected into each page audited. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail an audit. */
const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe-core on `page` and returns its violations, each with impact, id, help and the failing nodes. */
async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join('; ')}`),
    }));
  });
}

/** Audits `page` in the state `where` names and fails listing every serious or critical violation. */
async function assertAccessible(page, where) {
  const violations = await audit(page);
  const minor = violations.filter((violation) => !BLOCKING.has(violation.impact));
  if (minor.length > 0) console.log(`axe (${where}), minor: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact));
  const report = blocking
    .map((violation) => `- ${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.join('\n    ')}`)
    .join('\n');
  assert.equal(blocking.length, 0, `axe-core found serious or critical violations ${where}:\n${report}`);
}

journey('axe-core finds no serious or critical violation on the main screen', { timeout: 90_000 }, async ({ page }) => {
  await assertAccessible(page, 'on the main screen');
});

journey('axe-core finds no serious or critical violation with Learn open', { timeout: 90_000 }, async ({ page }) => {
  await page.getByTestId('learn-open').click();
  await page.getByTestId('learn-start-solid-open-closed').waitFor({ state: 'visible' });
  await page.getByTestId('challenge-maker-open').click();
  await page.getByTestId('challenge-maker').waitFor({ state: 'visible' });
  await assertAccessible(page, 'with the Learn path and the challenge maker open');
  await page.getByTestId('learn-start-solid-open-closed').click();
  await page.getByTestId('learn-checklist').waitFor({ state: 'visible' });
  await eventually(async () => assert.ok((await page.getByTestId('learn-checklist').locator('li').count()) > 0));
  await assertAccessible(page, 'with an exercise open');
  assert.equal(await page.locator('h1').count(), 1, 'Learn added an h1');
});

journey('axe-core finds no serious or critical violation with Sweep open, before and after a sweep', { timeout: 120_000 }, async ({ page }) => {
  await page.getByTestId('sweep-open').click();
  await page.getByTestId('sweep-param').waitFor({ state: 'visible' });
  await eventually(async () => assert.ok((await page.getByTestId('sweep-param').locator('option').count()) > 4), 15_000);
  await assertAccessible(page, 'with the Sweep form open');
  await page.getByTestId('sweep-steps').fill('4');
  await page.getByTestId('sweep-duration').fill('2');
  await page.getByTestId('sweep-run').click();
  await eventually(async () => assert.equal(await page.getByTestId('sweep-status').getAttribute('data-status'), 'done'), 60_000);
  await page.getByTestId('sweep-metric-utilisation').selectOption({ index: 1 });
  await assertAccessible(page, 'with a sweep drawn');
  await page.getByTestId('sweep-to').fill('-1');
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-error-to').waitFor({ state: 'visible' });
  await assertAccessible(page, 'with a refusal at a field');
});

journey('axe-core finds no serious or critical violation with Compare and Milestones open', { timeout: 90_000 }, async ({ page }) => {
  await page.getByTestId('compare-open').click();
  await page.getByTestId('compare-pin').click();
  await page.getByTestId('compare-scores').waitFor({ state: 'visible' });
  await assertAccessible(page, 'with Compare open and a design pinned');
  await page.getByTestId('milestones-tab').click();
  await page.getByTestId('milestone-save').click();
  await page.getByTestId('milestone').first().waitFor({ state: 'visible' });
  await assertAccessible(page, 'with Milestones open and one saved');
  assert.equal(await page.locator('h1').count(), 1, 'Compare added an h1');
});

journey('axe-core finds no serious or critical violation with a component selected', { timeout: 90_000 }, async ({ page }) => {
  const id = await nodeByKind(page, 'service').getAttribute('data-id');
  await selectNode(page, id);
  await page.getByTestId('inspector').waitFor({ state: 'visible' });
  await assertAccessible(page, 'with a component selected');
});

journey('axe-core finds no serious or critical violation with the Simulate panel open after a run', { timeout: 120_000 }, async ({ page }) => {
  await openSimPanel(page);
  await runToEnd(page);
  await assertAccessible(page, 'with the Simulate panel open after a run');
});

journey('axe-core finds no serious or critical violation with the Share menu open', { timeout: 90_000 }, async ({ page }) => {
  await openShareMenu(page);
  await assertAccessible(page, 'with the Share menu open');
});

journey('the page has exactly one h1', { timeout: 60_000 }, async ({ page }) => {
  assert.equal(await page.locator('h1').count(), 1);
});

journey('adding from the palette focuses the new component; Delete then focuses the canvas', { timeout: 60_000 }, async ({ page }) => {
  const id = await addFromPalette(page, 'cache');
  await eventually(async () => {
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="node"]')?.getAttribute('data-id') ?? null);
    assert.equal(focused, id, 'the new component does not have the focus');
  });
  await page.keyboard.press('Delete');
  await eventually(async () => assert.ok(!(await nodeIds(page)).includes(id), 'Delete did not remove the focused component'));
  await eventually(async () => {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    assert.equal(focused, 'canvas', 'after Delete the focus is not on the canvas');
  });
});

journey('connections are reachable by keyboard as buttons named "from → to"', { timeout: 60_000 }, async ({ page }) => {
  const edges = await edgeData(page);
  assert.ok(edges.length > 0, 'the starting design has no connection');
  const names = await page.getByTestId('node').evaluateAll((nodes) =>
    Object.fromEntries(nodes.map((node) => [node.getAttribute('data-id'), node.getAttribute('data-name')])),
  );
  const first = edges[0];
  const expected = `${names[first.from]} → ${names[first.to]}`;
  const connection = page.getByRole('button', { name: expected, exact: true });
  assert.equal(await connection.count(), 1, `no single button is named "${expected}"`);
  // Tab from the canvas until a connection has the focus: it must be in the
  // tab order (tabbing onto a box selects it, so this may be the box's own list).
  await page.getByTestId('canvas').focus();
  let reached = null;
  for (let step = 0; step < 200 && reached === null; step += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const active = document.activeElement;
      return active?.getAttribute('data-testid') === 'connection' ? active.getAttribute('aria-label') ?? active.textContent : null;
    });
  }
  assert.ok(reached && reached.includes('→'), 'Tab never reached a connection');
  // Escape clears the selection tabbing made, bringing back the design's list;
  // Enter on a connection there selects it, as a click on the edge does.
  await page.keyboard.press('Escape');
  await connection.focus();
  await page.keyboard.press('Enter');
  await eventually(async () => {
    const selected = await page.getByTestId('edge').evaluateAll((all) => all.filter((edge) => edge.getAttribute('data-selected') === 'true').map((edge) => edge.getAttribute('data-id')));
    assert.deepEqual(selected, [first.id]);
  });
});

journey('"?" opens the shortcuts dialog; Escape closes it and gives the focus back', { timeout: 60_000 }, async ({ page }) => {
  const id = await nodeByKind(page, 'service').getAttribute('data-id');
  await nodeById(page, id).getByTestId('node-focus').focus();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.getAttribute('role'), 'dialog');
  const text = (await dialog.textContent()) ?? '';
  for (const key of ['Delete', 'Escape', '?']) assert.ok(text.includes(key), `the shortcuts dialog does not list ${key}`);
  await assertAccessible(page, 'with the shortcuts dialog open');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="node"]')?.getAttribute('data-id') ?? null);
  assert.equal(focused, id, 'the focus did not return to where it was');
  // Typed into a text field, "?" is a character, not a shortcut.
  await selectNode(page, id);
  const name = page.getByTestId('field-name');
  await name.focus();
  await page.keyboard.press('?');
  assert.equal(await dialog.isVisible(), false, '"?" typed into a field opened the dialog');
});
