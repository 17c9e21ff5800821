// Sweep benchmark (not a test): a 20-point sweep in the browser's Sweep
// module with 1 worker and with N workers (N = this machine's cores), and
// the same sweep natively through `archplay sweep --threads 1 / N`, in one
// invocation.
//
// Usage: node scripts/bench-sweep.mjs     (serves dist/ itself; build both first:
//        trunk build --release --offline; cargo build --profile cli --no-default-features --bin archplay)
//        BASE_URL=http://127.0.0.1:8080/ ARCHPLAY_BENCH_REPEATS=7 node scripts/bench-sweep.mjs
//
// The sweep is benches/sweep.rs's: the microservices template at 1,000
// requests a second, `orders-service.service_time_ms` from 10 to 40 ms in 20
// points, each point 60 simulated seconds with seed 1. The page opens the
// design from a share link, Sweep is opened and one warm-up sweep with N
// workers starts every worker (its time is reported as the cold start);
// then sweeps with 1 and N workers alternate, each timed in the page from
// the Run click to the status "done" (performance.now()). Natively, 1 and N
// threads alternate, each timed as the process's wall time. Medians are
// reported with the speedup (goal >= 0.7 x min(N, cores)) and the wall time
// with all cores (goal < 1 s). The machine is shared and noisy: read the
// ratios inside one run.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/e2e/helpers.mjs';
import { startServer } from './serve-dist.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REPEATS = Number(process.env.ARCHPLAY_BENCH_REPEATS ?? 5);
const CORES = availableParallelism();
const CLI = process.env.ARCHPLAY_CLI ?? join(ROOT, 'target/cli/archplay');
const SWEEP = { param: 'orders-service.service_time_ms', from: 10, to: 40, steps: 20, seed: 1, duration: 60 };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The design file: the microservices template at 1,000 req/s. */
function designFile() {
  const design = JSON.parse(execFileSync(CLI, ['template', 'microservices'], { encoding: 'utf8' }));
  design.workload.requests_per_second = 1000;
  const file = join(mkdtempSync(join(tmpdir(), 'archplay-bench-sweep-')), 'design.json');
  writeFileSync(file, JSON.stringify(design));
  return file;
}

/** One native sweep on `threads` threads: wall seconds. */
function nativeSweep(file, threads) {
  const args = ['sweep', file, '--param', SWEEP.param, '--from', String(SWEEP.from), '--to', String(SWEEP.to), '--steps', String(SWEEP.steps), '--seed', String(SWEEP.seed), '--duration', String(SWEEP.duration), '--threads', String(threads)];
  const start = process.hrtime.bigint();
  execFileSync(CLI, args, { encoding: 'utf8' });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** One sweep in the page with `workers` workers: seconds from the Run click to "done". */
async function browserSweep(page, workers) {
  await page.getByTestId('sweep-workers').fill(String(workers));
  return page.evaluate(() => new Promise((resolve, reject) => {
    const status = document.querySelector('[data-testid="sweep-status"]');
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const now = status.getAttribute('data-status');
      if (now === 'done') {
        observer.disconnect();
        resolve((performance.now() - start) / 1000);
      } else if (now === 'failed' || now === 'idle') {
        observer.disconnect();
        reject(new Error(`the sweep ended ${now}: ${status.textContent}`));
      }
    });
    observer.observe(status, { attributes: true, attributeFilter: ['data-status'] });
    document.querySelector('[data-testid="sweep-run"]').click();
  }));
}

async function main() {
  const file = designFile();
  const link = execFileSync(CLI, ['link', file], { encoding: 'utf8' }).trim();
  const server = await startServer();
  const browser = await launchBrowser();
  const times = { browser1: [], browserN: [], native1: [], nativeN: [] };
  let cold;
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}#${link}`);
    await page.getByTestId('sweep-open').waitFor();
    await page.getByTestId('sweep-open').click();
    await page.getByTestId('sweep-param').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sweep-param"] option').length > 4);
    await page.getByTestId('sweep-param').selectOption(SWEEP.param);
    for (const name of ['from', 'to', 'steps', 'seed', 'duration']) await page.getByTestId(`sweep-${name}`).fill(String(SWEEP[name]));
    cold = await browserSweep(page, CORES);
    for (let repeat = 0; repeat < REPEATS; repeat += 1) {
      times.browser1.push(await browserSweep(page, 1));
      times.browserN.push(await browserSweep(page, CORES));
    }
  } finally {
    await browser.close();
    server.stop();
  }
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    times.native1.push(nativeSweep(file, 1));
    times.nativeN.push(nativeSweep(file, CORES));
  }
  const m = Object.fromEntries(Object.entries(times).map(([key, list]) => [key, median(list)]));
  const goal = 0.7 * Math.min(CORES, CORES);
  const line = (what, one, many) => `${what}: 1 = ${one.toFixed(3)} s, ${CORES} = ${many.toFixed(3)} s, speedup ${(one / many).toFixed(2)}x (goal >= ${goal.toFixed(2)}x)`;
  console.log(`sweep: ${SWEEP.steps} points of microservices at 1,000 req/s, ${SWEEP.param} ${SWEEP.from}..${SWEEP.to}, ${SWEEP.duration} s simulated each; medians of ${REPEATS}, N = ${CORES} cores`);
  console.log(line('Chromium, workers', m.browser1, m.browserN) + `; wall time with all cores ${m.browserN < 1 ? 'under' : 'OVER'} 1 s`);
  console.log(`Chromium, first sweep (${CORES} workers starting: fetch, compile): ${cold.toFixed(3)} s`);
  console.log(line('native (archplay sweep --threads)', m.native1, m.nativeN));
  console.log(`browser over native, N: ${(m.browserN / m.nativeN).toFixed(2)}x`);
  console.log(`all runs (s): ${JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map((t) => Number(t.toFixed(3)))])))}`);
}

await main();
