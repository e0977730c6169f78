// How each agency writes the same facts. The children's office (ORR) exports a
// spreadsheet with its own headers, US dates, sex and countries spelt out, and the
// apprehension place as the referral named it (a sector, a station, a city). The two
// detention systems in the adults' list differ row by row: ICE's case system writes
// names in capitals without accents, MM/DD/YYYY dates, countries in capitals and
// places the Border Patrol way ("SDC - CHULA VISTA"); CBP's booking system writes
// YYYYMMDD or ISO dates, ISO country codes, E.164 phones and "SECTOR/STATION" codes.
// Every form here is one Reunite's importer reads back to the same value.
#pragma once
#include <string>
#include <vector>

#include "model/person.h"
#include "synth/name_pool.h"
#include "synth/place_pool.h"
#include "synth/random.h"

namespace reunite::synth {

enum class Agency { kOrr, kIce, kCbp };

// The header of ORR's children's list, in the order of kRecordColumns.
extern const std::vector<std::string> kOrrColumns;

// "6/21/2011" (ORR), "06/21/2011" (ICE), "20110621" or "2011-06-21" (CBP).
std::string WriteDate(const Date& date, Agency agency, Rng& rng);
// "Female"/"Male" (ORR), "F"/"M" (ICE, CBP); "" when unknown.
std::string WriteSex(Sex sex, Agency agency);
// "Guatemala" (ORR), "GUATEMALA" (ICE), "GT" or "GTM" (CBP); with `misspell`, a
// misspelling a clerk makes ("Guatamala", "HONDURA").
std::string WriteCountry(Country country, Agency agency, bool misspell, Rng& rng);
// The apprehension station or port as the agency names it: ORR "San Diego Sector",
// "Chula Vista, CA", "Chula Vista Station"; ICE "SDC - CHULA VISTA", "CHULA VISTA
// STATION", "SDC"; CBP "SDC/CHU" (when the post has a code), "SDC", "Chula Vista Stn".
std::string WriteApprehensionPlace(const BorderPost& post, Agency agency, Rng& rng);
// A phone as the agency writes it: CBP in E.164, the others in any national or
// international form (FormatPhone).
std::string WritePhone(const std::string& e164, Agency agency, bool vary, Rng& rng);

// Placeholders clerks type when a value is unknown, by cell: an A-number
// ("000000000", "N/A", "UNKNOWN"), a phone ("N/A", "000-000-0000", "(915) 555-0100").
std::string PlaceholderANumber(Rng& rng);
std::string PlaceholderPhone(Rng& rng);
// A number many unrelated detainees give (a shelter's, a consulate's, a lawyer's
// office), drawn from a small fixed set so that it recurs across the list.
std::string SharedPhone(Rng& rng);

}  // namespace reunite::synth
