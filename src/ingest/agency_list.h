// Reading a whole agency list (children in shelters, adults detained, released or
// removed) into people, with every problem reported as file:line:column: field: why.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/columns.h"
#include "ingest/dates.h"
#include "ingest/encoding.h"
#include "model/person.h"

namespace reunite {

struct ListOptions {
  Role role = Role::kAdult;              // every row of a list is a child, or every row an adult
  std::string file_name;                 // for diagnostics and provenance
  DateOrder date_order = DateOrder::kMonthDayYear;  // how slashed dates are written
  Encoding encoding = Encoding::kAuto;
  ColumnMapping mapping;                 // its date_order/encoding win over the two above
  std::string today;                     // "YYYY-MM-DD"; dates of birth after it are refused
};

// One data row of a list, parsed.
struct ListRow {
  std::string record_id;
  long line = 0;    // where the row starts
  std::string raw;  // verbatim row text (UTF-8)
  Person person;    // id 0; role from the options
};

struct AgencyList {
  Encoding detected = Encoding::kUtf8;
  std::vector<std::string> headers;  // as written
  std::vector<ListRow> rows;         // only rows without errors
  std::vector<Diagnostic> diagnostics;
  long data_rows = 0;                // rows read, with or without errors
  int errors() const;
  int warnings() const;
};

// Decodes, parses and validates a whole list. Never stops at the first problem:
// every error and warning is collected (up to a cap of 1,000 errors, after which a
// final error says how many more were not listed). Errors: undecodable bytes,
// broken quoting, a missing record_id or name column, wrong column count, missing
// record_id, record_id repeated in the file, impossible dates, malformed A-numbers,
// unknown status or one that does not fit the role. Warnings (the value is kept
// in the verbatim row, nothing is lost): unrecognised sex, country or phone, and
// placeholders (PlaceholderReason: "N/A", "UNKNOWN", "desconocido", "000000000",
// "(915) 555-0134", "00/00/0000", ...) in the name, date, country, A-number, phones,
// language, apprehension place and location cells, which are read as empty (a
// placeholder number in a phones cell is left out, the others kept), and FNU/LNU/NMN
// left out of names.
// `progress`, when set, is called with the fraction of the file read.
AgencyList ReadAgencyList(std::string_view bytes, const ListOptions& options,
                          const std::function<void(double)>& progress = {});

// The status cell of a list, in English or Spanish ("in care", "en albergue",
// "discharged", "detained", "detenido", "released", "liberado", "removed",
// "deported", "deportado", ...). NotFound when unrecognised.
Result<CustodyStatus> ParseCustodyStatus(std::string_view text);

}  // namespace reunite
