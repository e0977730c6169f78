#include "common/csv_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace reunite {
namespace {

std::string Field(std::string_view text, CsvCells cells = CsvCells::kSpreadsheet) {
  std::string out;
  AppendCsvField(out, text, cells);
  return out;
}

TEST(CsvWriterTest, PlainFieldsAreWrittenAsIs) {
  EXPECT_EQ(Field("José Xol"), "José Xol");
  EXPECT_EQ(Field(""), "");
  EXPECT_EQ(Field("ICE-1"), "ICE-1");
  EXPECT_EQ(Field("2018-07-26"), "2018-07-26");
  EXPECT_EQ(Field("K'iche'"), "K'iche'");
}

TEST(CsvWriterTest, QuotesCommasQuotesAndLineBreaksPerRfc4180) {
  EXPECT_EQ(Field("Cobán, Alta Verapaz"), "\"Cobán, Alta Verapaz\"");
  EXPECT_EQ(Field("casa \"la roja\""), "\"casa \"\"la roja\"\"\"");
  EXPECT_EQ(Field("line one\nline two"), "\"line one\nline two\"");
  EXPECT_EQ(Field("a\r\nb"), "\"a\r\nb\"");
  EXPECT_EQ(Field("\""), "\"\"\"\"");
}

TEST(CsvWriterTest, RecordsJoinWithCommasAndEndWithLf) {
  std::ostringstream out;
  WriteCsvRecord(out, {"id", "x,y", "", "=1"});
  EXPECT_EQ(out.str(), "id,\"x,y\",,'=1\n");
  std::string appended;
  AppendCsvRecord(appended, {"a"});
  AppendCsvRecord(appended, {"b", "c"});
  EXPECT_EQ(appended, "a\nb,c\n");
}

// Issue 13, item 12: each character a spreadsheet starts a formula with.
TEST(CsvWriterTest, Issue13Item12EachDangerousLeadingCharacterIsGuarded) {
  EXPECT_EQ(Field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(Field("=1+1"), "'=1+1");
  EXPECT_EQ(Field("+1+1"), "'+1+1");
  EXPECT_EQ(Field("-1+1"), "'-1+1");
  EXPECT_EQ(Field("@SUM(1)"), "'@SUM(1)");
  EXPECT_EQ(Field("\tcmd"), "'\tcmd");
  EXPECT_EQ(Field("\rcmd"), "\"'\rcmd\"");  // quoted too: it holds a CR
  EXPECT_EQ(Field("-"), "'-");
  EXPECT_EQ(Field("="), "'=");
}

TEST(CsvWriterTest, Issue13Item12LeadingSpacesDoNotHideAFormula) {
  EXPECT_EQ(Field(" =1+1"), "' =1+1");
  EXPECT_EQ(Field("   @SUM(1)"), "'   @SUM(1)");
  EXPECT_EQ(Field("  \tx"), "'  \tx");
  EXPECT_EQ(Field("   "), "   ");  // spaces only: nothing to run
  EXPECT_EQ(Field(" a=1"), " a=1");
}

TEST(CsvWriterTest, SafeCharactersLaterInTheFieldAreLeftAlone) {
  EXPECT_EQ(Field("Xol=Caal"), "Xol=Caal");
  EXPECT_EQ(Field("ana@example.org"), "ana@example.org");
  EXPECT_EQ(Field("a\tb"), "a\tb");
}

// Negative weights and probabilities stay numbers a spreadsheet can sum.
TEST(CsvWriterTest, PlainNegativeNumbersAreNotGuarded) {
  for (const char* n : {"-12", "-0.75", "-.5", "-3.", "-1.5e-05", "-2E+3", "0", "12.5"}) EXPECT_EQ(Field(n), n) << n;
  for (const char* f : {"-1-1", "-12 ", " -12", "-1e", "-.", "-e5", "--1", "-1,5", "-0x10"})
    EXPECT_TRUE(NeedsFormulaGuard(f)) << f;
}

// A phone keeps its '+' as text rather than becoming a number or a formula.
TEST(CsvWriterTest, PhoneNumbersWithAPlusAreKeptAsText) {
  EXPECT_EQ(Field("+502 5555 1234"), "'+502 5555 1234");
  EXPECT_EQ(Field("+50255551234"), "'+50255551234");
  EXPECT_EQ(Field("5555 1234"), "5555 1234");
}

TEST(CsvWriterTest, VerbatimWritesGeneratedDataUnchanged) {
  EXPECT_EQ(Field("=1", CsvCells::kVerbatim), "=1");
  EXPECT_EQ(Field("+502 5555 1234", CsvCells::kVerbatim), "+502 5555 1234");
  EXPECT_EQ(Field("a,b", CsvCells::kVerbatim), "\"a,b\"");
  std::ostringstream out;
  WriteCsvRecord(out, {"@x", "\ty"}, CsvCells::kVerbatim);
  EXPECT_EQ(out.str(), "@x,\ty\n");
}

}  // namespace
}  // namespace reunite
