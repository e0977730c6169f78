#include "match/phonetic.h"

#include <gtest/gtest.h>

#include "ingest/fold.h"
#include "ingest/test_tables.h"

namespace reunite::match {
namespace {

using reunite::testing::ReadTable;

std::string Key(std::string_view raw) { return PhoneticKey(FoldForSearch(raw)); }

// tests/data/match/phonetic.tsv: a, b, same|differ, expected key of a, why.
TEST(PhoneticKeyTest, TablePairs) {
  const auto rows = ReadTable("match/phonetic.tsv");
  ASSERT_GE(rows.size(), 60u);
  for (const auto& row : rows) {
    SCOPED_TRACE("phonetic.tsv:" + std::to_string(row.line) + " " + row[0] + " / " + row[1] + " (" + row[4] + ")");
    ASSERT_TRUE(row[2] == "same" || row[2] == "differ") << row[2];
    const std::string a = Key(row[0]), b = Key(row[1]);
    if (row[2] == "same") {
      EXPECT_EQ(a, b);
    } else {
      EXPECT_NE(a, b);
    }
    if (!row[3].empty()) {
      EXPECT_EQ(a, row[3]);
    }
  }
}

TEST(PhoneticKeyTest, NoLettersGiveAnEmptyKey) {
  EXPECT_EQ(PhoneticKey(""), "");
  EXPECT_EQ(PhoneticKey("123 - '"), "");
  EXPECT_EQ(PhoneticKey("h"), "");  // a lone silent h
}

TEST(PhoneticKeyTest, UpperCaseInputIsAccepted) {
  EXPECT_EQ(PhoneticKey("TZUL"), PhoneticKey("tzul"));
}

TEST(PhoneticKeyTest, KeyIsUpperCaseAscii) {
  for (const char* name : {"Nuñez Peñate", "K'iche'", "Ixcoy-Pop", "ßø 4"}) {
    for (char c : Key(name)) EXPECT_TRUE(c >= 'A' && c <= 'Z') << name;
  }
}

TEST(PhoneticKeyTest, WordEndsAreSeenInsideMultiWordText) {
  EXPECT_EQ(Key("Quej Pop"), Key("Keh Pop"));   // final j of the first word
  EXPECT_EQ(Key("Pop Ximena"), Key("Pop Jimena"));  // "xime" at a word start
  EXPECT_NE(Key("Pop Ximena"), Key("Popximena"));
}

}  // namespace
}  // namespace reunite::match
