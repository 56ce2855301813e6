// Checks the JSON Schemas of contract v1 (docs/schema/) against every document the project ships:
// the example shop and carts, the vector fixtures, the inputs and expectations of the shared
// vectors, and (optionally) priced carts produced by the CLI.
//
//   node --test tests/js/
//   STOREFRONT_PRICED_OUTPUTS=out/a.json:out/b.json node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCHEMA_DIR = join(ROOT, 'docs', 'schema');
const EXAMPLES_DIR = join(ROOT, 'examples', 'data');
const VECTORS_DIR = join(ROOT, 'tests', 'vectors');
const ID_BASE = 'https://storefront.dev/schema/v1/';

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// --- schemas -------------------------------------------------------------------------------------

const schemaDocs = Object.fromEntries(
  ['snapshot', 'cart', 'priced-cart', 'envelope'].map((name) => [
    name,
    readJson(join(SCHEMA_DIR, `${name}.schema.json`)),
  ]),
);

// Vectors compare errors by code and path only, so their expectations carry no message: they
// are checked against a copy of the envelope schema in which `message` is optional.
const expectationSchema = structuredClone(schemaDocs.envelope);
expectationSchema.$id = `${ID_BASE}envelope-expectation.schema.json`;
expectationSchema.$defs.error.required = expectationSchema.$defs.error.required.filter(
  (key) => key !== 'message',
);

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validators = {};
for (const [name, schema] of Object.entries(schemaDocs)) {
  validators[name] = ajv.compile(schema);
}
validators.expectation = ajv.compile(expectationSchema);

function describeErrors(errors) {
  return (errors ?? [])
    .map((e) => `  ${e.instancePath || '(root)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`)
    .join('\n');
}

function assertValid(kind, doc, where) {
  const validate = validators[kind];
  assert.ok(validate(doc), `${where} does not match ${kind} schema:\n${describeErrors(validate.errors)}`);
}

function assertInvalid(kind, doc, where) {
  assert.equal(validators[kind](doc), false, `${where} should be rejected by the ${kind} schema`);
}

// --- contract rules a schema cannot express (checked for the data this repository ships) ----------

const MINOR_DIGITS = { EUR: 2, USD: 2, JPY: 0, KWD: 3 };

function contractProblems(snapshot) {
  const problems = [];
  const currencies = new Set(snapshot.currencies);
  const categoryIds = new Set();
  const parents = new Map();
  for (const c of snapshot.categories ?? []) {
    if (categoryIds.has(c.id)) problems.push(`duplicate category ${c.id}`);
    categoryIds.add(c.id);
    if (c.parent !== undefined) parents.set(c.id, c.parent);
  }
  for (const [id, parent] of parents) {
    if (!categoryIds.has(parent)) problems.push(`category ${id}: unknown parent ${parent}`);
    const seen = new Set([id]);
    for (let p = parent; p !== undefined; p = parents.get(p)) {
      if (seen.has(p)) {
        problems.push(`category ${id}: cycle`);
        break;
      }
      seen.add(p);
    }
  }
  const productIds = new Set();
  const skus = new Set();
  const checkMoneyMap = (map, where) => {
    for (const [currency, amount] of Object.entries(map ?? {})) {
      if (!currencies.has(currency)) problems.push(`${where}: currency ${currency} not in currencies`);
      const digits = MINOR_DIGITS[currency];
      const fraction = amount.split('.')[1] ?? '';
      if (digits !== undefined && fraction.length !== digits) {
        problems.push(`${where}: ${currency} "${amount}" must have ${digits} fraction digits`);
      }
    }
  };
  for (const p of snapshot.products) {
    if (productIds.has(p.id)) problems.push(`duplicate product ${p.id}`);
    productIds.add(p.id);
    for (const c of p.categories ?? []) {
      if (!categoryIds.has(c)) problems.push(`product ${p.id}: unknown category ${c}`);
    }
    for (const v of p.variants) {
      if (skus.has(v.sku)) problems.push(`duplicate SKU ${v.sku}`);
      skus.add(v.sku);
      checkMoneyMap(v.prices, `${v.sku} prices`);
      checkMoneyMap(v.unit_cost, `${v.sku} unit_cost`);
    }
  }
  return problems;
}

const skuIndex = (snapshot) =>
  new Map(snapshot.products.flatMap((p) => p.variants.map((v) => [v.sku, v])));

test('schemas are valid draft 2020-12 and use the v1 ids', () => {
  for (const [name, schema] of Object.entries(schemaDocs)) {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', name);
    assert.equal(schema.$id, `${ID_BASE}${name}.schema.json`, name);
    assert.ok(ajv.validateSchema(schema), `${name}: ${describeErrors(ajv.errors)}`);
  }
});

// --- examples ------------------------------------------------------------------------------------

test('examples/data/shop.json is a valid snapshot', () => {
  const shop = readJson(join(EXAMPLES_DIR, 'shop.json'));
  assertValid('snapshot', shop, 'examples/data/shop.json');
  assert.deepEqual(contractProblems(shop), []);
});

