#include "storefront/engine/engine.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "pricing/unit_prices.h"
#include "promotions/stage.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/shipping/shipping.h"
#include "storefront/version.h"
#include "tax/stage.h"
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
  SF_RETURN_IF_ERROR(ValidatePromotionCounters(snapshot_.promotions, cart));
  SF_RETURN_IF_ERROR(tax::ValidateTaxRequest(snapshot_.tax, cart));

  PricedCart result(*cart.currency);
  result.at = cart.at;
  SF_ASSIGN_OR_RETURN(result.lines, pricing::ResolveUnitPrices(snapshot_, cart, result.issues));
  // Shipping reads the lines' discounts and shipping promotions read the quote, so the
  // promotions stage runs the shipping quote between its item/order and shipping passes.
  SF_RETURN_IF_ERROR(promotions::ApplyPromotionsAndShipping(snapshot_, cart, result));
  SF_RETURN_IF_ERROR(tax::ApplyTax(snapshot_, cart, result));
  SF_ASSIGN_OR_RETURN(result.totals, totals::Compute(*cart.currency, result.lines, result.shipping,
                                                     snapshot_.settings.prices_include_tax, snapshot_.tax.enabled()));
  for (const PromotionOutcome& outcome : result.promotions) {
    if (outcome.applied) result.totals.loyalty_points += outcome.points;
  }
  result.engine = EngineStamp{std::string(Version()), snapshot_.content_hash, kSnapshotSchemaVersion};
  return result;
}

}  // namespace storefront
