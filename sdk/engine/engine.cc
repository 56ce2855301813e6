#include "storefront/engine/engine.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "pricing/unit_prices.h"
#include "promotions/coupons.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/shipping/shipping.h"
#include "storefront/version.h"
#include "totals/totals.h"

namespace storefront {

bool Snapshot::AllowsCurrency(const Currency& currency) const {
  for (const Currency* allowed : currencies) {
    if (allowed == &currency) return true;
  }
  return false;
}

absl::string_view Version() { return kVersion; }

absl::StatusOr<std::unique_ptr<const Engine>> Engine::Create(Snapshot snapshot) {
  return std::unique_ptr<const Engine>(new Engine(std::move(snapshot)));
}

absl::StatusOr<PricedCart> Engine::Price(const CartRequest& cart) const {
  // Everything that can reject the request is checked before any stage runs.
  SF_RETURN_IF_ERROR(ValidateCart(cart, snapshot_.settings.limits));
  if (cart.currency == nullptr) return InputError(error_code::kMissingField, "the cart has no currency", "/currency");
  if (!snapshot_.AllowsCurrency(*cart.currency)) {
    return InputError(error_code::kCurrencyNotAllowed, absl::StrCat("this shop does not sell in ", cart.currency->code),
                      "/currency");
  }
  SF_RETURN_IF_ERROR(ValidateShippingRequest(snapshot_.shipping, cart));

  PricedCart result(*cart.currency);
  result.at = cart.at;
  SF_ASSIGN_OR_RETURN(result.lines, pricing::ResolveUnitPrices(snapshot_, cart, result.issues));
  promotions::ReportCoupons(cart, result.issues);
  // Shipping reads the lines' subtotals and discounts, so it runs after the first two stages.
  SF_RETURN_IF_ERROR(QuoteShipping(snapshot_.shipping, snapshot_.catalog, cart, result));
  const Money shipping_total = result.shipping.has_value() ? result.shipping->amount : Money::Zero(*cart.currency);
  SF_ASSIGN_OR_RETURN(result.totals, totals::Compute(*cart.currency, result.lines, shipping_total));
  result.engine = EngineStamp{std::string(Version()), snapshot_.content_hash, kSnapshotSchemaVersion};
  return result;
}

}  // namespace storefront
