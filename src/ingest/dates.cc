#include "ingest/dates.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace reunite {

namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

Status Invalid(std::string_view text, const std::string& why) {
  return Status::InvalidArgument(std::string(text) + ": " + why);
}

// Checks a date already split into numbers, saying what is wrong with it.
Result<Date> Checked(std::string_view text, const DateParts& p, YearRange years) {
  const int y = p.year, m = p.month, d = p.day;
  if (y < years.min) return Invalid(text, "year " + std::to_string(y) + " is before " + std::to_string(years.min));
  if (y > years.max) return Invalid(text, "year " + std::to_string(y) + " is after " + std::to_string(years.max));
  if (m < 1 || m > 12) return Invalid(text, "month " + std::to_string(m) + " is not a month");
  if (d < 1) return Invalid(text, "day " + std::to_string(d) + " is not a day");
  if (d > DaysInMonth(y, m)) {
    return Invalid(text, std::string(kMonthNames[m - 1]) + " " + std::to_string(y) + " has " +
                             std::to_string(DaysInMonth(y, m)) + " days");
  }
  return Date{y, m, d};
}

// Splits "a?b?c" where ? is one separator used twice; false when the shape differs.
bool SplitThree(std::string_view s, std::array<std::string_view, 3>* parts) {
  const std::size_t i = s.find_first_of("/-.");
  if (i == std::string_view::npos) return false;
  const char sep = s[i];
  const std::size_t j = s.find(sep, i + 1);
  if (j == std::string_view::npos || s.find_first_of("/-.", j + 1) != std::string_view::npos) {
    return false;
  }
  *parts = {s.substr(0, i), s.substr(i + 1, j - i - 1), s.substr(j + 1)};
  for (auto p : *parts) {
    if (!AllDigits(p)) return false;  // also refuses a second kind of separator
  }
  return true;
}

const char* Shape(DateOrder order) {
  switch (order) {
    case DateOrder::kMonthDayYear: return "MM/DD/YYYY";
    case DateOrder::kDayMonthYear: return "DD/MM/YYYY";
    default: return "YYYY-MM-DD";
  }
}

Status Unreadable(std::string_view text, DateOrder order) {
  return Invalid(text, std::string("not a date (expected ") + Shape(order) +
                           ", YYYY-MM-DD or YYYYMMDD)");
}

enum class Fit { kYes, kNo, kTwoDigitYear };

// An order's shapes: YYYYMMDD, year first (Y-M-D with any separator), then the order's.
Fit SplitByOrder(std::string_view s, DateOrder order, DateParts* out, std::string_view* year) {
  if (s.size() == 8 && AllDigits(s)) {
    *out = {ToInt(s.substr(0, 4)), ToInt(s.substr(4, 2)), ToInt(s.substr(6, 2))};
    return Fit::kYes;
  }
  std::array<std::string_view, 3> p;
  if (!SplitThree(s, &p)) return Fit::kNo;
  if (p[0].size() == 4 && p[1].size() <= 2 && p[2].size() <= 2) {
    *out = {ToInt(p[0]), ToInt(p[1]), ToInt(p[2])};  // year first, whatever the order
    return Fit::kYes;
  }
  if (order == DateOrder::kIso || p[0].size() > 2 || p[1].size() > 2) return Fit::kNo;
  *year = p[2];
  if (p[2].size() == 2) return Fit::kTwoDigitYear;
  if (p[2].size() != 4) return Fit::kNo;
  const bool mdy = order == DateOrder::kMonthDayYear;
  *out = {ToInt(p[2]), ToInt(mdy ? p[0] : p[1]), ToInt(mdy ? p[1] : p[0])};
  return Fit::kYes;
}

// Month names and abbreviations, English and Spanish, lower case.
constexpr std::pair<const char*, int> kMonthWords[] = {
    {"jan", 1},  {"january", 1},   {"ene", 1},        {"enero", 1},     {"feb", 2},        {"february", 2},
    {"febrero", 2}, {"mar", 3},    {"march", 3},      {"marzo", 3},     {"apr", 4},        {"april", 4},
    {"abr", 4},  {"abril", 4},     {"may", 5},        {"mayo", 5},      {"jun", 6},        {"june", 6},
    {"junio", 6}, {"jul", 7},      {"july", 7},       {"julio", 7},     {"aug", 8},        {"august", 8},
    {"ago", 8},  {"agosto", 8},    {"sep", 9},        {"sept", 9},      {"september", 9},  {"set", 9},
    {"septiembre", 9}, {"setiembre", 9}, {"oct", 10}, {"october", 10},  {"octubre", 10},   {"nov", 11},
    {"november", 11}, {"noviembre", 11}, {"dec", 12}, {"december", 12}, {"dic", 12},       {"diciembre", 12}};

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int MonthFromWord(std::string_view word) {
  std::string lower;
  for (char c : word) lower.push_back(Lower(c));
  for (const auto& [name, month] : kMonthWords) {
    if (lower == name) return month;
  }
  return 0;
}

