#include "codec/json.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/cart/cart.h"

namespace storefront::codec {
namespace {

// Builds the document from SAX events in one pass while holding the depth limit: the first
// container deeper than the limit stops the parse, so a hostile document never gets a deeper DOM
// (nor a deeper destructor) than the limit allows. Syntax errors keep their byte position.
class LimitedDocumentBuilder {
 public:
  explicit LimitedDocumentBuilder(int64_t max_depth) : max_depth_(max_depth) {}

  bool null() { return Add(Json(nullptr)) != nullptr; }
  bool boolean(bool value) { return Add(Json(value)) != nullptr; }
  bool number_integer(Json::number_integer_t value) { return Add(Json(value)) != nullptr; }
  bool number_unsigned(Json::number_unsigned_t value) { return Add(Json(value)) != nullptr; }
  bool number_float(Json::number_float_t value, const Json::string_t&) { return Add(Json(value)) != nullptr; }
  bool string(Json::string_t& value) { return Add(Json(std::move(value))) != nullptr; }
  bool binary(Json::binary_t& value) { return Add(Json::binary(std::move(value))) != nullptr; }
  bool key(Json::string_t& key) {
    key_ = std::move(key);
    return true;
  }
  bool start_object(std::size_t) { return Open(Json::object()); }
  bool end_object() { return Close(); }
  bool start_array(std::size_t) { return Open(Json::array()); }
  bool end_array() { return Close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
    syntax_error_ = absl::StrCat("malformed JSON at byte ", position, ": ", StripPrefix(error.what()));
    return false;
  }

  bool too_deep() const { return too_deep_; }
  const std::optional<std::string>& syntax_error() const { return syntax_error_; }
  Json& document() { return document_; }

 private:
  // Puts `value` where the parser is: the document itself, the next element of the open array,
  // or the member named by the last key of the open object (a repeated key keeps the last value,
  // as every JSON.parse does). Pointers to open containers stay valid: nothing is added to a
  // parent while its child is open.
  Json* Add(Json value) {
    if (open_.empty()) {
      document_ = std::move(value);
      return &document_;
    }
    Json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    Json& member = parent[key_];
    member = std::move(value);
    return &member;
  }
  bool Open(Json container) {
    if (static_cast<int64_t>(open_.size()) >= max_depth_) {
      too_deep_ = true;
      return false;  // stops the parse: nothing deeper is read
    }
    open_.push_back(Add(std::move(container)));
    return true;
  }
  bool Close() {
    open_.pop_back();
    return true;
  }
  // nlohmann prefixes messages with "[json.exception.parse_error.101] ".
  static std::string StripPrefix(absl::string_view message) {
    const size_t end = message.find("] ");
    return std::string(end == absl::string_view::npos ? message : message.substr(end + 2));
  }

  int64_t max_depth_;
  Json document_;
  std::vector<Json*> open_;
  std::string key_;
  bool too_deep_ = false;
  std::optional<std::string> syntax_error_;
};

}  // namespace

absl::StatusOr<Json> ParseJsonText(absl::string_view text, const TextLimits& limits, absl::string_view path) {
  if (static_cast<int64_t>(text.size()) > limits.max_bytes) {
    return InputError(error_code::kInputTooLarge,
                      absl::StrCat("the document is ", text.size(), " bytes; the limit is ", limits.max_bytes), path);
  }
  LimitedDocumentBuilder builder(limits.max_depth);
  const bool parsed =
      Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, /*strict=*/true);
  if (builder.too_deep()) {
    return InputError(error_code::kJsonTooDeep,
                      absl::StrCat("the document nests deeper than ", limits.max_depth, " levels"), path);
  }
  if (builder.syntax_error().has_value()) return InputError(error_code::kJsonSyntax, *builder.syntax_error(), path);
  if (!parsed) return InputError(error_code::kJsonSyntax, "malformed JSON", path);
  return std::move(builder.document());
}

