#include "match/relative_mentions.h"

#include <gtest/gtest.h>

#include "ingest/test_tables.h"

namespace reunite::match {
namespace {

// "father:jose luis | mother:" form of the table's expected column.
std::string Describe(const std::vector<RelativeMention>& mentions) {
  std::string out;
  for (const auto& m : mentions) {
    if (!out.empty()) out += " | ";
    out += ToString(m.kind) + ":";
    for (size_t i = 0; i < m.names.size(); ++i) out += (i ? " " : "") + m.names[i];
    if (m.age >= 0) out += "@" + std::to_string(m.age);
    if (m.elsewhere) out += " (elsewhere)";
    if (m.together) out += " (together)";
  }
  return out;
}

// tests/data/match/relative_mentions.tsv: text, expected mentions.
TEST(RelativeMentionsTest, Table) {
  const auto rows = testing::ReadTable("match/relative_mentions.tsv");
  ASSERT_GT(rows.size(), 15u);
  for (const auto& row : rows) {
    SCOPED_TRACE("relative_mentions.tsv:" + std::to_string(row.line) + " '" + row[0] + "'");
    EXPECT_EQ(Describe(ParseRelativeMentions(row[0])), row[1]);
  }
}

TEST(RelativeMentionsTest, EmptyAndPunctuationOnlyGiveNothing) {
  EXPECT_TRUE(ParseRelativeMentions("").empty());
  EXPECT_TRUE(ParseRelativeMentions(" ; , - ").empty());
}

TEST(RelativeMentionsTest, RelationWords) {
  EXPECT_EQ(RelationWordKind("papi"), RelativeKind::kFather);
  EXPECT_EQ(RelationWordKind("madre"), RelativeKind::kMother);
  EXPECT_EQ(RelationWordKind("abuela"), RelativeKind::kOtherRelative);
  EXPECT_EQ(RelationWordKind("menor"), RelativeKind::kWard);
  EXPECT_EQ(RelationWordKind("ma"), RelativeKind::kUnknown);  // "Ma." is María
  EXPECT_EQ(RelationWordKind("jose"), RelativeKind::kUnknown);
}

}  // namespace
}  // namespace reunite::match
