// Exercises the declarations of @storefront/sdk (wasm/js/index.d.ts) the way applications use
// them. Never run: `tsc --noEmit` proves that correct code compiles and that the
// `@ts-expect-error` lines (mistakes the types must catch) do not.
import {
  ABI_VERSION,
  StorefrontError,
  call,
  callJson,
  createEngine,
  loadCore,
  type CartRequest,
  type Engine,
  type PriceStep,
  type PricedLine,
  type EngineInfo,
  type Envelope,
  type Money,
  type PricedCart,
  type Nudge,
  type PromotionOutcome,
  type RoundingMode,
  type Snapshot,
} from '@storefront/sdk';

const snapshot: Snapshot = {
  schema_version: 1,
  settings: { rounding_mode: 'half-even', limits: { max_lines: 500, max_coupons: 0 } },
  currencies: ['EUR', 'JPY'],
  categories: [{ id: 'apparel', name: 'Apparel' }, { id: 'tshirts', parent: 'apparel' }],
  products: [
    {
      id: 'tee-classic',
      title: 'Classic Tee',
      categories: ['tshirts'],
      attributes: { brand: 'Northwind' },
      variants: [{ sku: 'TEE-M', title: 'M', prices: { EUR: '19.99', JPY: '2900' }, unit_cost: { EUR: '6.10' }, weight_grams: 180 }],
    },
  ],
};

const cart: CartRequest = {
  currency: 'EUR',
  at: '2026-11-22T10:00:00+01:00',
  lines: [{ id: 'l1', sku: 'TEE-M', quantity: 2 }],
  customer: { id: 'c-1', groups: ['vip'], attributes: { tier: 'gold', orders: 3, newsletter: true } },
  shipping_address: { country: 'DE', postal_code: '10115' },
  coupons: ['WELCOME10'],
  locale: 'de-DE',
};

async function main(): Promise<void> {
  const abi: number = ABI_VERSION;
  const engine: Engine = await createEngine(snapshot, { limits: { max_variants: 1000, max_json_depth: 32 } });
  const fromText: Engine = await createEngine(JSON.stringify(snapshot));
  const info: EngineInfo = engine.info;
  const hash: string = info.snapshot_hash;
  const counts: number = info.variants + info.products + info.categories + info.currencies;

  // The value, with every field typed.
  const priced: PricedCart = engine.price(cart);
  const total: Money = priced.totals.total;
  const items: number = priced.totals.item_count;
  const first = priced.lines[0];
  if (first) {
    const status: 'priced' | 'unavailable' = first.status;
    const lineId: string | undefined = first.line_id;
    const unit: Money = first.unit_price;
    void [status, lineId, unit];
  }
  for (const issue of priced.issues) {
    if (issue.code === 'price_unavailable') console.log(issue.path, issue.message);
  }
  const version: string = priced.engine.version;
  const schemaVersion: 1 = priced.engine.schema_version;

  // The canonical bytes, typed by parsing into an Envelope.
  const envelope = JSON.parse(engine.priceJson(JSON.stringify(cart))) as Envelope<PricedCart>;
  if (envelope.ok) {
    const subtotal: Money = envelope.value.totals.subtotal;
    void subtotal;
  } else {
    const code: string = envelope.error.code;
    void code;
  }

  try {
    engine.price({ ...cart, lines: [{ sku: 'NOPE', quantity: 1 }] });
  } catch (e) {
    if (e instanceof StorefrontError) {
      const where: string = e.path;
      if (e.code === 'unknown_sku') console.log(where);
    }
  }
  engine.dispose();
  fromText.dispose();

  // Loading the module explicitly: a precompiled module (workerd) or the bytes (bundlers).
  const module: WebAssembly.Module = await WebAssembly.compile(new Uint8Array(8));
  const core = await loadCore({ module });
  const coreVersion: string = core.version;
  const text: string = core.callJson('money.parse', '{"amount":"19.99","currency":"EUR"}');
  await createEngine(snapshot, { wasmBinary: new Uint8Array(8) });
  await createEngine(snapshot, { wasmBinary: new ArrayBuffer(8) });

  // Named operations: input and value typed per op.
  const parts = await call('money.allocate', { amount: '10.00', currency: 'EUR', weights: [1, 1, 1] });
  const firstPart: Money | undefined = parts.amounts[0];
  const parsed = await call('money.parse', { amount: '1.005', currency: 'EUR', rounding: 'half-even' });
  const minor: string = parsed.minor_units;
  const product = await call('money.multiply', { amount: '19.99', currency: 'EUR', rate: '0.19', rounding: 'half-even' });
  const cash = await call('currency.info', { currency: 'CHF' });
  const digits: number = cash.minor_units;
  const validated: EngineInfo = await call('snapshot.validate', { snapshot_text: '{}', options: { max_variants: 10 } });
  const pricedOnce: PricedCart = await call('cart.price', { snapshot, cart });
  const raw: string = await callJson('cart.price', JSON.stringify({ snapshot, cart_text: JSON.stringify(cart) }));
  const mode: RoundingMode = 'half-odd';
  const bucket: number | null = (await call('experiments.hash', { seed: 'exp', value: 'c-1', version: 2 })).hash;
  const { ranges } = await call('experiments.bucket_ranges', { variations: 2, coverage: 0.5 });
  const variation: number = (await call('experiments.choose_variation', { hash: bucket ?? 0, ranges })).variation;
  const inSlice: boolean = (await call('experiments.in_namespace', { hash_value: 'c-1', namespace: ['ns', 0, 0.5] })).in_namespace;

  void [abi, hash, counts, total, items, version, schemaVersion, coreVersion, text, firstPart, minor, product];
  void [digits, validated, pricedOnce, raw, mode, variation, inSlice];
}

