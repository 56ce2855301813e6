// Segments and experiments: the half of personalization that runs before prices.
#include "personalization/stage.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "promotions/cart_view.h"
#include "promotions/conditions.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::personalization {
namespace {

void SortUnique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

// Evaluates every segment in snapshot order into `customer.segments` of `cart`, which already
// holds the host's: a `segment` leaf sees those and the segments before its own.
absl::Status EvaluateSegments(const Snapshot& snapshot, CartRequest& cart) {
  const promotions::CartView view = promotions::CartView::OfRequest(snapshot, cart);
  const std::vector<int64_t> no_amounts(view.lines.size(), 0);
  std::vector<std::string>& segments = cart.customer->segments;
  for (const Segment& segment : snapshot.segments) {
    bool unsupported = false;  // a money map without the cart currency: the leaf is false
    SF_ASSIGN_OR_RETURN(const promotions::Verdict verdict,
                        promotions::Evaluate(segment.condition, {&view, &no_amounts}, unsupported));
    if (verdict.met && !unsupported) segments.push_back(segment.id);
  }
  SortUnique(segments);
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidatePersonalizationRequest(const Snapshot& snapshot, const CartRequest& cart) {
  for (const auto& [key, variation] : cart.variations) {
    const std::string path = absl::StrCat("/forced_variations/", key);
    const Experiment* experiment = snapshot.experiments.Find(key);
    if (experiment == nullptr) {
      return InputError(error_code::kUnknownExperiment, absl::StrCat("no experiment has the key \"", key, "\""), path);
    }
    if (variation >= static_cast<int32_t>(experiment->variations.size())) {
      return InputError(error_code::kInvalidValue,
                        absl::StrCat("experiment \"", key, "\" has ", experiment->variations.size(), " variations"),
                        path);
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<CartRequest>> Personalize(const Snapshot& snapshot, const CartRequest& cart,
                                                       PricedCart& result) {
  if (snapshot.segments.empty() && snapshot.experiments.all().empty()) return std::nullopt;
  CartRequest personalized = cart;
  if (!personalized.customer.has_value()) personalized.customer.emplace();  // an anonymous shopper
  if (!snapshot.segments.empty()) {
    SF_RETURN_IF_ERROR(EvaluateSegments(snapshot, personalized));
    result.segments = personalized.customer->segments;
  }
  if (!snapshot.experiments.all().empty()) {
    std::vector<ExperimentAssignment> assignments;
    std::vector<std::pair<std::string, int32_t>> served;
    for (const Experiment& experiment : snapshot.experiments.all()) {
      assignments.push_back(snapshot.experiments.Assign(experiment, cart, personalized.customer->segments));
      served.emplace_back(experiment.key, assignments.back().variation);
    }
    std::sort(served.begin(), served.end());
    personalized.variations = std::move(served);
    result.experiments = std::move(assignments);
  }
  return personalized;
}

}  // namespace storefront::personalization
