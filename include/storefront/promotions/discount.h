// One promotion's part of a discount on a line or on shipping.
#ifndef STOREFRONT_PROMOTIONS_DISCOUNT_H_
#define STOREFRONT_PROMOTIONS_DISCOUNT_H_

#include <string>

#include "storefront/money/money.h"

namespace storefront {

struct AppliedDiscount {
  std::string promotion;
  Money amount;
};

}  // namespace storefront

#endif  // STOREFRONT_PROMOTIONS_DISCOUNT_H_
