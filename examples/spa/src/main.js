// A storefront cart priced in the browser by @storefront/sdk: the same C++ core, compiled to
// WebAssembly, that the backend runs, so the total shown here is the total the backend charges.
import { createEngine, StorefrontError } from '@storefront/sdk';
// Vite emits the .wasm file (with a content hash in its name) and `?url` gives its final URL.
import wasmUrl from '@storefront/sdk/core.wasm?url';
import shop from '../../data/shop.json';
import './style.css';

// The repository's example carts, by file name: weekend, b2b, tokyo, us-order, empty,
// black-friday, first-order.
const carts = Object.fromEntries(
  Object.entries(import.meta.glob('../../data/carts/*.json', { eager: true, import: 'default' })).map(([path, cart]) => [
    path.slice(path.lastIndexOf('/') + 1, -'.json'.length),
    cart,
  ]),
);
const DEFAULT_CART = 'weekend';

// What the priced cart does not carry: titles of removed lines, shipping method names, limits.
const variants = new Map(shop.products.flatMap((p) => p.variants.map((v) => [v.sku, { title: p.title, variant: v.title }])));
const methodNames = new Map((shop.shipping?.methods ?? []).map((m) => [m.id, m.name ?? m.id]));
const promotionNames = new Map((shop.promotions ?? []).map((p) => [p.id, p.name ?? p.id]));
const promotionName = (id) => promotionNames.get(id) ?? id;
const MAX_QUANTITY = shop.settings?.limits?.max_quantity ?? 10000;

const app = document.getElementById('app');
const picker = document.getElementById('cart-picker');
const footer = document.getElementById('engine-info');

let engine;
// The example cart being shown, the shopper's quantity for each of its lines (0 = removed), and
// its money format. Amounts are decimal strings: Intl.NumberFormat formats a string as an exact
// decimal, so no floating point sits between the engine and the screen.
let example;
let quantities;
let money;
const format = (amount) => money.format(amount);

async function loadEngine() {
  // Hand the loader the bytes instead of letting it look for storefront_core.wasm next to
  // index.js: that file name does not survive bundling (see the package README).
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`cannot load ${wasmUrl}: HTTP ${response.status}`);
  return createEngine(shop, { wasmBinary: await response.arrayBuffer() });
}

function selectCart(name) {
  example = carts[name];
  quantities = example.lines.map((line) => line.quantity);
  money = new Intl.NumberFormat(example.locale ?? 'en', { style: 'currency', currency: example.currency });
  picker.value = name;
  history.replaceState(null, '', `?cart=${encodeURIComponent(name)}`);
  reprice();
}

/**
 * The cart request: the example cart with the shopper's quantities; removed lines are left out
 * (a line's quantity is at least 1). The example carts pin `at`, so this page shows the same
 * totals as the CLI and the tests; a live shop sends the current instant,
 * `new Date().toISOString()`: the core never reads a clock.
 */
function cartRequest() {
  const lines = example.lines.map((line, row) => ({ ...line, quantity: quantities[row] })).filter((line) => line.quantity > 0);
  return { ...example, lines };
}

function reprice() {
  // `engine.price(cart)` returns the priced cart as an object. `priceJson` is the same call that
  // keeps the canonical text, the exact bytes the backend would return for this cart (a quote
  // can be compared or signed byte for byte); the page publishes it for tests and devtools.
  const envelope = engine.priceJson(JSON.stringify(cartRequest()));
  window.__storefrontLastPriced = envelope;
  const { ok, value, error } = JSON.parse(envelope);
  if (!ok) throw new StorefrontError(error);
  render(value);
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false && value != null) element.setAttribute(name, value);
  }
  element.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
  return element;
}

const isZero = (amount) => !/[1-9]/.test(amount);

