// Recommendations: training counts, the model's invariants, the JSON codec and the order-log
// reader, and RankRelated's integer scores and strings. Every expected value below is computed by
// hand from the small order log in the comment of TrainingLog().
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "codec/json.h"
#include "codec/recommendations_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storefront/base/error.h"
#include "storefront/personalization/recommendations.h"

namespace storefront::personalization {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Item = RecommendationModel::Item;
using Related = RecommendationModel::Related;

// Eight orders. Per SKU: A in 1,2,3,4,6 (5 orders); B in 1,2,3,5,6 (5); C in 1,4,5 (3); D in 3,7
// (2); E and F in 8 (1 each). Per pair: AB in 1,2,3,6 (4); AC in 1,4 (2); BC in 1,5 (2); AD, BD
// in 3 (1 each); EF in 8 (1). Order 6 lists A twice: it counts once.
const std::vector<std::vector<absl::string_view>>& TrainingLog() {
  static const auto* log = new std::vector<std::vector<absl::string_view>>{
      {"A", "B", "C"}, {"A", "B"}, {"A", "B", "D"}, {"A", "C"}, {"B", "C"}, {"A", "A", "B"}, {"D"}, {"E", "F"},
  };
  return *log;
}

CoOccurrenceCounter Train(int64_t max_items_per_order = kDefaultMaxItemsPerOrder) {
  CoOccurrenceCounter counter(max_items_per_order);
  for (const auto& order : TrainingLog()) counter.AddOrder(order);
  return counter;
}

std::string Written(const RecommendationModel& model) {
  return codec::Canonical(codec::WriteRecommendationModel(model));
}

RecommendationModel TrainedModel(int64_t min_support, int64_t top_k) {
  absl::StatusOr<RecommendationModel> model = Train().Build(min_support, top_k);
  EXPECT_TRUE(model.ok()) << model.status();
  return *model;
}

TEST(CoOccurrenceCounterTest, CountsOrdersSkusAndPairs) {
  const CoOccurrenceCounter counter = Train();
  EXPECT_EQ(counter.orders(), 8);
  EXPECT_EQ(counter.oversized_orders(), 0);
  EXPECT_EQ(counter.distinct_skus(), 6);
  EXPECT_EQ(counter.distinct_pairs(), 6);  // AB AC BC AD BD EF
}

TEST(CoOccurrenceCounterTest, KeepsPairsWithTogetherAtLeastMinSupport) {
  // min_support 2: AB (4), AC (2), BC (2) qualify; AD, BD, EF (1) do not, so D, E, F are left out.
  // C's partners tie at 2: A before B.
  EXPECT_EQ(Written(TrainedModel(2, 20)),
            R"({"items":[)"
            R"({"orders":5,"related":[{"sku":"B","together":4},{"sku":"C","together":2}],"sku":"A"},)"
            R"({"orders":5,"related":[{"sku":"A","together":4},{"sku":"C","together":2}],"sku":"B"},)"
            R"({"orders":3,"related":[{"sku":"A","together":2},{"sku":"B","together":2}],"sku":"C"}],)"
            R"("min_support":2,"orders":8,"top_k":20})");
}

TEST(CoOccurrenceCounterTest, MinSupportEdgeAtAndBelow) {
  // min_support 1: every pair that occurred once is kept, D, E and F included.
  EXPECT_EQ(
      Written(TrainedModel(1, 20)),
      R"({"items":[)"
      R"({"orders":5,"related":[{"sku":"B","together":4},{"sku":"C","together":2},{"sku":"D","together":1}],"sku":"A"},)"
      R"({"orders":5,"related":[{"sku":"A","together":4},{"sku":"C","together":2},{"sku":"D","together":1}],"sku":"B"},)"
      R"({"orders":3,"related":[{"sku":"A","together":2},{"sku":"B","together":2}],"sku":"C"},)"
      R"({"orders":2,"related":[{"sku":"A","together":1},{"sku":"B","together":1}],"sku":"D"},)"
      R"({"orders":1,"related":[{"sku":"F","together":1}],"sku":"E"},)"
      R"({"orders":1,"related":[{"sku":"E","together":1}],"sku":"F"}],)"
      R"("min_support":1,"orders":8,"top_k":20})");
  // AB has together 4: kept at min_support 4 (at the edge), gone at 5 (below it).
  EXPECT_EQ(Written(TrainedModel(4, 20)),
            R"({"items":[{"orders":5,"related":[{"sku":"B","together":4}],"sku":"A"},)"
            R"({"orders":5,"related":[{"sku":"A","together":4}],"sku":"B"}],"min_support":4,"orders":8,"top_k":20})");
  EXPECT_EQ(Written(TrainedModel(5, 20)), R"({"items":[],"min_support":5,"orders":8,"top_k":20})");
}

TEST(CoOccurrenceCounterTest, TopKCutsTiesBySku) {
  // top_k 1: A keeps B (4 > 2), C keeps A over B (tie at 2), D keeps A over B (tie at 1). B is
  // still listed: A names it, and it has a partner of its own.
  const RecommendationModel model = TrainedModel(1, 1);
  ASSERT_EQ(model.items.size(), 6u);
  const auto first = [&](absl::string_view sku) { return model.Find(sku)->related.at(0).sku; };
  EXPECT_EQ(first("A"), "B");
  EXPECT_EQ(first("B"), "A");
  EXPECT_EQ(first("C"), "A");
  EXPECT_EQ(first("D"), "A");
  EXPECT_EQ(first("E"), "F");
  for (const Item& item : model.items) EXPECT_EQ(item.related.size(), 1u) << item.sku;
}

TEST(CoOccurrenceCounterTest, OversizedOrdersCountButAddNoPairs) {
  // With at most 2 distinct SKUs per order, orders 1 (A B C) and 3 (A B D) are oversized: their
  // SKUs still count, their pairs do not. Left: AB in 2 and 6, AC in 4, BC in 5, EF in 8.
  const CoOccurrenceCounter counter = Train(2);
  EXPECT_EQ(counter.orders(), 8);
  EXPECT_EQ(counter.oversized_orders(), 2);
  EXPECT_EQ(counter.distinct_pairs(), 4);
  absl::StatusOr<RecommendationModel> model = counter.Build(2, 20);
  ASSERT_TRUE(model.ok()) << model.status();
  EXPECT_EQ(Written(*model), R"({"items":[{"orders":5,"related":[{"sku":"B","together":2}],"sku":"A"},)"
                             R"({"orders":5,"related":[{"sku":"A","together":2}],"sku":"B"}],)"
                             R"("min_support":2,"orders":8,"top_k":20})");
}

TEST(CoOccurrenceCounterTest, RejectsParametersOutOfRange) {
  const CoOccurrenceCounter counter = Train();
  EXPECT_EQ(ErrorPathOf(counter.Build(0, 20).status()), "/min_support");
  EXPECT_EQ(ErrorPathOf(counter.Build(2, 0).status()), "/top_k");
  EXPECT_EQ(ErrorPathOf(counter.Build(2, kMaxRecommendationTopK + 1).status()), "/top_k");
  EXPECT_EQ(ErrorCodeOf(counter.Build(2, 0).status()), "invalid_value");
}

TEST(CoOccurrenceCounterTest, EmptyLogGivesAnEmptyModel) {
  CoOccurrenceCounter counter;
  counter.AddOrder({});
  EXPECT_EQ(Written(*counter.Build(2, 20)), R"({"items":[],"min_support":2,"orders":1,"top_k":20})");
}

// RankRelated on the min_support 2 model: orders 8; A 5, B 5, C 3; AB 4, AC 2, BC 2.
TEST(RankRelatedTest, ScoresSumConfidencesInPartsPerMillion) {
  const RecommendationModel model = TrainedModel(2, 20);
  // Distinct known cart SKUs: A and C (the unknown SKU and the second A add nothing).
  //   from A: B 4·10^6/5 = 800000, C 2·10^6/5 = 400000
  //   from C: A floor(2·10^6/3) = 666666, B 666666
  // B = 1466666, strongest A (800000 > 666666): confidence floor(4·10^4/5) = 8000 -> "0.8000",
  //   lift floor(4·8·100/(5·5)) = floor(3200/25) = 128 -> "1.28".
  // A = 666666 with C: confidence floor(2·10^4/3) = 6666, lift floor(2·8·100/(3·5)) = 106.
  // C = 400000 with A: confidence 4000, lift floor(1600/15) = 106.
  const std::vector<std::string> cart = {"A", "C", "NOT-IN-MODEL", "A"};
  const std::vector<RelatedCandidate> ranked = RankRelated(model, cart);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].sku, "B");
  EXPECT_EQ(ranked[0].score, 1466666);
  EXPECT_EQ(ranked[0].with, "A");
  EXPECT_EQ(ranked[0].together, 4);
  EXPECT_EQ(ranked[0].confidence, "0.8000");
  EXPECT_EQ(ranked[0].lift, "1.28");
  EXPECT_EQ(ranked[1].sku, "A");  // a cart SKU: RankRelated does not filter, the engine does
  EXPECT_EQ(ranked[1].score, 666666);
  EXPECT_EQ(ranked[1].with, "C");
  EXPECT_EQ(ranked[1].together, 2);
  EXPECT_EQ(ranked[1].confidence, "0.6666");
  EXPECT_EQ(ranked[1].lift, "1.06");
  EXPECT_EQ(ranked[2].sku, "C");
  EXPECT_EQ(ranked[2].score, 400000);
  EXPECT_EQ(ranked[2].with, "A");
  EXPECT_EQ(ranked[2].confidence, "0.4000");
  EXPECT_EQ(ranked[2].lift, "1.06");
}

