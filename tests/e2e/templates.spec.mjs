// Journey (d): every template loads from the template menu and shows the
// same components, connections and scores as the command-line tool's
// `archplay template NAME` / `archplay score`.

import assert from 'node:assert/strict';
import {
  ATTRIBUTES,
  TEMPLATE_NAMES,
  cliTemplate,
  cliTemplateScores,
  edgeData,
  eventually,
  journey,
  loadTemplate,
  nodeData,
  readScores,
} from './helpers.mjs';

journey('each template loads with the CLI’s components, connections and scores', { timeout: 120_000 }, async ({ page }) => {
  // Load them in an order that starts away from the first screen's template.
  for (const name of [...TEMPLATE_NAMES.slice(1), TEMPLATE_NAMES[0]]) {
    const design = cliTemplate(name);
    const expectedNames = design.components.map((component) => component.name).sort();
    await loadTemplate(page, name);
    await eventually(async () => {
      const nodes = await nodeData(page);
      assert.equal(nodes.length, design.components.length, `${name}: node count`);
      assert.deepEqual(nodes.map((node) => node.name).sort(), expectedNames, `${name}: node names`);
      assert.equal((await edgeData(page)).length, design.connections.length, `${name}: edge count`);
    });
    const expectedScores = cliTemplateScores(name);
    const scores = await readScores(page);
    for (const attribute of [...ATTRIBUTES, 'overall']) {
      // The scorecard may round for display; a whole point of slack covers that.
      assert.ok(
        Math.abs(scores[attribute] - expectedScores[attribute]) <= 1,
        `${name}: ${attribute} shows ${scores[attribute]}, the CLI says ${expectedScores[attribute]}`,
      );
    }
  }
});
