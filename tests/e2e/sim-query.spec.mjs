// Journey: for a design with an event store, the query form lists the
// store and the event types, and answers a type and time range with the
// run's matching events.

import assert from 'node:assert/strict';
import { eventually, journey, loadTemplate } from './helpers.mjs';
import { openSimPanel, pageSummary, runToEnd } from './sim-helpers.mjs';

/** Fills the query form, runs it and returns the count it answered. */
async function query(page, topic, from, to) {
  await page.getByTestId('query-topic').selectOption(topic);
  await page.getByTestId('query-from').fill(from);
  await page.getByTestId('query-from').press('Tab');
  await page.getByTestId('query-to').fill(to);
  await page.getByTestId('query-to').press('Tab');
  await page.getByTestId('query-run').click();
  return eventually(async () => {
    const result = page.getByTestId('query-result');
    // An empty "to" means the end of the 60 s run (the range's end is exclusive, so 61).
    assert.match(await result.textContent(), new RegExp(`${topic.replace('.', '\\.')} events from ${from} s to ${to || 61} s$`));
    return Number(await result.getAttribute('data-count'));
  });
}

journey('the event store query answers a type and a time range from the run', { timeout: 90_000 }, async ({ page }) => {
  await openSimPanel(page);
  assert.equal(await page.getByTestId('event-store-query').count(), 0, 'a design without a run offers no query');

  await loadTemplate(page, 'event-driven');
  await runToEnd(page, 'max');
  await page.getByTestId('event-store-query').waitFor({ state: 'visible' });
  assert.deepEqual(await page.getByTestId('query-store').locator('option').allTextContents(), ['event-store']);
  const topics = await page.getByTestId('query-topic').locator('option').allTextContents();
  assert.ok(topics.includes('order.created') && topics.includes('order.validated'), JSON.stringify(topics));

  const recorded = JSON.parse(await pageSummary(page)).event_stores[0].by_topic;
  const all = await query(page, 'order.created', '0', '');
  assert.equal(all, recorded['order.created'], 'the whole run holds what the summary counted');
  const first = await query(page, 'order.created', '0', '30');
  const second = await query(page, 'order.created', '30', '');
  assert.ok(first > 0 && second > 0 && first + second === all, `${first} + ${second} != ${all}`);
  assert.equal(await query(page, 'order.validated', '0', ''), recorded['order.validated']);
});
