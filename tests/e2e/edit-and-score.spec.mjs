// Journey (b): change an attribute and watch the scorecard follow; add two
// components from the palette and connect them by dragging from a handle and
// through the inspector's connect control; edit the new component.

import assert from 'node:assert/strict';
import {
  addFromPalette,
  dragConnect,
  edgeData,
  eventually,
  exportJson,
  fieldValue,
  journey,
  nodeByKind,
  nodeData,
  readScores,
  selectNode,
  setField,
  waitForScores,
} from './helpers.mjs';

/** Picks the connect-target option that names node `id` (by value, else by label). */
async function chooseConnectTarget(page, id, name) {
  const select = page.getByTestId('connect-target');
  const options = await select.locator('option').evaluateAll((elements) =>
    elements.map((option) => ({ value: option.value, label: option.textContent ?? '' })),
  );
  const option = options.find((candidate) => candidate.value === id) ?? options.find((candidate) => candidate.label.includes(name));
  assert.ok(option, `connect-target offers no option for node ${id} (${name}): ${JSON.stringify(options)}`);
  await select.selectOption(option.value);
}

journey('edit an attribute, add two components, connect them two ways', { timeout: 90_000 }, async ({ page }) => {
  // On the template: switch TLS off on the API gateway and the security score
  // drops; switch it back on and the score returns.
  const scoresAtStart = await waitForScores(page);
  await selectNode(page, await nodeByKind(page, 'api_gateway').getAttribute('data-id'));
  await setField(page, 'security.tls', false);
  await eventually(async () => {
    const scores = await readScores(page);
    assert.ok(scores.security < scoresAtStart.security, `security did not drop after TLS off: ${scoresAtStart.security} -> ${scores.security}`);
    assert.ok(scores.overall < scoresAtStart.overall, `overall did not drop after TLS off: ${scoresAtStart.overall} -> ${scores.overall}`);
  });
  await setField(page, 'security.tls', true);
  await eventually(async () => assert.deepEqual(await readScores(page), scoresAtStart, 'TLS back on did not restore the scores'));

  // Two new components from the palette.
  const clientId = await addFromPalette(page, 'client');
  const serviceId = await addFromPalette(page, 'service');

  // Connect client -> service by dragging from the client's handle.
  const edgesBefore = await edgeData(page);
  await dragConnect(page, clientId, serviceId);
  await eventually(async () => {
    const edges = await edgeData(page);
    assert.equal(edges.length, edgesBefore.length + 1, 'dragging from the handle did not add one edge');
    assert.ok(edges.some((edge) => edge.from === clientId && edge.to === serviceId), 'no edge from the client to the service');
  });

  // Connect service -> an existing database through the inspector.
  const database = nodeByKind(page, 'database');
  const databaseId = await database.getAttribute('data-id');
  const databaseName = await database.getAttribute('data-name');
  await selectNode(page, serviceId);
  await chooseConnectTarget(page, databaseId, databaseName);
  await page.getByTestId('connect-button').click();
  await eventually(async () => {
    const edges = await edgeData(page);
    assert.equal(edges.length, edgesBefore.length + 2, 'the connect button did not add one edge');
    assert.ok(edges.some((edge) => edge.from === serviceId && edge.to === databaseId), 'no edge from the service to the database');
  });

  // Change the new service's replicas: the inspector, the node and the design
  // file agree, and the scorecard is recomputed without error.
  const serviceName = await page.locator(`[data-testid="node"][data-id="${serviceId}"]`).getAttribute('data-name');
  await setField(page, 'replicas.current', '3');
  await eventually(async () => assert.equal(await fieldValue(page, 'replicas.current'), '3'));
  const design = JSON.parse(await exportJson(page));
  const service = design.components.find((component) => component.name === serviceName);
  assert.ok(service, `the exported design has no component named ${serviceName}`);
  assert.equal(service.replicas.current, 3);
  assert.equal(design.components.length, (await nodeData(page)).length);
  assert.ok(
    design.connections.some((connection) => String(connection.from) === String(service.id)),
    'the exported design has no connection from the new service',
  );
  await readScores(page);
});
