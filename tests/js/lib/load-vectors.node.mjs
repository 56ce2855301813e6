// Node-only half of the vector driver: reads tests/vectors/ and examples/data/ from disk and
// hands plain data to the runtime-neutral vectors.mjs (which must not touch the file system).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in tests/js/lib/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const VECTORS_DIR = join(ROOT, 'tests', 'vectors');
export const EXAMPLES_DIR = join(ROOT, 'examples', 'data');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Every *.json below `dir`, as paths relative to `base` with '/' separators, sorted. */
function jsonFiles(dir, base) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(path, base));
    else if (entry.name.endsWith('.json')) out.push(relative(base, path).split(sep).join('/'));
  }
  return out.sort();
}

/**
 * Reads the shared vectors: {files, fixtures, skips}, ready for expandVectors.
 * `files` excludes fixtures/ and skips.json; `fixtures` is keyed like 'fixtures/basic_shop.json'.
 */
export function loadVectors(dir = VECTORS_DIR) {
  const files = [];
  const fixtures = {};
  for (const path of jsonFiles(dir, dir)) {
    if (path === 'skips.json') continue;
    if (path.startsWith('fixtures/')) fixtures[path] = readJson(join(dir, path));
    else files.push({ path, json: readJson(join(dir, path)) });
  }
  const skips = readJson(join(dir, 'skips.json'));
  return { files, fixtures, skips };
}

/**
 * Reads the example data as text (byte-exact comparisons need the files as written):
 * {shopPath, shop, carts: [{name, path, text}]}, carts sorted by file name.
 */
export function loadExamples(dir = EXAMPLES_DIR) {
  const shopPath = join(dir, 'shop.json');
  const cartsDir = join(dir, 'carts');
  const carts = readdirSync(cartsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, path: join(cartsDir, name), text: readFileSync(join(cartsDir, name), 'utf8') }));
  return { shopPath, shop: readFileSync(shopPath, 'utf8'), carts };
}
