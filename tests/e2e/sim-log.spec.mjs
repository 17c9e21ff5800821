// Journey: the event log tells what happened during a run (the run itself,
// scaling actions, requests that failed and why) and the summary counts the
// failed requests by cause, as `archplay simulate` does, and says in words
// how the run went against the error budget.

import assert from 'node:assert/strict';
import { journey, loadTemplate, setField } from './helpers.mjs';
import { pageSummary, runToEnd } from './sim-helpers.mjs';

/** Every log line as { kind, text }. */
function logLines(page) {
  return page.getByTestId('sim-log-line').evaluateAll((lines) => lines.map((line) => ({ kind: line.getAttribute('data-kind'), text: line.textContent })));
}

journey('the log shows scaling and failures by cause, and the summary counts errors by cause', { timeout: 120_000 }, async ({ page }) => {
  // The auto-scaling template starts web-service above what its load needs.
  await loadTemplate(page, 'auto-scaling');
  await runToEnd(page, 'max');
  let lines = await logLines(page);
  assert.equal(lines[0].kind, 'run');
  assert.match(lines[0].text, /simulating .*: seed 1, 60 s at \d+ req\/s/);
  assert.equal(lines.at(-1).kind, 'run');
  assert.match(lines.at(-1).text, /run finished after \d+ events/);
  const scaling = lines.filter((line) => line.kind === 'scale');
  assert.ok(scaling.some((line) => /15\.0 s\s*web-service scaled down from 4 to 3 replicas/.test(line.text)), JSON.stringify(scaling));

  // The payment gateway's routes are all POST; give it a quarter of reads,
  // which no route takes, so they fail with no_route.
  await loadTemplate(page, 'payment-gateway');
  await page.keyboard.press('Escape');
  await setField(page, 'workload.read_share', '0.25');
  await runToEnd(page, 'max');
  lines = await logLines(page);
  const failures = lines.filter((line) => line.kind === 'errors');
  assert.ok(failures.length > 10, `only ${failures.length} failure lines`);
  assert.ok(failures.every((line) => /requests? failed since the last line: no route: \d+; where: no route at /.test(line.text)), failures[0]?.text);
  const logged = failures.reduce((sum, line) => sum + Number.parseInt(line.text.replace(/^[\d.]+ s\s*/, ''), 10), 0);
  const summary = JSON.parse(await pageSummary(page));
  assert.equal(logged, summary.end_to_end.failed, 'every failed request appears in the log once');
  const rows = await page.getByTestId('sim-errors').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-cause'), row.textContent]));
  assert.deepEqual(rows, [['no_route', `no route${summary.end_to_end.errors.no_route}`]]);
  // A quarter of the requests failed: far above the 1 % error budget, the summary says so in words,
  // names where they failed and explains the cause.
  const verdict = page.getByTestId('sim-verdict');
  assert.equal(await verdict.getAttribute('data-state'), 'failed');
  assert.match(await verdict.textContent(), /^failed: [\d.]+ % of requests failed \([\d,]+ of [\d,]+\), above the 1 % error budget$/);
  const findings = await page.getByTestId('sim-finding').allTextContents();
  assert.match(findings[0], /^no route at payment-gateway: [\d,]+ requests failed$/);
  const terms = await page.getByTestId('sim-glossary-term').evaluateAll((list) => list.map((term) => term.getAttribute('data-cause')));
  assert.deepEqual(terms, ['no_route']);
});
