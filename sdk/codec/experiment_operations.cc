// The experiment operations of RunOperation: GrowthBook's bucketing functions as JSON calls, the
// compatibility surface that GrowthBook's own test suite (cases.json) runs against.
//
// Unlike money, these take and return JSON numbers: GrowthBook defines bucketing in binary64
// (docs/design/experiment-bucketing-doubles.md). A number is read as the double nlohmann parsed
// from the text, correctly rounded on every target as JSON.parse rounds it, and written back in a
// form that parses to the same double (whole ones without a fraction, as JavaScript writes them),
// so JavaScript sees exactly the double computed here.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "codec/operations.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/engine/limits.h"
#include "storefront/personalization/bucketing.h"

namespace storefront::codec {
namespace {

using bucketing::BucketRange;

// One range is built per variation; GrowthBook experiments have a handful.
constexpr int64_t kMaxBucketVariations = 1000;
// Seeds, ids and namespace ids are identifiers: the snapshot's default string limit applies.
constexpr ReadContext kStrings = {HostLimits{}.max_string_length};

absl::StatusOr<BucketRange> ReadRange(const Json& value, absl::string_view path) {
  SF_ASSIGN_OR_RETURN(const Json::array_t* bounds, ReadArray(value, path));
  if (bounds->size() != 2) return InputError(error_code::kInvalidValue, "a range is [start, end]", path);
  BucketRange range{};
  SF_ASSIGN_OR_RETURN(range.start, ReadBinary64((*bounds)[0], ChildPath(path, 0)));
  SF_ASSIGN_OR_RETURN(range.end, ReadBinary64((*bounds)[1], ChildPath(path, 1)));
  return range;
}

absl::StatusOr<std::vector<BucketRange>> ReadRanges(const Json& value, absl::string_view path) {
  return ReadArrayOf<BucketRange>(value, path, ReadRange);
}

absl::StatusOr<std::vector<double>> ReadWeights(const Json& value, absl::string_view path) {  // purity-ok: binary64
  return ReadArrayOf<double>(value, path, ReadBinary64);  // purity-ok: GrowthBook binary64
}

// GrowthBook's namespace tuple [id, start, end]. Its bounds are not validated: GrowthBook's
// inNamespace compares whatever it is given.
absl::StatusOr<bucketing::Namespace> ReadNamespace(const Json& value, absl::string_view path) {
  SF_ASSIGN_OR_RETURN(const Json::array_t* parts, ReadArray(value, path));
  if (parts->size() != 3) return InputError(error_code::kInvalidValue, "a namespace is [id, start, end]", path);
  bucketing::Namespace name_space{};
  SF_ASSIGN_OR_RETURN(name_space.id, ReadString((*parts)[0], ChildPath(path, 0), kStrings));
  SF_ASSIGN_OR_RETURN(name_space.start, ReadBinary64((*parts)[1], ChildPath(path, 1)));
  SF_ASSIGN_OR_RETURN(name_space.end, ReadBinary64((*parts)[2], ChildPath(path, 2)));
  return name_space;
}

}  // namespace

absl::StatusOr<Json> ExperimentsHash(ObjectReader& input) {
  std::string seed;
  std::string value;
  SF_RETURN_IF_ERROR(input.Required("seed", seed, ReadString, kStrings));
  SF_RETURN_IF_ERROR(input.Required("value", value, ReadString, kStrings));
  SF_ASSIGN_OR_RETURN(const Json* version_value, input.Require("version"));
  SF_ASSIGN_OR_RETURN(int64_t version, ReadInteger(*version_value, input.PathOf("version"), INT64_MIN, INT64_MAX,
                                                   error_code::kInvalidValue));
  // Any other integer is an unknown version: null, as GrowthBook answers.
  const int known_version = version == 1 || version == 2 ? static_cast<int>(version) : 0;
  const std::optional<bucketing::Bucket> bucket = bucketing::Hash(seed, value, known_version);
  return Json{{"hash", bucket.has_value() ? Binary64Json(bucket->Value()) : Json(nullptr)}};
}

absl::StatusOr<Json> ExperimentsBucketRanges(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Json* count, input.Require("variations"));
  SF_ASSIGN_OR_RETURN(int64_t variations, ReadInteger(*count, input.PathOf("variations"), 0, kMaxBucketVariations,
                                                      error_code::kInvalidValue));
  double coverage = 1;  // purity-ok: GrowthBook binary64; absent means full coverage
  SF_RETURN_IF_ERROR(input.Optional("coverage", coverage, ReadBinary64));
  std::vector<double> weights;  // purity-ok: GrowthBook binary64; absent (empty) means equal weights
  SF_RETURN_IF_ERROR(input.Optional("weights", weights, ReadWeights));
  Json ranges = Json::array();
  for (const BucketRange& range : bucketing::BucketRanges(static_cast<int>(variations), coverage, weights)) {
    ranges.push_back(Json::array({Binary64Json(range.start), Binary64Json(range.end)}));
  }
  return Json{{"ranges", std::move(ranges)}};
}

absl::StatusOr<Json> ExperimentsChooseVariation(ObjectReader& input) {
  double hash = 0;  // purity-ok: GrowthBook binary64
  SF_RETURN_IF_ERROR(input.Required("hash", hash, ReadBinary64));
  std::vector<BucketRange> ranges;
  SF_RETURN_IF_ERROR(input.Required("ranges", ranges, ReadRanges));
  return Json{{"variation", bucketing::ChooseVariation(hash, ranges)}};
}

absl::StatusOr<Json> ExperimentsInNamespace(ObjectReader& input) {
  std::string hash_value;
  SF_RETURN_IF_ERROR(input.Required("hash_value", hash_value, ReadString, kStrings));
  bucketing::Namespace name_space{};
  SF_RETURN_IF_ERROR(input.Required("namespace", name_space, ReadNamespace));
  return Json{{"in_namespace", bucketing::InNamespace(hash_value, name_space)}};
}

}  // namespace storefront::codec
