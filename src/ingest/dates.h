// Dates as agency lists write them: ISO (2018-06-21), US month/day/year (6/21/2018),
// day/month/year (21/06/2018), compact YYYYMMDD, and year-only birth dates.
#pragma once
#include <string>
#include <string_view>

#include "common/status.h"
#include "model/person.h"

namespace reunite {

// The order of slashed or dashed dates in a source; ISO (YYYY-MM-DD) and YYYYMMDD
// are always recognised whatever the order.
enum class DateOrder { kIso, kMonthDayYear, kDayMonthYear };
std::string ToString(DateOrder o);                    // "iso", "mdy", "dmy"
Result<DateOrder> DateOrderFromString(std::string_view s);

// Parses a full date. Empty text gives an empty Date. Separators '/', '-', '.'.
// Two-digit years are refused (ambiguous century). Refuses impossible dates
// (month 13, 31 April, 29 February outside leap years) and years before 1900 or
// after 2100 with InvalidArgument saying why.
Result<Date> ParseDate(std::string_view text, DateOrder order);

// Parses a date of birth. Also accepts a bare year ("1985" -> kYearOnly) and
// "unknown"/"desconocido"/"n/a"/"" (-> kUnknown; also "unk", "na", "desconocida", "-",
// any case). Sets january_first_default when the date is 1 January. Refuses dates (or
// bare years) after `today` (ISO "YYYY-MM-DD"); an empty `today` skips that check and
// a malformed one is InvalidArgument.
Result<BirthDate> ParseBirthDate(std::string_view text, DateOrder order, std::string_view today);

// Parses strictly "YYYY-MM-DD" (or empty); used for stored values.
Result<Date> ParseIsoDate(std::string_view text);

bool IsValidDate(int year, int month, int day);

}  // namespace reunite
