#include "shipping/rates.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::shipping {
namespace {

absl::Status CheckNotNegative(const std::vector<Money>& amounts, absl::string_view path) {
  for (const Money& amount : amounts) {
    if (amount.is_negative()) {
      return InputError(error_code::kInvalidValue, "a shipping amount must not be negative",
                        absl::StrCat(path, "/", amount.currency().code));
    }
  }
  return absl::OkStatus();
}

// An empty map would make the rate unavailable in every currency: certainly a mistake.
absl::Status CheckAmounts(const std::vector<Money>& amounts, absl::string_view path) {
  if (amounts.empty()) return InputError(error_code::kInvalidValue, "give an amount in at least one currency", path);
  return CheckNotNegative(amounts, path);
}

bool SameCurrencies(const std::vector<Money>& a, const std::vector<Money>& b) {
  if (a.size() != b.size()) return false;
  for (const Money& amount : a) {
    if (AmountIn(b, amount.currency()) == nullptr) return false;
  }
  return true;
}

// Every tier prices the currencies of the first, so a rate is either priced in a currency at
// every weight or subtotal, or not at all (`no_rate_in_currency`): never a gap in the middle.
absl::Status CheckTierCurrencies(const std::vector<Money>& amounts, const std::vector<Money>& first,
                                 absl::string_view path) {
  if (SameCurrencies(amounts, first)) return absl::OkStatus();
  return InputError(error_code::kInvalidTiers, "every tier must list exactly the currencies of the first tier", path);
}

absl::Status ValidateWeightTiers(const std::vector<WeightTier>& tiers, absl::string_view path) {
  for (size_t i = 0; i < tiers.size(); ++i) {
    const std::string tier_path = absl::StrCat(path, "/", i);
    SF_RETURN_IF_ERROR(CheckAmounts(tiers[i].amount, absl::StrCat(tier_path, "/amount")));
    SF_RETURN_IF_ERROR(CheckTierCurrencies(tiers[i].amount, tiers[0].amount, absl::StrCat(tier_path, "/amount")));
    if (tiers[i].up_to_grams < 0) {
      return InputError(error_code::kInvalidValue, "a weight must not be negative",
                        absl::StrCat(tier_path, "/up_to_grams"));
    }
    if (i > 0 && tiers[i].up_to_grams <= tiers[i - 1].up_to_grams) {
      return InputError(error_code::kInvalidTiers,
                        absl::StrCat("up_to_grams must increase strictly: ", tiers[i].up_to_grams, " follows ",
                                     tiers[i - 1].up_to_grams),
                        absl::StrCat(tier_path, "/up_to_grams"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateSubtotalTiers(const std::vector<SubtotalTier>& tiers, absl::string_view path) {
  for (size_t i = 0; i < tiers.size(); ++i) {
    const std::string tier_path = absl::StrCat(path, "/", i);
    SF_RETURN_IF_ERROR(CheckAmounts(tiers[i].amount, absl::StrCat(tier_path, "/amount")));
    SF_RETURN_IF_ERROR(CheckTierCurrencies(tiers[i].amount, tiers[0].amount, absl::StrCat(tier_path, "/amount")));
    SF_RETURN_IF_ERROR(CheckTierCurrencies(tiers[i].from, tiers[0].amount, absl::StrCat(tier_path, "/from")));
    for (const Money& from : tiers[i].from) {
      const std::string from_path = absl::StrCat(tier_path, "/from/", from.currency().code);
      // Starting at zero means every cart falls in some tier: no subtotal is left unpriced.
      if (i == 0 && !from.is_zero()) {
        return InputError(error_code::kInvalidTiers, "the first subtotal tier must start at 0", from_path);
      }
      if (i > 0 && from.minor_units() <= AmountIn(tiers[i - 1].from, from.currency())->minor_units()) {
        return InputError(error_code::kInvalidTiers, "subtotal tiers must start at strictly increasing amounts",
                          from_path);
      }
    }
  }
  return absl::OkStatus();
}

// Members that belong to another rate type are a contradiction, not something to ignore. (The
// JSON reader never produces one; the check guards ShippingConfig::Build's C++ callers.)
absl::Status CheckMembersMatchType(const ShippingRate& rate, absl::string_view path) {
  const bool tiered = rate.type == RateType::kWeightTiers || rate.type == RateType::kSubtotalTiers;
  const bool stray = (tiered && !rate.amount.empty()) ||
                     (rate.type != RateType::kWeightTiers && !rate.weight_tiers.empty()) ||
                     (rate.type != RateType::kSubtotalTiers && !rate.subtotal_tiers.empty());
  if (stray) return InputError(error_code::kInvalidValue, "the rate has members of another rate type", path);
  return absl::OkStatus();
}

RatePrice Unavailable(absl::string_view reason) {
  RatePrice price;
  price.reason = reason;
  return price;
}

}  // namespace

absl::Status ValidateRate(const ShippingRate& rate, absl::string_view path) {
  const std::string tiers_path = absl::StrCat(path, "/tiers");
  SF_RETURN_IF_ERROR(CheckMembersMatchType(rate, path));
  switch (rate.type) {
    case RateType::kFlat:
    case RateType::kPerItem:
      SF_RETURN_IF_ERROR(CheckAmounts(rate.amount, absl::StrCat(path, "/amount")));
      break;
    case RateType::kWeightTiers:
      if (rate.weight_tiers.empty()) {
        return InputError(error_code::kInvalidTiers, "give at least one tier", tiers_path);
      }
      SF_RETURN_IF_ERROR(ValidateWeightTiers(rate.weight_tiers, tiers_path));
      break;
    case RateType::kSubtotalTiers:
      if (rate.subtotal_tiers.empty()) {
        return InputError(error_code::kInvalidTiers, "give at least one tier", tiers_path);
      }
      SF_RETURN_IF_ERROR(ValidateSubtotalTiers(rate.subtotal_tiers, tiers_path));
      break;
  }
  return CheckNotNegative(rate.free_over, absl::StrCat(path, "/free_over"));
}

absl::StatusOr<RatePrice> PriceRate(const ShippingRate& rate, const CartMeasures& cart,
                                    const std::vector<Money>* free_over) {
  const Money& subtotal = cart.compared_subtotal;
  const Currency& currency = subtotal.currency();
  const Money* base = nullptr;
  Money per_order = Money::Zero(currency);
  switch (rate.type) {
    case RateType::kFlat:
      base = AmountIn(rate.amount, currency);
      break;
    case RateType::kPerItem:
      if (const Money* per_item = AmountIn(rate.amount, currency)) {
        SF_ASSIGN_OR_RETURN(per_order, per_item->Times(cart.item_count));
        base = &per_order;
      }
      break;
    case RateType::kWeightTiers:
      if (AmountIn(rate.weight_tiers.front().amount, currency) == nullptr) break;
      for (const WeightTier& tier : rate.weight_tiers) {
        if (cart.weight_grams <= tier.up_to_grams) {
          base = AmountIn(tier.amount, currency);
          break;
        }
      }
      if (base == nullptr) return Unavailable(shipping_reason::kTooHeavy);
      break;
    case RateType::kSubtotalTiers:
      // The last tier starting at or below the subtotal. The first starts at zero; a subtotal
      // below zero (which promotions never produce) would still get the first tier.
      for (const SubtotalTier& tier : rate.subtotal_tiers) {
        const Money* from = AmountIn(tier.from, currency);
        if (from == nullptr) break;
        if (base == nullptr || from->minor_units() <= subtotal.minor_units()) base = AmountIn(tier.amount, currency);
      }
      break;
  }
  if (base == nullptr) return Unavailable(shipping_reason::kNoRateInCurrency);
  RatePrice price;
  // An experiment's threshold replaces the rate's in the currencies it gives.
  const Money* threshold = free_over != nullptr ? AmountIn(*free_over, currency) : nullptr;
  if (threshold == nullptr) threshold = AmountIn(rate.free_over, currency);
  if (threshold != nullptr && subtotal.minor_units() >= threshold->minor_units()) {
    price.amount = Money::Zero(currency);
    price.free = true;
    return price;
  }
  price.amount = *base;
  // Nothing to nudge towards when shipping already costs nothing.
  if (threshold != nullptr && !base->is_zero()) price.free_over = *threshold;
  return price;
}

}  // namespace storefront::shipping
