// Pipeline stage 2 (promotions), as far as v1 goes: every coupon code the shopper typed is
// accounted for. The snapshot defines no promotions yet, so each code is reported as unknown;
// the promotions engine replaces this with real evaluation without changing the issue shape.
#ifndef STOREFRONT_SDK_PROMOTIONS_COUPONS_H_
#define STOREFRONT_SDK_PROMOTIONS_COUPONS_H_

#include <vector>

#include "storefront/cart/cart.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::promotions {

void ReportCoupons(const CartRequest& cart, std::vector<Issue>& issues);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_COUPONS_H_
