// The browser's life around each journey: launch Debian's Chromium through
// playwright-core, open the app in a fresh context with every console error,
// page error and failed request collected, and close it all afterwards.
// A spec declares its journeys with `journey(...)` and never launches,
// watches or closes a browser itself.
//
// What must stay true: one Chromium per spec file, launched before its first
// journey and closed after its last; every context a journey opens is closed
// when the journey ends, passed or failed; and a journey that passes still
// fails if any page it opened reported an error, since the app must run
// without any.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

/** Where the built dist/ is served; scripts/test.sh passes it in. */
export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';

/** Flags for running Chromium as root on a closed network (see /work/shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** How long the app may take to mount after a navigation, ms. */
const MOUNT_TIMEOUT_MS = 20_000;

/** Launches headless Debian Chromium. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * Collects `page`'s console errors, uncaught exceptions and failed requests
 * into `errors`, and accepts its dialogs (a template load may ask before
 * replacing an edited design; the journeys accept). Returns `errors`.
 */
export function watchPage(page, errors = []) {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('dialog', (dialog) => dialog.accept());
  return errors;
}

/** Waits until the app on `page` has mounted and shows at least one node. */
export async function waitForMount(page) {
  await page.getByTestId('app').waitFor({ state: 'visible', timeout: MOUNT_TIMEOUT_MS });
  await page.getByTestId('node').first().waitFor({ state: 'attached', timeout: MOUNT_TIMEOUT_MS });
}

/** Reloads `page` and waits for the app to mount again (it starts from the autosave). */
export async function reloadApp(page) {
  await page.reload({ waitUntil: 'load' });
  await page.getByTestId('app').waitFor({ state: 'visible', timeout: MOUNT_TIMEOUT_MS });
}

/** A fresh browser context: the journeys' window size, downloads allowed, no storage. */
function newContext(browser) {
  return browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
}

/** Opens the app at `url` in a new page of `context`, its errors going to `errors`, and waits for it to mount. */
async function openIn(context, url, errors) {
  const page = await context.newPage();
  watchPage(page, errors);
  await page.goto(url, { waitUntil: 'load' });
  await waitForMount(page);
  return page;
}

/**
 * Opens the app at `url` in a fresh context of `browser` and waits for it to
 * mount. Returns the context, the page and the list that collects the page's
 * errors. The caller closes the context (`journey` does it for the journeys).
 */
export async function openApp(browser, url = BASE_URL) {
  const context = await newContext(browser);
  const errors = [];
  const page = await openIn(context, url, errors);
  return { context, page, errors };
}

/** Fails with every collected console or page error listed. */
export function assertNoErrors(errors) {
  assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
}

/** The spec file's Chromium (each spec file runs in a process of its own). */
let browser;
let browserHooks = false;

/** Registers, once per spec file, the hooks that launch and close its Chromium. */
function useBrowser() {
  if (browserHooks) return;
  browserHooks = true;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
}

/**
 * Declares one browser journey: a node:test test with `options` (its
 * timeout) whose `body` gets the app, already mounted at BASE_URL:
 *
 * - `page`, `context`: the app's page and its fresh browser context;
 * - `open(url)`: the app at `url` in another fresh context (a second user,
 *   with storage of its own), resolving to `{ context, page }`;
 * - `watch(page)`: collects the errors of a page the body opened itself (a tab);
 * - `browser`: the spec file's Chromium.
 *
 * After the body every context is closed. A body that passed then fails on
 * any error a page reported while it ran; a body that failed fails with its
 * own error, and the page's errors are printed beside it as diagnostics.
 */
export function journey(name, options, body) {
  useBrowser();
  test(name, options, async (t) => {
    const errors = [];
    const contexts = [];
    const open = async (url = BASE_URL) => {
      const context = await newContext(browser);
      contexts.push(context);
      return { context, page: await openIn(context, url, errors) };
    };
    let passed = false;
    let reported = [];
    try {
      const first = await open();
      await body({ ...first, open, watch: (page) => watchPage(page, errors), browser });
      passed = true;
    } finally {
      // What the pages said while the journey ran; closing them may abort requests, which is no fault of the app.
      reported = [...errors];
      if (!passed && reported.length > 0) t.diagnostic(`the page also reported:\n${reported.join('\n')}`);
      for (const context of contexts) await context.close();
    }
    assertNoErrors(reported);
  });
}
