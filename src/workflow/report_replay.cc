#include "workflow/report_replay.h"

#include <cstdio>

#include "common/clock.h"
#include "store/storage_guard.h"
#include "workflow/vocabulary.h"

namespace reunite::report {

namespace {

constexpr long long kPageRows = 5000;

}  // namespace

Result<std::string> ParseAsOf(const std::string& text) {
  return workflow::ParseTime("--as-of", text, workflow::TimeFill::kEndOfLastUnit);
}

Status ReplayJournal(Database& db, const std::string& as_of, ReportFacts& facts) {
  return GuardStorage("replay journal", [&]() -> Status {
    long long last = 0, row_id = 0, entity_id = 0, page = kPageRows;
    std::string at_limit = as_of;
    JournalEntry e;
    soci::statement st =
        // Entities are filtered here, not in SQL: a filter on entity makes SQLite
        // read the entity index and sort every matching row for each page.
        (db.session().prepare << "SELECT id, at, entity, entity_id, field, after_value FROM journal "
                                 "WHERE id > :last AND at <= :t ORDER BY id LIMIT :n",
         soci::into(row_id), soci::into(e.at), soci::into(e.entity), soci::into(entity_id), soci::into(e.field),
         soci::into(e.after), soci::use(last), soci::use(at_limit), soci::use(page));
    for (;;) {
      long long rows = 0;
      st.execute();
      while (st.fetch()) {
        ++rows;
        e.id = last = row_id;
        e.entity_id = entity_id;
        // The database compared the times as text; so does this, whatever its collation.
        if (e.at > as_of) continue;
        if (Status s = ApplyJournalEntry(facts, e); !s.ok()) return s;
      }
      if (rows < kPageRows) return Status::Ok();
    }
  });
}

Result<StatusReport> BuildStatusReport(Database& db, const std::string& as_of, const CategoryTree& tree,
                                       const Disclosure& disclosure) {
  ReportFacts facts;
  if (Status s = ReplayJournal(db, as_of, facts); !s.ok()) return s;
  return CountStatus(facts, tree, as_of, disclosure);
}

std::string EndOfLastWholeDay(const std::string& as_of) {
  constexpr long long kDay = 24LL * 60 * 60 * 1000;
  const long long at = IsoToMillis(as_of);
  const long long day_start = at - ((at % kDay) + kDay) % kDay;
  return at == day_start + kDay - 1 ? as_of : MillisToIso(day_start - 1);
}

}  // namespace reunite::report
