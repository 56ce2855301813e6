// Type declarations for @storefront/sdk (index.js), written by hand because Emscripten 3.1.6 has
// no --emit-tsd. They follow contract v1: docs/concepts/contract.md and docs/schema/*.json.
// Checked by tests/js/types/ (tsc --noEmit against a usage file).

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

/**
 * An exact decimal amount written as a string with at most the currency's minor digits:
 * `"19.99"` (EUR), `"2900"` (JPY), `"1.234"` (KWD), `"-0.50"`. Never a JSON number: `19.99` is a
 * binary float and `1999` is ambiguous (euros or cents?), so the core rejects numbers with
 * `money_not_string`. Outputs always show exactly the currency's minor digits.
 *
 * A plain `string` rather than a template literal type, so that amounts read from your own data
 * need no casts; the core validates the spelling (`invalid_amount`).
 */
export type Money = string;

/** An ISO 4217 alphabetic currency code, upper case: `"EUR"`, `"JPY"`. */
export type CurrencyCode = string;

/** An RFC 3339 timestamp with offset, e.g. `"2026-11-22T10:00:00+01:00"`. */
export type Timestamp = string;

/** An RFC 6901 JSON Pointer into an input document; `""` is the whole document. */
export type JsonPointer = string;

/**
 * The ten rounding modes of docs/concepts/money.md. `ceiling`/`floor` round toward +∞/−∞,
 * `toward-zero`/`away-from-zero` by magnitude; the `half-*` modes round to the nearest value and
 * only differ on an exact tie.
 */
export type RoundingMode =
  | 'ceiling'
  | 'floor'
  | 'toward-zero'
  | 'away-from-zero'
  | 'half-ceiling'
  | 'half-floor'
  | 'half-toward-zero'
  | 'half-away-from-zero'
  | 'half-even'
  | 'half-odd';

// ---------------------------------------------------------------------------------------------
// Snapshot (docs/schema/snapshot.schema.json)
// ---------------------------------------------------------------------------------------------

/**
 * Catalog, prices and settings, parsed and validated once by {@link createEngine} into an
 * immutable engine. Objects are strict: an unknown key is the error `unknown_field`.
 */
export interface Snapshot {
  /** Contract version of this document; anything but 1 is `unsupported_schema_version`. */
  schema_version: 1;
  /** Merchant settings; every field has a default. */
  settings?: Settings;
  /** ISO 4217 codes a cart may use: non-empty, no duplicates, each known to the currency table. */
  currencies: CurrencyCode[];
  /** A forest of categories (`unknown_category` for a missing parent, `category_cycle` for a loop). */
  categories?: Category[];
  /** Products, each with at least one variant. */
  products: Product[];
  /** Shipping zones and methods (docs/concepts/shipping.md). */
  shipping?: ShippingConfig;
  /** Rates from `settings.base_currency` to other listed currencies (docs/concepts/pricing.md). */
  exchange_rates?: ExchangeRate[];
  /** Price lists; exactly one entry wins per line. */
  price_lists?: PriceList[];
  /** Catalog sales shown before the cart; at most one per line. */
  markdowns?: Markdown[];
  /** Psychological price rounding after computed steps. */
  price_rounding?: PriceRoundingRule[];
  /** Price history per SKU and currency, for the EU Omnibus prior price. */
  price_history?: PriceHistory[];
  /** Promotions (docs/concepts/promotions.md); at most the host limit `max_promotions`. */
  promotions?: Promotion[];
  /** The tax stage (docs/concepts/tax.md); absent: no tax stage and the v1 priced-cart shape. */
  tax?: TaxConfig;
  /** Named customer segments, evaluated in order before unit prices (at most 200; docs/concepts/personalization.md). */
  segments?: Segment[];
  /** GrowthBook-compatible experiments switching price lists, promotions and free-shipping thresholds (at most 100). */
  experiments?: Experiment[];
  /** The frequently-bought-together model `storefront recs train` writes. */
  recommendations?: RecommendationModel;
}

/** A named rule over the customer context; `subtotal` and `amount` leaves are not allowed. */
export interface Segment {
  /** Unique; what price lists, promotions, `segment` leaves and experiments name. */
  id: string;
  name?: string;
  /** A `segment` leaf may name an earlier segment or a host-supplied one. */
  condition: Condition;
}

/** A GrowthBook experiment. `coverage`, `weights` and namespace bounds are numbers, never amounts. */
export interface Experiment {
  key: string;
  name?: string;
  /** Default true; an inactive experiment serves everyone variation 0. */
  active?: boolean;
  /** Default `"id"` (`customer.id`); any other name is a customer attribute (string or integer). */
  hash_attribute?: string;
  /** GrowthBook's hash version, default 1. */
  hash_version?: 1 | 2;
  /** Default: the key. */
  seed?: string;
  /** Share of eligible customers included, 0 to 1 (default 1). */
  coverage?: number;
  /** One per variation, each 0 to 1, summing to 1 within [0.99, 1.01]; default equal. */
  weights?: number[];
  /** `[id, start, end]` with 0 <= start < end <= 1. */
  namespace?: [string, number, number];
  /** Targeting: the customer must be in one of these segments. */
  segments?: string[];
  /** A variation index served to everyone eligible, reported as not in the experiment. */
  force?: number;
  /** 2 to 20 variations. */
  variations: Variation[];
}

/** One arm of an experiment and what serving it switches. */
export interface Variation {
  key: string;
  name?: string;
  /** Gated price lists: eligible only for carts served a variation naming them. */
  price_lists?: string[];
  /** Gated promotions: a coupon for one not served is `not_in_variation`. */
  promotions?: string[];
  /** Per method id: a `free_over` replacing, in the currencies it names, the threshold of every rate of that method. */
  shipping?: Record<string, { free_over: MoneyMap }>;
}

/** Co-occurrence counts over `orders` orders; integers only. */
export interface RecommendationModel {
  orders: number;
  min_support?: number;
  top_k?: number;
  items: Array<{ sku: string; orders: number; related: Array<{ sku: string; together: number }> }>;
}

/** A decimal string such as `"0.19"` or `"-10"`: exact, never a float. */
export type Decimal = string;

