#!/usr/bin/env node
// Writes a synthetic order log (JSON lines) for a shop snapshot, for training and benchmarking
// `storefront recs train`. Deterministic: the same seed, order count and snapshot give the same
// bytes on every machine (a hand-written PRNG, arithmetic only, no Date.now, no Math.random).
//
//   node tools/generate_orders.mjs [--orders N] [--seed S] [--snapshot FILE] > orders.jsonl
//
// What makes it realistic enough to train on (examples/data/README.md has the details):
// - customers order repeatedly: a few order often, most once or twice; each has a favourite
//   top-level category and a preferred size/colour (the same variant position) most of the time;
// - baskets hold 1–6 products, small ones far more often;
// - products are bought with products of the same category, the same department and shared
//   tags more often than with others, and a few pairs much more often (coffee with a mug, a tee
//   with socks, ...), as far as the snapshot has them;
// - seasonal products sell in November and December; timestamps run through 2026 in order.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const USAGE = `usage: node tools/generate_orders.mjs [--orders N] [--seed S] [--snapshot FILE]
  --orders N        orders to write (default 5000)
  --seed S          PRNG seed, an integer 0..4294967295 (default 42)
  --snapshot FILE   the shop whose products are ordered (default examples/data/shop.json)`;

// Pairs bought together far more often than their categories explain, by product id, with the
// probability that the second joins a basket holding the first (and vice versa).
const STRONG_PAIRS = [
  ['coffee-house-blend', 'mug-stoneware', 0.35],
  ['tee-classic', 'socks-everyday-3pack', 0.3],
  ['french-press-1l', 'coffee-ethiopia-yirgacheffe', 0.3],
  ['book-one-pan-kitchen', 'skillet-cast-iron-26', 0.3],
  ['sneaker-trail-runner', 'socks-wool-hiking', 0.3],
  ['charger-gan-65w', 'cable-usb-c-braided', 0.3],
  ['kettle-gooseneck', 'tea-sencha-organic', 0.25],
  ['throw-wool-herringbone', 'candle-soy-cedar', 0.25],
  ['book-coffee-atlas', 'coffee-ethiopia-yirgacheffe', 0.2],
  ['headphones-anc-pro', 'cable-usb-c-braided', 0.2],
  ['stollen-dresden', 'coffee-house-blend', 0.2],
  ['chocolate-dark-72', 'tea-earl-grey', 0.2],
  ['hoodie-essential', 'cap-canvas', 0.15],
];
// Tags that say how a product is marketed, not what it goes with.
const MARKETING_TAGS = new Set(['bestseller', 'new']);
const SEASONAL_TAGS = new Set(['seasonal', 'christmas']);
const BASKET_SIZE_WEIGHTS = [36, 27, 17, 10, 6, 4]; // 1..6 products
const QUANTITY_WEIGHTS = [80, 15, 5]; // 1..3 units
const ORDERS_PER_CUSTOMER = 3.5;

function parseArgs(argv) {
  const options = {
    orders: 5000,
    seed: 42,
    snapshot: fileURLToPath(new URL('../examples/data/shop.json', import.meta.url)),
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === '--help' || name === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const value = argv[++i];
    if (value === undefined) fail(`${name} needs a value`);
    if (name === '--orders') options.orders = integer(name, value, 1, 100_000_000);
    else if (name === '--seed') options.seed = integer(name, value, 0, 4294967295);
    else if (name === '--snapshot') options.snapshot = value;
    else fail(`unknown option ${name}`);
  }
  return options;
}

function integer(name, text, min, max) {
  if (!/^[0-9]+$/.test(text) || Number(text) < min || Number(text) > max) {
    fail(`${name} takes an integer from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

function fail(message) {
  console.error(`generate_orders: ${message}\n${USAGE}`);
  process.exit(64);
}

// mulberry32: a 32-bit state, floats in [0, 1) that are exact multiples of 2^-32.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// An index drawn with probability proportional to weights[i].
function pickWeighted(random, weights) {
  let total = 0;
  for (const w of weights) total += w;
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1; // r landed on the rounding error at the very end
}

