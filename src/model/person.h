// The people Reunite traces: children in care and the adults (parents, relatives)
// named on agency lists. Plain values with no storage or parsing logic; parsing
// lives in ingest/, persistence in store/.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reunite {

using PersonId = std::int64_t;

enum class Role { kChild, kAdult };
enum class Sex { kUnknown, kFemale, kMale };

// A calendar date with no time zone. year/month/day are 0 when unknown.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool empty() const { return year == 0; }
  std::string ToIso() const;  // "2018-06-21", "" when empty
  // Days since 1970-01-01 (negative before); 0 when the month or day is unknown.
  long DaysSinceEpoch() const;
  friend bool operator==(const Date&, const Date&) = default;
};

enum class DatePrecision { kUnknown, kYearOnly, kExact };

struct BirthDate {
  Date date;  // month/day are 0 unless precision is kExact
  DatePrecision precision = DatePrecision::kUnknown;
  // Agencies record 1 January of an estimated year when the real date is unknown;
  // such a date is kept as recorded but flagged so matching can discount it.
  bool january_first_default = false;
  friend bool operator==(const BirthDate&, const BirthDate&) = default;
};

// A Hispanic or Maya name: given names, then paternal and maternal surnames.
// Surnames keep their particles ("de la Cruz", "del Cid"); a married woman's
// added "de <husband's surname>" goes to married_surname.
struct PersonName {
  std::string as_recorded;               // verbatim from the list
  std::vector<std::string> given_names;  // "José", "Luis"
  std::string paternal_surname;          // "Hernández", "de la Cruz"
  std::string maternal_surname;          // "López"
  std::string married_surname;           // "Pérez" from "de Pérez"
  std::string GivenNames() const;        // given names joined by spaces
  std::string Surnames() const;          // paternal and maternal joined by a space
  std::string Display() const;           // "José Luis Hernández López"
  friend bool operator==(const PersonName&, const PersonName&) = default;
};

// Where a person is or was last known to be: a custody facility in the US, or a
// place in the home country down to the village, plus free text as recorded.
struct Location {
  std::string facility;      // e.g. "Port Isabel Detention Center"
  std::string country;       // ISO 3166-1 alpha-2, e.g. "GT"
  std::string department;    // ISO 3166-2 code, e.g. "GT-QC" ("" if unknown)
  std::string municipality;  // name as recorded or canonical
  std::string village;       // aldea, caserío, cantón, colonia
  std::string text;          // verbatim from the list
  bool empty() const { return facility.empty() && country.empty() && text.empty(); }
  friend bool operator==(const Location&, const Location&) = default;
};

// Custody as the agencies report it. Children: in care or discharged. Adults:
// detained, released into the US, or removed (deported) with date and country.
enum class CustodyStatus { kUnknown, kInCare, kDischarged, kDetained, kReleased, kRemoved };

struct Custody {
  CustodyStatus status = CustodyStatus::kUnknown;
  Date removal_date;           // only for kRemoved
  std::string removal_country; // ISO 3166-1 alpha-2, only for kRemoved
  friend bool operator==(const Custody&, const Custody&) = default;
};

struct Person {
  PersonId id = 0;  // 0 until stored
  Role role = Role::kAdult;
  PersonName name;
  BirthDate birth;
  Sex sex = Sex::kUnknown;
  std::string nationality;             // ISO 3166-1 alpha-2
  std::string a_number;                // 9 digits, no "A", "" if none
  std::vector<std::string> languages;  // as recorded, e.g. "Spanish", "K'iche'"
  bool interpreter_needed = false;
  std::vector<std::string> phones;     // E.164 where recognised ("+50255551234"), else as recorded
  Location location;
  Custody custody;
  Date apprehension_date;
  std::string apprehension_place;
  std::string reported_relatives;      // free text: relatives the person named
  friend bool operator==(const Person&, const Person&) = default;
};

std::string ToString(Role r);           // "child", "adult"
std::string ToString(Sex s);            // "F", "M", ""
std::string ToString(DatePrecision p);  // "exact", "year", "unknown"
std::string ToString(CustodyStatus s);  // "in_care", "discharged", "detained", ...
std::optional<Role> RoleFromString(const std::string& s);
std::optional<Sex> SexFromString(const std::string& s);  // "F"/"M"/"" (as ToString)
std::optional<DatePrecision> DatePrecisionFromString(const std::string& s);
std::optional<CustodyStatus> CustodyStatusFromString(const std::string& s);  // as ToString
// True when the status belongs to the role (children cannot be "removed", ...).
bool CustodyFitsRole(CustodyStatus s, Role r);

}  // namespace reunite
