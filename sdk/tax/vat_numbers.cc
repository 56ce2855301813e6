// EU VAT number syntax (docs/concepts/tax.md §9): the member state's prefix, then its pattern.
//
// The table is the "VAT number structure" of the European Commission's VIES help page. It checks
// syntax only — whether a number is issued is VIES's question, which needs the network the core
// never touches. Patterns are matched by hand: std::regex would cost the wasm module a lot of size
// for 27 fixed shapes.
#include <algorithm>
#include <iterator>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "storefront/tax/tax.h"

namespace storefront {
namespace {

struct MemberState {
  absl::string_view country;  // ISO 3166-1 alpha-2, as addresses spell it
  absl::string_view prefix;   // the VAT prefix: the country code, except Greece's "EL"
  // Alternatives separated by '|'. '9' is a digit, 'A' an upper-case letter, 'X' either, 'S' a
  // letter, a digit, '+' or '*'; any other character stands for itself.
  absl::string_view patterns;
};

constexpr MemberState kMemberStates[] = {
    {"AT", "AT", "U99999999"},
    {"BE", "BE", "0999999999|1999999999"},
    {"BG", "BG", "999999999|9999999999"},
    {"CY", "CY", "99999999A"},
    {"CZ", "CZ", "99999999|999999999|9999999999"},
    {"DE", "DE", "999999999"},
    {"DK", "DK", "99999999"},
    {"EE", "EE", "999999999"},
    {"ES", "ES", "X9999999X"},
    {"FI", "FI", "99999999"},
    {"FR", "FR", "XX999999999"},
    {"GR", "EL", "999999999"},
    {"HR", "HR", "99999999999"},
    {"HU", "HU", "99999999"},
    // 7 digits and one or two letters (the second was "W" for a married woman), or the older
    // shape with a letter, '+' or '*' in second place.
    {"IE", "IE", "9999999A|9999999AA|9S99999A"},
    {"IT", "IT", "99999999999"},
    {"LT", "LT", "999999999|999999999999"},
    {"LU", "LU", "99999999"},
    {"LV", "LV", "99999999999"},
    {"MT", "MT", "99999999"},
    {"NL", "NL", "999999999B99"},
    {"PL", "PL", "9999999999"},
    {"PT", "PT", "999999999"},
    {"RO", "RO", "99|999|9999|99999|999999|9999999|99999999|999999999|9999999999"},
    {"SE", "SE", "999999999999"},
    {"SI", "SI", "99999999"},
    {"SK", "SK", "9999999999"},
};

bool MatchesCharacter(char pattern, char c) {
  const bool digit = absl::ascii_isdigit(static_cast<unsigned char>(c));
  const bool letter = c >= 'A' && c <= 'Z';
  switch (pattern) {
    case '9':
      return digit;
    case 'A':
      return letter;
    case 'X':
      return digit || letter;
    case 'S':
      return digit || letter || c == '+' || c == '*';
    default:
      return c == pattern;
  }
}

bool MatchesPattern(absl::string_view pattern, absl::string_view text) {
  if (pattern.size() != text.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (!MatchesCharacter(pattern[i], text[i])) return false;
  }
  return true;
}

bool MatchesAny(absl::string_view patterns, absl::string_view text) {
  while (true) {
    const size_t bar = patterns.find('|');
    if (MatchesPattern(patterns.substr(0, bar), text)) return true;
    if (bar == absl::string_view::npos) return false;
    patterns.remove_prefix(bar + 1);
  }
}

}  // namespace

bool IsWellFormedEuVatNumber(absl::string_view vat_number) {
  if (vat_number.size() < 2) return false;
  const absl::string_view prefix = vat_number.substr(0, 2);
  for (const MemberState& state : kMemberStates) {
    if (state.prefix == prefix) return MatchesAny(state.patterns, vat_number.substr(2));
  }
  return false;
}

bool IsEuMemberState(absl::string_view country) {
  return std::any_of(std::begin(kMemberStates), std::end(kMemberStates),
                     [&](const MemberState& state) { return state.country == country; });
}

}  // namespace storefront
