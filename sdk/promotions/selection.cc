#include "promotions/selection.h"

#include <algorithm>
#include <utility>

#include "storefront/base/status_macros.h"

namespace storefront::promotions {
namespace {

// Larger saving; then fewer promotions; then the smaller list of ids in application order.
bool Better(const RunResult& a, const RunResult& b, const std::vector<Candidate>& candidates) {
  if (a.saving != b.saving) return a.saving > b.saving;
  if (a.applied.size() != b.applied.size()) return a.applied.size() < b.applied.size();
  return std::lexicographical_compare(
      a.applied.begin(), a.applied.end(), b.applied.begin(), b.applied.end(),
      [&](size_t x, size_t y) { return candidates[x].promotion->id < candidates[y].promotion->id; });
}

class Search {
 public:
  Search(const StageInput& input, int64_t max_sets) : input_(input), max_sets_(max_sets) {
    for (size_t c = 0; c < input.candidates->size(); ++c) {
      const Candidate& candidate = (*input.candidates)[c];
      if (candidate.own_reason.empty() && candidate.alone.met) eligible_.push_back(c);
    }
  }

  absl::StatusOr<Selection> Start() {
    std::vector<size_t> chosen;
    SF_RETURN_IF_ERROR(Visit(0, chosen));
    // The empty set is no combination: it is the answer only when nothing else was evaluated.
    if (!selection_.best.has_value()) {
      SF_ASSIGN_OR_RETURN(RunResult none, Run(input_, {}, *input_.base));
      selection_.best = std::move(none);
    }
    return std::move(selection_);
  }

 private:
  // Including a candidate before excluding it, so the first set is the greedy one.
  absl::Status Visit(size_t position, std::vector<size_t>& chosen) {
    if (selection_.truncated) return absl::OkStatus();
    if (position == eligible_.size()) return Evaluate(chosen);
    const size_t candidate = eligible_[position];
    if (Blocked(*input_.candidates, chosen, candidate).reason.empty()) {
      chosen.push_back(candidate);
      SF_RETURN_IF_ERROR(Visit(position + 1, chosen));
      chosen.pop_back();
    }
    return Visit(position + 1, chosen);
  }

  absl::Status Evaluate(const std::vector<size_t>& chosen) {
    if (chosen.empty()) return absl::OkStatus();
    if (selection_.evaluated == max_sets_) {
      selection_.truncated = true;
      return absl::OkStatus();
    }
    ++selection_.evaluated;
    SF_ASSIGN_OR_RETURN(RunResult run, Run(input_, chosen, *input_.base));
    if (!selection_.best.has_value() || Better(run, *selection_.best, *input_.candidates)) {
      selection_.best = std::move(run);
    }
    return absl::OkStatus();
  }

  const StageInput& input_;
  const int64_t max_sets_;
  std::vector<size_t> eligible_;
  Selection selection_;
};

}  // namespace

absl::StatusOr<Selection> SelectBestForCustomer(const StageInput& input, int64_t max_sets) {
  return Search(input, max_sets).Start();
}

void ExplainSelection(const StageInput& input, RunResult& best) {
  const std::vector<Candidate>& candidates = *input.candidates;
  std::vector<PromotionOutcome> outcomes;
  std::vector<Hint> hints;
  std::vector<size_t> members;
  for (size_t c = 0; c < candidates.size(); ++c) {
    members.push_back(c);
    const auto member = std::find(best.members.begin(), best.members.end(), c);
    if (member != best.members.end()) {
      outcomes.push_back(std::move(best.outcomes[member - best.members.begin()]));
      hints.push_back(std::move(best.hints[member - best.members.begin()]));
      continue;
    }
    const Candidate& candidate = candidates[c];
    PromotionOutcome outcome;
    outcome.promotion = candidate.promotion->id;
    outcome.coupon = candidate.coupon;
    outcome.coupon_index = candidate.coupon_index;
    Hint hint;
    hint.verdict = candidate.alone;
    if (!candidate.own_reason.empty()) {
      outcome.reason = candidate.own_reason;
    } else if (!candidate.alone.met) {
      ReportShortfall(candidate.alone.failing->path, candidate.alone.missing_amount, candidate.alone.missing_quantity,
                      *input.view->currency, outcome);
    } else {
      Block block = Blocked(candidates, best.applied, c);
      // Blocked looks back; a stop_after candidate also conflicts with every member after it.
      for (size_t other : best.applied) {
        if (block.reason.empty() && candidate.promotion->stop_after && other > c) {
          block = {promotion_reason::kNotCombinable, candidates[other].promotion->id};
        }
      }
      outcome.reason = block.reason.empty() ? promotion_reason::kNotSelected : block.reason;
      outcome.blocked_by = block.by;
    }
    outcomes.push_back(std::move(outcome));
    hints.push_back(std::move(hint));
  }
  best.members = std::move(members);
  best.outcomes = std::move(outcomes);
  best.hints = std::move(hints);
}

}  // namespace storefront::promotions
