// products.rank: a JSON shell over personalization::RankByAffinity
// (docs/concepts/personalization.md, section 5).
//
// The input's shape is read first (snapshot, then products, then affinities with their weights);
// the core then checks what the ids refer to. Its error paths are already in this input's layout.
#include <utility>
#include <vector>

#include "codec/operations.h"
#include "codec/pricing_reader.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/personalization/affinity.h"

namespace storefront::codec {
namespace {

using personalization::Affinity;

absl::StatusOr<Affinity> ReadAffinity(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Affinity affinity;
  SF_ASSIGN_OR_RETURN(affinity.selector, ReadSelector(reader, context));
  SF_ASSIGN_OR_RETURN(const Json* weight, reader.Require("weight"));
  SF_ASSIGN_OR_RETURN(affinity.weight,
                      ReadInteger(*weight, reader.PathOf("weight"), -personalization::kMaxAffinityWeight,
                                  personalization::kMaxAffinityWeight, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return affinity;
}

// The array member `key`, refused by `check_count` before any element is read.
absl::StatusOr<const Json*> RequireBoundedArray(ObjectReader& input, absl::string_view key,
                                                absl::Status (*check_count)(size_t)) {
  SF_ASSIGN_OR_RETURN(const Json* value, input.Require(key));
  SF_ASSIGN_OR_RETURN(const Json::array_t* items, ReadArray(*value, input.PathOf(key)));
  SF_RETURN_IF_ERROR(check_count(items->size()));
  return value;
}

// The affinity as the caller spelled it: its selector and its weight.
Json WriteAffinity(const Affinity& affinity) {
  const Selector& selector = affinity.selector;
  Json out = {{"weight", affinity.weight}};
  switch (selector.kind) {
    case Selector::Kind::kSku:
      out["sku"] = selector.value;
      break;
    case Selector::Kind::kProduct:
      out["product"] = selector.value;
      break;
    case Selector::Kind::kCategory:
      out["category"] = selector.value;
      break;
    case Selector::Kind::kTag:
      out["tag"] = selector.value;
      break;
    case Selector::Kind::kAttribute:
      out["attribute"] = {{"key", selector.attribute_key}, {"value", selector.value}};
      break;
  }
  return out;
}

}  // namespace

absl::StatusOr<Json> ProductsRank(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Snapshot snapshot, ReadSnapshotInput(input));
  const ReadContext context{snapshot.host_limits.max_string_length};
  SF_ASSIGN_OR_RETURN(const Json* products_value,
                      RequireBoundedArray(input, "products", personalization::CheckRankedProductCount));
  SF_ASSIGN_OR_RETURN(const std::vector<std::string> product_ids,
                      ReadIdentifierList(*products_value, input.PathOf("products"), context));
  SF_ASSIGN_OR_RETURN(const Json* affinities_value,
                      RequireBoundedArray(input, "affinities", personalization::CheckAffinityCount));
  SF_ASSIGN_OR_RETURN(
      const std::vector<Affinity> affinities,
      (ReadArrayOf<Affinity, ReadContext>(*affinities_value, input.PathOf("affinities"), ReadAffinity, context)));
  SF_ASSIGN_OR_RETURN(const std::vector<personalization::RankedProduct> ranked,
                      personalization::RankByAffinity(snapshot.catalog, product_ids, affinities));
  Json products = Json::array();
  for (const personalization::RankedProduct& entry : ranked) {
    Json reasons = Json::array();  // always present, empty when nothing matched
    for (size_t index : entry.reasons) reasons.push_back(WriteAffinity(affinities[index]));
    products.push_back({{"product", entry.product}, {"score", entry.score}, {"reasons", std::move(reasons)}});
  }
  return Json{{"products", std::move(products)}};
}

}  // namespace storefront::codec
