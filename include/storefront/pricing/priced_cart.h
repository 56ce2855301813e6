// The result of pricing a cart: every line, the order totals, business issues, and which
// engine and snapshot produced it.
//
// Invariants: totals.subtotal is the exact sum of line subtotals; total = subtotal −
// discount_total + shipping_total + tax_total; a line that cannot be priced has status
// kUnavailable, zero amounts, and an issue that says why. Stages that come later in the
// pipeline (promotions, shipping, tax) fill their fields without changing this shape.
#ifndef STOREFRONT_PRICING_PRICED_CART_H_
#define STOREFRONT_PRICING_PRICED_CART_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "storefront/money/money.h"
#include "storefront/shipping/quote.h"

namespace storefront {

// A business outcome, not an error: the cart is still priced. `path` points into the request.
struct Issue {
  std::string code;
  std::string message;
  std::string path;
};

namespace issue_code {
inline constexpr char kPriceUnavailable[] = "price_unavailable";
inline constexpr char kCouponUnknown[] = "coupon_unknown";
inline constexpr char kShippingAddressMissing[] = "shipping_address_missing";
inline constexpr char kShippingMethodUnavailable[] = "shipping_method_unavailable";
}  // namespace issue_code

enum class LineStatus { kPriced, kUnavailable };

// One step of a line's unit-price waterfall (docs/concepts/pricing.md, "Explanation").
struct PriceStep {
  std::string step;    // base, conversion, price_list, tier, markdown, rounding, floor
  std::string before;  // amounts as decimal strings: a conversion's `before` is in the base currency
  std::string after;
  std::string rule;  // the list entry ("vip#0"), markdown, rounding rule or rate ("EUR/USD"); may be empty
};

struct PriceListRef {
  std::string id;
  size_t entry = 0;
};

struct PricedLine {
  explicit PricedLine(const Currency& currency)
      : unit_price(Money::Zero(currency)),
        subtotal(unit_price),
        discount_total(unit_price),
        tax_total(unit_price),
        total(unit_price) {}

  size_t index = 0;  // position in the request
  std::optional<std::string> line_id;
  std::string sku;
  std::string product_id;
  std::string title;
  std::string variant_title;
  int64_t quantity = 0;
  LineStatus status = LineStatus::kPriced;
  Money unit_price;
  Money subtotal;        // unit_price × quantity
  Money discount_total;  // filled by promotions
  Money tax_total;       // filled by tax
  Money total;           // subtotal − discount_total (+ tax_total when prices are net)

  // How the unit price came about; each is absent when its step did not apply.
  std::optional<PriceListRef> price_list;
  std::optional<Money> compare_at;   // the unit price before the markdown
  std::string markdown;              // the applied markdown's id
  std::optional<Money> saving;       // compare_at − unit_price
  std::optional<Money> prior_price;  // EU Omnibus: lowest price of the 30 days before `at`
  bool floor_applied = false;
  bool tax_inclusive = false;          // the unit price is gross; the tax stage extracts tax from it
  std::vector<PriceStep> explanation;  // only when the request asks to `explain`
};

struct Totals {
  explicit Totals(const Currency& currency)
      : subtotal(Money::Zero(currency)),
        discount_total(subtotal),
        shipping_total(subtotal),
        tax_total(subtotal),
        total(subtotal) {}

  Money subtotal;
  Money discount_total;
  Money shipping_total;
  Money tax_total;
  Money total;
  int64_t item_count = 0;
};

// What the shopper could do to pay less, as data for the storefront to word: "spend 8.00 more for
// free shipping" is {type "free_shipping", method, threshold 50.00, missing 8.00}.
struct Nudge {
  std::string type;    // "free_shipping"
  std::string method;  // the shipping method it is about
  Money threshold;
  Money missing;  // threshold − the compared subtotal; always positive
};

struct EngineStamp {
  std::string version;
  std::string snapshot_hash;
  int32_t schema_version = 1;
};

struct PricedCart {
  explicit PricedCart(const Currency& cart_currency) : currency(&cart_currency), totals(cart_currency) {}

  const Currency* currency;
  absl::Time at;
  std::vector<PricedLine> lines;
  Totals totals;
  std::vector<Issue> issues;
  std::optional<ShippingQuote> shipping;  // present when the request asked for shipping
  std::vector<Nudge> nudges;
  EngineStamp engine;
};

}  // namespace storefront

#endif  // STOREFRONT_PRICING_PRICED_CART_H_