TEST(RankRelatedTest, TiesGoBySku) {
  const RecommendationModel model = TrainedModel(2, 20);
  // Cart B, A: A gets 800000 from B, B 800000 from A, C 400000 from each (800000): equal scores
  // list by SKU; C's two equal contributors resolve to A, the smaller SKU.
  const std::vector<std::string> cart = {"B", "A"};
  const std::vector<RelatedCandidate> ranked = RankRelated(model, cart);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].sku, "A");
  EXPECT_EQ(ranked[1].sku, "B");
  EXPECT_EQ(ranked[2].sku, "C");
  for (const RelatedCandidate& candidate : ranked) EXPECT_EQ(candidate.score, 800000) << candidate.sku;
  EXPECT_EQ(ranked[2].with, "A");
  EXPECT_EQ(ranked[2].together, 2);
  EXPECT_THAT(RankRelated(model, std::vector<std::string>{"D", "E"}), IsEmpty());
  EXPECT_THAT(RankRelated(model, std::vector<std::string>{}), IsEmpty());
}

TEST(RankRelatedTest, StringsTruncateAndPadFractionDigits) {
  // orders 1000; X in 300 orders, Y in 10, together 1.
  //   cart X: Y scores floor(10^6/300) = 3333; confidence floor(10^4/300) = 33 -> "0.0033";
  //           lift floor(1·1000·100/(300·10)) = floor(100000/3000) = 33 -> "0.33".
  //   cart Y: X scores 10^6/10 = 100000; confidence 1000 -> "0.1000"; lift "0.33".
  // P and Q in 10 orders each, always together: confidence "1.0000", lift 10·1000·100/100 = 10000
  // -> "100.00".
  absl::StatusOr<RecommendationModel> model =
      RecommendationModel::Create(1000, 1, 20,
                                  {Item{"P", 10, {Related{"Q", 10}}}, Item{"Q", 10, {Related{"P", 10}}},
                                   Item{"X", 300, {Related{"Y", 1}}}, Item{"Y", 10, {Related{"X", 1}}}});
  ASSERT_TRUE(model.ok()) << model.status();
  std::vector<RelatedCandidate> ranked = RankRelated(*model, std::vector<std::string>{"X"});
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].score, 3333);
  EXPECT_EQ(ranked[0].confidence, "0.0033");
  EXPECT_EQ(ranked[0].lift, "0.33");
  ranked = RankRelated(*model, std::vector<std::string>{"Y"});
  EXPECT_EQ(ranked[0].score, 100000);
  EXPECT_EQ(ranked[0].confidence, "0.1000");
  EXPECT_EQ(ranked[0].lift, "0.33");
  ranked = RankRelated(*model, std::vector<std::string>{"P"});
  EXPECT_EQ(ranked[0].score, 1000000);
  EXPECT_EQ(ranked[0].confidence, "1.0000");
  EXPECT_EQ(ranked[0].lift, "100.00");
}

