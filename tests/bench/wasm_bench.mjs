// Benchmark of the wasm package in Node: snapshot load time and cart pricing throughput.
// Not a test and never part of the test suite; numbers depend on the machine.
//
//   node tests/bench/wasm_bench.mjs build/wasm-release/package
//
// The data is generated deterministically (a seeded LCG, no dependencies), so runs on the same
// machine compare like with like: 2,500 products × 4 variants = 10,000 SKUs priced in EUR, and a
// 100-line cart.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: node tests/bench/wasm_bench.mjs <package dir>');
  process.exit(2);
}
const sdk = await import(pathToFileURL(resolve(packageDir, 'index.js')).href);

const PRODUCTS = 2500;
const VARIANTS_PER_PRODUCT = 4;
const CART_LINES = 100;
const ROUNDS = 5;
const ROUND_SECONDS = 0.4; // 5 rounds ≈ 2 s of pricing

// Numerical Recipes LCG on 32 bits: tiny, deterministic, good enough for test data.
let seed = 20261122;
const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
const below = (n) => next() % n;

function makeSnapshot() {
  const categories = [];
  for (let i = 0; i < 20; i++) categories.push({ id: `cat-${i}`, name: `Category ${i}`, ...(i >= 5 ? { parent: `cat-${i % 5}` } : {}) });
  const products = [];
  for (let p = 0; p < PRODUCTS; p++) {
    const variants = [];
    for (let v = 0; v < VARIANTS_PER_PRODUCT; v++) {
      const cents = 100 + below(19900); // 1.00 .. 199.99 EUR
      variants.push({
        sku: `SKU-${p}-${v}`,
        title: `Size ${v}`,
        attributes: { size: String(v) },
        // Money as decimal strings, as the contract requires.
        prices: { EUR: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}` },
        weight_grams: 50 + below(2000),
      });
    }
    products.push({ id: `product-${p}`, title: `Product ${p}`, categories: [`cat-${below(20)}`], tags: ['bench'], variants });
  }
  return { schema_version: 1, currencies: ['EUR'], categories, products };
}

function makeCart() {
  const lines = [];
  for (let i = 0; i < CART_LINES; i++) {
    lines.push({ id: `l${i}`, sku: `SKU-${below(PRODUCTS)}-${below(VARIANTS_PER_PRODUCT)}`, quantity: 1 + below(5) });
  }
  return { currency: 'EUR', at: '2026-11-22T10:00:00Z', lines };
}

// 1,000 promotions of which five touch the cart: an order discount, buy 2 get 1 on a category,
// a tiered spend, loyalty points, then SKU-specific ones on products the cart does not hold.
function withPromotions(snapshot, cart) {
  const inCart = new Set(cart.lines.map((line) => line.sku));
  const promotions = [
    { id: 'order-5', action: { type: 'order_percent_off', percent: '5' } },
    { id: 'b2g1', priority: 2, action: { type: 'buy_x_get_y', buy: { items: [{ category: 'cat-3' }], quantity: 2 }, get: { quantity: 1 }, discount: { percent: '100' } } },
    { id: 'spend', action: { type: 'tiered_spend', tiers: [{ min: { EUR: '500.00' }, amount: { EUR: '25.00' } }, { min: { EUR: '1000.00' }, amount: { EUR: '60.00' } }] } },
    { id: 'points', action: { type: 'loyalty_points', points: 1, per: { EUR: '1.00' } } },
  ];
  for (let p = 0; promotions.length < 1000; p++) {
    const sku = `SKU-${p % PRODUCTS}-${p % VARIANTS_PER_PRODUCT}`;
    if (inCart.has(sku)) continue;
    promotions.push({
      id: `promo-${p}`,
      condition: { quantity: { items: [{ sku }], min: 2 } },
      action: { type: 'percent_off', percent: '15', items: [{ sku }] },
    });
  }
  return { ...snapshot, promotions };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const snapshot = makeSnapshot();
const cart = makeCart();
const snapshotJson = JSON.stringify(snapshot);
const cartJson = JSON.stringify(cart);
const promotionsJson = JSON.stringify(withPromotions(snapshot, cart));

// Loading the core (compile + instantiate the wasm) is a one-off cost, reported on its own.
let t0 = performance.now();
await sdk.loadCore();
const coreMs = performance.now() - t0;

// Snapshot load: parse + validate + index, the cost a worker pays once per isolate.
const loadTimes = [];
let engine;
for (let i = 0; i < ROUNDS; i++) {
  engine?.dispose();
  t0 = performance.now();
  engine = await sdk.createEngine(snapshotJson);
  loadTimes.push(performance.now() - t0);
}

// Every line must be priced, or the benchmark would measure the error path.
const check = JSON.parse(engine.priceJson(cartJson));
if (!check.ok || check.value.lines.some((line) => line.status !== 'priced')) {
  throw new Error(`the benchmark cart does not price cleanly: ${JSON.stringify(check).slice(0, 300)}`);
}

// Median µs per priceJson over ROUNDS rounds, after a warm-up that lets the JIT settle the
// loader's JS side.
let sink = 0;
function timePricing(target, json = cartJson) {
  for (let i = 0; i < 200; i++) target.priceJson(json);
  const perCartUs = [];
  for (let round = 0; round < ROUNDS; round++) {
    let iterations = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ROUND_SECONDS * 1000) {
      for (let i = 0; i < 50; i++) sink += target.priceJson(json).length; // keep the result alive
      iterations += 50;
      elapsed = performance.now() - start;
    }
    perCartUs.push((elapsed * 1000) / iterations);
  }
  return median(perCartUs);
}

const us = timePricing(engine);
engine.dispose();
const promoted = await sdk.createEngine(promotionsJson);
const promotedUs = timePricing(promoted);
promoted.dispose();

// Personalization: the example shop's weekend cart (segments, two experiments, four suggestions
// from the trained model), as docs/benchmarks.md's native BM_ExampleCartWithSuggestions.
const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'data');
const shop = await sdk.createEngine(readFileSync(join(examples, 'shop.json'), 'utf8'));
const weekendUs = timePricing(shop, readFileSync(join(examples, 'carts', 'weekend.json'), 'utf8'));
shop.dispose();

const rows = [
  ['core load, compile + instantiate (once)', coreMs.toFixed(1), 'ms'],
  [`createEngine, ${PRODUCTS * VARIANTS_PER_PRODUCT} SKUs (median)`, median(loadTimes).toFixed(1), 'ms'],
  [`priceJson, ${CART_LINES}-line cart (median)`, us.toFixed(1), 'µs'],
  ['priceJson throughput', (1e6 / us).toFixed(0), 'carts/s'],
  [`priceJson, same cart, 1,000 promotions`, promotedUs.toFixed(1), 'µs'],
  ['priceJson, example weekend + suggestions', weekendUs.toFixed(1), 'µs'],
];
console.log(`@storefront/sdk ${(await sdk.loadCore()).version} wasm benchmark, node ${process.version}`);
console.log(
  `snapshot ${(snapshotJson.length / 1024 / 1024).toFixed(2)} MiB, cart ${(cartJson.length / 1024).toFixed(1)} KiB, ` +
    `median of ${ROUNDS} rounds (result sink ${sink % 1000})`,
);
console.log('');
console.log(`| ${'measure'.padEnd(40)} | ${'value'.padStart(9)} | unit    |`);
console.log(`| ${'-'.repeat(40)} | ${'-'.repeat(8)}: | ------- |`);
for (const [name, value, unit] of rows) console.log(`| ${name.padEnd(40)} | ${value.padStart(9)} | ${unit.padEnd(7)} |`);
