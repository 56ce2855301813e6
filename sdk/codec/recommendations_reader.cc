#include "codec/recommendations_reader.h"

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::codec {
namespace {

using personalization::kMaxRecommendationCount;
using personalization::RecommendationModel;

// A count of orders: an integer in 0..kMaxRecommendationCount; a negative one is `invalid_value`.
absl::StatusOr<int64_t> ReadCount(const Json& value, absl::string_view path) {
  return ReadInteger(value, path, 0, kMaxRecommendationCount, error_code::kInvalidValue);
}

absl::StatusOr<RecommendationModel::Related> ReadRelated(const Json& value, absl::string_view path,
                                                         const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  RecommendationModel::Related related;
  SF_RETURN_IF_ERROR(reader.Required("sku", related.sku, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Required("together", related.together, ReadCount));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return related;
}

absl::StatusOr<RecommendationModel::Item> ReadItem(const Json& value, absl::string_view path,
                                                   const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  RecommendationModel::Item item;
  SF_RETURN_IF_ERROR(reader.Required("sku", item.sku, ReadIdentifier, context));
  SF_RETURN_IF_ERROR(reader.Required("orders", item.orders, ReadCount));
  SF_RETURN_IF_ERROR(reader.Required("related", item.related, ReadArrayOf<RecommendationModel::Related, ReadContext>,
                                     ReadRelated, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return item;
}

// Streams one order line, keeping only lines[].sku. Positions are tracked by nesting depth: the
// order is depth 1, its `lines` array depth 2, a line depth 3. Anything elsewhere is skipped.
class OrderLineHandler {
 public:
  explicit OrderLineHandler(int64_t max_string_length) : max_string_length_(max_string_length) {}

  bool null() { return Value(Json::value_t::null); }
  bool boolean(bool) { return Value(Json::value_t::boolean); }
  bool number_integer(Json::number_integer_t) { return Value(Json::value_t::number_integer); }
  bool number_unsigned(Json::number_unsigned_t) { return Value(Json::value_t::number_unsigned); }
  bool number_float(Json::number_float_t, const Json::string_t&) { return Value(Json::value_t::number_float); }
  bool string(Json::string_t& text) { return Value(Json::value_t::string, &text); }
  bool binary(Json::binary_t&) { return Value(Json::value_t::binary); }
  bool start_object(std::size_t) { return Value(Json::value_t::object) && Open(); }
  bool start_array(std::size_t) { return Value(Json::value_t::array) && Open(); }
  bool key(Json::string_t& key) {
    if (depth_ == 1) key_is_lines_ = key == "lines";
    if (depth_ == 3) key_is_sku_ = key == "sku";
    return true;
  }
  bool end_object() {
    --depth_;
    if (depth_ == 2 && in_lines_) {
      if (!line_sku_.has_value()) return Fail(error_code::kMissingField, "a line needs a \"sku\"", LinePath("/sku"));
      skus_.push_back(*std::move(line_sku_));
    } else if (depth_ == 0 && !lines_seen_) {
      return Fail(error_code::kMissingField, "an order needs \"lines\"", "/lines");
    }
    return true;
  }
  bool end_array() {
    --depth_;
    if (depth_ == 1) in_lines_ = false;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
    // nlohmann prefixes messages with "[json.exception.parse_error.101] ".
    const absl::string_view message = error.what();
    const size_t end = message.find("] ");
    status_ =
        InputError(error_code::kJsonSyntax, absl::StrCat("malformed JSON at byte ", position, ": ",
                                                         end == message.npos ? message : message.substr(end + 2)));
    return false;
  }

  const absl::Status& status() const { return status_; }
  std::vector<std::string>& skus() { return skus_; }

 private:
  // A value of `type` where the parser is; `text` for strings.
  bool Value(Json::value_t type, Json::string_t* text = nullptr) {
    if (depth_ == 0 && type != Json::value_t::object) return Mismatch(type, "an order object", "");
    if (depth_ == 1 && key_is_lines_) {
      if (type != Json::value_t::array) return Mismatch(type, "an array of lines", "/lines");
      // A repeated "lines" member replaces the earlier one, as in every JSON.parse.
      in_lines_ = lines_seen_ = true;
      skus_.clear();
      next_line_ = 0;
    } else if (depth_ == 2 && in_lines_) {
      line_ = next_line_++;
      if (type != Json::value_t::object) return Mismatch(type, "a line object", LinePath(""));
      line_sku_.reset();
    } else if (depth_ == 3 && in_lines_ && key_is_sku_) {
      if (type != Json::value_t::string) return Mismatch(type, "a SKU string", LinePath("/sku"));
      if (text->empty()) return Fail(error_code::kInvalidValue, "a SKU must not be empty", LinePath("/sku"));
      if (static_cast<int64_t>(text->size()) > max_string_length_) {
        return Fail(error_code::kStringTooLong,
                    absl::StrCat("the SKU is ", text->size(), " bytes; the limit is ", max_string_length_),
                    LinePath("/sku"));
      }
      line_sku_ = std::move(*text);
    }
    return true;
  }
  bool Open() {
    ++depth_;
    return true;
  }
  bool Mismatch(Json::value_t type, absl::string_view expected, absl::string_view path) {
    status_ = TypeMismatch(Json(type), expected, path);
    return false;
  }
  bool Fail(absl::string_view code, absl::string_view message, absl::string_view path) {
    status_ = InputError(code, message, path);
    return false;
  }
  std::string LinePath(absl::string_view suffix) const { return absl::StrCat("/lines/", line_, suffix); }

  int64_t max_string_length_;
  int depth_ = 0;
  bool key_is_lines_ = false;  // the last key of the order object
  bool key_is_sku_ = false;    // the last key of the current line object
  bool in_lines_ = false;
  bool lines_seen_ = false;
  size_t next_line_ = 0;
  size_t line_ = 0;
  std::optional<std::string> line_sku_;
  std::vector<std::string> skus_;
  absl::Status status_;
};

}  // namespace

absl::StatusOr<RecommendationModel> ReadRecommendationModel(const Json& value, absl::string_view path,
                                                            const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  int64_t orders = 0;
  int64_t min_support = 0;
  int64_t top_k = 0;
  std::vector<RecommendationModel::Item> items;
  SF_RETURN_IF_ERROR(reader.Required("orders", orders, ReadCount));
  SF_RETURN_IF_ERROR(reader.Required("min_support", min_support, ReadCount));
  SF_RETURN_IF_ERROR(reader.Required("top_k", top_k, ReadCount));
  SF_RETURN_IF_ERROR(
      reader.Required("items", items, ReadArrayOf<RecommendationModel::Item, ReadContext>, ReadItem, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  absl::StatusOr<RecommendationModel> model = RecommendationModel::Create(orders, min_support, top_k, std::move(items));
  if (!model.ok()) return PrefixErrorPath(model.status(), path);
  return model;
}

Json WriteRecommendationModel(const RecommendationModel& model) {
  Json items = Json::array();
  for (const RecommendationModel::Item& item : model.items) {
    Json related = Json::array();
    for (const RecommendationModel::Related& entry : item.related) {
      related.push_back(Json{{"sku", entry.sku}, {"together", entry.together}});
    }
    items.push_back(Json{{"orders", item.orders}, {"related", std::move(related)}, {"sku", item.sku}});
  }
  return Json{{"items", std::move(items)},
              {"min_support", model.min_support},
              {"orders", model.orders},
              {"top_k", model.top_k}};
}

absl::StatusOr<std::vector<std::string>> ReadOrderLine(absl::string_view text, const OrderLineLimits& limits) {
  if (static_cast<int64_t>(text.size()) > limits.max_bytes) {
    return InputError(error_code::kInputTooLarge,
                      absl::StrCat("the order is ", text.size(), " bytes; the limit is ", limits.max_bytes));
  }
  OrderLineHandler handler(limits.max_string_length);
  const bool parsed =
      Json::sax_parse(text.begin(), text.end(), &handler, nlohmann::detail::input_format_t::json, /*strict=*/true);
  if (!handler.status().ok()) return handler.status();
  if (!parsed) return InputError(error_code::kJsonSyntax, "malformed JSON");
  return std::move(handler.skus());
}

}  // namespace storefront::codec