export interface ExchangeRate {
  from: CurrencyCode;
  to: CurrencyCode;
  rate: Decimal;
}

/** What a list entry or markdown applies to: exactly one key. */
export type Selector =
  | { sku: string }
  | { product: string }
  | { category: string }
  | { tag: string }
  | { attribute: { key: string; value: string } };

/** `percent` of the base price (−100 < p ≤ 1000) or an `amount` added to it. */
export type Adjustment = { percent: Decimal } | { amount: Money };

export type PriceListEntry = Selector &
  ({ price: Money } | { adjust: Adjustment } | { tiers: Array<{ min_quantity: number } & ({ price: Money } | { adjust: Adjustment })> });

export interface PriceList {
  id: string;
  currency: CurrencyCode;
  /** Higher wins among lists of equal targeting specificity. Default 0. */
  priority?: number;
  valid_from?: Timestamp;
  valid_until?: Timestamp;
  targeting?: { customer_groups?: string[]; segments?: string[]; channels?: string[]; countries?: string[] };
  /** Whether this list's prices are gross (default `settings.prices_include_tax`). */
  tax_inclusive?: boolean;
  /** Tier quantity: the line's, or summed over the product's lines. */
  tier_basis?: 'line' | 'product';
  entries: PriceListEntry[];
}

export type Markdown = {
  id: string;
  selector: Selector;
  valid_from?: Timestamp;
  valid_until?: Timestamp;
  priority?: number;
  currencies?: CurrencyCode[];
  min_margin?: Decimal;
} & ({ percent: Decimal } | { amount: Record<CurrencyCode, Money> });

export type PriceRoundingRule = {
  id: string;
  currency: CurrencyCode;
  applies_to: Array<'conversion' | 'price_list' | 'markdown'>;
  direction: 'down' | 'up' | 'nearest';
} & ({ ending: Money } | { increment: Money });

export interface PriceHistory {
  sku: string;
  currency: CurrencyCode;
  prices: Array<{ from: Timestamp; price: Money }>;
}

/** Amounts by currency, e.g. `{ EUR: "10.00", USD: "12.00" }`; never converted. */
export type MoneyMap = Record<CurrencyCode, Money>;

/** A promotion: who gets it, when, on what, what it does and how it stacks. */
export interface Promotion {
  /** Unique id; used in results, counters and reasons. */
  id: string;
  name?: string;
  /** Codes that bring it into a cart (normalized: trimmed, a-z upper-cased); absent: automatic. */
  coupons?: string[];
  valid_from?: Timestamp;
  valid_until?: Timestamp;
  /** The cart's `channel` must be listed; absent: every channel. */
  channels?: string[];
  eligibility?: { customer_groups?: string[]; segments?: string[]; min_orders?: number; max_orders?: number };
  /** Higher applies first; ties by id. Default 0. */
  priority?: number;
  exclusive?: boolean;
  stop_after?: boolean;
  /** Default all three. */
  combines_with?: PromotionClass[];
  min_margin?: Decimal;
  limits?: { uses?: number; uses_per_customer?: number; budget?: MoneyMap };
  /** Absent: always met. */
  condition?: Condition;
  action: PromotionAction;
}

/** The stacking class of an action. */
export type PromotionClass = 'item' | 'order' | 'shipping';

/** Line amounts before any promotion, or minus those applied before this one. */
export type AmountBase = 'before_discounts' | 'after_discounts';

/** Selectors; a line matches when any does. Absent or empty: every line. */
export type Items = Selector[];

/** A condition tree node: exactly one key. Ranges need `min` or `max` (both inclusive). */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { subtotal: { min?: MoneyMap; max?: MoneyMap; base?: AmountBase } }
  | { quantity: { items?: Items; min?: number; max?: number } }
  | { amount: { items?: Items; min?: MoneyMap; max?: MoneyMap; base?: AmountBase } }
  | { contains: { items: Items } }
  | { line_count: { min?: number; max?: number } }
  | { customer_group: string }
  | { segment: string }
  | { customer_attribute: { key: string; equals: string | number | boolean } | { key: string; min?: number; max?: number } }
  | { shipping_country: string[] }
  | { shipping_region: { country: string; regions: string[] } }
  | { currency: CurrencyCode[] }
  | { channel: string[] }
  | { weekday: { days: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>; utc_offset?: string } }
  | { time_of_day: { from: string; until: string; utc_offset?: string } }
  | { coupon: string }
  | { order_count: { min?: number; max?: number } }
  | { lifetime_value: { min?: MoneyMap; max?: MoneyMap } }
  | { days_since_signup: { min?: number; max?: number } }
  | { days_since_last_order: { min?: number; max?: number } }
  | { customer_country: string[] };

/** Which lines an item action discounts, and how many units. */
export interface ItemTargeting {
  items?: Items;
  skip_marked_down?: boolean;
  skip_discounted?: boolean;
  max_quantity?: number;
}

/** Exactly one action (docs/concepts/promotions.md#3-actions). Percentages: 0 < p ≤ 100. */
export type PromotionAction =
  | ({ type: 'percent_off'; percent: Decimal } & ItemTargeting)
  | ({ type: 'amount_off_each' | 'amount_off_items'; amount: MoneyMap } & ItemTargeting)
  | ({ type: 'unit_price'; price: MoneyMap } & ItemTargeting)
  | { type: 'n_for_x'; quantity: number; price: MoneyMap; items?: Items; max_applications?: number }
  | {
      type: 'buy_x_get_y';
      buy: { items: Items; quantity: number };
      get: { items?: Items; quantity: number };
      discount: { percent: Decimal } | { amount: MoneyMap } | { price: MoneyMap };
      pick?: 'cheapest' | 'most_expensive';
      max_applications?: number;
    }
  | { type: 'bundle'; components: Array<{ items: Items; quantity?: number }>; price: MoneyMap; max_applications?: number }
  | { type: 'free_gift'; sku: string; quantity?: number }
  | {
      type: 'tiered_spend';
      by?: 'amount' | 'quantity';
      base?: AmountBase;
      items?: Items;
      tiers: Array<{ min: MoneyMap | number } & ({ amount: MoneyMap } | { percent: Decimal })>;
    }
  | { type: 'order_percent_off'; percent: Decimal }
  | { type: 'order_amount_off'; amount: MoneyMap }
  | { type: 'loyalty_points'; points: number; per: MoneyMap; items?: Items }
  | ({ type: 'shipping_off'; methods?: string[] } & ({ percent: Decimal } | { amount: MoneyMap } | { free: true }));

