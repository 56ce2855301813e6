// Best for customer: the admissible set of candidates that saves the most, by a bounded
// depth-first search (promotions.md, §6). Internal.
#ifndef STOREFRONT_SDK_PROMOTIONS_SELECTION_H_
#define STOREFRONT_SDK_PROMOTIONS_SELECTION_H_

#include <cstdint>
#include <optional>

#include "absl/status/statusor.h"
#include "promotions/run.h"

namespace storefront::promotions {

struct Selection {
  std::optional<RunResult> best;
  bool truncated = false;  // the bound stopped the search
  int64_t evaluated = 0;
};

// Evaluates at most `max_sets` admissible sets of the candidates that pass their own checks.
absl::StatusOr<Selection> SelectBestForCustomer(const StageInput& input, int64_t max_sets);

// Replaces the outcomes of the winning run with one outcome per candidate, in candidate order:
// members keep theirs; the others say why they are not in the set.
void ExplainSelection(const StageInput& input, RunResult& best);

}  // namespace storefront::promotions

#endif  // STOREFRONT_SDK_PROMOTIONS_SELECTION_H_
