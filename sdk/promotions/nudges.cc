#include "promotions/nudges.h"

#include <algorithm>
#include <tuple>

namespace storefront::promotions {
namespace {

Money MoneyOf(int64_t minor_units, const Currency& currency) { return Money::FromMinorUnits(minor_units, currency); }

Nudge AddItems(const std::string& promotion, int64_t missing_quantity) {
  Nudge nudge;
  nudge.type = "add_items";
  nudge.promotion = promotion;
  nudge.missing_quantity = missing_quantity;
  return nudge;
}

Nudge SpendMore(const std::string& promotion, int64_t threshold, int64_t missing, std::optional<int64_t> saving,
                const Currency& currency) {
  Nudge nudge;
  nudge.type = "spend_more";
  nudge.promotion = promotion;
  nudge.threshold = MoneyOf(threshold, currency);
  nudge.missing = MoneyOf(missing, currency);
  if (saving.has_value()) nudge.saving = MoneyOf(*saving, currency);
  return nudge;
}

// What reaching the condition would save, when the action fixes it in advance.
std::optional<int64_t> FixedSaving(const Action& action, const Currency& currency) {
  const bool fixed = action.type == Action::Type::kOrderAmountOff || action.type == Action::Type::kAmountOffItems;
  if (!fixed || !action.amount.has_value()) return std::nullopt;
  const Money* amount = AmountIn(*action.amount, currency);
  return amount != nullptr ? std::optional<int64_t>(amount->minor_units()) : std::nullopt;
}

std::optional<int64_t> TierSaving(const Action::SpendTier& tier, const Currency& currency) {
  if (!tier.amount.has_value()) return std::nullopt;
  const Money* amount = AmountIn(*tier.amount, currency);
  return amount != nullptr ? std::optional<int64_t>(amount->minor_units()) : std::nullopt;
}

}  // namespace

absl::Status AddNudges(const Candidate& candidate, const PromotionOutcome& outcome, const Hint& hint,
                       const Currency& currency, std::vector<Nudge>& nudges) {
  const Promotion& promotion = *candidate.promotion;
  const Action& action = promotion.action;
  if (outcome.reason == promotion_reason::kConditionNotMet) {
    if (hint.shortfall.has_value()) {
      // A tiered spend below its first tier, or too little for one loyalty point.
      const std::optional<int64_t> saving =
          action.type == Action::Type::kTieredSpend ? TierSaving(action.tiers[0], currency) : std::nullopt;
      if (hint.shortfall->missing_quantity.has_value()) {
        nudges.push_back(AddItems(promotion.id, *hint.shortfall->missing_quantity));
      } else if (action.type == Action::Type::kTieredSpend) {
        nudges.push_back(
            SpendMore(promotion.id, *hint.shortfall->threshold, *hint.shortfall->missing_amount, saving, currency));
      }
    } else if (hint.verdict.fixable) {
      if (hint.verdict.missing_quantity.has_value()) {
        nudges.push_back(AddItems(promotion.id, *hint.verdict.missing_quantity));
      } else if (hint.verdict.missing_amount.has_value()) {
        nudges.push_back(SpendMore(promotion.id, *hint.verdict.threshold, *hint.verdict.missing_amount,
                                   FixedSaving(action, currency), currency));
      }
    }
    return absl::OkStatus();
  }
  if (hint.add_quantity.has_value() && *hint.add_quantity > 0) {
    nudges.push_back(AddItems(promotion.id, *hint.add_quantity));
  }
  if (outcome.applied && hint.next_tier.has_value()) {
    const NextTier& next = *hint.next_tier;
    if (next.by_quantity) {
      nudges.push_back(AddItems(promotion.id, next.missing));
    } else {
      nudges.push_back(SpendMore(promotion.id, next.threshold, next.missing, next.saving, currency));
    }
  }
  return absl::OkStatus();
}

void SortNudges(std::vector<Nudge>& nudges) {
  const auto key = [](const Nudge& nudge) {
    const int64_t missing =
        nudge.missing_quantity.value_or(nudge.missing.has_value() ? nudge.missing->minor_units() : 0);
    return std::make_tuple(nudge.type, missing, nudge.promotion.empty() ? nudge.method : nudge.promotion);
  };
  std::stable_sort(nudges.begin(), nudges.end(), [&](const Nudge& a, const Nudge& b) { return key(a) < key(b); });
}

}  // namespace storefront::promotions