test('examples/data/carts/*.json are valid carts for the example shop', () => {
  const shop = readJson(join(EXAMPLES_DIR, 'shop.json'));
  const variants = skuIndex(shop);
  const files = readdirSync(join(EXAMPLES_DIR, 'carts')).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length > 0, 'no example carts');
  for (const file of files) {
    const cart = readJson(join(EXAMPLES_DIR, 'carts', file));
    assertValid('cart', cart, `examples/data/carts/${file}`);
    assert.ok(shop.currencies.includes(cart.currency), `${file}: currency ${cart.currency} not allowed`);
    const limits = shop.settings?.limits ?? {};
    assert.ok(cart.lines.length <= (limits.max_lines ?? 500), `${file}: too many lines`);
    for (const line of cart.lines) {
      assert.ok(variants.has(line.sku), `${file}: unknown SKU ${line.sku}`);
      assert.ok(line.quantity <= (limits.max_quantity ?? 10000), `${file}: quantity of ${line.sku}`);
    }
    const ids = cart.lines.filter((l) => l.id !== undefined).map((l) => l.id);
    assert.equal(new Set(ids).size, ids.length, `${file}: duplicate line id`);
  }
});

// --- vectors -------------------------------------------------------------------------------------

test('tests/vectors/fixtures/basic_shop.json is a valid snapshot', () => {
  const fixture = readJson(join(VECTORS_DIR, 'fixtures', 'basic_shop.json'));
  assertValid('snapshot', fixture, 'tests/vectors/fixtures/basic_shop.json');
  assert.deepEqual(contractProblems(fixture), []);
});

function vectorFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(VECTORS_DIR, 'fixtures')) out.push(...vectorFiles(path));
    } else if (entry.name.endsWith('.json') && path !== join(VECTORS_DIR, 'skips.json')) {
      out.push(path);
    }
  }
  return out.sort();
}

// Error codes a schema can always detect (a JSON number for money, an unknown key, a version other
// than 1, a limit above its hard maximum). A vector expecting one of these for an inline document
// proves the schema is as strict as the engine. (`type_mismatch` is left out: JSON.parse turns
// `2.0` into `2`, so a schema checked from JavaScript cannot see it.)
const SCHEMA_DETECTABLE = new Set([
  'unknown_field',
  'money_not_string',
  'unsupported_schema_version',
  'limit_out_of_range',
]);

function snapshotOf(input, where) {
  if (typeof input.snapshot_file === 'string') {
    const path = join(VECTORS_DIR, input.snapshot_file);
    assert.ok(existsSync(path), `${where}: snapshot_file ${input.snapshot_file} does not exist`);
    return { doc: readJson(path), label: `tests/vectors/${input.snapshot_file}`, inline: false };
  }
  if (input.snapshot !== null && typeof input.snapshot === 'object') {
    return { doc: input.snapshot, label: `${where} input.snapshot`, inline: true };
  }
  return null;
}

function checkVector(vector, where) {
  assert.equal(typeof vector.op, 'string', `${where}: op`);
  assertValid('expectation', vector.expected, `${where} expected`);
  const input = vector.input ?? {};
  const ok = vector.expected.ok === true;
  const errorPath = ok ? null : vector.expected.error.path;
  const errorCode = ok ? null : vector.expected.error.code;

  if (vector.op === 'cart.price' || vector.op === 'snapshot.validate') {
    const snapshot = snapshotOf(input, where);
    // The snapshot was accepted when the call succeeded or failed later, on the cart.
    const snapshotAccepted = ok || (vector.op === 'cart.price' && errorPath.startsWith('/cart'));
    if (snapshot && snapshotAccepted) assertValid('snapshot', snapshot.doc, snapshot.label);
    if (snapshot?.inline && SCHEMA_DETECTABLE.has(errorCode) && errorPath.startsWith('/snapshot/')) {
      assertInvalid('snapshot', snapshot.doc, `${where} input.snapshot (expects ${errorCode})`);
    }
  }

  if (vector.op === 'cart.price') {
    const cart = input.cart !== null && typeof input.cart === 'object' ? input.cart : null;
    if (cart && ok) assertValid('cart', cart, `${where} input.cart`);
    if (cart && SCHEMA_DETECTABLE.has(errorCode) && errorPath.startsWith('/cart/')) {
      assertInvalid('cart', cart, `${where} input.cart (expects ${errorCode})`);
    }
    if (ok) assertValid('priced-cart', vector.expected.value, `${where} expected.value`);
  }
}

test('shared vectors: expectations, cart.price and snapshot.validate documents', async (t) => {
  const files = vectorFiles(VECTORS_DIR);
  for (const path of files) {
    const file = readJson(path);
    if (!Array.isArray(file.vectors)) continue; // not a vector file
    const rel = relative(VECTORS_DIR, path);
    await t.test(rel, () => {
      for (const vector of file.vectors) checkVector(vector, `${rel} ${vector.name}`);
    });
  }
});

// --- CLI outputs ---------------------------------------------------------------------------------

test('priced carts listed in STOREFRONT_PRICED_OUTPUTS', async (t) => {
  const paths = (process.env.STOREFRONT_PRICED_OUTPUTS ?? '').split(':').filter((p) => p !== '');
  if (paths.length === 0) {
    t.skip('STOREFRONT_PRICED_OUTPUTS is not set');
    return;
  }
  for (const path of paths) {
    await t.test(path, () => {
      const envelope = readJson(resolve(path));
      assertValid('envelope', envelope, path);
      assert.equal(envelope.ok, true, `${path}: ${JSON.stringify(envelope.error)}`);
      assertValid('priced-cart', envelope.value, `${path} value`);
    });
  }
});

