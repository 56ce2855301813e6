// ExperimentSet: validation, the gate index, and GrowthBook's assignment steps
// (docs/concepts/personalization.md §2).
#include "storefront/personalization/experiments.h"

#include <algorithm>
#include <utility>
#include <variant>

#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/cart/cart.h"
#include "storefront/pricing/price_rules.h"
#include "storefront/promotions/promotion.h"
#include "storefront/shipping/shipping.h"

namespace storefront {
namespace {

bool HasPriceList(const PricingRules& pricing, absl::string_view id) {
  const std::vector<PriceList>& lists = pricing.rules().price_lists;
  return std::any_of(lists.begin(), lists.end(), [&](const PriceList& list) { return list.id == id; });
}

// The value GrowthBook hashes: the customer id, or an attribute (an integer in decimal, as
// JavaScript's string concatenation writes it). Empty when there is none.
std::string HashValue(const CartRequest& cart, const std::string& attribute) {
  if (!cart.customer.has_value()) return "";
  if (attribute == "id") return cart.customer->id;
  const AttributeValue* value = cart.customer->FindAttribute(attribute);
  if (value == nullptr) return "";
  if (const auto* text = std::get_if<std::string>(value)) return *text;
  if (const auto* number = std::get_if<int64_t>(value)) return absl::StrCat(*number);
  return "";  // a boolean is not an identity
}

const int32_t* ForcedVariation(const CartRequest& cart, absl::string_view key) {
  const auto found = std::lower_bound(cart.variations.begin(), cart.variations.end(), key,
                                      [](const auto& entry, absl::string_view k) { return entry.first < k; });
  return found != cart.variations.end() && found->first == key ? &found->second : nullptr;
}

}  // namespace

absl::StatusOr<ExperimentSet> ExperimentSet::Build(std::vector<Experiment> experiments, const PricingRules& pricing,
                                                   const PromotionSet& promotions, const ShippingConfig& shipping) {
  ExperimentSet set;
  set.experiments_ = std::move(experiments);
  for (uint32_t e = 0; e < set.experiments_.size(); ++e) {
    Experiment& experiment = set.experiments_[e];
    const std::string path = absl::StrCat("/experiments/", e);
    if (!set.by_key_.emplace(experiment.key, e).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("experiment \"", experiment.key, "\" is defined twice"),
                        absl::StrCat(path, "/key"));
    }
    if (experiment.seed.empty()) experiment.seed = experiment.key;
    for (int32_t v = 0; v < static_cast<int32_t>(experiment.variations.size()); ++v) {
      const Variation& variation = experiment.variations[v];
      const std::string variation_path = absl::StrCat(path, "/variations/", v);
      for (int32_t w = 0; w < v; ++w) {
        if (experiment.variations[w].key == variation.key) {
          return InputError(error_code::kDuplicateId, absl::StrCat("variation \"", variation.key, "\" is listed twice"),
                            absl::StrCat(variation_path, "/key"));
        }
      }
      const Gate gate{e, v};
      for (size_t i = 0; i < variation.price_lists.size(); ++i) {
        if (!HasPriceList(pricing, variation.price_lists[i])) {
          return InputError(error_code::kUnknownPriceList,
                            absl::StrCat("no price list has the id \"", variation.price_lists[i], "\""),
                            absl::StrCat(variation_path, "/price_lists/", i));
        }
        set.price_list_gates_[variation.price_lists[i]].push_back(gate);
      }
      for (size_t i = 0; i < variation.promotions.size(); ++i) {
        if (promotions.FindById(variation.promotions[i]) == nullptr) {
          return InputError(error_code::kUnknownPromotion,
                            absl::StrCat("no promotion has the id \"", variation.promotions[i], "\""),
                            absl::StrCat(variation_path, "/promotions/", i));
        }
        set.promotion_gates_[variation.promotions[i]].push_back(gate);
      }
      for (const Variation::FreeOver& override : variation.shipping) {
        if (shipping.FindMethod(override.method) == nullptr) {
          return InputError(error_code::kUnknownShippingMethod,
                            absl::StrCat("no shipping method has the id \"", override.method, "\""),
                            absl::StrCat(variation_path, "/shipping/", override.method));
        }
        set.free_over_gates_[override.method].push_back(gate);
      }
    }
  }
  return set;
}

