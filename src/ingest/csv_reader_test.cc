#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/encoding.h"
#include "ingest/test_tables.h"

namespace reunite {
namespace {

using testing::Escape;
using testing::ReadTable;
using testing::ReadTestFile;

std::vector<CsvRecord> ReadAll(std::string_view text, CsvOptions options = {},
                               Status* status = nullptr) {
  CsvReader reader(text, "t.csv", options);
  std::vector<CsvRecord> out;
  CsvRecord r;
  while (reader.Next(&r)) out.push_back(r);
  if (status) *status = reader.status();
  return out;
}

// The reader's output in the format of tests/data/csv/*.expected.
std::vector<std::string> Describe(std::string_view text) {
  std::vector<std::string> lines;
  CsvReader reader(text, "t.csv");
  CsvRecord r;
  while (reader.Next(&r)) {
    std::string line = std::to_string(r.line) + "-" + std::to_string(r.end_line) + "\t";
    for (std::size_t i = 0; i < r.columns.size(); ++i) line += (i ? "," : "") + std::to_string(r.columns[i]);
    for (const auto& f : r.fields) line += "\t" + Escape(f);
    lines.push_back(line);
  }
  const Status& st = reader.status();
  if (!st.ok()) {
    lines.push_back("error\t" + std::to_string(st.where()->line) + ":" +
                    std::to_string(st.where()->column) + "\t" + st.message());
  }
  return lines;
}

TEST(CsvReaderTest, DataDrivenFragments) {
  const auto dir = std::filesystem::path(testing::TestDataPath("csv"));
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".csv") continue;
    const std::string name = entry.path().stem().string();
    SCOPED_TRACE(name);
    ++cases;
    const std::vector<std::string> got = Describe(ReadTestFile("csv/" + name + ".csv"));
    const auto want = ReadTable("csv/" + name + ".expected");
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      std::string expected;
      for (std::size_t c = 0; c < want[i].cells.size(); ++c) {
        expected += (c ? "\t" : "") + Escape(want[i].cells[c]);
      }
      if (want[i][0] == "error") {
        EXPECT_EQ(got[i].rfind(expected, 0), 0u) << "got " << got[i] << "\nwant " << expected;
      } else {
        EXPECT_EQ(got[i], expected);
      }
    }
  }
  EXPECT_GE(cases, 20);
}

TEST(CsvReaderTest, RawIsRecordTextWithoutLineEnding) {
  const std::string text = "a,\"b\nc\"\r\nd,e";
  auto rs = ReadAll(text);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].raw, "a,\"b\nc\"");
  EXPECT_EQ(rs[1].raw, "d,e");
  EXPECT_EQ(rs[0].raw.data(), text.data());  // a view into the caller's text
}

TEST(CsvReaderTest, ErrorCarriesFileAndStopsReading) {
  CsvReader reader("a,b\"\nc,d\n", "children.csv");
  CsvRecord r;
  EXPECT_FALSE(reader.Next(&r));
  ASSERT_FALSE(reader.status().ok());
  EXPECT_EQ(reader.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reader.status().ToString(), "children.csv:1:4: bare quote in unquoted field");
  EXPECT_FALSE(reader.Next(&r));  // no record after an error
  EXPECT_FALSE(reader.status().ok());
}

TEST(CsvReaderTest, EndOfInputIsOk) {
  CsvReader reader("a\n", "x.csv");
  CsvRecord r;
  EXPECT_TRUE(reader.Next(&r));
  EXPECT_FALSE(reader.Next(&r));
  EXPECT_TRUE(reader.status().ok());
  EXPECT_FALSE(reader.Next(&r));
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) {
  Status st;
  EXPECT_TRUE(ReadAll("", {}, &st).empty());
  EXPECT_TRUE(st.ok());
  EXPECT_TRUE(ReadAll("\n\r\n\r", {}, &st).empty());
  EXPECT_TRUE(st.ok());
}

TEST(CsvReaderTest, OtherDelimiter) {
  CsvOptions o;
  o.delimiter = ';';
  auto rs = ReadAll("a;\"b;c\";d,e\n", o);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].fields, (std::vector<std::string>{"a", "b;c", "d,e"}));
  o.delimiter = '\t';
  rs = ReadAll("a\tb c\t\n", o);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].fields, (std::vector<std::string>{"a", "b c", ""}));
}