TEST(RankRelatedTest, LargestCountsNeedNoFloatingPointAndDoNotOverflow) {
  // 10^15 orders, every one holding both: together · orders · 100 = 10^32 needs 128 bits.
  constexpr int64_t kMax = kMaxRecommendationCount;
  absl::StatusOr<RecommendationModel> model = RecommendationModel::Create(
      kMax, 1, 1, {Item{"P", kMax, {Related{"Q", kMax}}}, Item{"Q", kMax, {Related{"P", kMax}}}});
  ASSERT_TRUE(model.ok()) << model.status();
  const std::vector<RelatedCandidate> ranked = RankRelated(*model, std::vector<std::string>{"P"});
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].score, 1000000);
  EXPECT_EQ(ranked[0].confidence, "1.0000");
  EXPECT_EQ(ranked[0].lift, "1.00");
}

TEST(RecommendationModelTest, FindUsesTheIndexAndSurvivesCopies) {
  const RecommendationModel model = TrainedModel(2, 20);
  const RecommendationModel copy = model;  // NOLINT: the copy is what is tested
  ASSERT_NE(copy.Find("C"), nullptr);
  EXPECT_EQ(copy.Find("C"), &copy.items[2]);
  EXPECT_EQ(copy.Find("D"), nullptr);
  EXPECT_EQ(RecommendationModel().Find("A"), nullptr);
}

