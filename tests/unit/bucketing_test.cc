#include "storefront/personalization/bucketing.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace storefront::bucketing {
namespace {

// For ASCII, UTF-16 code units are the bytes, so the published FNV-1a 32 test values apply.
TEST(BucketingTest, Fnv1a32OfAsciiIsTheStandardFnv1a) {
  EXPECT_EQ(Fnv1a32(""), 0x811c9dc5u);
  EXPECT_EQ(Fnv1a32("a"), 0xe40c292cu);
  EXPECT_EQ(Fnv1a32("foobar"), 0xbf9cf968u);
}

// Non-ASCII text hashes its UTF-16 code units, as JavaScript's charCodeAt sees them.
TEST(BucketingTest, Fnv1a32HashesUtf16CodeUnits) {
  // U+00E9 is one code unit 0xE9: (0x811c9dc5 ^ 0xE9) * 0x01000193 mod 2^32, worked by hand.
  EXPECT_EQ(Fnv1a32("\xC3\xA9"), 0x6c0b6c44u);
  // A character above U+FFFF is its surrogate pair: U+1F600 is D83D DE00, and so is the pair of
  // code units written out, which a JavaScript string would hold identically.
  uint32_t pair = 0x811c9dc5u;
  for (const uint32_t unit : {0xD83Du, 0xDE00u}) pair = (pair ^ unit) * 0x01000193u;
  EXPECT_EQ(Fnv1a32("\xF0\x9F\x98\x80"), pair);
}

TEST(BucketingTest, EachInvalidUtf8ByteHashesAsOneReplacementCharacter) {
  const std::string replacement = "\xEF\xBF\xBD";  // U+FFFD
  const std::string two = replacement + replacement;
  const std::string three = two + replacement;
  EXPECT_EQ(Fnv1a32("\xE9"), Fnv1a32(replacement));            // a Latin-1 byte
  EXPECT_EQ(Fnv1a32("\x80"), Fnv1a32(replacement));            // a stray continuation byte
  EXPECT_EQ(Fnv1a32("\xE2\x82"), Fnv1a32(two));                // a truncated sequence
  EXPECT_EQ(Fnv1a32("\xC0\x80"), Fnv1a32(two));                // an overlong NUL
  EXPECT_EQ(Fnv1a32("\xED\xA0\x80"), Fnv1a32(three));          // an encoded surrogate
  EXPECT_EQ(Fnv1a32("\xF4\x90\x80\x80"), Fnv1a32(two + two));  // above U+10FFFF
  EXPECT_EQ(Fnv1a32("a\xFF"
                    "b"),
            Fnv1a32("a" + replacement + "b"));  // valid text around it is kept
}

TEST(BucketingTest, BucketKeepsTheExactDecimal) {
  EXPECT_EQ((Bucket{220, 1000}).ToString(), "0.220");
  EXPECT_EQ((Bucket{420, 10000}).ToString(), "0.0420");
  EXPECT_EQ((Bucket{0, 10000}).ToString(), "0.0000");
  EXPECT_EQ((Bucket{9999, 10000}).ToString(), "0.9999");
  EXPECT_EQ((Bucket{220, 1000}).Value(), 0.22);
  EXPECT_EQ((Bucket{505, 10000}).Value(), 0.0505);
}

// cases.json: hash("b", "a", 1) = 0.946 and hash("seed", "a", 2) = 0.0505, and the argument order
// behind them: version 1 hashes value + seed, version 2 seed + value (then its own decimal).
TEST(BucketingTest, HashConcatenatesInGrowthBooksOrder) {
  const Bucket v1 = *Hash("b", "a", 1);
  EXPECT_EQ(v1.units, Fnv1a32("ab") % 1000);
  EXPECT_EQ(v1.ToString(), "0.946");
  const Bucket v2 = *Hash("seed", "a", 2);
  EXPECT_EQ(v2.units, Fnv1a32(absl::StrCat(Fnv1a32("seeda"))) % 10000);
  EXPECT_EQ(v2.ToString(), "0.0505");
  EXPECT_EQ(v2.scale, 10000u);
  EXPECT_FALSE(Hash("abc", "def", 99).has_value());
  EXPECT_FALSE(Hash("abc", "def", 0).has_value());
}

// Version 2 exists because version 1 is biased. Over 10,000 ids every decile holds 10 % of them
// within 3 percentage points, and the counts pass a chi-square test of uniformity (9 degrees of
// freedom, 27.88 is the 0.1 % critical value).
TEST(BucketingTest, Version2SpreadsIdsEvenlyOverDeciles) {
  constexpr int kIds = 10000;
  std::array<int, 10> deciles{};
  for (int i = 0; i < kIds; ++i) {
    const Bucket bucket = *Hash("checkout-test", absl::StrCat("customer-", i), 2);
    ++deciles[bucket.units / 1000];
  }
  int64_t chi_square_times_expected = 0;
  for (const int count : deciles) {
    EXPECT_GE(count, kIds / 10 - kIds * 3 / 100);
    EXPECT_LE(count, kIds / 10 + kIds * 3 / 100);
    chi_square_times_expected += int64_t{count - kIds / 10} * (count - kIds / 10);
  }
  EXPECT_LT(chi_square_times_expected, 27880 * (kIds / 10) / 1000);
}

TEST(BucketingTest, RangesWithHalfCoverageStartWhereFullCoverageWould) {
  const std::vector<BucketRange> equal = BucketRanges(2, 0.5, {});
  ASSERT_EQ(equal.size(), 2u);
  EXPECT_EQ(equal[0].start, 0.0);
  EXPECT_EQ(equal[0].end, 0.25);
  EXPECT_EQ(equal[1].start, 0.5);
  EXPECT_EQ(equal[1].end, 0.75);
  const std::vector<double> weights = {0.4, 0.6};
  const std::vector<BucketRange> uneven = BucketRanges(2, 0.5, weights);
  EXPECT_EQ(uneven[0].end, 0.2);
  EXPECT_EQ(uneven[1].start, 0.4);
  EXPECT_EQ(uneven[1].end, 0.7);
}

TEST(BucketingTest, BadWeightsFallBackToEqualWeights) {
  const auto ends = [](int variations, std::vector<double> weights) {
    std::vector<double> result;
    for (const BucketRange& range : BucketRanges(variations, 1, weights)) result.push_back(range.end);
    return result;
  };
  const std::vector<double> halves = {0.5, 1};
  EXPECT_EQ(ends(2, {0.4, 0.1}), halves);                              // sums to 0.5
  EXPECT_EQ(ends(2, {0.7, 0.6}), halves);                              // sums to 1.3
  EXPECT_EQ(ends(2, {1}), halves);                                     // one weight for two variations
  EXPECT_EQ(ends(2, {}), halves);                                      // none given
  EXPECT_EQ(ends(2, {0.49, 0.5}), (std::vector<double>{0.49, 0.99}));  // 0.99: within tolerance
  EXPECT_EQ(ends(2, {0.5, 0.51}), (std::vector<double>{0.5, 1.01}));   // 1.01: within tolerance
  EXPECT_EQ(ends(2, {0.48, 0.5}), halves);                             // 0.98: outside
  EXPECT_TRUE(BucketRanges(0, 1, {}).empty());
  EXPECT_TRUE(BucketRanges(-1, 1, {}).empty());
}

TEST(BucketingTest, ChooseVariationTakesTheFirstRangeHoldingTheHash) {
  const std::vector<BucketRange> ranges = {{0, 0.5}, {0.5, 0.5}, {0.5, 1}};
  EXPECT_EQ(ChooseVariation(0.5, ranges), 2);  // [0.5, 0.5) is empty
  EXPECT_EQ(ChooseVariation(0, ranges), 0);
  EXPECT_EQ(ChooseVariation(1, ranges), -1);  // the end is exclusive
  EXPECT_EQ(ChooseVariation(0.3, {}), -1);
}

// cases.json inNamespace: user "1" hashes to 0.68 in "namespace1" (hash("__namespace1", "1", 1)).
TEST(BucketingTest, InNamespaceHashesTheIdWithTheNamespace) {
  EXPECT_EQ(Hash("__namespace1", "1", 1)->ToString(), "0.680");
  EXPECT_TRUE(InNamespace("1", {"namespace1", 0.4, 1}));
  EXPECT_FALSE(InNamespace("1", {"namespace1", 0, 0.4}));
  EXPECT_TRUE(InNamespace("1", {"namespace1", 0.68, 0.69}));  // the start is inclusive
  EXPECT_FALSE(InNamespace("1", {"namespace1", 0, 0.68}));    // the end is not
}

}  // namespace
}  // namespace storefront::bucketing
