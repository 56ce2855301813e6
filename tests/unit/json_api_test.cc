// The JSON boundary: envelopes, limits on raw text, canonical bytes.
#include "storefront/codec/json_api.h"

#include <string>

#include "gtest/gtest.h"
#include "storefront/base/error.h"
#include "test_data.h"

namespace storefront {
namespace {

TEST(JsonApiTest, ErrorsAreEnvelopesWithCodeMessageAndPath) {
  auto engine = *CreateEngineFromJson(testing_data::kSnapshot);
  EXPECT_EQ(
      PriceCartJson(*engine, R"({"currency":"EUR","at":"2026-11-22T10:00:00Z","lines":[{"sku":"NOPE","quantity":1}]})"),
      R"({"error":{"code":"unknown_sku","message":"no variant has SKU \"NOPE\"","path":"/lines/0/sku"},"ok":false})");
}

TEST(JsonApiTest, ContentHashIgnoresSpellingButNotContent) {
  const std::string compact = R"({"currencies":["EUR"],"products":[],"schema_version":1})";
  const std::string spaced = "{ \"schema_version\" : 1,\n \"products\": [], \"currencies\": [\"EUR\"] }";
  EXPECT_EQ(ParseSnapshotJson(compact)->content_hash, ParseSnapshotJson(spaced)->content_hash);
  EXPECT_NE(ParseSnapshotJson(compact)->content_hash,
            ParseSnapshotJson(R"({"currencies":["JPY"],"products":[],"schema_version":1})")->content_hash);
}

TEST(JsonApiTest, DepthIsCheckedBeforeTheDocumentIsBuilt) {
  // 100,000 nested arrays would exhaust a recursive reader; the SAX pre-pass stops at the limit.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const absl::Status status = ParseSnapshotJson(deep).status();
  EXPECT_EQ(ErrorCodeOf(status), "json_too_deep");
}

TEST(JsonApiTest, SizeIsCheckedBeforeParsing) {
  HostLimits limits;
  limits.max_snapshot_bytes = 10;
  EXPECT_EQ(ErrorCodeOf(ParseSnapshotJson(testing_data::kSnapshot, limits).status()), "input_too_large");
}

TEST(JsonApiTest, SyntaxErrorsSayWhere) {
  const absl::Status status = ParseSnapshotJson(R"({"schema_version": 1,})").status();
  EXPECT_EQ(ErrorCodeOf(status), "json_syntax");
  EXPECT_NE(status.message().find("byte"), absl::string_view::npos) << status.message();
}

TEST(JsonApiTest, HostLimitsParseAndAreBounded) {
  EXPECT_EQ(ParseHostLimitsJson(R"({"max_json_depth": 8})")->max_json_depth, 8);
  EXPECT_EQ(ErrorCodeOf(ParseHostLimitsJson(R"({"max_json_depth": 65})").status()), "limit_out_of_range");
  EXPECT_EQ(ErrorPathOf(ParseHostLimitsJson(R"({"max_json_depth": 65})").status()), "/max_json_depth");
  EXPECT_EQ(ErrorCodeOf(ParseHostLimitsJson(R"({"max_widgets": 1})").status()), "unknown_field");
}

TEST(JsonApiTest, UnknownOperationIsAnError) {
  EXPECT_EQ(
      RunOperation("money.divide", "{}"),
      R"({"error":{"code":"unknown_operation","message":"unknown operation \"money.divide\"","path":""},"ok":false})");
}

}  // namespace
}  // namespace storefront
