// PromotionSet::Build: the load-time half of promotions. Everything a cart must not be able to
// trip over (unknown references, ambiguous codes, duplicate ids) is rejected here, once, and the
// automatic promotions are indexed by the items they need so that pricing a cart looks only at
// the promotions that could do something for it.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/cart/cart.h"
#include "storefront/promotions/promotion.h"

namespace storefront {
namespace {

// A set of SelectorKeys, ordered so that the index is built in the same order on every target.
using KeySet = std::set<std::string>;

// The first child node a condition path ends in, by kind: "/quantity", "/amount", "/contains".
absl::string_view NodeName(Condition::Kind kind) {
  switch (kind) {
    case Condition::Kind::kQuantity:
      return "quantity";
    case Condition::Kind::kAmount:
      return "amount";
    case Condition::Kind::kContains:
      return "contains";
    default:
      return "";
  }
}

// Checks each selector's reference and gives it its index key.
absl::Status PrepareItems(ItemFilter& items, const Catalog& catalog, absl::string_view items_path) {
  for (size_t i = 0; i < items.size(); ++i) {
    SF_RETURN_IF_ERROR(CheckSelector(items[i], catalog, absl::StrCat(items_path, "/", i)));
    items[i].key = SelectorKey(items[i].kind, items[i].value, items[i].attribute_key);
  }
  return absl::OkStatus();
}

}  // namespace

// Gives every node its JSON Pointer (the reader does too; C++ callers need not) and checks the
// selectors of the leaves that have items.
absl::Status PrepareCondition(Condition& condition, std::string path, const Catalog& catalog) {
  condition.path = std::move(path);
  switch (condition.kind) {
    case Condition::Kind::kAll:
    case Condition::Kind::kAny: {
      const char* node = condition.kind == Condition::Kind::kAll ? "/all/" : "/any/";
      for (size_t i = 0; i < condition.children.size(); ++i) {
        SF_RETURN_IF_ERROR(PrepareCondition(condition.children[i], absl::StrCat(condition.path, node, i), catalog));
      }
      return absl::OkStatus();
    }
    case Condition::Kind::kNot:
      for (Condition& child : condition.children) {
        SF_RETURN_IF_ERROR(PrepareCondition(child, absl::StrCat(condition.path, "/not"), catalog));
      }
      return absl::OkStatus();
    case Condition::Kind::kQuantity:
    case Condition::Kind::kAmount:
    case Condition::Kind::kContains:
      return PrepareItems(condition.items, catalog,
                          absl::StrCat(condition.path, "/", NodeName(condition.kind), "/items"));
    case Condition::Kind::kCoupon:
      // Compared with the cart's normalized codes, so normalized here too (the reader already
      // did; a C++ caller need not).
      for (std::string& code : condition.values) code = NormalizeCouponCode(code);
      if (condition.values.empty() || condition.values[0].empty()) {
        return InputError(error_code::kInvalidValue, "a coupon code must not be empty",
                          absl::StrCat(condition.path, "/coupon"));
      }
      return absl::OkStatus();
    default:
      return absl::OkStatus();
  }
}

absl::Status PrepareAction(Action& action, const Catalog& catalog, absl::string_view path) {
  switch (action.type) {
    case Action::Type::kBuyXGetY:
      SF_RETURN_IF_ERROR(PrepareItems(action.target.items, catalog, absl::StrCat(path, "/buy/items")));
      return PrepareItems(action.get_items, catalog, absl::StrCat(path, "/get/items"));
    case Action::Type::kBundle:
      for (size_t c = 0; c < action.components.size(); ++c) {
        SF_RETURN_IF_ERROR(
            PrepareItems(action.components[c].items, catalog, absl::StrCat(path, "/components/", c, "/items")));
      }
      return absl::OkStatus();
    case Action::Type::kFreeGift:
      if (!catalog.FindSku(action.sku).has_value()) {
        return InputError(error_code::kUnknownSku, absl::StrCat("no variant has SKU \"", action.sku, "\""),
                          absl::StrCat(path, "/sku"));
      }
      return absl::OkStatus();
    default:
      return PrepareItems(action.target.items, catalog, absl::StrCat(path, "/items"));
  }
}

KeySet KeysOf(const ItemFilter& items) {
  KeySet keys;
  for (const Selector& selector : items) keys.insert(selector.key);
  return keys;
}

bool AllPositive(const MoneyMap& amounts) {
  return !amounts.empty() &&
         std::all_of(amounts.begin(), amounts.end(), [](const Money& m) { return m.minor_units() > 0; });
}

namespace {

// Keys such that the condition can only be true when the cart has a line with one of them;
// nullopt when no such set exists (a cart-wide condition, or one that holds for an empty cart).
std::optional<KeySet> RequiredKeys(const Condition& condition) {
  switch (condition.kind) {
    case Condition::Kind::kAll:
      // Every child must hold, so any one child's requirement is the whole tree's.
      for (const Condition& child : condition.children) {
        if (std::optional<KeySet> keys = RequiredKeys(child)) return keys;
      }
      return std::nullopt;
    case Condition::Kind::kAny: {
      // Some child must hold: only a requirement every child has carries over, as their union.
      if (condition.children.empty()) return std::nullopt;
      KeySet keys;
      for (const Condition& child : condition.children) {
        std::optional<KeySet> child_keys = RequiredKeys(child);
        if (!child_keys.has_value()) return std::nullopt;
        keys.insert(child_keys->begin(), child_keys->end());
      }
      return keys;
    }
    case Condition::Kind::kQuantity:
      if (condition.items.empty() || !condition.min_count.has_value() || *condition.min_count < 1) return std::nullopt;
      return KeysOf(condition.items);
    case Condition::Kind::kAmount:
      if (condition.items.empty() || !condition.min_amount.has_value() || !AllPositive(*condition.min_amount)) {
        return std::nullopt;
      }
      return KeysOf(condition.items);
    case Condition::Kind::kContains:
      if (condition.items.empty()) return std::nullopt;
      return KeysOf(condition.items);
    default:
      // `not`, and leaves about the cart as a whole or its context.
      return std::nullopt;
  }
}

// Keys of the lines an item action works on: it does nothing without one of them.
std::optional<KeySet> ActionKeys(const Action& action) {
  switch (action.type) {
    case Action::Type::kPercentOff:
    case Action::Type::kAmountOffEach:
    case Action::Type::kAmountOffItems:
    case Action::Type::kUnitPrice:
    case Action::Type::kNForX:
    case Action::Type::kBuyXGetY:  // target.items are the buy items
      if (action.target.items.empty()) return std::nullopt;
      return KeysOf(action.target.items);
    case Action::Type::kBundle: {
      KeySet keys;
      for (const Action::Component& component : action.components) {
        KeySet component_keys = KeysOf(component.items);
        keys.insert(component_keys.begin(), component_keys.end());
      }
      if (keys.empty()) return std::nullopt;
      return keys;
    }
    default:
      return std::nullopt;
  }
}

std::string EscapePointerToken(absl::string_view token) {
  return absl::StrReplaceAll(token, {{"~", "~0"}, {"/", "~1"}});
}

}  // namespace

std::string NormalizeCouponCode(absl::string_view code) {
  // Spelled out rather than absl::ascii_isspace / toupper so that the set of characters is the
  // documented one on every target, whatever the C library thinks.
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!code.empty() && is_space(code.front())) code.remove_prefix(1);
  while (!code.empty() && is_space(code.back())) code.remove_suffix(1);
  std::string normalized(code);
  for (char& c : normalized) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return normalized;
}

