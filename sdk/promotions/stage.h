// Pipeline stage 2 (promotions) and, inside it, stage 3 (shipping): promotions.md.
//
// Collects the candidates (coupon codes in the cart, automatic promotions found through the
// item index), checks what each can decide alone, then applies them in priority mode or
// searches the best-for-customer set, and reports every relevant outcome and nudge.
#ifndef STOREFRONT_SDK_PROMOTIONS_STAGE_H_
#define STOREFRONT_SDK_PROMOTIONS_STAGE_H_

#include "absl/status/status.h"
#include "storefront/cart/cart.h"
#include "storefront/engine/snapshot.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::promotions {

// `cart` holds the priced lines (stage 1); on return it also holds the line discounts, gift
// lines, the shipping quote after shipping promotions, outcomes, nudges and loyalty points.
absl::Status ApplyPromotionsAndShipping(const Snapshot& snapshot, const CartRequest& request, PricedCart& cart);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_STAGE_H_