bool IsNumeric(DateFormat::Element::Kind k) {
  using K = DateFormat::Element::Kind;
  return k == K::kYear || k == K::kMonth || k == K::kDay;
}

// A pattern's one shape. A number next to another number (no separator) has its full
// width; otherwise months and days take one or two digits.
bool SplitByPattern(std::string_view s, const std::vector<DateFormat::Element>& pattern, DateParts* out) {
  using K = DateFormat::Element::Kind;
  size_t i = 0;
  for (size_t k = 0; k < pattern.size(); ++k) {
    const auto& e = pattern[k];
    if (e.kind == K::kLiteral) {
      if (i >= s.size() || Lower(s[i]) != Lower(e.literal)) return false;
      ++i;
      continue;
    }
    size_t run = 0;
    if (e.kind == K::kMonthName) {
      while (i + run < s.size() && IsLetter(s[i + run])) ++run;
      out->month = MonthFromWord(s.substr(i, run));
      if (out->month == 0) return false;
      i += run;
      continue;
    }
    while (i + run < s.size() && s[i + run] >= '0' && s[i + run] <= '9') ++run;
    const size_t width = e.kind == K::kYear ? 4 : 2;
    const bool packed =
        (k + 1 < pattern.size() && IsNumeric(pattern[k + 1].kind)) || (k > 0 && IsNumeric(pattern[k - 1].kind));
    if (packed ? run < width : (run > width || run < (e.kind == K::kYear ? 4u : 1u))) return false;
    const size_t take = packed ? width : run;
    const int v = ToInt(s.substr(i, take));
    (e.kind == K::kYear ? out->year : e.kind == K::kMonth ? out->month : out->day) = v;
    i += take;
  }
  return i == s.size();
}

Fit SplitAny(std::string_view s, const DateFormat& format, DateParts* out, std::string_view* year) {
  if (format.is_pattern()) return SplitByPattern(s, format.pattern(), out) ? Fit::kYes : Fit::kNo;
  return SplitByOrder(s, format.order(), out, year);
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

std::string ToString(DateOrder o) {
  switch (o) {
    case DateOrder::kMonthDayYear: return "mdy";
    case DateOrder::kDayMonthYear: return "dmy";
    default: return "iso";
  }
}

Result<DateOrder> DateOrderFromString(std::string_view s) {
  for (auto o : {DateOrder::kIso, DateOrder::kMonthDayYear, DateOrder::kDayMonthYear}) {
    if (ToString(o) == s) return o;
  }
  return Status::InvalidArgument("unknown date order \"" + std::string(s) +
                                 "\" (expected iso, mdy or dmy)");
}

DateFormat::DateFormat(DateOrder order) : order_(order), name_(ToString(order)) {}

namespace {

using Kind = DateFormat::Element::Kind;

Status BadFormat(std::string_view spec, const std::string& why) {
  return Status::InvalidArgument("unknown date format '" + std::string(spec) + "': " + why +
                                 " (a name: iso, YYYYMMDD, mdy, dmy; or a pattern such as %d/%m/%Y or DD/MM/YYYY)");
}

// "%d/%m/%Y": directives %Y %m %d %b %B %%; anything else is written as is.
Status ParseStrftime(std::string_view spec, std::vector<DateFormat::Element>* out) {
  for (size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] != '%') {
      out->push_back({Kind::kLiteral, spec[i]});
      continue;
    }
    if (++i == spec.size()) return BadFormat(spec, "it ends with a lone '%'");
    switch (spec[i]) {
      case 'Y': out->push_back({Kind::kYear}); break;
      case 'm': out->push_back({Kind::kMonth}); break;
      case 'd': out->push_back({Kind::kDay}); break;
      case 'b': case 'B': case 'h': out->push_back({Kind::kMonthName}); break;
      case '%': out->push_back({Kind::kLiteral, '%'}); break;
      case 'y': return BadFormat(spec, "two-digit years (%y) are ambiguous; use %Y");
      default: return BadFormat(spec, std::string("unknown directive '%") + spec[i] + "'");
    }
  }
  return Status::Ok();
}

// "DD/MM/YYYY": YYYY, MM, M, DD, D, MON or MMM, any case; other letters are refused,
// other characters written as is.
Status ParseSpelled(std::string_view spec, std::vector<DateFormat::Element>* out) {
  static const std::pair<const char*, Kind> kParts[] = {
      {"yyyy", Kind::kYear}, {"mmm", Kind::kMonthName}, {"mon", Kind::kMonthName}, {"mm", Kind::kMonth},
      {"dd", Kind::kDay},    {"m", Kind::kMonth},       {"d", Kind::kDay}};
  for (size_t i = 0; i < spec.size();) {
    if (!IsLetter(spec[i])) {
      out->push_back({Kind::kLiteral, spec[i++]});
      continue;
    }
    size_t run = 0;
    while (i + run < spec.size() && Lower(spec[i + run]) == Lower(spec[i])) ++run;
    if (Lower(spec[i]) == 'y' && run != 4) {
      return BadFormat(spec, "the year must be YYYY (two-digit years are ambiguous)");
    }
    bool found = false;
    for (const auto& [text, kind] : kParts) {
      const std::string_view t(text);
      if (i + t.size() > spec.size()) continue;
      std::string lower;
      for (char c : spec.substr(i, t.size())) lower.push_back(Lower(c));
      if (lower != t) continue;
      out->push_back({kind});
      i += t.size();
      found = true;
      break;
    }
    if (!found) return BadFormat(spec, "unknown part at '" + std::string(spec.substr(i)) + "'");
  }
  return Status::Ok();
}

}  // namespace

