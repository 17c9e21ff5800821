// Helpers for the simulation journeys: open the Simulate panel, choose a
// speed, run to the end, read the clock, the panel's state and the summary,
// and run `archplay simulate` on a design file. Built on helpers.mjs;
// elements are found by data-testid only.
//
// What must stay true: waits go through `eventually` or Playwright's bounded
// waits (a timeout bounds them; nothing asserts on speed), and the CLI runs
// the very design file the page exported.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, eventually } from './helpers.mjs';

/** Opens the Simulate panel unless it is open already. */
export async function openSimPanel(page) {
  if (await page.getByTestId('sim-panel').isVisible()) return;
  await page.getByTestId('sim-open').click();
  await page.getByTestId('sim-panel').waitFor({ state: 'visible' });
}

/** The run's state as the panel shows it: idle, starting, running, paused, finished, failed. */
export function simStatus(page) {
  return page.getByTestId('sim-panel').getAttribute('data-status');
}

/** Simulated seconds on the clock. */
export async function simSeconds(page) {
  return Number.parseFloat(await page.getByTestId('sim-time').getAttribute('data-seconds'));
}

/** Waits until the panel's state is `status` (bounded by `timeoutMs`). */
export async function waitForStatus(page, status, timeoutMs = 60_000) {
  await eventually(async () => assert.equal(await simStatus(page), status), timeoutMs);
}

/** Chooses a speed (`1x`, `10x`, `100x`, `max`), presses Run and waits for the run to finish. */
export async function runToEnd(page, speed = 'max') {
  await openSimPanel(page);
  await page.getByTestId('sim-speed').selectOption(speed);
  await page.getByTestId('sim-run').click();
  await waitForStatus(page, 'finished');
}

/** The summary JSON the panel exposes after a run, as text. */
export async function pageSummary(page) {
  const text = await page.getByTestId('sim-summary').getAttribute('data-summary');
  assert.ok(text, 'the finished run exposes no summary');
  return text;
}

/** Runs `archplay simulate` on `designText` (a design file) and returns the summary it prints, as text. */
export function cliSimulate(designText, extraArgs = []) {
  const folder = mkdtempSync(join(tmpdir(), 'archplay-sim-'));
  try {
    const file = join(folder, 'design.archplay.json');
    writeFileSync(file, designText);
    return cli(['simulate', file, ...extraArgs]).trim();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The `reason` of every Performance rubric line (expanding the row first). */
export async function performanceReasons(page) {
  const row = page.getByTestId('score-performance');
  const toggle = row.locator('button').first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return eventually(async () => {
    const lines = await row.getByTestId('rubric-line').allTextContents();
    assert.equal(lines.length, 4, 'the Performance score has four rubric lines');
    return lines;
  });
}