/** The snapshot's shipping section: where methods deliver and what they cost. */
export interface ShippingConfig {
  zones: ShippingZone[];
  methods: ShippingMethod[];
}

/** Addresses whose country is listed and, when given, whose region and postal code are too. */
export interface ShippingZone {
  /** Unique zone id. */
  id: string;
  /** ISO 3166-1 alpha-2 codes, upper case; at least one. */
  countries: string[];
  /** Regions matched exactly; absent or empty: every region. */
  regions?: string[];
  /** Prefixes and ranges (bounds of equal length, inclusive), compared byte for byte. */
  postal_codes?: Array<{ prefix: string } | { from: string; to: string }>;
}

/** A shipping method: the first rate whose zone matches the address applies. */
export interface ShippingMethod {
  /** Unique method id, selected by the cart's `shipping.method`. */
  id: string;
  /** Display name. */
  name?: string;
  /** Rates in order; at least one. */
  rates: ShippingRate[];
  /** Carts the method refuses, whatever the address. */
  eligibility?: {
    max_weight_grams?: number;
    /** Sub-categories are excluded too. */
    excluded_categories?: string[];
    excluded_tags?: string[];
  };
}

/** Amounts by currency; a shipping amount is never negative. */
export type ShippingAmount = Record<CurrencyCode, Money>;

/** The price of a method in one zone. `free_over`: free at or above this compared subtotal. */
export type ShippingRate =
  | { zone: string; type: 'flat' | 'per_item'; amount: ShippingAmount; free_over?: ShippingAmount }
  | { zone: string; type: 'weight_tiers'; tiers: Array<{ up_to_grams: number; amount: ShippingAmount }>; free_over?: ShippingAmount }
  | { zone: string; type: 'subtotal_tiers'; tiers: Array<{ from: ShippingAmount; amount: ShippingAmount }>; free_over?: ShippingAmount };

/**
 * The snapshot's tax section (docs/concepts/tax.md §1). Load errors: `unknown_tax_category` (a
 * product's, rate's, fee's or the shipping category not in `categories`), `unknown_tax_zone`,
 * `unknown_tax_rate` and `tax_compound_cycle` (in `compounds_on`), `duplicate_id`, `invalid_value`.
 */
export interface TaxConfig {
  /** Every tax category the snapshot uses, products' default `"standard"` included. */
  categories: string[];
  /** Which address resolves zones. Default `"shipping"`. */
  address?: 'shipping' | 'billing' | 'origin';
  /** The seller's address; required by `address: "origin"` and `cross_border: "rederive_net"`. */
  origin?: Address;
  /** The seller's VAT registration: enables EU reverse charge. */
  registration?: { country: string; vat_number: string };
  /** Mode default: the snapshot's `settings.rounding_mode`; level default `"line"`. */
  rounding?: { mode?: RoundingMode; level?: 'unit' | 'line' | 'total' };
  /** Tax the amount after the line's discounts (default) or the undiscounted subtotal. */
  discounts?: 'after' | 'before';
  /** How shipping is taxed. Default `{ method: "none" }`. */
  shipping?: { method: 'none' | 'proportional' } | { method: 'category'; category: string };
  /** For tax-inclusive prices. Default `"keep_gross"`. */
  cross_border?: 'keep_gross' | 'rederive_net';
  /** Sets of addresses, exactly like shipping zones; every matching zone applies. */
  zones: ShippingZone[];
  /** Rates, in the order lines list their taxes. */
  rates: TaxRate[];
  /** Fixed fees per unit (eco fees, deposits). */
  fees?: TaxFee[];
}

/** One rate of one zone for some tax categories. */
export interface TaxRate {
  id: string;
  /** A zone id of `tax.zones`. */
  zone: string;
  /** Reported as given, e.g. `"CA-QC"`. */
  jurisdiction: string;
  name: string;
  /** A percentage, 0..100 with at most 4 fraction digits: `"9.975"`. */
  rate: Decimal;
  /** The tax categories it applies to; at least one. */
  categories: string[];
  /** Rate ids whose tax is added to this rate's base. */
  compounds_on?: string[];
  /** Per-unit threshold: not applied below it, or only the part above it taxed. */
  threshold?: { mode: 'exempt_below' | 'taxed_above'; amount: MoneyMap };
}

/** A fixed amount per unit of the matching lines, when its zone matches. */
export interface TaxFee {
  id: string;
  zone: string;
  name: string;
  /** Selectors; empty: every line. */
  items: Items;
  /** Per unit, above zero. */
  amount: MoneyMap;
  /** Taxable with this category's rates; absent: untaxed. */
  category?: string;
}

/** Merchant settings of a snapshot. */
export interface Settings {
  /** Default rounding mode of later pipeline stages. Default `"half-even"`. */
  rounding_mode?: RoundingMode;
  /** The currency prices are converted from when a variant has no price in the cart's. */
  base_currency?: CurrencyCode;
  /** Whether base prices are gross. Default false. */
  prices_include_tax?: boolean;
  /** How promotions are chosen. Default `"priority"`. */
  promotion_selection?: 'priority' | 'best_for_customer';
  /** Per-cart limits, checked before any work starts. */
  limits?: CartLimits;
}

/**
 * Per-cart limits set by the merchant in `settings.limits`. A value above its hard maximum is
 * `limit_out_of_range`.
 */
export interface CartLimits {
  /** Largest cart request in bytes (`input_too_large`). Default 262144, 1..4194304. */
  max_cart_bytes?: number;
  /** Most lines per cart (`too_many_lines`). Default 500, 1..10000. */
  max_lines?: number;
  /** Largest quantity of one line (`quantity_out_of_range`). Default 10000, 1..1000000. */
  max_quantity?: number;
  /** Most coupon codes per cart (`too_many_coupons`); 0 accepts none. Default 10, 0..100. */
  max_coupons?: number;
  /** Most sets the `best_for_customer` search evaluates. Default 256, 1..65536. */
  max_promotion_combinations?: number;
}

