#include "ingest/name_parser.h"

#include <gtest/gtest.h>

#include "ingest/test_tables.h"

namespace reunite {
namespace {

using testing::ReadTable;
using testing::SplitBar;

void ExpectParts(const PersonName& got, const testing::TableRow& row, std::size_t first) {
  EXPECT_EQ(got.given_names, SplitBar(row[first]));
  EXPECT_EQ(got.paternal_surname, row[first + 1]);
  EXPECT_EQ(got.maternal_surname, row[first + 2]);
  EXPECT_EQ(got.married_surname, row[first + 3]);
}

TEST(NameParserTest, DataDrivenFullNames) {
  const auto rows = ReadTable("names.tsv");
  ASSERT_GE(rows.size(), 60u);
  for (const auto& row : rows) {
    SCOPED_TRACE("names.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\"");
    const PersonName name = ParseFullName(row[0]);
    EXPECT_EQ(name.as_recorded, row[0]);
    ExpectParts(name, row, 1);
  }
}

TEST(NameParserTest, DataDrivenNameParts) {
  const auto rows = ReadTable("name_parts.tsv");
  ASSERT_GE(rows.size(), 15u);
  for (const auto& row : rows) {
    SCOPED_TRACE("name_parts.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\" \"" + row[1] + "\"");
    ExpectParts(ParseNameParts(row[0], row[1]), row, 2);
  }
}

TEST(NameParserTest, NamePartsAsRecorded) {
  EXPECT_EQ(ParseNameParts("JUAN CARLOS", "PEREZ LOPEZ").as_recorded, "JUAN CARLOS PEREZ LOPEZ");
  EXPECT_EQ(ParseNameParts(" Juan ", "").as_recorded, "Juan");
  EXPECT_EQ(ParseNameParts("", "Pop").as_recorded, "Pop");
  EXPECT_EQ(ParseNameParts("", "").as_recorded, "");
}

TEST(NameParserTest, DisplayRebuildsTheName) {
  EXPECT_EQ(ParseFullName("VALIENTE VELAZQUEZ, JUAN").Display(), "Juan Valiente Velazquez");
  EXPECT_EQ(ParseFullName("ROSA MARIA LOPEZ DE GARCIA").Display(), "Rosa Maria Lopez de Garcia");
  EXPECT_EQ(ParseFullName("José Ortega y Gasset").Display(), "José Ortega y Gasset");
  EXPECT_EQ(ParseFullName("DE LA CRUZ, ANA").Display(), "Ana de la Cruz");
}

TEST(NameParserTest, TitleCaseName) {
  EXPECT_EQ(TitleCaseName("DE LA CRUZ"), "de la Cruz");
  EXPECT_EQ(TitleCaseName("del cid"), "del Cid");
  EXPECT_EQ(TitleCaseName("K'ICHE'"), "K'iche'");
  EXPECT_EQ(TitleCaseName("Q'EQCHI'"), "Q'eqchi'");
  EXPECT_EQ(TitleCaseName("tz'ul"), "Tz'ul");
  EXPECT_EQ(TitleCaseName("K\u2019ICHE\u2019"), "K\u2019iche\u2019");
  EXPECT_EQ(TitleCaseName("lópez-garcía"), "López-García");
  EXPECT_EQ(TitleCaseName("ÑUÑEZ PEÑATE"), "Ñuñez Peñate");
  EXPECT_EQ(TitleCaseName("ÁNGEL ÉDGAR ÚRSULA ÍÑIGO"), "Ángel Édgar Úrsula Íñigo");
  EXPECT_EQ(TitleCaseName("SAN JUAN"), "San Juan");
  EXPECT_EQ(TitleCaseName("ORTEGA Y GASSET"), "Ortega y Gasset");
  EXPECT_EQ(TitleCaseName("mc"), "Mc");
  EXPECT_EQ(TitleCaseName("mcallen"), "Mcallen");
  EXPECT_EQ(TitleCaseName("McAllen"), "Mcallen");  // always title case, unlike the parsers
  EXPECT_EQ(TitleCaseName(""), "");
  EXPECT_EQ(TitleCaseName("(JUAN)"), "(Juan)");
  EXPECT_EQ(TitleCaseName("O'BRIEN"), "O'brien");  // Maya rule; documented trade-off
}

TEST(NameParserTest, InvalidUtf8BytesAreKept) {
  EXPECT_EQ(TitleCaseName("JOS\xE9"), "Jos\xE9");
  const PersonName name = ParseFullName("JUAN P\xC9REZ");
  EXPECT_EQ(name.paternal_surname, "P\xC9rez");
}

TEST(NameParserTest, MixedCaseIsKeptPerWord) {
  const PersonName name = ParseFullName("Juan DeLeon GARCÍA");
  EXPECT_EQ(name.paternal_surname, "DeLeon");
  EXPECT_EQ(name.maternal_surname, "García");
}

TEST(NameParserTest, EmptyAndBlank) {
  EXPECT_EQ(ParseFullName(""), PersonName{});
  const PersonName blank = ParseFullName("   ");
  EXPECT_EQ(blank.as_recorded, "   ");
  EXPECT_TRUE(blank.given_names.empty());
  EXPECT_TRUE(blank.paternal_surname.empty());
  const PersonName comma = ParseFullName(",");
  EXPECT_TRUE(comma.given_names.empty());
  EXPECT_TRUE(comma.paternal_surname.empty());
}

TEST(NameParserTest, OnlyParticles) {
  const PersonName name = ParseFullName("de la");
  EXPECT_EQ(name.given_names, std::vector<std::string>{"de la"});
}

}  // namespace
}  // namespace reunite
