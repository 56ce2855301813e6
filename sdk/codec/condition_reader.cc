#include "codec/condition_reader.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "codec/pricing_reader.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"

namespace storefront::codec {
namespace {

absl::Status Invalid(absl::string_view message, absl::string_view path) {
  return InputError(error_code::kInvalidValue, message, path);
}

constexpr std::pair<absl::string_view, Condition::Kind> kNodeTypes[] = {
    {"all", Condition::Kind::kAll},
    {"any", Condition::Kind::kAny},
    {"not", Condition::Kind::kNot},
    {"subtotal", Condition::Kind::kSubtotal},
    {"quantity", Condition::Kind::kQuantity},
    {"amount", Condition::Kind::kAmount},
    {"contains", Condition::Kind::kContains},
    {"line_count", Condition::Kind::kLineCount},
    {"customer_group", Condition::Kind::kCustomerGroup},
    {"segment", Condition::Kind::kSegment},
    {"customer_attribute", Condition::Kind::kCustomerAttribute},
    {"shipping_country", Condition::Kind::kShippingCountry},
    {"shipping_region", Condition::Kind::kShippingRegion},
    {"currency", Condition::Kind::kCurrency},
    {"channel", Condition::Kind::kChannel},
    {"weekday", Condition::Kind::kWeekday},
    {"time_of_day", Condition::Kind::kTimeOfDay},
    {"coupon", Condition::Kind::kCoupon},
    {"order_count", Condition::Kind::kOrderCount},
    {"lifetime_value", Condition::Kind::kLifetimeValue},
    {"days_since_signup", Condition::Kind::kDaysSinceSignup},
    {"days_since_last_order", Condition::Kind::kDaysSinceLastOrder},
    {"customer_country", Condition::Kind::kCustomerCountry},
};

constexpr std::pair<absl::string_view, Weekday> kWeekdays[] = {
    {"mon", Weekday::kMonday}, {"tue", Weekday::kTuesday},  {"wed", Weekday::kWednesday}, {"thu", Weekday::kThursday},
    {"fri", Weekday::kFriday}, {"sat", Weekday::kSaturday}, {"sun", Weekday::kSunday},
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
int64_t TwoDigits(absl::string_view text, size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

// "HH:MM", 00:00 to 23:59, as minutes after midnight.
absl::StatusOr<int64_t> ReadTimeOfDay(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "a time of day \"HH:MM\"", path);
  const std::string& text = value.get_ref<const std::string&>();
  const bool shaped = text.size() == 5 && IsDigit(text[0]) && IsDigit(text[1]) && text[2] == ':' && IsDigit(text[3]) &&
                      IsDigit(text[4]);
  if (!shaped || TwoDigits(text, 0) > 23 || TwoDigits(text, 3) > 59) {
    return Invalid(absl::StrCat("\"", text, "\" is not a time of day from \"00:00\" to \"23:59\""), path);
  }
  return TwoDigits(text, 0) * 60 + TwoDigits(text, 3);
}

// "Z" or "+hh:mm" / "-hh:mm" up to 18:00 (RFC 3339 offsets), as signed minutes.
absl::StatusOr<int64_t> ReadUtcOffset(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "a UTC offset such as \"Z\" or \"+01:00\"", path);
  const std::string& text = value.get_ref<const std::string&>();
  if (text == "Z") return 0;
  const bool shaped = text.size() == 6 && (text[0] == '+' || text[0] == '-') && IsDigit(text[1]) && IsDigit(text[2]) &&
                      text[3] == ':' && IsDigit(text[4]) && IsDigit(text[5]);
  const int64_t minutes = shaped ? TwoDigits(text, 1) * 60 + TwoDigits(text, 4) : 0;
  if (!shaped || TwoDigits(text, 4) > 59 || minutes > 18 * 60) {
    return Invalid(absl::StrCat("\"", text, "\" is not a UTC offset: \"Z\" or \"+hh:mm\" / \"-hh:mm\" up to 18:00"),
                   path);
  }
  return text[0] == '-' ? -minutes : minutes;
}

absl::StatusOr<Weekday> ReadWeekday(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "a weekday (\"mon\" ... \"sun\")", path);
  for (const auto& [name, day] : kWeekdays) {
    if (value.get_ref<const std::string&>() == name) return day;
  }
  return Invalid("a weekday is one of \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"", path);
}

// min and/or max (inclusive), integers from `low`.
absl::Status ReadCountRange(ObjectReader& reader, int64_t low, Condition& condition) {
  SF_RETURN_IF_ERROR(
      reader.Optional("min", condition.min_count, ReadInteger, low, INT64_MAX, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(
      reader.Optional("max", condition.max_count, ReadInteger, low, INT64_MAX, error_code::kInvalidValue));
  if (!condition.min_count.has_value() && !condition.max_count.has_value()) {
    return Invalid("give at least one of min and max", reader.path());
  }
  if (condition.min_count.has_value() && condition.max_count.has_value() &&
      *condition.min_count > *condition.max_count) {
    return Invalid("max must not be below min", reader.PathOf("max"));
  }
  return absl::OkStatus();
}

// min and/or max (inclusive) money maps.
absl::Status ReadMoneyRange(ObjectReader& reader, const AmountContext& context, Condition& condition) {
  SF_RETURN_IF_ERROR(reader.Optional("min", condition.min_amount, ReadPositiveMoneyMap, context));
  SF_RETURN_IF_ERROR(reader.Optional("max", condition.max_amount, ReadPositiveMoneyMap, context));
  if (!condition.min_amount.has_value() && !condition.max_amount.has_value()) {
    return Invalid("give at least one of min and max", reader.path());
  }
  if (condition.min_amount.has_value() && condition.max_amount.has_value()) {
    SF_RETURN_IF_ERROR(CheckAmountOrder(*condition.min_amount, *condition.max_amount, false, reader.PathOf("max")));
  }
  return absl::OkStatus();
}

// A money range over the cart's lines, and the base they are compared with.
absl::Status ReadAmountRange(ObjectReader& reader, const AmountContext& context, Condition& condition) {
  SF_RETURN_IF_ERROR(ReadMoneyRange(reader, context, condition));
  return reader.Optional("base", condition.base, ReadAmountBase);
}

absl::Status ReadAttributeTest(ObjectReader& reader, const AmountContext& context, Condition& condition) {
  SF_RETURN_IF_ERROR(reader.Required("key", condition.key, ReadIdentifier, context.read));
  const Json* equals = reader.Find("equals");
  const bool range = reader.Find("min") != nullptr || reader.Find("max") != nullptr;
  if (equals == nullptr) return ReadCountRange(reader, INT64_MIN, condition);
  if (range) return Invalid("give either equals or min/max", reader.path());
  const std::string equals_path = reader.PathOf("equals");
  if (equals->is_boolean()) {
    condition.equals_boolean = equals->get<bool>();
  } else if (equals->is_number_integer()) {
    SF_ASSIGN_OR_RETURN(condition.equals_integer,
                        ReadInteger(*equals, equals_path, INT64_MIN, INT64_MAX, error_code::kInvalidValue));
  } else if (equals->is_string()) {
    SF_ASSIGN_OR_RETURN(condition.equals_string, ReadString(*equals, equals_path, context.read));
  } else {
    return TypeMismatch(*equals, "a string, an integer or a boolean", equals_path);
  }
  return absl::OkStatus();
}

// Reads one tree, counting nodes as it goes so that a huge tree stops at the limit.
class TreeReader {
 public:
  TreeReader(const AmountContext& context, absl::string_view root) : context_(context), root_(root) {}

  absl::StatusOr<Condition> Read(const Json& value, const std::string& path) {
    if (++nodes_ > kMaxConditionNodes) {
      return InputError(error_code::kConditionTooComplex,
                        absl::StrCat("a condition tree has at most ", kMaxConditionNodes, " nodes"), root_);
    }
    if (!value.is_object()) return TypeMismatch(value, "a condition object such as {\"subtotal\": {...}}", path);
    const Json::object_t& object = value.get_ref<const Json::object_t&>();
    if (object.size() != 1) return Invalid("a condition has exactly one key, its node type", path);
    const auto& [type, body] = *object.begin();
    const std::string body_path = ChildPath(path, type);
    Condition condition;
    condition.path = path;
    bool known = false;
    for (const auto& [name, kind] : kNodeTypes) {
      if (type == name) {
        condition.kind = kind;
        known = true;
      }
    }
    // The unknown key itself, as for unknown_field in strict objects.
    if (!known) return Invalid(absl::StrCat("\"", type, "\" is not a condition node type"), body_path);
    switch (condition.kind) {
      case Condition::Kind::kAll:
      case Condition::Kind::kAny:
        SF_RETURN_IF_ERROR(ReadChildren(body, body_path, condition));
        break;
      case Condition::Kind::kNot: {
        SF_ASSIGN_OR_RETURN(Condition child, Read(body, body_path));
        condition.children.push_back(std::move(child));
        break;
      }
      default:
        SF_RETURN_IF_ERROR(ReadLeaf(body, body_path, condition));
    }
    return condition;
  }

 private:
  absl::Status ReadChildren(const Json& body, const std::string& path, Condition& condition) {
    SF_ASSIGN_OR_RETURN(const Json::array_t* children, ReadArray(body, path));
    if (children->empty()) return Invalid("all and any need at least one condition", path);
    for (size_t i = 0; i < children->size(); ++i) {
      SF_ASSIGN_OR_RETURN(Condition child, Read((*children)[i], ChildPath(path, i)));
      condition.children.push_back(std::move(child));
    }
    return absl::OkStatus();
  }

  // The leaves whose body is a bare string or list.
  absl::Status ReadScalarLeaf(const Json& body, const std::string& path, Condition& condition) {
    switch (condition.kind) {
      case Condition::Kind::kCustomerGroup:
      case Condition::Kind::kSegment: {
        SF_ASSIGN_OR_RETURN(std::string value, ReadIdentifier(body, path, context_.read));
        condition.values.push_back(std::move(value));
        return absl::OkStatus();
      }
      case Condition::Kind::kCoupon: {
        SF_ASSIGN_OR_RETURN(std::string code, ReadString(body, path, context_.read));
        code = NormalizeCouponCode(code);
        if (code.empty()) return Invalid("a coupon code must not be empty", path);
        condition.values.push_back(std::move(code));
        return absl::OkStatus();
      }
      case Condition::Kind::kShippingCountry:
      case Condition::Kind::kCustomerCountry: {
        SF_ASSIGN_OR_RETURN(condition.values, ReadCountryList(body, path, context_.read));
        return absl::OkStatus();
      }
      case Condition::Kind::kChannel: {
        SF_ASSIGN_OR_RETURN(condition.values, ReadIdentifierList(body, path, context_.read));
        return absl::OkStatus();
      }
      default: {  // kCurrency
        SF_ASSIGN_OR_RETURN(std::vector<const Currency*> currencies,
                            (ReadArrayOf<const Currency*, std::vector<const Currency*>>(body, path, ReadListedCurrency,
                                                                                        context_.currencies)));
        for (const Currency* currency : currencies) condition.values.emplace_back(currency->code);
        return absl::OkStatus();
      }
    }
  }

  absl::Status ReadLeaf(const Json& body, const std::string& path, Condition& condition) {
    switch (condition.kind) {
      case Condition::Kind::kCustomerGroup:
      case Condition::Kind::kSegment:
      case Condition::Kind::kCoupon:
      case Condition::Kind::kShippingCountry:
      case Condition::Kind::kCustomerCountry:
      case Condition::Kind::kChannel:
      case Condition::Kind::kCurrency:
        return ReadScalarLeaf(body, path, condition);
      default:
        break;
    }
    SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(body, path));
    switch (condition.kind) {
      case Condition::Kind::kSubtotal:
        SF_RETURN_IF_ERROR(ReadAmountRange(reader, context_, condition));
        break;
      case Condition::Kind::kAmount:
        SF_RETURN_IF_ERROR(reader.Optional("items", condition.items, ReadItems, context_));
        SF_RETURN_IF_ERROR(ReadAmountRange(reader, context_, condition));
        break;
      case Condition::Kind::kQuantity:
        SF_RETURN_IF_ERROR(reader.Optional("items", condition.items, ReadItems, context_));
        SF_RETURN_IF_ERROR(ReadCountRange(reader, 0, condition));
        break;
      case Condition::Kind::kContains:
        SF_RETURN_IF_ERROR(reader.Required("items", condition.items, ReadItems, context_));
        break;
      case Condition::Kind::kLineCount:
      case Condition::Kind::kOrderCount:
      case Condition::Kind::kDaysSinceSignup:
      case Condition::Kind::kDaysSinceLastOrder:
        SF_RETURN_IF_ERROR(ReadCountRange(reader, 0, condition));
        break;
      case Condition::Kind::kLifetimeValue:
        SF_RETURN_IF_ERROR(ReadMoneyRange(reader, context_, condition));
        break;
      case Condition::Kind::kCustomerAttribute:
        SF_RETURN_IF_ERROR(ReadAttributeTest(reader, context_, condition));
        break;
      case Condition::Kind::kShippingRegion:
        SF_RETURN_IF_ERROR(reader.Required("country", condition.country, ReadCountryCode, context_.read));
        SF_RETURN_IF_ERROR(reader.Required("regions", condition.values, ReadIdentifierList, context_.read));
        break;
      case Condition::Kind::kWeekday:
        SF_RETURN_IF_ERROR(reader.Required("days", condition.weekdays, ReadArrayOf<Weekday>, ReadWeekday));
        for (size_t i = 1; i < condition.weekdays.size(); ++i) {
          for (size_t j = 0; j < i; ++j) {
            if (condition.weekdays[j] == condition.weekdays[i]) {
              return Invalid("a weekday is listed twice", ChildPath(reader.PathOf("days"), i));
            }
          }
        }
        SF_RETURN_IF_ERROR(reader.Optional("utc_offset", condition.utc_offset_minutes, ReadUtcOffset));
        break;
      default:  // kTimeOfDay
        SF_RETURN_IF_ERROR(reader.Required("from", condition.from_minute, ReadTimeOfDay));
        SF_RETURN_IF_ERROR(reader.Required("until", condition.until_minute, ReadTimeOfDay));
        if (condition.from_minute == condition.until_minute) {
          return Invalid("from and until must differ (an empty or a whole-day window)", reader.PathOf("until"));
        }
        SF_RETURN_IF_ERROR(reader.Optional("utc_offset", condition.utc_offset_minutes, ReadUtcOffset));
        break;
    }
    return reader.RejectUnknownFields();
  }

  const AmountContext& context_;
  std::string root_;
  int nodes_ = 0;
};

}  // namespace

absl::StatusOr<ItemFilter> ReadItems(const Json& value, absl::string_view path, const AmountContext& context) {
  return ReadArrayOf<Selector, ReadContext>(value, path, ReadSelectorObject, context.read);
}

absl::StatusOr<MoneyMap> ReadPositiveMoneyMap(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(MoneyMap amounts, ReadMoneyMap(value, path, context.currencies));
  if (amounts.empty()) return Invalid("give the amount in at least one currency", path);
  for (const Money& amount : amounts) {
    if (amount.minor_units() <= 0) return Invalid("must be above zero", ChildPath(path, amount.currency().code));
  }
  return amounts;
}

absl::StatusOr<MoneyMap> ReadPriceMap(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(MoneyMap prices, ReadNonNegativeMoneyMap(value, path, context.currencies));
  if (prices.empty()) return Invalid("give the price in at least one currency", path);
  return prices;
}

absl::StatusOr<AmountBase> ReadAmountBase(const Json& value, absl::string_view path) {
  if (value == "before_discounts") return AmountBase::kBeforeDiscounts;
  if (value == "after_discounts") return AmountBase::kAfterDiscounts;
  return Invalid("base is \"before_discounts\" or \"after_discounts\"", path);
}

absl::Status CheckAmountOrder(const MoneyMap& low, const MoneyMap& high, bool strict, absl::string_view high_path) {
  for (const Money& upper : high) {
    const Money* lower = AmountIn(low, upper.currency());
    if (lower == nullptr) continue;
    const bool ordered =
        strict ? upper.minor_units() > lower->minor_units() : upper.minor_units() >= lower->minor_units();
    if (!ordered) {
      return Invalid(strict ? "must be above the previous one" : "max must not be below min",
                     ChildPath(high_path, upper.currency().code));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Condition> ReadConditionTree(const Json& value, absl::string_view path, const AmountContext& context) {
  TreeReader reader(context, path);
  return reader.Read(value, std::string(path));
}

}  // namespace storefront::codec
