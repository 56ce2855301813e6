// Pipeline stage 4: tax (docs/concepts/tax.md). Internal.
#ifndef STOREFRONT_SDK_TAX_STAGE_H_
#define STOREFRONT_SDK_TAX_STAGE_H_

#include "absl/status/status.h"
#include "storefront/cart/cart.h"
#include "storefront/engine/snapshot.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::tax {

// Taxes every priced line, its fees and the shipping amount of `cart` (after promotions and the
// shipping quote), and adds the order summary, notes and issues. A snapshot without a tax
// section leaves the cart untouched.
absl::Status ApplyTax(const Snapshot& snapshot, const CartRequest& request, PricedCart& cart);

// Rejects an exemption for a category the tax section does not declare (`unknown_tax_category`).
absl::Status ValidateTaxRequest(const TaxConfig& config, const CartRequest& request);

}  // namespace storefront::tax

#endif  // STOREFRONT_SDK_TAX_STAGE_H_
