// Journeys (track J's, through the Learn module): a teacher makes a
// challenge from the design on the canvas (the maker at the foot of the
// Learn path) and copies its link; a student opening it in a fresh browser
// sees the brief, the hints one at a time and the checklist over the
// teacher's design, and Check grades it exactly as Try it did for the
// teacher. A broken challenge link (cut off, garbled, oversized, from a newer
// Archplay) shows a message naming the problem and changes nothing the user had.

import assert from 'node:assert/strict';
import { BASE_URL, addFromPalette, eventually, journey, loadTemplate } from './helpers.mjs';
import { allowClipboard, nodeNames, renameFirst, storedDesign, waitForSaved } from './share-helpers.mjs';

/** Opens Learn and its maker and fills it: a security-score check, a p99 check, a spike, seed 7, two hints. */
async function fillMaker(page) {
  await page.getByTestId('learn-open').click();
  await page.getByTestId('challenge-maker-open').click();
  const maker = page.getByTestId('challenge-maker');
  await maker.waitFor({ state: 'visible' });
  await page.getByTestId('maker-brief').fill('Keep the payments answering under a 3x spike.');
  await page.getByTestId('maker-hints').fill('Look at the busiest service.\nAdd replicas or autoscale it.');
  await page.getByTestId('maker-threshold-1').fill('10');
  await page.getByTestId('maker-add-check').click();
  await page.getByTestId('maker-kind-2').selectOption('p99_ms');
  await page.getByTestId('maker-threshold-2').fill('100000');
  await page.getByTestId('maker-arrival').selectOption('spike');
  await page.getByTestId('maker-seed').fill('7');
  return maker;
}

/** The checklist lines under `scope` once `count` are there. */
function resultsIn(scope, count) {
  return eventually(async () => {
    const lines = await scope.getByTestId('challenge-result').allTextContents();
    assert.equal(lines.length, count, `expected ${count} graded checks, saw ${lines.length}`);
    return lines;
  }, 30_000);
}

/** Makes a challenge link from the design on `page` (the maker must be filled and titled). */
async function copyChallengeLink(page) {
  await page.getByTestId('maker-copy').click();
  return eventually(async () => {
    const link = await page.getByTestId('maker-link').inputValue();
    assert.match(link, /#c1\.[A-Za-z0-9_-]+$/, 'no challenge link yet');
    return link;
  }, 15_000);
}

journey('a teacher-made challenge round-trips into a fresh browser and grades the same', { timeout: 180_000 }, async ({ page, context, open }) => {
  await allowClipboard(context);
  await loadTemplate(page, 'payment-gateway');
  const maker = await fillMaker(page);

  // Every field is checked before anything is made: the empty title is named.
  await page.getByTestId('maker-copy').click();
  await page.getByTestId('challenge-error-title').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('maker-link').count(), 0, 'a link was made from an invalid form');
  await page.getByTestId('maker-title').fill('Hold the spike');

  await page.getByTestId('maker-try').click();
  const teacher = await resultsIn(maker, 2);
  assert.match(teacher[1], /p99/i);
  assert.match(teacher[1], /ms/);
  const link = await copyChallengeLink(page);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is not on the clipboard');
  const teacherNames = await nodeNames(page);

  const student = (await open(link)).page;
  const panel = student.getByTestId('challenge-panel');
  await panel.waitFor({ state: 'visible', timeout: 20_000 });
  assert.equal((await student.getByTestId('challenge-title').textContent())?.trim(), 'Hold the spike');
  assert.match((await student.getByTestId('challenge-brief').textContent()) ?? '', /3x spike/);
  await eventually(async () => assert.deepEqual(await nodeNames(student), teacherNames, 'the student does not see the teacher\'s design'));
  assert.ok(!student.url().includes('#c1.'), 'the challenge stayed in the address');

  assert.equal(await student.getByTestId('challenge-hint').count(), 0);
  await student.getByTestId('challenge-next-hint').click();
  assert.deepEqual(await student.getByTestId('challenge-hint').allTextContents(), ['Look at the busiest service.']);

  await student.getByTestId('challenge-check').click();
  const graded = await resultsIn(panel, 2);
  assert.deepEqual(graded, teacher, 'the student\'s grading differs from the teacher\'s');
});

journey('a broken challenge link shows what is wrong and loses nothing', { timeout: 180_000 }, async ({ page, context, watch }) => {
  await allowClipboard(context);
  await addFromPalette(page, 'monitoring');
  await renameFirst(page, 'service', 'kept-service');
  const names = await nodeNames(page);
  const saved = await waitForSaved(page, names);

  await fillMaker(page);
  await page.getByTestId('maker-title').fill('Source of the broken links');
  const link = await copyChallengeLink(page);
  await page.getByTestId('maker-close').click();
  const [address, fragment] = link.split('#');
  const text = fragment;
  const middle = Math.floor(text.length / 2);
  const broken = [
    { what: 'cut off', url: `${address}#${text.slice(0, text.length - 25)}`, message: /truncated|cut off/i },
    { what: 'garbled', url: `${address}#${text.slice(0, middle)}*${text.slice(middle + 1)}`, message: /character.*\*/i },
    { what: 'oversized', url: `${address}#c1.${'A'.repeat(90_000)}`, message: /too long/i },
    { what: 'newer', url: `${address}#c9.${text.slice(3)}`, message: /newer Archplay/i },
  ];
  assert.equal(await storedDesign(page), saved, 'making a challenge changed the autosave');

  for (const variant of broken) {
    const tab = await context.newPage();
    watch(tab);
    await tab.goto(variant.url, { waitUntil: 'load' });
    await tab.getByTestId('app').waitFor({ state: 'visible', timeout: 20_000 });
    await eventually(async () => {
      const notice = tab.getByTestId('link-error');
      assert.ok(await notice.isVisible(), `no message for a ${variant.what} challenge link`);
      const said = (await notice.textContent()) ?? '';
      assert.match(said, variant.message, `the message for a ${variant.what} link does not name the problem: ${said}`);
      assert.match(said, /unchanged/);
    }, 15_000);
    assert.equal(await tab.getByTestId('challenge-panel').count(), 0, `a ${variant.what} link opened a challenge`);
    assert.deepEqual(await nodeNames(tab), names, `a ${variant.what} link changed the design on screen`);
    assert.equal(await storedDesign(tab), saved, `a ${variant.what} link changed the autosave`);
    await tab.close();
  }
  await page.goto(BASE_URL);
  await page.getByTestId('app').waitFor({ state: 'visible' });
  assert.deepEqual(await nodeNames(page), names);
  assert.equal(await storedDesign(page), saved);
});
