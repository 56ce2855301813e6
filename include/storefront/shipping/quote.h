// A shipping quote: what the shipping stage tells the priced cart (docs/concepts/shipping.md).
//
// Invariants: `amount` is the base amount of the selected method, before any shipping discount
// (promotions apply those later); it is zero when nothing is selected, when the selected method
// is unavailable, and when a free-shipping threshold is reached (then `free` is true). An
// available option always has an amount; an unavailable one has a reason instead. Options are
// sorted by amount, then method id, with every unavailable method last (by id).
#ifndef STOREFRONT_SHIPPING_QUOTE_H_
#define STOREFRONT_SHIPPING_QUOTE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storefront/money/money.h"
#include "storefront/promotions/discount.h"
#include "storefront/tax/tax_amount.h"

namespace storefront {

// Why a method cannot ship this cart. Data, not errors: the shopper can change the cart.
namespace shipping_reason {
inline constexpr char kNoAddress[] = "no_address";
inline constexpr char kEmptyCart[] = "empty_cart";
inline constexpr char kExcludedCategory[] = "excluded_category";
inline constexpr char kExcludedTag[] = "excluded_tag";
inline constexpr char kTooHeavy[] = "too_heavy";
inline constexpr char kNoZone[] = "no_zone";
inline constexpr char kNoRateInCurrency[] = "no_rate_in_currency";
}  // namespace shipping_reason

// One method as it would ship this cart.
struct ShippingOption {
  std::string method;
  std::string name;               // the method's display name; may be empty
  std::optional<Money> amount;    // set exactly when available; after shipping promotions
  bool free = false;              // the free-shipping threshold made the amount zero
  std::optional<Money> discount;  // what shipping promotions took off, when they did
  std::string reason;             // set exactly when unavailable: a shipping_reason
  bool available() const { return amount.has_value(); }
};

struct ShippingQuote {
  explicit ShippingQuote(const Currency& currency) : amount(Money::Zero(currency)) {}

  std::string method;      // the selected method's id; empty when the cart asked for options
  bool available = false;  // the selected method can ship this cart
  std::string reason;      // why the selected method is unavailable
  Money amount;            // what totals.shipping_total charges: after shipping promotions
  bool free = false;
  std::optional<Money> discount;                       // the shipping promotions' part, before `amount`
  std::vector<AppliedDiscount> discounts;              // by promotion, in application order
  std::vector<TaxAmount> taxes;                        // with a tax stage: the shipping amount's taxes
  std::optional<Money> tax_total;                      // with a tax stage
  std::optional<std::vector<ShippingOption>> options;  // when the cart asked for options
  int64_t weight_grams = 0;                            // Σ variant weight × quantity over priced lines
};

}  // namespace storefront

#endif  // STOREFRONT_SHIPPING_QUOTE_H_
