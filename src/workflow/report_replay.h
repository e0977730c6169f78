// The court status report as of a time, rebuilt from the change journal alone
// (docs/workflow.md section 9): the journal's entries with at <= T are applied in
// id order to an empty ReportFacts, then the category tree is counted. Later
// edits append later entries, so a past report never changes; a time before any
// data counts zero.
//
// The journal is streamed in pages of a few thousand rows (keyset pagination on
// its id), so memory holds the facts, not the journal.
#pragma once
#include <string>

#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"
#include "workflow/report_count.h"
#include "workflow/report_facts.h"
#include "workflow/report_tree.h"

namespace reunite::report {

// An "as of" as typed, normalised to the journal's "YYYY-MM-DDTHH:MM:SS.mmmZ":
// "YYYY-MM-DD" is the end of that day UTC; "YYYY-MM-DDTHH:MM[:SS[.mmm]]" with an
// optional "Z" is that time UTC, through the end of the last unit given (so
// "2018-07-26T14:03" counts everything of 14:03). InvalidArgument naming
// --as-of for anything else: another time zone, a day that does not exist.
Result<std::string> ParseAsOf(const std::string& text);

// Applies every journal entry with at <= `as_of` (normalised, as ParseAsOf
// returns) to `facts`, in id order. StorageError when the database fails;
// InvalidArgument naming the entry when an entry cannot be read.
Status ReplayJournal(Database& db, const std::string& as_of, ReportFacts& facts);

// ReplayJournal into fresh facts, then CountStatus with `disclosure`.
Result<StatusReport> BuildStatusReport(Database& db, const std::string& as_of, const CategoryTree& tree,
                                       const Disclosure& disclosure = {});

// The end of the last whole UTC day at or before `as_of` (normalised, as ParseAsOf
// returns): `as_of` itself when it is a day's last millisecond, else the end of
// the day before ("2018-07-26T14:03:00.000Z" -> "2018-07-25T23:59:59.999Z").
std::string EndOfLastWholeDay(const std::string& as_of);

}  // namespace reunite::report
