#include "promotions/stage.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "absl/strings/str_cat.h"
#include "promotions/candidates.h"
#include "promotions/nudges.h"
#include "promotions/run.h"
#include "promotions/selection.h"
#include "storefront/base/status_macros.h"

namespace storefront::promotions {
namespace {

// promotions.md §8: coupon promotions always; automatic ones when they applied, were blocked
// after passing their own checks, or made progress towards an unmet condition.
bool Relevant(const Candidate& candidate, const PromotionOutcome& outcome, const Hint& hint) {
  if (!candidate.coupon.empty() || outcome.applied) return true;
  static constexpr const char* kBlocked[] = {
      promotion_reason::kNotCombinable,   promotion_reason::kStoppedBy,       promotion_reason::kNotSelected,
      promotion_reason::kCappedByFloor,   promotion_reason::kNoMatchingItems, promotion_reason::kUsageLimitReached,
      promotion_reason::kBudgetExhausted,
  };
  for (const char* reason : kBlocked) {
    if (outcome.reason == reason) return true;
  }
  if (outcome.reason != promotion_reason::kConditionNotMet) return false;
  return hint.shortfall.has_value() ? hint.shortfall->progress : hint.verdict.progress;
}

}  // namespace

absl::Status ApplyPromotionsAndShipping(const Snapshot& snapshot, const CartRequest& request, PricedCart& cart) {
  const CartView view = CartView::Of(snapshot, request, cart);
  SF_ASSIGN_OR_RETURN(const std::vector<Candidate> candidates, CollectCandidates(view, cart.issues));
  const StageInput input{&view, &candidates, &cart};
  std::vector<size_t> everyone(candidates.size());
  std::iota(everyone.begin(), everyone.end(), 0);

  std::optional<RunResult> result;
  bool truncated = false;
  if (snapshot.settings.promotion_selection == PromotionSelection::kBestForCustomer) {
    SF_ASSIGN_OR_RETURN(Selection selection,
                        SelectBestForCustomer(input, snapshot.settings.limits.max_promotion_combinations));
    truncated = selection.truncated;
    result = std::move(selection.best);
    ExplainSelection(input, *result);
  } else {
    // One run: it may consume the cart instead of copying it.
    SF_ASSIGN_OR_RETURN(result, Run(input, everyone, std::move(cart)));
  }
  RunResult& run = *result;
  if (truncated) {
    run.cart.issues.push_back(
        {issue_code::kPromotionSearchTruncated,
         absl::StrCat("the best-for-customer search stopped after ",
                      snapshot.settings.limits.max_promotion_combinations, " combinations; the best set found applies"),
         "/promotions"});
  }
  std::vector<Nudge> nudges;
  for (size_t m = 0; m < run.members.size(); ++m) {
    const Candidate& candidate = candidates[run.members[m]];
    if (!Relevant(candidate, run.outcomes[m], run.hints[m])) continue;
    SF_RETURN_IF_ERROR(AddNudges(candidate, run.outcomes[m], run.hints[m], *view.currency, nudges));
    run.cart.promotions.push_back(std::move(run.outcomes[m]));
  }
  for (Nudge& nudge : nudges) run.cart.nudges.push_back(std::move(nudge));
  SortNudges(run.cart.nudges);
  cart = std::move(run.cart);
  return absl::OkStatus();
}

}  // namespace storefront::promotions
