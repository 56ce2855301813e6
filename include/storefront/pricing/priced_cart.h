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
}  // namespace issue_code

enum class LineStatus { kPriced, kUnavailable };

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
  EngineStamp engine;
};

}  // namespace storefront

#endif  // STOREFRONT_PRICING_PRICED_CART_H_
