// The money operations of RunOperation: thin JSON shells over sdk/money.
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "codec/operations.h"
#include "money/decimal_text.h"
#include "money/digits.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/money/allocation.h"

namespace storefront::codec {
namespace {

Json WriteMoneyValue(const Money& money) {
  return Json{{"amount", money.ToString()},
              {"currency", std::string(money.currency().code)},
              {"minor_units", absl::StrCat(money.minor_units())}};
}

absl::StatusOr<const Currency*> RequireCurrency(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Json* currency, input.Require("currency"));
  return ReadCurrency(*currency, input.PathOf("currency"));
}

absl::StatusOr<RoundingMode> ReadRounding(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "a rounding mode name", path);
  absl::StatusOr<RoundingMode> mode = ParseRoundingMode(value.get_ref<const std::string&>());
  if (!mode.ok()) return PrefixErrorPath(mode.status(), path);
  return mode;
}

absl::StatusOr<RoundingMode> RequireRounding(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Json* rounding, input.Require("rounding"));
  return ReadRounding(*rounding, input.PathOf("rounding"));
}

absl::StatusOr<Money> RequireAmount(ObjectReader& input, const Currency& currency) {
  SF_ASSIGN_OR_RETURN(const Json* amount, input.Require("amount"));
  return ReadMoney(*amount, input.PathOf("amount"), currency);
}

// An int64 written as a decimal string ("-1999"): JSON numbers lose precision past 2^53 in
// JavaScript, so minor units travel as text.
absl::StatusOr<int64_t> ReadMinorUnits(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "an integer written as a string", path);
  const std::string& text = value.get_ref<const std::string&>();
  absl::StatusOr<money_internal::DecimalText> parts = money_internal::SplitDecimalText(text, error_code::kInvalidValue);
  if (!parts.ok()) return PrefixErrorPath(parts.status(), path);
  if (!parts->fraction_digits.empty()) {
    return InputError(error_code::kInvalidValue, "minor units are a whole number", path);
  }
  const absl::string_view digits = money_internal::StripLeadingZeros(parts->integer_digits);
  const absl::int128 magnitude = digits.size() > 20 ? absl::int128(-1) : money_internal::DigitsToInt128(digits);
  const absl::int128 value128 = parts->negative ? -magnitude : magnitude;
  if (magnitude < 0 || value128 > INT64_MAX || value128 < INT64_MIN) {
    return InputError(error_code::kAmountOutOfRange, "minor units must fit in 64 bits", path);
  }
  return static_cast<int64_t>(value128);
}

// Weights are all JSON integers or all decimal strings; mixing them is ambiguous.
absl::StatusOr<std::vector<Money>> AllocateOver(const Money& amount, const Json& weights_value,
                                                absl::string_view path) {
  SF_ASSIGN_OR_RETURN(const Json::array_t* weights, ReadArray(weights_value, path));
  const bool decimal = !weights->empty() && (*weights)[0].is_string();
  std::vector<int64_t> integers;
  std::vector<Decimal> decimals;
  for (size_t i = 0; i < weights->size(); ++i) {
    const Json& weight = (*weights)[i];
    const std::string weight_path = ChildPath(path, i);
    if (!weight.is_string() && !weight.is_number_integer()) {
      return TypeMismatch(weight, "an integer or a decimal string", weight_path);
    }
    if (weight.is_string() != decimal) {
      return InputError(error_code::kInvalidWeights, "weights must be all integers or all decimal strings", path);
    }
    if (decimal) {
      absl::StatusOr<Decimal> parsed = Decimal::Parse(weight.get_ref<const std::string&>());
      if (!parsed.ok()) return InputError(error_code::kInvalidWeights, parsed.status().message(), weight_path);
      decimals.push_back(*parsed);
    } else {
      SF_ASSIGN_OR_RETURN(int64_t n,
                          ReadInteger(weight, weight_path, INT64_MIN, INT64_MAX, error_code::kInvalidWeights));
      integers.push_back(n);
    }
  }
  absl::StatusOr<std::vector<Money>> parts = decimal ? Allocate(amount, decimals) : Allocate(amount, integers);
  if (!parts.ok()) return PrefixErrorPath(parts.status(), path);
  return parts;
}

}  // namespace

absl::StatusOr<Json> CurrencyInfo(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Currency* currency, RequireCurrency(input));
  return Json{{"code", std::string(currency->code)},
              {"numeric_code", absl::StrFormat("%03d", currency->numeric_code)},
              {"minor_units", currency->minor_digits},
              {"cash_increment", Money::FromMinorUnits(currency->cash_increment, *currency).ToString()}};
}