/** A category; membership in a category includes every ancestor. */
export interface Category {
  /** Unique category id. */
  id: string;
  /** Display name. */
  name?: string;
  /** Id of the parent category. */
  parent?: string;
}

/** A product and its sellable variants. */
export interface Product {
  /** Unique product id. */
  id: string;
  /** Display title. */
  title: string;
  /** Category ids the product belongs to (ancestors are implied). */
  categories?: string[];
  /** Free tags, e.g. for promotion conditions. */
  tags?: string[];
  /** Product attributes, string to string. */
  attributes?: Record<string, string>;
  /** Tax category of every variant. Default `"standard"`. */
  tax_category?: string;
  /** A floor of unit_cost × (1 + min_margin) for computed prices. */
  min_margin?: Decimal;
  /** Sellable variants; at least one. */
  variants: Variant[];
}

/** A sellable variant (one SKU). */
export interface Variant {
  /** Stock keeping unit, unique across the snapshot. */
  sku: string;
  /** Variant title, e.g. `"Black / M"`. */
  title?: string;
  /** Variant attributes, string to string. */
  attributes?: Record<string, string>;
  /**
   * Unit price per currency (each listed in `currencies`). A cart in a currency without a price
   * prices the line as `unavailable` with the issue `price_unavailable`.
   */
  prices: Record<CurrencyCode, Money>;
  /** Unit cost per currency, used for margin. */
  unit_cost?: Record<CurrencyCode, Money>;
  /** No computed price goes below this. */
  min_price?: Record<CurrencyCode, Money>;
  /** Shipping weight of one unit in grams, an integer ≥ 0. */
  weight_grams?: number;
}

// ---------------------------------------------------------------------------------------------
// Cart request (docs/schema/cart.schema.json)
// ---------------------------------------------------------------------------------------------

/** One request to price a cart. Objects are strict: an unknown key is `unknown_field`. */
export interface CartRequest {
  /** Cart currency; must be listed in the snapshot's `currencies` (`currency_not_allowed`). */
  currency: CurrencyCode;
  /** Every time-dependent rule is evaluated at this instant; the core never reads a clock. */
  at: Timestamp;
  /** Lines in display order; may be empty. At most `max_lines`. */
  lines: CartLine[];
  /** Who is buying; used by eligibility rules. */
  customer?: Customer;
  /** Where the cart ships, as far as pricing needs it. */
  shipping_address?: Address;
  /** The buyer's billing address: resolves tax zones when the snapshot's `tax.address` is `"billing"`. */
  billing_address?: Address;
  /** Charge one method (`unknown_shipping_method` if the snapshot lacks it), or quote every method. */
  shipping?: { method: string } | { options: true };
  /** Coupon codes as typed by the shopper. At most `max_coupons`. */
  coupons?: string[];
  /** What is left of promotions' stateful limits, by promotion id (`unknown_promotion` otherwise). */
  promotion_counters?: Record<string, PromotionCounter>;
  /** "web", "app", "pos": price lists may target it. */
  channel?: string;
  /** Add each line's pricing steps to the result. */
  explain?: boolean;
  /** BCP 47 language tag; display only, never changes an amount. */
  locale?: string;
  /** Experiment key -> variation index to serve (QA, replays); `unknown_experiment` / `invalid_value`. */
  forced_variations?: Record<string, number>;
  /** Ask for suggestions: `limit` 1 to 20 (default 4), `weight_by_margin` (default false). */
  suggestions?: { limit?: number; weight_by_margin?: boolean };
}

/** Counters ≤ 0 mean "exhausted"; `budget_left` is in the cart currency, not negative. */
export interface PromotionCounter {
  uses_left?: number;
  customer_uses_left?: number;
  budget_left?: Money;
}

/** One cart line. */
export interface CartLine {
  /** Optional line id, unique within the cart (`duplicate_line_id`). */
  id?: string;
  /** SKU of a variant in the snapshot (`unknown_sku`). */
  sku: string;
  /** Units, an integer in 1..`max_quantity` (`quantity_out_of_range`). */
  quantity: number;
}

/** Who is buying. */
export interface Customer {
  /** Customer id. */
  id?: string;
  /** Customer groups, e.g. `"vip"`. */
  groups?: string[];
  /** Segments the host knows; kept and merged with the snapshot's computed segments. */
  segments?: string[];
  /** ISO 3166-1 alpha-2, upper case; read by the `customer_country` leaf. */
  country?: string;
  /** What the customer has spent, in the cart currency; read by `lifetime_value`. */
  lifetime_value?: Money;
  /** RFC 3339; read by `days_since_signup`. */
  signed_up_at?: Timestamp;
  /** RFC 3339; read by `days_since_last_order`. */
  last_order_at?: Timestamp;
  /** Customer attributes: string, integer or boolean values. */
  attributes?: Record<string, string | number | boolean>;
  /** An EU buyer's VAT number, prefix included; a malformed one is the issue `vat_number_invalid`. */
  vat_number?: string;
  /**
   * A tax-exempt customer: every rate, or only the listed categories (each must be one of the
   * snapshot's tax categories: `unknown_tax_category`).
   */
  tax_exemption?: { certificate: string; categories?: string[] };
}

/** A shipping or billing address as far as pricing needs it. */
export interface Address {
  /** ISO 3166-1 alpha-2 country code, upper case. */
  country: string;
  /** Region or state, e.g. `"CA"` or `"BE"`. */
  region?: string;
  /** Postal code as written locally. */
  postal_code?: string;
}

// ---------------------------------------------------------------------------------------------
// Priced cart (docs/schema/priced-cart.schema.json)
// ---------------------------------------------------------------------------------------------

