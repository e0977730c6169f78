// WorkflowAccess: scope, withholding and the protected reads.
#include "access/workflow_access.h"

#include <algorithm>
#include <map>

#include "access/audit.h"
#include "access/protected_people.h"
#include "store/repositories.h"
#include "store/storage_guard.h"
#include "workflow/vocabulary.h"

namespace reunite {

using namespace workflow;

WorkflowAccess::WorkflowAccess(Database& db, Principal principal, Clock& clock)
    : db_(db), principal_(std::move(principal)), clock_(clock) {}

Status WorkflowAccess::Deny(const std::string& what) {
  (void)AppendAudit(db_, clock_, principal_, "denied", "", 0, what);
  return Status::PermissionDenied(ToString(principal_.role) + " " + principal_.username + " may not " + what);
}

std::vector<std::string> WorkflowAccess::TeamsOf(PersonId id) {
  std::vector<std::string> teams;
  Status s = GuardStorage("teams", [&]() -> Status {
    soci::session& sql = db_.session();
    long long key = id;
    std::string team;
    soci::statement st = (sql.prepare <<
        "SELECT team FROM family_assignments WHERE child_id = :c UNION "
        "SELECT a.team FROM family_links l JOIN family_assignments a ON a.child_id = l.child_id "
        "WHERE l.adult_id = :a AND l.verification <> 'rejected'",
        soci::use(key), soci::use(key), soci::into(team));
    for (st.execute(); st.fetch();) teams.push_back(team);
    return Status::Ok();
  });
  if (!s.ok()) teams.clear();  // no teams: a field searcher is refused, others unaffected
  return teams;
}

Status WorkflowAccess::Check(Action action, PersonId id, const std::string& what) {
  if (!Allowed(principal_, action)) return Deny(what);
  Result<Person> person = PersonRepository(db_).Get(id);
  if (!person.ok()) return person.status();
  if (!TeamScoped(principal_)) return Status::Ok();
  const std::vector<std::string> teams = TeamsOf(id);
  if (!principal_.team.empty() && std::find(teams.begin(), teams.end(), principal_.team) != teams.end())
    return Status::Ok();
  (void)AppendAudit(db_, clock_, principal_, "denied", "person", id, "outside team " + principal_.team + ": " + what);
  return Status::NotFound("no person " + std::to_string(id));
}

Result<std::set<PersonId>> WorkflowAccess::TeamPeople() {
  return GuardStorage("team people", [&]() -> Result<std::set<PersonId>> {
    std::set<PersonId> people;
    long long id = 0;
    std::string team = principal_.team;
    soci::statement st = (db_.session().prepare <<
        "SELECT l.adult_id FROM family_links l JOIN family_assignments a ON a.child_id = l.child_id "
        "WHERE a.team = :t AND l.verification <> 'rejected' UNION "
        "SELECT child_id FROM family_assignments WHERE team = :t2",
        soci::use(team), soci::use(team), soci::into(id));
    for (st.execute(); st.fetch();) people.insert(id);
    return people;
  });
}

Result<bool> WorkflowAccess::HidePlaces(PersonId adult) {
  Result<Person> person = PersonRepository(db_).Get(adult);
  if (!person.ok()) return person.status();
  Result<const std::set<PersonId>*> protected_people = ProtectedSet();
  if (!protected_people.ok()) return protected_people.status();
  const std::vector<std::string> teams = TeamsOf(adult);
  const bool in_team =
      !principal_.team.empty() && std::find(teams.begin(), teams.end(), principal_.team) != teams.end();
  const Withholding w =
      Withheld(principal_, *person, ProtectionFacts{(*protected_people)->count(adult) > 0, in_team});
  return w.home_location || w.phones;
}

Result<const std::set<PersonId>*> WorkflowAccess::ProtectedSet() {
  if (!protected_) {
    Result<std::set<PersonId>> people = ProtectedPeople(db_);
    if (!people.ok()) return people.status();
    protected_ = std::move(*people);
  }
  return &*protected_;
}

Result<TracingState> WorkflowAccess::Tracing(PersonId adult) {
  if (Status s = Check(Action::kReadWorkflow, adult, "read the workflow"); !s.ok()) return s;
  return WorkflowReader(db_).Tracing(adult);
}

Result<std::vector<Contact>> WorkflowAccess::Contacts(PersonId adult) {
  if (Status s = Check(Action::kReadWorkflow, adult, "read the workflow"); !s.ok()) return s;
  Result<std::vector<Contact>> contacts = WorkflowReader(db_).Contacts(adult);
  if (!contacts.ok()) return contacts;
  Result<bool> hide = HidePlaces(adult);
  if (!hide.ok()) return hide.status();
  bool shown = false;
  for (Contact& c : *contacts) {
    if (*hide) c.number = c.place = c.through = "[withheld]";
    else shown = shown || !c.number.empty() || !c.place.empty() || !c.through.empty();
  }
  // Numbers called and places visited are the person's phones and location: a
  // read that shows them is audited, as CaseAccess audits a person's.
  if (shown)
    if (Status s = AppendAudit(db_, clock_, principal_, "read_protected", "person", adult, "contacts"); !s.ok())
      return s;
  return contacts;
}

Result<std::vector<SearchTask>> WorkflowAccess::SearchTasks(const TaskQuery& query) {
  return ReadSearchTasks(query, "search tasks");
}

namespace {

constexpr const char* kWithheldMark = "[withheld]";

bool ShowsPlace(const SearchTask& t) { return !t.municipality.empty() || !t.village.empty(); }

}  // namespace

Result<std::vector<SearchTask>> WorkflowAccess::ReadSearchTasks(const TaskQuery& query, const char* what) {
  if (!Allowed(principal_, Action::kReadWorkflow)) return Deny("read the workflow");
  Result<std::vector<SearchTask>> tasks = WorkflowReader(db_).SearchTasks(query);
  if (!tasks.ok()) return tasks;
  std::optional<std::set<PersonId>> scope;
  if (TeamScoped(principal_)) {
    Result<std::set<PersonId>> team = TeamPeople();
    if (!team.ok()) return team.status();
    scope = std::move(*team);
  }
  // Only a protected adult is withheld by team; the others as the role says, so the
  // plan of every task reads the few protected and no one else.
  Result<const std::set<PersonId>*> protected_people = ProtectedSet();
  if (!protected_people.ok()) return protected_people.status();
  Person anyone;
  anyone.role = Role::kAdult;
  const Withholding by_role = Withheld(principal_, anyone, ProtectionFacts{false, false});
  // A filter on a place the reader may not see must not pick out whose it is.
  const bool filtered_by_place = !query.country.empty() || !query.department.empty();
  std::vector<SearchTask> out;
  std::map<PersonId, bool> hidden;  // per adult: a worklist holds few adults many times
  std::set<PersonId> shown;         // adults whose places the reader sees (audited)
  for (SearchTask& t : *tasks) {
    if (scope && !scope->count(t.adult_id)) continue;
    auto it = hidden.find(t.adult_id);
    if (it == hidden.end()) {
      Result<bool> hide = (*protected_people)->count(t.adult_id)
                              ? HidePlaces(t.adult_id)
                              : Result<bool>(by_role.home_location || by_role.phones);
      if (!hide.ok()) return hide.status();
      it = hidden.emplace(t.adult_id, *hide).first;
    }
    if (it->second) {
      if (filtered_by_place) continue;
      t.country = t.department = t.municipality = t.village = kWithheldMark;
    } else if (ShowsPlace(t)) {
      shown.insert(t.adult_id);
    }
    out.push_back(std::move(t));
  }
  if (Status s = AuditPlacesShown(shown, what); !s.ok()) return s;
  return out;
}

// One "read_protected" entry per adult whose search places a read showed, as
// CaseAccess audits a person's location; written together.
Status WorkflowAccess::AuditPlacesShown(const std::set<PersonId>& adults, const char* what) {
  if (adults.empty()) return Status::Ok();
  return GuardStorage("audit", [&]() -> Status {
    soci::transaction tx(db_.session());
    for (PersonId adult : adults)
      if (Status s = AppendAudit(db_, clock_, principal_, "read_protected", "person", adult,
                                 std::string("location (") + what + ")");
          !s.ok())
        return s;
    tx.commit();
    return Status::Ok();
  });
}

Result<std::vector<SearchPlanRow>> WorkflowAccess::SearchPlan(const std::string& team) {
  if (!Allowed(principal_, Action::kReadWorkflow)) return Deny("read the workflow");
  // A field searcher plans their own team's work.
  if (TeamScoped(principal_) && team != principal_.team) return Deny("read another team's search plan");
  // Grouped from this service's task list, so a place withheld there (a protected
  // adult) is withheld here too, and a field searcher counts only their families.
  TaskQuery q;
  q.team = team;
  Result<std::vector<SearchTask>> tasks = ReadSearchTasks(q, "search plan");
  if (!tasks.ok()) return tasks.status();
  return GroupSearchPlan(*tasks);
}

Result<std::optional<Decision>> WorkflowAccess::CurrentDecision(PersonId child) {
  if (Status s = Check(Action::kReadWorkflow, child, "read the workflow"); !s.ok()) return s;
  return WorkflowReader(db_).CurrentDecision(child);
}

Result<std::vector<Decision>> WorkflowAccess::DecisionHistory(PersonId child) {
  if (Status s = Check(Action::kReadWorkflow, child, "read the workflow"); !s.ok()) return s;
  return WorkflowReader(db_).DecisionHistory(child);
}

Result<EligibilityView> WorkflowAccess::Eligibility(PersonId adult) {
  if (Status s = Check(Action::kReadWorkflow, adult, "read the workflow"); !s.ok()) return s;
  return WorkflowReader(db_).Eligibility(adult);
}

Result<workflow::Logistics> WorkflowAccess::Logistics(PersonId child) {
  if (Status s = Check(Action::kReadWorkflow, child, "read the workflow"); !s.ok()) return s;
  return WorkflowReader(db_).GetLogistics(child);
}

Result<workflow::Closure> WorkflowAccess::Closure(PersonId child) {
  if (Status s = Check(Action::kReadWorkflow, child, "read the workflow"); !s.ok()) return s;
  return WorkflowReader(db_).GetClosure(child);
}

Result<std::vector<Deadline>> WorkflowAccess::Deadlines(bool open_only) {
  if (!Allowed(principal_, Action::kReadWorkflow)) return Deny("read the workflow");
  Result<std::vector<Deadline>> all = WorkflowReader(db_).Deadlines(open_only);
  if (!all.ok() || !TeamScoped(principal_)) return all;
  Result<std::set<PersonId>> team = TeamPeople();
  if (!team.ok()) return team.status();
  std::vector<Deadline> out;
  for (Deadline& d : *all)
    if (team->count(d.child_id) || team->count(d.adult_id)) out.push_back(std::move(d));
  return out;
}

Result<std::vector<DueItem>> WorkflowAccess::Due(const std::string& as_of, int within_days) {
  if (!Allowed(principal_, Action::kReadReports)) return Deny("read reports");
  if (within_days < 0) return Status::InvalidArgument("within: a number of days, 0 or more");
  // "as of" reads as the status report's does (docs/workflow.md §9): through the end of
  // the last unit typed, so "2018-07-26" is the whole day and "...T14:03" the whole minute.
  Result<std::string> when =
      as_of.empty() ? Result<std::string>(clock_.NowIso()) : ParseTime("as_of", as_of, TimeFill::kEndOfLastUnit);
  if (!when.ok()) return when.status();
  Result<std::vector<DueItem>> all = WorkflowReader(db_).Due(*when, within_days);
  if (!all.ok() || !TeamScoped(principal_)) return all;
  Result<std::set<PersonId>> team = TeamPeople();
  if (!team.ok()) return team.status();
  std::vector<DueItem> out;
  for (DueItem& d : *all)
    if (team->count(d.child_id) || team->count(d.adult_id)) out.push_back(std::move(d));
  return out;
}

}  // namespace reunite
