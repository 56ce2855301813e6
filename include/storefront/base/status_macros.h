// Early-return helpers for absl::Status and absl::StatusOr.
//
// Abseil 20220623, the version Debian 12 ships, has no public ABSL_RETURN_IF_ERROR or
// ABSL_ASSIGN_OR_RETURN, so the project keeps these two. They expand to plain control flow:
// no exceptions, which the wasm build does not enable.
#ifndef STOREFRONT_BASE_STATUS_MACROS_H_
#define STOREFRONT_BASE_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define SF_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define SF_STATUS_MACROS_CONCAT_(a, b) SF_STATUS_MACROS_CONCAT_INNER_(a, b)

// Returns from the enclosing function when `expr` (an absl::Status) is not OK.
#define SF_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::absl::Status sf_status_ = (expr);      \
    if (!sf_status_.ok()) return sf_status_; \
  } while (false)

// `lhs` = value of `rexpr` (an absl::StatusOr<T>), or returns its status from the enclosing
// function. `lhs` may declare a variable: SF_ASSIGN_OR_RETURN(Money m, Money::Parse(...)).
#define SF_ASSIGN_OR_RETURN(lhs, rexpr) \
  SF_ASSIGN_OR_RETURN_IMPL_(SF_STATUS_MACROS_CONCAT_(sf_statusor_, __LINE__), lhs, rexpr)

#define SF_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr)    \
  auto statusor = (rexpr);                                 \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()

#endif  // STOREFRONT_BASE_STATUS_MACROS_H_
