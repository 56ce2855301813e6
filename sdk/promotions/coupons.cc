#include "promotions/coupons.h"

#include "absl/strings/str_cat.h"

namespace storefront::promotions {

void ReportCoupons(const CartRequest& cart, std::vector<Issue>& issues) {
  for (size_t i = 0; i < cart.coupons.size(); ++i) {
    issues.push_back({issue_code::kCouponUnknown, absl::StrCat("no promotion has the code \"", cart.coupons[i], "\""),
                      absl::StrCat("/coupons/", i)});
  }
}

}  // namespace storefront::promotions
