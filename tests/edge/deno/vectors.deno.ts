// The shared vectors and the example carts, in the real Deno runtime, through the built npm
// package. Run by deno.test.mjs (which supplies the CLI's answers); by hand:
//   STOREFRONT_PACKAGE_DIR=build/wasm-release/package STOREFRONT_EXPECTED_DIR=<dir of <cart>.out> \
//     deno test --no-prompt --allow-read --allow-env tests/edge/deno/vectors.deno.ts
// Only local files are imported, so Deno never needs the network. The name avoids Node's test
// file patterns (`*_test.ts` would be picked up by `node --test` on Nodes that strip types).
import { expandVectors, runVectors } from '../../js/lib/vectors.mjs';

const ROOT = new URL('../../../', import.meta.url);
const VECTORS = new URL('tests/vectors/', ROOT);
const EXAMPLES = new URL('examples/data/', ROOT);

function env(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`set ${name} (see the header of this file)`);
  return value;
}

const dirUrl = (path: string) => new URL(path.endsWith('/') ? path : `${path}/`, 'file:///');

// Default loading on purpose: index.js fetches storefront_core.wasm next to itself through a
// file: URL, which is the path a Deno user of the package takes.
const sdk = await import(new URL('index.js', dirUrl(env('STOREFRONT_PACKAGE_DIR'))).href);

/** Every *.json below `dir`, relative to `base`, sorted like load-vectors.node.mjs does. */
async function jsonFiles(dir: URL, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isDirectory) out.push(...(await jsonFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`)));
    else if (entry.name.endsWith('.json')) out.push(`${prefix}${entry.name}`);
  }
  return out.sort();
}

Deno.test('shared vectors through callJson', async () => {
  const files: { path: string; json: object }[] = [];
  const fixtures: Record<string, object> = {};
  for (const path of await jsonFiles(VECTORS)) {
    if (path === 'skips.json') continue;
    const json = JSON.parse(await Deno.readTextFile(new URL(path, VECTORS)));
    if (path.startsWith('fixtures/')) fixtures[path] = json;
    else files.push({ path, json });
  }
  const skips = JSON.parse(await Deno.readTextFile(new URL('skips.json', VECTORS)));
  const cases = expandVectors({ files, fixtures, skips, target: 'deno' });
  const core = await sdk.loadCore();
  const result = await runVectors({ cases, call: (op: string, input: string) => core.callJson(op, input) });
  console.log(`deno vectors: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
  if (result.passed === 0 || result.failed !== 0) {
    const lines = result.failures.map((f: { id: string; problem: string }) => `${f.id}: ${f.problem}`);
    throw new Error(`${result.failed} of ${cases.length} vectors failed in Deno:\n${lines.join('\n')}`);
  }
});

Deno.test('example carts are priced byte for byte like the native CLI', async () => {
  const expectedDir = dirUrl(env('STOREFRONT_EXPECTED_DIR'));
  const engine = await sdk.createEngine(await Deno.readTextFile(new URL('shop.json', EXAMPLES)));
  const carts = (await jsonFiles(new URL('carts/', EXAMPLES))).filter((name) => !name.includes('/'));
  if (carts.length === 0) throw new Error('examples/data/carts/ has no carts');
  for (const name of carts) {
    const actual = engine.priceJson(await Deno.readTextFile(new URL(`carts/${name}`, EXAMPLES)));
    // The CLI prints the envelope and a newline.
    const expected = await Deno.readTextFile(new URL(`${name}.out`, expectedDir));
    if (actual + '\n' !== expected) {
      throw new Error(`cart ${name} differs from the CLI:\n  CLI  ${expected}  Deno ${actual}`);
    }
  }
  engine.dispose();
});