/** The value of a successful `cart.price`: every amount with its explanation. */
export interface PricedCart {
  /** The request's `at`, echoed in UTC (`…Z`). */
  at: Timestamp;
  /** Currency of every amount. */
  currency: CurrencyCode;
  /** What produced this answer. */
  engine: EngineStamp;
  /** Business outcomes in request order; never errors. */
  issues: Issue[];
  /** One entry per request line, in request order. */
  lines: PricedLine[];
  /** Cart totals. */
  totals: Totals;
  /** Present when the request asked for shipping. */
  shipping?: ShippingQuote;
  /** Present only when non-empty: by type, then what is missing, then promotion or method. */
  nudges?: Nudge[];
  /** Present only when non-empty: every promotion relevant to the cart, in application order. */
  promotions?: PromotionOutcome[];
  /** With a tax stage: the order's taxes by rate and jurisdiction, and its notes. */
  tax?: TaxSummary;
  /** When the snapshot defines segments: host and computed segments, sorted, unique. */
  segments?: string[];
  /** When the snapshot defines experiments: every assignment, in snapshot order. */
  experiments?: ExperimentResult[];
  /** When the cart asks: gap fillers, then recommendations; at most `limit`. */
  suggestions?: Suggestion[];
}

/** Why a cart is not in an experiment. */
export type ExperimentReason =
  | 'forced_by_cart'
  | 'inactive'
  | 'no_hash_value'
  | 'not_in_namespace'
  | 'not_targeted'
  | 'not_covered'
  | 'forced';

/** The variation an experiment serves this cart; record an exposure only when `in_experiment`. */
export interface ExperimentResult {
  experiment: string;
  variation: number;
  variation_key: string;
  in_experiment: boolean;
  hash_attribute: string;
  /** The hashed value; absent when the customer has none (reason `no_hash_value`). */
  hash_value?: string;
  /** The hash as an exact decimal (`"0.431"` for version 1, `"0.4312"` for version 2), when it ran. */
  bucket?: string;
  /** Present when `in_experiment` is false. */
  reason?: ExperimentReason;
}

/** A SKU to show next to the cart. */
export interface Suggestion {
  sku: string;
  product: string;
  /** 1, or the missing quantity of an `add_items` nudge. */
  quantity: number;
  unit_price: Money;
  /** Present when a recommendation brought the SKU. */
  score?: number;
  reasons: SuggestionReason[];
}

export type SuggestionReason =
  | { type: 'closes_gap'; nudge: 'free_shipping'; method: string; missing: Money; overshoot: Money }
  | { type: 'closes_gap'; nudge: 'spend_more'; promotion: string; missing: Money; overshoot: Money }
  | { type: 'completes'; promotion: string; quantity: number }
  | { type: 'bought_together'; with: string; confidence: Decimal; lift: Decimal };

/** One tax on a line, on a line's fee (`fee` set) or on shipping. */
export interface TaxAmount {
  /** The rate's id. */
  rate: string;
  name: string;
  jurisdiction: string;
  /** The rate's percentage as the snapshot gives it, e.g. `"9.975"`. */
  percent: Decimal;
  /** What the rate was applied to. */
  base: Money;
  amount: Money;
  /** The fee this tax is on; absent for the line or shipping itself. */
  fee?: string;
}

/** The priced cart's `tax`. */
export interface TaxSummary {
  /** One entry per rate that applied, in snapshot order; base and amount summed. */
  rates: Array<Omit<TaxAmount, 'fee'>>;
  /** In order of first appearance in `rates`. */
  jurisdictions: Array<{ jurisdiction: string; amount: Money }>;
  notes: TaxNote[];
}

/** What an invoice must say. */
export type TaxNote =
  | { type: 'exemption'; certificate: string; text?: string }
  | { type: 'reverse_charge'; text: string; vat_number: string };

/** One promotion's part of a line's or the shipping's discount. */
export interface AppliedDiscount {
  promotion: string;
  amount: Money;
}

/** Why a promotion did not apply (or, when applied, `capped_by_floor`). */
export type PromotionReason =
  | 'not_yet_active'
  | 'expired'
  | 'channel_not_eligible'
  | 'currency_not_supported'
  | 'customer_not_eligible'
  | 'usage_limit_reached'
  | 'budget_exhausted'
  | 'condition_not_met'
  | 'not_combinable'
  | 'stopped_by'
  | 'not_selected'
  | 'no_matching_items'
  | 'capped_by_floor'
  | 'not_in_variation';

/** Whether a promotion applied, or why not; optional fields appear only when they say something. */
export interface PromotionOutcome {
  promotion?: string;
  applied: boolean;
  reason?: PromotionReason;
  /** The code as typed, and its position in the request's `coupons`. */
  coupon?: string;
  coupon_index?: number;
  /** condition_not_met: JSON Pointer of the failing condition in the snapshot. */
  condition?: JsonPointer;
  missing_amount?: Money;
  missing_quantity?: number;
  /** not_combinable, stopped_by: the promotion that excluded this one. */
  blocked_by?: string;
  saving?: Money;
  points?: number;
  capped_by_budget?: true;
  /** What this cart consumes, for the backend's counters. */
  uses?: number;
  budget_used?: Money;
}

/** Why a method cannot ship this cart (docs/concepts/shipping.md#reasons). */
export type ShippingReason =
  | 'no_address'
  | 'empty_cart'
  | 'excluded_category'
  | 'excluded_tag'
  | 'too_heavy'
  | 'no_zone'
  | 'no_rate_in_currency';

/** The shipping stage's answer. `amount` is `totals.shipping_total`, after shipping promotions. */
export interface ShippingQuote {
  /** Amount charged: the selected method's, after shipping promotions; 0 when unavailable, free, or with `options`. */
  amount: Money;
  /** What shipping promotions took off; present when one applied, with each one's part. */
  discount?: Money;
  discounts?: AppliedDiscount[];
  /** A free-shipping threshold made the selected method's amount 0. */
  free: boolean;
  /** Σ weight × quantity of priced lines. */
  weight_grams: number;
  /** The selected method. */
  method?: string;
  /** Whether the selected method can ship this cart. */
  available?: boolean;
  /** Why the selected method cannot. */
  reason?: ShippingReason;
  /** With a tax stage: the shipping amount's taxes and their sum. */
  taxes?: TaxAmount[];
  tax_total?: Money;
  /** With `options: true`: available methods by amount then id, then unavailable ones by id. */
  options?: ShippingOption[];
}

