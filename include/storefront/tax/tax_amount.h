// One tax on a line, a fee or shipping, as the priced cart reports it (docs/concepts/tax.md §8).
#ifndef STOREFRONT_TAX_TAX_AMOUNT_H_
#define STOREFRONT_TAX_TAX_AMOUNT_H_

#include <string>

#include "storefront/money/decimal.h"
#include "storefront/money/money.h"

namespace storefront {

struct TaxAmount {
  std::string rate;  // the rate's id
  std::string name;
  std::string jurisdiction;
  Decimal percent;
  Money base;       // what the rate was applied to
  Money amount;     // the tax
  std::string fee;  // the fee this tax is on; empty for the line or shipping itself
};

}  // namespace storefront

#endif  // STOREFRONT_TAX_TAX_AMOUNT_H_
