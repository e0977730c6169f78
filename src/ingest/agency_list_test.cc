#include "ingest/agency_list.h"
#include "ingest/places.h"

#include <gtest/gtest.h>

namespace reunite {
namespace {

const char* kHeader =
    "record_id,given_names,surnames,sex,date_of_birth,country,a_number,phones,language,"
    "apprehension_date,apprehension_place,location,status,removal_date,reported_relatives\n";

ListOptions Options(Role role = Role::kAdult) {
  ListOptions o;
  o.role = role;
  o.file_name = "list.csv";
  o.date_order = DateOrder::kMonthDayYear;
  o.today = "2018-07-26";
  return o;
}

std::string Errors(const AgencyList& list) {
  std::string s;
  for (const auto& d : list.diagnostics)
    if (d.severity == Diagnostic::Severity::kError) s += d.ToString() + "\n";
  return s;
}

TEST(AgencyListTest, ParsesCanonicalRow) {
  std::string text = std::string(kHeader) +
                     "ICE-1,José Luis,Hernández López,M,6/21/1985,Guatemala,A212-345-678,"
                     "\"5555-1234; +1 956 342 0101\",K'iche',5/30/2018,Yuma Station,"
                     "\"Aldea Chuicacá, Momostenango, Totonicapán\",removed,7/2/2018,hijo Kevin\n";
  AgencyList list = ReadAgencyList(text, Options());
  ASSERT_EQ(list.errors(), 0) << Errors(list);
  ASSERT_EQ(list.rows.size(), 1u);
  const ListRow& row = list.rows[0];
  EXPECT_EQ(row.record_id, "ICE-1");
  EXPECT_EQ(row.line, 2);
  const Person& p = row.person;
  EXPECT_EQ(p.name.given_names, (std::vector<std::string>{"José", "Luis"}));
  EXPECT_EQ(p.name.paternal_surname, "Hernández");
  EXPECT_EQ(p.name.maternal_surname, "López");
  EXPECT_EQ(p.birth.date, (Date{1985, 6, 21}));
  EXPECT_EQ(p.birth.precision, DatePrecision::kExact);
  EXPECT_EQ(p.sex, Sex::kMale);
  EXPECT_EQ(p.nationality, "GT");
  EXPECT_EQ(p.a_number, "212345678");
  EXPECT_EQ(p.phones, (std::vector<std::string>{"+50255551234", "+19563420101"}));
  EXPECT_TRUE(p.interpreter_needed);
  EXPECT_EQ(p.custody.status, CustodyStatus::kRemoved);
  EXPECT_EQ(p.custody.removal_date, (Date{2018, 7, 2}));
  EXPECT_EQ(p.custody.removal_country, "GT");
  EXPECT_EQ(p.location.department, "GT-TO");
  EXPECT_EQ(p.location.village, "Aldea Chuicacá");
  EXPECT_EQ(p.apprehension_place, "Yuma Station");
  EXPECT_EQ(p.reported_relatives, "hijo Kevin");
}

TEST(AgencyListTest, SpanishHeadersAndFullName) {
  std::string text =
      "Número de caso,Nombre completo,Fecha de Nacimiento,País,Estado\n"
      "ORR-1,\"VALIENTE VELAZQUEZ, JUAN\",2012-01-01,Honduras,en albergue\n";
  AgencyList list = ReadAgencyList(text, Options(Role::kChild));
  ASSERT_EQ(list.errors(), 0) << Errors(list);
  const Person& p = list.rows.at(0).person;
  EXPECT_EQ(p.name.given_names, std::vector<std::string>{"Juan"});
  EXPECT_EQ(p.name.paternal_surname, "Valiente");
  EXPECT_EQ(p.name.maternal_surname, "Velazquez");
  EXPECT_TRUE(p.birth.january_first_default);
  EXPECT_EQ(p.nationality, "HN");
  EXPECT_EQ(p.custody.status, CustodyStatus::kInCare);
}

TEST(AgencyListTest, MappingFileMapsOtherHeaders) {
  auto mapping = ParseColumnMapping(
      "# ICE removals list\n[options]\ndate_order = dmy\n[columns]\nAlien Nbr = a_number\nCase = record_id\n"
      "Name = full_name\nDOB = date_of_birth\n",
      "ice.map");
  ASSERT_TRUE(mapping.ok()) << mapping.status().ToString();
  ListOptions o = Options();
  o.mapping = *mapping;
  AgencyList list = ReadAgencyList("Case,Name,DOB,Alien Nbr\n7,Ana Pop Caal,21/06/1990,21345678\n", o);
  ASSERT_EQ(list.errors(), 0) << Errors(list);
  EXPECT_EQ(list.rows[0].person.birth.date, (Date{1990, 6, 21}));
  EXPECT_EQ(list.rows[0].person.a_number, "021345678");
}

TEST(AgencyListTest, MappingFileErrorsNameTheLine) {
  auto bad = ParseColumnMapping("[columns]\nFoo = not_a_column\n", "x.map");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().ToString(), "x.map:2:1: 'not_a_column' is not a canonical column");
  EXPECT_FALSE(ParseColumnMapping("[weird]\n", "x.map").ok());
  EXPECT_FALSE(ParseColumnMapping("[options]\ndate_order = ymd\n", "x.map").ok());
}

struct BadRowCase {
  std::string row;
  std::string expected;  // substring of the single error
};

class AgencyListErrorTest : public ::testing::TestWithParam<BadRowCase> {};

TEST_P(AgencyListErrorTest, ReportsFileLineColumnFieldAndWhy) {
  std::string text = std::string(kHeader) + "ICE-0,Ana,Pop,F,1990-01-02,GT,,,,,,,,,\n" + GetParam().row + "\n";
  AgencyList list = ReadAgencyList(text, Options());
  ASSERT_EQ(list.errors(), 1) << Errors(list);
  EXPECT_NE(Errors(list).find(GetParam().expected), std::string::npos) << Errors(list);
  EXPECT_EQ(list.rows.size(), 1u);  // the good row only
}

INSTANTIATE_TEST_SUITE_P(
    BadRows, AgencyListErrorTest,
    ::testing::Values(
        BadRowCase{"ICE-1,Ana,Pop,F,1990-02-30,GT,,,,,,,,,", "list.csv:3:17: error: date_of_birth:"},
        BadRowCase{"ICE-1,Ana,Pop,F,,GT,A12,,,,,,,,", "list.csv:3:21: error: a_number:"},
        BadRowCase{",Ana,Pop,F,,GT,,,,,,,,,", "list.csv:3:1: error: record_id: missing record_id"},
        BadRowCase{"ICE-0,Ana,Pop,F,,GT,,,,,,,,,", "record_id 'ICE-0' repeats the row on line 2"},
        BadRowCase{"ICE-1,Ana,Pop,F,,GT,,,", "list.csv:3:1: error: wrong number of fields: expected 15, found 9"},
        BadRowCase{"ICE-1,Ana,Pop,F,,GT,,,,,,,in_care,,", "status 'in_care' is not possible for an adult"},
        BadRowCase{"ICE-1,Ana,Pop,F,,GT,,,,,,,flying,,", "unknown status 'flying'"},
        BadRowCase{"ICE-1,Ana,Pop,F,,GT,,,,13/01/2018,,,,,", "apprehension_date:"},
        BadRowCase{"ICE-1,\"Ana,Pop,F,,GT,,,,,,,,,", "list.csv:3:7: error: "}));

TEST(AgencyListTest, WarningsKeepTheRow) {
  std::string text = std::string(kHeader) + "ICE-1,Ana,Pop,X,,Atlantis,,12,,,,,,,\n";
  AgencyList list = ReadAgencyList(text, Options());
  EXPECT_EQ(list.errors(), 0) << Errors(list);
  EXPECT_EQ(list.warnings(), 3);
  ASSERT_EQ(list.rows.size(), 1u);
  EXPECT_EQ(list.rows[0].person.phones, std::vector<std::string>{"12"});
}

TEST(AgencyListTest, MissingRequiredColumns) {
  AgencyList list = ReadAgencyList("given_names,surnames\nAna,Pop\n", Options());
  EXPECT_EQ(list.errors(), 1);
  EXPECT_NE(Errors(list).find("no record_id column"), std::string::npos);
  list = ReadAgencyList("", Options());
  EXPECT_EQ(list.errors(), 1);
}

TEST(AgencyListTest, Windows1252IsDetected) {
  std::string text = "record_id,full_name\nICE-1,Jos\xE9 Pe\xF1" "ate\n";
  AgencyList list = ReadAgencyList(text, Options());
  ASSERT_EQ(list.errors(), 0) << Errors(list);
  EXPECT_EQ(list.detected, Encoding::kWindows1252);
  EXPECT_EQ(list.rows[0].person.name.Display(), "José Peñate");
  EXPECT_EQ(list.rows[0].raw, "ICE-1,José Peñate");
}

TEST(AgencyListTest, CapsTheNumberOfErrorsListed) {
  std::string text = kHeader;
  for (int i = 0; i < 1500; ++i) text += "ICE-" + std::to_string(i) + ",Ana,Pop,F,1990-02-30,GT,,,,,,,,,\n";
  AgencyList list = ReadAgencyList(text, Options());
  EXPECT_EQ(list.diagnostics.size(), 1001u);
  EXPECT_EQ(list.diagnostics.back().message, "500 more errors not listed");
}

TEST(CustodyStatusTest, EnglishAndSpanish) {
  EXPECT_EQ(*ParseCustodyStatus("Deportado"), CustodyStatus::kRemoved);
  EXPECT_EQ(*ParseCustodyStatus("in care"), CustodyStatus::kInCare);
  EXPECT_EQ(*ParseCustodyStatus("RELEASED"), CustodyStatus::kReleased);
  EXPECT_FALSE(ParseCustodyStatus("gone").ok());
}

}  // namespace
}  // namespace reunite

