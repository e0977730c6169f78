// Comparison kinds: each compares one feature of two records and answers with a
// level, best first (0 = exact), the last level meaning "different", or kNull when
// either side is missing (a missing value is no evidence either way, weight 0).
// The code holds the kinds; a settings file chooses which kind each column uses
// and the thresholds of its levels (Splink's shape).
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/person.h"

namespace reunite::match {

inline constexpr int kNull = -1;

// A value prepared once per record for fast repeated comparison.
struct PreparedString {
  std::string folded;    // ingest FoldForSearch, trimmed, inner whitespace collapsed
  std::string phonetic;  // PhoneticKey(folded)
  bool empty() const { return folded.empty(); }
};
PreparedString PrepareString(std::string_view raw);

// Multi-part names (surnames, given names): their tokens, prepared, particles
// (de, del, la, las, los, y) dropped. Tokens are split at spacing and at ASCII
// punctuation other than the apostrophe ("Hernández-López" has two tokens, "Tz'ul"
// one). A name made of particles only keeps them rather than becoming empty.
struct PreparedTokens {
  std::vector<PreparedString> tokens;
  bool empty() const { return tokens.empty(); }
};
PreparedTokens PrepareTokens(std::string_view raw);

// A date with the January-1 flag, for date comparisons.
struct PreparedDate {
  int year = 0, month = 0, day = 0;  // 0 = unknown component
  bool january_first_default = false;
  bool empty() const { return year == 0; }
};
PreparedDate PrepareDate(const BirthDate& birth);

// --- Level descriptions, filled from settings ---------------------------------

// String levels, tried in order; the first that holds gives the level.
struct StringLevel {
  // kExact: folded texts equal. kNickname: SameGivenNameOrNickname on the whole
  // folded texts or on their first words ("jose luis" / "chepe"). kPhonetic: equal,
  // non-empty phonetic keys. kPrefix: both at least `threshold` bytes long (at least
  // 1) and equal over those bytes (initials: prefix 1).
  enum class Test { kExact, kNickname, kPhonetic, kJaroWinkler, kDamerauLevenshtein, kPrefix };
  Test test = Test::kExact;
  double threshold = 0;  // JW: similarity >= threshold; DL: distance <= threshold; prefix: length
  std::string label;     // e.g. "jaro_winkler >= 0.92", for explanations
};

// Returns the index of the first level that holds, levels.size() for "different",
// or kNull when either side is empty. Does not allocate.
int CompareStrings(const PreparedString& a, const PreparedString& b, const std::vector<StringLevel>& levels);

// Token-set levels for multi-part names. Fixed ladder:
//   0 same tokens in the same order; 1 same tokens in another order (swapped
//   surnames); 2 one side's tokens all found in the other (a surname missing);
//   3 first tokens match fuzzily (JW >= fuzzy_threshold or same phonetic key) and
//   so do the rest where both have them; 4 at least one token in common (exact or
//   phonetic); 5 different. kNull when either side has no tokens. Does not allocate.
int CompareTokenSets(const PreparedTokens& a, const PreparedTokens& b, double fuzzy_threshold = 0.9);
const std::vector<std::string>& TokenSetLevelLabels();

// The token-set ladder over any form of tokens, so that a faster form (tokens as
// numbers) answers exactly as CompareTokenSets: n and m tokens; same(i, j): token i
// of one side and j of the other have the same text; sound(i, j): the same non-empty
// phonetic key; jw(i, j): Jaro-Winkler of their texts. Names longer than 64 tokens
// are paired on their first 64 (one bit each).
template <typename Same, typename Sound, typename Jw>
int TokenSetLadder(size_t n, size_t m, Same same, Sound sound, Jw jw, double fuzzy_threshold) {
  if (n == 0 || m == 0) return kNull;
  bool in_order = n == m;
  for (size_t i = 0; in_order && i < n; ++i) in_order = same(i, i);
  if (in_order) return 0;
  // Equal tokens paired one to one; equality is transitive, so greedy pairing finds
  // the largest matching.
  constexpr size_t kMaxTokens = 64;
  std::uint64_t used = 0;
  size_t pairs = 0;
  for (size_t i = 0; i < std::min(n, kMaxTokens); ++i) {
    for (size_t j = 0; j < std::min(m, kMaxTokens); ++j) {
      const std::uint64_t bit = std::uint64_t{1} << j;
      if ((used & bit) || !same(i, j)) continue;
      used |= bit;
      ++pairs;
      break;
    }
  }
  if (pairs == std::min({n, m, kMaxTokens})) return n == m ? 1 : 2;
  bool fuzzy = true;  // first tokens fuzzily alike, and the rest where both have them
  for (size_t i = 0; fuzzy && i < std::min(n, m); ++i) fuzzy = same(i, i) || sound(i, i) || jw(i, i) >= fuzzy_threshold;
  if (fuzzy) return 3;
  if (pairs > 0) return 4;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      if (sound(i, j)) return 4;
    }
  }
  return 5;
}

// Date levels, fixed ladder:
//   0 exact (both exact, not January-1 defaults); 1 exact but January 1 on both
//   (a shared default is weak evidence); 2 day and month swapped; 3 one side a
//   January-1 default or imprecise (year-only, or month or day 0) and the years
//   equal (and the months, where both sides really know them); 4 year off by one,
//   month and day equal; 5 one digit-typo component differs (same year, month or
//   day differs; or same month and day, years one digit apart or with two adjacent
//   digits swapped: 1985/1995, 1985/1958); 6 years within 2; 7 different. kNull
//   when either is empty. Levels 2, 4 and 5 need exact dates on both sides.
int CompareDates(const PreparedDate& a, const PreparedDate& b);
const std::vector<std::string>& DateLevelLabels();

// Identifier levels (A-numbers, social security numbers, phone numbers): 0 equal;
// 1 one digit different or two adjacent digits transposed; 2 different. kNull when
// either is empty. Compares the digits only, the shorter padded with leading zeros
// ("A012345678" equals "12345678", as 8-digit A-numbers are padded to 9, and
// "012345678"/"102345678" is a transposition); zeros only is a placeholder: kNull.
// Does not allocate.
int CompareIdentifiers(std::string_view a, std::string_view b);
const std::vector<std::string>& IdentifierLevelLabels();

// Numeric closeness (for age gaps, street numbers): 0 equal; then one level per
// entry of `max_differences` (|a-b| <= d); then different. kNull when either is NaN.
int CompareNumbers(double a, double b, const std::vector<double>& max_differences);

}  // namespace reunite::match
