// ShippingConfig::Build: validation of the snapshot's shipping section, and method lookup.
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "shipping/rates.h"
#include "shipping/zones.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/shipping/shipping.h"

namespace storefront {
namespace {

using ZoneIndex = absl::flat_hash_map<absl::string_view, size_t>;

absl::Status ValidateEligibility(const ShippingEligibility& eligibility, const std::string& path,
                                 const Catalog& catalog) {
  if (eligibility.max_weight_grams.has_value() && *eligibility.max_weight_grams < 0) {
    return InputError(error_code::kInvalidValue, "a weight must not be negative",
                      absl::StrCat(path, "/max_weight_grams"));
  }
  for (size_t c = 0; c < eligibility.excluded_categories.size(); ++c) {
    const std::string& category = eligibility.excluded_categories[c];
    if (!catalog.CategoryDepth(category).has_value()) {
      return InputError(error_code::kUnknownCategory, absl::StrCat("no category has the id \"", category, "\""),
                        absl::StrCat(path, "/excluded_categories/", c));
    }
  }
  return absl::OkStatus();
}

absl::Status ResolveMethod(ShippingMethod& method, const std::string& path, const ZoneIndex& zones,
                           const Catalog& catalog) {
  // A method without rates ships nowhere: certainly a mistake.
  if (method.rates.empty()) {
    return InputError(error_code::kInvalidValue, "a method needs at least one rate", absl::StrCat(path, "/rates"));
  }
  for (size_t r = 0; r < method.rates.size(); ++r) {
    ShippingRate& rate = method.rates[r];
    const std::string rate_path = absl::StrCat(path, "/rates/", r);
    auto zone = zones.find(rate.zone);
    if (zone == zones.end()) {
      return InputError(error_code::kUnknownShippingZone,
                        absl::StrCat("no shipping zone has the id \"", rate.zone, "\""),
                        absl::StrCat(rate_path, "/zone"));
    }
    rate.zone_index = zone->second;
    SF_RETURN_IF_ERROR(shipping::ValidateRate(rate, rate_path));
  }
  return ValidateEligibility(method.eligibility, absl::StrCat(path, "/eligibility"), catalog);
}

}  // namespace

absl::StatusOr<ShippingConfig> ShippingConfig::Build(std::vector<ShippingZone> zones,
                                                     std::vector<ShippingMethod> methods, const Catalog& catalog) {
  SF_RETURN_IF_ERROR(shipping::ValidateZones(zones));
  ShippingConfig config;
  config.zones_ = std::move(zones);
  ZoneIndex zone_index;  // views into config.zones_, which no longer moves
  for (size_t z = 0; z < config.zones_.size(); ++z) zone_index.emplace(config.zones_[z].id, z);
  absl::flat_hash_set<std::string> method_ids;
  for (size_t m = 0; m < methods.size(); ++m) {
    const std::string path = absl::StrCat("/methods/", m);
    if (!method_ids.insert(methods[m].id).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("method \"", methods[m].id, "\" is defined twice"),
                        absl::StrCat(path, "/id"));
    }
    SF_RETURN_IF_ERROR(ResolveMethod(methods[m], path, zone_index, catalog));
  }
  config.methods_ = std::move(methods);
  return config;
}

// Linear: a shop has a handful of methods, and the lookup runs once per cart.
const ShippingMethod* ShippingConfig::FindMethod(absl::string_view id) const {
  for (const ShippingMethod& method : methods_) {
    if (method.id == id) return &method;
  }
  return nullptr;
}

}  // namespace storefront