// --- the schemas reject what the contract rejects ------------------------------------------------

const minimalSnapshot = () => ({
  schema_version: 1,
  currencies: ['EUR'],
  products: [{ id: 'p', title: 'P', variants: [{ sku: 'P-1', prices: { EUR: '1.00' } }] }],
});
const minimalCart = () => ({
  currency: 'EUR',
  at: '2026-11-22T10:00:00Z',
  lines: [{ id: 'l1', sku: 'P-1', quantity: 1 }],
});
const minimalPricedCart = () => ({
  at: '2026-11-22T10:00:00Z',
  currency: 'EUR',
  engine: { schema_version: 1, snapshot_hash: `xxh3-128:${'0'.repeat(32)}`, version: '0.1.0' },
  issues: [],
  lines: [
    {
      discount_total: '0.00', discounts: [], index: 0, line_id: 'l1', product_id: 'p', quantity: 1,
      sku: 'P-1', status: 'priced', subtotal: '1.00', tax_total: '0.00', taxes: [], title: 'P',
      total: '1.00', unit_price: '1.00',
    },
  ],
  totals: {
    discount_total: '0.00', item_count: 1, shipping_total: '0.00', subtotal: '1.00',
    tax_total: '0.00', total: '1.00',
  },
});

test('minimal documents are accepted', () => {
  assertValid('snapshot', minimalSnapshot(), 'minimal snapshot');
  assertValid('cart', minimalCart(), 'minimal cart');
  assertValid('priced-cart', minimalPricedCart(), 'minimal priced cart');
  assertValid('envelope', { ok: true, value: minimalPricedCart() }, 'success envelope');
  assertValid('envelope', { ok: false, error: { code: 'unknown_sku', message: 'no variant', path: '/lines/0/sku' } }, 'error envelope');
});

test('money as a JSON number is rejected', () => {
  const snapshot = minimalSnapshot();
  snapshot.products[0].variants[0].prices.EUR = 19.99;
  assertInvalid('snapshot', snapshot, 'price 19.99');
  snapshot.products[0].variants[0].prices.EUR = 1999;
  assertInvalid('snapshot', snapshot, 'price 1999');
  const priced = minimalPricedCart();
  priced.totals.total = 1;
  assertInvalid('priced-cart', priced, 'total 1');
  for (const bad of ['1e3', '01.00', '1.', '.5', '+1.00', ' 1.00', '1,00']) {
    const s = minimalSnapshot();
    s.products[0].variants[0].prices.EUR = bad;
    assertInvalid('snapshot', s, `price "${bad}"`);
  }
});

test('unknown fields are rejected', () => {
  assertInvalid('cart', { ...minimalCart(), cupons: ['WELCOME10'] }, 'cart with "cupons"');
  const cart = minimalCart();
  cart.lines[0].qty = 1;
  assertInvalid('cart', cart, 'line with "qty"');
  assertInvalid('snapshot', { ...minimalSnapshot(), description: 'x' }, 'snapshot with "description"');
  const snapshot = minimalSnapshot();
  snapshot.settings = { limits: { max_line: 5 } };
  assertInvalid('snapshot', snapshot, 'limits with "max_line"');
  assertInvalid('priced-cart', { ...minimalPricedCart(), extra: true }, 'priced cart with "extra"');
  assertInvalid('envelope', { ok: true, value: {}, error: { code: 'x', message: 'x', path: '' } }, 'envelope with value and error');
});

test('lowercase or malformed currency codes are rejected', () => {
  assertInvalid('cart', { ...minimalCart(), currency: 'eur' }, 'cart currency "eur"');
  assertInvalid('snapshot', { ...minimalSnapshot(), currencies: ['EUR', 'usd'] }, 'snapshot currency "usd"');
  const snapshot = minimalSnapshot();
  snapshot.products[0].variants[0].prices = { eur: '1.00' };
  assertInvalid('snapshot', snapshot, 'price keyed "eur"');
  assertInvalid('snapshot', { ...minimalSnapshot(), currencies: [] }, 'empty currencies');
  assertInvalid('snapshot', { ...minimalSnapshot(), currencies: ['EUR', 'EUR'] }, 'duplicate currencies');
});

test('quantities outside 1..1000000 and non-integers are rejected', () => {
  for (const quantity of [0, -1, 1000001, 1.5, '2']) {
    const cart = minimalCart();
    cart.lines[0].quantity = quantity;
    assertInvalid('cart', cart, `quantity ${JSON.stringify(quantity)}`);
  }
});