namespace {

// A number with a fraction or exponent whose value is whole (1.0, 2e0): JavaScript has one
// number type and JSON.stringify writes it as 1. The only such numbers are GrowthBook's.
bool IsWholeFloat(const Json& value) {
  if (!value.is_number_float()) return false;
  const Json::number_float_t number = value.get<Json::number_float_t>();  // compared, never computed with
  if (!(number > -9.2e18 && number < 9.2e18)) return false;
  return number == static_cast<Json::number_float_t>(static_cast<int64_t>(number));
}

bool HasWholeFloat(const Json& value) {
  if (IsWholeFloat(value)) return true;
  if (!value.is_structured()) return false;
  for (const Json& child : value) {
    if (HasWholeFloat(child)) return true;
  }
  return false;
}

void WriteWholeFloatsAsIntegers(Json& value) {
  if (IsWholeFloat(value)) {
    value = static_cast<int64_t>(value.get<Json::number_float_t>());
    return;
  }
  if (!value.is_structured()) return;
  for (Json& child : value) WriteWholeFloatsAsIntegers(child);
}

}  // namespace

std::string Canonical(const Json& value) {
  // `replace` instead of throwing on invalid UTF-8: parsed input is always valid, and a
  // serialiser must never be able to abort the wasm module.
  return value.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

std::string CanonicalWithWholeNumbers(const Json& document) {
  if (!HasWholeFloat(document)) return Canonical(document);
  Json copy = document;  // rare: a whole GrowthBook number written with a fraction
  WriteWholeFloatsAsIntegers(copy);
  return Canonical(copy);
}

Json Binary64Json(double number) {  // purity-ok: GrowthBook numbers only
  Json value = number;
  if (IsWholeFloat(value)) WriteWholeFloatsAsIntegers(value);
  return value;
}

std::string ChildPath(absl::string_view parent, absl::string_view key) {
  return absl::StrCat(parent, "/", absl::StrReplaceAll(key, {{"~", "~0"}, {"/", "~1"}}));
}

std::string ChildPath(absl::string_view parent, size_t index) { return absl::StrCat(parent, "/", index); }

std::string DescribeType(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "an integer";
    case Json::value_t::number_float:
      return "a number with a fraction or exponent";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    default:
      return "an unsupported value";
  }
}

absl::Status TypeMismatch(const Json& value, absl::string_view expected, absl::string_view path) {
  return InputError(error_code::kTypeMismatch, absl::StrCat("expected ", expected, ", got ", DescribeType(value)),
                    path);
}

absl::StatusOr<std::string> ReadString(const Json& value, absl::string_view path, const ReadContext& context) {
  if (!value.is_string()) return TypeMismatch(value, "a string", path);
  const std::string& text = value.get_ref<const std::string&>();
  if (static_cast<int64_t>(text.size()) > context.max_string_length) {
    return InputError(error_code::kStringTooLong,
                      absl::StrCat("the string is ", text.size(), " bytes; the limit is ", context.max_string_length),
                      path);
  }
  return text;
}

absl::StatusOr<std::string> ReadIdentifier(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(std::string text, ReadString(value, path, context));
  if (text.empty()) return InputError(error_code::kInvalidValue, "must not be empty", path);
  return text;
}

absl::StatusOr<int64_t> ReadInteger(const Json& value, absl::string_view path, int64_t min, int64_t max,
                                    absl::string_view out_of_range_code) {
  auto out_of_range = [&] {
    return InputError(out_of_range_code, absl::StrCat("must be an integer from ", min, " to ", max), path);
  };
  if (value.is_number_unsigned()) {
    // nlohmann reads every non-negative literal as unsigned: the lower bound applies here too.
    const uint64_t n = value.get<uint64_t>();
    if (n > static_cast<uint64_t>(max) || static_cast<int64_t>(n) < min) return out_of_range();
    return static_cast<int64_t>(n);
  }
  if (value.is_number_float()) {
    // nlohmann stores integer literals beyond 64 bits as doubles: such a value is an integer
    // that is out of range, not a fraction. (Compared, never converted, so nothing is rounded.)
    const double d = value.get<double>();  // purity-ok: only compared with 2^63, never money
    if (d >= 9223372036854775808.0 || d <= -9223372036854775808.0) return out_of_range();
  }
  if (!value.is_number_integer()) return TypeMismatch(value, "an integer", path);
  const int64_t n = value.get<int64_t>();
  if (n < min || n > max) return out_of_range();
  return n;
}