const Experiment* ExperimentSet::Find(absl::string_view key) const {
  const auto found = by_key_.find(key);
  return found == by_key_.end() ? nullptr : &experiments_[found->second];
}

ExperimentAssignment ExperimentSet::Assign(const Experiment& experiment, const CartRequest& cart,
                                           absl::Span<const std::string> segments) const {
  ExperimentAssignment assignment;
  assignment.experiment = experiment.key;
  assignment.hash_attribute = experiment.hash_attribute;
  assignment.hash_value = HashValue(cart, experiment.hash_attribute);
  // GrowthBook's runExperiment, the steps that apply to a server-side context, in its order.
  const auto outcome = [&](int32_t variation, absl::string_view reason) {
    assignment.variation = variation;
    assignment.variation_key = experiment.variations[variation].key;
    assignment.reason = std::string(reason);
    assignment.in_experiment = reason.empty();
    return assignment;
  };
  if (const int32_t* forced = ForcedVariation(cart, experiment.key)) {
    return outcome(*forced, experiment_reason::kForcedByCart);
  }
  if (!experiment.active) return outcome(0, experiment_reason::kInactive);
  if (assignment.hash_value.empty()) return outcome(0, experiment_reason::kNoHashValue);
  if (experiment.name_space.has_value() && !bucketing::InNamespace(assignment.hash_value, *experiment.name_space)) {
    return outcome(0, experiment_reason::kNotInNamespace);
  }
  if (!experiment.segments.empty()) {
    const bool targeted = std::any_of(experiment.segments.begin(), experiment.segments.end(), [&](const auto& wanted) {
      return std::find(segments.begin(), segments.end(), wanted) != segments.end();
    });
    if (!targeted) return outcome(0, experiment_reason::kNotTargeted);
  }
  // The hash version was checked at load, so there is always a bucket.
  const std::optional<bucketing::Bucket> bucket =
      bucketing::Hash(experiment.seed, assignment.hash_value, experiment.hash_version);
  assignment.bucket = bucket->ToString();
  const int chosen = bucketing::ChooseVariation(bucket->Value(), experiment.ranges);
  if (chosen < 0) return outcome(0, experiment_reason::kNotCovered);
  if (experiment.force.has_value()) return outcome(*experiment.force, experiment_reason::kForced);
  return outcome(chosen, "");
}

bool ExperimentSet::Served(const Gate& gate, const CartRequest& cart) const {
  const int32_t* served = ForcedVariation(cart, experiments_[gate.first].key);
  return (served != nullptr ? *served : 0) == gate.second;
}

bool ExperimentSet::Allows(const absl::flat_hash_map<std::string, std::vector<Gate>>& gates, absl::string_view id,
                           const CartRequest& cart) const {
  const auto found = gates.find(id);
  if (found == gates.end()) return true;
  return std::any_of(found->second.begin(), found->second.end(), [&](const Gate& gate) { return Served(gate, cart); });
}

bool ExperimentSet::AllowsPriceList(absl::string_view id, const CartRequest& cart) const {
  return Allows(price_list_gates_, id, cart);
}

bool ExperimentSet::AllowsPromotion(absl::string_view id, const CartRequest& cart) const {
  return Allows(promotion_gates_, id, cart);
}

const std::vector<Money>* ExperimentSet::FreeOverFor(absl::string_view method, const CartRequest& cart) const {
  const auto found = free_over_gates_.find(method);
  if (found == free_over_gates_.end()) return nullptr;
  for (const Gate& gate : found->second) {  // snapshot order: the earlier experiment wins
    if (!Served(gate, cart)) continue;
    for (const Variation::FreeOver& override : experiments_[gate.first].variations[gate.second].shipping) {
      if (override.method == method) return &override.free_over;
    }
  }
  return nullptr;
}

}  // namespace storefront
