// The native driver of the shared vectors: every file under tests/vectors runs through
// storefront::RunOperation, the entry point every other target wraps. One GoogleTest case per
// vector, named <area>/<topic>/<name>, so a failure names the rule it breaks.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "storefront/codec/json_api.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr char kTarget[] = "native";

struct VectorCase {
  std::string id;
  std::string op;
  std::string input_json;
  Json expected;
  std::string skip_reason;
};

// GoogleTest prints a failing parameter with this: the vector's id, not its bytes.
void PrintTo(const VectorCase& c, std::ostream* os) { *os << c.id; }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Json ReadJson(const fs::path& path) { return Json::parse(ReadFile(path), nullptr, /*allow_exceptions=*/false); }

// Replaces "snapshot_file" by the fixture it names, so the op sees a self-contained input.
std::string InputJson(const Json& input, const fs::path& root) {
  if (input.size() == 1 && input.contains("input_text")) return input["input_text"].get<std::string>();
  Json resolved = input;
  if (resolved.contains("snapshot_file")) {
    resolved["snapshot"] = ReadJson(root / resolved["snapshot_file"].get<std::string>());
    resolved.erase("snapshot_file");
  }
  return resolved.dump();
}

std::vector<VectorCase> LoadCases() {
  const fs::path root(STOREFRONT_VECTORS_DIR);
  std::map<std::string, std::string> skips;  // id -> reason, for this target
  const Json skip_file = ReadJson(root / "skips.json");
  for (const Json& entry : skip_file.value("skips", Json::array())) {
    if (entry.value("target", "") == kTarget) skips[entry.value("id", "")] = entry.value("reason", "");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const fs::path relative = fs::relative(entry.path(), root);
    if (entry.is_regular_file() && entry.path().extension() == ".json" && *relative.begin() != "fixtures" &&
        relative != "skips.json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<VectorCase> cases;
  for (const fs::path& file : files) {
    const Json document = ReadJson(file);
    const std::string prefix = fs::relative(file, root).replace_extension().generic_string();
    for (const Json& vector : document.at("vectors")) {
      VectorCase c{prefix + "/" + vector.at("name").get<std::string>(), vector.at("op").get<std::string>(),
                   InputJson(vector.at("input"), root), vector.at("expected"), ""};
      if (auto it = skips.find(c.id); it != skips.end()) {
        c.skip_reason = it->second;
        skips.erase(it);
      }
      cases.push_back(std::move(c));
    }
  }
  // A skip entry that matches nothing is stale: surface it as a failing case.
  for (const auto& [id, reason] : skips) cases.push_back({id, "", "", Json(), "stale skip entry: " + reason});
  return cases;
}

// Issue messages, like error messages, are for humans and may improve: compare issues by code and
// path, after checking that each message says something.
Json WithoutIssueMessages(Json envelope) {
  Json* issues = envelope.contains("value") && envelope["value"].is_object() && envelope["value"].contains("issues")
                     ? &envelope["value"]["issues"]
                     : nullptr;
  if (issues == nullptr) return envelope;
  for (Json& issue : *issues) {
    EXPECT_FALSE(issue.value("message", "").empty()) << issue.dump();
    issue.erase("message");
  }
  return envelope;
}

class VectorTest : public testing::TestWithParam<VectorCase> {};

TEST_P(VectorTest, MatchesExpectation) {
  const VectorCase& c = GetParam();
  ASSERT_FALSE(c.op.empty()) << c.skip_reason;
  if (!c.skip_reason.empty()) GTEST_SKIP() << c.skip_reason;
  const std::string envelope = storefront::RunOperation(c.op, c.input_json);
  const Json actual = Json::parse(envelope, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(actual.is_discarded()) << "not JSON: " << envelope;
  // Canonical output: the envelope is exactly its own sorted, compact serialisation.
  EXPECT_EQ(envelope, actual.dump()) << "output is not canonical";
  if (c.expected.at("ok").get<bool>()) {
    EXPECT_EQ(WithoutIssueMessages(actual).dump(), WithoutIssueMessages(c.expected).dump()) << "input: " << c.input_json;
  } else {
    ASSERT_FALSE(actual.at("ok").get<bool>()) << "expected an error, got " << envelope;
    const Json& error = actual.at("error");
    EXPECT_EQ(error.at("code"), c.expected.at("error").at("code")) << envelope;
    EXPECT_EQ(error.at("path"), c.expected.at("error").at("path")) << envelope;
    EXPECT_FALSE(error.at("message").get<std::string>().empty());
  }
}

std::string CaseName(const testing::TestParamInfo<VectorCase>& info) {
  std::string name = info.param.id;
  std::replace_if(name.begin(), name.end(), [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Shared, VectorTest, testing::ValuesIn(LoadCases()), CaseName);

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
