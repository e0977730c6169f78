// A list full of placeholders (tests/data/placeholders_list.csv): every placeholder in
// the name, date, country, A-number, phones, language, place and location cells is read
// as empty, with a warning naming the file, line, column, field and what was written;
// no errors, and the verbatim rows keep everything.
#include <gtest/gtest.h>

#include <map>

#include "ingest/agency_list.h"
#include "ingest/test_tables.h"

namespace reunite {
namespace {

std::string Lines(const AgencyList& list) {
  std::string s;
  for (const auto& d : list.diagnostics) s += d.ToString() + "\n";
  return s;
}

class PlaceholderListTest : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = testing::ReadTestFile("placeholders_list.csv");
    ASSERT_FALSE(text_.empty());
    ListOptions o;
    o.role = Role::kAdult;
    o.file_name = "placeholders_list.csv";
    o.date_order = DateOrder::kMonthDayYear;
    o.today = "2018-07-26";
    list_ = ReadAgencyList(text_, o);
  }
  const Person& P(int i) { return list_.rows.at(i).person; }
  std::string text_;
  AgencyList list_;
};

TEST_F(PlaceholderListTest, ReadsEveryRowWithoutErrors) {
  EXPECT_EQ(list_.errors(), 0) << Lines(list_);
  ASSERT_EQ(list_.rows.size(), 6u) << Lines(list_);
}

TEST_F(PlaceholderListTest, PlaceholdersAreEmpty) {
  ASSERT_EQ(list_.rows.size(), 6u) << Lines(list_);
  for (int i = 0; i < 5; ++i) {
    SCOPED_TRACE(list_.rows[i].record_id);
    EXPECT_EQ(P(i).a_number, "");
    EXPECT_EQ(P(i).apprehension_date, Date{});
    EXPECT_EQ(P(i).apprehension_place, "");
    EXPECT_EQ(P(i).location.text, "");
    EXPECT_TRUE(P(i).languages.empty());
    EXPECT_FALSE(P(i).interpreter_needed);
    EXPECT_EQ(P(i).birth.precision, i == 3 ? DatePrecision::kExact : i == 4 ? DatePrecision::kYearOnly
                                                                             : DatePrecision::kUnknown);
  }
  EXPECT_EQ(P(0).nationality, "");
  EXPECT_EQ(P(1).nationality, "");
  EXPECT_EQ(P(2).nationality, "GT");
  EXPECT_EQ(P(3).nationality, "");
  EXPECT_EQ(P(4).nationality, "");
  EXPECT_EQ(P(1).custody.removal_date, Date{});
  EXPECT_EQ(P(0).phones, std::vector<std::string>{});
  EXPECT_EQ(P(1).phones, std::vector<std::string>{});
  EXPECT_EQ(P(2).phones, std::vector<std::string>{"+50255551234"});  // the real one of three
  EXPECT_EQ(P(3).phones, std::vector<std::string>{"+19153420134"});
  EXPECT_EQ(P(4).phones, std::vector<std::string>{});
  // Names: the placeholder parts are left out, the rest kept.
  EXPECT_TRUE(P(2).name.given_names.empty());
  EXPECT_EQ(P(2).name.paternal_surname, "López");
  EXPECT_EQ(P(3).name.given_names, std::vector<std::string>{"Ana"});
  EXPECT_EQ(P(3).name.paternal_surname, "");
  EXPECT_TRUE(P(4).name.given_names.empty());
  EXPECT_EQ(P(4).name.paternal_surname, "Pop");
  // The row without placeholders is read as always.
  EXPECT_EQ(P(5).a_number, "212345678");
  EXPECT_EQ(P(5).phones, std::vector<std::string>{"+50255551234"});
  EXPECT_EQ(P(5).apprehension_place, "SDC - Chula Vista");
  EXPECT_EQ(P(5).location.department, "GT-TO");
}

TEST_F(PlaceholderListTest, WarningsNameFileLineColumnAndPlaceholder) {
  ASSERT_EQ(list_.errors(), 0);
  std::map<long, int> per_line;
  const auto lines = [&] {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text_.find('\n', start)) != std::string::npos; start = nl + 1)
      out.push_back(text_.substr(start, nl - start));
    return out;
  }();
  for (const auto& d : list_.diagnostics) {
    SCOPED_TRACE(d.ToString());
    EXPECT_EQ(d.severity, Diagnostic::Severity::kWarning);
    EXPECT_EQ(d.where.file, "placeholders_list.csv");
    ++per_line[d.where.line];
    const std::size_t q = d.message.find('\'');
    if (q == std::string::npos || d.message.rfind("placeholder '", 0) != 0) {
      // Not a placeholder: an 8-digit number whose country is unknown.
      EXPECT_NE(d.message.find("8-digit national number"), std::string::npos);
      continue;
    }
    const std::string written = d.message.substr(q + 1, d.message.find('\'', q + 1) - q - 1);
    // The column points at the cell (its opening quote, when quoted).
    const std::string& line = lines.at(static_cast<std::size_t>(d.where.line - 1));
    std::size_t at = 0;
    for (long c = 1; c < d.where.column; ++c) {  // columns count characters
      ++at;
      while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
    }
    std::string cell = line.substr(at);
    if (!cell.empty() && cell[0] == '"') cell.erase(0, 1);
    if (d.where.field == "phones") {
      EXPECT_NE(cell.find(written), std::string::npos) << cell;  // one number of the cell
    } else {
      EXPECT_EQ(cell.rfind(written, 0), 0u) << cell;
    }
    EXPECT_NE(d.message.find("), read as empty"), std::string::npos);
  }
  EXPECT_EQ(per_line[7], 0) << Lines(list_);  // P-6 has no placeholder
  for (long line = 2; line <= 6; ++line) EXPECT_GE(per_line[line], 8) << line;
  // One full message.
  EXPECT_NE(Lines(list_).find("placeholders_list.csv:2:32: warning: a_number: placeholder '000000000' (zeros only), "
                              "read as empty"),
            std::string::npos)
      << Lines(list_);
}

TEST_F(PlaceholderListTest, VerbatimRowsKeepWhatWasWritten) {
  ASSERT_EQ(list_.rows.size(), 6u);
  EXPECT_NE(list_.rows[0].raw.find("UNKNOWN,N/A,000000000,N/A"), std::string::npos);
  EXPECT_NE(list_.rows[1].raw.find("(915) 555-0134"), std::string::npos);
  EXPECT_NE(list_.rows[2].raw.find("FNU"), std::string::npos);
}

}  // namespace
}  // namespace reunite
