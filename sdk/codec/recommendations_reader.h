// The recommendation model as JSON (the snapshot's "recommendations" section, which is exactly
// what `storefront recs train` writes) and the order-log lines it is trained from. Internal to
// the codec; the CLI's trainer calls it too.
#ifndef STOREFRONT_SDK_CODEC_RECOMMENDATIONS_READER_H_
#define STOREFRONT_SDK_CODEC_RECOMMENDATIONS_READER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/json.h"
#include "storefront/personalization/recommendations.h"

namespace storefront::codec {

// {"orders", "min_support", "top_k", "items": [{"sku", "orders", "related": [{"sku", "together"}]}]}
// at `path`, strictly (every member required, no others). Counts are integers in
// 0..kMaxRecommendationCount (`invalid_value` otherwise); the model's invariants are
// RecommendationModel::Create's, reported with `path` in front ("/recommendations/items/3/related/0/sku").
absl::StatusOr<personalization::RecommendationModel> ReadRecommendationModel(const Json& value, absl::string_view path,
                                                                             const ReadContext& context);

// The model as JSON; Canonical() of it is the trainer's output, byte for byte.
Json WriteRecommendationModel(const personalization::RecommendationModel& model);

struct OrderLineLimits {
  int64_t max_bytes = 1 << 20;      // one order's text: `input_too_large`
  int64_t max_string_length = 256;  // one SKU, as the snapshot's default: `string_too_long`
};

// One line of an order log: {"lines": [{"sku": "TEE-M", ...}, ...], ...}, returning the SKUs in
// line order (duplicates kept). Only `lines[].sku` is read; every other member, and every other
// member of a line, is ignored (order logs come from other systems), so they are not checked
// either. Errors carry paths inside the line's JSON: `json_syntax` (not JSON), `type_mismatch` at
// "" (not an object), at /lines (not an array), at /lines/N (an entry that is not an object) or
// at /lines/N/sku (not a string), `missing_field` at /lines or /lines/N/sku, `invalid_value` for
// an empty SKU, `string_too_long`, `input_too_large`. The first problem in text order is
// reported. Built on a streaming (SAX) parse that keeps nothing but the SKUs.
absl::StatusOr<std::vector<std::string>> ReadOrderLine(absl::string_view text, const OrderLineLimits& limits = {});

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_RECOMMENDATIONS_READER_H_
