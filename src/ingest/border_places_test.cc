#include "ingest/border_places.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"
#include "ingest/test_tables.h"

namespace reunite {
namespace {

using testing::ReadTable;

const std::set<std::string> kSectors = {"SDC", "ELC", "YUM", "TCA", "EPT", "BBT", "DRT", "LRT", "RGV"};

TEST(BorderPlacesTest, DataDrivenPlaces) {
  const auto rows = ReadTable("border_places.tsv");
  ASSERT_GE(rows.size(), 80u);
  std::set<std::string> sectors_seen;
  for (const auto& row : rows) {
    SCOPED_TRACE("border_places.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\"");
    const BorderPlace p = ResolveBorderPlace(row[0]);
    EXPECT_EQ(p.sector, row[1]) << p.matched;
    EXPECT_EQ(p.station, row[2]) << p.matched;
    EXPECT_EQ(ToString(p.kind), row[3]) << p.matched;
    EXPECT_EQ(p.port_of_entry, p.kind == BorderPlaceKind::kPort);
    EXPECT_EQ(p.resolved(), !p.matched.empty());
    sectors_seen.insert(row[1]);
  }
  for (const auto& s : kSectors) EXPECT_TRUE(sectors_seen.count(s)) << "no case for sector " << s;
}

TEST(BorderPlacesTest, DataDrivenPairs) {
  const auto rows = ReadTable("border_place_pairs.tsv");
  ASSERT_GE(rows.size(), 30u);
  for (const auto& row : rows) {
    SCOPED_TRACE("border_place_pairs.tsv:" + std::to_string(row.line) + " \"" + row[0] + "\" / \"" + row[1] + "\"");
    const BorderPlace a = ResolveBorderPlace(row[0]), b = ResolveBorderPlace(row[1]);
    EXPECT_EQ(ToString(ComparePlaces(a, b)), row[2]) << a.matched << " | " << b.matched;
    EXPECT_EQ(ComparePlaces(a, b), ComparePlaces(b, a));
  }
}

TEST(BorderPlacesTest, SaysWhatMatched) {
  EXPECT_EQ(ResolveBorderPlace("SDC/CHU").matched, "sdc = sector code San Diego; chu = station code Chula Vista");
  EXPECT_EQ(ResolveBorderPlace("Chula Vsita").matched, "chula vsita ~ station Chula Vista");
  EXPECT_EQ(ResolveBorderPlace("El Paso, TX").matched, "el paso = sector El Paso");
  EXPECT_EQ(ResolveBorderPlace("Hidalgo, TX").matched, "hidalgo = port Hidalgo");
  EXPECT_EQ(ResolveBorderPlace("nowhere").matched, "");
}

TEST(BorderPlacesTest, NamesOfSectorsAndPlaces) {
  EXPECT_EQ(BorderSectorName("SDC"), "San Diego");
  EXPECT_EQ(BorderSectorName("MAR"), "Big Bend");
  EXPECT_EQ(BorderSectorName("RGV"), "Rio Grande Valley");
  EXPECT_EQ(BorderSectorName("XYZ"), "");
  EXPECT_EQ(BorderPlaceName("chula_vista"), "Chula Vista");
  EXPECT_EQ(BorderPlaceName("cpc_ursula"), "Central Processing Center McAllen");
  EXPECT_EQ(BorderPlaceName("nowhere"), "");
}

// The gazetteer itself: the nine sectors, unique ids, every place in a known sector,
// several stations a sector, and each station or port reachable by its own name.
TEST(BorderPlacesTest, GazetteerIsWellFormed) {
  const auto& rows = BorderGazetteer();
  std::set<std::string> ids;
  std::map<std::string, int> stations, ports;
  int sectors = 0;
  for (const auto& e : rows) {
    SCOPED_TRACE(e.id);
    EXPECT_TRUE(ids.insert(e.id).second) << "duplicate id";
    EXPECT_TRUE(kSectors.count(e.sector)) << e.sector;
    EXPECT_FALSE(e.name.empty());
    if (e.kind == BorderPlaceKind::kSector) {
      ++sectors;
      EXPECT_EQ(e.id, e.sector);
      continue;
    }
    EXPECT_FALSE(e.city.empty());
    if (e.kind == BorderPlaceKind::kStation) ++stations[e.sector];
    if (e.kind == BorderPlaceKind::kPort) {
      ++ports[e.sector];
      EXPECT_EQ(e.id.substr(e.id.size() - 4), "_poe");
    }
    if (e.kind == BorderPlaceKind::kNone) continue;  // a Mexican border city
    // Its name with the word for its kind always finds it.
    const char* word = e.kind == BorderPlaceKind::kStation ? " Station"
                       : e.kind == BorderPlaceKind::kPort  ? " Port of Entry"
                                                           : "";
    const BorderPlace p = ResolveBorderPlace(e.name + word);
    EXPECT_EQ(p.sector, e.sector) << p.matched;
    EXPECT_EQ(p.station, e.id) << p.matched;
    // And in the sector's "sector - station" notation.
    if (e.kind == BorderPlaceKind::kStation) {
      EXPECT_EQ(ResolveBorderPlace(e.sector + " - " + e.name).station, e.id);
    }
  }
  EXPECT_EQ(sectors, 9);
  EXPECT_GE(stations["SDC"], 8);
  EXPECT_GE(stations["EPT"], 10);
  EXPECT_GE(stations["RGV"], 9);
  for (const auto& s : kSectors) {
    EXPECT_GE(stations[s], 3) << s;
    if (s != "BBT") {
      EXPECT_GE(ports[s], 1) << s;
    }
  }
}

// Every Border Patrol station and port of entry that the synthetic lists write as the
// apprehension place (data/places/facilities.csv, kind station) resolves to a place.
TEST(BorderPlacesTest, FacilityTableStationsResolve) {
  auto text = EmbeddedFile("places/facilities.csv");
  ASSERT_TRUE(text.has_value());
  CsvReader reader(*text, "facilities.csv");
  CsvRecord record;
  ASSERT_TRUE(reader.Next(&record));
  int n = 0;
  while (reader.Next(&record)) {
    if (record.fields[0] != "station") continue;
    ++n;
    const BorderPlace p = ResolveBorderPlace(record.fields[1] + ", " + record.fields[2]);
    EXPECT_TRUE(p.resolved()) << record.fields[1];
    EXPECT_FALSE(p.station.empty()) << record.fields[1] << ": " << p.matched;
  }
  EXPECT_GE(n, 12);
}

TEST(BorderPlacesTest, CachedAnswersAreTheSame) {
  for (int i = 0; i < 3; ++i) {
    const BorderPlace p = ResolveBorderPlace("EPT - Santa Teresa");
    EXPECT_EQ(p.station, "santa_teresa");
  }
}

}  // namespace
}  // namespace reunite
