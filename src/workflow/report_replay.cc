#include "workflow/report_replay.h"

#include <cstdio>

#include "store/storage_guard.h"

namespace reunite::report {

namespace {

constexpr long long kPageRows = 5000;

bool LeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && LeapYear(year) ? 29 : days[month - 1];
}

bool AllDigits(const std::string& s, size_t from, size_t n) {
  if (from + n > s.size()) return false;
  for (size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

Status BadAsOf(const std::string& text, const std::string& why) {
  return Status::InvalidArgument("--as-of: '" + text + "' " + why +
                                 " (a date YYYY-MM-DD, or a UTC time YYYY-MM-DDTHH:MM[:SS[.mmm]][Z])");
}

}  // namespace

Result<std::string> ParseAsOf(const std::string& input) {
  std::string text = input;
  if (!text.empty() && text.back() == 'Z') text.pop_back();
  // Positions: YYYY-MM-DD T HH : MM : SS . mmm
  if (!AllDigits(text, 0, 4) || text.size() < 10 || text[4] != '-' || text[7] != '-' || !AllDigits(text, 5, 2) ||
      !AllDigits(text, 8, 2))
    return BadAsOf(input, "is not a date or time");
  int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > DaysIn(year, month))
    return BadAsOf(input, "is not a day of the calendar");
  std::string time = text.size() == 10 ? "" : text.substr(10);
  // Fill the units not given with their last value: the end of the day, minute or second.
  static const std::string kEnd = "T23:59:59.999";
  if (time.size() > kEnd.size() || (!time.empty() && time[0] != 'T'))
    return BadAsOf(input, "has something after the date other than a time (another time zone?)");
  const size_t given = time.size();
  if (given != 0 && given != 6 && given != 9 && given != 13) return BadAsOf(input, "has an incomplete time");
  for (size_t i = 1; i < given; ++i) {
    const bool sep = i == 3 || i == 6 || i == 9;
    if (sep ? time[i] != (i == 9 ? '.' : ':') : (time[i] < '0' || time[i] > '9'))
      return BadAsOf(input, "has a malformed time");
  }
  const std::string full = time + kEnd.substr(given);
  const int hour = std::stoi(full.substr(1, 2)), minute = std::stoi(full.substr(4, 2)),
            second = std::stoi(full.substr(7, 2));
  if (hour > 23 || minute > 59 || second > 59) return BadAsOf(input, "is not a time of day");
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d%sZ", year, month, day, full.c_str());
  return std::string(out);
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

Result<StatusReport> BuildStatusReport(Database& db, const std::string& as_of, const CategoryTree& tree) {
  ReportFacts facts;
  if (Status s = ReplayJournal(db, as_of, facts); !s.ok()) return s;
  return CountStatus(facts, tree, as_of);
}

}  // namespace reunite::report
