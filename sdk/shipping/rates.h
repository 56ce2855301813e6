// Rates: validating one at load time and pricing one for a cart. Internal to the shipping stage.
#ifndef STOREFRONT_SDK_SHIPPING_RATES_H_
#define STOREFRONT_SDK_SHIPPING_RATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "storefront/money/money.h"
#include "storefront/shipping/shipping.h"

namespace storefront::shipping {

// What a rate depends on, measured once per cart over its priced lines.
struct CartMeasures {
  explicit CartMeasures(const Currency& currency) : compared_subtotal(Money::Zero(currency)) {}

  int64_t weight_grams = 0;
  int64_t item_count = 0;
  Money compared_subtotal;  // Σ (subtotal − discount_total), in the lines' own price basis
};

// A rate applied to a cart: an amount, or the reason there is none.
struct RatePrice {
  std::optional<Money> amount;
  bool free = false;
  absl::string_view reason;        // a shipping_reason when `amount` is empty
  std::optional<Money> free_over;  // a threshold not yet reached, for a nudge
};

// Amounts not negative, tiers well-formed. `path` is the rate's ("/methods/0/rates/1").
absl::Status ValidateRate(const ShippingRate& rate, absl::string_view path);

// Applies `rate` in `cart.compared_subtotal`'s currency. Fails only on overflow.
// `free_over`, when given, replaces the rate's own free-shipping threshold (an experiment's).
absl::StatusOr<RatePrice> PriceRate(const ShippingRate& rate, const CartMeasures& cart,
                                    const std::vector<Money>* free_over = nullptr);

}  // namespace storefront::shipping

#endif  // STOREFRONT_SDK_SHIPPING_RATES_H_