function loadCatalog(path) {
  const snapshot = JSON.parse(readFileSync(path, 'utf8'));
  const parents = new Map((snapshot.categories ?? []).map((c) => [c.id, c.parent]));
  const topLevel = (id) => {
    for (let depth = 0; parents.get(id) !== undefined && depth < 32; depth++) id = parents.get(id);
    return id;
  };
  const products = snapshot.products.map((p) => ({
    id: p.id,
    categories: new Set(p.categories ?? []),
    departments: new Set((p.categories ?? []).map(topLevel)),
    tags: new Set((p.tags ?? []).filter((t) => !MARKETING_TAGS.has(t))),
    seasonal: (p.tags ?? []).some((t) => SEASONAL_TAGS.has(t)),
    skus: p.variants.map((v) => v.sku),
    popularity: (p.tags ?? []).includes('bestseller') ? 3 : 1,
  }));
  if (products.length === 0) fail(`${path} has no products`);
  return products;
}

// affinity[i][j]: how much more likely product j joins a basket holding product i.
function affinities(products) {
  const shared = (a, b) => [...a].filter((x) => b.has(x)).length;
  return products.map((p, i) =>
    products.map((q, j) => {
      if (i === j) return 0;
      return 1 + 4 * shared(p.categories, q.categories) + 1.5 * shared(p.departments, q.departments) +
        shared(p.tags, q.tags);
    }),
  );
}

function strongPartners(products) {
  const index = new Map(products.map((p, i) => [p.id, i]));
  const partners = products.map(() => []);
  for (const [a, b, probability] of STRONG_PAIRS) {
    if (!index.has(a) || !index.has(b)) continue; // another shop: category affinity still applies
    partners[index.get(a)].push([index.get(b), probability]);
    partners[index.get(b)].push([index.get(a), probability]);
  }
  return partners;
}

function makeCustomers(random, products, count) {
  const departments = [...new Set(products.flatMap((p) => [...p.departments]))].sort();
  return Array.from({ length: count }, () => ({
    favourite: departments.length ? departments[Math.floor(random() * departments.length)] : undefined,
    variant: Math.floor(random() * 4),
  }));
}

function* orders(options) {
  const random = mulberry32(options.seed);
  const products = loadCatalog(options.snapshot);
  const affinity = affinities(products);
  const partners = strongPartners(products);
  const customerCount = Math.max(20, Math.round(options.orders / ORDERS_PER_CUSTOMER));
  const customers = makeCustomers(random, products, customerCount);
  const idWidth = Math.max(6, String(options.orders).length);
  const customerWidth = Math.max(4, String(customerCount).length);
  const start = Date.UTC(2026, 0, 1) / 1000;
  const span = 365 * 86400;

  for (let n = 0; n < options.orders; n++) {
    const seconds = start + Math.floor(((n + random()) * span) / options.orders);
    const month = new Date(seconds * 1000).getUTCMonth();
    const season = month >= 10; // November and December
    // The product of two uniforms is skewed towards 0: low customer numbers order often.
    const customerIndex = Math.floor(random() * random() * customerCount);
    const customer = customers[customerIndex];
    const base = products.map(
      (p) =>
        p.popularity *
        (p.departments.has(customer.favourite) ? 3 : 1) *
        (p.seasonal ? (season ? 4 : 0.05) : 1),
    );

    const size = Math.min(products.length, 1 + pickWeighted(random, BASKET_SIZE_WEIGHTS));
    const basket = [pickWeighted(random, base)];
    while (basket.length < size) {
      let next = -1;
      for (const held of basket) {
        for (const [partner, probability] of partners[held]) {
          const inSeason = !products[partner].seasonal || season;
          if (next < 0 && inSeason && !basket.includes(partner) && random() < probability) next = partner;
        }
      }
      if (next < 0) {
        const weights = base.map((w, j) => {
          if (basket.includes(j)) return 0;
          let strongest = 0;
          for (const held of basket) strongest = Math.max(strongest, affinity[held][j]);
          return w * strongest;
        });
        next = pickWeighted(random, weights);
      }
      basket.push(next);
    }

    const lines = basket.map((j) => {
      const skus = products[j].skus;
      const sku = random() < 0.7 ? skus[customer.variant % skus.length] : skus[Math.floor(random() * skus.length)];
      return { sku, quantity: 1 + pickWeighted(random, QUANTITY_WEIGHTS) };
    });
    yield JSON.stringify({
      id: `o-${String(n + 1).padStart(idWidth, '0')}`,
      at: new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'),
      customer: `c-${String(customerIndex + 1).padStart(customerWidth, '0')}`,
      lines,
    });
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // `generate_orders.mjs | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  let chunk = '';
  for (const line of orders(options)) {
    chunk += line + '\n';
    if (chunk.length >= 1 << 20) {
      if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
      chunk = '';
    }
  }
  process.stdout.write(chunk);
}

await main();
