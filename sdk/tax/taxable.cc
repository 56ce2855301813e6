#include "tax/taxable.h"

#include <algorithm>

#include "storefront/money/allocation.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::tax {
namespace {

using Level = TaxSettings::RoundingLevel;

bool Listed(const std::vector<size_t>& rates, size_t rate) {
  return std::find(rates.begin(), rates.end(), rate) != rates.end();
}

// The rate's effective fraction of the net (10⁻¹² units): p/100, times (1 + Σ the effective
// fractions of the applicable rates it compounds on). Exact for one level of compounding; a
// deeper chain is truncated at 10⁻¹² (tax.md §1). Build rejects cycles, so this terminates.
int64_t Effective(const TaxConfig& config, const std::vector<size_t>& applicable, size_t rate) {
  const TaxRate& r = config.rates()[rate];
  int64_t on = kScale;
  for (size_t q : r.compounds_on) {
    if (Listed(applicable, q)) on += Effective(config, applicable, q);
  }
  return static_cast<int64_t>(absl::int128(FractionOf(r.percent)) * on / kScale);
}

// The per-unit threshold of `rate` in `currency`, when it has one there.
const Money* ThresholdIn(const TaxRate& rate, const Currency& currency) {
  return rate.threshold.has_value() ? AmountIn(rate.threshold->amount, currency) : nullptr;
}

Taxed TaxNet(const TaxConfig& config, const Taxable& item, const Currency& currency, Carries& carries) {
  const TaxSettings& settings = config.settings();
  Taxed taxed;
  taxed.net = item.amount;
  if (item.exempt) {
    taxed.charged = item.amount;
    return taxed;
  }
  const int64_t unit = UnitValue(item.amount, item.quantity);
  std::vector<RateTax> computed;  // evaluation order
  std::vector<int64_t> unit_taxes;
  for (size_t rate : item.rates) {
    const TaxRate& r = config.rates()[rate];
    // The amount this rate sees, per unit and per item.
    int64_t unit_base = unit;
    int64_t base = item.amount;
    if (const Money* threshold = ThresholdIn(r, currency)) {
      const int64_t limit = threshold->minor_units();
      if (r.threshold->mode == TaxThreshold::Mode::kExemptBelow) {
        if (unit < limit) continue;
      } else {
        unit_base = std::max<int64_t>(0, unit - limit);
        base = unit_base * item.quantity;
      }
    }
    for (size_t k = 0; k < computed.size(); ++k) {
      if (!Listed(r.compounds_on, computed[k].rate)) continue;
      unit_base += unit_taxes[k];
      base += computed[k].amount;
    }
    const int64_t fraction = item.zero_charged ? 0 : FractionOf(r.percent);
    int64_t amount = 0;
    switch (settings.rounding_level) {
      case Level::kUnit:
        amount = Apply(unit_base, fraction, settings.rounding_mode) * item.quantity;
        base = unit_base * item.quantity;
        break;
      case Level::kLine:
        amount = Apply(base, fraction, settings.rounding_mode);
        break;
      case Level::kTotal: {
        auto carry = carries.exclusive.try_emplace(rate, kScale, settings.rounding_mode).first;
        amount = carry->second.Add(absl::int128(base) * fraction);
        break;
      }
    }
    computed.push_back({rate, base, amount});
    unit_taxes.push_back(item.quantity > 0 ? amount / item.quantity : 0);
  }
  std::sort(computed.begin(), computed.end(), [](const RateTax& a, const RateTax& b) { return a.rate < b.rate; });
  taxed.taxes = std::move(computed);
  taxed.charged = item.amount;
  for (const RateTax& tax : taxed.taxes) taxed.charged += tax.amount;
  return taxed;
}

Taxed TaxGross(const TaxConfig& config, const Taxable& item, const Currency& currency, Carries& carries) {
  const TaxSettings& settings = config.settings();
  std::vector<int64_t> effective;
  int64_t total_fraction = 0;
  for (size_t rate : item.rates) {
    effective.push_back(Effective(config, item.rates, rate));
    total_fraction += effective.back();
  }
  const int64_t denominator = kScale + total_fraction;
  Taxed taxed;
  switch (settings.rounding_level) {
    case Level::kUnit: {
      const int64_t unit = UnitValue(item.amount, item.quantity);
      taxed.net =
          static_cast<int64_t>(DivideAndRound(absl::int128(unit) * kScale, denominator, settings.rounding_mode)) *
          item.quantity;
      break;
    }
    case Level::kLine:
      taxed.net =
          static_cast<int64_t>(DivideAndRound(absl::int128(item.amount) * kScale, denominator, settings.rounding_mode));
      break;
    case Level::kTotal: {
      auto carry = carries.inclusive.try_emplace(item.rates, denominator, settings.rounding_mode).first;
      taxed.net = carry->second.Add(absl::int128(item.amount) * kScale);
      break;
    }
  }
  // Exempt and reverse-charged amounts are charged their net: the tax is not collected.
  if (item.exempt) {
    taxed.charged = taxed.net;
    return taxed;
  }
  const int64_t tax = item.zero_charged ? 0 : item.amount - taxed.net;
  std::vector<Money> parts(item.rates.size(), Money::Zero(currency));
  if (tax > 0 && total_fraction > 0) {
    absl::StatusOr<std::vector<Money>> split = Allocate(Money::FromMinorUnits(tax, currency), effective);
    if (split.ok()) parts = *std::move(split);
  }
  std::vector<RateTax> computed;
  for (size_t k = 0; k < item.rates.size(); ++k) {
    int64_t base = taxed.net;
    for (size_t j = 0; j < k; ++j) {
      if (Listed(config.rates()[item.rates[k]].compounds_on, item.rates[j])) base += parts[j].minor_units();
    }
    computed.push_back({item.rates[k], base, parts[k].minor_units()});
  }
  std::sort(computed.begin(), computed.end(), [](const RateTax& a, const RateTax& b) { return a.rate < b.rate; });
  taxed.taxes = std::move(computed);
  taxed.charged = taxed.net + tax;
  return taxed;
}

}  // namespace

int64_t EffectiveFraction(const TaxConfig& config, const std::vector<size_t>& rates) {
  int64_t total = 0;
  for (size_t rate : rates) total += Effective(config, rates, rate);
  return total;
}

Taxed TaxItem(const TaxConfig& config, const Taxable& item, const Currency& currency, Carries& carries) {
  return item.gross ? TaxGross(config, item, currency, carries) : TaxNet(config, item, currency, carries);
}

}  // namespace storefront::tax