/** One method as it would ship this cart. */
export type ShippingOption =
  | { method: string; name?: string; available: true; amount: Money; free: boolean; discount?: Money }
  | { method: string; name?: string; available: false; reason: ShippingReason };

/** What the shopper could do to pay less, as data for the storefront to word. */
export type Nudge =
  /** "Spend `missing` more for free shipping with `method`". */
  | { type: 'free_shipping'; method: string; threshold: Money; missing: Money }
  /** "Spend `missing` more to reach `threshold` of `promotion`" (and save `saving`). */
  | { type: 'spend_more'; promotion: string; threshold: Money; missing: Money; saving?: Money }
  /** "Add `missing_quantity` more items for `promotion`". */
  | { type: 'add_items'; promotion: string; missing_quantity: number };

/** Identifies the engine and snapshot behind a priced cart. */
export interface EngineStamp {
  /** Contract version. */
  schema_version: 1;
  /** XXH3-128 of the snapshot's canonical serialisation: `"xxh3-128:<32 lowercase hex>"`. */
  snapshot_hash: string;
  /** Semantic version of the SDK. */
  version: string;
}

/** Whether a line was priced, or is unavailable (all amounts zero, an issue says why). */
export type LineStatus = 'priced' | 'unavailable';

/** One step of a line's unit-price waterfall. */
export interface PriceStep {
  step: 'base' | 'conversion' | 'price_list' | 'tier' | 'markdown' | 'rounding' | 'floor';
  before: Money;
  after: Money;
  /** What acted: "vip#0", a markdown or rounding rule id, or a rate "EUR/USD". */
  rule?: string;
}

/** A priced line. When `status` is `unavailable` every amount is zero. */
export interface PricedLine {
  /** Sum of the line's discounts. */
  discount_total: Money;
  /** Each promotion's part of the discount, in application order; they sum to `discount_total`. */
  discounts: AppliedDiscount[];
  /** A free gift line: the promotion that added it. */
  gift_of?: string;
  /** Position of the line in the request. */
  index: number;
  /** The request line's `id`, when it had one. */
  line_id?: string;
  /** Product of the variant. */
  product_id: string;
  /** Units, as requested. */
  quantity: number;
  /** Variant SKU. */
  sku: string;
  /** `priced`, or `unavailable`. */
  status: LineStatus;
  /** unit_price × quantity. */
  subtotal: Money;
  /** Sum of the line's taxes, its fees' included. */
  tax_total: Money;
  /** Taxes on this line, then on its fees; empty without a tax stage and on untaxed lines. */
  taxes: TaxAmount[];
  /** With a tax stage: the line without tax, and net + tax. */
  net?: Money;
  gross?: Money;
  /** Fees on this line, when any applied, and their sum. */
  fees?: Array<{ id: string; name: string; amount: Money }>;
  fee_total?: Money;
  /** `cross_border: "rederive_net"` changed the gross. */
  rederived?: true;
  /** The product's title, e.g. `"Classic Tee"`. */
  title: string;
  /** The variant's own title, e.g. `"Black / M"`; absent when the variant has none. */
  variant_title?: string;
  /** subtotal − discount_total + tax_total. */
  total: Money;
  /** Resolved unit price. */
  unit_price: Money;
  /** The winning price list entry. */
  price_list?: { id: string; entry: number };
  /** The unit price before the markdown. */
  compare_at?: Money;
  /** The applied markdown's id. */
  markdown?: string;
  /** compare_at − unit_price. */
  saving?: Money;
  /** EU Omnibus: the lowest price of the 30 days before `at`. */
  prior_price?: Money;
  /** A floor raised the price. */
  floor_applied?: true;
  /** The unit price is gross. */
  tax_inclusive?: true;
  /** With `explain`: the unit-price waterfall. */
  explanation?: PriceStep[];
}

/** Cart totals; every sum is checked (`arithmetic_overflow`, never a wrapped number). */
export interface Totals {
  /** Sum of all discounts. */
  discount_total: Money;
  /** Sum of the quantities of priced lines. */
  item_count: number;
  /** Shipping charged. */
  shipping_total: Money;
  /** Sum of line subtotals. */
  subtotal: Money;
  /** Sum of all taxes. */
  tax_total: Money;
  /** subtotal − discounts + shipping + tax. */
  total: Money;
  /** Points awarded by loyalty promotions; present when there are any. */
  loyalty_points?: number;
  /** With a tax stage: Σ line nets + shipping net, Σ line grosses + shipping gross. */
  net_total?: Money;
  gross_total?: Money;
  /** Σ fees, when any applied. */
  fee_total?: Money;
}

/** Issue codes of contract v1; later versions may add more. */
export type IssueCode =
  | 'price_unavailable'
  | 'coupon_unknown'
  | 'coupon_duplicate'
  | 'promotion_search_truncated'
  | 'shipping_address_missing'
  | 'shipping_method_unavailable'
  | 'vat_number_invalid'
  | 'tax_address_missing'
  | 'tax_threshold_on_gross_price'
  | (string & {});

/** A business outcome such as `price_unavailable` or `coupon_unknown`. Not an error. */
export interface Issue {
  /** Stable machine-readable code. */
  code: IssueCode;
  /** Human-readable explanation; may change between versions. */
  message: string;
  /** Where in the cart request, e.g. `"/lines/1/sku"` or `"/coupons/0"`. */
  path: JsonPointer;
}

// ---------------------------------------------------------------------------------------------
// Envelopes and errors (docs/schema/envelope.schema.json)
// ---------------------------------------------------------------------------------------------