function render(priced) {
  // Priced lines come back in request order; map them back to the example's rows.
  const rows = example.lines.map((_, row) => row).filter((row) => quantities[row] > 0);
  const pricedByRow = new Map(priced.lines.map((line) => [rows[line.index], line]));

  // Re-rendering replaces the buttons: keep the keyboard focus on the one just pressed.
  const focused = document.activeElement?.closest?.('button[data-row]');
  const focusKey = focused && `button[data-row="${focused.dataset.row}"][data-delta="${focused.dataset.delta}"]`;

  app.replaceChildren(
    example.lines.length === 0
      ? h('p', { class: 'lines empty' }, 'This cart is empty.')
      : h(
          'table',
          { class: 'lines' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Product'), h('th', {}, 'Unit price'), h('th', {}, 'Quantity'), h('th', {}, 'Total'))),
          h(
            'tbody',
            {},
            example.lines.map((line, row) => lineRow(line, row, pricedByRow.get(row))),
            // Lines a promotion added (free gifts) come after the request's lines.
            priced.lines.filter((line) => line.gift_of !== undefined).map(giftRow),
          ),
        ),
    summary(priced),
    priced.suggestions?.length > 0 && suggestions(priced.suggestions),
  );
  if (focusKey) app.querySelector(focusKey)?.focus();
  footer.textContent = `Priced in your browser by @storefront/sdk ${priced.engine.version} · snapshot ${priced.engine.snapshot_hash} · at ${priced.at}`;
}

function lineRow(line, row, priced) {
  const names = variants.get(line.sku) ?? { title: line.sku };
  const quantity = quantities[row];
  const title = [names.title, names.variant].filter(Boolean).join(', ');
  let unit;
  let total = '';
  if (!priced) {
    unit = h('span', { class: 'muted' }, 'removed');
  } else if (priced.status !== 'priced') {
    unit = h('span', { class: 'warn' }, `not sold in ${example.currency}`);
  } else {
    unit = [
      h('span', { class: priced.compare_at ? 'price sale' : 'price' }, format(priced.unit_price)),
      priced.compare_at && [' ', h('s', { class: 'muted' }, format(priced.compare_at)), ' ', h('span', { class: 'badge' }, `save ${format(priced.saving)}`)],
      // EU Omnibus: a reduced price shows the lowest price of the previous 30 days.
      priced.prior_price && h('div', { class: 'small muted' }, `lowest price in the last 30 days: ${format(priced.prior_price)}`),
    ];
    total = [
      format(priced.total),
      !isZero(priced.discount_total) && h('div', { class: 'small sale' }, `−${format(priced.discount_total)}`),
    ];
  }
  return h(
    'tr',
    { 'data-row': row, 'data-sku': line.sku, class: quantity === 0 ? 'removed' : false },
    h('td', {}, h('div', {}, names.title), names.variant && h('div', { class: 'small muted' }, names.variant)),
    h('td', {}, unit),
    h(
      'td',
      { class: 'qty' },
      h('button', { type: 'button', 'data-row': row, 'data-delta': -1, 'aria-label': `One less ${title}`, disabled: quantity === 0 }, '−'),
      h('output', { 'aria-label': `Quantity of ${title}` }, String(quantity)),
      h('button', { type: 'button', 'data-row': row, 'data-delta': 1, 'aria-label': `One more ${title}`, disabled: quantity >= MAX_QUANTITY }, '+'),
    ),
    h('td', { class: 'amount' }, total),
  );
}

function giftRow(line) {
  return h(
    'tr',
    { class: 'gift', 'data-gift-of': line.gift_of },
    h('td', {}, h('div', {}, line.title), h('div', { class: 'small muted' }, [line.variant_title, `free gift: ${promotionName(line.gift_of)}`].filter(Boolean).join(' · '))),
    h('td', {}, h('span', { class: 'badge' }, 'gift')),
    h('td', { class: 'qty' }, h('output', {}, String(line.quantity))),
    h('td', { class: 'amount sale' }, 'Free'),
  );
}

function summary(priced) {
  const { totals, shipping, nudges = [], issues, promotions = [] } = priced;
  const row = (label, value, attributes = {}) => h('div', { class: 'row', ...attributes }, h('dt', {}, label), h('dd', {}, value));
  return h(
    'aside',
    { class: 'summary' },
    h(
      'dl',
      {},
      row(`Subtotal (${totals.item_count} ${totals.item_count === 1 ? 'item' : 'items'})`, format(totals.subtotal)),
      !isZero(totals.discount_total) && row('Discounts', `−${format(totals.discount_total)}`),
      // What each item or order promotion saved; shipping promotions are listed under shipping.
      promotions
        .filter((outcome) => outcome.applied && outcome.saving !== undefined && !isZero(outcome.saving))
        .filter((outcome) => !(shipping?.discounts ?? []).some((discount) => discount.promotion === outcome.promotion))
        .map((outcome) => row(promotionName(outcome.promotion), `−${format(outcome.saving)}`, { class: 'row small sale' })),
      shipping && row(shippingLabel(shipping), shippingValue(shipping)),
      (shipping?.discounts ?? []).map((discount) =>
        row(promotionName(discount.promotion), `−${format(discount.amount)}`, { class: 'row small sale' }),
      ),
      !isZero(totals.tax_total) && row('Tax', format(totals.tax_total)),
      row('Total', format(totals.total), { class: 'row total', 'data-total': totals.total }),
      totals.loyalty_points !== undefined && row('Points earned', String(totals.loyalty_points), { class: 'row small' }),
    ),
    shipping?.options && h('ul', { class: 'options small' }, shipping.options.map(shippingOption)),
    nudges.map((nudge) => h('p', { class: 'nudge' }, nudgeText(nudge))),
    promotions.some(couponNotApplied) &&
      h('ul', { class: 'issues' }, promotions.filter(couponNotApplied).map((outcome) => h('li', { title: `${outcome.reason} (${outcome.promotion})` }, couponText(outcome)))),
    issues.length > 0 && h('ul', { class: 'issues' }, issues.map((issue) => h('li', { title: `${issue.code} at ${issue.path}` }, issue.message))),
  );
}

// What the cart asked the engine to suggest: gap fillers first, then what is bought together.
function suggestions(list) {
  return h(
    'section',
    { class: 'suggestions' },
    h('h2', {}, 'You might also like'),
    h(
      'ul',
      {},
      list.map((suggestion) => {
        const names = variants.get(suggestion.sku) ?? { title: suggestion.sku };
        return h(
          'li',
          { 'data-sku': suggestion.sku },
          h('div', {}, [names.title, names.variant].filter(Boolean).join(', '), ' ', h('span', { class: 'muted' }, format(suggestion.unit_price))),
          suggestion.reasons.map((reason) => h('div', { class: 'small muted' }, suggestionReason(reason))),
        );
      }),
    ),
  );
}

function suggestionReason(reason) {
  switch (reason.type) {
    case 'bought_together': {
      // "0.5590" is 55.90 %: move the decimal point, no floating point.
      const [whole, fraction] = reason.confidence.split('.');
      const percent = `${Number(whole + fraction.slice(0, 2))}.${fraction.slice(2)}`;
      return `Bought with ${variants.get(reason.with)?.title ?? reason.with} in ${percent} % of its orders.`;
    }
    case 'closes_gap':
      return reason.nudge === 'free_shipping'
        ? `Gets you free ${methodNames.get(reason.method) ?? reason.method} shipping (${format(reason.missing)} to go).`
        : `Reaches ${promotionName(reason.promotion)} (${format(reason.missing)} to go).`;
    case 'completes':
      return `Completes ${promotionName(reason.promotion)}.`;
    default:
      return reason.type;
  }
}

const REASONS = {
  no_address: 'no shipping address',
  empty_cart: 'nothing to ship',
  excluded_category: 'not for these products',
  excluded_tag: 'not for these products',
  too_heavy: 'too heavy',
  no_zone: 'does not ship there',
  no_rate_in_currency: 'not in this currency',
};

function nudgeText(nudge) {
  switch (nudge.type) {
    case 'free_shipping':
      return `Spend ${format(nudge.missing)} more for free ${methodNames.get(nudge.method) ?? nudge.method} shipping.`;
    case 'spend_more':
      return `Spend ${format(nudge.missing)} more${nudge.saving ? ` to save ${format(nudge.saving)}` : ''}: ${promotionName(nudge.promotion)}.`;
    case 'add_items':
      return `Add ${nudge.missing_quantity} more ${nudge.missing_quantity === 1 ? 'item' : 'items'}: ${promotionName(nudge.promotion)}.`;
    default:
      return nudge.type;
  }
}

// A coupon the shopper typed whose promotion did not apply: say why.
const couponNotApplied = (outcome) => outcome.coupon !== undefined && !outcome.applied;

const PROMOTION_REASONS = {
  not_yet_active: 'not active yet',
  expired: 'expired',
  channel_not_eligible: 'not valid here',
  currency_not_supported: 'not valid in this currency',
  customer_not_eligible: 'not valid for your account',
  usage_limit_reached: 'already used',
  budget_exhausted: 'no longer available',
  no_matching_items: 'nothing in the cart it applies to',
  capped_by_floor: 'nothing left to discount',
  not_selected: 'a better combination of offers applies',
};

function couponText(outcome) {
  const code = outcome.coupon.trim();
  switch (outcome.reason) {
    case 'condition_not_met':
      if (outcome.missing_amount !== undefined) return `${code}: spend ${format(outcome.missing_amount)} more to use it.`;
      if (outcome.missing_quantity !== undefined) return `${code}: add ${outcome.missing_quantity} more to use it.`;
      return `${code}: this cart does not qualify.`;
    case 'not_combinable':
    case 'stopped_by':
      return `${code}: cannot be combined with ${promotionName(outcome.blocked_by)}.`;
    default:
      return `${code}: ${PROMOTION_REASONS[outcome.reason] ?? outcome.reason}.`;
  }
}

function shippingLabel(shipping) {
  return shipping.method ? `Shipping (${methodNames.get(shipping.method) ?? shipping.method})` : 'Shipping';
}

function shippingValue(shipping) {
  if (shipping.options) return 'chosen at checkout';
  if (!shipping.available) return h('span', { class: 'warn' }, REASONS[shipping.reason] ?? shipping.reason);
  // Free by the rate's threshold, or a shipping promotion took all of it.
  if (shipping.free || (shipping.discount && isZero(shipping.amount))) return h('span', { class: 'sale' }, 'Free');
  return format(shipping.amount);
}

function shippingOption(option) {
  const name = option.name ?? option.method;
  if (!option.available) return h('li', { class: 'muted' }, `${name}: ${REASONS[option.reason] ?? option.reason}`);
  return h('li', {}, `${name}: ${option.free ? 'free' : format(option.amount)}`);
}

// ---------------------------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------------------------

function fail(error) {
  window.__storefrontError = String(error?.stack ?? error);
  const detail = error instanceof StorefrontError ? ` (${error.code} at ${error.path})` : '';
  app.replaceChildren(h('p', { class: 'status warn' }, `Cannot price this cart: ${error?.message ?? error}${detail}`));
}

app.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-delta]');
  if (!button) return;
  const row = Number(button.dataset.row);
  quantities[row] = Math.min(MAX_QUANTITY, Math.max(0, quantities[row] + Number(button.dataset.delta)));
  try {
    reprice();
  } catch (error) {
    fail(error);
  }
});

picker.addEventListener('change', () => {
  try {
    selectCart(picker.value);
  } catch (error) {
    fail(error);
  }
});

async function main() {
  picker.append(...Object.keys(carts).sort().map((name) => h('option', { value: name }, name)));
  engine = await loadEngine();
  const requested = new URLSearchParams(location.search).get('cart');
  selectCart(Object.hasOwn(carts, requested ?? '') ? requested : DEFAULT_CART);
}

main().catch(fail);
