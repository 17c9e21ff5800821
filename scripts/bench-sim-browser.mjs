// Browser benchmark (not a test): the simulator's speed inside its Web
// Worker in headless Chromium, where the app runs it.
//
// Usage: node scripts/bench-sim-browser.mjs            (serves dist/ itself; build it first)
//        BASE_URL=http://127.0.0.1:8080/ node scripts/bench-sim-browser.mjs
//        ARCHPLAY_BENCH_EVENTS=2000000 node scripts/bench-sim-browser.mjs
//
// The page starts the same worker the Simulate panel uses
// (archplay-worker_loader.js) and sends it `bench` commands; the worker
// times each repetition with performance.now() and answers with every
// repetition and the median. Workloads, each repeated, medians reported:
// - baseline: the bare agenda with one exponential draw per event (the floor
//   an event can cost here, as in benches/sim.rs);
// - M/M/c: one client, one 8-server station at utilisation 0.8 (goal >= 5 M events/s);
// - four-tier: client, load balancer, service, TTL cache, database with read
//   replicas, network hops (goal >= 3 M events/s);
// - a template: microservices at 1,000 req/s for 60 simulated seconds,
//   set-up included (goal < 1 s of wall time).
// Machines here are noisy: read the workloads against the baseline of the
// same run. The script also prints the gzipped sizes of the main bundle and
// of the worker bundle.

import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliTemplate, launchBrowser } from '../tests/e2e/helpers.mjs';
import { startServer } from './serve-dist.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EVENTS = Number(process.env.ARCHPLAY_BENCH_EVENTS ?? 10_000_000);
const REPEATS = 5;

/** A design file: components as [kind, name, fields], connections as [from, to] indices. */
function design(name, workload, components, connections) {
  return JSON.stringify({
    archplay: 1,
    name,
    components: components.map(([kind, componentName, fields], id) => ({ id, kind, name: componentName, ...fields })),
    connections: connections.map(([from, to], id) => ({ id, from, to })),
    workload,
  });
}

/** One client, one 8-server station, utilisation 0.8, no network delay (benches/sim.rs `mmc_design`). */
const MMC = design('bench M/M/8', { requests_per_second: 640, hop_latency_ms: 0, read_share: 1 }, [
  ['client', 'client', {}],
  ['service', 'station', { replicas: { min: 1, max: 1, current: 1 }, concurrency: 8, service_time_ms: 10, queue_capacity: 1_000_000 }],
], [[0, 1]]);

/** Client, load balancer, four service replicas, cache, database with two read replicas (benches/sim.rs `four_tier_design`). */
const FOUR_TIER = design('bench four tiers', { requests_per_second: 1000 }, [
  ['client', 'client', {}],
  ['load_balancer', 'lb', {}],
  ['service', 'service', { replicas: { min: 1, max: 10, current: 4 } }],
  ['cache', 'cache', { cache_ttl_s: 60 }],
  ['database', 'db', { read_replicas: 2 }],
], [[0, 1], [1, 2], [2, 3], [3, 4]]);

/** The microservices template at 1,000 req/s. */
function templateAt1000() {
  const template = structuredClone(cliTemplate('microservices'));
  template.workload.requests_per_second = 1000;
  return JSON.stringify(template);
}

/** Bytes of the dist/ files whose names match `pattern` after `gzip -9`, as scripts/test.sh counts them. */
function gzippedSize(pattern) {
  const dist = join(ROOT, 'dist');
  return readdirSync(dist)
    .filter((file) => pattern.test(file))
    .reduce((total, file) => total + execFileSync('gzip', ['-9', '-c', join(dist, file)], { maxBuffer: 64 << 20 }).length, 0);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    // The worker of the Simulate panel, driven directly with its own command format.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const worker = new Worker('archplay-worker_loader.js');
          worker.onerror = (event) => reject(new Error(`the worker failed: ${event.message}`));
          worker.onmessage = (event) => {
            if (event.data === 'ready') {
              window.archplayBenchWorker = worker;
              resolve();
            }
          };
        }),
    );
    const bench = (request) =>
      page.evaluate(
        (command) =>
          new Promise((resolve) => {
            const worker = window.archplayBenchWorker;
            worker.onmessage = (event) => {
              if (event.data && event.data.bench) resolve(JSON.parse(event.data.bench.json));
            };
            worker.postMessage({ bench: command });
          }),
        { seed: 7, duration_s: 0, repeats: REPEATS, design: null, ...request },
      );

    console.log(`simulator in the browser's worker: medians of ${REPEATS} runs (${EVENTS} events each unless said)`);
    const results = {};
    const report = (name, result, baseline) => {
      if (result.error) throw new Error(`${name}: ${result.error}`);
      results[name] = result;
      const rate = result.median_events_per_s;
      const ratio = baseline ? `  (${(baseline / rate).toFixed(2)} x the baseline's cost per event)` : '';
      console.log(`${name.padEnd(12)} median ${(rate / 1e6).toFixed(2).padStart(6)} M events/s${ratio}`);
    };
    report('baseline', await bench({ workload: 'baseline', events: EVENTS }));
    const baseline = results.baseline.median_events_per_s;
    report('M/M/c', await bench({ workload: 'design', design: MMC, events: EVENTS }), baseline);
    report('four-tier', await bench({ workload: 'design', design: FOUR_TIER, events: EVENTS }), baseline);
    const template = await bench({ workload: 'design', design: templateAt1000(), events: 0, duration_s: 60, seed: 1 });
    if (template.error) throw new Error(`template: ${template.error}`);
    const run = template.repetitions[0];
    console.log(
      `template     microservices at 1000 req/s, ${run.simulated_s} s simulated: median ${template.median_wall_ms.toFixed(0)} ms of wall time ` +
        `(${run.events} events, ${(template.median_events_per_s / 1e6).toFixed(2)} M events/s; goal < 1000 ms)`,
    );
    console.log('goals: M/M/c >= 5 M/s ' + (results['M/M/c'].median_events_per_s >= 5e6 ? 'met' : 'NOT met') +
      ', four-tier >= 3 M/s ' + (results['four-tier'].median_events_per_s >= 3e6 ? 'met' : 'NOT met') +
      ', template < 1 s ' + (template.median_wall_ms < 1000 ? 'met' : 'NOT met'));

    const main = gzippedSize(/^archplay-web-.*\.(wasm|js)$/);
    const worker = gzippedSize(/^archplay-worker.*\.(wasm|js)$/);
    console.log(`bundles (gzip -9): main ${(main / 1024).toFixed(1)} KB (loaded with the page), worker ${(worker / 1024).toFixed(1)} KB (loaded on first need)`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
