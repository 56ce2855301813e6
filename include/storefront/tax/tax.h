// The merchant's tax configuration: categories, zones that stack into jurisdictions, rates,
// thresholds, fees, and the conventions (rounding, discounts, shipping, cross-border) that real
// merchants need as settings (docs/concepts/tax.md).
//
// TaxConfig::Build validates it once against the catalog (every product's category is declared,
// every zone and compounded rate exists, compounding has no cycle, postal ranges of a zone do not
// overlap) and orders each zone's rates so that a compounded rate always comes after the rates it
// compounds on. Immutable afterwards.
#ifndef STOREFRONT_TAX_TAX_H_
#define STOREFRONT_TAX_TAX_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storefront/cart/cart.h"
#include "storefront/catalog/catalog.h"
#include "storefront/money/decimal.h"
#include "storefront/money/money.h"
#include "storefront/money/rounding.h"
#include "storefront/pricing/price_rules.h"
#include "storefront/shipping/shipping.h"

namespace storefront {

// Tax zones are sets of addresses exactly like shipping zones: the same fields, the same matching.
using TaxZone = ShippingZone;

struct TaxThreshold {
  enum class Mode { kExemptBelow, kTaxedAbove };
  Mode mode = Mode::kExemptBelow;
  std::vector<Money> amount;  // per unit, a money map
};

struct TaxRate {
  std::string id;
  size_t zone = 0;  // index into TaxConfig::zones()
  std::string jurisdiction;
  std::string name;
  Decimal percent;  // 0 <= percent <= 100, at most 4 fraction digits
  std::vector<std::string> categories;
  std::vector<size_t> compounds_on;  // indices into TaxConfig::rates(); acyclic (Build checks)
  std::optional<TaxThreshold> threshold;
};

struct TaxFee {
  std::string id;
  size_t zone = 0;
  std::string name;
  std::vector<Selector> items;          // any of; empty: every line
  std::vector<Money> amount;            // per unit, a money map
  std::optional<std::string> category;  // taxable with this category's rates; absent: untaxed
};

struct TaxSettings {
  enum class AddressSource { kShipping, kBilling, kOrigin };
  enum class RoundingLevel { kUnit, kLine, kTotal };
  enum class DiscountBase { kAfterDiscounts, kBeforeDiscounts };
  enum class ShippingMethod { kNone, kCategory, kProportional };
  enum class CrossBorder { kKeepGross, kRederiveNet };

  std::vector<std::string> categories;
  AddressSource address = AddressSource::kShipping;
  std::optional<Address> origin;
  std::optional<std::string> registration_country;  // the seller's VAT registration
  std::string registration_vat_number;
  RoundingMode rounding_mode = RoundingMode::kHalfEven;
  RoundingLevel rounding_level = RoundingLevel::kLine;
  DiscountBase discounts = DiscountBase::kAfterDiscounts;
  ShippingMethod shipping = ShippingMethod::kNone;
  std::string shipping_category;  // for kCategory
  CrossBorder cross_border = CrossBorder::kKeepGross;
};

class TaxConfig {
 public:
  struct Input {
    TaxSettings settings;
    std::vector<TaxZone> zones;
    std::vector<TaxRate> rates;  // compounds_on may point anywhere; Build orders them
    std::vector<TaxFee> fees;
  };

  // Errors carry snapshot paths ("/tax/rates/3/compounds_on/0").
  static absl::StatusOr<TaxConfig> Build(Input input, const Catalog& catalog);

  TaxConfig() = default;

  bool enabled() const { return enabled_; }
  const TaxSettings& settings() const { return input_.settings; }
  const std::vector<TaxZone>& zones() const { return input_.zones; }
  const std::vector<TaxRate>& rates() const { return input_.rates; }
  const std::vector<TaxFee>& fees() const { return input_.fees; }
  // Rate indices in an order where every rate comes after the rates it compounds on (stable:
  // otherwise snapshot order).
  const std::vector<size_t>& evaluation_order() const { return evaluation_order_; }
  bool HasCategory(absl::string_view category) const;

 private:
  bool enabled_ = false;
  Input input_;
  std::vector<size_t> evaluation_order_;
};

// EU member states' VAT number syntax (docs/concepts/tax.md §9): "DE123456789" is well-formed,
// "DE12345" is not. Upper-case country prefix (Greece is "EL"), no spaces.
bool IsWellFormedEuVatNumber(absl::string_view vat_number);
bool IsEuMemberState(absl::string_view country);

}  // namespace storefront

#endif  // STOREFRONT_TAX_TAX_H_
