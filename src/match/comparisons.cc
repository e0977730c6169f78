#include "match/comparisons.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>

#include "ingest/fold.h"
#include "match/nicknames.h"
#include "match/phonetic.h"
#include "match/strings.h"

namespace reunite::match {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Between tokens of a multi-part name: spacing and ASCII punctuation except the
// apostrophe, which belongs to Maya names (Tz'ul). Bytes >= 0x80 stay in tokens.
bool SplitsTokens(char c) {
  const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return static_cast<unsigned char>(c) < 0x80 && c != '\'' && !alnum;
}

bool IsParticle(std::string_view t) {
  return t == "de" || t == "del" || t == "la" || t == "las" || t == "los" || t == "y";
}

PreparedString PrepareFolded(std::string folded) {
  PreparedString p;
  p.phonetic = PhoneticKey(folded);
  p.folded = std::move(folded);
  return p;
}

std::string_view FirstWord(std::string_view s) { return s.substr(0, s.find(' ')); }

}  // namespace

PreparedString PrepareString(std::string_view raw) {
  const std::string folded = FoldForSearch(raw);
  std::string clean;
  clean.reserve(folded.size());
  for (char c : folded) {
    if (!IsSpace(c)) {
      clean.push_back(c);
    } else if (!clean.empty() && clean.back() != ' ') {
      clean.push_back(' ');
    }
  }
  if (!clean.empty() && clean.back() == ' ') clean.pop_back();
  return PrepareFolded(std::move(clean));
}

PreparedTokens PrepareTokens(std::string_view raw) {
  const std::string folded = FoldForSearch(raw);
  std::vector<std::string> words;
  size_t start = 0;
  for (size_t i = 0; i <= folded.size(); ++i) {
    if (i < folded.size() && !SplitsTokens(folded[i])) continue;
    if (i > start) words.push_back(folded.substr(start, i - start));
    start = i + 1;
  }
  bool all_particles = true;
  for (const auto& w : words) all_particles = all_particles && IsParticle(w);
  PreparedTokens out;
  for (auto& w : words) {
    if (all_particles || !IsParticle(w)) out.tokens.push_back(PrepareFolded(std::move(w)));
  }
  return out;
}

PreparedDate PrepareDate(const BirthDate& birth) {
  PreparedDate d;
  if (birth.precision == DatePrecision::kUnknown || birth.date.year == 0) return d;
  d.year = birth.date.year;
  if (birth.precision == DatePrecision::kExact) {
    d.month = birth.date.month;
    d.day = birth.date.day;
    d.january_first_default = birth.january_first_default;
  }
  return d;
}

// --- Strings ------------------------------------------------------------------

namespace {

// Jaro-Winkler is the costly test and ladders often hold several JW levels: compute
// it once per pair (a negative *jw means not yet computed), and not at all when its
// cheap bound (*bound, the same way) is below the level's threshold. The margin
// keeps rounding from ever failing a pair that the full computation passes.
bool LevelHolds(const PreparedString& a, const PreparedString& b, const StringLevel& level, double* jw,
                double* bound) {
  using Test = StringLevel::Test;
  switch (level.test) {
    case Test::kExact:
      return a.folded == b.folded;
    case Test::kNickname:
      return SameGivenNameOrNickname(a.folded, b.folded) ||
             SameGivenNameOrNickname(FirstWord(a.folded), FirstWord(b.folded));
    case Test::kPhonetic:
      return !a.phonetic.empty() && a.phonetic == b.phonetic;
    case Test::kJaroWinkler:
      if (*jw < 0) {
        if (*bound < 0) *bound = JaroWinklerBound(a.folded, b.folded);
        if (*bound < level.threshold - 1e-9) return false;
        *jw = JaroWinkler(a.folded, b.folded);
      }
      return *jw >= level.threshold;
    case Test::kDamerauLevenshtein: {
      const int bound = static_cast<int>(level.threshold);
      return bound >= 0 && DamerauLevenshtein(a.folded, b.folded, bound) <= bound;
    }
    case Test::kPrefix: {
      const auto n = static_cast<size_t>(std::max(level.threshold, 1.0));
      return a.folded.size() >= n && b.folded.size() >= n && a.folded.compare(0, n, b.folded, 0, n) == 0;
    }
  }
  return false;
}

}  // namespace

int CompareStrings(const PreparedString& a, const PreparedString& b, const std::vector<StringLevel>& levels) {
  if (a.empty() || b.empty()) return kNull;
  double jw = -1, bound = -1;
  for (size_t i = 0; i < levels.size(); ++i) {
    if (LevelHolds(a, b, levels[i], &jw, &bound)) return static_cast<int>(i);
  }
  return static_cast<int>(levels.size());
}

// --- Token sets -----------------------------------------------------------------

int CompareTokenSets(const PreparedTokens& a, const PreparedTokens& b, double fuzzy_threshold) {
  const auto& x = a.tokens;
  const auto& y = b.tokens;
  return TokenSetLadder(
      x.size(), y.size(), [&](size_t i, size_t j) { return x[i].folded == y[j].folded; },
      [&](size_t i, size_t j) { return !x[i].phonetic.empty() && x[i].phonetic == y[j].phonetic; },
      [&](size_t i, size_t j) { return JaroWinkler(x[i].folded, y[j].folded); }, fuzzy_threshold);
}

