// Runs the shared vectors and the example carts in a real browser: Debian's Chromium, driven by
// playwright-core (never a downloaded browser). A static server on 127.0.0.1 serves the built
// package, the vectors, the example data and index.html; the page loads the package the default
// way (index.js fetches storefront_core.wasm next to itself), so this also proves that path.
//
//   STOREFRONT_PACKAGE_DIR=build/wasm-release/package \
//   STOREFRONT_CLI=build/native-debug/tools/cli/storefront node --test tests/browser/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { closeBrowserTest, launchChromium, openPage } from '../support/chromium.node.mjs';
import {
  ROOT, artefacts, assertSameAsCli, examplesWithCliOutput, loadExamples, loadVectors, tempDir,
} from '../support/runtimes.node.mjs';

// Module scripts need a JavaScript MIME type; the rest is for good measure.
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };

/** A read-only server for the few folders the page needs; everything else is 404. */
function staticServer(packageDir) {
  const roots = [
    ['/pkg/', packageDir],
    ['/tests/browser/', join(ROOT, 'tests', 'browser')],
    ['/tests/js/lib/', join(ROOT, 'tests', 'js', 'lib')],
    ['/tests/vectors/', join(ROOT, 'tests', 'vectors')],
    ['/examples/data/', join(ROOT, 'examples', 'data')],
  ];
  // The page cannot list directories: tell it which files to fetch.
  const { files, fixtures } = loadVectors();
  const manifest = JSON.stringify({
    vectorFiles: files.map((file) => file.path),
    fixtureFiles: Object.keys(fixtures),
    carts: loadExamples().carts.map((cart) => cart.name),
  });
  const served = new Set();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    served.add(path);
    const send = (status, type, body) => response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (path === '/') return send(200, TYPES['.html'], await readFile(join(ROOT, 'tests', 'browser', 'index.html')));
    if (path === '/manifest.json') return send(200, TYPES['.json'], manifest);
    for (const [prefix, dir] of roots) {
      if (!path.startsWith(prefix)) continue;
      try {
        const file = resolve(dir, decodeURIComponent(path.slice(prefix.length)));
        if (!file.startsWith(dir + sep)) break; // no escaping the served folders
        return send(200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
      } catch {
        break; // unreadable or a malformed escape: 404
      }
    }
    send(404, 'text/plain', `not found: ${path}`);
  });
  return { server, served };
}

test('shared vectors and example carts in Chromium', { timeout: 60_000 }, async (t) => {
  const { packageDir, cli } = artefacts();
  const { carts } = examplesWithCliOutput(cli);
  const { server, served } = staticServer(packageDir);
  // The browser's profile and HOME; removed with everything else after the test.
  const temp = tempDir('storefront-chromium-');
  const browser = { context: null };
  t.after(() => closeBrowserTest(browser, temp, server));
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${server.address().port}`;

  browser.context = await launchChromium(temp.dir);
  const { page, log } = await openPage(browser.context);

  await page.goto(`${base}/`);
  await page
    .waitForFunction(() => window.__storefront?.done === true, null, { timeout: 40_000 })
    .catch((error) => assert.fail(`${error.message}\n${log.join('\n')}`));
  const result = await page.evaluate(() => window.__storefront);
  assert.equal(result.error, undefined, `the page failed: ${result.error}\n${log.join('\n')}`);

  await t.test('vectors', () => {
    const { passed, failed, skipped, failures } = result.vectors;
    console.log(`chromium vectors: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    assert.equal(failed, 0, `vectors failed in Chromium:\n${failures.map(({ id, problem }) => `${id}: ${problem}`).join('\n')}`);
    assert.ok(passed > 0, 'no vector ran');
  });
  await t.test('example carts match the CLI byte for byte', () => assertSameAsCli(carts, result.carts));
  await t.test('the wasm was fetched from next to index.js (default loading)', () => {
    assert.ok(served.has('/pkg/storefront_core.wasm'), `requests seen: ${[...served].join(' ')}`);
  });
});