Action::Class Action::ClassOf() const {
  switch (type) {
    case Type::kTieredSpend:
    case Type::kOrderPercentOff:
    case Type::kOrderAmountOff:
    case Type::kLoyaltyPoints:
      return Class::kOrder;
    case Type::kShippingOff:
      return Class::kShipping;
    default:
      return Class::kItem;
  }
}

bool Promotion::CombinesWith(Action::Class other) const {
  return std::find(combines_with.begin(), combines_with.end(), other) != combines_with.end();
}

absl::StatusOr<PromotionSet> PromotionSet::Build(std::vector<Promotion> promotions, const Catalog& catalog) {
  PromotionSet set;
  for (size_t p = 0; p < promotions.size(); ++p) {
    Promotion& promotion = promotions[p];
    const uint32_t index = static_cast<uint32_t>(p);
    const std::string path = absl::StrCat("/promotions/", p);
    if (!set.by_id_.emplace(promotion.id, index).second) {
      return InputError(error_code::kDuplicateId, absl::StrCat("\"", promotion.id, "\" is defined twice"),
                        absl::StrCat(path, "/id"));
    }
    for (size_t c = 0; c < promotion.coupons.size(); ++c) {
      std::string& code = promotion.coupons[c];
      code = NormalizeCouponCode(code);
      const std::string code_path = absl::StrCat(path, "/coupons/", c);
      if (code.empty()) return InputError(error_code::kInvalidValue, "a coupon code must not be empty", code_path);
      // Within one promotion too: a code must name exactly one (promotion, position).
      if (!set.by_coupon_.emplace(code, index).second) {
        return InputError(error_code::kDuplicateCouponCode,
                          absl::StrCat("the code \"", code, "\" (after normalization) is used twice"), code_path);
      }
    }
    if (promotion.condition.has_value()) {
      SF_RETURN_IF_ERROR(PrepareCondition(*promotion.condition, absl::StrCat(path, "/condition"), catalog));
    }
    SF_RETURN_IF_ERROR(PrepareAction(promotion.action, catalog, absl::StrCat(path, "/action")));
  }
  for (size_t p = 0; p < promotions.size(); ++p) {
    const Promotion& promotion = promotions[p];
    if (!promotion.automatic()) continue;  // found through its codes only
    std::optional<KeySet> keys;
    if (promotion.condition.has_value()) keys = RequiredKeys(*promotion.condition);
    if (!keys.has_value()) keys = ActionKeys(promotion.action);
    if (!keys.has_value()) {
      set.every_cart_.push_back(static_cast<uint32_t>(p));
      continue;
    }
    for (const std::string& key : *keys) set.by_item_key_[key].push_back(static_cast<uint32_t>(p));
  }
  set.promotions_ = std::move(promotions);
  return set;
}

const Promotion* PromotionSet::FindByCoupon(absl::string_view normalized_code) const {
  auto it = by_coupon_.find(normalized_code);
  return it == by_coupon_.end() ? nullptr : &promotions_[it->second];
}

const Promotion* PromotionSet::FindById(absl::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &promotions_[it->second];
}

absl::Span<const uint32_t> PromotionSet::AutomaticFor(absl::string_view key) const {
  auto it = by_item_key_.find(key);
  return it == by_item_key_.end() ? absl::Span<const uint32_t>() : absl::MakeConstSpan(it->second);
}

absl::Status ValidatePromotionCounters(const PromotionSet& set, const CartRequest& cart) {
  for (const PromotionCounter& counter : cart.promotion_counters) {
    if (set.FindById(counter.promotion) == nullptr) {
      return InputError(error_code::kUnknownPromotion,
                        absl::StrCat("no promotion has the id \"", counter.promotion, "\""),
                        absl::StrCat("/promotion_counters/", EscapePointerToken(counter.promotion)));
    }
  }
  return absl::OkStatus();
}

}  // namespace storefront
