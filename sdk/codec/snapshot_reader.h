// Snapshot document -> Snapshot. Internal to the codec.
#ifndef STOREFRONT_SDK_CODEC_SNAPSHOT_READER_H_
#define STOREFRONT_SDK_CODEC_SNAPSHOT_READER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "codec/json.h"
#include "storefront/engine/limits.h"
#include "storefront/engine/snapshot.h"

namespace storefront::codec {

// Reads an already parsed snapshot that sits at `path` of the caller's input.
absl::StatusOr<Snapshot> ReadSnapshot(const Json& document, absl::string_view path, const HostLimits& limits);

// Host limits from an object such as {"max_snapshot_bytes": 1048576}; absent names keep defaults.
absl::StatusOr<HostLimits> ReadHostLimits(const Json& value, absl::string_view path);

// {categories, currencies, products, snapshot_hash, variants}: what a loaded snapshot holds.
Json DescribeSnapshot(const Snapshot& snapshot);

// "xxh3-128:<hex>" of the canonical serialisation of `document`.
std::string ContentHash(const Json& document);

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_SNAPSHOT_READER_H_
