#include "ingest/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "ingest/test_tables.h"

namespace reunite {
namespace {

using testing::ReadTable;

DateOrder Order(const std::string& s) {
  Result<DateOrder> o = DateOrderFromString(s);
  EXPECT_TRUE(o.ok()) << s;
  return o.ok() ? *o : DateOrder::kIso;
}

// "error: <text>" in a table means the message must contain <text>.
void ExpectError(const Status& st, const std::string& want) {
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find(want.substr(7)), std::string::npos) << st.message();
}

TEST(DatesTest, DataDrivenParseDate) {
  const auto rows = ReadTable("dates.tsv");
  ASSERT_GE(rows.size(), 50u);
  for (const auto& row : rows) {
    SCOPED_TRACE("dates.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\" " + row[1]);
    Result<Date> d = ParseDate(row[0], Order(row[1]));
    if (row[2].rfind("error: ", 0) == 0) {
      ExpectError(d.status(), row[2]);
    } else {
      ASSERT_TRUE(d.ok()) << d.status().ToString();
      EXPECT_EQ(d->ToIso(), row[2]);
    }
  }
}

std::string Describe(const BirthDate& b) {
  switch (b.precision) {
    case DatePrecision::kUnknown: return "unknown";
    case DatePrecision::kYearOnly: return "year " + std::to_string(b.date.year);
    default: return (b.january_first_default ? "jan1 " : "exact ") + b.date.ToIso();
  }
}

TEST(DatesTest, DataDrivenParseBirthDate) {
  const auto rows = ReadTable("birth_dates.tsv");
  ASSERT_GE(rows.size(), 25u);
  for (const auto& row : rows) {
    SCOPED_TRACE("birth_dates.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\"");
    Result<BirthDate> b = ParseBirthDate(row[0], Order(row[1]), row[2]);
    if (row[3].rfind("error: ", 0) == 0) {
      ExpectError(b.status(), row[3]);
    } else {
      ASSERT_TRUE(b.ok()) << b.status().ToString();
      EXPECT_EQ(Describe(*b), row[3]);
    }
  }
}

TEST(DatesTest, BirthDateValues) {
  Result<BirthDate> b = ParseBirthDate("1985", DateOrder::kMonthDayYear, "2018-07-26");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->date, (Date{1985, 0, 0}));
  EXPECT_FALSE(b->january_first_default);
  b = ParseBirthDate("unknown", DateOrder::kIso, "2018-07-26");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, BirthDate{});
  EXPECT_TRUE(b->date.empty());
}

TEST(DatesTest, BadTodayIsRefused) {
  Result<BirthDate> b = ParseBirthDate("2012-05-04", DateOrder::kIso, "26/07/2018");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("today"), std::string::npos);
}

TEST(DatesTest, ParseIsoDateIsStrict) {
  EXPECT_EQ(ParseIsoDate("2018-06-21")->ToIso(), "2018-06-21");
  EXPECT_TRUE(ParseIsoDate("")->empty());
  for (const char* bad : {"2018-6-21", "20180621", "06/21/2018", "2018-06-21 ", "2018/06/21",
                          "2018-02-30", "2018-13-01", "18-06-21", "2018-06-2x"}) {
    EXPECT_FALSE(ParseIsoDate(bad).ok()) << bad;
  }
}

TEST(DatesTest, EmptyDateMeansEmpty) {
  Result<Date> d = ParseDate("", DateOrder::kMonthDayYear);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->empty());
  EXPECT_EQ(d->ToIso(), "");
}

TEST(DatesTest, IsValidDate) {
  EXPECT_TRUE(IsValidDate(2018, 6, 21));
  EXPECT_TRUE(IsValidDate(2016, 2, 29));
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_FALSE(IsValidDate(2018, 2, 29));
  EXPECT_FALSE(IsValidDate(2018, 4, 31));
  EXPECT_TRUE(IsValidDate(2018, 12, 31));
  EXPECT_FALSE(IsValidDate(2018, 13, 1));
  EXPECT_FALSE(IsValidDate(2018, 0, 1));
  EXPECT_FALSE(IsValidDate(2018, 1, 0));
  EXPECT_FALSE(IsValidDate(0, 1, 1));
}