absl::StatusOr<Json> MoneyParse(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Currency* currency, RequireCurrency(input));
  SF_ASSIGN_OR_RETURN(const Json* amount, input.Require("amount"));
  const std::string amount_path = input.PathOf("amount");
  const Json* rounding = input.Find("rounding");
  if (rounding == nullptr) {
    SF_ASSIGN_OR_RETURN(Money money, ReadMoney(*amount, amount_path, *currency));
    return WriteMoneyValue(money);
  }
  SF_ASSIGN_OR_RETURN(RoundingMode mode, ReadRounding(*rounding, input.PathOf("rounding")));
  if (amount->is_number()) return ReadMoney(*amount, amount_path, *currency).status();  // money_not_string
  if (!amount->is_string()) return TypeMismatch(*amount, "a decimal string", amount_path);
  absl::StatusOr<Money> money = Money::Parse(amount->get_ref<const std::string&>(), *currency, mode);
  if (!money.ok()) return PrefixErrorPath(money.status(), amount_path);
  return WriteMoneyValue(*money);
}

absl::StatusOr<Json> MoneyFormat(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Currency* currency, RequireCurrency(input));
  SF_ASSIGN_OR_RETURN(const Json* minor_units, input.Require("minor_units"));
  SF_ASSIGN_OR_RETURN(int64_t units, ReadMinorUnits(*minor_units, input.PathOf("minor_units")));
  return WriteMoneyValue(Money::FromMinorUnits(units, *currency));
}

absl::StatusOr<Json> MoneySum(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Currency* currency, RequireCurrency(input));
  SF_ASSIGN_OR_RETURN(const Json* amounts, input.Require("amounts"));
  const std::string path = input.PathOf("amounts");
  SF_ASSIGN_OR_RETURN(const Json::array_t* items, ReadArray(*amounts, path));
  Money sum = Money::Zero(*currency);
  for (size_t i = 0; i < items->size(); ++i) {
    SF_ASSIGN_OR_RETURN(Money amount, ReadMoney((*items)[i], ChildPath(path, i), *currency));
    absl::StatusOr<Money> next = sum.Plus(amount);
    if (!next.ok()) return PrefixErrorPath(next.status(), path);
    sum = *next;
  }
  return WriteMoneyValue(sum);
}

absl::StatusOr<Json> MoneyMultiply(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Currency* currency, RequireCurrency(input));
  SF_ASSIGN_OR_RETURN(Money amount, RequireAmount(input, *currency));
  const Json* quantity = input.Find("quantity");
  const Json* rate = input.Find("rate");
  if ((quantity == nullptr) == (rate == nullptr)) {
    return InputError(error_code::kInvalidValue, "give exactly one of \"quantity\" and \"rate\"", "");
  }
  if (quantity != nullptr) {
    SF_ASSIGN_OR_RETURN(int64_t n, ReadInteger(*quantity, input.PathOf("quantity"), INT64_MIN, INT64_MAX,
                                               error_code::kArithmeticOverflow));
    SF_ASSIGN_OR_RETURN(Money product, amount.Times(n));
    return WriteMoneyValue(product);
  }
  const std::string rate_path = input.PathOf("rate");
  if (!rate->is_string()) return TypeMismatch(*rate, "a decimal string", rate_path);
  absl::StatusOr<Decimal> parsed_rate = Decimal::Parse(rate->get_ref<const std::string&>());
  if (!parsed_rate.ok()) return PrefixErrorPath(parsed_rate.status(), rate_path);
  SF_ASSIGN_OR_RETURN(RoundingMode mode, RequireRounding(input));
  SF_ASSIGN_OR_RETURN(Money product, amount.Times(*parsed_rate, mode));
  return WriteMoneyValue(product);
}

absl::StatusOr<Json> MoneyAllocate(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Currency* currency, RequireCurrency(input));
  SF_ASSIGN_OR_RETURN(Money amount, RequireAmount(input, *currency));
  SF_ASSIGN_OR_RETURN(const Json* weights, input.Require("weights"));
  SF_ASSIGN_OR_RETURN(std::vector<Money> parts, AllocateOver(amount, *weights, input.PathOf("weights")));
  Json amounts = Json::array();
  for (const Money& part : parts) amounts.push_back(part.ToString());
  return Json{{"amounts", std::move(amounts)}, {"currency", std::string(currency->code)}};
}

absl::StatusOr<Json> MoneyCashRound(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(const Currency* currency, RequireCurrency(input));
  SF_ASSIGN_OR_RETURN(Money amount, RequireAmount(input, *currency));
  SF_ASSIGN_OR_RETURN(RoundingMode mode, RequireRounding(input));
  SF_ASSIGN_OR_RETURN(Money rounded, amount.RoundedToCash(mode));
  return WriteMoneyValue(rounded);
}

}  // namespace storefront::codec
