// Experiment bucketing: GrowthBook's published assignment algorithm, bit for bit.
//
// GrowthBook (growthbook.io) hashes a user's attribute with a seed to a number in [0, 1), turns
// the experiment's weights and coverage into one [start, end) range per variation, and serves the
// variation whose range holds the number. Any SDK that reproduces these steps exactly serves the
// same variation, so an experiment defined in GrowthBook assigns identically here, in the
// browser, at the edge and on the server. The reference is the JS SDK's util.ts (hashFnv32a,
// hash, getEqualWeights, getBucketRanges, chooseVariation, inNamespace); its test suite cases.json
// runs as shared vectors (tests/vectors/experiments/).
//
// GrowthBook defines ranges and comparisons in IEEE-754 binary64, so this is the one place in the
// core with floating point (docs/design/experiment-bucketing-doubles.md): only +, * and /, each
// correctly rounded and therefore identical on x86-64, aarch64 and wasm (the core is compiled with
// -ffp-contract=off, so nothing is fused). A double here only selects a variation, never an
// amount; the hash itself is also kept as an exact integer (Bucket).
#ifndef STOREFRONT_PERSONALIZATION_BUCKETING_H_
#define STOREFRONT_PERSONALIZATION_BUCKETING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace storefront::bucketing {

// FNV-1a 32 as GrowthBook's JS computes it: over the UTF-16 code units of the string (each unit
// XORed whole, as charCodeAt returns it), not over bytes. `utf8` is decoded to code points and
// each code point above U+FFFF becomes its surrogate pair, so non-ASCII ids hash as in the
// browser. Each byte that does not start a well-formed UTF-8 sequence (stray continuation,
// truncated or overlong sequence, encoded surrogate, above U+10FFFF) counts as one U+FFFD.
// (The WHATWG decoder would turn a truncated sequence into a single U+FFFD; valid UTF-8, which is
// all the JSON boundary lets through, decodes identically either way.)
uint32_t Fnv1a32(absl::string_view utf8);

// A hash result, exactly: `units` / `scale`, with `scale` 1000 (version 1) or 10000 (version 2).
struct Bucket {
  uint32_t units;
  uint32_t scale;

  // units / scale in one correctly rounded division: the double GrowthBook's JS gets.
  double Value() const;
  // The exact decimal with as many fraction digits as the scale has zeros: "0.220", "0.0420".
  std::string ToString() const;
};

// GrowthBook's hash(seed, value, version). Mind the order of the concatenations:
//   version 1: fnv(value + seed) mod 1000, over 1000 (GrowthBook's original, slightly biased);
//   version 2: fnv(decimal(fnv(seed + value))) mod 10000, over 10000.
// Any other version is nullopt, as GrowthBook returns null.
std::optional<Bucket> Hash(absl::string_view seed, absl::string_view value, int version);

// A variation's share of the hash space: start <= n < end.
struct BucketRange {
  double start;
  double end;
};

// GrowthBook's getBucketRanges, fallbacks included: `coverage` is clamped to [0, 1]; `weights`
// of another length than `variations` (an empty span is "no weights"), or summing outside
// [0.99, 1.01], are replaced by equal weights 1 / variations. Each range starts at the running
// sum of the weights before it and spans coverage × weight, summed in GrowthBook's order, so the
// bounds are the same doubles. No variations (zero or negative) is no ranges. One range is
// allocated per variation: the JSON boundary bounds `variations`.
std::vector<BucketRange> BucketRanges(int variations, double coverage, absl::Span<const double> weights);

// The index of the first range holding `n`, or -1 when none does (outside the coverage).
int ChooseVariation(double n, absl::Span<const BucketRange> ranges);

// A namespace slice: experiments sharing `id` with disjoint [start, end) never share a user.
struct Namespace {
  std::string id;
  double start;
  double end;
};

// Whether hash("__" + id, hash_value, 1) lies in [start, end), as GrowthBook's inNamespace.
bool InNamespace(absl::string_view hash_value, const Namespace& ns);

}  // namespace storefront::bucketing

#endif  // STOREFRONT_PERSONALIZATION_BUCKETING_H_
