// Comparison kinds: each compares one feature of two records and answers with a
// level, best first (0 = exact), the last level meaning "different", or kNull when
// either side is missing (a missing value is no evidence either way, weight 0).
// The code holds the kinds; a settings file chooses which kind each column uses
// and the thresholds of its levels (Splink's shape).
#pragma once
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
// (de, del, la, las, los, y) dropped.
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
  enum class Test { kExact, kNickname, kPhonetic, kJaroWinkler, kDamerauLevenshtein, kPrefix };
  Test test = Test::kExact;
  double threshold = 0;  // JW: similarity >= threshold; DL: distance <= threshold; prefix: length
  std::string label;     // e.g. "jaro_winkler >= 0.92", for explanations
};

// Returns the index of the first level that holds, levels.size() for "different",
// or kNull when either side is empty.
int CompareStrings(const PreparedString& a, const PreparedString& b, const std::vector<StringLevel>& levels);

// Token-set levels for multi-part names. Fixed ladder:
//   0 same tokens in the same order; 1 same tokens in another order (swapped
//   surnames); 2 one side's tokens all found in the other (a surname missing);
//   3 first tokens match fuzzily (JW >= fuzzy_threshold or same phonetic key) and
//   so do the rest where both have them; 4 at least one token in common (exact or
//   phonetic); 5 different. kNull when either side has no tokens.
int CompareTokenSets(const PreparedTokens& a, const PreparedTokens& b, double fuzzy_threshold = 0.9);
const std::vector<std::string>& TokenSetLevelLabels();

// Date levels, fixed ladder:
//   0 exact (both exact, not January-1 defaults); 1 exact but January 1 on both
//   (a shared default is weak evidence); 2 day and month swapped; 3 one side a
//   January-1 default or year-only and the years equal; 4 year off by one, month
//   and day equal; 5 one digit-typo component differs (same year, month or day
//   differs); 6 years within 2; 7 different. kNull when either is empty.
int CompareDates(const PreparedDate& a, const PreparedDate& b);
const std::vector<std::string>& DateLevelLabels();

// Identifier levels (A-numbers, social security numbers, phone numbers): 0 equal;
// 1 one digit different or two adjacent digits transposed; 2 different. kNull when
// either is empty. Compares the digits only.
int CompareIdentifiers(std::string_view a, std::string_view b);
const std::vector<std::string>& IdentifierLevelLabels();

// Numeric closeness (for age gaps, street numbers): 0 equal; then one level per
// entry of `max_differences` (|a-b| <= d); then different. kNull when either is NaN.
int CompareNumbers(double a, double b, const std::vector<double>& max_differences);

}  // namespace reunite::match