test('other contract rules the schemas enforce', () => {
  assertInvalid('snapshot', { ...minimalSnapshot(), schema_version: 2 }, 'schema_version 2');
  const limits = { max_lines: 10001 };
  assertInvalid('snapshot', { ...minimalSnapshot(), settings: { limits } }, 'max_lines above hard maximum');
  assertInvalid('snapshot', { ...minimalSnapshot(), settings: { rounding_mode: 'half-up' } }, 'rounding mode half-up');
  const noVariants = minimalSnapshot();
  noVariants.products[0].variants = [];
  assertInvalid('snapshot', noVariants, 'product without variants');
  assertInvalid('cart', { ...minimalCart(), at: '2026-11-22T10:00:00' }, 'at without offset');
  assertInvalid('cart', { ...minimalCart(), shipping_address: { country: 'de' } }, 'lowercase country');
  assertInvalid('cart', { ...minimalCart(), customer: { attributes: { score: 1.5 } } }, 'float attribute');
  assertValid('cart', { ...minimalCart(), customer: { attributes: { tier: 'gold', orders: 3, nl: true } } }, 'attribute types');
  const priced = minimalPricedCart();
  priced.engine.snapshot_hash = `xxh3-128:${'A'.repeat(32)}`;
  assertInvalid('priced-cart', priced, 'upper-case hash');
  const status = minimalPricedCart();
  status.lines[0].status = 'skipped';
  assertInvalid('priced-cart', status, 'unknown line status');
  assertInvalid('envelope', { ok: false, error: { code: 'x', path: '' } }, 'error without message');
  assertValid('expectation', { ok: false, error: { code: 'x', path: '' } }, 'vector error without message');
  assertInvalid('envelope', { ok: false, error: { code: 'x', message: 'm', path: 'lines/0' } }, 'path not a JSON Pointer');
});

test('shipping: the schemas reject what the shipping contract rejects', () => {
  const withShipping = (rate, zone = { id: 'de', countries: ['DE'] }) => ({
    ...minimalSnapshot(),
    shipping: { zones: [zone], methods: [{ id: 'std', rates: [rate] }] },
  });
  const flat = { zone: 'de', type: 'flat', amount: { EUR: '4.90' } };
  assertValid('snapshot', withShipping(flat), 'flat rate');
  assertInvalid('snapshot', withShipping({ ...flat, amount: { EUR: '-4.90' } }), 'negative amount');
  assertInvalid('snapshot', withShipping({ ...flat, amount: {} }), 'empty amount map');
  assertInvalid('snapshot', withShipping({ ...flat, tiers: [] }), 'tiers on a flat rate');
  assertInvalid('snapshot', withShipping({ ...flat, type: 'per_kg' }), 'unknown rate type');
  assertInvalid('snapshot', withShipping({ zone: 'de', type: 'weight_tiers', tiers: [] }), 'no tiers');
  assertInvalid('snapshot', withShipping(flat, { id: 'de', countries: ['de'] }), 'lower-case country');
  assertInvalid('snapshot', withShipping(flat, { id: 'de', countries: ['DE'], postal_codes: [{ prefix: '1', from: '1', to: '2' }] }),
    'prefix and range in one entry');
  assertValid('cart', { ...minimalCart(), shipping: { method: 'std' } }, 'selected method');
  assertValid('cart', { ...minimalCart(), shipping: { options: true } }, 'options');
  assertInvalid('cart', { ...minimalCart(), shipping: { options: false } }, 'options false');
  assertInvalid('cart', { ...minimalCart(), shipping: { method: 'std', options: true } }, 'method and options');
  assertInvalid('cart', { ...minimalCart(), shipping: {} }, 'empty shipping request');
  const priced = minimalPricedCart();
  priced.shipping = { amount: '0.00', free: false, options: [{ method: 'std', available: false, reason: 'no_zone' }], weight_grams: 0 };
  assertValid('priced-cart', priced, 'options quote');
  priced.shipping.options[0].amount = '4.90';
  assertInvalid('priced-cart', priced, 'unavailable option with an amount');
  priced.shipping = { amount: '0.00', free: false, method: 'std', available: false, reason: 'moon', weight_grams: 0 };
  assertInvalid('priced-cart', priced, 'unknown reason');
  assertInvalid('priced-cart', { ...minimalPricedCart(), nudges: [] }, 'empty nudges (omitted instead)');
});