absl::StatusOr<absl::Time> ReadTimestamp(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "an RFC 3339 timestamp string", path);
  const std::string& text = value.get_ref<const std::string&>();
  auto invalid = [&](absl::string_view why) {
    return InputError(error_code::kInvalidTimestamp,
                      absl::StrCat("\"", text, "\" is not an RFC 3339 timestamp with an offset (", why,
                                   "), e.g. \"2026-11-22T10:00:00Z\""),
                      path);
  };
  // absl::ParseTime tolerates surrounding white space and years of any width; RFC 3339 does not.
  if (text.size() < 20 || text.size() > 35 || text[4] != '-') return invalid("wrong shape");
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) return invalid("white space");
  }
  // RFC 3339 offsets are "Z" or "+hh:mm"; %Ez would also accept "+hhmm".
  const char zone = text.back();
  const bool utc = zone == 'Z' || zone == 'z';
  if (!utc && (text[text.size() - 3] != ':' || (text[text.size() - 6] != '+' && text[text.size() - 6] != '-'))) {
    return invalid("the offset must be Z or +hh:mm");
  }
  absl::Time time;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &time, &error)) return invalid(error);
  return time;
}

absl::StatusOr<double> ReadBinary64(const Json& value, absl::string_view path) {  // purity-ok: bucketing only
  // A literal beyond the double range is already a `json_syntax` error: the result is finite.
  if (!value.is_number()) return TypeMismatch(value, "a number", path);
  return value.get<double>();  // purity-ok: bucketing only
}

absl::StatusOr<bool> ReadBoolean(const Json& value, absl::string_view path) {
  if (!value.is_boolean()) return TypeMismatch(value, "true or false", path);
  return value.get<bool>();
}

absl::StatusOr<const Currency*> ReadCurrency(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "an ISO 4217 code string", path);
  absl::StatusOr<const Currency*> currency = LookUpCurrency(value.get_ref<const std::string&>());
  if (!currency.ok()) return PrefixErrorPath(currency.status(), path);
  return currency;
}

absl::StatusOr<Money> ReadMoney(const Json& value, absl::string_view path, const Currency& currency) {
  if (value.is_number()) {
    return InputError(error_code::kMoneyNotString,
                      absl::StrCat("money must be a decimal string such as \"19.99\", not a JSON number: ",
                                   "a float is inexact and an integer is ambiguous (units or cents?)"),
                      path);
  }
  if (!value.is_string()) return TypeMismatch(value, "a decimal string", path);
  absl::StatusOr<Money> money = Money::Parse(value.get_ref<const std::string&>(), currency);
  if (!money.ok()) return PrefixErrorPath(money.status(), path);
  return money;
}

absl::StatusOr<std::vector<Money>> ReadMoneyMap(const Json& value, absl::string_view path,
                                                const std::vector<const Currency*>& allowed) {
  if (!value.is_object()) return TypeMismatch(value, "an object of currency -> amount", path);
  std::vector<Money> amounts;
  for (const auto& [code, amount] : value.get_ref<const Json::object_t&>()) {
    const std::string amount_path = ChildPath(path, code);
    SF_ASSIGN_OR_RETURN(const Currency* currency, ReadCurrency(Json(code), amount_path));
    bool is_allowed = false;
    for (const Currency* c : allowed) is_allowed = is_allowed || c == currency;
    if (!is_allowed) {
      return InputError(error_code::kCurrencyNotAllowed, absl::StrCat(code, " is not in the snapshot's currencies"),
                        amount_path);
    }
    SF_ASSIGN_OR_RETURN(Money money, ReadMoney(amount, amount_path, *currency));
    amounts.push_back(money);
  }
  return amounts;
}

