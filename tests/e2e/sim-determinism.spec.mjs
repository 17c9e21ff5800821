// Journey: the same design and seed give the same run in the browser's
// worker (wasm) as `archplay simulate` natively: the summary the page
// exposes equals the command-line tool's, number for number.

import assert from 'node:assert/strict';
import { exportJson, journey, loadTemplate, setField } from './helpers.mjs';
import { cliSimulate, pageSummary, runToEnd } from './sim-helpers.mjs';

journey('the browser run of a template equals archplay simulate for the same design and seed', { timeout: 180_000 }, async ({ page }) => {
  for (const [template, seed] of [
    ['microservices', null],
    // A seed above 2^53: it must reach the worker exactly, not as a rounded JS number.
    ['payment-gateway', '9007199254740993'],
  ]) {
    await loadTemplate(page, template);
    if (seed !== null) await setField(page, 'simulation.seed', seed);
    await runToEnd(page, 'max');
    const browserText = await pageSummary(page);
    // The design file the page holds, run natively from its own settings.
    const nativeText = cliSimulate(await exportJson(page));
    assert.match(nativeText, new RegExp(`"seed": ${seed ?? '1'},`), `${template}: the CLI did not use the design's seed`);
    const [browserSummary, native] = [JSON.parse(browserText), JSON.parse(nativeText)];
    assert.ok(native.events > 50_000, `${template}: only ${native.events} events`);
    assert.deepEqual(browserSummary, native, `${template}: the browser and the CLI disagree`);
    // Not only equal numbers: the very same text, digit for digit.
    assert.equal(browserText, nativeText, `${template}: the summaries differ in their text`);
  }
});
