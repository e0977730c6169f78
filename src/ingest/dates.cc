#include "ingest/dates.h"

#include <array>

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
Result<Date> Checked(std::string_view text, int y, int m, int d) {
  if (y < 1900) return Invalid(text, "year " + std::to_string(y) + " is before 1900");
  if (y > 2100) return Invalid(text, "year " + std::to_string(y) + " is after 2100");
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

Result<Date> ParseDate(std::string_view text, DateOrder order) {
  const std::string_view s = Trim(text);
  if (s.empty()) return Date{};
  if (s.size() == 8 && AllDigits(s)) {
    return Checked(s, ToInt(s.substr(0, 4)), ToInt(s.substr(4, 2)), ToInt(s.substr(6, 2)));
  }
  std::array<std::string_view, 3> p;
  if (!SplitThree(s, &p)) return Unreadable(s, order);
  if (p[0].size() == 4 && p[1].size() <= 2 && p[2].size() <= 2) {
    return Checked(s, ToInt(p[0]), ToInt(p[1]), ToInt(p[2]));  // year first, whatever the order
  }
  if (order == DateOrder::kIso || p[0].size() > 2 || p[1].size() > 2) return Unreadable(s, order);
  if (p[2].size() == 2) {
    return Invalid(s, "two-digit year \"" + std::string(p[2]) + "\" is ambiguous; write all four digits");
  }
  if (p[2].size() != 4) return Unreadable(s, order);
  const bool mdy = order == DateOrder::kMonthDayYear;
  return Checked(s, ToInt(p[2]), ToInt(mdy ? p[0] : p[1]), ToInt(mdy ? p[1] : p[0]));
}

Result<Date> ParseIsoDate(std::string_view text) {
  if (text.empty()) return Date{};
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !AllDigits(text.substr(0, 4)) ||
      !AllDigits(text.substr(5, 2)) || !AllDigits(text.substr(8, 2))) {
    return Invalid(text, "not a date in the form YYYY-MM-DD");
  }
  return Checked(text, ToInt(text.substr(0, 4)), ToInt(text.substr(5, 2)), ToInt(text.substr(8, 2)));
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

Result<BirthDate> ParseBirthDate(std::string_view text, DateOrder order, std::string_view today) {
  const std::string_view s = Trim(text);
  if (MeansUnknown(s)) return BirthDate{};
  Result<Date> now = ParseIsoDate(today);
  if (!now.ok()) return Status::InvalidArgument("today is not a date: " + now.status().message());
  BirthDate birth;
  if (s.size() == 4 && AllDigits(s)) {
    const int year = ToInt(s);
    if (year < 1900 || year > 2100) return Invalid(s, "year " + std::string(s) + " is out of range");
    if (!now->empty() && year > now->year) return Invalid(s, "date of birth is in the future");
    birth.date.year = year;
    birth.precision = DatePrecision::kYearOnly;
    return birth;
  }
  Result<Date> d = ParseDate(s, order);
  if (!d.ok()) return d.status();
  if (!now->empty() && After(*d, *now)) {
    return Invalid(s, "date of birth is in the future (after " + std::string(today) + ")");
  }
  birth.date = *d;
  birth.precision = DatePrecision::kExact;
  birth.january_first_default = d->month == 1 && d->day == 1;
  return birth;
}

}  // namespace reunite