/** Error codes the core emits today; later versions may add more. */
export type ErrorCode =
  | 'json_syntax'
  | 'json_too_deep'
  | 'input_too_large'
  | 'type_mismatch'
  | 'missing_field'
  | 'unknown_field'
  | 'invalid_value'
  | 'invalid_amount'
  | 'money_not_string'
  | 'too_many_fraction_digits'
  | 'amount_out_of_range'
  | 'arithmetic_overflow'
  | 'unknown_currency'
  | 'currency_not_allowed'
  | 'currency_mismatch'
  | 'invalid_weights'
  | 'invalid_timestamp'
  | 'unsupported_schema_version'
  | 'limit_out_of_range'
  | 'too_many_lines'
  | 'quantity_out_of_range'
  | 'too_many_coupons'
  | 'string_too_long'
  | 'catalog_too_large'
  | 'too_many_price_lists'
  | 'too_many_markdowns'
  | 'too_many_promotions'
  | 'too_many_products'
  | 'too_many_affinities'
  | 'condition_too_complex'
  | 'duplicate_coupon_code'
  | 'unknown_promotion'
  | 'unknown_product'
  | 'invalid_window'
  | 'duplicate_id'
  | 'duplicate_line_id'
  | 'unknown_category'
  | 'category_cycle'
  | 'category_too_deep'
  | 'unknown_sku'
  | 'unknown_shipping_zone'
  | 'unknown_shipping_method'
  | 'overlapping_postal_ranges'
  | 'unknown_tax_category'
  | 'unknown_tax_zone'
  | 'unknown_tax_rate'
  | 'tax_compound_cycle'
  | 'invalid_tiers'
  | 'unknown_operation'
  | 'internal'
  | (string & {});

/** Why an input was refused. */
export interface ErrorInfo {
  /** Stable machine-readable code. */
  code: ErrorCode;
  /** For humans; may improve between versions. */
  message: string;
  /** JSON Pointer into the offending input document; `""` is the whole document. */
  path: JsonPointer;
}

/**
 * The answer of every boundary: the value, or the error. The `*Json` functions return this as
 * canonical JSON text (keys in byte order, no white space), identical on every target.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** An error envelope turned into an exception by {@link Engine.price}, {@link call} and {@link createEngine}. */
export class StorefrontError extends Error {
  /** Builds the exception from an envelope's `error`. */
  constructor(error: ErrorInfo);
  /** Always `"StorefrontError"`. */
  readonly name: 'StorefrontError';
  /** Stable machine-readable code, e.g. `"unknown_sku"`. */
  readonly code: ErrorCode;
  /** JSON Pointer into the offending input, e.g. `"/lines/1/sku"`. */
  readonly path: JsonPointer;
}

// ---------------------------------------------------------------------------------------------
// Limits and loading
// ---------------------------------------------------------------------------------------------

/**
 * Snapshot limits set by the host, enforced before the snapshot is read. Out of range:
 * `limit_out_of_range`; an unknown key: `unknown_field`.
 */
export interface HostLimits {
  /** Largest snapshot in bytes (`input_too_large`). Default 33554432, at most 268435456. */
  max_snapshot_bytes?: number;
  /** Most variants in a snapshot (`catalog_too_large`). Default 100000, 1..1000000. */
  max_variants?: number;
  /** Deepest JSON nesting (`json_too_deep`). Default 32, 1..64. */
  max_json_depth?: number;
  /** Longest identifier or text, in UTF-8 bytes (`string_too_long`). Default 256, at most 4096. */
  max_string_length?: number;
  /** Price lists per snapshot (default 1,000, at most 10,000). */
  max_price_lists?: number;
  /** Markdowns per snapshot (default 10,000, at most 100,000). */
  max_markdowns?: number;
  /** Promotions per snapshot (`too_many_promotions`). Default 10,000, at most 100,000. */
  max_promotions?: number;
}

/**
 * How to obtain the wasm module. Give at most one; with neither, `storefront_core.wasm` next to
 * index.js is fetched (browsers, Deno) or read from disk (Node).
 */
export interface LoadOptions {
  /**
   * An already compiled module: required on workerd / Cloudflare Workers, which refuse to compile
   * wasm from bytes at run time (`import wasm from '@storefront/sdk/core.wasm'`).
   */
  module?: WebAssembly.Module;
  /** The bytes of storefront_core.wasm, e.g. fetched from a bundler-provided URL. */
  wasmBinary?: ArrayBuffer | ArrayBufferView;
}

/** Options of {@link createEngine}: how to load the wasm, plus the host limits. */
export interface CreateEngineOptions extends LoadOptions {
  /** Host limits for this snapshot; omitted fields keep their defaults. */
  limits?: HostLimits;
}

/** The C ABI version this loader speaks (SF_ABI_VERSION); loading a core with another one fails. */
export const ABI_VERSION: number;

/** A loaded wasm core: the thin, synchronous layer over the exported C functions. */
export interface Core {
  /** The SDK version the module was built from, `"major.minor.patch"`. */
  readonly version: string;
  /**
   * Runs a named operation synchronously and returns the canonical envelope text.
   * @param op e.g. `"money.allocate"`, see {@link Operations}
   * @param inputJson the input document as JSON text
   */
  callJson(op: string, inputJson: string): string;
}

/**
 * Loads and instantiates the wasm core. {@link createEngine}, {@link callJson} and {@link call}
 * do this implicitly (and cache the result); call it yourself for a synchronous
 * {@link Core.callJson} or to load the module your own way.
 * Rejects when the module cannot be instantiated or speaks another ABI.
 */
export function loadCore(options?: LoadOptions): Promise<Core>;

// ---------------------------------------------------------------------------------------------
// Engines
// ---------------------------------------------------------------------------------------------

/** What {@link createEngine} learnt about the snapshot: counts and its content hash. */
export interface EngineInfo {
  /** Number of categories. */
  categories: number;
  /** Number of allowed currencies. */
  currencies: number;
  /** Number of products. */
  products: number;
  /** XXH3-128 of the snapshot's canonical serialisation: `"xxh3-128:<32 lowercase hex>"`. */
  snapshot_hash: string;
  /** Number of variants (SKUs). */
  variants: number;
}

/** An immutable engine over one snapshot. Price as many carts as you like; dispose when done. */
export interface Engine {
  /** Counts and the snapshot's content hash. */
  readonly info: EngineInfo;
  /**
   * Prices a cart request given as JSON text and returns the canonical envelope text
   * (`Envelope<PricedCart>`): the same bytes as the native CLI and backend. Never throws for bad
   * input; throws only when the engine has been disposed.
   */
  priceJson(cartJson: string): string;
  /**
   * Prices a cart request (object or JSON text) and returns the priced cart.
   * @throws {StorefrontError} when the request is malformed or over a limit
   */
  price(cart: CartRequest | string): PricedCart;
  /** Frees the engine's wasm memory now rather than at garbage collection. Idempotent. */
  dispose(): void;
}

