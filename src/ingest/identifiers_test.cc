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

namespace reunite {
namespace {

TEST(ReadPhoneCellTest, MarksPlaceholdersAndKeepsExtensions) {
  const PhoneCell cell = ReadPhoneCell("5555-1234 ext. 7; 5555-5555; (915) 555-0134; N/A; 12", "GT");
  ASSERT_EQ(cell.items.size(), 5u);
  EXPECT_EQ(cell.items[0].e164, "+50255551234");
  EXPECT_EQ(cell.items[0].extension, "7");
  EXPECT_EQ(cell.items[0].placeholder, "");
  EXPECT_EQ(cell.items[1].e164, "+50255555555");
  EXPECT_EQ(cell.items[1].placeholder, "one digit repeated");
  EXPECT_EQ(cell.items[2].placeholder, "US 555 number");
  EXPECT_EQ(cell.items[3].written, "N/A");
  EXPECT_EQ(cell.items[3].placeholder, "no-value word");
  EXPECT_EQ(cell.items[4].e164, "");
  EXPECT_EQ(cell.items[4].placeholder, "");
  EXPECT_NE(cell.items[4].why.find("2 digits"), std::string::npos);
  EXPECT_EQ(cell.Phones(), (std::vector<std::string>{"+50255551234", "12"}));
}

TEST(ReadPhoneCellTest, WholeCellPlaceholders) {
  for (const char* text : {"N/A", "n / a", "NINGUNO", "sin número", "-", "?", "000-000-0000"}) {
    const PhoneCell cell = ReadPhoneCell(text, "GT");
    ASSERT_EQ(cell.items.size(), 1u) << text;
    EXPECT_FALSE(cell.items[0].placeholder.empty()) << text;
    EXPECT_TRUE(cell.Phones().empty()) << text;
  }
  EXPECT_TRUE(ReadPhoneCell("", "GT").items.empty());
  EXPECT_TRUE(ReadPhoneCell(" ; , ", "GT").items.empty());
}

TEST(ReadPhoneCellTest, ABareNumberAfterASplitRunTakesItsCountry) {
  const PhoneCell cell = ReadPhoneCell("+504 9999 1234 +504 9999 4321; 8888-1234", "GT");
  EXPECT_EQ(cell.Phones(), (std::vector<std::string>{"+50499991234", "+50499994321", "+50488881234"}));
}

}  // namespace
}  // namespace reunite

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"

namespace reunite {
namespace {

// data/places/countries.csv: every ISO country, each of its forms read back as it.
TEST(CountryTableTest, EveryFormReadsBackAsItsCountry) {
  auto text = EmbeddedFile("places/countries.csv");
  ASSERT_TRUE(text.has_value());
  CsvReader reader(*text, "countries.csv");
  CsvRecord header, row;
  ASSERT_TRUE(reader.Next(&header));
  EXPECT_EQ(header.fields, (std::vector<std::string>{"alpha2", "alpha3", "codes", "names", "capitals", "demonyms",
                                                      "abbreviations"}));
  int rows = 0, with_codes = 0;
  while (reader.Next(&row)) {
    ++rows;
    ASSERT_EQ(row.fields.size(), 7u);
    const std::string& iso = row.fields[0];
    SCOPED_TRACE(iso);
    EXPECT_EQ(iso.size(), 2u);
    EXPECT_EQ(row.fields[1].size(), 3u);
    EXPECT_FALSE(row.fields[3].empty());
    for (int column : {3, 4, 5, 6}) {
      std::size_t start = 0;
      const std::string& list = row.fields[column];
      while (start < list.size()) {
        std::size_t semi = list.find(';', start);
        if (semi == std::string::npos) semi = list.size();
        const std::string form = list.substr(start, semi - start);
        auto c = NormalizeCountry(form);
        EXPECT_TRUE(c.ok() && *c == iso) << form << ": " << (c.ok() ? *c : c.status().ToString());
        start = semi + 1;
      }
    }
    if (row.fields[2] == "yes") {
      ++with_codes;
      if (iso != "ES") {
        EXPECT_EQ(*NormalizeCountry(iso), iso);
      }
      EXPECT_EQ(*NormalizeCountry(row.fields[1]), iso);
    } else {
      EXPECT_EQ(row.fields[2], "no");
    }
  }
  EXPECT_EQ(rows, 249);
  EXPECT_GE(with_codes, 30);
}

}  // namespace
}  // namespace reunite
