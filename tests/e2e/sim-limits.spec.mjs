// Journey: a link someone sends holds a design that would overload the
// simulator. Opening it and pressing Run gives a run that is limited with a
// message (requests past the cap on calls in flight fail under
// `simulation_limit`; a run whose arrivals alone pass the event budget is
// refused before it starts), and the page keeps answering throughout.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, cli, cliTemplate, eventually, journey, nodeIds, setField } from './helpers.mjs';
import { openSimPanel, pageSummary, waitForStatus } from './sim-helpers.mjs';

/** A client sending 200,000 req/s to one slow server with a very long queue, for 2 s. */
function overloadingDesign() {
  const template = cliTemplate('microservices');
  const client = template.components.find((c) => c.kind === 'client');
  const service = template.components.find((c) => c.name === 'users-service');
  const slow = {
    ...service,
    name: 'slow-service',
    position: { x: 320, y: 120 },
    replicas: { min: 1, max: 1, current: 1 },
    concurrency: 1,
    service_time_ms: 10_000,
    queue_capacity: 1_000_000,
    autoscaling: { ...service.autoscaling, enabled: false },
    health_check: { ...service.health_check, enabled: false },
  };
  return {
    ...template,
    name: 'overload',
    components: [{ ...client, position: { x: 40, y: 120 } }, slow],
    connections: [{ id: 0, from: client.id, to: slow.id }],
    workload: { ...template.workload, requests_per_second: 200_000 },
    simulation: { ...template.simulation, duration_s: 2, warmup_s: 0, faults: [] },
  };
}

/** The share-link fragment `archplay link` makes for a design. */
function linkFragment(design) {
  const folder = mkdtempSync(join(tmpdir(), 'archplay-limits-'));
  try {
    const file = join(folder, 'overload.json');
    writeFileSync(file, JSON.stringify(design));
    return cli(['link', file]).trim();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

journey('an overloading design from a link runs limited, with a message, and the page keeps answering', { timeout: 120_000 }, async ({ open }) => {
  const { page } = await open(`${BASE_URL}#${linkFragment(overloadingDesign())}`);
  await eventually(async () => assert.equal((await nodeIds(page)).length, 2), 20_000);

  await openSimPanel(page);
  await page.getByTestId('sim-speed').selectOption('max');
  await page.getByTestId('sim-run').click();
  // The page answers while the worker runs: animation frames keep coming and
  // the panel's clock is read, until the run ends.
  let frames = 0;
  while ((await page.getByTestId('sim-panel').getAttribute('data-status')) !== 'finished') {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    frames += 1;
    assert.ok(frames < 2_000, 'the run did not finish');
  }
  await waitForStatus(page, 'finished');

  const summary = JSON.parse(await pageSummary(page));
  const limited = summary.end_to_end.errors.simulation_limit;
  assert.ok(limited > 0, `no request failed under simulation_limit: ${JSON.stringify(summary.end_to_end.errors)}`);
  const rows = await page.getByTestId('sim-errors').evaluateAll((list) => list.map((row) => row.getAttribute('data-cause')));
  assert.ok(rows.includes('simulation_limit'), `the failures by cause do not name the limit: ${rows}`);
  const log = await page.getByTestId('sim-log-line').allTextContents();
  assert.ok(log.some((line) => /simulation_limit|simulation limit/.test(line)), 'the log does not say the run was limited');

  // Arrivals alone past the event budget: refused before the run, with the numbers.
  await page.keyboard.press('Escape');
  await setField(page, 'workload.requests_per_second', '10000000');
  await setField(page, 'simulation.duration_s', '1000000');
  await page.getByTestId('sim-run').click();
  await waitForStatus(page, 'failed');
  const message = await page.getByTestId('sim-failure').textContent();
  assert.match(message, /event/i, message);
  assert.ok(message.length < 400, `the message is ${message.length} characters long`);
  // Nothing the user had changed: the design still holds the two components and the new rate.
  assert.equal((await nodeIds(page)).length, 2);
});
