#include "promotions/candidates.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "storefront/base/status_macros.h"

namespace storefront::promotions {
namespace {

const PromotionCounter* FindCounter(const CartRequest& request, absl::string_view id) {
  const auto found =
      std::lower_bound(request.promotion_counters.begin(), request.promotion_counters.end(), id,
                       [](const PromotionCounter& counter, absl::string_view key) { return counter.promotion < key; });
  return found != request.promotion_counters.end() && found->promotion == id ? &*found : nullptr;
}

// The checks that do not depend on other promotions, in the documented order.
// `base_floors`: the lines' floors without a promotion margin, computed once for all candidates.
absl::Status CheckAlone(const CartView& view, std::optional<std::vector<int64_t>>& base_floors, Candidate& candidate) {
  const Promotion& promotion = *candidate.promotion;
  const CartRequest& request = *view.request;
  const auto fail = [&](const char* reason) {
    candidate.own_reason = reason;
    return absl::OkStatus();
  };
  if (!view.snapshot->experiments.AllowsPromotion(promotion.id, request)) {
    return fail(promotion_reason::kNotInVariation);
  }
  if (promotion.window.from.has_value() && request.at < *promotion.window.from) {
    return fail(promotion_reason::kNotYetActive);
  }
  if (promotion.window.until.has_value() && request.at >= *promotion.window.until) {
    return fail(promotion_reason::kExpired);
  }
  if (!promotion.channels.empty() &&
      std::find(promotion.channels.begin(), promotion.channels.end(), request.channel) == promotion.channels.end()) {
    return fail(promotion_reason::kChannelNotEligible);
  }
  bool unsupported = !ActionSupports(promotion.action, *view.currency);
  RunState before(view);
  if (promotion.condition.has_value()) {
    SF_ASSIGN_OR_RETURN(candidate.alone, Evaluate(*promotion.condition, Amounts{&view, &before.amounts}, unsupported));
  }
  if (unsupported) return fail(promotion_reason::kCurrencyNotSupported);
  if (!CustomerEligible(promotion.eligibility, request)) return fail(promotion_reason::kCustomerNotEligible);
  // A counter limits only what the promotion declares a limit for.
  const UsageLimits& limits = promotion.limits;
  if (const PromotionCounter* counter = FindCounter(request, promotion.id)) {
    if ((limits.uses.has_value() && counter->uses_left.has_value() && *counter->uses_left <= 0) ||
        (limits.uses_per_customer.has_value() && counter->customer_uses_left.has_value() &&
         *counter->customer_uses_left <= 0)) {
      return fail(promotion_reason::kUsageLimitReached);
    }
    if (limits.budget.has_value() && counter->budget_left.has_value()) {
      if (counter->budget_left->is_zero()) return fail(promotion_reason::kBudgetExhausted);
      candidate.budget_left = counter->budget_left->minor_units();
    }
  }
  if (promotion.min_margin.has_value()) {
    SF_ASSIGN_OR_RETURN(candidate.floors, LineFloors(view, promotion.min_margin));
    return absl::OkStatus();
  }
  if (!base_floors.has_value()) {
    SF_ASSIGN_OR_RETURN(base_floors, LineFloors(view, std::nullopt));
  }
  candidate.floors = *base_floors;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<Candidate>> CollectCandidates(const CartView& view, std::vector<Issue>& issues) {
  const PromotionSet& set = view.snapshot->promotions;
  const CartRequest& request = *view.request;
  const Promotion* first = set.all().data();
  std::vector<Candidate> candidates;
  absl::flat_hash_set<const Promotion*> seen;
  absl::flat_hash_set<std::string> codes;
  for (size_t i = 0; i < request.coupons.size(); ++i) {
    const std::string& typed = request.coupons[i];
    const std::string code = NormalizeCouponCode(typed);
    const Promotion* promotion = set.FindByCoupon(code);
    const std::string path = absl::StrCat("/coupons/", i);
    // An unknown code is unknown wherever it is typed; a known one counts once.
    if (promotion == nullptr) {
      issues.push_back({issue_code::kCouponUnknown, absl::StrCat("no promotion has the code \"", typed, "\""), path});
      continue;
    }
    if (!codes.insert(code).second || seen.contains(promotion)) {
      issues.push_back(
          {issue_code::kCouponDuplicate, absl::StrCat("the code \"", typed, "\" was already entered"), path});
      continue;
    }
    seen.insert(promotion);
    Candidate candidate;
    candidate.promotion = promotion;
    candidate.index = static_cast<size_t>(promotion - first);
    candidate.coupon = typed;
    candidate.coupon_index = i;
    candidates.push_back(std::move(candidate));
  }
  // An automatic promotion a served variation does not switch on does not exist for this cart;
  // only a coupon for one is worth explaining.
  const ExperimentSet& experiments = view.snapshot->experiments;
  const auto add_automatic = [&](absl::Span<const uint32_t> indices) {
    for (uint32_t index : indices) {
      const Promotion* promotion = &set.all()[index];
      if (!experiments.AllowsPromotion(promotion->id, request)) continue;
      if (!seen.insert(promotion).second) continue;
      Candidate candidate;
      candidate.promotion = promotion;
      candidate.index = index;
      candidates.push_back(std::move(candidate));
    }
  };
  add_automatic(set.AutomaticForEveryCart());
  for (const LineFacts& line : view.lines) {
    for (const std::string& key : line.keys) add_automatic(set.AutomaticFor(key));
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.promotion->priority != b.promotion->priority) return a.promotion->priority > b.promotion->priority;
    return a.promotion->id < b.promotion->id;
  });
  std::optional<std::vector<int64_t>> base_floors;
  for (Candidate& candidate : candidates) SF_RETURN_IF_ERROR(CheckAlone(view, base_floors, candidate));
  return candidates;
}

}  // namespace storefront::promotions