// --- The codec ---

absl::Status ReadError(absl::string_view text) {
  absl::StatusOr<codec::Json> json = codec::ParseJsonText(text, {1 << 20, 32}, "/recommendations");
  if (!json.ok()) return json.status();
  return codec::ReadRecommendationModel(*json, "/recommendations", {256}).status();
}

MATCHER_P2(IsInputError, code, path, "") { return ErrorCodeOf(arg) == code && ErrorPathOf(arg) == path; }

TEST(RecommendationsReaderTest, RoundTripsWhatTrainingWrites) {
  for (int64_t min_support : {1, 2, 5}) {
    const std::string written = Written(TrainedModel(min_support, 20));
    absl::StatusOr<codec::Json> json = codec::ParseJsonText(written, {1 << 20, 32}, "");
    ASSERT_TRUE(json.ok());
    absl::StatusOr<RecommendationModel> read = codec::ReadRecommendationModel(*json, "/recommendations", {256});
    ASSERT_TRUE(read.ok()) << read.status();
    EXPECT_EQ(Written(*read), written);
    EXPECT_EQ(read->Find("A") != nullptr, min_support <= 4);
  }
}

// A valid model with min_support 2, top_k 2: A 5, B 5, C 3; AB 4, AC 2, BC 2; orders 8.
std::string Model(absl::string_view items, absl::string_view header = R"("orders":8,"min_support":2,"top_k":2)") {
  return absl::StrCat("{", header, R"(,"items":)", items, "}");
}
constexpr absl::string_view kA =
    R"({"sku":"A","orders":5,"related":[{"sku":"B","together":4},{"sku":"C","together":2}]})";
constexpr absl::string_view kB =
    R"({"sku":"B","orders":5,"related":[{"sku":"A","together":4},{"sku":"C","together":2}]})";
constexpr absl::string_view kC =
    R"({"sku":"C","orders":3,"related":[{"sku":"A","together":2},{"sku":"B","together":2}]})";

TEST(RecommendationsReaderTest, AcceptsAValidModel) {
  EXPECT_TRUE(ReadError(Model(absl::StrCat("[", kA, ",", kB, ",", kC, "]"))).ok());
}

TEST(RecommendationsReaderTest, RejectsBrokenStructure) {
  EXPECT_THAT(ReadError(R"({"orders":8,"min_support":2,"top_k":2})"),
              IsInputError("missing_field", "/recommendations/items"));
  EXPECT_THAT(ReadError(Model("[]", R"("orders":8,"min_support":2,"top_k":2,"lift":1)")),
              IsInputError("unknown_field", "/recommendations/lift"));
  EXPECT_THAT(ReadError(Model("[]", R"("orders":"8","min_support":2,"top_k":2)")),
              IsInputError("type_mismatch", "/recommendations/orders"));
  EXPECT_THAT(ReadError(Model(R"([{"sku":"A","orders":5}])")),
              IsInputError("missing_field", "/recommendations/items/0/related"));
  EXPECT_THAT(ReadError(Model(R"([{"sku":"","orders":5,"related":[]}])")),
              IsInputError("invalid_value", "/recommendations/items/0/sku"));
}