absl::StatusOr<const Json::array_t*> ReadArray(const Json& value, absl::string_view path) {
  if (!value.is_array()) return TypeMismatch(value, "an array", path);
  return &value.get_ref<const Json::array_t&>();
}

absl::StatusOr<std::vector<Money>> ReadNonNegativeMoneyMap(const Json& value, absl::string_view path,
                                                           const std::vector<const Currency*>& allowed) {
  SF_ASSIGN_OR_RETURN(std::vector<Money> amounts, ReadMoneyMap(value, path, allowed));
  for (const Money& amount : amounts) {
    if (amount.is_negative()) {
      return InputError(error_code::kInvalidValue, "must not be negative", ChildPath(path, amount.currency().code));
    }
  }
  return amounts;
}

absl::StatusOr<std::string> ReadCountryCode(const Json& value, absl::string_view path, const ReadContext& context) {
  SF_ASSIGN_OR_RETURN(std::string code, ReadString(value, path, context));
  if (!IsCountryCode(code)) {
    return InputError(error_code::kInvalidValue, "a country is an upper-case ISO 3166-1 alpha-2 code such as \"DE\"",
                      path);
  }
  return code;
}

absl::StatusOr<std::vector<std::string>> ReadCountryList(const Json& value, absl::string_view path,
                                                         const ReadContext& context) {
  return ReadArrayOf<std::string, ReadContext>(value, path, ReadCountryCode, context);
}

absl::StatusOr<std::vector<std::string>> ReadIdentifierList(const Json& value, absl::string_view path,
                                                            const ReadContext& context) {
  return ReadArrayOf<std::string, ReadContext>(value, path, ReadIdentifier, context);
}

absl::StatusOr<std::vector<std::string>> ReadStringList(const Json& value, absl::string_view path,
                                                        const ReadContext& context) {
  return ReadArrayOf<std::string, ReadContext>(value, path, ReadString, context);
}

absl::Status CheckKey(absl::string_view key, absl::string_view path, const ReadContext& context) {
  if (key.empty()) return InputError(error_code::kInvalidValue, "keys must not be empty", path);
  if (static_cast<int64_t>(key.size()) > context.max_string_length) {
    return InputError(error_code::kStringTooLong,
                      absl::StrCat("the key is ", key.size(), " bytes; the limit is ", context.max_string_length),
                      path);
  }
  return absl::OkStatus();
}

absl::StatusOr<Attributes> ReadStringMap(const Json& value, absl::string_view path, const ReadContext& context) {
  if (!value.is_object()) return TypeMismatch(value, "an object", path);
  Attributes result;
  for (const auto& [key, item] : value.get_ref<const Json::object_t&>()) {
    const std::string item_path = ChildPath(path, key);
    SF_RETURN_IF_ERROR(CheckKey(key, item_path, context));
    SF_ASSIGN_OR_RETURN(std::string text, ReadString(item, item_path, context));
    result.emplace_back(key, std::move(text));
  }
  return result;  // std::map iteration: already sorted by key
}

absl::StatusOr<ObjectReader> ObjectReader::Open(const Json& value, absl::string_view path) {
  if (!value.is_object()) return TypeMismatch(value, "an object", path);
  return ObjectReader(value.get_ref<const Json::object_t&>(), path);
}

const Json* ObjectReader::Find(absl::string_view key) {
  auto it = object_->find(std::string(key));
  if (it == object_->end()) return nullptr;
  known_.insert(it->first);
  return &it->second;
}

absl::StatusOr<const Json*> ObjectReader::Require(absl::string_view key) {
  if (const Json* value = Find(key)) return value;
  return InputError(error_code::kMissingField, absl::StrCat("\"", key, "\" is required"), PathOf(key));
}

absl::Status ObjectReader::RejectUnknownFields() const {
  for (const auto& [key, value] : *object_) {
    if (!known_.contains(key)) {
      return InputError(error_code::kUnknownField, absl::StrCat("unknown field \"", key, "\""), PathOf(key));
    }
  }
  return absl::OkStatus();
}

}  // namespace storefront::codec
