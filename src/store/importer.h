// Import of an agency list into the store: parse and validate the whole file, then
// write it in one transaction, so a file with any error writes nothing.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"
#include "ingest/agency_list.h"
#include "store/database.h"

namespace reunite {

// The largest list an import takes, in bytes. A list is validated whole before anything
// is written, and its parsed rows take about ten times its size in memory (measured:
// 3.0 GB for a list of 315 MB, 2 million rows); 128 MiB is some 850,000 rows of a typical list, far more than any
// agency's. The CLI's --max-bytes raises or lowers it; web uploads stop at 20 MB.
inline constexpr std::size_t kDefaultMaxImportBytes = std::size_t{128} << 20;

struct ImportOptions {
  std::string source;       // the list's name; records are keyed by (source, record_id)
  ListOptions list;         // role, file name, date order, encoding, mapping
  bool dry_run = false;     // validate and count, write nothing
  std::size_t max_bytes = kDefaultMaxImportBytes;  // a longer list is refused unread
  std::string actor = "import";
  std::function<void(double)> progress;  // fraction done, parse and write together
  // Fault injection for tests: called before each row is written (new rows are
  // written in batches, so before its batch is); a non-OK status aborts the import
  // as a crash would, and the transaction is rolled back.
  std::function<Status(long row_index)> before_write;
};

struct ImportReport {
  AgencyList list;           // diagnostics, rows, detected encoding
  long created = 0;          // new people
  long updated = 0;          // people whose source row changed
  long unchanged = 0;        // rows identical to the last import of the same record
  long fields_changed = 0;   // journal entries written by updates
  bool written = false;      // false on dry runs and when the list has errors
};

// Imports `bytes` (a whole list file). More than options.max_bytes is an input error
// ("file_too_large"), found before any byte is parsed. Rows new to the source create people; rows
// whose record_id the source already had update that person, journaling each
// changed field with reason "import <source> <file>:<line>"; rows identical to the
// last import change nothing. Input errors come back in report.list.diagnostics
// with written = false and the store untouched. Returns a non-OK Status only when
// the store fails (also rolled back) or a record would change role.
Result<ImportReport> ImportAgencyList(Database& db, std::string_view bytes, const ImportOptions& options,
                                      Clock& clock = DefaultClock());

}  // namespace reunite
