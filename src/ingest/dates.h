// Dates as agency lists and other sources write them: ISO (2018-06-21), US
// month/day/year (6/21/2018), day/month/year (21/06/2018), compact YYYYMMDD, year-only
// birth dates, and explicit formats a user names for a column ("%d/%m/%Y",
// "DD-MON-YYYY"). One parser serves the agency-list import (which holds dates to the
// years its people can have been born or apprehended in) and record linkage on any
// file (historical records too: any year from 1 to 9999).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "model/person.h"

namespace reunite {

// The order of slashed or dashed dates in a source; ISO (YYYY-MM-DD) and YYYYMMDD
// are always recognised whatever the order.
enum class DateOrder { kIso, kMonthDayYear, kDayMonthYear };
std::string ToString(DateOrder o);                    // "iso", "mdy", "dmy"
Result<DateOrder> DateOrderFromString(std::string_view s);

// The years a reader accepts; a date outside them is InvalidArgument saying so.
struct YearRange {
  int min = 1, max = 9999;
};
// Agency lists: people born or apprehended from 1900 to 2100 (an earlier year is a
// typo there, not a historical record).
inline constexpr YearRange kAgencyYears{1900, 2100};

// How one column writes its dates: an order (the names "iso", "YYYYMMDD", "mdy",
// "dmy": dates in that order, and ISO and YYYYMMDD always), or an explicit pattern,
// which only dates written exactly so fit. Patterns are written strftime-style
// ("%Y-%m-%d", "%d/%m/%Y", "%Y%m%d", "%d-%b-%Y") or spelled ("DD/MM/YYYY",
// "YYYY-MM-DD", "DD-MON-YYYY", "D.M.YYYY"): %Y/YYYY four digits (0800 for the year
// 800); %m/MM/M and %d/DD/D one or two digits, exactly two next to another number;
// %b/%B/MON/MMM a month name or abbreviation in English or Spanish ("Feb", "ENE",
// "agosto", "Sept"), any case; any other character must appear as written.
class DateFormat {
 public:
  DateFormat() = default;  // "iso": ISO and YYYYMMDD
  explicit DateFormat(DateOrder order);
  // Reads a format name or pattern. Refuses (InvalidArgument, saying why): two-digit
  // years (%y, YY), unknown directives or letters, a pattern without exactly one year,
  // one month and one day.
  static Result<DateFormat> Parse(std::string_view spec);

  const std::string& name() const { return name_; }  // as given ("iso" by default)
  bool is_pattern() const { return !pattern_.empty(); }
  DateOrder order() const { return order_; }  // for an order; kIso for a pattern
  friend bool operator==(const DateFormat& a, const DateFormat& b) { return a.name_ == b.name_; }

  // One element of a pattern: a field, or a character to match as written.
  struct Element {
    enum class Kind { kLiteral, kYear, kMonth, kDay, kMonthName };
    Kind kind = Kind::kLiteral;
    char literal = 0;
  };
  const std::vector<Element>& pattern() const { return pattern_; }

 private:
  DateOrder order_ = DateOrder::kIso;
  std::vector<Element> pattern_;
  std::string name_ = "iso";
};

// The numbers of a date as written, before any check that they make a date.
struct DateParts {
  int year = 0, month = 0, day = 0;
};

// Splits `text` (trimmed) by `format` into year, month and day without checking them
// (month 13 stays 13). False when the text does not have the format's shape (then a
// reader should call it unreadable), or is empty.
bool SplitDate(std::string_view text, const DateFormat& format, DateParts* parts);

// Parses a full date in `format`. Empty text gives an empty Date. Refuses with
// InvalidArgument saying why: a text that does not fit the format (for an order:
// separators '/', '-', '.'; two-digit years are ambiguous), impossible dates (month
// 13, 31 April, 29 February outside leap years) and years outside `years`.
Result<Date> ReadDate(std::string_view text, const DateFormat& format, YearRange years = {});

// Agency lists: ReadDate in that order, years kAgencyYears.
Result<Date> ParseDate(std::string_view text, DateOrder order);

// Parses a date of birth. Also accepts a bare year ("1985" -> kYearOnly) and
// "unknown"/"desconocido"/"n/a"/"" (-> kUnknown; also "unk", "na", "desconocida", "-",
// any case). Sets january_first_default when the date is 1 January. Refuses dates (or
// bare years) outside `years`, and after `today` (ISO "YYYY-MM-DD"); an empty `today`
// skips that check and a malformed one is InvalidArgument.
Result<BirthDate> ParseBirthDate(std::string_view text, const DateFormat& format, std::string_view today,
                                 YearRange years);
// Agency lists: the same in that order, years kAgencyYears.
Result<BirthDate> ParseBirthDate(std::string_view text, DateOrder order, std::string_view today);

// Parses strictly "YYYY-MM-DD" (or empty), years kAgencyYears; used for stored values.
Result<Date> ParseIsoDate(std::string_view text);

bool IsValidDate(int year, int month, int day);

}  // namespace reunite
