#include "match/column_check.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace reunite::match {
namespace {

LinkSettings Settings(const std::string& json) {
  auto s = ParseSettings(json, "s.json");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? *s : LinkSettings{};
}

Dataset Read(const std::string& csv, const LinkSettings& settings, bool left_side = true) {
  auto d = ReadCsvDataset(csv, "people.csv", settings.csv, settings.unique_id_column,
                          left_side ? settings.LeftColumns() : settings.RightColumns());
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? *d : Dataset{};
}

std::vector<std::string> Lines(const std::vector<ColumnWarning>& warnings) {
  std::vector<std::string> out;
  for (const auto& w : warnings) out.push_back(w.ToString());
  return out;
}

constexpr const char* kDob = R"({"unique_id_column": "id",
  "comparisons": [{"kind": "date", "column": "dob", "date_format": "%d/%m/%Y"}],
  "blocking_rules": ["dob.year"]})";

// The failure that prompted the check: ISO dates, years before 1900, read in another
// format gave an empty column and no word about it.
TEST(ColumnCheckTest, IsoDatesInADayFirstColumnAreNamedWithExamples) {
  LinkSettings s = Settings(kDob);
  Dataset d = Read("id,dob\n1,1891-03-07\n2,1902-11-30\n3,1891-03-07\n4,1850-02-03\n5,1066-10-14\n", s);
  auto w = CheckColumns(d, s, true);
  ASSERT_EQ(w.size(), 1u) << testing::PrintToString(Lines(w));
  EXPECT_EQ(w[0].kind, ColumnWarning::Kind::kUnreadable);
  EXPECT_TRUE(w[0].no_usable_value);
  EXPECT_EQ(w[0].ToString(),
            "people.csv: column 'dob' (comparison 'dob'): 5 of 5 values (100%) do not parse as dates in format "
            "'%d/%m/%Y', e.g. \"1891-03-07\", \"1902-11-30\", \"1850-02-03\"; no usable value");
}

TEST(ColumnCheckTest, HistoricalDatesInTheirFormatPass) {
  LinkSettings s = Settings(kDob);
  Dataset d = Read("id,dob\n1,07/03/1891\n2,30/11/1902\n3,14/10/1066\n4,25/12/0800\n5,unknown\n6,1850\n", s);
  EXPECT_TRUE(CheckColumns(d, s, true).empty()) << testing::PrintToString(Lines(CheckColumns(d, s, true)));
}

TEST(ColumnCheckTest, AFewUnreadableValuesAreToleratedMoreAreNot) {
  LinkSettings s = Settings(kDob);
  std::string csv = "id,dob\n";
  for (int i = 1; i <= 20; ++i) csv += std::to_string(i) + "," + std::to_string(i) + "/01/1880\n";
  csv += "21,31/02/1880\n";  // impossible: 1 of 21 (4.8%) is tolerated
  EXPECT_TRUE(CheckColumns(Read(csv, s), s, true).empty());
  csv += "22,not known yet\n";  // 2 of 22 (9.1%) is not
  auto w = CheckColumns(Read(csv, s), s, true);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_FALSE(w[0].no_usable_value);
  EXPECT_EQ(w[0].ToString(),
            "people.csv: column 'dob' (comparison 'dob'): 2 of 22 values (9.1%) do not parse as dates in format "
            "'%d/%m/%Y', e.g. \"31/02/1880\", \"not known yet\"");
}

TEST(ColumnCheckTest, MostlyEmptyColumnsAreCountedOverRecords) {
  LinkSettings s = Settings(R"({"unique_id_column": "id",
    "comparisons": [{"kind": "string", "column": "city", "levels": ["exact"]},
                    {"kind": "string", "column": "name", "levels": ["exact"]}],
    "blocking_rules": ["city", "name.phonetic"]})");
  Dataset d = Read("id,city,name\n1,,ana\n2,,bo\n3,Leeds,cy\n4,,\n5,York,dee\n", s);
  EXPECT_EQ(Lines(CheckColumns(d, s, true)),
            (std::vector<std::string>{
                "people.csv: column 'city' (comparison 'city'): 3 of 5 records (60%) are empty"}));
}

