// Journey: the Share / Export menu downloads the design as an SVG picture, a
// PNG picture, a Mermaid flowchart and Kubernetes autoscalers, each holding
// the design on the canvas; with no autoscaling service it says so instead.

import assert from 'node:assert/strict';
import { cliTemplate, eventually, journey, loadTemplate } from './helpers.mjs';
import { downloadFrom, nodeNames, openShareMenu } from './share-helpers.mjs';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

journey('SVG, PNG and Mermaid exports hold every component on the canvas', { timeout: 90_000 }, async ({ page }) => {
  const names = await nodeNames(page);
  await openShareMenu(page);

  const svg = await downloadFrom(page, 'export-svg');
  assert.match(svg.name, /\.svg$/);
  const svgText = svg.bytes.toString('utf8');
  assert.match(svgText, /^<svg[\s>]/);
  for (const name of names) assert.ok(svgText.includes(name), `the SVG does not show ${name}`);

  const png = await downloadFrom(page, 'export-png');
  assert.match(png.name, /\.png$/);
  assert.deepEqual(png.bytes.subarray(0, 8), PNG_SIGNATURE, 'the PNG export is not a PNG');
  const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
  assert.ok(width > 200 && height > 100, `the PNG is ${width}×${height}, too small to show the design`);

  const mermaid = await downloadFrom(page, 'export-mermaid');
  assert.match(mermaid.name, /\.mmd$/);
  const flowchart = mermaid.bytes.toString('utf8');
  assert.match(flowchart, /^flowchart /);
  for (const name of names) assert.ok(flowchart.includes(name), `the flowchart does not show ${name}`);
});

journey('the HPA export has one autoscaler per autoscaling service, or says there is none', { timeout: 90_000 }, async ({ page }) => {
  // The starting template has no autoscaling service: a message, no download.
  await openShareMenu(page);
  await page.getByTestId('export-hpa').click();
  await eventually(async () => assert.match((await page.getByTestId('status').textContent()) ?? '', /no service autoscales/));

  await loadTemplate(page, 'auto-scaling');
  const autoscaling = cliTemplate('auto-scaling').components.filter((component) => component.kind === 'service' && component.autoscaling?.enabled);
  assert.ok(autoscaling.length > 0, 'the auto-scaling template has no autoscaling service');
  await openShareMenu(page);
  const hpa = await downloadFrom(page, 'export-hpa');
  assert.match(hpa.name, /\.ya?ml$/);
  const yaml = hpa.bytes.toString('utf8');
  const documents = yaml.split(/^---$/m);
  assert.equal(documents.length, autoscaling.length, 'not one YAML document per autoscaling service');
  for (const document of documents) {
    assert.match(document, /apiVersion: autoscaling\/v2/);
    assert.match(document, /kind: HorizontalPodAutoscaler/);
  }
});
