// Provenance: every imported row is kept verbatim, so any fact about a person can
// be traced back to the list, file and line it came from.
#pragma once
#include <cstdint>
#include <string>

#include "model/person.h"

namespace reunite {

struct SourceRow {
  std::int64_t id = 0;
  std::string source;     // the list's name, e.g. "ORR-2018-07-05"
  std::string record_id;  // the source's own id for the row
  std::string file_name;  // as given to import
  long line = 0;          // 1-based line where the row starts
  std::string raw;        // the row's text, verbatim (decoded to UTF-8)
  PersonId person_id = 0;
  std::string imported_at;  // ISO 8601 UTC
};

}  // namespace reunite
