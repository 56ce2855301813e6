// The snapshot's "tax" section and the tax parts of the priced cart (docs/concepts/tax.md §1 and
// §8). Internal to the codec.
#ifndef STOREFRONT_SDK_CODEC_TAX_READER_H_
#define STOREFRONT_SDK_CODEC_TAX_READER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "codec/condition_reader.h"
#include "codec/json.h"
#include "storefront/catalog/catalog.h"
#include "storefront/money/rounding.h"
#include "storefront/pricing/priced_cart.h"
#include "storefront/tax/tax.h"
#include "storefront/tax/tax_amount.h"

namespace storefront::codec {

// The optional "tax" member of the snapshot object, validated against `catalog` (every product's
// tax_category must be declared). Absent: a disabled TaxConfig, and no tax stage. `rounding.mode`
// defaults to `default_rounding` (the snapshot's settings.rounding_mode). Zone and rate ids are
// resolved here: `unknown_tax_zone`, `unknown_tax_rate`; the rest is TaxConfig::Build's.
absl::StatusOr<TaxConfig> ReadTax(ObjectReader& snapshot_reader, const AmountContext& context,
                                  RoundingMode default_rounding, const Catalog& catalog);

// [{rate, name, jurisdiction, percent, base, amount, fee?}]: a line's or the shipping's taxes.
Json WriteTaxAmounts(const std::vector<TaxAmount>& taxes);
// The priced cart's "tax": {rates, jurisdictions, notes}.
Json WriteTaxSummary(const TaxSummary& summary);

}  // namespace storefront::codec

#endif  // STOREFRONT_SDK_CODEC_TAX_READER_H_