TEST(ColumnCheckTest, AnEmptyComparisonColumnHasNoUsableValue) {
  LinkSettings s = Settings(R"({"unique_id_column": "id",
    "comparisons": [{"kind": "string", "column": "email", "levels": ["exact"]}], "blocking_rules": ["email"]})");
  auto w = CheckColumns(Read("id,email\n1,\n2,\n", s), s, true);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_TRUE(w[0].no_usable_value);
  EXPECT_EQ(w[0].ToString(),
            "people.csv: column 'email' (comparison 'email'): 2 of 2 records (100%) are empty; no usable value");
}

TEST(ColumnCheckTest, NumbersIdentifiersAndBlockingTransforms) {
  LinkSettings s = Settings(R"({"unique_id_column": "id",
    "comparisons": [{"kind": "number", "column": "age", "max_differences": [1]},
                    {"kind": "identifier", "column": "ssn"}],
    "blocking_rules": ["born.year", "phone.digits", "ssn"]})");
  Dataset d = Read("id,age,ssn,born,phone\n1,ten,none,3/4/1850,n/a\n2,11,123,1850-04-03,555\n3,12a,456,,x\n", s);
  EXPECT_EQ(Lines(CheckColumns(d, s, true)),
            (std::vector<std::string>{
                "people.csv: column 'age' (comparison 'age'): 2 of 3 values (67%) do not parse as numbers, e.g. "
                "\"ten\", \"12a\"",
                "people.csv: column 'ssn' (comparison 'ssn'): 1 of 3 values (33%) do not parse as identifiers (they "
                "hold no digit), e.g. \"none\"",
                // A blocking column without a date comparison is read as ISO or YYYYMMDD.
                "people.csv: column 'born' (blocking rule 'born.year'): 1 of 2 values (50%) do not parse as dates in "
                "format 'iso', e.g. \"3/4/1850\"",
                "people.csv: column 'phone' (blocking rule 'phone.digits'): 2 of 3 values (67%) do not parse as "
                "identifiers (they hold no digit), e.g. \"n/a\", \"x\""}));
}

TEST(ColumnCheckTest, AColumnReadTwiceTheSameWayIsReportedOnce) {
  LinkSettings s = Settings(R"({"unique_id_column": "id",
    "comparisons": [{"kind": "date", "column": "dob"}], "blocking_rules": ["dob.year", "dob", "dob.month_day"]})");
  auto w = CheckColumns(Read("id,dob\n1,07/03/1891\n2,\n3,\n", s), s, true);
  EXPECT_EQ(Lines(w), (std::vector<std::string>{
                          "people.csv: column 'dob' (comparison 'dob'): 2 of 3 records (67%) are empty",
                          "people.csv: column 'dob' (comparison 'dob'): 1 of 1 values (100%) do not parse as dates "
                          "in format 'iso', e.g. \"07/03/1891\"; no usable value"}));
}

TEST(ColumnCheckTest, JoinedColumnsAreCheckedAsTheComparisonReadsThem) {
  LinkSettings s = Settings(R"({"unique_id_column": "id",
    "comparisons": [{"kind": "token_set", "columns": ["paternal", "maternal"]}], "blocking_rules": ["paternal"]})");
  // The maternal surname is mostly missing, which the joined comparison does not mind;
  // it is not read on its own.
  EXPECT_TRUE(CheckColumns(Read("id,paternal,maternal\n1,Pop,\n2,Xol,\n3,Caal,Tiul\n", s), s, true).empty());
  auto w = CheckColumns(Read("id,paternal,maternal\n1,,\n2,,Tiul\n3,,\n", s), s, true);
  EXPECT_EQ(Lines(w), (std::vector<std::string>{
                          "people.csv: columns 'paternal', 'maternal' (comparison 'paternal'): 2 of 3 records (67%) "
                          "are empty",
                          "people.csv: column 'paternal' (blocking rule 'paternal'): 3 of 3 records (100%) are "
                          "empty"}));
}

TEST(ColumnCheckTest, EachSideReadsItsOwnColumns) {
  LinkSettings s = Settings(R"({"link_type": "link", "unique_id_column": "id",
    "comparisons": [{"kind": "date", "left_column": "dob", "right_column": "born", "date_format": "%Y%m%d"}],
    "blocking_rules": ["id"]})");
  EXPECT_TRUE(CheckColumns(Read("id,dob\n1,18500203\n", s, true), s, true).empty());
  auto w = CheckColumns(Read("id,born\n1,1850-02-03\n", s, false), s, false);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].columns, (std::vector<std::string>{"born"}));
  EXPECT_TRUE(CheckColumns(Dataset{}, s, true).empty());
}

}  // namespace
}  // namespace reunite::match
