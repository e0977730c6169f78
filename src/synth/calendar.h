// Proleptic Gregorian day arithmetic for the generator (after Howard Hinnant's
// days_from_civil), so dates need no time zone or locale.
#pragma once
#include <optional>
#include <string>

#include "model/person.h"

namespace reunite::synth {

// Days since 1970-01-01 for a valid date.
long DaysFromCivil(const Date& d);
Date CivilFromDays(long days);
// Parses "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<Date> ParseIsoDate(const std::string& text);
// The same month/day `years` earlier; 29 February becomes 28 February.
Date YearsBefore(const Date& d, int years);

}  // namespace reunite::synth