test('pricing: the schemas reject what the pricing contract rejects', () => {
  const withRules = (rules) => ({
    ...minimalSnapshot(),
    settings: { base_currency: 'EUR', prices_include_tax: true },
    ...rules,
  });
  const list = (entries, extra = {}) => withRules({ price_lists: [{ id: 'l', currency: 'EUR', entries, ...extra }] });
  assertValid('snapshot', list([{ sku: 'P-1', price: '0.90' }], { priority: 10, tier_basis: 'product', tax_inclusive: true,
    targeting: { customer_groups: ['vip'], segments: ['s'], channels: ['web'], countries: ['DE'] } }), 'list');
  assertValid('snapshot', list([{ attribute: { key: 'brand', value: 'Acme' }, adjust: { percent: '-99.99' } }]), 'attribute entry');
  assertValid('snapshot', list([{ tag: 't', tiers: [{ min_quantity: 1, price: '1.00' }, { min_quantity: 12, adjust: { percent: '-10' } }] }]), 'tiers');
  assertValid('snapshot', list([{ category: 'c', adjust: { percent: '1000' } }]), 'percent 1000');
  assertInvalid('snapshot', list([{ price: '1.00' }]), 'entry without selector');
  assertInvalid('snapshot', list([{ sku: 'P-1', product: 'p', price: '1.00' }]), 'entry with two selectors');
  assertInvalid('snapshot', list([{ sku: 'P-1' }]), 'entry without price, adjust or tiers');
  assertInvalid('snapshot', list([{ sku: 'P-1', price: '1.00', adjust: { percent: '-10' } }]), 'entry with price and adjust');
  assertInvalid('snapshot', list([{ sku: 'P-1', price: '-1.00' }]), 'negative entry price');
  assertInvalid('snapshot', list([{ sku: 'P-1', adjust: { percent: '-100' } }]), 'percent -100');
  assertInvalid('snapshot', list([{ sku: 'P-1', adjust: { percent: '1000.01' } }]), 'percent above 1000');
  assertInvalid('snapshot', list([{ sku: 'P-1', adjust: { percent: '-10', amount: '-1.00' } }]), 'percent and amount');
  assertInvalid('snapshot', list([{ sku: 'P-1', tiers: [] }]), 'empty tiers');
  assertInvalid('snapshot', list([{ sku: 'P-1', tiers: [{ min_quantity: 0, price: '1.00' }] }]), 'min_quantity 0');
  assertInvalid('snapshot', list([{ sku: 'P-1', tiers: [{ min_quantity: 1 }] }]), 'tier without price');
  assertInvalid('snapshot', list([{ sku: 'P-1', price: '1.00' }], { tier_basis: 'order' }), 'tier_basis order');
  assertInvalid('snapshot', list([{ sku: 'P-1', price: '1.00' }], { valid_from: '2026-11-01' }), 'date without time');
  assertInvalid('snapshot', list([{ sku: 'P-1', price: '1.00' }], { targeting: { groups: ['vip'] } }), 'targeting "groups"');

  const markdown = (extra) => withRules({ markdowns: [{ id: 'm', selector: { category: 'c' }, ...extra }] });
  assertValid('snapshot', markdown({ percent: '20', currencies: ['EUR'], min_margin: '0.15', priority: 1,
    valid_from: '2026-11-01T00:00:00Z', valid_until: '2027-01-01T00:00:00+01:00' }), 'percent markdown');
  assertValid('snapshot', markdown({ amount: { EUR: '5.00' } }), 'amount markdown');
  assertInvalid('snapshot', markdown({}), 'markdown without percent or amount');
  assertInvalid('snapshot', markdown({ percent: '0' }), 'markdown percent 0');
  assertInvalid('snapshot', markdown({ percent: '100.5' }), 'markdown percent above 100');
  assertInvalid('snapshot', markdown({ amount: { EUR: '0.00' } }), 'markdown amount 0');
  assertInvalid('snapshot', markdown({ percent: '10', min_margin: '-0.1' }), 'negative margin');
  assertInvalid('snapshot', withRules({ markdowns: [{ id: 'm', selector: {}, percent: '10' }] }), 'empty selector');
  assertInvalid('snapshot', withRules({ markdowns: [{ id: 'm', selector: { sku: 'P-1', tag: 't' }, percent: '10' }] }), 'two selectors');

  const rule = (extra) => withRules({ price_rounding: [{ id: 'r', currency: 'EUR', applies_to: ['markdown'], direction: 'down', ...extra }] });
  assertValid('snapshot', rule({ ending: '0.99' }), 'ending rule');
  assertValid('snapshot', rule({ increment: '0.05' }), 'increment rule');
  assertInvalid('snapshot', rule({}), 'rule without ending or increment');
  assertInvalid('snapshot', rule({ ending: '0.99', increment: '0.05' }), 'ending and increment');
  assertInvalid('snapshot', rule({ ending: '-0.01' }), 'negative ending');
  assertInvalid('snapshot', rule({ increment: '0' }), 'increment 0');
  assertInvalid('snapshot', rule({ ending: '0.99', direction: 'sideways' }), 'direction sideways');
  assertInvalid('snapshot', rule({ ending: '0.99', applies_to: ['tax'] }), 'unknown step');
  assertInvalid('snapshot', rule({ ending: '0.99', applies_to: [] }), 'no step');

  const rate = (value) => withRules({ exchange_rates: [{ from: 'EUR', to: 'USD', rate: value }] });
  assertValid('snapshot', rate('1.0842'), 'rate');
  for (const bad of ['0', '0.000', '-1.0842', '1.0842000000001', '1e-2']) assertInvalid('snapshot', rate(bad), `rate "${bad}"`);
  assertInvalid('snapshot', rate(1.0842), 'rate as a number');

  const history = (prices) => withRules({ price_history: [{ sku: 'P-1', currency: 'EUR', prices }] });
  assertValid('snapshot', history([{ from: '2026-10-01T00:00:00Z', price: '1.20' }]), 'history');
  assertInvalid('snapshot', history([{ from: '2026-10-01T00:00:00Z', price: 1.2 }]), 'history price as a number');

  const floors = minimalSnapshot();
  floors.products[0].min_margin = '0.20';
  floors.products[0].variants[0].min_price = { EUR: '0.80' };
  assertValid('snapshot', floors, 'min_margin and min_price');
  floors.products[0].min_margin = 0.2;
  assertInvalid('snapshot', floors, 'min_margin as a number');
  assertInvalid('snapshot', { ...minimalSnapshot(), settings: { base_currency: 'eur' } }, 'base_currency "eur"');

  assertValid('cart', { ...minimalCart(), channel: 'web', explain: true, customer: { groups: ['vip'], segments: ['s'] } }, 'pricing cart fields');
  assertInvalid('cart', { ...minimalCart(), explain: 'yes' }, 'explain "yes"');
  assertInvalid('cart', { ...minimalCart(), channel: 7 }, 'channel 7');
  assertInvalid('cart', { ...minimalCart(), customer: { segments: 's' } }, 'segments not an array');

  const priced = () => {
    const cart = minimalPricedCart();
    Object.assign(cart.lines[0], {
      compare_at: '1.25', markdown: 'm', saving: '0.25', prior_price: '1.10', floor_applied: true, tax_inclusive: true,
      price_list: { entry: 0, id: 'l' },
      explanation: [{ step: 'base', before: '1.25', after: '1.25' }, { step: 'markdown', before: '1.25', after: '1.00', rule: 'm' }],
    });
    return cart;
  };
  assertValid('priced-cart', priced(), 'line with every pricing field');
  const without = (key) => { const cart = priced(); delete cart.lines[0][key]; return cart; };
  assertInvalid('priced-cart', without('markdown'), 'compare_at without markdown');
  assertInvalid('priced-cart', without('compare_at'), 'saving and prior_price without compare_at');
  const bad = (mutate, where) => { const cart = priced(); mutate(cart.lines[0]); assertInvalid('priced-cart', cart, where); };
  bad((l) => { l.floor_applied = false; }, 'floor_applied false (omitted instead)');
  bad((l) => { l.tax_inclusive = false; }, 'tax_inclusive false (omitted instead)');
  bad((l) => { l.explanation = []; }, 'empty explanation (omitted instead)');
  bad((l) => { l.explanation[0].step = 'coupon'; }, 'unknown step');
  bad((l) => { l.explanation[0].after = 1.25; }, 'step amount as a number');
  bad((l) => { l.price_list.entry = -1; }, 'negative entry index');
  bad((l) => { l.price_list.name = 'VIP'; }, 'price_list with "name"');
});

