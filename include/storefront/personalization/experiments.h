// Experiments: GrowthBook-compatible assignment, and what a variation switches
// (docs/concepts/personalization.md §2).
//
// An experiment assigns a customer a variation with GrowthBook's published algorithm, so a test
// defined in GrowthBook serves the same variation here, in the browser, at the edge and on the
// server. A variation may switch price lists and promotions on, and replace a shipping method's
// free-shipping threshold. ExperimentSet::Build validates every reference and indexes what is
// gated; it is immutable afterwards.
#ifndef STOREFRONT_PERSONALIZATION_EXPERIMENTS_H_
#define STOREFRONT_PERSONALIZATION_EXPERIMENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "storefront/money/money.h"
#include "storefront/personalization/bucketing.h"

namespace storefront {

struct CartRequest;
class PricingRules;
class PromotionSet;
class ShippingConfig;

inline constexpr int kMaxExperiments = 100;
inline constexpr int kMaxVariations = 20;

struct Variation {
  std::string key;
  std::string name;
  std::vector<std::string> price_lists;  // switched on for carts served this variation
  std::vector<std::string> promotions;   // likewise
  struct FreeOver {
    std::string method;
    std::vector<Money> free_over;  // replaces the free_over of every rate of `method`
  };
  std::vector<FreeOver> shipping;
};

struct Experiment {
  std::string key;
  std::string name;
  bool active = true;
  std::string hash_attribute = "id";  // "id": the customer id; otherwise a customer attribute
  int hash_version = 1;               // GrowthBook's default
  std::string seed;                   // the key when the snapshot gives none
  // The bucket ranges of the weights and coverage, computed once at load exactly as GrowthBook
  // computes them.
  std::vector<bucketing::BucketRange> ranges;
  std::optional<bucketing::Namespace> name_space;
  std::vector<std::string> segments;  // targeting: any of; empty: everyone
  std::optional<int32_t> force;
  std::vector<Variation> variations;
};

// Why a customer is not in an experiment (the `reason` of an assignment).
namespace experiment_reason {
inline constexpr absl::string_view kForcedByCart = "forced_by_cart";
inline constexpr absl::string_view kInactive = "inactive";
inline constexpr absl::string_view kNoHashValue = "no_hash_value";
inline constexpr absl::string_view kNotInNamespace = "not_in_namespace";
inline constexpr absl::string_view kNotTargeted = "not_targeted";
inline constexpr absl::string_view kNotCovered = "not_covered";
inline constexpr absl::string_view kForced = "forced";
}  // namespace experiment_reason

// One experiment's outcome for one cart, as analytics records it.
struct ExperimentAssignment {
  std::string experiment;
  int32_t variation = 0;  // served: the assigned one, or 0 (control) when not in the experiment
  std::string variation_key;
  bool in_experiment = false;
  std::string hash_attribute;
  std::string hash_value;
  std::optional<std::string> bucket;  // the hash as an exact decimal, when it was computed
  std::string reason;                 // an experiment_reason when not in the experiment
};

class ExperimentSet {
 public:
  // Validates references (`unknown_price_list`, `unknown_promotion`, `unknown_shipping_method`,
  // paths "/experiments/i/variations/j/...") and indexes gated price lists, promotions and
  // threshold overrides.
  static absl::StatusOr<ExperimentSet> Build(std::vector<Experiment> experiments, const PricingRules& pricing,
                                             const PromotionSet& promotions, const ShippingConfig& shipping);

  ExperimentSet() = default;

  absl::Span<const Experiment> all() const { return experiments_; }
  const Experiment* Find(absl::string_view key) const;

  // Assigns `cart` (its customer, its `variations` overrides) to `experiment`. `segments` are the
  // customer's segments after segment evaluation.
  ExperimentAssignment Assign(const Experiment& experiment, const CartRequest& cart,
                              absl::Span<const std::string> segments) const;

  // For a cart whose `variations` hold the served variation of every experiment (the engine's
  // personalized request): whether a price list or promotion may apply — it is not gated, or a
  // served variation switches it on — and the free-shipping threshold a served variation sets
  // for a shipping method (nullptr: the method's own).
  bool AllowsPriceList(absl::string_view id, const CartRequest& cart) const;
  bool AllowsPromotion(absl::string_view id, const CartRequest& cart) const;
  const std::vector<Money>* FreeOverFor(absl::string_view method, const CartRequest& cart) const;

 private:
  // A variation that switches something: (experiment index, variation index).
  using Gate = std::pair<uint32_t, int32_t>;
  bool Served(const Gate& gate, const CartRequest& cart) const;
  bool Allows(const absl::flat_hash_map<std::string, std::vector<Gate>>& gates, absl::string_view id,
              const CartRequest& cart) const;

  std::vector<Experiment> experiments_;
  absl::flat_hash_map<std::string, uint32_t> by_key_;
  absl::flat_hash_map<std::string, std::vector<Gate>> price_list_gates_;
  absl::flat_hash_map<std::string, std::vector<Gate>> promotion_gates_;
  absl::flat_hash_map<std::string, std::vector<Gate>> free_over_gates_;  // by method, snapshot order
};

}  // namespace storefront

#endif  // STOREFRONT_PERSONALIZATION_EXPERIMENTS_H_