namespace reunite {
namespace {

TEST(DepartmentNameTest, NamesTheCodesOfTheTableOnly) {
  EXPECT_EQ(DepartmentName("GT-AV"), "Alta Verapaz");
  EXPECT_EQ(DepartmentName(FindDepartment("Quiché", "GT")), "Quiché");
  EXPECT_EQ(DepartmentName("GT-XX"), "");
  EXPECT_EQ(DepartmentName(""), "");
}

TEST(ResolveLocationTest, FacilitiesHomePlacesAndUnknownText) {
  Location shelter = ResolveLocation("Tornillo Temporary Influx Shelter", "GT", CustodyStatus::kDischarged);
  EXPECT_EQ(shelter.facility, "Tornillo Temporary Influx Shelter");
  EXPECT_EQ(shelter.country, "US");
  Location released = ResolveLocation("Otero County Processing Center", "HN", CustodyStatus::kReleased);
  EXPECT_EQ(released.facility, "Otero County Processing Center");
  Location home = ResolveLocation("Caserío Xecaxjoj, Santa Cruz del Quiché, Quiché", "GT", CustodyStatus::kRemoved);
  EXPECT_EQ(home.facility, "");
  EXPECT_EQ(home.department, "GT-QC");
  EXPECT_EQ(home.municipality, "Santa Cruz del Quiché");
  EXPECT_EQ(home.village, "Caserío Xecaxjoj");
  Location unknown = ResolveLocation("cerca de la iglesia", "SV", CustodyStatus::kRemoved);
  EXPECT_EQ(unknown.department, "");
  EXPECT_EQ(unknown.text, "cerca de la iglesia");
}

}  // namespace
}  // namespace reunite
