#include "model/person.h"

#include <cstdio>

namespace reunite {

std::string Date::ToIso() const {
  if (empty()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Howard Hinnant's days_from_civil.
long Date::DaysSinceEpoch() const {
  if (empty() || month == 0 || day == 0) return 0;
  const int y = year - (month <= 2);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

namespace {
std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}
}  // namespace

std::string PersonName::GivenNames() const { return Join(given_names); }
std::string PersonName::Surnames() const { return Join({paternal_surname, maternal_surname}); }
std::string PersonName::Display() const {
  std::string s = Join({GivenNames(), Surnames()});
  if (!married_surname.empty()) s += " de " + married_surname;
  return s.empty() ? as_recorded : s;
}

std::string ToString(Role r) { return r == Role::kChild ? "child" : "adult"; }
std::string ToString(Sex s) { return s == Sex::kFemale ? "F" : s == Sex::kMale ? "M" : ""; }
std::string ToString(DatePrecision p) {
  switch (p) {
    case DatePrecision::kExact: return "exact";
    case DatePrecision::kYearOnly: return "year";
    default: return "unknown";
  }
}
std::string ToString(CustodyStatus s) {
  switch (s) {
    case CustodyStatus::kInCare: return "in_care";
    case CustodyStatus::kDischarged: return "discharged";
    case CustodyStatus::kDetained: return "detained";
    case CustodyStatus::kReleased: return "released";
    case CustodyStatus::kRemoved: return "removed";
    default: return "unknown";
  }
}

std::optional<Role> RoleFromString(const std::string& s) {
  if (s == "child") return Role::kChild;
  if (s == "adult") return Role::kAdult;
  return std::nullopt;
}
std::optional<Sex> SexFromString(const std::string& s) {
  if (s == "F") return Sex::kFemale;
  if (s == "M") return Sex::kMale;
  if (s.empty()) return Sex::kUnknown;
  return std::nullopt;
}
std::optional<DatePrecision> DatePrecisionFromString(const std::string& s) {
  for (auto p : {DatePrecision::kUnknown, DatePrecision::kYearOnly, DatePrecision::kExact})
    if (ToString(p) == s) return p;
  return std::nullopt;
}
std::optional<CustodyStatus> CustodyStatusFromString(const std::string& s) {
  for (auto c : {CustodyStatus::kUnknown, CustodyStatus::kInCare, CustodyStatus::kDischarged,
                 CustodyStatus::kDetained, CustodyStatus::kReleased, CustodyStatus::kRemoved})
    if (ToString(c) == s) return c;
  return std::nullopt;
}
bool CustodyFitsRole(CustodyStatus s, Role r) {
  switch (s) {
    case CustodyStatus::kUnknown: return true;
    case CustodyStatus::kInCare:
    case CustodyStatus::kDischarged: return r == Role::kChild;
    default: return r == Role::kAdult;
  }
}

}  // namespace reunite
