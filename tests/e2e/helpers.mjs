// Shared helpers for the browser journeys: read or drive the UI only through
// its data-testid contract, and ask the command-line tool what the page should
// show. The browser's life (launch, errors, teardown) is in browser.mjs; its
// names are exported from here too, for the scripts that import them here.
//
// What must stay true: tests select elements by data-testid (never by CSS
// class), and waits are bounded by a timeout but nothing asserts on speed.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export { BASE_URL, CHROMIUM_ARGS, assertNoErrors, journey, launchBrowser, openApp, reloadApp } from './browser.mjs';

/** The repository root, for running the CLI. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The six quality attributes, in scorecard order. */
export const ATTRIBUTES = ['scalability', 'reliability', 'security', 'performance', 'maintainability', 'usability'];

/** The template names the template select offers. */
export const TEMPLATE_NAMES = ['microservices', 'event-driven', 'auto-scaling', 'database-scaling', 'payment-gateway', 'user-management-monolith', 'user-management-split'];

/**
 * Retries `check` (an async function that throws on failure) until it passes
 * or `timeoutMs` has passed, then rethrows its last failure. This bounds a
 * wait for the UI to settle; it asserts nothing about speed.
 */
export async function eventually(check, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The data-id of every node on the canvas, in document order. */
export function nodeIds(page) {
  return page.getByTestId('node').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));
}

/** Every node's data attributes: id, kind, name, selected. */
export function nodeData(page) {
  return page.getByTestId('node').evaluateAll((nodes) =>
    nodes.map((node) => ({
      id: node.getAttribute('data-id'),
      kind: node.getAttribute('data-kind'),
      name: node.getAttribute('data-name'),
      selected: node.getAttribute('data-selected') === 'true',
    })),
  );
}

/** Every edge's data attributes: id, from, to. */
export function edgeData(page) {
  return page.getByTestId('edge').evaluateAll((edges) =>
    edges.map((edge) => ({
      id: edge.getAttribute('data-id'),
      from: edge.getAttribute('data-from'),
      to: edge.getAttribute('data-to'),
    })),
  );
}

/** The node with data-id `id`. */
export function nodeById(page, id) {
  return page.locator(`[data-testid="node"][data-id="${id}"]`);
}

/** The first node of kind `kind`. */
export function nodeByKind(page, kind) {
  return page.locator(`[data-testid="node"][data-kind="${kind}"]`).first();
}

/** The number each score's text begins with, keyed by attribute and `overall`. */
export async function readScores(page) {
  const scores = {};
  for (const attribute of [...ATTRIBUTES, 'overall']) {
    const text = (await page.getByTestId(`score-${attribute}`).textContent()) ?? '';
    const number = Number.parseFloat(text.trim());
    assert.ok(Number.isFinite(number), `score-${attribute} does not begin with a number: ${JSON.stringify(text)}`);
    scores[attribute] = number;
  }
  return scores;
}

/** Waits until the six scores and the overall score are shown, and returns them. */
export function waitForScores(page) {
  return eventually(() => readScores(page));
}

/** Clicks a node to select it and waits until it is marked selected. */
export async function selectNode(page, id) {
  await nodeById(page, id).click();
  await eventually(async () => assert.equal(await nodeById(page, id).getAttribute('data-selected'), 'true'));
}

/**
 * Clicks the palette button of `kind` and returns the data-id of the node it
 * added. Unless `mustBeVisible` is false, the new node must lie inside the
 * visible canvas, since a user has to see it to use it.
 */
export async function addFromPalette(page, kind, { mustBeVisible = true } = {}) {
  const before = new Set(await nodeIds(page));
  await page.getByTestId(`palette-${kind}`).click();
  const added = await eventually(async () => {
    const nodes = (await nodeData(page)).filter((node) => !before.has(node.id));
    assert.equal(nodes.length, 1, `palette-${kind} added ${nodes.length} nodes`);
    assert.equal(nodes[0].kind, kind);
    return nodes[0];
  });
  if (mustBeVisible) {
    const canvas = await page.getByTestId('canvas').boundingBox();
    const node = await centre(nodeById(page, added.id));
    assert.ok(
      canvas && node.x > canvas.x && node.x < canvas.x + canvas.width && node.y > canvas.y && node.y < canvas.y + canvas.height,
      `palette-${kind} placed ${added.name} at (${Math.round(node.x)}, ${Math.round(node.y)}), outside the visible canvas ${JSON.stringify(canvas)}`,
    );
  }
  return added.id;
}

/**
 * Commits `value` to the inspector input `field-<key>`, whatever its widget:
 * a checkbox is set, a select picks the option, a text or number input is
 * filled and Enter is pressed (the app commits on change).
 */
export async function setField(page, key, value) {
  const field = page.getByTestId(`field-${key}`);
  await field.waitFor({ state: 'visible' });
  const widget = await field.evaluate((element) => ({ tag: element.tagName.toLowerCase(), type: element.getAttribute('type') }));
  if (widget.type === 'checkbox') {
    await field.setChecked(value === true || value === 'true');
  } else if (widget.tag === 'select') {
    await field.selectOption(String(value));
  } else {
    await field.fill(String(value));
    await field.press('Enter');
  }
}

/** The current value of the inspector input `field-<key>` (a boolean for a checkbox). */
export async function fieldValue(page, key) {
  const field = page.getByTestId(`field-${key}`);
  const type = await field.getAttribute('type');
  return type === 'checkbox' ? field.isChecked() : field.inputValue();
}

/** Presses the mouse on the source node's handle and releases it over the target node. */
export async function dragConnect(page, fromId, toId) {
  const handle = nodeById(page, fromId).getByTestId('handle');
  await handle.scrollIntoViewIfNeeded();
  const from = await centre(handle);
  const to = await centre(nodeById(page, toId));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** The centre of an element's bounding box in page pixels. */
export async function centre(locator) {
  const box = await locator.boundingBox();
  assert.ok(box, 'element has no bounding box (not visible)');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks the element `testId` and returns the download it starts: file name and bytes. */
export async function downloadFrom(page, testId) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.getByTestId(testId).click()]);
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** Clicks export-json and returns the downloaded design file's text. */
export async function exportJson(page) {
  return (await downloadFrom(page, 'export-json')).bytes.toString('utf8');
}

/** Loads the template `name` through the template select and load button. */
export async function loadTemplate(page, name) {
  await page.getByTestId('template-select').selectOption(name);
  await page.getByTestId('template-load').click();
}

/**
 * What the command-line tool prints for `args` (with `input` on standard input).
 * Uses $ARCHPLAY_CLI when set, else `cargo run` (built already by cargo test).
 */
export function cli(args, input = '') {
  return process.env.ARCHPLAY_CLI
    ? execFileSync(process.env.ARCHPLAY_CLI, args, { input, encoding: 'utf8' })
    : execFileSync('cargo', ['run', '--quiet', '--no-default-features', '--bin', 'archplay', '--', ...args], {
        cwd: REPO_ROOT,
        input,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'inherit'],
      });
}

const cliCache = new Map();

/** The design file the command-line tool prints for template `name`, parsed. */
export function cliTemplate(name) {
  if (!cliCache.has(name)) cliCache.set(name, JSON.parse(cli(['template', name])));
  return cliCache.get(name);
}

/** The six scores and overall the command-line tool computes for template `name`. */
export function cliTemplateScores(name) {
  return JSON.parse(cli(['score', '-'], JSON.stringify(cliTemplate(name)))).scores;
}

/** The design file a link or an autosaved snapshot holds, read by `archplay open`. */
export function cliOpen(text) {
  return JSON.parse(cli(['open', '-'], text));
}
