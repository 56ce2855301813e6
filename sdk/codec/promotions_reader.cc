#include "codec/promotions_reader.h"

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

constexpr std::pair<absl::string_view, Action::Type> kActionTypes[] = {
    {"percent_off", Action::Type::kPercentOff},
    {"amount_off_each", Action::Type::kAmountOffEach},
    {"amount_off_items", Action::Type::kAmountOffItems},
    {"unit_price", Action::Type::kUnitPrice},
    {"n_for_x", Action::Type::kNForX},
    {"buy_x_get_y", Action::Type::kBuyXGetY},
    {"bundle", Action::Type::kBundle},
    {"free_gift", Action::Type::kFreeGift},
    {"tiered_spend", Action::Type::kTieredSpend},
    {"order_percent_off", Action::Type::kOrderPercentOff},
    {"order_amount_off", Action::Type::kOrderAmountOff},
    {"loyalty_points", Action::Type::kLoyaltyPoints},
    {"shipping_off", Action::Type::kShippingOff},
};

absl::StatusOr<Action::Type> ReadActionType(const Json& value, absl::string_view path) {
  if (!value.is_string()) return TypeMismatch(value, "an action type name", path);
  for (const auto& [name, type] : kActionTypes) {
    if (value.get_ref<const std::string&>() == name) return type;
  }
  return Invalid(absl::StrCat("\"", value.get_ref<const std::string&>(), "\" is not an action type"), path);
}

absl::StatusOr<Action::Class> ReadClass(const Json& value, absl::string_view path) {
  if (value == "item") return Action::Class::kItem;
  if (value == "order") return Action::Class::kOrder;
  if (value == "shipping") return Action::Class::kShipping;
  return Invalid("a class is \"item\", \"order\" or \"shipping\"", path);
}

// 0 < percent <= 100.
absl::StatusOr<Decimal> ReadPercent(const Json& value, absl::string_view path) {
  return ReadDecimalIn(value, path, 0, 100);
}

// An integer >= 1: quantities, max_applications, max_quantity, points, use limits.
absl::StatusOr<int64_t> ReadCount(const Json& value, absl::string_view path) {
  return ReadInteger(value, path, 1, INT64_MAX, error_code::kInvalidValue);
}

// items, skip_marked_down, skip_discounted, max_quantity: the targeting of the item actions.
absl::Status ReadTargeting(ObjectReader& reader, const AmountContext& context, ItemTarget& target) {
  SF_RETURN_IF_ERROR(reader.Optional("items", target.items, ReadItems, context));
  SF_RETURN_IF_ERROR(reader.Optional("skip_marked_down", target.skip_marked_down, ReadBoolean));
  SF_RETURN_IF_ERROR(reader.Optional("skip_discounted", target.skip_discounted, ReadBoolean));
  return reader.Optional("max_quantity", target.max_quantity, ReadCount);
}

