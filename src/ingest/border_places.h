// Border Patrol's southwest border, as agency lists write an apprehension place: a
// sector ("San Diego Sector", "SDC"), a station ("Chula Vista Station", "CHULA VISTA
// STN"), a city and state ("Chula Vista, CA"), a port of entry ("San Ysidro POE"), a
// processing facility ("Ursula"), or a mix ("SDC - Chula Vista", "SDC/CHU", "RGV/McAllen").
// The gazetteer is data/places/border_patrol.csv, compiled into the binary.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace reunite {

// What a resolved place names.
enum class BorderPlaceKind {
  kNone,      // unresolved
  kSector,    // a sector only (the text did not say which station, or a city with several)
  kStation,   // a Border Patrol station
  kPort,      // a port of entry
  kFacility,  // a processing facility ("Central Processing Center McAllen")
};
std::string_view ToString(BorderPlaceKind kind);  // "none", "sector", "station", "port", "facility"

struct BorderPlace {
  std::string sector;   // "SDC", "ELC", "YUM", "TCA", "EPT", "BBT", "DRT", "LRT", "RGV"; "" when unresolved
  std::string station;  // canonical id of the station, port or facility ("chula_vista",
                        // "san_ysidro_poe", "cpc_ursula"); "" when only the sector is known
  bool port_of_entry = false;
  BorderPlaceKind kind = BorderPlaceKind::kNone;
  std::string matched;  // what matched, for explanations: "sector code SDC; station code CHU (Chula Vista)"
  bool resolved() const { return !sector.empty(); }
};

// Resolves free text to a sector and, when the text says which, a station, port or
// facility. Case, accents and punctuation are ignored; "Stn", "STA", "Estación",
// "Sector", "POE", "Port of Entry", "Garita", state names and abbreviations, "Border
// Patrol", "USBP" and the like are read as what they are. Rules:
//  - Every word must be accounted for: text with a word the gazetteer does not know
//    ("Aldea San Luis, Petén", "Otay Mesa Detention Center") resolves to nothing, so a
//    sector is never guessed from a stray word.
//  - A name shared by several places (a city with several stations, or a station and a
//    port: "El Paso", "Brownsville", "Nogales", "Santa Teresa"; a sector named like its
//    station: "Yuma") gives the sector only, unless a word says which ("El Paso Station",
//    "Santa Teresa POE") or the sector is written beside it in Border Patrol's own
//    "sector - station" way ("EPT - Santa Teresa", "YUM/Yuma" give the station).
//  - Station codes ("CHU", "IMB") count only beside their sector ("SDC/CHU").
//  - A name of 7 letters or more (spaces not counted) may be misspelt by one letter, of
//    10 or more by two ("Chula Vsita", "Brownsvile", "McAlen", "Laredo Nort"), when
//    exactly one place is that close; shorter names must be exact (Clint is not Flint),
//    and a name or home place the tables know (IsKnownOtherWord) is never a misspelling.
//  - Parts naming different sectors ("SDC - Weslaco") resolve to nothing; parts naming
//    different stations of one sector give the sector.
//  - A Mexican border city ("Reynosa", "Ciudad Juárez") gives the sector across from it.
// Thread-safe; results are cached per thread.
BorderPlace ResolveBorderPlace(std::string_view text);

// How two resolved places agree, for the linker.
enum class PlaceAgreement {
  kUnknown,          // either side unresolved
  kDifferentSector,
  kSameSector,       // same sector; different stations, or a station not known on one side
  kSameStation,      // the same station, port or facility
};
std::string_view ToString(PlaceAgreement agreement);  // "unknown", "different_sector", "same_sector", "same_station"
PlaceAgreement ComparePlaces(const BorderPlace& a, const BorderPlace& b);

// The sector's name ("SDC" -> "San Diego"; "MAR", Big Bend's former code, -> "Big Bend"),
// "" for an unknown code.
std::string BorderSectorName(std::string_view code);
// The display name of a station, port or facility id ("chula_vista" -> "Chula Vista";
// ports and facilities as named in the gazetteer), "" for an unknown id.
std::string BorderPlaceName(std::string_view id);

// One row of the gazetteer, for tests and listings.
struct BorderGazetteerEntry {
  BorderPlaceKind kind = BorderPlaceKind::kNone;  // kSector, kStation, kPort, kFacility; kNone for a
                                                  // Mexican border city (an "area" row)
  std::string id, sector, name, city, state;
  std::vector<std::string> codes, aliases;
};
const std::vector<BorderGazetteerEntry>& BorderGazetteer();

}  // namespace reunite