TEST(CsvReaderTest, TrimLeadingSpaceSkipsSpacesAfterDelimiterOnly) {
  CsvOptions o;
  o.trim_leading_space = true;
  Status st;
  auto rs = ReadAll(" rec-1, smith,\t\"a, b\",  x \n", o, &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].fields, (std::vector<std::string>{" rec-1", "smith", "a, b", "x "}));
  EXPECT_EQ(rs[0].columns, (std::vector<int>{1, 9, 16, 25}));
  // A space before a delimiter after a closing quote is still junk.
  ReadAll("\"a\" , b\n", o, &st);
  EXPECT_EQ(st.ToString(), "t.csv:1:4: unexpected character after closing quote (expected a delimiter or line end)");
}

TEST(CsvReaderTest, FieldsVectorIsResizedPerRecord) {
  CsvReader reader("a,b,c\nd\ne,f\n", "t.csv");
  CsvRecord r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.fields.size(), 3u);
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.fields, std::vector<std::string>{"d"});
  EXPECT_EQ(r.columns, std::vector<int>{1});
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r.fields, (std::vector<std::string>{"e", "f"}));
}

TEST(CsvReaderTest, ProgressRunsFromZeroToOne) {
  const std::string text = "a,b\nc,d\n";
  CsvReader reader(text, "t.csv");
  EXPECT_EQ(reader.progress(), 0.0);
  CsvRecord r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_DOUBLE_EQ(reader.progress(), 0.5);
  while (reader.Next(&r)) {
  }
  EXPECT_DOUBLE_EQ(reader.progress(), 1.0);
  EXPECT_DOUBLE_EQ(CsvReader("", "e.csv").progress(), 1.0);
}

TEST(CsvReaderTest, WindowsExportWithBomDecodesThenParses) {
  // What a spreadsheet saves: Windows-1252 bytes; and a UTF-8 export with a BOM.
  Result<Decoded> latin = DecodeToUtf8("nombre\r\n\"Pe\xF1" "ate, Jos\xE9\"\r\n", Encoding::kAuto, "l.csv");
  ASSERT_TRUE(latin.ok());
  auto rs = ReadAll(latin->text);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[1].fields[0], "Peñate, José");
  Result<Decoded> bom = DecodeToUtf8("\xEF\xBB\xBFid,nombre\n1,Jos\xC3\xA9\n", Encoding::kAuto, "b.csv");
  ASSERT_TRUE(bom.ok());
  rs = ReadAll(bom->text);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].fields[0], "id");  // no BOM glued to the first header
  EXPECT_EQ(rs[0].columns[1], 4);
}

// A broken row near the end of a large file is still located exactly.
TEST(CsvReaderTest, BadRowOnLine99999) {
  std::string text;
  for (int i = 1; i < 99999; ++i) text += std::to_string(i) + ",\"Pérez\",x\n";
  text += "99999,Pé\"rez,x\n100000,ok,x\n";
  Status st;
  auto rs = ReadAll(text, {}, &st);
  EXPECT_EQ(rs.size(), 99998u);
  EXPECT_EQ(st.ToString(), "t.csv:99999:9: bare quote in unquoted field");
}

// Timing lives in make bench (BM_CsvReader); this checks a long input reads whole,
// with the last record's line number right.
TEST(CsvReaderTest, ReadsHundredThousandRowsWithLineNumbers) {
  std::string row;
  for (int f = 0; f < 15; ++f) row += f % 3 == 0 ? "\"López, José\"," : "Hernández García,";
  row.back() = '\n';
  std::string text;
  text.reserve(row.size() * 100000);
  for (int i = 0; i < 100000; ++i) text += row;
  CsvReader reader(text, "big.csv");
  CsvRecord r;
  long n = 0;
  while (reader.Next(&r)) ++n;
  EXPECT_EQ(n, 100000);
  EXPECT_EQ(r.line, 100000);
  EXPECT_EQ(r.fields.size(), 15u);
  EXPECT_TRUE(reader.status().ok());
}

// Issue 13, item 13: a NUL byte is refused where it is, in an unquoted field, inside
// quotes (also on a later line of a multi-line field) and after a closing quote.
TEST(CsvReaderTest, Issue13Item13NulByteIsAnErrorAtItsLineAndColumn) {
  const std::string nul(1, '\0');
  const std::pair<std::string, std::string> cases[] = {
      {"a,b\nc,d" + nul + "e\n", "t.csv:2:4: "},
      {"a,b\n\"Jos\xC3\xA9 " + nul + "\",d\n", "t.csv:2:7: "},
      {"a,b\nc,\"x\ny" + nul + "\"\n", "t.csv:3:2: "},
      {"a,b\n\"c\"" + nul + ",d\n", "t.csv:2:4: "},
      {nul + "a,b\n", "t.csv:1:1: "}};
  for (const auto& [text, where] : cases) {
    Status st;
    ReadAll(text, {}, &st);
    EXPECT_EQ(st.ToString(), where + kNulByteMessage) << Escape(text);
  }
}

}  // namespace
}  // namespace reunite
