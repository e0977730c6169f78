#include "ingest/identifiers.h"

#include <gtest/gtest.h>

#include "ingest/test_tables.h"

namespace reunite {
namespace {

using testing::ReadTable;
using testing::SplitBar;

TEST(IdentifiersTest, DataDrivenANumbers) {
  const auto rows = ReadTable("a_numbers.tsv");
  ASSERT_GE(rows.size(), 20u);
  for (const auto& row : rows) {
    SCOPED_TRACE("a_numbers.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\"");
    Result<std::string> a = NormalizeANumber(row[0]);
    if (row[1].rfind("error: ", 0) == 0) {
      ASSERT_FALSE(a.ok()) << *a;
      EXPECT_EQ(a.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(a.status().message().find(row[1].substr(7)), std::string::npos) << a.status().message();
    } else {
      ASSERT_TRUE(a.ok()) << a.status().ToString();
      EXPECT_EQ(*a, row[1]);
    }
  }
}

TEST(IdentifiersTest, ANumberMessageQuotesTheInput) {
  Result<std::string> a = NormalizeANumber("A1234567");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(), "A-number \"A1234567\" has 7 digits (expected 8 or 9)");
}

TEST(IdentifiersTest, DataDrivenPhones) {
  const auto rows = ReadTable("phones.tsv");
  ASSERT_GE(rows.size(), 45u);
  for (const auto& row : rows) {
    SCOPED_TRACE("phones.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\"");
    std::vector<std::string> unrecognised;
    const std::vector<std::string> phones = NormalizePhones(row[0], row[1], &unrecognised);
    EXPECT_EQ(phones, SplitBar(row[2]));
    const std::vector<std::string> bad = SplitBar(row[3]);
    ASSERT_EQ(unrecognised.size(), bad.size());
    for (std::size_t i = 0; i < bad.size(); ++i) {
      const std::string& kept = phones.at(std::stoul(bad[i]));
      // Each description names the number as written.
      EXPECT_EQ(unrecognised[i].rfind("\"" + kept + "\": ", 0), 0u) << unrecognised[i];
    }
  }
}

TEST(IdentifiersTest, PhoneDescriptionsSayWhy) {
  std::vector<std::string> why;
  NormalizePhones("5555-1234", "", &why);
  ASSERT_EQ(why.size(), 1u);
  EXPECT_EQ(why[0], "\"5555-1234\": 8-digit national number with no country to say whose");
  why.clear();
  NormalizePhones("cel 5555", "GT", &why);
  ASSERT_EQ(why.size(), 1u);
  EXPECT_NE(why[0].find("unexpected 'c'"), std::string::npos) << why[0];
}

TEST(IdentifiersTest, PhonesWithoutUnrecognisedList) {
  EXPECT_EQ(NormalizePhones("12; 5555-1234", "GT", nullptr),
            (std::vector<std::string>{"12", "+50255551234"}));
}

TEST(IdentifiersTest, UnrecognisedAreAppended) {
  std::vector<std::string> why = {"earlier"};
  NormalizePhones("12", "GT", &why);
  EXPECT_EQ(why.size(), 2u);
}

TEST(IdentifiersTest, DataDrivenCountries) {
  const auto rows = ReadTable("countries.tsv");
  ASSERT_GE(rows.size(), 70u);
  for (const auto& row : rows) {
    SCOPED_TRACE("countries.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\"");
    Result<std::string> c = NormalizeCountry(row[0]);
    if (row[1] == "notfound") {
      ASSERT_FALSE(c.ok()) << *c;
      EXPECT_EQ(c.status().code(), StatusCode::kNotFound);
    } else {
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      EXPECT_EQ(*c, row[1]);
    }
  }
}

TEST(IdentifiersTest, CountryMessages) {
  EXPECT_EQ(NormalizeCountry("Narnia").status().message(), "unrecognised country \"Narnia\"");
  EXPECT_NE(NormalizeCountry("ES").status().message().find("ambiguous"), std::string::npos);
}

TEST(IdentifiersTest, DecomposedAccentsFoldToo) {
  // "México" with a combining acute (NFD), as some Mac exports write it.
  EXPECT_EQ(*NormalizeCountry("Me\xCC\x81xico"), "MX");
}

}  // namespace
}  // namespace reunite
