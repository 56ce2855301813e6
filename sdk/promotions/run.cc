#include "promotions/run.h"

#include <algorithm>
#include <utility>

#include "promotions/arithmetic.h"
#include "storefront/base/status_macros.h"
#include "storefront/shipping/shipping.h"

namespace storefront::promotions {
namespace {

Money MoneyOf(int64_t minor_units, const Currency& currency) { return Money::FromMinorUnits(minor_units, currency); }

// A free gift line after the request's lines: price zero, marked with the promotion.
absl::Status AddGift(const Snapshot& snapshot, const Promotion& promotion, PricedCart& cart) {
  const std::optional<Catalog::VariantRef> found = snapshot.catalog.FindSku(promotion.action.sku);
  if (!found.has_value()) return absl::OkStatus();  // PromotionSet::Build checked the SKU
  PricedLine gift(*cart.currency);
  gift.index = cart.lines.size();
  gift.sku = found->variant->sku;
  gift.product_id = found->product->id;
  gift.title = found->product->title;
  gift.variant_title = found->variant->title;
  gift.quantity = promotion.action.quantity;
  gift.gift_of = promotion.id;
  cart.lines.push_back(std::move(gift));
  return absl::OkStatus();
}

// The shipping discount of one promotion on an amount of `shipping` minor units.
int64_t ShippingDiscount(const Action& action, int64_t shipping, const CartView& view) {
  if (action.free_shipping) return shipping;
  if (action.percent.has_value()) return std::min(shipping, PercentOf(shipping, *action.percent, view.rounding));
  return std::min(shipping, AmountIn(*action.amount, *view.currency)->minor_units());
}

bool ListsMethod(const Action& action, const std::string& method) {
  return action.methods.empty() ||
         std::find(action.methods.begin(), action.methods.end(), method) != action.methods.end();
}

// Shipping promotions, in order, on the quote the lines' discounts produced.
void ApplyShipping(const StageInput& input, const std::vector<size_t>& pending, RunResult& run) {
  const CartView& view = *input.view;
  for (size_t member : pending) {
    const Candidate& candidate = (*input.candidates)[run.members[member]];
    const Action& action = candidate.promotion->action;
    PromotionOutcome& outcome = run.outcomes[member];
    ShippingQuote* quote = run.cart.shipping.has_value() ? &*run.cart.shipping : nullptr;
    // Options show what the promotion would take off; only a selected method is charged.
    if (quote != nullptr && quote->options.has_value()) {
      for (ShippingOption& option : *quote->options) {
        if (!option.available() || option.amount->is_zero() || !ListsMethod(action, option.method)) continue;
        const int64_t off = ShippingDiscount(action, option.amount->minor_units(), view);
        option.amount = MoneyOf(option.amount->minor_units() - off, *view.currency);
        option.discount = MoneyOf(off + (option.discount ? option.discount->minor_units() : 0), *view.currency);
      }
    }
    int64_t off = 0;
    if (quote != nullptr && quote->available && !quote->amount.is_zero() && ListsMethod(action, quote->method)) {
      off = ShippingDiscount(action, quote->amount.minor_units(), view);
    }
    if (candidate.budget_left.has_value() && off > *candidate.budget_left) {
      off = *candidate.budget_left;
      outcome.capped_by_budget = true;
    }
    if (off == 0) {
      outcome.reason = promotion_reason::kNoMatchingItems;
      outcome.capped_by_budget = false;
      run.applied.erase(std::find(run.applied.begin(), run.applied.end(), run.members[member]));
      continue;
    }
    quote->amount = MoneyOf(quote->amount.minor_units() - off, *view.currency);
    quote->discount = MoneyOf(off + (quote->discount ? quote->discount->minor_units() : 0), *view.currency);
    quote->discounts.push_back({candidate.promotion->id, MoneyOf(off, *view.currency)});
    outcome.applied = true;
    outcome.saving = MoneyOf(off, *view.currency);
    outcome.uses = 1;
    if (candidate.promotion->limits.budget.has_value()) outcome.budget_used = outcome.saving;
    run.saving += off;
  }
  // A method a promotion made free needs no "spend more for free shipping" nudge.
  const auto is_free = [&](const std::string& method) {
    const ShippingQuote* quote = run.cart.shipping.has_value() ? &*run.cart.shipping : nullptr;
    if (quote == nullptr) return false;
    if (quote->method == method && quote->available && quote->discount.has_value() && quote->amount.is_zero()) {
      return true;
    }
    if (!quote->options.has_value()) return false;
    return std::any_of(quote->options->begin(), quote->options->end(), [&](const ShippingOption& option) {
      return option.method == method && option.discount.has_value() && option.amount->is_zero();
    });
  };
  std::vector<Nudge>& nudges = run.cart.nudges;
  nudges.erase(
      std::remove_if(nudges.begin(), nudges.end(),
                     [&](const Nudge& nudge) { return nudge.type == "free_shipping" && is_free(nudge.method); }),
      nudges.end());
}

}  // namespace

void ReportShortfall(const std::string& path, std::optional<int64_t> missing_amount,
                     std::optional<int64_t> missing_quantity, const Currency& currency, PromotionOutcome& outcome) {
  outcome.reason = promotion_reason::kConditionNotMet;
  outcome.condition = path;
  if (missing_amount.has_value()) outcome.missing_amount = MoneyOf(*missing_amount, currency);
  outcome.missing_quantity = missing_quantity;
}

Block Blocked(const std::vector<Candidate>& candidates, const std::vector<size_t>& applied, size_t candidate) {
  const Promotion& promotion = *candidates[candidate].promotion;
  // Candidates are in application order, so a lower index applies earlier.
  for (size_t other : applied) {
    if (other < candidate && candidates[other].promotion->stop_after) {
      return {promotion_reason::kStoppedBy, candidates[other].promotion->id};
    }
  }
  for (size_t other : applied) {
    const Promotion& earlier = *candidates[other].promotion;
    const bool combine = !earlier.exclusive && !promotion.exclusive &&
                         earlier.CombinesWith(promotion.action.ClassOf()) &&
                         promotion.CombinesWith(earlier.action.ClassOf());
    if (!combine) return {promotion_reason::kNotCombinable, earlier.id};
  }
  return {};
}

absl::StatusOr<RunResult> Run(const StageInput& input, const std::vector<size_t>& members, PricedCart base) {
  const CartView& view = *input.view;
  const Currency& currency = *view.currency;
  const std::vector<Candidate>& candidates = *input.candidates;
  RunResult run(std::move(base));
  run.members = members;
  RunState state(view);
  std::vector<std::vector<AppliedDiscount>> line_discounts(view.lines.size());
  std::vector<size_t> pending_shipping;  // positions in `members`

  for (size_t m = 0; m < members.size(); ++m) {
    const Candidate& candidate = candidates[members[m]];
    const Promotion& promotion = *candidate.promotion;
    PromotionOutcome outcome;
    outcome.promotion = promotion.id;
    outcome.coupon = candidate.coupon;
    outcome.coupon_index = candidate.coupon_index;
    Hint hint;
    const auto finish = [&] {
      run.outcomes.push_back(std::move(outcome));
      run.hints.push_back(std::move(hint));
    };
    if (!candidate.own_reason.empty()) {
      outcome.reason = candidate.own_reason;
      finish();
      continue;
    }
    if (promotion.condition.has_value()) {
      bool unsupported = false;  // ruled out by the own checks
      SF_ASSIGN_OR_RETURN(hint.verdict, Evaluate(*promotion.condition, Amounts{&view, &state.amounts}, unsupported));
      if (!hint.verdict.met) {
        ReportShortfall(hint.verdict.failing->path, hint.verdict.missing_amount, hint.verdict.missing_quantity,
                        currency, outcome);
        finish();
        continue;
      }
    }
    const Block block = Blocked(candidates, run.applied, members[m]);
    if (!block.reason.empty()) {
      outcome.reason = block.reason;
      outcome.blocked_by = block.by;
      finish();
      continue;
    }
    SF_ASSIGN_OR_RETURN(Effect effect, ComputeEffect(promotion, candidate.index, state, candidate.floors));
    hint.shortfall = effect.shortfall;
    hint.add_quantity = effect.add_quantity;
    hint.next_tier = effect.next_tier;
    if (effect.shortfall.has_value()) {
      ReportShortfall(effect.shortfall->path, effect.shortfall->missing_amount, effect.shortfall->missing_quantity,
                      currency, outcome);
      finish();
      continue;
    }
    if (effect.shipping) {
      // Its place in the order is taken now; its amount waits for the shipping quote.
      run.applied.push_back(members[m]);
      pending_shipping.push_back(m);
      finish();
      continue;
    }
    int64_t saving = effect.LineTotal();
    if (saving == 0 && effect.points == 0 && !effect.gift) {
      outcome.reason = effect.capped_by_floor ? promotion_reason::kCappedByFloor : promotion_reason::kNoMatchingItems;
      finish();
      continue;
    }
    if (candidate.budget_left.has_value() && saving > *candidate.budget_left) {
      effect.lines = AllocateProportionally(*candidate.budget_left, effect.lines, currency);
      saving = *candidate.budget_left;
      outcome.capped_by_budget = true;
    }
    for (size_t i = 0; i < effect.lines.size(); ++i) {
      if (effect.lines[i] == 0) continue;
      state.amounts[i] -= effect.lines[i];
      state.discounted[i] = true;
      line_discounts[i].push_back({promotion.id, MoneyOf(effect.lines[i], currency)});
    }
    if (effect.gift) SF_RETURN_IF_ERROR(AddGift(*view.snapshot, promotion, run.cart));
    outcome.applied = true;
    if (effect.capped_by_floor) outcome.reason = promotion_reason::kCappedByFloor;
    outcome.saving = MoneyOf(saving, currency);  // 0.00 for gifts and points, which are not money
    outcome.points = effect.points;
    outcome.uses = 1;
    if (promotion.limits.budget.has_value()) outcome.budget_used = MoneyOf(saving, currency);
    run.saving += saving;
    run.applied.push_back(members[m]);
    finish();
  }

  for (size_t i = 0; i < view.lines.size(); ++i) {
    PricedLine& line = run.cart.lines[view.lines[i].line];
    line.discount_total = MoneyOf(line.subtotal.minor_units() - state.amounts[i], currency);
    line.discounts = std::move(line_discounts[i]);
  }
  const Snapshot& snapshot = *view.snapshot;
  SF_RETURN_IF_ERROR(QuoteShipping(snapshot.shipping, snapshot.catalog, snapshot.experiments, *view.request, run.cart));
  ApplyShipping(input, pending_shipping, run);
  return run;
}

}  // namespace storefront::promotions