// {"percent"} | {"amount"} | {"price"}: what each discounted unit of a buy_x_get_y gets.
absl::Status ReadUnitDiscount(const Json& value, absl::string_view path, const AmountContext& context, Action& action) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  SF_RETURN_IF_ERROR(reader.Optional("percent", action.percent, ReadPercent));
  SF_RETURN_IF_ERROR(reader.Optional("amount", action.amount, ReadPositiveMoneyMap, context));
  SF_RETURN_IF_ERROR(reader.Optional("price", action.price, ReadPriceMap, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  if (action.percent.has_value() + action.amount.has_value() + action.price.has_value() != 1) {
    return Invalid("give exactly one of percent, amount and price", path);
  }
  return absl::OkStatus();
}

absl::Status ReadBuyXGetY(ObjectReader& reader, const AmountContext& context, Action& action) {
  SF_ASSIGN_OR_RETURN(const Json* buy, reader.Require("buy"));
  SF_ASSIGN_OR_RETURN(ObjectReader buy_reader, ObjectReader::Open(*buy, reader.PathOf("buy")));
  SF_RETURN_IF_ERROR(buy_reader.Required("items", action.target.items, ReadItems, context));
  SF_RETURN_IF_ERROR(buy_reader.Required("quantity", action.buy_quantity, ReadCount));
  SF_RETURN_IF_ERROR(buy_reader.RejectUnknownFields());
  SF_ASSIGN_OR_RETURN(const Json* get, reader.Require("get"));
  SF_ASSIGN_OR_RETURN(ObjectReader get_reader, ObjectReader::Open(*get, reader.PathOf("get")));
  SF_RETURN_IF_ERROR(get_reader.Optional("items", action.get_items, ReadItems, context));
  SF_RETURN_IF_ERROR(get_reader.Required("quantity", action.get_quantity, ReadCount));
  SF_RETURN_IF_ERROR(get_reader.RejectUnknownFields());
  SF_ASSIGN_OR_RETURN(const Json* discount, reader.Require("discount"));
  SF_RETURN_IF_ERROR(ReadUnitDiscount(*discount, reader.PathOf("discount"), context, action));
  if (const Json* pick = reader.Find("pick")) {
    if (*pick != "cheapest" && *pick != "most_expensive") {
      return Invalid("pick is \"cheapest\" or \"most_expensive\"", reader.PathOf("pick"));
    }
    action.pick_cheapest = *pick == "cheapest";
  }
  return reader.Optional("max_applications", action.max_applications, ReadCount);
}

absl::StatusOr<Action::Component> ReadComponent(const Json& value, absl::string_view path,
                                                const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Action::Component component;
  SF_RETURN_IF_ERROR(reader.Required("items", component.items, ReadItems, context));
  SF_RETURN_IF_ERROR(reader.Optional("quantity", component.quantity, ReadCount));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return component;
}

// {min, amount | percent}; `min` is a money map or, for tiers by quantity, an integer.
absl::StatusOr<Action::SpendTier> ReadSpendTier(const Json& value, absl::string_view path, const AmountContext& context,
                                                const bool& by_quantity) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Action::SpendTier tier;
  if (by_quantity) {
    SF_RETURN_IF_ERROR(reader.Required("min", tier.min_quantity, ReadCount));
  } else {
    SF_RETURN_IF_ERROR(reader.Required("min", tier.min_amount, ReadPositiveMoneyMap, context));
  }
  SF_RETURN_IF_ERROR(reader.Optional("amount", tier.amount, ReadPositiveMoneyMap, context));
  SF_RETURN_IF_ERROR(reader.Optional("percent", tier.percent, ReadPercent));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  if (tier.amount.has_value() == tier.percent.has_value())
    return Invalid("give exactly one of amount and percent", path);
  return tier;
}

absl::Status ReadTieredSpend(ObjectReader& reader, const AmountContext& context, Action& action) {
  if (const Json* by = reader.Find("by")) {
    if (*by != "amount" && *by != "quantity") return Invalid("by is \"amount\" or \"quantity\"", reader.PathOf("by"));
    action.by_quantity = *by == "quantity";
  }
  SF_RETURN_IF_ERROR(reader.Optional("base", action.base, ReadAmountBase));
  SF_RETURN_IF_ERROR(reader.Optional("items", action.target.items, ReadItems, context));
  const std::string tiers_path = reader.PathOf("tiers");
  SF_RETURN_IF_ERROR(reader.Required("tiers", action.tiers, ReadArrayOf<Action::SpendTier, AmountContext, bool>,
                                     ReadSpendTier, context, action.by_quantity));
  if (action.tiers.empty()) return Invalid("give at least one tier", tiers_path);
  for (size_t i = 1; i < action.tiers.size(); ++i) {
    const std::string min_path = absl::StrCat(tiers_path, "/", i, "/min");
    const Action::SpendTier& previous = action.tiers[i - 1];
    const Action::SpendTier& tier = action.tiers[i];
    if (action.by_quantity && tier.min_quantity <= previous.min_quantity) {
      return Invalid("tiers must have strictly ascending min", min_path);
    }
    if (!action.by_quantity)
      SF_RETURN_IF_ERROR(CheckAmountOrder(*previous.min_amount, *tier.min_amount, true, min_path));
  }
  return absl::OkStatus();
}