Result<DateFormat> DateFormat::Parse(std::string_view spec) {
  DateFormat f;
  f.name_ = std::string(spec);
  if (spec == "iso" || spec == "YYYYMMDD") return f;
  if (spec == "mdy" || spec == "dmy") {
    f.order_ = spec == "mdy" ? DateOrder::kMonthDayYear : DateOrder::kDayMonthYear;
    return f;
  }
  if (spec.empty()) return BadFormat(spec, "it is empty");
  Status read = spec.find('%') != std::string_view::npos ? ParseStrftime(spec, &f.pattern_)
                                                         : ParseSpelled(spec, &f.pattern_);
  if (!read.ok()) return read;
  int years = 0, months = 0, days = 0;
  for (const auto& e : f.pattern_) {
    years += e.kind == Kind::kYear;
    months += e.kind == Kind::kMonth || e.kind == Kind::kMonthName;
    days += e.kind == Kind::kDay;
  }
  if (years != 1 || months != 1 || days != 1) return BadFormat(spec, "it needs one year, one month and one day");
  return f;
}

bool SplitDate(std::string_view text, const DateFormat& format, DateParts* parts) {
  const std::string_view s = Trim(text);
  std::string_view year;
  return !s.empty() && SplitAny(s, format, parts, &year) == Fit::kYes;
}

Result<Date> ReadDate(std::string_view text, const DateFormat& format, YearRange years) {
  const std::string_view s = Trim(text);
  if (s.empty()) return Date{};
  DateParts parts;
  std::string_view year;
  switch (SplitAny(s, format, &parts, &year)) {
    case Fit::kYes: return Checked(s, parts, years);
    case Fit::kTwoDigitYear:
      return Invalid(s, "two-digit year \"" + std::string(year) + "\" is ambiguous; write all four digits");
    case Fit::kNo: break;
  }
  if (format.is_pattern()) return Invalid(s, "not a date in the format '" + format.name() + "'");
  return Unreadable(s, format.order());
}

Result<Date> ParseDate(std::string_view text, DateOrder order) {
  return ReadDate(text, DateFormat(order), kAgencyYears);
}

Result<Date> ParseIsoDate(std::string_view text) {
  if (text.empty()) return Date{};
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !AllDigits(text.substr(0, 4)) ||
      !AllDigits(text.substr(5, 2)) || !AllDigits(text.substr(8, 2))) {
    return Invalid(text, "not a date in the form YYYY-MM-DD");
  }
  return Checked(text, {ToInt(text.substr(0, 4)), ToInt(text.substr(5, 2)), ToInt(text.substr(8, 2))}, kAgencyYears);
}

namespace {

bool MeansUnknown(std::string_view s) {
  std::string lower;
  for (char c : s) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  for (const char* word : {"", "unknown", "unk", "desconocido", "desconocida", "n/a", "na", "-"}) {
    if (lower == word) return true;
  }
  return false;
}

bool After(const Date& a, const Date& b) {
  if (a.year != b.year) return a.year > b.year;
  if (a.month != b.month) return a.month > b.month;
  return a.day > b.day;
}

}  // namespace

Result<BirthDate> ParseBirthDate(std::string_view text, const DateFormat& format, std::string_view today,
                                 YearRange years) {
  const std::string_view s = Trim(text);
  if (MeansUnknown(s)) return BirthDate{};
  Result<Date> now = ParseIsoDate(today);
  if (!now.ok()) return Status::InvalidArgument("today is not a date: " + now.status().message());
  BirthDate birth;
  if (s.size() == 4 && AllDigits(s)) {
    const int year = ToInt(s);
    if (year < years.min || year > years.max) return Invalid(s, "year " + std::string(s) + " is out of range");
    if (!now->empty() && year > now->year) return Invalid(s, "date of birth is in the future");
    birth.date.year = year;
    birth.precision = DatePrecision::kYearOnly;
    return birth;
  }
  Result<Date> d = ReadDate(s, format, years);
  if (!d.ok()) return d.status();
  if (!now->empty() && After(*d, *now)) {
    return Invalid(s, "date of birth is in the future (after " + std::string(today) + ")");
  }
  birth.date = *d;
  birth.precision = DatePrecision::kExact;
  birth.january_first_default = d->month == 1 && d->day == 1;
  return birth;
}

Result<BirthDate> ParseBirthDate(std::string_view text, DateOrder order, std::string_view today) {
  return ParseBirthDate(text, DateFormat(order), today, kAgencyYears);
}

}  // namespace reunite
