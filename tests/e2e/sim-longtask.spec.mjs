// Journey: the page stays responsive while a simulation runs. The simulator
// works in its Web Worker, so no task on the page's main thread takes more
// than 50 ms during a run, at full speed or paced. This is a recorded
// measurement (PerformanceObserver 'longtask' in the page): it prints what it
// saw and fails if any entry is over 50 ms.

import assert from 'node:assert/strict';
import { eventually, journey, loadTemplate } from './helpers.mjs';
import { openSimPanel, runToEnd, simSeconds, waitForStatus } from './sim-helpers.mjs';

/** The longest a main-thread task may take during a run, ms. */
const LIMIT_MS = 50;

journey('no task on the main thread takes over 50 ms while simulations run', { timeout: 180_000 }, async ({ page }) => {
  // Observe from here on: loading the app itself is not part of the measurement.
  await page.evaluate(() => {
    window.archplayLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.archplayLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
  // The observer must see long tasks at all: a deliberate 120 ms task (a
  // timer's, as the page's own work would be) is reported.
  await page.evaluate(() =>
    setTimeout(() => {
      const end = performance.now() + 120;
      while (performance.now() < end);
    }, 0),
  );
  await eventually(async () => assert.ok(await page.evaluate(() => window.archplayLongTasks.some((entry) => entry.duration >= 100)), 'the observer saw no long task'));
  await openSimPanel(page);
  const now = () => page.evaluate(() => performance.now());
  // Only what happens while a simulation runs counts, not loading a template.
  const windows = [];

  // The largest template at full speed (the first Run also loads the worker).
  await loadTemplate(page, 'database-scaling');
  let from = await now();
  await runToEnd(page, 'max');
  windows.push([from, await now()]);

  // A paced run: progress arrives ten times a second for a few seconds.
  await loadTemplate(page, 'event-driven');
  await page.getByTestId('sim-speed').selectOption('10x');
  from = await now();
  await page.getByTestId('sim-run').click();
  await waitForStatus(page, 'running');
  await eventually(async () => assert.ok((await simSeconds(page)) >= 25, 'the paced run does not advance'), 30_000);
  await page.getByTestId('sim-reset').click();
  windows.push([from, await now()]);

  const entries = await page.evaluate(
    (spans) => window.archplayLongTasks.filter((entry) => spans.some(([start, end]) => entry.start >= start && entry.start <= end)),
    windows,
  );
  const longest = entries.reduce((max, entry) => Math.max(max, entry.duration), 0);
  // The measurement, for the record (the test's output).
  console.log(`long tasks during the runs: ${entries.length}, longest ${longest.toFixed(1)} ms (limit ${LIMIT_MS} ms)`);
  const over = entries.filter((entry) => entry.duration > LIMIT_MS);
  assert.deepEqual(over, [], `main-thread tasks over ${LIMIT_MS} ms during a run: ${JSON.stringify(over)}`);
});
