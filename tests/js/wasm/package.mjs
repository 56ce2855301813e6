// Locates the built npm package for the wasm tests. The package is a build product
// (cmake --build --preset wasm-release), so its directory comes from the environment: ctest sets
// STOREFRONT_PACKAGE_DIR (wasm/CMakeLists.txt), and so must anyone running `node --test` by hand.
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const PACKAGE_DIR = process.env.STOREFRONT_PACKAGE_DIR ?? '';

/** Why the wasm tests cannot run, or null. Unset means "not asked for" (e.g. `node --test
 *  tests/js/` for the schema checks alone): the tests are skipped with this message. */
export const MISSING_PACKAGE = PACKAGE_DIR
  ? null
  : 'STOREFRONT_PACKAGE_DIR is not set: build the package with `cmake --build --preset wasm-release` ' +
    'and set STOREFRONT_PACKAGE_DIR=<repo>/build/wasm-release/package';

/** Imports the package's index.js. A directory that is set but wrong is an error, not a skip. */
export async function importPackage() {
  if (!isAbsolute(PACKAGE_DIR)) throw new Error(`STOREFRONT_PACKAGE_DIR must be absolute, got ${PACKAGE_DIR}`);
  const entry = join(PACKAGE_DIR, 'index.js');
  if (!existsSync(entry)) throw new Error(`no package at ${PACKAGE_DIR} (missing index.js)`);
  return import(pathToFileURL(entry).href);
}
