#include "storefront/personalization/bucketing.h"

#include <cstddef>
#include <cstdint>

#include "absl/strings/str_cat.h"

namespace storefront::bucketing {
namespace {

constexpr uint32_t kFnvOffsetBasis = 0x811c9dc5;
// GrowthBook's JS multiplies by adding shifted copies, h + (h<<1) + (h<<4) + (h<<7) + (h<<8) +
// (h<<24), modulo 2^32: that is h × 0x01000193, the FNV-1 32-bit prime.
constexpr uint32_t kFnvPrime = 0x01000193;
constexpr uint32_t kReplacementCharacter = 0xFFFD;

struct CodePoint {
  uint32_t value;
  size_t length;  // bytes consumed
};

// The code point whose UTF-8 encoding starts at text[i], if the bytes there are well formed
// (Unicode Table 3-7: shortest form, no surrogates, at most U+10FFFF); otherwise U+FFFD for the
// one byte at i.
CodePoint DecodeAt(absl::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(text[k])); };
  const CodePoint invalid = {kReplacementCharacter, 1};
  const uint32_t lead = byte(i);
  if (lead < 0x80) return {lead, 1};
  size_t length = 0;
  uint32_t value = 0;
  uint32_t second_min = 0x80;  // the second byte's range excludes overlongs and surrogates
  uint32_t second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return invalid;
  }
  if (text.size() - i < length) return invalid;
  for (size_t k = 1; k < length; ++k) {
    const uint32_t next = byte(i + k);
    const uint32_t min = k == 1 ? second_min : 0x80;
    const uint32_t max = k == 1 ? second_max : 0xBF;
    if (next < min || next > max) return invalid;
    value = (value << 6) | (next & 0x3F);
  }
  return {value, length};
}

uint32_t FnvStep(uint32_t hash, uint32_t code_unit) { return (hash ^ code_unit) * kFnvPrime; }

std::vector<double> EqualWeights(int variations) {
  if (variations <= 0) return {};
  return std::vector<double>(static_cast<size_t>(variations), 1.0 / variations);
}

}  // namespace

uint32_t Fnv1a32(absl::string_view utf8) {
  uint32_t hash = kFnvOffsetBasis;
  for (size_t i = 0; i < utf8.size();) {
    const CodePoint c = DecodeAt(utf8, i);
    i += c.length;
    if (c.value < 0x10000) {
      hash = FnvStep(hash, c.value);
    } else {  // a surrogate pair, as JavaScript strings hold it
      const uint32_t offset = c.value - 0x10000;
      hash = FnvStep(hash, 0xD800 + (offset >> 10));
      hash = FnvStep(hash, 0xDC00 + (offset & 0x3FF));
    }
  }
  return hash;
}

double Bucket::Value() const { return static_cast<double>(units) / static_cast<double>(scale); }

std::string Bucket::ToString() const {
  size_t digits = 0;
  for (uint32_t s = scale; s > 1; s /= 10) ++digits;
  std::string fraction = absl::StrCat(units % scale);
  if (fraction.size() < digits) fraction.insert(0, digits - fraction.size(), '0');
  return absl::StrCat(units / scale, ".", fraction);
}

std::optional<Bucket> Hash(absl::string_view seed, absl::string_view value, int version) {
  // JavaScript concatenates the strings before hashing, so the UTF-8 texts are joined first too.
  if (version == 2) {
    const uint32_t inner = Fnv1a32(absl::StrCat(seed, value));
    return Bucket{Fnv1a32(absl::StrCat(inner)) % 10000, 10000};
  }
  if (version == 1) return Bucket{Fnv1a32(absl::StrCat(value, seed)) % 1000, 1000};
  return std::nullopt;
}

std::vector<BucketRange> BucketRanges(int variations, double coverage, absl::Span<const double> weights) {
  // The comparisons are GrowthBook's, so a value no comparison catches (NaN, which JSON cannot
  // carry) passes through as it does there.
  if (coverage < 0) {
    coverage = 0;
  } else if (coverage > 1) {
    coverage = 1;
  }
  const std::vector<double> equal = EqualWeights(variations);
  if (static_cast<int64_t>(weights.size()) != variations) weights = equal;
  double total = 0;
  for (const double weight : weights) total = weight + total;  // GrowthBook's reduce, in its order
  if (total < 0.99 || total > 1.01) weights = equal;

  std::vector<BucketRange> ranges;
  ranges.reserve(weights.size());
  double cumulative = 0;
  for (const double weight : weights) {
    const double start = cumulative;
    cumulative += weight;
    ranges.push_back({start, start + coverage * weight});
  }
  return ranges;
}

int ChooseVariation(double n, absl::Span<const BucketRange> ranges) {
  for (size_t i = 0; i < ranges.size(); ++i) {
    if (n >= ranges[i].start && n < ranges[i].end) return static_cast<int>(i);
  }
  return -1;
}

bool InNamespace(absl::string_view hash_value, const Namespace& ns) {
  const double n = Hash(absl::StrCat("__", ns.id), hash_value, 1)->Value();
  return n >= ns.start && n < ns.end;
}

}  // namespace storefront::bucketing
