// TaxConfig::Build: the load-time half of the tax stage. Everything a cart must not be able to
// trip over — an undeclared category, a rate in no zone, compounding that never ends, a percent
// the exact arithmetic cannot hold — is rejected here, once, with its snapshot path.
#include <algorithm>
#include <functional>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "shipping/zones.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/tax/tax.h"

namespace storefront {
namespace {

// The tax stage's rate arithmetic is exact at 10⁻¹² of the base (sdk/tax/rate_math.h), which a
// percent with 4 fraction digits fits with room for one level of compounding.
constexpr int32_t kMaxPercentScale = 4;

bool Declared(const std::vector<std::string>& categories, absl::string_view category) {
  return std::find(categories.begin(), categories.end(), category) != categories.end();
}

absl::Status UnknownCategory(absl::string_view category, std::string path) {
  return InputError(error_code::kUnknownTaxCategory,
                    absl::StrCat("tax category \"", category, "\" is not listed in tax.categories"), path);
}

// At least one currency, every amount above zero: thresholds and fees.
absl::Status CheckPositiveMap(const std::vector<Money>& amounts, const std::string& path) {
  if (amounts.empty()) return InputError(error_code::kInvalidValue, "give the amount in at least one currency", path);
  for (const Money& amount : amounts) {
    if (amount.minor_units() <= 0) {
      return InputError(error_code::kInvalidValue, "must be above zero",
                        absl::StrCat(path, "/", amount.currency().code));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckCountry(absl::string_view country, const std::string& path) {
  if (IsCountryCode(country)) return absl::OkStatus();
  return InputError(error_code::kInvalidValue, "a country is an upper-case ISO 3166-1 alpha-2 code such as \"DE\"",
                    path);
}

absl::Status ValidateSettings(const TaxSettings& settings) {
  absl::flat_hash_set<absl::string_view> seen;
  for (size_t c = 0; c < settings.categories.size(); ++c) {
    const std::string& category = settings.categories[c];
    const std::string path = absl::StrCat("/tax/categories/", c);
    if (category.empty()) return InputError(error_code::kInvalidValue, "must not be empty", path);
    if (!seen.insert(category).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("tax category \"", category, "\" is listed twice"),
                        path);
    }
  }
  const bool needs_origin = settings.address == TaxSettings::AddressSource::kOrigin ||
                            settings.cross_border == TaxSettings::CrossBorder::kRederiveNet;
  if (needs_origin && !settings.origin.has_value()) {
    return InputError(error_code::kMissingField,
                      settings.address == TaxSettings::AddressSource::kOrigin
                          ? "\"address\": \"origin\" needs the seller's origin"
                          : "\"cross_border\": \"rederive_net\" needs the seller's origin",
                      "/tax/origin");
  }
  if (settings.origin.has_value()) SF_RETURN_IF_ERROR(CheckCountry(settings.origin->country, "/tax/origin/country"));
  if (settings.registration_country.has_value()) {
    SF_RETURN_IF_ERROR(CheckCountry(*settings.registration_country, "/tax/registration/country"));
    if (settings.registration_vat_number.empty()) {
      return InputError(error_code::kInvalidValue, "must not be empty", "/tax/registration/vat_number");
    }
  }
  if (settings.shipping == TaxSettings::ShippingMethod::kCategory &&
      !Declared(settings.categories, settings.shipping_category)) {
    return UnknownCategory(settings.shipping_category, "/tax/shipping/category");
  }
  return absl::OkStatus();
}

absl::Status ValidateRate(const TaxRate& rate, const std::string& path, const TaxConfig::Input& input) {
  if (rate.zone >= input.zones.size()) {
    return InputError(error_code::kUnknownTaxZone, absl::StrCat("rate \"", rate.id, "\" names no tax zone"),
                      absl::StrCat(path, "/zone"));
  }
  if (rate.jurisdiction.empty()) {
    return InputError(error_code::kInvalidValue, "must not be empty", absl::StrCat(path, "/jurisdiction"));
  }
  bool above_hundred = false;
  if (rate.percent.scale() <= kMaxPercentScale) {
    int64_t hundred = 100;  // in units of the percent's last digit
    for (int32_t s = 0; s < rate.percent.scale(); ++s) hundred *= 10;
    above_hundred = rate.percent.coefficient() > hundred;
  }
  if (rate.percent.is_negative() || rate.percent.scale() > kMaxPercentScale || above_hundred) {
    return InputError(error_code::kInvalidValue,
                      absl::StrCat("a rate is a percentage from 0 to 100 with at most ", kMaxPercentScale,
                                   " fraction digits, not \"", rate.percent.ToString(), "\""),
                      absl::StrCat(path, "/rate"));
  }
  // A rate for no category applies to nothing: certainly a mistake.
  if (rate.categories.empty()) {
    return InputError(error_code::kInvalidValue, "a rate needs at least one category",
                      absl::StrCat(path, "/categories"));
  }
  for (size_t c = 0; c < rate.categories.size(); ++c) {
    if (!Declared(input.settings.categories, rate.categories[c])) {
      return UnknownCategory(rate.categories[c], absl::StrCat(path, "/categories/", c));
    }
  }
  for (size_t k = 0; k < rate.compounds_on.size(); ++k) {
    const std::string entry_path = absl::StrCat(path, "/compounds_on/", k);
    if (rate.compounds_on[k] >= input.rates.size()) {
      return InputError(error_code::kUnknownTaxRate,
                        absl::StrCat("rate \"", rate.id, "\" compounds on a rate that does not exist"), entry_path);
    }
    // Twice would add the same tax to the base twice.
    if (std::find(rate.compounds_on.begin(), rate.compounds_on.begin() + k, rate.compounds_on[k]) !=
        rate.compounds_on.begin() + k) {
      return InputError(error_code::kInvalidValue,
                        absl::StrCat("rate \"", input.rates[rate.compounds_on[k]].id, "\" is listed twice"),
                        entry_path);
    }
  }
  if (rate.threshold.has_value()) {
    SF_RETURN_IF_ERROR(CheckPositiveMap(rate.threshold->amount, absl::StrCat(path, "/threshold/amount")));
  }
  return absl::OkStatus();
}

// Depth-first over compounds_on, rates and their entries in snapshot order; the first entry that
// reaches a rate still on the walk closes a cycle. Iterative: a long chain of rates must not
// exhaust the (small, in wasm) stack.
absl::Status CheckAcyclic(const std::vector<TaxRate>& rates) {
  enum class Mark { kNew, kOnWalk, kDone };
  std::vector<Mark> marks(rates.size(), Mark::kNew);
  struct Frame {
    size_t rate;
    size_t next_entry;
  };
  std::vector<Frame> walk;
  for (size_t start = 0; start < rates.size(); ++start) {
    if (marks[start] != Mark::kNew) continue;
    marks[start] = Mark::kOnWalk;
    walk.push_back({start, 0});
    while (!walk.empty()) {
      Frame& frame = walk.back();
      const TaxRate& rate = rates[frame.rate];
      if (frame.next_entry == rate.compounds_on.size()) {
        marks[frame.rate] = Mark::kDone;
        walk.pop_back();
        continue;
      }
      const size_t entry = frame.next_entry++;
      const size_t target = rate.compounds_on[entry];
      if (marks[target] == Mark::kOnWalk) {
        return InputError(error_code::kTaxCompoundCycle,
                          absl::StrCat("rate \"", rate.id, "\" compounds on \"", rates[target].id,
                                       "\", which compounds on it in turn"),
                          absl::StrCat("/tax/rates/", frame.rate, "/compounds_on/", entry));
      }
      if (marks[target] == Mark::kNew) {
        marks[target] = Mark::kOnWalk;
        walk.push_back({target, 0});  // invalidates `frame`: it is not used again
      }
    }
  }
  return absl::OkStatus();
}

// Kahn's algorithm taking the lowest ready index first: every rate after the rates it compounds
// on, and otherwise snapshot order. Requires an acyclic graph.
std::vector<size_t> EvaluationOrder(const std::vector<TaxRate>& rates) {
  std::vector<size_t> waiting(rates.size());                  // unplaced rates each waits for
  std::vector<std::vector<size_t>> dependents(rates.size());  // who waits for each
  for (size_t r = 0; r < rates.size(); ++r) {
    waiting[r] = rates[r].compounds_on.size();
    for (size_t q : rates[r].compounds_on) dependents[q].push_back(r);
  }
  std::priority_queue<size_t, std::vector<size_t>, std::greater<size_t>> ready;
  for (size_t r = 0; r < rates.size(); ++r) {
    if (waiting[r] == 0) ready.push(r);
  }
  std::vector<size_t> order;
  order.reserve(rates.size());
  while (!ready.empty()) {
    const size_t r = ready.top();
    ready.pop();
    order.push_back(r);
    for (size_t d : dependents[r]) {
      if (--waiting[d] == 0) ready.push(d);
    }
  }
  return order;
}

absl::Status PrepareFee(TaxFee& fee, const std::string& path, const TaxConfig::Input& input, const Catalog& catalog) {
  if (fee.zone >= input.zones.size()) {
    return InputError(error_code::kUnknownTaxZone, absl::StrCat("fee \"", fee.id, "\" names no tax zone"),
                      absl::StrCat(path, "/zone"));
  }
  for (size_t i = 0; i < fee.items.size(); ++i) {
    Selector& selector = fee.items[i];
    SF_RETURN_IF_ERROR(CheckSelector(selector, catalog, absl::StrCat(path, "/items/", i)));
    selector.key = SelectorKey(selector.kind, selector.value, selector.attribute_key);
  }
  SF_RETURN_IF_ERROR(CheckPositiveMap(fee.amount, absl::StrCat(path, "/amount")));
  if (fee.category.has_value() && !Declared(input.settings.categories, *fee.category)) {
    return UnknownCategory(*fee.category, absl::StrCat(path, "/category"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<TaxConfig> TaxConfig::Build(Input input, const Catalog& catalog) {
  SF_RETURN_IF_ERROR(ValidateSettings(input.settings));
  SF_RETURN_IF_ERROR(PrefixErrorPath(shipping::ValidateZones(input.zones), "/tax"));
  absl::flat_hash_set<absl::string_view> rate_ids;
  for (size_t r = 0; r < input.rates.size(); ++r) {
    const std::string path = absl::StrCat("/tax/rates/", r);
    if (!rate_ids.insert(input.rates[r].id).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("rate \"", input.rates[r].id, "\" is defined twice"),
                        absl::StrCat(path, "/id"));
    }
    SF_RETURN_IF_ERROR(ValidateRate(input.rates[r], path, input));
  }
  SF_RETURN_IF_ERROR(CheckAcyclic(input.rates));
  absl::flat_hash_set<std::string> fee_ids;
  for (size_t f = 0; f < input.fees.size(); ++f) {
    const std::string path = absl::StrCat("/tax/fees/", f);
    if (!fee_ids.insert(input.fees[f].id).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("fee \"", input.fees[f].id, "\" is defined twice"),
                        absl::StrCat(path, "/id"));
    }
    SF_RETURN_IF_ERROR(PrepareFee(input.fees[f], path, input, catalog));
  }
  // Products last: their paths are outside /tax, in the catalog.
  const absl::Span<const Product> products = catalog.products();
  for (size_t p = 0; p < products.size(); ++p) {
    if (!Declared(input.settings.categories, products[p].tax_category)) {
      return UnknownCategory(products[p].tax_category, absl::StrCat("/products/", p, "/tax_category"));
    }
  }
  TaxConfig config;
  config.evaluation_order_ = EvaluationOrder(input.rates);
  config.input_ = std::move(input);
  config.enabled_ = true;
  return config;
}

bool TaxConfig::HasCategory(absl::string_view category) const { return Declared(input_.settings.categories, category); }

}  // namespace storefront
