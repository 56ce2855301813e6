#include "storefront/base/error.h"

#include <optional>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"

namespace storefront {
namespace {

// Payload type URLs. They never leave the process; the envelope carries plain fields.
constexpr absl::string_view kCodePayload = "storefront.dev/error/code";
constexpr absl::string_view kPathPayload = "storefront.dev/error/path";

std::string PayloadOr(const absl::Status& status, absl::string_view key, absl::string_view fallback) {
  auto payload = status.GetPayload(key);  // absl::optional: Debian builds Abseil without std types
  return payload.has_value() ? std::string(*payload) : std::string(fallback);
}

}  // namespace

absl::Status InputError(absl::string_view code, absl::string_view message, absl::string_view path) {
  absl::Status status(absl::StatusCode::kInvalidArgument, message);
  status.SetPayload(kCodePayload, absl::Cord(code));
  status.SetPayload(kPathPayload, absl::Cord(path));
  return status;
}

std::string ErrorCodeOf(const absl::Status& status) {
  if (status.ok()) return "";
  return PayloadOr(status, kCodePayload, error_code::kInternal);
}

std::string ErrorPathOf(const absl::Status& status) { return PayloadOr(status, kPathPayload, ""); }

absl::Status PrefixErrorPath(absl::Status status, absl::string_view prefix) {
  if (status.ok() || prefix.empty()) return status;
  status.SetPayload(kPathPayload, absl::Cord(absl::StrCat(prefix, ErrorPathOf(status))));
  return status;
}

}  // namespace storefront
