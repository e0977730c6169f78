// libFuzzer target: ReadAgencyList on any bytes, with role, date order, encoding and
// "today" chosen by the last byte (which stays part of the list, so seed files are
// read whole). Checks the contracts of agency_list.h: every diagnostic located inside
// the file (line 0 only for the "more errors" summary), rows only with a record_id,
// unique, with their verbatim text taken from the file, all rows kept when there is
// no error, and UTF-8 everywhere.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_check.h"
#include "ingest/agency_list.h"

namespace {

using reunite::IsValidUtf8;

bool NineDigits(const std::string& s) {
  return s.size() == 9 && s.find_first_not_of("0123456789") == std::string::npos;
}

bool ValidOrEmpty(const reunite::Date& d) {
  return d.empty() || reunite::IsValidDate(d.year, d.month, d.day);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  reunite::ListOptions options;
  options.file_name = "fuzz.csv";
  const std::uint8_t knobs = data[size - 1];
  options.role = (knobs & 1) ? reunite::Role::kChild : reunite::Role::kAdult;
  const reunite::DateOrder orders[] = {reunite::DateOrder::kMonthDayYear,
                                       reunite::DateOrder::kDayMonthYear, reunite::DateOrder::kIso,
                                       reunite::DateOrder::kMonthDayYear};
  options.date_order = orders[(knobs >> 1) & 3];
  const reunite::Encoding encodings[] = {reunite::Encoding::kAuto, reunite::Encoding::kUtf8,
                                         reunite::Encoding::kWindows1252, reunite::Encoding::kAuto};
  options.encoding = encodings[(knobs >> 3) & 3];
  options.today = (knobs & 0x20) ? "" : "2018-07-26";
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const reunite::AgencyList list = reunite::ReadAgencyList(bytes, options);
  auto decoded = reunite::DecodeToUtf8(bytes, options.encoding, options.file_name);
  const std::string_view text = decoded.ok() ? std::string_view(decoded->text) : bytes;
  const long lines = reunite::fuzz::CountLines(text);
  for (const reunite::Diagnostic& d : list.diagnostics) {
    if (d.where.line == 0) {
      FUZZ_CHECK(d.where.column == 0 && d.message.find("more errors not listed") != std::string::npos);
    } else {
      FUZZ_CHECK(d.where.line >= 1 && d.where.line <= lines + 1 && d.where.column >= 1);
    }
    if (decoded.ok()) FUZZ_CHECK(IsValidUtf8(d.message));
  }
  FUZZ_CHECK(static_cast<long>(list.rows.size()) <= list.data_rows);
  if (list.errors() == 0) FUZZ_CHECK(static_cast<long>(list.rows.size()) == list.data_rows);
  std::set<std::string> ids;
  for (const reunite::ListRow& row : list.rows) {
    FUZZ_CHECK(!row.record_id.empty() && ids.insert(row.record_id).second);
    FUZZ_CHECK(text.find(row.raw) != std::string_view::npos);
    FUZZ_CHECK(row.line >= 2 && row.line <= lines);
    const reunite::Person& p = row.person;
    FUZZ_CHECK(p.a_number.empty() || NineDigits(p.a_number));
    FUZZ_CHECK(ValidOrEmpty(p.apprehension_date) && ValidOrEmpty(p.custody.removal_date));
    if (p.birth.precision == reunite::DatePrecision::kExact) {
      FUZZ_CHECK(reunite::IsValidDate(p.birth.date.year, p.birth.date.month, p.birth.date.day));
    }
    FUZZ_CHECK(IsValidUtf8(p.name.as_recorded) && IsValidUtf8(p.name.paternal_surname) &&
               IsValidUtf8(p.name.maternal_surname) && IsValidUtf8(p.name.married_surname));
    for (const auto& g : p.name.given_names) FUZZ_CHECK(IsValidUtf8(g));
    for (const auto& phone : p.phones) FUZZ_CHECK(IsValidUtf8(phone));
    FUZZ_CHECK(IsValidUtf8(p.location.text) && IsValidUtf8(p.reported_relatives));
  }
  return 0;
}
