// Personalization around the pricing pipeline (docs/concepts/personalization.md). Internal.
//
// Before pricing: segments, then experiments. The stages after them read the result through the
// request they are given, so the engine hands them a personalized copy of the cart in which
// `customer.segments` holds the customer's segments and `variations` the variation each
// experiment serves. After pricing: suggestions.
#ifndef STOREFRONT_SDK_PERSONALIZATION_STAGE_H_
#define STOREFRONT_SDK_PERSONALIZATION_STAGE_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storefront/cart/cart.h"
#include "storefront/engine/engine.h"
#include "storefront/engine/snapshot.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::personalization {

// `forced_variations` must name experiments of the snapshot (`unknown_experiment`) and their
// variations (`invalid_value`), at /forced_variations/<key>.
absl::Status ValidatePersonalizationRequest(const Snapshot& snapshot, const CartRequest& cart);

// Evaluates segments and assigns experiments, recording both in `result`. Returns the request the
// pricing stages must see, or nullopt when the snapshot has neither (the request is used as is).
absl::StatusOr<std::optional<CartRequest>> Personalize(const Snapshot& snapshot, const CartRequest& cart,
                                                       PricedCart& result);

// Gap fillers and recommendations for a priced cart whose request asked for suggestions.
// `request` is the shopper's request as sent; gap fillers are verified by pricing it again with
// the suggestion added, through `engine`.
absl::Status Suggest(const Engine& engine, const CartRequest& request, const CartRequest& personalized,
                     PricedCart& result);

}  // namespace storefront::personalization

#endif  // STOREFRONT_SDK_PERSONALIZATION_STAGE_H_
