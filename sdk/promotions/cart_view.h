// What the promotions stage knows about a cart before any promotion applies. Internal.
//
// Lines are held in the canonical line order (sku, then line id, then request position), so
// every tie in the stage — allocation remainders, units of equal value — is broken the same way
// whatever order the request listed its lines in.
#ifndef STOREFRONT_SDK_PROMOTIONS_CART_VIEW_H_
#define STOREFRONT_SDK_PROMOTIONS_CART_VIEW_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "storefront/cart/cart.h"
#include "storefront/engine/snapshot.h"
#include "storefront/pricing/priced_cart.h"
#include "storefront/promotions/promotion.h"

namespace storefront::promotions {

// One priced line as promotions see it. Amounts are minor units of the cart currency.
struct LineFacts {
  size_t line = 0;  // index into PricedCart::lines
  int64_t quantity = 0;
  int64_t subtotal = 0;  // before promotions
  bool marked_down = false;
  std::vector<std::string> keys;  // SelectorKey of everything the line is, sorted
  const Product* product = nullptr;
  const Variant* variant = nullptr;

  bool Matches(const ItemFilter& items) const;
};

struct CartView {
  const Snapshot* snapshot = nullptr;
  const CartRequest* request = nullptr;
  const Currency* currency = nullptr;
  RoundingMode rounding = RoundingMode::kHalfEven;
  std::vector<LineFacts> lines;                   // priced lines with quantity >= 1, canonical order
  absl::flat_hash_set<std::string> coupon_codes;  // normalized codes in the cart

  static CartView Of(const Snapshot& snapshot, const CartRequest& request, const PricedCart& priced);
  // The request's lines before any price exists (every amount zero), for conditions evaluated
  // before pricing: segments (personalization.md §1). Unknown SKUs are left out.
  static CartView OfRequest(const Snapshot& snapshot, const CartRequest& request);
};

// The floor of every line of `view` for a promotion with `min_margin` (promotions.md, "Floors"):
// unit floor × quantity, in minor units; 0 without min_price, cost or margin.
absl::StatusOr<std::vector<int64_t>> LineFloors(const CartView& view, const std::optional<Decimal>& min_margin);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_CART_VIEW_H_