absl::Status ReadShippingOff(ObjectReader& reader, const AmountContext& context, Action& action) {
  SF_RETURN_IF_ERROR(reader.Optional("percent", action.percent, ReadPercent));
  SF_RETURN_IF_ERROR(reader.Optional("amount", action.amount, ReadPositiveMoneyMap, context));
  if (const Json* free = reader.Find("free")) {
    // `false` would be a discount of nothing: leave the field out instead.
    if (!free->is_boolean()) return TypeMismatch(*free, "true", reader.PathOf("free"));
    if (!free->get<bool>()) return Invalid("free must be true", reader.PathOf("free"));
    action.free_shipping = true;
  }
  if (action.percent.has_value() + action.amount.has_value() + action.free_shipping != 1) {
    return Invalid("give exactly one of percent, amount and \"free\": true", reader.path());
  }
  return reader.Optional("methods", action.methods, ReadIdentifierList, context.read);
}

// The members an action may have depend on its type; any other is `unknown_field`.
absl::StatusOr<Action> ReadAction(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Action action;
  SF_RETURN_IF_ERROR(reader.Required("type", action.type, ReadActionType));
  switch (action.type) {
    case Action::Type::kPercentOff:
      SF_RETURN_IF_ERROR(reader.Required("percent", action.percent, ReadPercent));
      SF_RETURN_IF_ERROR(ReadTargeting(reader, context, action.target));
      break;
    case Action::Type::kAmountOffEach:
    case Action::Type::kAmountOffItems:
      SF_RETURN_IF_ERROR(reader.Required("amount", action.amount, ReadPositiveMoneyMap, context));
      SF_RETURN_IF_ERROR(ReadTargeting(reader, context, action.target));
      break;
    case Action::Type::kUnitPrice:
      SF_RETURN_IF_ERROR(reader.Required("price", action.price, ReadPriceMap, context));
      SF_RETURN_IF_ERROR(ReadTargeting(reader, context, action.target));
      break;
    case Action::Type::kNForX:
      SF_RETURN_IF_ERROR(
          reader.Required("quantity", action.quantity, ReadInteger, 2, INT64_MAX, error_code::kInvalidValue));
      SF_RETURN_IF_ERROR(reader.Required("price", action.price, ReadPriceMap, context));
      SF_RETURN_IF_ERROR(reader.Optional("items", action.target.items, ReadItems, context));
      SF_RETURN_IF_ERROR(reader.Optional("max_applications", action.max_applications, ReadCount));
      break;
    case Action::Type::kBuyXGetY:
      SF_RETURN_IF_ERROR(ReadBuyXGetY(reader, context, action));
      break;
    case Action::Type::kBundle:
      SF_RETURN_IF_ERROR(reader.Required("components", action.components, ReadArrayOf<Action::Component, AmountContext>,
                                         ReadComponent, context));
      if (action.components.size() < 2)
        return Invalid("a bundle has at least two components", reader.PathOf("components"));
      SF_RETURN_IF_ERROR(reader.Required("price", action.price, ReadPriceMap, context));
      SF_RETURN_IF_ERROR(reader.Optional("max_applications", action.max_applications, ReadCount));
      break;
    case Action::Type::kFreeGift:
      SF_RETURN_IF_ERROR(reader.Required("sku", action.sku, ReadIdentifier, context.read));
      action.quantity = 1;
      SF_RETURN_IF_ERROR(reader.Optional("quantity", action.quantity, ReadCount));
      break;
    case Action::Type::kTieredSpend:
      SF_RETURN_IF_ERROR(ReadTieredSpend(reader, context, action));
      break;
    case Action::Type::kOrderPercentOff:
      SF_RETURN_IF_ERROR(reader.Required("percent", action.percent, ReadPercent));
      break;
    case Action::Type::kOrderAmountOff:
      SF_RETURN_IF_ERROR(reader.Required("amount", action.amount, ReadPositiveMoneyMap, context));
      break;
    case Action::Type::kLoyaltyPoints:
      SF_RETURN_IF_ERROR(reader.Required("points", action.points, ReadCount));
      SF_RETURN_IF_ERROR(reader.Required("per", action.per, ReadPositiveMoneyMap, context));
      SF_RETURN_IF_ERROR(reader.Optional("items", action.target.items, ReadItems, context));
      break;
    case Action::Type::kShippingOff:
      SF_RETURN_IF_ERROR(ReadShippingOff(reader, context, action));
      break;
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return action;
}

absl::StatusOr<Eligibility> ReadEligibility(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Eligibility eligibility;
  SF_RETURN_IF_ERROR(reader.Optional("customer_groups", eligibility.customer_groups, ReadIdentifierList, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("segments", eligibility.segments, ReadIdentifierList, context.read));
  SF_RETURN_IF_ERROR(
      reader.Optional("min_orders", eligibility.min_orders, ReadInteger, 0, INT64_MAX, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(
      reader.Optional("max_orders", eligibility.max_orders, ReadInteger, 0, INT64_MAX, error_code::kInvalidValue));
  if (eligibility.min_orders.has_value() && eligibility.max_orders.has_value() &&
      *eligibility.min_orders > *eligibility.max_orders) {
    return Invalid("max_orders must not be below min_orders", reader.PathOf("max_orders"));
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return eligibility;
}

absl::StatusOr<UsageLimits> ReadUsageLimits(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  UsageLimits limits;
  SF_RETURN_IF_ERROR(reader.Optional("uses", limits.uses, ReadCount));
  SF_RETURN_IF_ERROR(reader.Optional("uses_per_customer", limits.uses_per_customer, ReadCount));
  SF_RETURN_IF_ERROR(reader.Optional("budget", limits.budget, ReadPositiveMoneyMap, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return limits;
}

// Paths are relative to the snapshot document: the caller prefixes errors with where it sits.
absl::StatusOr<Promotion> ReadPromotion(const Json& value, absl::string_view path, const AmountContext& context) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  Promotion promotion;
  SF_RETURN_IF_ERROR(reader.Required("id", promotion.id, ReadIdentifier, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("name", promotion.name, ReadString, context.read));
  // As typed; PromotionSet::Build normalizes them and rejects empty and duplicate codes.
  SF_RETURN_IF_ERROR(reader.Optional("coupons", promotion.coupons, ReadStringList, context.read));
  SF_ASSIGN_OR_RETURN(promotion.window, ReadWindow(reader));
  SF_RETURN_IF_ERROR(reader.Optional("channels", promotion.channels, ReadIdentifierList, context.read));
  SF_RETURN_IF_ERROR(reader.Optional("eligibility", promotion.eligibility, ReadEligibility, context));
  SF_RETURN_IF_ERROR(
      reader.Optional("priority", promotion.priority, ReadInteger, -1'000'000, 1'000'000, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(reader.Optional("exclusive", promotion.exclusive, ReadBoolean));
  SF_RETURN_IF_ERROR(reader.Optional("stop_after", promotion.stop_after, ReadBoolean));
  SF_RETURN_IF_ERROR(reader.Optional("combines_with", promotion.combines_with, ReadArrayOf<Action::Class>, ReadClass));
  SF_RETURN_IF_ERROR(reader.Optional("min_margin", promotion.min_margin, ReadMargin));
  SF_RETURN_IF_ERROR(reader.Optional("limits", promotion.limits, ReadUsageLimits, context));
  SF_RETURN_IF_ERROR(reader.Optional("condition", promotion.condition, ReadConditionTree, context));
  SF_RETURN_IF_ERROR(reader.Required("action", promotion.action, ReadAction, context));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return promotion;
}

absl::StatusOr<PromotionCounter> ReadCounter(const Json& value, absl::string_view path, const Currency& currency) {
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(value, path));
  PromotionCounter counter;
  // Negative counts are allowed: they mean "exhausted", as zero does.
  SF_RETURN_IF_ERROR(
      reader.Optional("uses_left", counter.uses_left, ReadInteger, INT64_MIN, INT64_MAX, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(reader.Optional("customer_uses_left", counter.customer_uses_left, ReadInteger, INT64_MIN,
                                     INT64_MAX, error_code::kInvalidValue));
  SF_RETURN_IF_ERROR(reader.Optional("budget_left", counter.budget_left, ReadMoney, currency));
  if (counter.budget_left.has_value() && counter.budget_left->is_negative()) {
    return Invalid("budget_left must not be negative", reader.PathOf("budget_left"));
  }
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return counter;
}

}  // namespace

absl::StatusOr<PromotionSet> ReadPromotions(ObjectReader& snapshot_reader, const AmountContext& context,
                                            int64_t max_promotions, const Catalog& catalog) {
  SF_RETURN_IF_ERROR(CheckCount(snapshot_reader, "promotions", max_promotions, error_code::kTooManyPromotions));
  const Json* value = snapshot_reader.Find("promotions");
  if (value == nullptr) return PromotionSet();
  // Read at "/promotions", not at the snapshot's place in the caller's input: condition paths are
  // reported in results as pointers into the snapshot itself.
  absl::StatusOr<std::vector<Promotion>> promotions =
      ReadArrayOf<Promotion, AmountContext>(*value, "/promotions", ReadPromotion, context);
  if (!promotions.ok()) return PrefixErrorPath(promotions.status(), snapshot_reader.path());
  absl::StatusOr<PromotionSet> set = PromotionSet::Build(*std::move(promotions), catalog);
  if (!set.ok()) return PrefixErrorPath(set.status(), snapshot_reader.path());
  return set;
}

absl::StatusOr<PromotionSelection> ReadPromotionSelection(const Json& value, absl::string_view path) {
  if (value == "priority") return PromotionSelection::kPriority;
  if (value == "best_for_customer") return PromotionSelection::kBestForCustomer;
  return Invalid("promotion_selection is \"priority\" or \"best_for_customer\"", path);
}

absl::StatusOr<std::vector<PromotionCounter>> ReadPromotionCounters(const Json& value, absl::string_view path,
                                                                    const ReadContext& context,
                                                                    const Currency& currency) {
  if (!value.is_object()) return TypeMismatch(value, "an object of promotion id -> counters", path);
  std::vector<PromotionCounter> counters;
  for (const auto& [id, body] : value.get_ref<const Json::object_t&>()) {
    const std::string counter_path = ChildPath(path, id);
    SF_RETURN_IF_ERROR(CheckKey(id, counter_path, context));
    SF_ASSIGN_OR_RETURN(PromotionCounter counter, ReadCounter(body, counter_path, currency));
    counter.promotion = id;
    counters.push_back(std::move(counter));
  }
  return counters;  // std::map iteration: already sorted by id
}

Json WriteDiscounts(const std::vector<AppliedDiscount>& discounts) {
  Json out = Json::array();
  for (const AppliedDiscount& discount : discounts) {
    out.push_back({{"promotion", discount.promotion}, {"amount", discount.amount.ToString()}});
  }
  return out;
}

Json WritePromotionOutcomes(const std::vector<PromotionOutcome>& outcomes) {
  Json out = Json::array();
  for (const PromotionOutcome& outcome : outcomes) {
    Json entry = {{"applied", outcome.applied}};
    if (!outcome.promotion.empty()) entry["promotion"] = outcome.promotion;
    if (!outcome.reason.empty()) entry["reason"] = outcome.reason;
    if (!outcome.coupon.empty()) {
      entry["coupon"] = outcome.coupon;
      entry["coupon_index"] = outcome.coupon_index;
    }
    if (!outcome.condition.empty()) entry["condition"] = outcome.condition;
    if (outcome.missing_amount.has_value()) entry["missing_amount"] = outcome.missing_amount->ToString();
    if (outcome.missing_quantity.has_value()) entry["missing_quantity"] = *outcome.missing_quantity;
    if (!outcome.blocked_by.empty()) entry["blocked_by"] = outcome.blocked_by;
    if (outcome.saving.has_value()) entry["saving"] = outcome.saving->ToString();
    if (outcome.points > 0) entry["points"] = outcome.points;
    if (outcome.capped_by_budget) entry["capped_by_budget"] = true;
    if (outcome.uses > 0) entry["uses"] = outcome.uses;
    if (outcome.budget_used.has_value()) entry["budget_used"] = outcome.budget_used->ToString();
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace storefront::codec
