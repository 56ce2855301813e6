#include "shipping/zones.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "shipping/order.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront {
namespace {

bool Lists(const std::vector<std::string>& values, absl::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

absl::Status ValidatePostalEntry(const PostalCodes& entry, const std::string& path) {
  const bool is_prefix = !entry.prefix.empty();
  const bool is_range = !entry.from.empty() || !entry.to.empty();
  if (is_prefix == is_range) {
    return InputError(error_code::kInvalidValue, "a postal entry is either {prefix} or {from, to}", path);
  }
  if (is_prefix) return absl::OkStatus();
  if (entry.from.empty()) {
    return InputError(error_code::kInvalidValue, "must not be empty", absl::StrCat(path, "/from"));
  }
  // Codes of different lengths do not order meaningfully as strings ("9" > "10000"), so a range
  // is one length and only codes of that length fall in it.
  if (entry.to.size() != entry.from.size()) {
    return InputError(error_code::kInvalidValue,
                      absl::StrCat("\"", entry.from, "\" and \"", entry.to, "\" must have the same length"),
                      absl::StrCat(path, "/to"));
  }
  if (entry.to < entry.from) {
    return InputError(error_code::kInvalidValue, absl::StrCat("\"", entry.to, "\" comes before \"", entry.from, "\""),
                      absl::StrCat(path, "/to"));
  }
  return absl::OkStatus();
}

// Two ranges that share a code make "which zone entry matched" ambiguous and usually mean a
// typo. Sorting by (length, from) finds any overlap between neighbours in O(n log n), which
// matters for zones that list thousands of ranges.
absl::Status CheckRangesDisjoint(const ShippingZone& zone, const std::string& path) {
  std::vector<size_t> ranges;
  for (size_t i = 0; i < zone.postal_codes.size(); ++i) {
    if (zone.postal_codes[i].prefix.empty()) ranges.push_back(i);
  }
  const std::vector<size_t> sorted = shipping::SortedOrder(ranges.size(), [&](size_t a, size_t b) {
    const PostalCodes& x = zone.postal_codes[ranges[a]];
    const PostalCodes& y = zone.postal_codes[ranges[b]];
    if (x.from.size() != y.from.size()) return x.from.size() < y.from.size();
    return x.from != y.from ? x.from < y.from : ranges[a] < ranges[b];
  });
  ranges = shipping::Reordered(std::move(ranges), sorted);
  // Until the first overlap the ranges seen are disjoint, so the previous one ends last.
  for (size_t k = 1; k < ranges.size(); ++k) {
    const PostalCodes& previous = zone.postal_codes[ranges[k - 1]];
    const PostalCodes& current = zone.postal_codes[ranges[k]];
    if (current.from.size() == previous.from.size() && current.from <= previous.to) {
      const size_t earlier = std::min(ranges[k - 1], ranges[k]);
      const size_t later = std::max(ranges[k - 1], ranges[k]);
      return InputError(
          error_code::kOverlappingPostalRanges,
          absl::StrCat("postal ranges ", earlier, " and ", later, " of zone \"", zone.id, "\" share codes"),
          absl::StrCat(path, "/postal_codes/", later));
    }
  }
  return absl::OkStatus();
}

}  // namespace

bool PostalCodes::Contains(absl::string_view postal_code) const {
  if (!prefix.empty()) return absl::StartsWith(postal_code, prefix);
  return postal_code.size() == from.size() && from <= postal_code && postal_code <= to;
}

bool ShippingZone::Matches(const Address& address) const {
  if (!Lists(countries, address.country)) return false;
  if (!regions.empty() && !Lists(regions, address.region)) return false;
  if (postal_codes.empty()) return true;
  return std::any_of(postal_codes.begin(), postal_codes.end(),
                     [&](const PostalCodes& entry) { return entry.Contains(address.postal_code); });
}

namespace shipping {

absl::Status ValidateZones(absl::Span<const ShippingZone> zones) {
  absl::flat_hash_set<absl::string_view> ids;
  for (size_t z = 0; z < zones.size(); ++z) {
    const ShippingZone& zone = zones[z];
    const std::string path = absl::StrCat("/zones/", z);
    if (!ids.insert(zone.id).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("zone \"", zone.id, "\" is defined twice"),
                        absl::StrCat(path, "/id"));
    }
    // A zone without countries matches no address: certainly a mistake.
    if (zone.countries.empty()) {
      return InputError(error_code::kInvalidValue, "a zone needs at least one country",
                        absl::StrCat(path, "/countries"));
    }
    for (size_t c = 0; c < zone.countries.size(); ++c) {
      if (!IsCountryCode(zone.countries[c])) {
        return InputError(error_code::kInvalidValue,
                          "a country is an upper-case ISO 3166-1 alpha-2 code such as \"DE\"",
                          absl::StrCat(path, "/countries/", c));
      }
    }
    for (size_t p = 0; p < zone.postal_codes.size(); ++p) {
      SF_RETURN_IF_ERROR(ValidatePostalEntry(zone.postal_codes[p], absl::StrCat(path, "/postal_codes/", p)));
    }
    SF_RETURN_IF_ERROR(CheckRangesDisjoint(zone, path));
  }
  return absl::OkStatus();
}

}  // namespace shipping
}  // namespace storefront