// --- mistakes the types must reject ---------------------------------------------------------

const badMoney: Snapshot = {
  schema_version: 1,
  currencies: ['EUR'],
  products: [
    {
      id: 'p',
      title: 'P',
      // @ts-expect-error money is a decimal string, never a JSON number
      variants: [{ sku: 'S', prices: { EUR: 19.99 } }],
    },
  ],
};

// @ts-expect-error "half-up" is not one of the ten rounding modes
const badMode: RoundingMode = 'half-up';

// @ts-expect-error a quantity is an integer, not a string
const badLine: CartRequest = { currency: 'EUR', at: '2026-01-01T00:00:00Z', lines: [{ sku: 'S', quantity: '2' }] };

// @ts-expect-error only contract version 1 exists
const badVersion: Snapshot = { schema_version: 2, currencies: ['EUR'], products: [] };

async function badCalls(engine: Engine): Promise<void> {
  // @ts-expect-error a typo in a cart field is caught (the core would say unknown_field)
  engine.price({ currency: 'EUR', at: '2026-01-01T00:00:00Z', lines: [], cupons: ['X'] });
  // @ts-expect-error money.sum takes money strings
  await call('money.sum', { currency: 'EUR', amounts: [1.5] });
  // @ts-expect-error host limits are numbers
  await createEngine('{}', { limits: { max_variants: '10' } });
  // @ts-expect-error a namespace is [id, start, end]
  await call('experiments.in_namespace', { hash_value: 'c-1', namespace: ['ns', 0] });
  // @ts-expect-error there is no such operation
  await call('money.divide', {});
  // @ts-expect-error the internal createEngine of a Core is not part of the API
  (await loadCore()).createEngine('{}', '');
}

void [main, badMoney, badMode, badLine, badVersion, badCalls];

// --- shipping (docs/concepts/shipping.md) ------------------------------------------------------

const shippingShop: Snapshot = {
  ...snapshot,
  shipping: {
    zones: [{ id: 'berlin', countries: ['DE'], postal_codes: [{ from: '10000', to: '14999' }, { prefix: '1' }] }],
    methods: [
      {
        id: 'standard',
        name: 'Standard',
        rates: [
          { zone: 'berlin', type: 'flat', amount: { EUR: '3.90' }, free_over: { EUR: '40.00' } },
          { zone: 'berlin', type: 'weight_tiers', tiers: [{ up_to_grams: 1000, amount: { EUR: '9.90' } }] },
          { zone: 'berlin', type: 'subtotal_tiers', tiers: [{ from: { EUR: '0.00' }, amount: { EUR: '7.99' } }] },
        ],
        eligibility: { max_weight_grams: 20000, excluded_categories: ['furniture'], excluded_tags: ['bulky'] },
      },
    ],
  },
};

function showShipping(priced: PricedCart): string {
  const quote = priced.shipping;
  if (quote === undefined) return '';
  for (const option of quote.options ?? []) {
    if (option.available) console.log(option.method, option.amount, option.free);
    else console.log(option.method, option.reason);
  }
  for (const nudge of priced.nudges ?? []) {
    if (nudge.type === 'free_shipping') console.log(`spend ${nudge.missing} more for free ${nudge.method}`);
  }
  return quote.available === false ? (quote.reason ?? '') : quote.amount;
}