TEST(RecommendationsReaderTest, RejectsNegativeAndOutOfRangeCounts) {
  EXPECT_THAT(ReadError(Model("[]", R"("orders":-1,"min_support":2,"top_k":2)")),
              IsInputError("invalid_value", "/recommendations/orders"));
  EXPECT_THAT(ReadError(Model("[]", R"("orders":8,"min_support":0,"top_k":2)")),
              IsInputError("invalid_value", "/recommendations/min_support"));
  EXPECT_THAT(ReadError(Model("[]", R"("orders":8,"min_support":2,"top_k":1001)")),
              IsInputError("invalid_value", "/recommendations/top_k"));
  EXPECT_THAT(ReadError(Model(R"([{"sku":"A","orders":-5,"related":[]}])")),
              IsInputError("invalid_value", "/recommendations/items/0/orders"));
  EXPECT_THAT(ReadError(Model(absl::StrCat(R"([{"sku":"A","orders":5,"related":[{"sku":"B","together":-4}]}])"))),
              IsInputError("invalid_value", "/recommendations/items/0/related/0/together"));
  // An item in more orders than the model counted.
  EXPECT_THAT(ReadError(Model(absl::StrCat("[", kA, ",", kB, R"(,{"sku":"C","orders":9,"related":[]}])"))),
              IsInputError("invalid_value", "/recommendations/items/2/orders"));
}

TEST(RecommendationsReaderTest, RejectsUnsortedAndDuplicateItems) {
  EXPECT_THAT(ReadError(Model(absl::StrCat("[", kB, ",", kA, ",", kC, "]"))),
              IsInputError("invalid_value", "/recommendations/items/1/sku"));
  EXPECT_THAT(ReadError(Model(absl::StrCat("[", kA, ",", kA, ",", kB, ",", kC, "]"))),
              IsInputError("duplicate_id", "/recommendations/items/1/sku"));
}

TEST(RecommendationsReaderTest, RejectsInconsistentRelatedEntries) {
  // A partner that is no item.
  EXPECT_THAT(ReadError(Model(absl::StrCat("[", kA, ",", kB, "]"))),
              IsInputError("unknown_sku", "/recommendations/items/0/related/1/sku"));
  // More partners than top_k.
  EXPECT_THAT(ReadError(Model(absl::StrCat("[", kA, ",", kB, ",", kC, "]"), R"("orders":8,"min_support":2,"top_k":1)")),
              IsInputError("invalid_value", "/recommendations/items/0/related"));
  // together above the partner's orders (C is in 3 orders).
  const std::string a_with_c5 = R"({"sku":"A","orders":5,"related":[{"sku":"C","together":5}]})";
  EXPECT_THAT(ReadError(Model(absl::StrCat("[", a_with_c5, R"(,{"sku":"C","orders":3,"related":[]}])"))),
              IsInputError("invalid_value", "/recommendations/items/0/related/0/together"));
  // together above the item's own orders.
  EXPECT_THAT(ReadError(Model(R"([{"sku":"A","orders":2,"related":[{"sku":"B","together":3}]},)"
                              R"({"sku":"B","orders":5,"related":[]}])")),
              IsInputError("invalid_value", "/recommendations/items/0/related/0/together"));
  // together below min_support: such a pair does not qualify.
  EXPECT_THAT(ReadError(Model(R"([{"sku":"A","orders":5,"related":[{"sku":"B","together":1}]},)"
                              R"({"sku":"B","orders":5,"related":[]}])")),
              IsInputError("invalid_value", "/recommendations/items/0/related/0/together"));
  // Not by together descending, then SKU.
  EXPECT_THAT(
      ReadError(Model(R"([{"sku":"A","orders":5,"related":[{"sku":"C","together":2},{"sku":"B","together":4}]},)"
                      R"({"sku":"B","orders":5,"related":[]},{"sku":"C","orders":3,"related":[]}])")),
      IsInputError("invalid_value", "/recommendations/items/0/related/1"));
  EXPECT_THAT(
      ReadError(Model(R"([{"sku":"A","orders":5,"related":[{"sku":"C","together":2},{"sku":"B","together":2}]},)"
                      R"({"sku":"B","orders":5,"related":[]},{"sku":"C","orders":3,"related":[]}])")),
      IsInputError("invalid_value", "/recommendations/items/0/related/1"));
  // A partner listed twice, and an item related to itself.
  EXPECT_THAT(
      ReadError(Model(R"([{"sku":"A","orders":5,"related":[{"sku":"B","together":4},{"sku":"B","together":2}]},)"
                      R"({"sku":"B","orders":5,"related":[]}])")),
      IsInputError("duplicate_id", "/recommendations/items/0/related/1/sku"));
  EXPECT_THAT(ReadError(Model(R"([{"sku":"A","orders":5,"related":[{"sku":"A","together":4}]}])")),
              IsInputError("invalid_value", "/recommendations/items/0/related/0/sku"));
  // The two sides of a pair disagree.
  EXPECT_THAT(ReadError(Model(R"([{"sku":"A","orders":5,"related":[{"sku":"B","together":4}]},)"
                              R"({"sku":"B","orders":5,"related":[{"sku":"A","together":3}]}])")),
              IsInputError("invalid_value", "/recommendations/items/1/related/0/together"));
  // An item nobody names and with no partners of its own.
  EXPECT_THAT(ReadError(Model(absl::StrCat("[", kA, ",", kB, ",", kC, R"(,{"sku":"D","orders":1,"related":[]}])"))),
              IsInputError("invalid_value", "/recommendations/items/3/related"));
}