test('promotions: the schemas reject what the promotions contract rejects', () => {
  const withPromotion = (promotion, settings) => ({
    ...minimalSnapshot(),
    ...(settings ? { settings } : {}),
    promotions: [{ id: 'p', ...promotion }],
  });
  const percent10 = { type: 'order_percent_off', percent: '10' };
  assertValid('snapshot', withPromotion({
    name: 'Welcome', coupons: ['WELCOME10'], valid_from: '2026-11-01T00:00:00Z', channels: ['web'],
    eligibility: { customer_groups: ['retail'], max_orders: 0 }, priority: 10, exclusive: false, stop_after: true,
    combines_with: ['item', 'shipping'], min_margin: '0.10', limits: { uses: 1000, uses_per_customer: 1, budget: { EUR: '500.00' } },
    condition: { all: [
      { subtotal: { min: { EUR: '30.00' }, base: 'after_discounts' } },
      { not: { weekday: { days: ['sat', 'sun'], utc_offset: '+01:00' } } },
      { any: [{ quantity: { items: [{ sku: 'P-1' }], min: 2 } }, { customer_attribute: { key: 'vip', equals: true } }] },
      { time_of_day: { from: '22:00', until: '02:00', utc_offset: '-18:00' } },
      { coupon: 'STAFF' },
    ] },
    action: percent10,
  }, { promotion_selection: 'best_for_customer', limits: { max_promotion_combinations: 65536 } }), 'full promotion');
  const actions = [
    { type: 'percent_off', percent: '100', items: [{ tag: 't' }], skip_marked_down: true, max_quantity: 2 },
    { type: 'amount_off_each', amount: { EUR: '1.00' } },
    { type: 'unit_price', price: { EUR: '0.00' } },
    { type: 'n_for_x', quantity: 3, price: { EUR: '10.00' }, max_applications: 1 },
    { type: 'buy_x_get_y', buy: { items: [], quantity: 2 }, get: { quantity: 1 }, discount: { percent: '100' }, pick: 'most_expensive' },
    { type: 'bundle', components: [{ items: [{ sku: 'P-1' }] }, { items: [{ tag: 't' }], quantity: 2 }], price: { EUR: '5.00' } },
    { type: 'free_gift', sku: 'P-1' },
    { type: 'tiered_spend', by: 'quantity', tiers: [{ min: 3, percent: '5' }, { min: 6, percent: '10' }] },
    { type: 'tiered_spend', tiers: [{ min: { EUR: '100.00' }, amount: { EUR: '10.00' } }] },
    { type: 'order_amount_off', amount: { EUR: '5.00' } },
    { type: 'loyalty_points', points: 1, per: { EUR: '1.00' } },
    { type: 'shipping_off', free: true, methods: ['standard'] },
  ];
  for (const action of actions) assertValid('snapshot', withPromotion({ action }), `action ${action.type}`);

  const bad = (promotion, where) => assertInvalid('snapshot', withPromotion(promotion), where);
  bad({}, 'promotion without action');
  bad({ action: percent10, colour: 'red' }, 'unknown promotion field');
  bad({ action: { type: 'half_off' } }, 'unknown action type');
  bad({ action: { type: 'order_percent_off', percent: '0' } }, 'percent 0');
  bad({ action: { type: 'order_percent_off', percent: '100.01' } }, 'percent above 100');
  bad({ action: { type: 'order_percent_off', percent: '10', items: [] } }, 'items on an order percent');
  bad({ action: { type: 'order_amount_off', amount: { EUR: 5 } } }, 'amount as a number');
  bad({ action: { type: 'order_amount_off', amount: { EUR: '0.00' } } }, 'amount 0');
  bad({ action: { type: 'order_amount_off', amount: {} } }, 'empty amount map');
  bad({ action: { type: 'unit_price', price: { EUR: '-1.00' } } }, 'negative price');
  bad({ action: { type: 'n_for_x', quantity: 1, price: { EUR: '1.00' } } }, 'n_for_x of one');
  bad({ action: { type: 'bundle', components: [{ items: [] }], price: { EUR: '1.00' } } }, 'bundle of one component');
  bad({ action: { type: 'shipping_off', percent: '10', free: true } }, 'shipping_off with two forms');
  bad({ action: { type: 'shipping_off', free: false } }, 'free false');
  bad({ action: { type: 'buy_x_get_y', buy: { items: [], quantity: 1 }, get: { quantity: 1 }, discount: {} } }, 'bxgy without discount');
  bad({ action: { type: 'tiered_spend', tiers: [] } }, 'no tiers');
  bad({ action: percent10, combines_with: ['items'] }, 'unknown class');
  bad({ action: percent10, condition: {} }, 'empty condition');
  bad({ action: percent10, condition: { segment: 'vip', channel: ['web'] } }, 'condition with two keys');
  bad({ action: percent10, condition: { weather: 'sunny' } }, 'unknown condition node');
  bad({ action: percent10, condition: { all: [] } }, 'empty all');
  bad({ action: percent10, condition: { quantity: { items: [] } } }, 'range without bounds');
  bad({ action: percent10, condition: { subtotal: { items: [], min: { EUR: '1.00' } } } }, 'subtotal with items');
  bad({ action: percent10, condition: { weekday: { days: ['mon', 'Tue'] } } }, 'unknown weekday');
  bad({ action: percent10, condition: { weekday: { days: ['mon', 'mon'] } } }, 'weekday twice');
  bad({ action: percent10, condition: { weekday: { days: ['mon'], utc_offset: '+18:30' } } }, 'offset past 18:00');
  bad({ action: percent10, condition: { time_of_day: { from: '09:00', until: '24:00' } } }, 'until 24:00');
  bad({ action: percent10, condition: { customer_attribute: { key: 'k', equals: 'x', min: 1 } } }, 'equals and min');
  bad({ action: percent10, condition: { amount: { min: { EUR: '1.00' }, base: 'net' } } }, 'unknown base');
  assertInvalid('snapshot', withPromotion({ action: percent10 }, { promotion_selection: 'best' }), 'unknown selection');
  assertInvalid('snapshot', withPromotion({ action: percent10 }, { limits: { max_promotion_combinations: 0 } }), 'no combinations');

  assertValid('cart', { ...minimalCart(), promotion_counters: { welcome10: { uses_left: -1, customer_uses_left: 0 }, bf: { budget_left: '0.00' } } },
    'promotion counters');
  assertInvalid('cart', { ...minimalCart(), promotion_counters: { bf: { budget_left: '-1.00' } } }, 'negative budget_left');
  assertInvalid('cart', { ...minimalCart(), promotion_counters: { bf: { budget_left: 1 } } }, 'budget_left as a number');
  assertInvalid('cart', { ...minimalCart(), promotion_counters: { bf: { uses: 1 } } }, 'counter "uses"');

  const priced = minimalPricedCart();
  priced.lines[0].discounts = [{ promotion: 'p', amount: '0.10' }];
  const gift = { ...minimalPricedCart().lines[0], index: 1, gift_of: 'gift' };
  delete gift.line_id;
  priced.lines.push(gift);
  priced.totals.loyalty_points = 3;
  priced.promotions = [
    { promotion: 'p', applied: true, saving: '0.10', uses: 1, budget_used: '0.10', capped_by_budget: true },
    { promotion: 'w', applied: false, reason: 'condition_not_met', coupon: ' welcome10', coupon_index: 0,
      condition: '/promotions/1/condition/all/0', missing_amount: '5.00' },
    { promotion: 'x', applied: false, reason: 'not_combinable', blocked_by: 'p' },
  ];
  priced.nudges = [
    { type: 'add_items', promotion: 'p', missing_quantity: 1 },
    { type: 'free_shipping', method: 'std', threshold: '50.00', missing: '8.00' },
    { type: 'spend_more', promotion: 't', threshold: '200.00', missing: '20.00', saving: '25.00' },
  ];
  priced.shipping = { amount: '0.00', available: true, free: false, method: 'std', weight_grams: 0,
    discount: '4.90', discounts: [{ promotion: 's', amount: '4.90' }] };
  assertValid('priced-cart', priced, 'priced cart with promotions');
  const broken = (mutate, where) => {
    const cart = structuredClone(priced);
    mutate(cart);
    assertInvalid('priced-cart', cart, where);
  };
  broken((c) => { c.promotions = []; }, 'empty promotions (omitted instead)');
  broken((c) => { c.promotions[0].capped_by_budget = false; }, 'capped_by_budget false (omitted instead)');
  broken((c) => { c.promotions[1].reason = 'too_late'; }, 'unknown reason');
  broken((c) => { delete c.promotions[1].coupon_index; }, 'coupon without coupon_index');
  broken((c) => { c.totals.loyalty_points = 0; }, 'zero loyalty points (omitted instead)');
  broken((c) => { c.lines[0].discounts[0].amount = 0.1; }, 'line discount as a number');
  broken((c) => { delete c.shipping.discounts; }, 'shipping discount without discounts');
  broken((c) => { c.nudges[0].method = 'std'; }, 'add_items nudge with a method');
  broken((c) => { delete c.nudges[2].promotion; }, 'spend_more nudge without promotion');
});