const selectCart: CartRequest = { ...cart, shipping: { method: 'standard' } };
const optionsCart: CartRequest = { ...cart, shipping: { options: true } };

// @ts-expect-error options is true or absent
const badOptions: CartRequest = { ...cart, shipping: { options: false } };

const badRate: Snapshot = {
  ...snapshot,
  // @ts-expect-error a flat rate has an amount, not tiers
  shipping: { zones: [], methods: [{ id: 'm', rates: [{ zone: 'z', type: 'flat', tiers: [] }] }] },
};

void [shippingShop, showShipping, selectCart, optionsCart, badOptions, badRate];

// Pricing rules and the fields they add to a priced line.
const pricedSnapshot: Snapshot = {
  schema_version: 1,
  settings: { base_currency: 'EUR', prices_include_tax: true },
  currencies: ['EUR', 'USD'],
  exchange_rates: [{ from: 'EUR', to: 'USD', rate: '1.0842' }],
  products: [{ id: 'tee', title: 'Tee', min_margin: '0.20', variants: [{ sku: 'TEE-M', prices: { EUR: '19.99' }, min_price: { EUR: '9.00' } }] }],
  price_lists: [{ id: 'vip', currency: 'EUR', targeting: { customer_groups: ['vip'] }, entries: [{ category: 'apparel', adjust: { percent: '-10' } }] }],
  markdowns: [{ id: 'winter', selector: { tag: 'winter' }, percent: '20' }],
  price_rounding: [{ id: 'eur-99', currency: 'EUR', applies_to: ['markdown'], ending: '0.99', direction: 'down' }],
  price_history: [{ sku: 'TEE-M', currency: 'EUR', prices: [{ from: '2026-10-01T00:00:00Z', price: '24.99' }] }],
};
void pricedSnapshot;
export function describeLine(line: PricedLine): string {
  const steps = (line.explanation ?? []).map((s: PriceStep) => `${s.step} ${s.before}→${s.after}`).join(', ');
  return line.compare_at ? `${line.unit_price} (was ${line.compare_at}, lowest ${line.prior_price ?? '—'}) ${steps}` : steps;
}

// Promotions: the snapshot's rules, the cart's counters, and what a priced cart says about them.
const promotionShop: Snapshot = {
  ...snapshot,
  settings: { promotion_selection: 'best_for_customer', limits: { max_promotion_combinations: 512 } },
  promotions: [
    {
      id: 'welcome10',
      coupons: ['WELCOME10'],
      eligibility: { max_orders: 0 },
      condition: { all: [{ subtotal: { min: { EUR: '30.00' } } }, { not: { segment: 'staff' } }] },
      action: { type: 'order_percent_off', percent: '10' },
    },
    {
      id: 'socks-3-for-2',
      action: { type: 'buy_x_get_y', buy: { items: [{ tag: 'socks' }], quantity: 2 }, get: { quantity: 1 }, discount: { percent: '100' } },
    },
    { id: 'free-shipping', combines_with: ['item'], action: { type: 'shipping_off', free: true, methods: ['standard'] } },
  ],
};
const countedCart: CartRequest = { ...cart, coupons: ['welcome10'], promotion_counters: { welcome10: { customer_uses_left: 1 } } };
// @ts-expect-error "weather" is not a condition node
const badCondition: Snapshot = { ...snapshot, promotions: [{ id: 'x', condition: { weather: 'sunny' }, action: { type: 'order_percent_off', percent: '10' } }] };
// @ts-expect-error shipping_off takes percent, amount or free: true
const badShippingOff: Snapshot = { ...snapshot, promotions: [{ id: 'x', action: { type: 'shipping_off', free: false } }] };
void [promotionShop, countedCart, badCondition, badShippingOff];

export function explainPromotions(priced: PricedCart): string[] {
  const nudgeText = (nudge: Nudge): string => {
    switch (nudge.type) {
      case 'free_shipping':
        return `spend ${nudge.missing} more for free ${nudge.method}`;
      case 'spend_more':
        return `spend ${nudge.missing} more for ${nudge.promotion}${nudge.saving ? ` (save ${nudge.saving})` : ''}`;
      case 'add_items':
        return `add ${nudge.missing_quantity} more for ${nudge.promotion}`;
    }
  };
  const outcomeText = (o: PromotionOutcome): string =>
    o.applied ? `${o.promotion ?? ''} saves ${o.saving ?? '0'}` : `${o.promotion ?? o.coupon ?? ''}: ${o.reason ?? ''}`;
  const lines = priced.lines.flatMap((l) => l.discounts.map((d) => `${l.sku}: ${d.promotion} −${d.amount}${l.gift_of ? ' (gift)' : ''}`));
  return [
    ...lines,
    ...(priced.promotions ?? []).map(outcomeText),
    ...(priced.nudges ?? []).map(nudgeText),
    `points: ${priced.totals.loyalty_points ?? 0}, shipping discount: ${priced.shipping?.discount ?? '0'}`,
  ];
}

