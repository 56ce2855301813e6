// The frontend path end to end: examples/spa is built with the repository's Vite against the
// built npm package, served on 127.0.0.1 and opened in Debian's Chromium. The cart the app prices
// (window.__storefrontLastPriced, the canonical envelope from engine.priceJson) must be the native
// CLI's output byte for byte, before and after the shopper changes quantities, and for every
// example cart; the total on screen must be that total.
//
//   STOREFRONT_PACKAGE_DIR=build/wasm-release/package \
//   STOREFRONT_CLI=build/native-release/tools/cli/storefront node --test tests/browser/spa.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { closeBrowserTest, launchChromium, openPage } from '../support/chromium.node.mjs';
import { ROOT, artefacts, assertSameAsCli, examplesWithCliOutput, start, stop, tempDir } from '../support/runtimes.node.mjs';

const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const SPA = join(ROOT, 'examples', 'spa');
const SHOP = join(ROOT, 'examples', 'data', 'shop.json');
const CART = 'weekend.json'; // the cart the app opens with (DEFAULT_CART in src/main.js)

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

/** Builds the SPA into `outDir` with the root's Vite, as a developer would; no install step. */
async function buildSpa(packageDir, outDir) {
  assert.ok(existsSync(VITE), `no Vite at ${VITE}: run npm install at the repository root`);
  const build = start(process.execPath, [VITE, 'build', SPA, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, STOREFRONT_PACKAGE_DIR: packageDir, NO_COLOR: '1' },
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop(build);
  }, 30_000);
  try {
    const { code, signal } = await build.exited;
    assert.ok(!timedOut, `vite build took more than 30 s:\n${build.output()}`);
    assert.equal(code, 0, `vite build failed (${signal ?? `exit ${code}`}):\n${build.output()}`);
  } finally {
    clearTimeout(timer);
    await stop(build);
  }
}

/** A read-only server for the built app; `served` records every path requested. */
function staticServer(dist) {
  const served = new Set();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    served.add(path);
    const send = (status, type, body) => response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    try {
      const file = resolve(dist, '.' + decodeURIComponent(path === '/' ? '/index.html' : path));
      if (file.startsWith(dist + sep)) return send(200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      // unreadable or a malformed escape: 404
    }
    send(404, 'text/plain', `not found: ${path}`);
  });
  return { server, served };
}

/** The native CLI's output for `cart` (an object) over the example shop. */
function cliPrice(cli, cart) {
  const run = spawnSync(cli, ['price', '--snapshot', SHOP, '--cart', '-'], { input: JSON.stringify(cart), encoding: 'utf8', timeout: 20_000 });
  assert.ok(run.error === undefined && run.status === 0, `CLI failed: ${run.error ?? run.stderr}`);
  return run.stdout;
}

test('the Vite example prices carts exactly like the CLI, in Chromium', { timeout: 60_000 }, async (t) => {
  const { packageDir, cli } = artefacts();
  const { carts } = examplesWithCliOutput(cli);
  const temp = tempDir('storefront-spa-');
  const dist = join(temp.dir, 'dist');
  const { server, served } = staticServer(dist);
  const browser = { context: null };
  t.after(() => closeBrowserTest(browser, temp, server));

  await buildSpa(packageDir, dist);
  const wasmFiles = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.wasm'));
  await t.test('the build emits the package wasm once, as a hashed asset', () => {
    assert.equal(wasmFiles.length, 1, `wasm files in dist/assets: ${wasmFiles.join(' ')}`);
    assert.ok(readFileSync(join(dist, 'assets', wasmFiles[0])).equals(readFileSync(join(packageDir, 'storefront_core.wasm'))));
  });

  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  browser.context = await launchChromium(temp.dir);
  const { page, log } = await openPage(browser.context);

  // Runs `action`, then waits for the app to publish its next priced cart. Returns the envelope.
  const priceAfter = async (action) => {
    await page.evaluate(() => {
      window.__storefrontLastPriced = undefined;
    });
    await action();
    await page
      .waitForFunction(() => window.__storefrontLastPriced !== undefined || window.__storefrontError !== undefined, null, { timeout: 20_000 })
      .catch((error) => assert.fail(`${error.message}\n${log.join('\n')}`));
    const { envelope, error } = await page.evaluate(() => ({ envelope: window.__storefrontLastPriced, error: window.__storefrontError }));
    assert.equal(error, undefined, `the app failed: ${error}\n${log.join('\n')}`);
    return envelope;
  };
  const shownTotal = () => page.locator('.row.total').getAttribute('data-total');
  const totalOf = (cliOutput) => JSON.parse(cliOutput).value.totals.total;

  const cart = JSON.parse(carts.find(({ name }) => name === CART).text);
  const opened = await priceAfter(() => page.goto(`http://127.0.0.1:${server.address().port}/`));

  await t.test('the wasm was loaded from the URL Vite gave it', () => {
    assert.ok(served.has(`/assets/${wasmFiles[0]}`), `requests seen: ${[...served].join(' ')}`);
  });

  await t.test('the opening cart matches the CLI byte for byte', async () => {
    assertSameAsCli(carts.filter(({ name }) => name === CART), { [CART]: opened });
    assert.equal(await shownTotal(), totalOf(opened + '\n'));
  });

  await t.test('the suggestions the engine made are shown, in its order, with their reasons', async () => {
    const { suggestions } = JSON.parse(opened).value;
    assert.ok(suggestions.length > 0, 'the opening cart asks for suggestions');
    const shown = await page.locator('.suggestions li').evaluateAll((items) =>
      items.map((item) => ({ sku: item.dataset.sku, reasons: item.querySelectorAll('.small').length })),
    );
    assert.deepEqual(
      shown,
      suggestions.map(({ sku, reasons }) => ({ sku, reasons: reasons.length })),
    );
  });

  await t.test('"+" on a line re-prices to the CLI total of the changed cart', async () => {
    cart.lines[2].quantity += 1;
    const expected = cliPrice(cli, cart);
    const envelope = await priceAfter(() => page.locator(`tr[data-sku="${cart.lines[2].sku}"] button[data-delta="1"]`).click());
    assertSameAsCli([{ name: 'plus', expected }], { plus: envelope });
    assert.equal(await shownTotal(), totalOf(expected));
    assert.notEqual(totalOf(expected), totalOf(opened + '\n'), 'the click should have changed the total');
  });

  await t.test('"−" down to zero removes the line from the request', async () => {
    const removed = cart.lines[0];
    const minus = page.locator(`tr[data-sku="${removed.sku}"] button[data-delta="-1"]`);
    for (let left = removed.quantity; left > 1; left -= 1) await priceAfter(() => minus.click());
    const envelope = await priceAfter(() => minus.click());
    const expected = cliPrice(cli, { ...cart, lines: cart.lines.filter((line) => line !== removed) });
    assertSameAsCli([{ name: 'minus', expected }], { minus: envelope });
    assert.equal(await shownTotal(), totalOf(expected));
  });

  await t.test('every example cart from the picker matches the CLI byte for byte', async () => {
    const answers = {};
    for (const { name } of carts) {
      answers[name] = await priceAfter(() => page.locator('#cart-picker').selectOption(name.replace(/\.json$/, '')));
    }
    assertSameAsCli(carts, answers);
  });
});
