// Vite config for the storefront example. From the repository root:
//   node_modules/.bin/vite examples/spa          (dev server)
//   node_modules/.bin/vite build examples/spa    (production build into examples/spa/dist)
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

// Where `@storefront/sdk` comes from. package.json declares it as
// `file:../../build/wasm-release/package`, which is what an `npm install` here would link, but
// this example deliberately needs no install of its own: it is built with the repository's Vite
// (the root package.json pins it) and the package is the CMake build output, which is never
// committed. So instead of a node_modules/@storefront/sdk symlink, two aliases map the package's
// public entry points (its package.json `exports`) onto the build folder. The app imports exactly
// what it would import from the registry. STOREFRONT_PACKAGE_DIR points elsewhere (tests do).
const sdk = resolve(process.env.STOREFRONT_PACKAGE_DIR ?? join(repo, 'build', 'wasm-release', 'package'));
if (!existsSync(join(sdk, 'index.js'))) {
  throw new Error(`@storefront/sdk is not built at ${sdk}: run \`cmake --build --preset wasm-release\` first`);
}

export default defineConfig({
  root: here,
  resolve: {
    alias: [
      { find: /^@storefront\/sdk$/, replacement: join(sdk, 'index.js') },
      // `(?=\?|$)` keeps Vite's query (`?url`) on the resolved file.
      { find: /^@storefront\/sdk\/core\.wasm(?=\?|$)/, replacement: join(sdk, 'storefront_core.wasm') },
    ],
  },
  // The app imports ../data (the example shop and carts) and the package from build/: let the
  // dev server read them. Vite's cache goes to the root node_modules, not a second one here.
  server: { fs: { allow: [repo, sdk] } },
  cacheDir: join(repo, 'node_modules', '.vite', 'spa-example'),
});
