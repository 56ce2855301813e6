// Runs in the browser page (index.html). Imports the package exactly as a web app would and lets
// index.js fetch storefront_core.wasm next to itself (the default browser path), then:
//   - runs every shared vector through callJson with the runtime-neutral driver;
//   - prices every example cart with an engine over the example shop.
// Results go to window.__storefront = {done, error?, vectors, carts: {name: envelopeText}}; the
// Node side compares the carts with the native CLI (the browser cannot run it).
// URL layout (served by chromium.test.mjs): /pkg/ is the built package, /manifest.json lists the
// vector files, fixtures and carts, everything else mirrors the repository.
import { createEngine, loadCore } from '/pkg/index.js';
import { expandVectors, runVectors } from '/tests/js/lib/vectors.mjs';

async function text(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return response.text();
}

const json = async (path) => JSON.parse(await text(path));

async function run() {
  const manifest = await json('/manifest.json');
  const files = await Promise.all(manifest.vectorFiles.map(async (path) => ({ path, json: await json(`/tests/vectors/${path}`) })));
  const fixtures = {};
  for (const path of manifest.fixtureFiles) fixtures[path] = await json(`/tests/vectors/${path}`);
  const skips = await json('/tests/vectors/skips.json');
  // 'browser' is this harness's target name in tests/vectors/skips.json.
  const cases = expandVectors({ files, fixtures, skips, target: 'browser' });

  const core = await loadCore();
  const vectors = await runVectors({ cases, call: (op, inputJson) => core.callJson(op, inputJson) });

  const engine = await createEngine(await text('/examples/data/shop.json'));
  const carts = {};
  for (const name of manifest.carts) carts[name] = engine.priceJson(await text(`/examples/data/carts/${name}`));
  engine.dispose();
  return { vectors, carts };
}

run().then(
  (result) => {
    window.__storefront = { done: true, ...result };
    const { passed, failed, skipped } = result.vectors;
    document.getElementById('status').textContent = `vectors: ${passed} passed, ${failed} failed, ${skipped} skipped`;
  },
  (error) => {
    window.__storefront = { done: true, error: String(error?.stack ?? error) };
    document.getElementById('status').textContent = window.__storefront.error;
  },
);
