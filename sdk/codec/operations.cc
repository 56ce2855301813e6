// RunOperation: dispatch by name, plus the snapshot and cart operations.
#include "codec/operations.h"

#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "codec/cart_reader.h"
#include "codec/envelope.h"
#include "codec/snapshot_reader.h"
#include "storefront/base/error.h"
#include "storefront/base/status_macros.h"
#include "storefront/codec/json_api.h"
#include "storefront/engine/engine.h"

namespace storefront {
namespace codec {
namespace {

// An operation's input embeds whole documents, so it is read under the hard maxima; the
// documents inside are then held to the limits the input asks for.
constexpr TextLimits kOperationInputLimits = {(256 << 20) + (4 << 20) + (1 << 16), 64 + 2};

// A document given either as JSON (`name`) or as raw text (`name`_text), at `/name` either way.
struct DocumentField {
  const Json* value = nullptr;
  const Json* text = nullptr;
  std::string path;
};

absl::StatusOr<DocumentField> RequireDocument(ObjectReader& input, absl::string_view name) {
  DocumentField field{input.Find(name), input.Find(absl::StrCat(name, "_text")), input.PathOf(name)};
  if ((field.value == nullptr) == (field.text == nullptr)) {
    return InputError(error_code::kMissingField,
                      absl::StrCat("give exactly one of \"", name, "\" and \"", name, "_text\""), field.path);
  }
  if (field.text != nullptr && !field.text->is_string()) {
    return TypeMismatch(*field.text, "a string", input.PathOf(absl::StrCat(name, "_text")));
  }
  return field;
}

absl::StatusOr<Json> ParseDocument(const DocumentField& field, const TextLimits& limits) {
  if (field.value != nullptr) return *field.value;
  return ParseJsonText(field.text->get_ref<const std::string&>(), limits, field.path);
}

using Handler = absl::StatusOr<Json> (*)(ObjectReader&);

struct Operation {
  absl::string_view name;
  Handler run;
};

constexpr std::array<Operation, 14> kOperations = {{
    {"currency.info", CurrencyInfo},
    {"money.parse", MoneyParse},
    {"money.format", MoneyFormat},
    {"money.sum", MoneySum},
    {"money.multiply", MoneyMultiply},
    {"money.allocate", MoneyAllocate},
    {"money.cash_round", MoneyCashRound},
    {"snapshot.validate", SnapshotValidate},
    {"cart.price", CartPrice},
    {"products.rank", ProductsRank},
    {"experiments.hash", ExperimentsHash},
    {"experiments.bucket_ranges", ExperimentsBucketRanges},
    {"experiments.choose_variation", ExperimentsChooseVariation},
    {"experiments.in_namespace", ExperimentsInNamespace},
}};

absl::StatusOr<Json> Run(absl::string_view op, absl::string_view input_json) {
  const Operation* operation = nullptr;
  for (const Operation& candidate : kOperations) {
    if (candidate.name == op) operation = &candidate;
  }
  if (operation == nullptr) {
    return InputError(error_code::kUnknownOperation, absl::StrCat("unknown operation \"", op, "\""));
  }
  SF_ASSIGN_OR_RETURN(const Json input, ParseJsonText(input_json, kOperationInputLimits, ""));
  SF_ASSIGN_OR_RETURN(ObjectReader reader, ObjectReader::Open(input, ""));
  SF_ASSIGN_OR_RETURN(Json value, operation->run(reader));
  SF_RETURN_IF_ERROR(reader.RejectUnknownFields());
  return value;
}

}  // namespace

absl::StatusOr<Snapshot> ReadSnapshotInput(ObjectReader& input) {
  HostLimits limits;
  if (const Json* options = input.Find("options")) {
    SF_ASSIGN_OR_RETURN(limits, ReadHostLimits(*options, input.PathOf("options")));
  }
  SF_ASSIGN_OR_RETURN(DocumentField field, RequireDocument(input, "snapshot"));
  SF_ASSIGN_OR_RETURN(Json document, ParseDocument(field, {limits.max_snapshot_bytes, limits.max_json_depth}));
  return ReadSnapshot(document, field.path, limits);
}

absl::StatusOr<Json> SnapshotValidate(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(Snapshot snapshot, ReadSnapshotInput(input));
  return DescribeSnapshot(snapshot);
}

absl::StatusOr<Json> CartPrice(ObjectReader& input) {
  SF_ASSIGN_OR_RETURN(Snapshot snapshot, ReadSnapshotInput(input));
  SF_ASSIGN_OR_RETURN(DocumentField field, RequireDocument(input, "cart"));
  SF_ASSIGN_OR_RETURN(Json document, ParseDocument(field, {snapshot.settings.limits.max_cart_bytes,
                                                           snapshot.host_limits.max_json_depth}));
  SF_ASSIGN_OR_RETURN(CartRequest cart, ReadCart(document, field.path, {snapshot.host_limits.max_string_length}));
  SF_ASSIGN_OR_RETURN(std::unique_ptr<const Engine> engine, Engine::Create(std::move(snapshot)));
  absl::StatusOr<PricedCart> priced = engine->Price(cart);
  if (!priced.ok()) return PrefixErrorPath(priced.status(), field.path);
  return WritePricedCart(*priced);
}

}  // namespace codec

std::string RunOperation(absl::string_view op, absl::string_view input_json) {
  return codec::Envelope(codec::Run(op, input_json));
}

}  // namespace storefront
