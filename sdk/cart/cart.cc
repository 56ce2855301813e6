#include "storefront/cart/cart.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"

namespace storefront {

const AttributeValue* Customer::FindAttribute(absl::string_view key) const {
  for (const auto& [name, value] : attributes) {
    if (name == key) return &value;
  }
  return nullptr;
}

bool IsCountryCode(absl::string_view code) {
  return code.size() == 2 && absl::ascii_isupper(static_cast<unsigned char>(code[0])) &&
         absl::ascii_isupper(static_cast<unsigned char>(code[1]));
}

absl::Status ValidateCart(const CartRequest& cart, const CartLimits& limits) {
  if (static_cast<int64_t>(cart.lines.size()) > limits.max_lines) {
    return InputError(error_code::kTooManyLines,
                      absl::StrCat("the cart has ", cart.lines.size(), " lines; the limit is ", limits.max_lines),
                      "/lines");
  }
  if (static_cast<int64_t>(cart.coupons.size()) > limits.max_coupons) {
    return InputError(error_code::kTooManyCoupons,
                      absl::StrCat("the cart has ", cart.coupons.size(), " coupons; the limit is ", limits.max_coupons),
                      "/coupons");
  }
  absl::flat_hash_set<absl::string_view> line_ids;
  for (size_t i = 0; i < cart.lines.size(); ++i) {
    const CartLine& line = cart.lines[i];
    if (line.quantity < 1 || line.quantity > limits.max_quantity) {
      return InputError(error_code::kQuantityOutOfRange,
                        absl::StrCat("quantity must be between 1 and ", limits.max_quantity, ", got ", line.quantity),
                        absl::StrCat("/lines/", i, "/quantity"));
    }
    if (line.id.has_value() && !line_ids.insert(*line.id).second) {
      return InputError(error_code::kDuplicateLineId, absl::StrCat("line id \"", *line.id, "\" is used twice"),
                        absl::StrCat("/lines/", i, "/id"));
    }
  }
  return absl::OkStatus();
}

}  // namespace storefront
