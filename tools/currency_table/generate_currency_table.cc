// Writes the ISO 4217 currency table that the core compiles in, from ICU's data.
//
// For each current ISO currency ICU knows: the alphabetic code, the numeric code, the number of
// minor digits, and the cash increment in minor units (CHF 0.05 -> 5; HUF, whose cash amounts
// have no fraction digits, -> 100). Rows are sorted by code so the core can binary-search them.
// Usage: storefront_currency_table OUTPUT_FILE

#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Row {
  std::string code;
  int32_t numeric_code;
  int32_t digits;
  int64_t cash_increment;
};

int64_t PowerOfTen(int32_t exponent) {
  int64_t result = 1;
  for (int32_t i = 0; i < exponent; ++i) result *= 10;
  return result;
}

bool ReadRow(const char* code, Row& row) {
  UErrorCode status = U_ZERO_ERROR;
  UChar ucode[4];
  u_charsToUChars(code, ucode, 4);
  row.code = code;
  row.numeric_code = ucurr_getNumericCode(ucode);
  row.digits = ucurr_getDefaultFractionDigitsForUsage(ucode, UCURR_USAGE_STANDARD, &status);
  const int32_t cash_digits = ucurr_getDefaultFractionDigitsForUsage(ucode, UCURR_USAGE_CASH, &status);
  const double cash_rounding = ucurr_getRoundingIncrementForUsage(ucode, UCURR_USAGE_CASH, &status);
  if (U_FAILURE(status) || row.numeric_code <= 0 || row.digits < 0 || row.digits > 4) return false;
  // ICU expresses the cash increment in major units (0.05) or, when it is a plain power of ten,
  // only through the cash digits. Converting to minor units here, at build time, is the only
  // place a floating-point value is ever touched, and it is rounded to an exact integer.
  int64_t increment = PowerOfTen(std::max(0, row.digits - cash_digits));
  if (cash_rounding > 0) {
    increment = static_cast<int64_t>(std::llround(cash_rounding * static_cast<double>(PowerOfTen(row.digits))));
  }
  row.cash_increment = std::max<int64_t>(1, increment);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTPUT_FILE\n", argv[0]);
    return 2;
  }
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* codes = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "ICU: %s\n", u_errorName(status));
    return 1;
  }
  std::vector<Row> rows;
  while (const char* code = uenum_next(codes, nullptr, &status)) {
    Row row;
    if (ReadRow(code, row)) rows.push_back(row);
  }
  uenum_close(codes);
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.code < b.code; });

  std::ofstream out(argv[1], std::ios::trunc);
  out << "// Generated from ICU " << U_ICU_VERSION << " by tools/currency_table. Do not edit.\n"
      << "// {code, numeric code, minor digits, cash increment in minor units}\n";
  for (const Row& row : rows) {
    out << "{\"" << row.code << "\", " << row.numeric_code << ", " << row.digits << ", " << row.cash_increment
        << "},\n";
  }
  out.close();
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", argv[1]);
    return 1;
  }
  std::printf("%zu currencies from ICU %s\n", rows.size(), U_ICU_VERSION);
  return 0;
}