const std::vector<std::string>& TokenSetLevelLabels() {
  static const std::vector<std::string> labels = {
      "same tokens, same order", "same tokens, other order", "one side's tokens all in the other",
      "fuzzy match token by token", "a token in common", "different"};
  return labels;
}

// --- Dates --------------------------------------------------------------------

namespace {

// Month and day both known and not a January-1 stand-in for "unknown".
bool IsFull(const PreparedDate& d) { return d.month != 0 && d.day != 0 && !d.january_first_default; }

bool HasRealMonth(const PreparedDate& d) { return d.month != 0 && !d.january_first_default; }

// Years that differ in one digit (1985/1995) or by two adjacent digits swapped (1985/1958).
bool YearTypo(int a, int b) {
  if (a < 1000 || a > 9999 || b < 1000 || b > 9999) return false;
  char x[8], y[8];
  std::snprintf(x, sizeof x, "%d", a);
  std::snprintf(y, sizeof y, "%d", b);
  return DamerauLevenshtein(std::string_view(x, 4), std::string_view(y, 4), 1) == 1;
}

}  // namespace

int CompareDates(const PreparedDate& a, const PreparedDate& b) {
  if (a.empty() || b.empty()) return kNull;
  const bool full = IsFull(a) && IsFull(b);
  const int years = std::abs(a.year - b.year);
  const bool same_month = a.month == b.month, same_day = a.day == b.day;
  if (full && years == 0 && same_month && same_day) return 0;
  if (a.month != 0 && a.day != 0 && years == 0 && same_month && same_day) return 1;  // a shared January 1
  if (full && years == 0 && a.month == b.day && a.day == b.month) return 2;
  if (!full && years == 0 && (!HasRealMonth(a) || !HasRealMonth(b) || same_month)) return 3;
  // An estimated year (a January-1 stand-in, or a year alone) is often one off:
  // ages are asked at different times.
  if (years == 1 && (!full || (same_month && same_day))) return 4;
  if (full && years == 0 && (same_month != same_day)) return 5;
  if (full && same_month && same_day && YearTypo(a.year, b.year)) return 5;
  if (years <= 2) return 6;
  return 7;
}

const std::vector<std::string>& DateLevelLabels() {
  static const std::vector<std::string> labels = {
      "exact", "exact, January 1 default", "day and month swapped", "same year, one side imprecise",
      "year off by one", "one component differs", "years within 2", "different"};
  return labels;
}

// --- Identifiers ----------------------------------------------------------------

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads an identifier's digits, skipping separators, after `pad` implicit leading
// zeros, so that an 8-digit A-number lines up with its 9-digit padded form.
class Digits {
 public:
  Digits(std::string_view s, size_t pad) : s_(s), pad_(pad) {}
  char Next() {
    if (pad_ > 0) {
      --pad_;
      return '0';
    }
    while (!IsDigit(s_[i_])) ++i_;
    return s_[i_++];
  }

 private:
  std::string_view s_;
  size_t pad_;
  size_t i_ = 0;
};

size_t CountDigits(std::string_view s) { return static_cast<size_t>(std::count_if(s.begin(), s.end(), IsDigit)); }

bool HasSignificantDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '1' && c <= '9'; });
}

}  // namespace

int CompareIdentifiers(std::string_view a, std::string_view b) {
  // No digit, or zeros only (a placeholder): no identifier.
  if (!HasSignificantDigit(a) || !HasSignificantDigit(b)) return kNull;
  const size_t na = CountDigits(a), nb = CountDigits(b), n = std::max(na, nb);
  Digits da(a, n - na), db(b, n - nb);
  // Walk both digit sequences together, remembering up to two differences.
  size_t diffs = 0, first = 0;
  char a0 = 0, b0 = 0, a1 = 0, b1 = 0;
  for (size_t pos = 0; pos < n; ++pos) {
    const char x = da.Next(), y = db.Next();
    if (x == y) continue;
    if (++diffs > 2 || (diffs == 2 && pos != first + 1)) return 2;
    if (diffs == 1) {
      first = pos, a0 = x, b0 = y;
    } else {
      a1 = x, b1 = y;
    }
  }
  if (diffs == 0) return 0;
  return diffs == 1 || (a0 == b1 && a1 == b0) ? 1 : 2;
}

const std::vector<std::string>& IdentifierLevelLabels() {
  static const std::vector<std::string> labels = {"equal", "one digit different or transposed", "different"};
  return labels;
}

// --- Numbers ------------------------------------------------------------------

int CompareNumbers(double a, double b, const std::vector<double>& max_differences) {
  if (std::isnan(a) || std::isnan(b)) return kNull;
  if (a == b) return 0;
  const double diff = std::fabs(a - b);
  for (size_t i = 0; i < max_differences.size(); ++i) {
    if (diff <= max_differences[i]) return static_cast<int>(i) + 1;
  }
  return static_cast<int>(max_differences.size()) + 1;
}

}  // namespace reunite::match
