#include "codec/personalization_reader.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "codec/pricing_reader.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::codec {
namespace {

absl::Status Invalid(absl::string_view message, absl::string_view path) {
  return InputError(error_code::kInvalidValue, message, path);
}

// Segments are evaluated before prices exist, one after another: no amount leaves, and a
// `segment` leaf may only name a segment defined before this one (or one the host supplies).
absl::Status CheckSegmentCondition(const Condition& node, const std::vector<Segment>& segments, size_t position) {
  switch (node.kind) {
    case Condition::Kind::kSubtotal:
    case Condition::Kind::kAmount:
      return Invalid("segments are evaluated before prices: subtotal and amount cannot define one", node.path);
    case Condition::Kind::kSegment:
      for (size_t later = position; later < segments.size(); ++later) {
        if (segments[later].id == node.values[0]) {
          return Invalid(
              absl::StrCat("segment \"", node.values[0],
                           "\" is not defined before this one: a rule may only use segments defined earlier"),
              node.path);
        }
      }
      return absl::OkStatus();
    default:
      for (const Condition& child : node.children) {
        SF_RETURN_IF_ERROR(CheckSegmentCondition(child, segments, position));
      }
      return absl::OkStatus();
  }
}

absl::StatusOr<Segment> ReadSegment(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Segment segment;
  SF_RETURN_IF_ERROR(reader.Required("id", segment.id, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("name", segment.name, ReadString, context.read));
  SF_RETURN_IF_ERROR(reader.Required("condition", segment.condition, ReadConditionTree, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return segment;
}

// A GrowthBook probability: a JSON number in [0, 1].
absl::StatusOr<double> ReadFraction(const Json& value, absl::string_view path) {  // purity-ok: GrowthBook numbers
  SF_ASSIGN_OR_RETURN(const double fraction, ReadBinary64(value, path));          // purity-ok: bucketing input
  if (!(fraction >= 0 && fraction <= 1)) return Invalid("must be from 0 to 1", path);
  return fraction;
}

absl::StatusOr<bucketing::Namespace> ReadNamespace(const Json& value, absl::string_view path,
                                                   const ReadContext& context) {
  // One error for any malformed part: the namespace is one GrowthBook value.
  const absl::Status malformed = Invalid("a namespace is [id, start, end] with 0 <= start < end <= 1", path);
  SF_ASSIGN_OR_RETURN(const Json::array_t* parts, ReadArray(value, path));
  if (parts->size() != 3) return malformed;
  bucketing::Namespace name_space;
  SF_ASSIGN_OR_RETURN(name_space.id, ReadIdentifier((*parts)[0], ChildPath(path, 0), context));
  const absl::StatusOr<double> start = ReadFraction((*parts)[1], path);  // purity-ok: GrowthBook bound
  const absl::StatusOr<double> end = ReadFraction((*parts)[2], path);    // purity-ok: GrowthBook bound
  if (!start.ok() || !end.ok() || !(*start < *end)) return malformed;
  name_space.start = *start;
  name_space.end = *end;
  return name_space;
}

absl::StatusOr<std::vector<Variation::FreeOver>> ReadShippingOverrides(const Json& value, absl::string_view path,
                                                                       const AmountContext& context) {
  if (!value.is_object()) return TypeMismatch(value, "an object of shipping method ids", path);
  std::vector<Variation::FreeOver> overrides;
  for (const auto& [method, body] : value.get_ref<const Json::object_t&>()) {
    const std::string method_path = ChildPath(path, method);
    SF_RETURN_IF_ERROR(CheckKey(method, method_path, context.read));
    SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(body, method_path));
    Variation::FreeOver override{method, {}};
    SF_RETURN_IF_ERROR(reader.Required("free_over", override.free_over, ReadPositiveMoneyMap, context));
    SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
    overrides.push_back(std::move(override));
  }
  return overrides;
}

absl::StatusOr<Variation> ReadVariation(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Variation variation;
  SF_RETURN_IF_ERROR(reader.Required("key", variation.key, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("name", variation.name, ReadString, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("price_lists", variation.price_lists, ReadIdentifierList, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("promotions", variation.promotions, ReadIdentifierList, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("shipping", variation.shipping, ReadShippingOverrides, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return variation;
}

// Weights as GrowthBook requires them, or an error where GrowthBook would silently fall back to
// equal weights: one per variation, each in [0, 1], summing (left to right, as GrowthBook does)
// to within [0.99, 1.01].
absl::StatusOr<std::vector<double>> ReadWeights(const Json& value, absl::string_view path,  // purity-ok: weights
                                                size_t variations) {
  SF_ASSIGN_OR_RETURN(const Json::array_t* items, ReadArray(value, path));
  if (items->size() != variations) {
    return InputError(error_code::kInvalidWeights, "give one weight per variation", path);
  }
  std::vector<double> weights;  // purity-ok: GrowthBook weights
  double sum = 0;               // purity-ok: GrowthBook's own sum
  for (size_t i = 0; i < items->size(); ++i) {
    absl::StatusOr<double> weight = ReadFraction((*items)[i], ChildPath(path, i));  // purity-ok: weight
    if (!weight.ok()) return InputError(error_code::kInvalidWeights, "each weight is a number from 0 to 1", path);
    sum += *weight;
    weights.push_back(*weight);
  }
  if (!(sum >= 0.99 && sum <= 1.01)) {
    return InputError(error_code::kInvalidWeights, "the weights must add up to 1 (within 0.99 to 1.01)", path);
  }
  return weights;
}

absl::StatusOr<Experiment> ReadExperiment(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Experiment experiment;
  SF_RETURN_IF_ERROR(reader.Required("key", experiment.key, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("name", experiment.name, ReadString, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("active", experiment.active, ReadBoolean));
  SF_RETURN_IF_ERROR(reader.Optional("hash_attribute", experiment.hash_attribute, ReadIdentifier, context.read));
  int64_t hash_version = 1;
  SF_RETURN_IF_ERROR(reader.Optional("hash_version", hash_version, ReadInteger, 1, 2, error_code::kInvalidValue));
  experiment.hash_version = static_cast<int>(hash_version);
  SF_RETURN_IF_ERROR(reader.Optional("seed", experiment.seed, ReadString, context.read));
  SF_RETURN_IF_ERROR(reader.Required("variations", experiment.variations, ReadArrayOf<Variation, AmountContext>,
                                     ReadVariation, context));
  const size_t count = experiment.variations.size();
  if (count < 2 || count > static_cast<size_t>(kMaxVariations)) {
    return Invalid(absl::StrCat("an experiment has 2 to ", kMaxVariations, " variations"), reader.PathOf("variations"));
  }
  double coverage = 1;  // purity-ok: GrowthBook coverage
  SF_RETURN_IF_ERROR(reader.Optional("coverage", coverage, ReadFraction));
  std::vector<double> weights;  // purity-ok: empty is GrowthBook's equal weights
  SF_RETURN_IF_ERROR(reader.Optional("weights", weights, ReadWeights, count));
  experiment.ranges = bucketing::BucketRanges(static_cast<int>(count), coverage, weights);
  SF_RETURN_IF_ERROR(reader.Optional("namespace", experiment.name_space, ReadNamespace, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("segments", experiment.segments, ReadIdentifierList, context.read));
  int64_t force = -1;
  SF_RETURN_IF_ERROR(
      reader.Optional("force", force, ReadInteger, 0, static_cast<int64_t>(count) - 1, error_code::kInvalidValue));
  if (force >= 0) experiment.force = static_cast<int32_t>(force);
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return experiment;
}

}  // namespace

absl::StatusOr<std::vector<Segment>> ReadSegments(ObjectReader& snapshot_reader, const AmountContext& context,
                                                  const Catalog& catalog) {
  SF_RETURN_IF_ERROR(CheckCount(snapshot_reader, "segments", kMaxSegments, error_code::kInvalidValue));
  const Json* value = snapshot_reader.Find("segments");
  if (value == nullptr) return std::vector<Segment>();
  // Read at "/segments" so that condition paths are pointers into the snapshot itself.
  absl::StatusOr<std::vector<Segment>> segments =
      ReadArrayOf<Segment, AmountContext>(*value, "/segments", ReadSegment, context);
  if (!segments.ok()) return PrefixErrorPath(segments.status(), snapshot_reader.path());
  const auto checked = [&]() -> absl::Status {
    for (size_t i = 0; i < segments->size(); ++i) {
      Segment& segment = (*segments)[i];
      for (size_t j = 0; j < i; ++j) {
        if ((*segments)[j].id == segment.id) {
          return InputError(error_code::kDuplicateId, absl::StrCat("segment \"", segment.id, "\" is defined twice"),
                            absl::StrCat("/segments/", i, "/id"));
        }
      }
      SF_RETURN_IF_ERROR(PrepareCondition(segment.condition, absl::StrCat("/segments/", i, "/condition"), catalog));
      SF_RETURN_IF_ERROR(CheckSegmentCondition(segment.condition, *segments, i));
    }
    return absl::OkStatus();
  }();
  if (!checked.ok()) return PrefixErrorPath(checked, snapshot_reader.path());
  return segments;
}

absl::StatusOr<ExperimentSet> ReadExperiments(ObjectReader& snapshot_reader, const AmountContext& context,
                                              const Snapshot& snapshot) {
  SF_RETURN_IF_ERROR(CheckCount(snapshot_reader, "experiments", kMaxExperiments, error_code::kInvalidValue));
  const Json* value = snapshot_reader.Find("experiments");
  if (value == nullptr) return ExperimentSet();
  absl::StatusOr<std::vector<Experiment>> experiments =
      ReadArrayOf<Experiment, AmountContext>(*value, "/experiments", ReadExperiment, context);
  if (!experiments.ok()) return PrefixErrorPath(experiments.status(), snapshot_reader.path());
  absl::StatusOr<ExperimentSet> set =
      ExperimentSet::Build(*std::move(experiments), snapshot.pricing, snapshot.promotions, snapshot.shipping);
  if (!set.ok()) return PrefixErrorPath(set.status(), snapshot_reader.path());
  return set;
}

Json WriteExperimentAssignments(const std::vector<ExperimentAssignment>& assignments) {
  Json out = Json::array();
  for (const ExperimentAssignment& assignment : assignments) {
    Json entry = {{"experiment", assignment.experiment},
                  {"variation", assignment.variation},
                  {"variation_key", assignment.variation_key},
                  {"in_experiment", assignment.in_experiment},
                  {"hash_attribute", assignment.hash_attribute}};
    if (!assignment.hash_value.empty()) entry["hash_value"] = assignment.hash_value;
    if (assignment.bucket.has_value()) entry["bucket"] = *assignment.bucket;
    if (!assignment.reason.empty()) entry["reason"] = assignment.reason;
    out.push_back(std::move(entry));
  }
  return out;
}

Json WriteSuggestions(const std::vector<Suggestion>& suggestions) {
  Json out = Json::array();
  for (const Suggestion& suggestion : suggestions) {
    Json reasons = Json::array();
    for (const SuggestionReason& reason : suggestion.reasons) {
      Json entry = {{"type", reason.type}};
      if (!reason.with.empty()) entry["with"] = reason.with;
      if (!reason.confidence.empty()) entry["confidence"] = reason.confidence;
      if (!reason.lift.empty()) entry["lift"] = reason.lift;
      if (!reason.nudge.empty()) entry["nudge"] = reason.nudge;
      if (!reason.method.empty()) entry["method"] = reason.method;
      if (!reason.promotion.empty()) entry["promotion"] = reason.promotion;
      if (reason.missing.has_value()) entry["missing"] = reason.missing->ToString();
      if (reason.overshoot.has_value()) entry["overshoot"] = reason.overshoot->ToString();
      if (reason.quantity.has_value()) entry["quantity"] = *reason.quantity;
      reasons.push_back(std::move(entry));
    }
    Json entry = {{"sku", suggestion.sku},
                  {"product", suggestion.product},
                  {"quantity", suggestion.quantity},
                  {"unit_price", suggestion.unit_price.ToString()},
                  {"reasons", std::move(reasons)}};
    if (suggestion.score.has_value()) entry["score"] = *suggestion.score;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace storefront::codec
