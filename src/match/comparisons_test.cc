#include "match/comparisons.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <tuple>

#include "ingest/test_tables.h"

namespace reunite::match {
namespace {

using reunite::testing::ReadTable;
using Kind = StringLevel::Test;

// The given-name ladder of comparison_levels.tsv.
const std::vector<StringLevel>& GivenNameLevels() {
  static const std::vector<StringLevel> levels = {
      {Kind::kExact, 0, "exact"},
      {Kind::kNickname, 0, "nickname"},
      {Kind::kPhonetic, 0, "phonetic"},
      {Kind::kJaroWinkler, 0.92, "jaro_winkler >= 0.92"},
      {Kind::kDamerauLevenshtein, 2, "damerau_levenshtein <= 2"},
      {Kind::kPrefix, 1, "initial"},
  };
  return levels;
}

// "1985-06-21", "1985-0-0", "1985-01-01 jan1", or "" for no date.
PreparedDate ParseTableDate(const std::string& cell) {
  PreparedDate d;
  if (cell.empty()) return d;
  char flag[8] = "";
  const int n = std::sscanf(cell.c_str(), "%d-%d-%d %7s", &d.year, &d.month, &d.day, flag);
  EXPECT_GE(n, 3) << "bad date cell: " << cell;
  d.january_first_default = std::string(flag) == "jan1";
  return d;
}

int Compare(const std::string& kind, const std::string& a, const std::string& b) {
  if (kind == "tokens") return CompareTokenSets(PrepareTokens(a), PrepareTokens(b));
  if (kind == "string") return CompareStrings(PrepareString(a), PrepareString(b), GivenNameLevels());
  if (kind == "date") return CompareDates(ParseTableDate(a), ParseTableDate(b));
  if (kind == "identifier") return CompareIdentifiers(a, b);
  if (kind == "number") return CompareNumbers(std::stod(a), std::stod(b), {1, 5});
  ADD_FAILURE() << "unknown kind " << kind;
  return -2;
}

// tests/data/match/comparison_levels.tsv: kind, a, b, expected level, why. Each pair
// is also compared the other way round: every comparison is symmetric.
TEST(ComparisonLevelsTest, Table) {
  const auto rows = ReadTable("match/comparison_levels.tsv");
  ASSERT_GE(rows.size(), 60u);
  for (const auto& row : rows) {
    SCOPED_TRACE("comparison_levels.tsv:" + std::to_string(row.line) + " " + row[0] + " '" + row[1] + "' / '" +
                 row[2] + "' (" + row[4] + ")");
    const int expected = row[3] == "null" ? kNull : std::stoi(row[3]);
    EXPECT_EQ(Compare(row[0], row[1], row[2]), expected);
    EXPECT_EQ(Compare(row[0], row[2], row[1]), expected) << "reversed";
  }
}

TEST(PrepareStringTest, FoldsTrimsAndCollapsesSpacing) {
  const PreparedString p = PrepareString("  José \t LUIS\n");
  EXPECT_EQ(p.folded, "jose luis");
  EXPECT_EQ(p.phonetic, "HOSELUIS");
  EXPECT_TRUE(PrepareString(" \t ").empty());
  EXPECT_EQ(PrepareString(" \t ").phonetic, "");
}

TEST(PrepareTokensTest, SplitsAtSpacingAndPunctuationNotApostrophes) {
  std::vector<std::string> folded;
  for (const auto& t : PrepareTokens(" De la Cruz-Tz'ul, y  Pérez ").tokens) folded.push_back(t.folded);
  EXPECT_EQ(folded, (std::vector<std::string>{"cruz", "tz'ul", "perez"}));
  EXPECT_EQ(PrepareTokens("Tz'ul").tokens[0].phonetic, "ZUL");
  EXPECT_TRUE(PrepareTokens(" - ").empty());
}

TEST(PrepareDateTest, KeepsWhatThePrecisionKnows) {
  BirthDate exact{{1985, 6, 21}, DatePrecision::kExact, false};
  PreparedDate d = PrepareDate(exact);
  EXPECT_EQ(std::tie(d.year, d.month, d.day, d.january_first_default), std::make_tuple(1985, 6, 21, false));
  BirthDate jan1{{1985, 1, 1}, DatePrecision::kExact, true};
  EXPECT_TRUE(PrepareDate(jan1).january_first_default);
  BirthDate year{{1985, 0, 0}, DatePrecision::kYearOnly, false};
  d = PrepareDate(year);
  EXPECT_EQ(std::tie(d.year, d.month, d.day), std::make_tuple(1985, 0, 0));
  EXPECT_TRUE(PrepareDate(BirthDate{}).empty());
}

TEST(CompareStringsTest, EmptyLadderAndOrder) {
  const PreparedString a = PrepareString("Lopez"), b = PrepareString("Lopes");
  EXPECT_EQ(CompareStrings(a, a, {}), 0);  // no levels: everything is "different" (0)
  EXPECT_EQ(CompareStrings(a, b, {{Kind::kJaroWinkler, 0.8, ""}, {Kind::kExact, 0, ""}}), 0);
  EXPECT_EQ(CompareStrings(a, b, {{Kind::kExact, 0, ""}, {Kind::kDamerauLevenshtein, 0, ""}}), 2);
  EXPECT_EQ(CompareStrings(a, b, {{Kind::kPrefix, 5, ""}, {Kind::kPrefix, 4, ""}}), 1);
  EXPECT_EQ(CompareStrings(PrepareString(""), b, GivenNameLevels()), kNull);
}

TEST(CompareTokenSetsTest, ThresholdIsUsed) {
  const PreparedTokens a = PrepareTokens("Martinez"), b = PrepareTokens("Martines Ruiz");
  EXPECT_EQ(CompareTokenSets(a, b, 0.9), 3);  // same phonetic key
  const PreparedTokens c = PrepareTokens("Martin");
  EXPECT_EQ(CompareTokenSets(a, c, 0.9), 3);   // JW 0.95
  EXPECT_EQ(CompareTokenSets(a, c, 0.99), 5);
}

TEST(CompareNumbersTest, NanAndLadder) {
  EXPECT_EQ(CompareNumbers(NAN, NAN, {1}), kNull);
  EXPECT_EQ(CompareNumbers(1, 1, {}), 0);
  EXPECT_EQ(CompareNumbers(1, 2, {}), 1);
  EXPECT_EQ(CompareNumbers(-3, 3, {1, 6}), 2);
}

TEST(LevelLabelsTest, OneLabelPerLevel) {
  EXPECT_EQ(TokenSetLevelLabels().size(), 6u);
  EXPECT_EQ(DateLevelLabels().size(), 8u);
  EXPECT_EQ(IdentifierLevelLabels().size(), 3u);
}

}  // namespace
}  // namespace reunite::match
