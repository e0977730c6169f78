// Checks every embedded data file under data/ parses with the expected columns, has
// positive weights and no duplicate keys, and that departments match Debian's
// iso-codes for Guatemala, Honduras and El Salvador.
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "synth/data_table.h"
#include "synth/name_pool.h"
#include "synth/place_pool.h"

namespace reunite::synth {
namespace {

DataTable Load(const std::string& path, const std::vector<std::string>& columns) {
  Result<DataTable> t = LoadDataTable(path, columns);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? *t : DataTable{};
}

// Fails on a duplicate of the key formed by the given columns; returns the key set.
std::set<std::string> UniqueKeys(const DataTable& t, std::vector<int> key_columns, const std::string& file) {
  std::set<std::string> keys;
  for (const auto& row : t.rows) {
    std::string key;
    for (int c : key_columns) key += row[c] + "|";
    EXPECT_TRUE(keys.insert(key).second) << file << ": duplicate " << key;
  }
  return keys;
}

void ExpectWeights(const DataTable& t, int column, const std::string& file) {
  for (const auto& row : t.rows) EXPECT_TRUE(ParseWeight(row[column], file).ok()) << file << ": " << row[0];
}

int Count(const DataTable& t, int column, const std::string& value) {
  int n = 0;
  for (const auto& row : t.rows) n += row[column] == value;
  return n;
}

TEST(DataFiles, GivenNames) {
  DataTable t = Load("names/given_names.csv", {"name", "sex", "weight"});
  UniqueKeys(t, {0, 1}, "given_names");
  ExpectWeights(t, 2, "given_names");
  EXPECT_GE(Count(t, 1, "F"), 150);
  EXPECT_GE(Count(t, 1, "M"), 150);
  EXPECT_EQ(Count(t, 1, "F") + Count(t, 1, "M"), static_cast<int>(t.rows.size()));
}

TEST(DataFiles, Surnames) {
  DataTable t = Load("names/surnames.csv", {"surname", "origin", "weight", "country_bias"});
  UniqueKeys(t, {0}, "surnames");
  ExpectWeights(t, 2, "surnames");
  EXPECT_GE(Count(t, 1, "hispanic"), 200);
  EXPECT_GE(Count(t, 1, "maya"), 80);
  for (const auto& row : t.rows) {
    EXPECT_TRUE(row[3] == "all" || row[3] == "GT" || row[3] == "HN" || row[3] == "SV") << row[0];
    if (row[1] == "maya") {
      EXPECT_NE(row[3], "all") << row[0];
    }
  }
}

TEST(DataFiles, Nicknames) {
  DataTable t = Load("names/nicknames.csv", {"formal", "nickname"});
  UniqueKeys(t, {0, 1}, "nicknames");
  EXPECT_GE(t.rows.size(), 80u);
}

TEST(DataFiles, DepartmentsMatchIsoCodes) {
  std::ifstream in("/usr/share/iso-codes/json/iso_3166-2.json");
  ASSERT_TRUE(in) << "Debian iso-codes is not installed";
  nlohmann::json iso = nlohmann::json::parse(in);
  std::map<std::string, std::string> expected;
  for (const auto& e : iso["3166-2"]) {
    std::string code = e["code"];
    std::string prefix = code.substr(0, 3);
    if (prefix == "GT-" || prefix == "HN-" || prefix == "SV-") expected[code] = e["name"];
  }
  ASSERT_EQ(expected.size(), 22u + 18u + 14u);
  DataTable t = Load("places/departments.csv", {"country", "iso_code", "name", "weight"});
  UniqueKeys(t, {1}, "departments");
  ExpectWeights(t, 3, "departments");
  std::map<std::string, std::string> actual;
  for (const auto& row : t.rows) {
    actual[row[1]] = row[2];
    EXPECT_EQ(row[0], row[1].substr(0, 2)) << row[1];
  }
  EXPECT_EQ(actual, expected);
}

TEST(DataFiles, MunicipalitiesBelongToKnownDepartments) {
  DataTable d = Load("places/departments.csv", {"country", "iso_code", "name", "weight"});
  DataTable m = Load("places/municipalities.csv", {"country", "department_code", "municipality"});
  UniqueKeys(m, {1, 2}, "municipalities");
  std::map<std::string, int> per_department;
  for (const auto& row : d.rows) per_department[row[1]] = 0;
  for (const auto& row : m.rows) {
    ASSERT_TRUE(per_department.count(row[1])) << "unknown department " << row[1];
    EXPECT_EQ(row[0], row[1].substr(0, 2)) << row[2];
    ++per_department[row[1]];
  }
  for (const auto& [code, n] : per_department) EXPECT_GE(n, 4) << code;  // Islas de la Bahía has 4
}

TEST(DataFiles, VillagePartsFacilitiesLanguages) {
  DataTable v = Load("places/village_parts.csv", {"kind", "part"});
  UniqueKeys(v, {0, 1}, "village_parts");
  EXPECT_GE(Count(v, 0, "prefix"), 8);
  EXPECT_GE(Count(v, 0, "name") + Count(v, 0, "maya_name"), 80);
  DataTable f = Load("places/facilities.csv", {"kind", "name", "state"});
  UniqueKeys(f, {0, 1}, "facilities");
  for (const char* kind : {"station", "detention", "shelter"}) EXPECT_GE(Count(f, 0, kind), 12) << kind;
  DataTable l = Load("places/languages.csv", {"language", "weight", "country", "needs_interpreter", "departments"});
  UniqueKeys(l, {0, 2}, "languages");
  ExpectWeights(l, 1, "languages");
  for (const auto& row : l.rows) EXPECT_TRUE(row[3] == "yes" || row[3] == "no") << row[0];
}

TEST(DataFiles, PoolsLoad) {
  Result<NamePool> names = NamePool::Load();
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  Result<PlacePool> places = PlacePool::Load();
  ASSERT_TRUE(places.ok()) << places.status().ToString();
  EXPECT_TRUE(names->IsSurname("de la Cruz"));
  EXPECT_TRUE(names->IsMayaSurname("Caal"));
}

TEST(DataTable, RejectsRaggedRowsAndOpenQuotes) {
  EXPECT_FALSE(ParseDataTable("a,b\n1,2,3\n", "x.csv").ok());
  EXPECT_FALSE(ParseDataTable("a,b\n\"1,2\n", "x.csv").ok());
  Result<DataTable> t = ParseDataTable("a,b\r\n\"x, \"\"y\"\"\",2\n\n", "x.csv");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0][0], "x, \"y\"");
}

}  // namespace
}  // namespace reunite::synth