TEST(OrderLineTest, ReadsOnlyTheSkus) {
  absl::StatusOr<std::vector<std::string>> skus = codec::ReadOrderLine(
      R"({"id":"o-1","at":"2026-10-01T09:12:00Z","customer":"c-42","meta":{"lines":5,"x":[[{}]]},)"
      R"("lines":[{"sku":"TEE-M","quantity":2,"extra":{"sku":7}},{"quantity":1,"sku":"MUG"},{"sku":"TEE-M"}]})");
  ASSERT_TRUE(skus.ok()) << skus.status();
  EXPECT_THAT(*skus, ElementsAre("TEE-M", "MUG", "TEE-M"));
  EXPECT_THAT(*codec::ReadOrderLine(R"({"lines":[]})"), IsEmpty());
  // A repeated member keeps the last value, as JSON.parse does.
  EXPECT_THAT(*codec::ReadOrderLine(R"({"lines":[{"sku":"A"}],"lines":[{"sku":"B"}]} )"), ElementsAre("B"));
}

TEST(OrderLineTest, ReportsTheFirstProblemWithItsPath) {
  using codec::ReadOrderLine;
  EXPECT_THAT(ReadOrderLine("not json").status(), IsInputError("json_syntax", ""));
  EXPECT_THAT(ReadOrderLine(R"({"lines":[]} trailing)").status(), IsInputError("json_syntax", ""));
  EXPECT_THAT(ReadOrderLine(R"({"lines":[)").status(), IsInputError("json_syntax", ""));
  EXPECT_THAT(ReadOrderLine("[1]").status(), IsInputError("type_mismatch", ""));
  EXPECT_THAT(ReadOrderLine("42").status(), IsInputError("type_mismatch", ""));
  EXPECT_THAT(ReadOrderLine(R"({"id":"o-1"})").status(), IsInputError("missing_field", "/lines"));
  EXPECT_THAT(ReadOrderLine(R"({"lines":{}})").status(), IsInputError("type_mismatch", "/lines"));
  EXPECT_THAT(ReadOrderLine(R"({"lines":[{"sku":"A"},1]})").status(), IsInputError("type_mismatch", "/lines/1"));
  EXPECT_THAT(ReadOrderLine(R"({"lines":[{"sku":"A"},{"quantity":2}]})").status(),
              IsInputError("missing_field", "/lines/1/sku"));
  EXPECT_THAT(ReadOrderLine(R"({"lines":[{"sku":5}]})").status(), IsInputError("type_mismatch", "/lines/0/sku"));
  EXPECT_THAT(ReadOrderLine(R"({"lines":[{"sku":""}]})").status(), IsInputError("invalid_value", "/lines/0/sku"));
  EXPECT_THAT(ReadOrderLine(absl::StrCat(R"({"lines":[{"sku":")", std::string(257, 'X'), R"("}]})")).status(),
              IsInputError("string_too_long", "/lines/0/sku"));
  EXPECT_THAT(ReadOrderLine(R"({"lines":[{"sku":"ABC"}]})", {16, 256}).status(), IsInputError("input_too_large", ""));
}

}  // namespace
}  // namespace storefront::personalization
