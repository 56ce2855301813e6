// The named operations behind RunOperation, one handler each. Internal to the codec.
//
// A handler reads its input object through an ObjectReader (which then rejects unknown members)
// and returns the value of a successful envelope. Error paths point into the input document.
#ifndef STOREFRONT_SDK_CODEC_OPERATIONS_H_
#define STOREFRONT_SDK_CODEC_OPERATIONS_H_

#include "absl/status/statusor.h"
#include "codec/json.h"
#include "storefront/engine/snapshot.h"

namespace storefront::codec {

absl::StatusOr<Json> CurrencyInfo(ObjectReader& input);
absl::StatusOr<Json> MoneyParse(ObjectReader& input);
absl::StatusOr<Json> MoneyFormat(ObjectReader& input);
absl::StatusOr<Json> MoneySum(ObjectReader& input);
absl::StatusOr<Json> MoneyMultiply(ObjectReader& input);
absl::StatusOr<Json> MoneyAllocate(ObjectReader& input);
absl::StatusOr<Json> MoneyCashRound(ObjectReader& input);
absl::StatusOr<Json> SnapshotValidate(ObjectReader& input);
absl::StatusOr<Json> CartPrice(ObjectReader& input);
absl::StatusOr<Json> ProductsRank(ObjectReader& input);
absl::StatusOr<Json> ExperimentsHash(ObjectReader& input);
absl::StatusOr<Json> ExperimentsBucketRanges(ObjectReader& input);
absl::StatusOr<Json> ExperimentsChooseVariation(ObjectReader& input);
absl::StatusOr<Json> ExperimentsInNamespace(ObjectReader& input);

// The snapshot of an operation's input: `snapshot` or `snapshot_text`, read under the host limits
// of `options`.
absl::StatusOr<Snapshot> ReadSnapshotInput(ObjectReader& input);

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_OPERATIONS_H_
