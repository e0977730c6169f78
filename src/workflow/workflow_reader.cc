#include "workflow/workflow_reader.h"

#include <algorithm>
#include <array>
#include <map>

#include "common/clock.h"
#include "store/storage_guard.h"
#include "workflow/rows.h"

namespace reunite::workflow {

namespace {

template <typename T>
std::optional<T> First(std::vector<T> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

// The latest visit of each adult, for the search plan and worklists.
std::map<PersonId, std::string> LastVisits(soci::session& s) {
  std::map<PersonId, std::string> out;
  for (const Contact& c : SelectContacts(s, "WHERE kind = 'visit'", BindNone()))
    if (c.at > out[c.adult_id]) out[c.adult_id] = c.at;
  return out;
}

}  // namespace

Result<TracingState> WorkflowReader::Tracing(PersonId adult) {
  return GuardStorage("tracing state", [&]() -> Result<TracingState> { return LoadTracingState(db_.session(), adult); });
}

Result<std::vector<Contact>> WorkflowReader::Contacts(PersonId adult) {
  return GuardStorage("contacts", [&]() -> Result<std::vector<Contact>> {
    long long id = adult;
    return SelectContacts(db_.session(), "WHERE adult_id = :a ORDER BY at, id", BindOne(id));
  });
}

Result<std::optional<Contact>> WorkflowReader::GetContact(std::int64_t id) {
  return GuardStorage("contact", [&]() -> Result<std::optional<Contact>> {
    long long key = id;
    return First(SelectContacts(db_.session(), "WHERE id = :id", BindOne(key)));
  });
}

Result<std::vector<SearchTask>> WorkflowReader::SearchTasks(const TaskQuery& q) {
  return GuardStorage("search tasks", [&]() -> Result<std::vector<SearchTask>> {
    // Each filter is either off ('' / 0) or matches; one statement serves all.
    long long adult = q.adult_id;
    std::string country = q.country, department = q.department, team = q.team, status = q.status;
    auto tasks = SelectTasks(db_.session(),
        "WHERE (:a1 = 0 OR adult_id = :a2) AND (:c1 = '' OR country = :c2) AND (:d1 = '' OR department = :d2) "
        "AND (:t1 = '' OR team = :t2) AND (:s1 = '' OR status = :s2) "
        "ORDER BY country, department, municipality, village, id",
        [&](soci::statement& st) {
          st.exchange(soci::use(adult));
          st.exchange(soci::use(adult));
          for (std::string* v : {&country, &department, &team, &status}) {
            st.exchange(soci::use(*v));
            st.exchange(soci::use(*v));
          }
        });
    const auto last = LastVisits(db_.session());
    for (SearchTask& t : tasks)
      if (auto it = last.find(t.adult_id); it != last.end()) t.last_attempt = it->second;
    return tasks;
  });
}

Result<std::optional<SearchTask>> WorkflowReader::GetSearchTask(std::int64_t id) {
  return GuardStorage("search task", [&]() -> Result<std::optional<SearchTask>> {
    long long key = id;
    return First(SelectTasks(db_.session(), "WHERE id = :id", BindOne(key)));
  });
}

std::vector<SearchPlanRow> GroupSearchPlan(const std::vector<SearchTask>& tasks) {
  std::map<std::array<std::string, 4>, SearchPlanRow> regions;
  for (const SearchTask& t : tasks) {
    SearchPlanRow& row = regions[{t.country, t.department, t.municipality, t.village}];
    if (row.open_tasks == 0) row = {t.country, t.department, t.municipality, t.village, 0, ""};
    ++row.open_tasks;
    row.last_attempt = std::max(row.last_attempt, t.last_attempt);
  }
  std::vector<SearchPlanRow> rows;
  rows.reserve(regions.size());
  for (auto& [place, row] : regions) rows.push_back(std::move(row));
  return rows;
}

Result<std::vector<SearchPlanRow>> WorkflowReader::SearchPlan(const std::string& team) {
  TaskQuery q;
  q.team = team;
  Result<std::vector<SearchTask>> tasks = SearchTasks(q);  // open
  if (!tasks.ok()) return tasks.status();
  return GroupSearchPlan(*tasks);
}

Result<std::optional<Decision>> WorkflowReader::CurrentDecision(PersonId child) {
  return GuardStorage("decision", [&]() -> Result<std::optional<Decision>> { return LoadDecision(db_.session(), child); });
}

Result<std::vector<Decision>> WorkflowReader::DecisionHistory(PersonId child) {
  return GuardStorage("decision history", [&]() -> Result<std::vector<Decision>> {
    long long id = child;
    return SelectDecisions(db_.session(), "WHERE child_id = :c ORDER BY id", BindOne(id));
  });
}

Result<EligibilityView> WorkflowReader::Eligibility(PersonId adult) {
  return GuardStorage("eligibility", [&]() -> Result<EligibilityView> {
    long long id = adult;
    EligibilityView v;
    v.adult_id = adult;
    v.flags = SelectFlags(db_.session(), "WHERE adult_id = :a ORDER BY id", BindOne(id));
    v.status = LoadEligibilityStatus(db_.session(), adult);
    return v;
  });
}

Result<std::optional<EligibilityFlag>> WorkflowReader::GetFlag(std::int64_t id) {
  return GuardStorage("eligibility flag", [&]() -> Result<std::optional<EligibilityFlag>> {
    long long key = id;
    return First(SelectFlags(db_.session(), "WHERE id = :id", BindOne(key)));
  });
}

Result<Logistics> WorkflowReader::GetLogistics(PersonId child) {
  return GuardStorage("logistics", [&]() -> Result<Logistics> { return LoadLogistics(db_.session(), child); });
}

Result<Closure> WorkflowReader::GetClosure(PersonId child) {
  return GuardStorage("closure", [&]() -> Result<Closure> { return LoadClosure(db_.session(), child); });
}

Result<std::vector<Deadline>> WorkflowReader::Deadlines(bool open_only) {
  return GuardStorage("deadlines", [&]() -> Result<std::vector<Deadline>> {
    return SelectDeadlines(db_.session(), std::string(open_only ? "WHERE done_at = '' " : "") + "ORDER BY due_at, id",
                           BindNone());
  });
}

Result<std::optional<Deadline>> WorkflowReader::GetDeadline(std::int64_t id) {
  return GuardStorage("deadline", [&]() -> Result<std::optional<Deadline>> {
    long long key = id;
    return First(SelectDeadlines(db_.session(), "WHERE id = :id", BindOne(key)));
  });
}

Result<std::vector<DueItem>> WorkflowReader::Due(const std::string& as_of, int within_days) {
  return GuardStorage("due items", [&]() -> Result<std::vector<DueItem>> {
    soci::session& s = db_.session();
    const std::string horizon = MillisToIso(IsoToMillis(as_of) + within_days * 86400000LL);
    std::vector<DueItem> out;
    std::string t1 = as_of, t2 = as_of, t3 = horizon;
    for (const Deadline& d : SelectDeadlines(s,
             "WHERE created_at <= :t1 AND (done_at = '' OR done_at > :t2) AND due_at <= :h ORDER BY due_at, id",
             [&](soci::statement& st) {
               st.exchange(soci::use(t1));
               st.exchange(soci::use(t2));
               st.exchange(soci::use(t3));
             }))
      out.push_back({"deadline", d.id, d.title, d.kind, d.due_at, d.child_id, d.adult_id, d.due_at < as_of});
    // The first-contact rule: parents on the list with no contact attempt yet.
    // A family counts as closed at `as_of` when the last closure entry journaled by
    // then set a reason (the closures table holds only the state now).
    long long adult = 0;
    std::string created, ta = as_of, tc = as_of, tb = as_of;
    soci::statement st = (s.prepare <<
        "SELECT p.id, MIN(j.at) FROM people p JOIN journal j ON j.entity = 'person' AND j.entity_id = p.id "
        "AND j.field = '*' WHERE p.role = 'adult' AND j.at <= :ta "
        "AND EXISTS (SELECT 1 FROM family_links l WHERE l.adult_id = p.id AND l.verification <> 'rejected' "
        "AND NOT EXISTS (SELECT 1 FROM journal jc WHERE jc.entity = 'closure' AND jc.entity_id = l.child_id "
        "AND jc.field = 'reason' AND jc.after_value <> '' AND jc.id = (SELECT MAX(jl.id) FROM journal jl "
        "WHERE jl.entity = 'closure' AND jl.entity_id = l.child_id AND jl.field = 'reason' AND jl.at <= :tc))) "
        "AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.adult_id = p.id AND k.at <= :tb) "
        "GROUP BY p.id ORDER BY p.id",
        soci::use(ta), soci::use(tc), soci::use(tb), soci::into(adult), soci::into(created));
    for (st.execute(); st.fetch();) {
      const std::string due = MillisToIso(IsoToMillis(created) + kFirstContactDays * 86400000LL);
      if (due > horizon) continue;
      out.push_back({"first_contact", 0, "first contact attempt with parent " + std::to_string(adult), "rule", due,
                     0, adult, due < as_of});
    }
    std::stable_sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) { return a.due_at < b.due_at; });
    return out;
  });
}

}  // namespace reunite::workflow
