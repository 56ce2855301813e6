#include "storefront/engine/engine.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "personalization/stage.h"
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

absl::StatusOr<PricedCart> Engine::Price(const CartRequest& request) const {
  // Everything that can reject the request is checked before any stage runs.
  SF_RETURN_IF_ERROR(ValidateCart(request, snapshot_.settings.limits));
  if (request.currency == nullptr) {
    return InputError(error_code::kMissingField, "the cart has no currency", "/currency");
  }
  if (!snapshot_.AllowsCurrency(*request.currency)) {
    return InputError(error_code::kCurrencyNotAllowed,
                      absl::StrCat("this shop does not sell in ", request.currency->code), "/currency");
  }
  SF_RETURN_IF_ERROR(ValidateShippingRequest(snapshot_.shipping, request));
  SF_RETURN_IF_ERROR(ValidatePromotionCounters(snapshot_.promotions, request));
  SF_RETURN_IF_ERROR(tax::ValidateTaxRequest(snapshot_.tax, request));
  SF_RETURN_IF_ERROR(personalization::ValidatePersonalizationRequest(snapshot_, request));

  PricedCart result(*request.currency);
  result.at = request.at;
  // Segments and experiments decide which price lists and promotions exist for this cart: every
  // stage after them sees the request as personalization resolved it.
  SF_ASSIGN_OR_RETURN(const std::optional<CartRequest> personalized,
                      personalization::Personalize(snapshot_, request, result));
  const CartRequest& cart = personalized.has_value() ? *personalized : request;
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
  // Last: gap fillers read the finished cart's nudges.
  if (request.suggestions.has_value()) SF_RETURN_IF_ERROR(personalization::Suggest(*this, request, cart, result));
  result.engine = EngineStamp{std::string(Version()), snapshot_.content_hash, kSnapshotSchemaVersion};
  return result;
}

}  // namespace storefront
