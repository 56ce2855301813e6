// The JavaScript API of the npm package (wasm/js/index.js): loading, engines, errors, limits,
// disposal, and byte-for-byte agreement with the native CLI on the example carts.
//
//   STOREFRONT_PACKAGE_DIR=$PWD/build/wasm-release/package \
//   STOREFRONT_CLI=$PWD/build/native-debug/tools/cli/storefront node --test tests/js/wasm/
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadExamples } from '../lib/load-vectors.node.mjs';
import { canonicalJson } from '../lib/vectors.mjs';
import { MISSING_PACKAGE, PACKAGE_DIR, importPackage } from './package.mjs';

const examples = loadExamples();
const shopText = examples.shop;
const shop = JSON.parse(shopText);
const HASH = /^xxh3-128:[0-9a-f]{32}$/;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

// A cart whose first line is a SKU of the example shop, so that tests do not hard-code one.
const firstSku = shop.products[0].variants[0].sku;
const cart = (lines) => ({ currency: 'EUR', at: '2026-11-22T10:00:00+01:00', lines });

/** Runs `fn` and returns the StorefrontError it throws (sync or async), failing otherwise. */
async function storefrontError(sdk, fn) {
  try {
    await fn();
  } catch (e) {
    assert.ok(e instanceof sdk.StorefrontError, `expected a StorefrontError, got ${e?.stack ?? e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'StorefrontError');
    assert.ok(typeof e.message === 'string' && e.message.length > 0);
    return e;
  }
  assert.fail('expected a StorefrontError, nothing was thrown');
}

describe('wasm package API', { skip: MISSING_PACKAGE ?? false }, () => {
  let sdk;
  let engine;
  before(async () => {
    sdk = await importPackage();
    engine = await sdk.createEngine(shopText);
  });

  test('ABI_VERSION matches SF_ABI_VERSION of the C header', () => {
    const header = readFileSync(join(ROOT, 'include', 'storefront', 'c_api.h'), 'utf8');
    assert.equal(sdk.ABI_VERSION, Number(/#define SF_ABI_VERSION (\d+)/.exec(header)[1]));
  });

  test('createEngine from text and from an object describe the same snapshot', async () => {
    const fromObject = await sdk.createEngine(shop);
    assert.deepEqual(Object.keys(engine.info).sort(), ['categories', 'currencies', 'products', 'snapshot_hash', 'variants']);
    assert.match(engine.info.snapshot_hash, HASH);
    assert.equal(engine.info.currencies, shop.currencies.length);
    assert.equal(engine.info.products, shop.products.length);
    assert.equal(engine.info.variants, shop.products.reduce((n, p) => n + p.variants.length, 0));
    // The hash is over the canonical form: white space and key order do not change it.
    assert.deepEqual(fromObject.info, engine.info);
    fromObject.dispose();
  });

  test('priceJson returns the canonical envelope; price returns its value', () => {
    const request = cart([{ id: 'l1', sku: firstSku, quantity: 2 }]);
    const text = engine.priceJson(JSON.stringify(request));
    const envelope = JSON.parse(text);
    assert.equal(text, canonicalJson(envelope), 'the envelope text is canonical');
    assert.equal(envelope.ok, true);
    assert.equal(envelope.value.engine.snapshot_hash, engine.info.snapshot_hash);
    assert.match(envelope.value.engine.version, SEMVER);
    assert.equal(envelope.value.at, '2026-11-22T09:00:00Z', 'at is echoed in UTC');
    assert.deepEqual(engine.price(request), envelope.value);
    assert.deepEqual(engine.price(JSON.stringify(request)), envelope.value, 'price accepts text too');
  });

  test('price throws StorefrontError with code and path on an unknown SKU', async () => {
    const e = await storefrontError(sdk, () =>
      engine.price(cart([{ sku: firstSku, quantity: 1 }, { sku: 'NO-SUCH-SKU', quantity: 1 }])),
    );
    assert.equal(e.code, 'unknown_sku');
    assert.equal(e.path, '/lines/1/sku');
  });

  test('createEngine rejects money written as a JSON number', async () => {
    const bad = structuredClone(shop);
    bad.products[0].variants[0].prices.EUR = 19.99;
    const e = await storefrontError(sdk, () => sdk.createEngine(bad));
    assert.equal(e.code, 'money_not_string');
    assert.equal(e.path, '/products/0/variants/0/prices/EUR');
  });

  test('host limits: at the edge, past it, and out of range', async () => {
    const edge = await sdk.createEngine(shop, { limits: { max_variants: engine.info.variants } });
    edge.dispose();
    const tooLarge = await storefrontError(sdk, () => sdk.createEngine(shop, { limits: { max_variants: 1 } }));
    assert.deepEqual([tooLarge.code, tooLarge.path], ['catalog_too_large', '/products']);
    const outOfRange = await storefrontError(sdk, () => sdk.createEngine(shop, { limits: { max_variants: 0 } }));
    assert.deepEqual([outOfRange.code, outOfRange.path], ['limit_out_of_range', '/max_variants']);
    const aboveHardMax = await storefrontError(sdk, () => sdk.createEngine(shop, { limits: { max_json_depth: 65 } }));
    assert.deepEqual([aboveHardMax.code, aboveHardMax.path], ['limit_out_of_range', '/max_json_depth']);
  });

  test('loadCore with a precompiled WebAssembly.Module (the workerd way)', async () => {
    const module = await WebAssembly.compile(readFileSync(join(PACKAGE_DIR, 'storefront_core.wasm')));
    const core = await sdk.loadCore({ module });
    assert.match(core.version, SEMVER);
    const text = core.callJson('money.parse', '{"amount":"19.99","currency":"EUR"}');
    assert.equal(text, '{"ok":true,"value":{"amount":"19.99","currency":"EUR","minor_units":"1999"}}');
    const fromModule = await sdk.createEngine(shopText, { module });
    assert.deepEqual(fromModule.info, engine.info);
    fromModule.dispose();
  });

  test('createEngine with wasmBinary', async () => {
    const wasmBinary = readFileSync(join(PACKAGE_DIR, 'storefront_core.wasm'));
    const fromBytes = await sdk.createEngine(shopText, { wasmBinary });
    assert.deepEqual(fromBytes.info, engine.info);
    fromBytes.dispose();
  });

  test('loadCore rejects a module that is not the core instead of hanging', async () => {
    // (module (import "x" "y" (func))): instantiation fails on the import the core does not provide.
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 7, 1, 1, 120, 1, 121, 0, 0]);
    await assert.rejects(sdk.loadCore({ module: new WebAssembly.Module(bytes) }), /Import #0/);
  });

  test('a disposed engine refuses to price', async () => {
    const doomed = await sdk.createEngine(shopText);
    doomed.dispose();
    doomed.dispose(); // idempotent
    assert.throws(() => doomed.priceJson(JSON.stringify(cart([]))), /disposed/);
    assert.throws(() => doomed.price(cart([])), /disposed/);
  });

  test('call and callJson run named operations', async () => {
    const input = { amount: '10.00', currency: 'EUR', weights: [1, 1, 1] };
    assert.deepEqual(await sdk.call('money.allocate', input), { amounts: ['3.34', '3.33', '3.33'], currency: 'EUR' });
    assert.equal(
      await sdk.callJson('money.allocate', JSON.stringify(input)),
      '{"ok":true,"value":{"amounts":["3.34","3.33","3.33"],"currency":"EUR"}}',
    );
    const e = await storefrontError(sdk, () => sdk.call('money.parse', { amount: '1e3', currency: 'EUR' }));
    assert.deepEqual([e.code, e.path], ['invalid_amount', '/amount']);
  });

  describe('the example carts price to the same bytes as the native CLI', () => {
    const cli = process.env.STOREFRONT_CLI;
    const skip = cli ? false : 'STOREFRONT_CLI is not set (path to build/native-debug/tools/cli/storefront)';
    for (const { name, path, text } of examples.carts) {
      test(name, { skip }, () => {
        const native = execFileSync(cli, ['price', '--snapshot', examples.shopPath, '--cart', path], { encoding: 'utf8' });
        assert.equal(engine.priceJson(text) + '\n', native);
      });
    }
  });
});
