// Journey (c): an invalid value typed into an inspector field shows an inline
// error and leaves the design exactly as it was: same nodes, same node data,
// same scores, and a byte-identical exported design file.

import assert from 'node:assert/strict';
import {
  edgeData,
  eventually,
  exportJson,
  journey,
  nodeByKind,
  nodeData,
  readScores,
  selectNode,
  setField,
  waitForScores,
} from './helpers.mjs';

/** Everything the screen says about the design, plus the exported file. */
async function snapshot(page) {
  return {
    nodes: await nodeData(page),
    edges: await edgeData(page),
    scores: await readScores(page),
    file: await exportJson(page),
  };
}

for (const badValue of ['abc', '-5']) {
  journey(`replicas.current = ${JSON.stringify(badValue)} is refused inline and changes nothing`, { timeout: 60_000 }, async ({ page }) => {
    await waitForScores(page);
    await selectNode(page, await nodeByKind(page, 'service').getAttribute('data-id'));
    const before = await snapshot(page);

    await setField(page, 'replicas.current', badValue);
    const error = page.getByTestId('field-error-replicas.current');
    await error.waitFor({ state: 'visible', timeout: 5_000 });
    assert.ok(((await error.textContent()) ?? '').trim().length > 0, 'the field error is empty');

    const after = await snapshot(page);
    assert.deepEqual(after.nodes, before.nodes, 'the nodes changed');
    assert.deepEqual(after.edges, before.edges, 'the edges changed');
    assert.deepEqual(after.scores, before.scores, 'the scores changed');
    assert.equal(after.file, before.file, 'the exported design changed');

    // A valid value afterwards clears the error.
    await setField(page, 'replicas.current', '3');
    await eventually(async () => assert.equal(await error.isVisible(), false, 'the field error stayed after a valid value'));
  });
}