/**
 * Builds an engine from a snapshot (object or JSON text), loading the wasm core on first use.
 * Rejects with a {@link StorefrontError} when the snapshot is invalid or over a host limit.
 */
export function createEngine(snapshot: Snapshot | string, options?: CreateEngineOptions): Promise<Engine>;

// ---------------------------------------------------------------------------------------------
// Named operations (tests/vectors/README.md)
// ---------------------------------------------------------------------------------------------

/** An amount with its currency and its exact int64 minor units (a string: JSON loses precision past 2^53). */
export interface MoneyValue {
  /** Canonical decimal text with exactly the currency's minor digits. */
  amount: Money;
  /** ISO 4217 code. */
  currency: CurrencyCode;
  /** The amount in minor units, an int64 written as a decimal string. */
  minor_units: string;
}

/** Facts about a currency from the ISO 4217 table. */
export interface CurrencyInfo {
  /** ISO 4217 alphabetic code. */
  code: CurrencyCode;
  /** ISO 4217 numeric code, three digits, e.g. `"048"`. */
  numeric_code: string;
  /** Number of minor digits (0 for JPY, 2 for EUR, 3 for KWD). */
  minor_units: number;
  /** Smallest cash amount, e.g. `"0.05"` for CHF, `"0.01"` for EUR. */
  cash_increment: Money;
}

/**
 * A customer affinity for `products.rank`: one product-level selector (`sku` is refused: products
 * are ranked, not variants) and an integer weight from -1000 to 1000.
 */
export type Affinity = Exclude<Selector, { sku: string }> & { weight: number };

/** One product of a `products.rank` answer. */
export interface RankedProduct {
  product: string;
  /** The sum of the weights of `reasons`; 0 when nothing matched. */
  score: number;
  /** The affinities the product matches, as given and in input order; empty when none matched. */
  reasons: Affinity[];
}

/** A snapshot given as an object or as raw JSON text, plus optional host limits. */
export type SnapshotInput = ({ snapshot: Snapshot } | { snapshot_text: string }) & { options?: HostLimits };

/** Input and value types of every named operation, for {@link call}. */
export interface Operations {
  /** Facts about one currency. */
  'currency.info': { input: { currency: CurrencyCode }; value: CurrencyInfo };
  /** Parses an amount; with `rounding`, extra fraction digits are rounded instead of rejected. */
  'money.parse': { input: { amount: Money; currency: CurrencyCode; rounding?: RoundingMode }; value: MoneyValue };
  /** Formats int64 minor units (written as a string). */
  'money.format': { input: { minor_units: string; currency: CurrencyCode }; value: MoneyValue };
  /** Checked sum (`arithmetic_overflow`). */
  'money.sum': { input: { currency: CurrencyCode; amounts: Money[] }; value: MoneyValue };
  /** Multiplies by an integer quantity, or by a decimal rate rounded with `rounding`. */
  'money.multiply': {
    input:
      | { amount: Money; currency: CurrencyCode; quantity: number }
      | { amount: Money; currency: CurrencyCode; rate: string; rounding: RoundingMode };
    value: MoneyValue;
  };
  /** Splits an amount over weights (all integers or all decimal strings) by largest remainder. */
  'money.allocate': {
    input: { amount: Money; currency: CurrencyCode; weights: number[] | string[] };
    value: { amounts: Money[]; currency: CurrencyCode };
  };
  /** Rounds to the currency's cash increment. */
  'money.cash_round': { input: { amount: Money; currency: CurrencyCode; rounding: RoundingMode }; value: MoneyValue };
  /** Validates a snapshot and describes it. */
  'snapshot.validate': { input: SnapshotInput; value: EngineInfo };
  /** Prices one cart against one snapshot (for many carts, use {@link createEngine}). */
  'cart.price': { input: SnapshotInput & ({ cart: CartRequest } | { cart_text: string }); value: PricedCart };
  /**
   * Orders products by the customer's affinities: score descending, ties in input order. At most
   * 1,000 products (`too_many_products`) and 100 affinities (`too_many_affinities`).
   */
  'products.rank': {
    input: SnapshotInput & { products: string[]; affinities: Affinity[] };
    value: { products: RankedProduct[] };
  };
  /**
   * GrowthBook's hash(seed, value, version): FNV-1a 32 over UTF-16 code units; version 1 gives
   * thousandths, version 2 ten-thousandths, any other version `null`.
   */
  'experiments.hash': { input: { seed: string; value: string; version: number }; value: { hash: number | null } };
  /**
   * GrowthBook's getBucketRanges: one [start, end) per variation (at most 1,000), with its
   * fallbacks (coverage clamped to [0, 1], bad weights replaced by equal weights).
   */
  'experiments.bucket_ranges': {
    input: { variations: number; coverage?: number; weights?: number[] };
    value: { ranges: [number, number][] };
  };
  /** GrowthBook's chooseVariation: the first range holding `hash`, or -1. */
  'experiments.choose_variation': { input: { hash: number; ranges: [number, number][] }; value: { variation: number } };
  /** GrowthBook's inNamespace: whether hash("__" + id, hash_value, 1) lies in [start, end). */
  'experiments.in_namespace': {
    input: { hash_value: string; namespace: [string, number, number] };
    value: { in_namespace: boolean };
  };
}

/** The name of a named operation. */
export type OperationName = keyof Operations;

/**
 * Runs a named operation on a JSON input and returns the canonical envelope text, as the shared
 * vectors do on every target. Untyped on purpose: this is the byte-exact escape hatch.
 */
export function callJson(op: string, inputJson: string, options?: LoadOptions): Promise<string>;

/**
 * Runs a named operation on an input object and returns its value.
 * @throws {StorefrontError} (as a rejection) when the input is refused
 */
export function call<Op extends OperationName>(
  op: Op,
  input: Operations[Op]['input'],
  options?: LoadOptions,
): Promise<Operations[Op]['value']>;