// Tax (docs/concepts/tax.md): the snapshot's section, the cart's tax fields, and what a priced
// cart says about tax.
const taxShop: Snapshot = {
  ...snapshot,
  tax: {
    categories: ['standard', 'reduced', 'shipping'],
    address: 'shipping',
    origin: { country: 'DE', region: 'BY', postal_code: '80331' },
    registration: { country: 'DE', vat_number: 'DE123456789' },
    rounding: { mode: 'half-even', level: 'total' },
    discounts: 'after',
    shipping: { method: 'category', category: 'shipping' },
    cross_border: 'keep_gross',
    zones: [{ id: 'ca', countries: ['CA'] }, { id: 'ca-qc', countries: ['CA'], regions: ['QC'] }],
    rates: [
      { id: 'ca-gst', zone: 'ca', jurisdiction: 'CA', name: 'GST', rate: '5', categories: ['standard'] },
      { id: 'qc-qst', zone: 'ca-qc', jurisdiction: 'CA-QC', name: 'QST', rate: '9.975', categories: ['standard'], compounds_on: ['ca-gst'] },
      {
        id: 'ny-clothing', zone: 'ca', jurisdiction: 'US-NY', name: 'NY State', rate: '4', categories: ['reduced'],
        threshold: { mode: 'exempt_below', amount: { EUR: '110.00' } },
      },
    ],
    fees: [{ id: 'weee', zone: 'ca', name: 'WEEE fee', items: [{ category: 'audio' }], amount: { EUR: '0.50' }, category: 'standard' }],
  },
};
const taxCart: CartRequest = {
  ...cart,
  billing_address: { country: 'FR' },
  customer: { vat_number: 'FRXX123456789', tax_exemption: { certificate: 'EX-1', categories: ['reduced'] } },
};
// @ts-expect-error "by_line" is not a rounding level
const badLevel: Snapshot = { ...snapshot, tax: { categories: [], zones: [], rates: [], rounding: { level: 'by_line' } } };
// @ts-expect-error a shipping category comes with method "category" only
const badShippingTax: Snapshot = { ...snapshot, tax: { categories: [], zones: [], rates: [], shipping: { method: 'none', category: 'x' } } };
// @ts-expect-error an exemption needs its certificate
const badExemption: CartRequest = { ...cart, customer: { tax_exemption: { categories: ['food'] } } };
void [taxShop, taxCart, badLevel, badShippingTax, badExemption];

export function explainTax(priced: PricedCart): string[] {
  const lines = priced.lines.flatMap((l) => [
    `${l.sku}: net ${l.net ?? '—'} gross ${l.gross ?? '—'}${l.rederived ? ' (rederived)' : ''}`,
    ...l.taxes.map((t) => `${t.name} ${t.percent} % of ${t.base} = ${t.amount}${t.fee ? ` on ${t.fee}` : ''}`),
    ...(l.fees ?? []).map((f) => `${f.name} ${f.amount}`),
  ]);
  const summary = priced.tax;
  const rates = (summary?.rates ?? []).map((r) => `${r.jurisdiction} ${r.rate}: ${r.amount}`);
  const notes = (summary?.notes ?? []).map((n) => (n.type === 'exemption' ? `exempt: ${n.certificate}` : `${n.text} (${n.vat_number})`));
  const shipping = priced.shipping?.tax_total ?? '0';
  const totals = `${priced.totals.net_total ?? ''} + tax = ${priced.totals.gross_total ?? ''}; fees ${priced.totals.fee_total ?? '0'}`;
  for (const issue of priced.issues) {
    if (issue.code === 'vat_number_invalid' || issue.code === 'tax_address_missing') console.log(issue.path);
  }
  return [...lines, ...rates, ...notes, shipping, totals];
}

export function isTaxError(e: StorefrontError): boolean {
  return e.code === 'unknown_tax_category' || e.code === 'unknown_tax_zone' || e.code === 'unknown_tax_rate' || e.code === 'tax_compound_cycle';
}
