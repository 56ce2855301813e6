// Taxing one amount — a line, a fee, a share of shipping — with the rates that apply to it.
// Internal to the tax stage.
#ifndef STOREFRONT_SDK_TAX_TAXABLE_H_
#define STOREFRONT_SDK_TAX_TAXABLE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "storefront/tax/tax.h"
#include "tax/rate_math.h"

namespace storefront::tax {

// Per-rate carries for the `total` rounding level, shared by every item of one cart.
struct Carries {
  std::map<size_t, Carry> exclusive;               // by rate index
  std::map<std::vector<size_t>, Carry> inclusive;  // by the set of rates extracted together
};

// What is being taxed.
struct Taxable {
  int64_t amount = 0;    // minor units: net when `gross` is false, gross when true
  int64_t quantity = 1;  // units, for the unit rounding level and thresholds
  bool gross = false;
  std::vector<size_t> rates;  // applicable rate indices, in the config's evaluation order
  bool zero_charged = false;  // reverse charge: listed, charged at zero
  bool exempt = false;        // no taxes; a gross amount is charged net
};

struct RateTax {
  size_t rate;
  int64_t base;
  int64_t amount;
};

struct Taxed {
  int64_t net = 0;
  int64_t charged = 0;         // what the shopper pays for the item including tax
  std::vector<RateTax> taxes;  // in snapshot rate order
};

// The tax per unit of net of `rates` taken together (10⁻¹² units): Σ p/100, a compounding rate
// counting p/100 × (1 + the fractions it compounds on).
int64_t EffectiveFraction(const TaxConfig& config, const std::vector<size_t>& rates);

// `level` and `mode` come from the settings; `carries` is used at the total level.
Taxed TaxItem(const TaxConfig& config, const Taxable& item, const Currency& currency, Carries& carries);

}  // namespace storefront::tax

#endif  // STOREFRONT_SDK_TAX_TAXABLE_H_
