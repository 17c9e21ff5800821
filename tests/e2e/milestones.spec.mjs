// Journeys of Milestones (issue 11), in the Compare module: save two,
// rename one, reload, both still listed; open one (the canvas takes it);
// delete one and undo; compare one with the canvas; the design file carries
// the milestones and importing it in a fresh browser lists them; stored
// milestones that cannot be read are kept aside and the user is told.

import assert from 'node:assert/strict';
import { eventually, exportJson, fieldValue, journey, nodeById, nodeByKind, reloadApp, setField } from './helpers.mjs';
import { openShareMenu } from './share-helpers.mjs';

/** The key the milestones live under (src/engine/share/milestones.rs). */
const MILESTONES_KEY = 'archplay.milestones';

/** The names listed, in order. */
function listed(page) {
  return page.getByTestId('milestone').evaluateAll((items) => items.map((item) => item.dataset.name));
}

/** Opens Milestones from the toolbar. */
async function openMilestones(page) {
  await page.getByTestId('milestones-open').click();
  await page.getByTestId('milestone-save').waitFor({ state: 'visible' });
}

/** Saves the canvas as a milestone called `name` ('' takes the default name). */
async function save(page, name) {
  const before = (await listed(page)).length;
  await page.getByTestId('milestone-name-field').fill(name);
  await page.getByTestId('milestone-save').click();
  await eventually(async () => assert.equal((await listed(page)).length, before + 1));
}

/** Sets the first service's replicas. */
async function setReplicas(page, replicas) {
  const service = await nodeByKind(page, 'service').getAttribute('data-id');
  await nodeById(page, service).click();
  await setField(page, 'replicas.current', String(replicas));
  return service;
}

journey('save two, rename one, reload: both listed; open one, delete and undo, compare with the canvas', { timeout: 120_000 }, async ({ page }) => {
  const service = await setReplicas(page, 3);
  await openMilestones(page);
  await save(page, 'Three replicas');
  await setReplicas(page, 7);
  await save(page, '');
  assert.deepEqual(await listed(page), ['Three replicas', 'Milestone 2']);

  await page.getByTestId('milestone-rename').first().click();
  await page.getByTestId('milestone-rename-field').fill('Before');
  await page.getByTestId('milestone-rename-save').click();
  await eventually(async () => assert.deepEqual(await listed(page), ['Before', 'Milestone 2']));

  await reloadApp(page);
  await openMilestones(page);
  await eventually(async () => assert.deepEqual(await listed(page), ['Before', 'Milestone 2']));

  await page.getByTestId('milestone-open').first().click();
  await nodeById(page, service).click();
  await eventually(async () => assert.equal(await fieldValue(page, 'replicas.current'), '3'));
  await page.getByTestId('undo').click();
  await eventually(async () => assert.equal(await fieldValue(page, 'replicas.current'), '7'));

  await page.getByTestId('milestone-delete').nth(1).click();
  await eventually(async () => assert.deepEqual(await listed(page), ['Before']));
  await page.getByTestId('milestone-undo-delete').click();
  await eventually(async () => assert.deepEqual(await listed(page), ['Before', 'Milestone 2']));
  await page.getByTestId('milestone-delete').nth(1).click();
  await eventually(async () => assert.deepEqual(await listed(page), ['Before']));
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), MILESTONES_KEY)).length, 1);

  await page.getByTestId('milestone-compare').first().click();
  await page.getByTestId('compare-scores').waitFor({ state: 'visible' });
  await eventually(async () => {
    const changes = await page.getByTestId('compare-change').allTextContents();
    assert.ok(changes.some((text) => text.includes('replicas.current: 3 \u2192 7')), `no replicas change listed: ${changes}`);
  });
});

journey('the design file carries the milestones; importing it in a fresh browser lists them', { timeout: 120_000 }, async ({ page, open }) => {
  await openMilestones(page);
  await save(page, 'Kept in the file');
  const file = await exportJson(page);
  const json = JSON.parse(file);
  assert.equal(json.milestones.length, 1);
  assert.equal(json.milestones[0].name, 'Kept in the file');
  assert.ok(Array.isArray(json.milestones[0].design.components));

  const receiver = await open();
  await openShareMenu(receiver.page);
  await receiver.page.getByTestId('import-json').setInputFiles({ name: 'with-milestones.archplay.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await eventually(async () => assert.ok(await receiver.page.evaluate((key) => localStorage.getItem(key), MILESTONES_KEY)));
  await openMilestones(receiver.page);
  await eventually(async () => assert.deepEqual(await listed(receiver.page), ['Kept in the file']));
  // Importing it again keeps the milestone once.
  await openShareMenu(receiver.page);
  await receiver.page.getByTestId('import-json').setInputFiles({ name: 'again.archplay.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await receiver.page.waitForTimeout(500);
  assert.deepEqual(await listed(receiver.page), ['Kept in the file']);
});

journey('stored milestones that cannot be read are kept aside and the user is told', { timeout: 60_000 }, async ({ page }) => {
  await page.evaluate((key) => localStorage.setItem(key, 'not a list'), MILESTONES_KEY);
  await reloadApp(page);
  await openMilestones(page);
  const problem = page.getByTestId('milestones-problem');
  await problem.waitFor({ state: 'visible' });
  assert.match(await problem.textContent(), /could not be read.*nothing was deleted/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}.unreadable`), MILESTONES_KEY), 'not a list');
  await save(page, 'Fresh');
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}.unreadable`), MILESTONES_KEY), 'not a list');
});
