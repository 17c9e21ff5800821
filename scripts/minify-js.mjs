// Trunk post_build hook (Trunk.toml): minifies the page's wasm-bindgen glue
// with esbuild in a release build, and updates its sha384 integrity in
// index.html so that the browser still checks it; and the glue of every
// click-loaded module (CLICK_MODULES: ES modules the page imports on a click
// through src/ui/lazy.rs, which index.html does not name). The glue is about 60 KB of
// readable JavaScript; minified it is 2 KB smaller gzipped, which counts in
// the bundle budget. Debug builds (`trunk serve`) are left as they are.
//
// What must stay true: only the page's own glue (archplay-web-<hash>.js) and
// the click modules' (`<name>.js`) are rewritten, as ES modules whose
// exports keep their names; if esbuild is missing the build goes on
// unminified and says so.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE !== 'release' || !staging) process.exit(0);

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('minify-js: esbuild is not installed (npm ci); the glue stays unminified');
  process.exit(0);
}

// The click-loaded page modules (index.html: worker-type apps with the web target).
const CLICK_MODULES = ['archplay-sim-panel', 'archplay-learn', 'archplay-compare', 'archplay-sweep'];
const isGlue = (file) => /^archplay-web-[0-9a-f]+\.js$/.test(file) || CLICK_MODULES.some((name) => file === `${name}.js`);

const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');
for (const name of readdirSync(staging).filter(isGlue)) {
  const path = join(staging, name);
  const before = readFileSync(path);
  const { code } = esbuild.transformSync(before.toString('utf8'), { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
  writeFileSync(path, code);
  index = index.replaceAll(integrity(before), integrity(Buffer.from(code)));
  console.log(`minify-js: ${name} ${before.length} -> ${code.length} bytes`);
}
writeFileSync(indexPath, index);