test('tax: the schemas reject what the tax contract rejects', () => {
  const withTax = (extra = {}, rate = {}) => ({
    ...minimalSnapshot(),
    tax: {
      categories: ['standard', 'shipping'],
      zones: [{ id: 'ca', countries: ['CA'] }, { id: 'ca-qc', countries: ['CA'], regions: ['QC'] }],
      rates: [
        { id: 'gst', zone: 'ca', jurisdiction: 'CA', name: 'GST', rate: '5', categories: ['standard'] },
        { id: 'qst', zone: 'ca-qc', jurisdiction: 'CA-QC', name: 'QST', rate: '9.975', categories: ['standard'],
          compounds_on: ['gst'], ...rate },
      ],
      ...extra,
    },
  });
  assertValid('snapshot', withTax(), 'tax section');
  assertValid('snapshot', withTax({
    address: 'origin', origin: { country: 'CA', region: 'QC' }, registration: { country: 'DE', vat_number: 'DE123456789' },
    rounding: { mode: 'half-even', level: 'unit' }, discounts: 'before',
    shipping: { method: 'category', category: 'shipping' }, cross_border: 'rederive_net',
    fees: [{ id: 'eco', zone: 'ca', name: 'Eco fee', items: [{ sku: 'P-1' }], amount: { EUR: '0.50' }, category: 'standard' }],
  }, { threshold: { mode: 'taxed_above', amount: { EUR: '175.00' } } }), 'every tax setting');
  for (const rate of ['100', '0', '100.0000', '8.8750']) assertValid('snapshot', withTax({}, { rate }), `rate ${rate}`);
  for (const rate of ['101', '100.01', '9.97501', '-1', '05', '9.']) assertInvalid('snapshot', withTax({}, { rate }), `rate ${rate}`);
  assertInvalid('snapshot', withTax({}, { rate: 9.975 }), 'rate as a number');
  assertInvalid('snapshot', withTax({}, { categories: [] }), 'rate without categories');
  assertInvalid('snapshot', withTax({}, { threshold: { mode: 'exempt_below', amount: { EUR: '0.00' } } }), 'zero threshold');
  assertInvalid('snapshot', withTax({ shipping: { method: 'category' } }), 'shipping category missing');
  assertInvalid('snapshot', withTax({ shipping: { method: 'none', category: 'shipping' } }), 'category without method category');
  assertInvalid('snapshot', withTax({ rounding: { level: 'order' } }), 'unknown rounding level');
  assertInvalid('snapshot', withTax({ address: 'home' }), 'unknown address source');
  assertInvalid('snapshot', withTax({ registration: { country: 'DE' } }), 'registration without a number');
  assertInvalid('snapshot', { ...minimalSnapshot(), tax: { categories: ['standard'], zones: [] } }, 'no rates');

  const exempt = { ...minimalCart(), billing_address: { country: 'FR' },
    customer: { vat_number: 'FRXX123456789', tax_exemption: { certificate: 'EX-1', categories: ['standard'] } } };
  assertValid('cart', exempt, 'cart tax fields');
  assertInvalid('cart', { ...minimalCart(), customer: { tax_exemption: { categories: [] } } }, 'exemption without certificate');
  assertInvalid('cart', { ...minimalCart(), billing_address: { country: 'fr' } }, 'lower-case billing country');

  const priced = minimalPricedCart();
  const tax = { rate: 'gst', name: 'GST', jurisdiction: 'CA', percent: '5', base: '1.00', amount: '0.05' };
  Object.assign(priced.lines[0], { taxes: [tax, { ...tax, base: '0.50', amount: '0.03', fee: 'eco' }], net: '1.50',
    gross: '1.58', fees: [{ id: 'eco', name: 'Eco fee', amount: '0.50' }], fee_total: '0.50', rederived: true });
  Object.assign(priced.totals, { net_total: '1.50', gross_total: '1.58', fee_total: '0.50' });
  priced.tax = { rates: [tax], jurisdictions: [{ jurisdiction: 'CA', amount: '0.08' }],
    notes: [{ type: 'exemption', certificate: 'EX-1' },
      { type: 'reverse_charge', text: 'Reverse charge', vat_number: 'FRXX123456789' }] };
  priced.shipping = { amount: '4.90', available: true, free: false, method: 'std', weight_grams: 0, taxes: [tax], tax_total: '0.05' };
  assertValid('priced-cart', priced, 'priced cart with tax');
  const broken = (mutate, where) => {
    const cart = structuredClone(priced);
    mutate(cart);
    assertInvalid('priced-cart', cart, where);
  };
  broken((c) => { c.tax.rates[0].fee = 'eco'; }, 'summary rate with a fee');
  broken((c) => { delete c.lines[0].fee_total; }, 'fees without fee_total');
  broken((c) => { delete c.lines[0].gross; }, 'net without gross');
  broken((c) => { c.lines[0].rederived = false; }, 'rederived false (omitted instead)');
  broken((c) => { c.lines[0].fees = []; delete c.lines[0].fee_total; }, 'empty fees (omitted instead)');
  broken((c) => { delete c.totals.gross_total; }, 'net_total without gross_total');
  broken((c) => { delete c.shipping.tax_total; }, 'shipping taxes without tax_total');
  broken((c) => { c.tax.notes[0].type = 'discount'; }, 'unknown note type');
  broken((c) => { c.lines[0].taxes[0].percent = 5; }, 'percent as a number');
});