TEST(DatesTest, DataDrivenReadDateInFormat) {
  const auto rows = ReadTable("date_formats.tsv");
  ASSERT_GE(rows.size(), 50u);
  for (const auto& row : rows) {
    SCOPED_TRACE("date_formats.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\" " + row[1]);
    Result<DateFormat> format = DateFormat::Parse(row[1]);
    ASSERT_TRUE(format.ok()) << format.status().ToString();
    Result<Date> d = ReadDate(row[0], *format);
    if (row[2].rfind("error: ", 0) == 0) {
      ExpectError(d.status(), row[2]);
    } else {
      ASSERT_TRUE(d.ok()) << d.status().ToString();
      EXPECT_EQ(d->ToIso(), row[2]);
    }
  }
}

TEST(DatesTest, FormatNamesAndPatterns) {
  EXPECT_EQ(DateFormat().name(), "iso");
  EXPECT_FALSE(DateFormat().is_pattern());
  EXPECT_EQ(DateFormat::Parse("dmy")->order(), DateOrder::kDayMonthYear);
  EXPECT_EQ(DateFormat::Parse("mdy")->order(), DateOrder::kMonthDayYear);
  EXPECT_FALSE(DateFormat::Parse("YYYYMMDD")->is_pattern());  // the historical name reads ISO too
  EXPECT_TRUE(DateFormat::Parse("%Y%m%d")->is_pattern());
  EXPECT_EQ(DateFormat::Parse("%d/%m/%Y")->name(), "%d/%m/%Y");
  EXPECT_TRUE(*DateFormat::Parse("iso") == DateFormat());
}

TEST(DatesTest, BadFormatsAreRefusedWithTheReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"%d/%m/%y", "two-digit years (%y)"}, {"DD/MM/YY", "must be YYYY"},     {"%d/%m", "one year, one month and one day"},
      {"%Y-%m-%d-%d", "one year"},          {"%Y-%q-%d", "unknown directive '%q'"}, {"%Y-%m-%d%", "lone '%'"},
      {"DD/XX/YYYY", "unknown part at 'XX/YYYY'"}, {"", "empty"},            {"ymd", "must be YYYY"}};
  for (const auto& [spec, why] : cases) {
    Result<DateFormat> f = DateFormat::Parse(spec);
    ASSERT_FALSE(f.ok()) << spec;
    EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(f.status().message().find(why), std::string::npos) << f.status().message();
    EXPECT_NE(f.status().message().find(std::string("'") + spec + "'"), std::string::npos) << f.status().message();
  }
}

TEST(DatesTest, SplitDateKeepsImpossibleNumbers) {
  DateParts p;
  ASSERT_TRUE(SplitDate("19371233", DateFormat(), &p));
  EXPECT_EQ(p.year, 1937);
  EXPECT_EQ(p.month, 12);
  EXPECT_EQ(p.day, 33);
  ASSERT_TRUE(SplitDate("21/13/1850", *DateFormat::Parse("%d/%m/%Y"), &p));
  EXPECT_EQ(p.month, 13);
  EXPECT_FALSE(SplitDate("1850-02-03", *DateFormat::Parse("%d/%m/%Y"), &p));
  EXPECT_FALSE(SplitDate("", DateFormat(), &p));
}

// The agency-list import keeps its years (a birth in 1850 there is a typo); linkage on
// other files reads any year.
TEST(DatesTest, YearRangeIsTheCallersChoice) {
  EXPECT_FALSE(ParseDate("1850-02-03", DateOrder::kIso).ok());
  EXPECT_FALSE(ParseBirthDate("1850", DateOrder::kIso, "").ok());
  Result<BirthDate> b = ParseBirthDate("1850-02-03", DateFormat(), "", YearRange{});
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->date.ToIso(), "1850-02-03");
  b = ParseBirthDate("0800", *DateFormat::Parse("%d/%m/%Y"), "", YearRange{});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->precision, DatePrecision::kYearOnly);
  EXPECT_EQ(b->date.year, 800);
  b = ParseBirthDate("01/01/1066", *DateFormat::Parse("%d/%m/%Y"), "", YearRange{});
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->january_first_default);
  EXPECT_FALSE(ParseBirthDate("1066-10-14", *DateFormat::Parse("%d/%m/%Y"), "", YearRange{}).ok());
}

TEST(DatesTest, OrderNames) {
  for (auto o : {DateOrder::kIso, DateOrder::kMonthDayYear, DateOrder::kDayMonthYear}) {
    EXPECT_EQ(*DateOrderFromString(ToString(o)), o);
  }
  EXPECT_EQ(ToString(DateOrder::kMonthDayYear), "mdy");
  Result<DateOrder> bad = DateOrderFromString("ymd");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace reunite
