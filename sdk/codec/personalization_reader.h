// The snapshot's "segments" and "experiments", and the personalization parts of the priced cart
// (docs/concepts/personalization.md). Internal to the codec.
#ifndef STOREFRONT_SDK_CODEC_PERSONALIZATION_READER_H_
#define STOREFRONT_SDK_CODEC_PERSONALIZATION_READER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "codec/condition_reader.h"
#include "codec/json.h"
#include "storefront/engine/snapshot.h"
#include "storefront/pricing/priced_cart.h"

namespace storefront::codec {

// The optional "segments" member, each condition checked against the catalog; at most
// kMaxSegments (`invalid_value`).
absl::StatusOr<std::vector<Segment>> ReadSegments(ObjectReader& snapshot_reader, const AmountContext& context,
                                                  const Catalog& catalog);

// The optional "experiments" member, validated against the snapshot read so far (price lists,
// promotions, shipping methods); at most kMaxExperiments (`invalid_value`).
absl::StatusOr<ExperimentSet> ReadExperiments(ObjectReader& snapshot_reader, const AmountContext& context,
                                              const Snapshot& snapshot);

Json WriteExperimentAssignments(const std::vector<ExperimentAssignment>& assignments);
Json WriteSuggestions(const std::vector<Suggestion>& suggestions);

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_PERSONALIZATION_READER_H_
