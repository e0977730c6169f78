// CaseAccess's family listing and the timeline of one family.
#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "access/case_access.h"
#include "access/audit_writer.h"
#include "access/family_facts.h"
#include "common/clock.h"
#include "ingest/dates.h"
#include "store/repositories.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

// Whole years from `birth` to `today`; nullopt when the birth is unknown.
std::optional<int> AgeOn(const BirthDate& birth, const Date& today) {
  if (birth.precision == DatePrecision::kUnknown || birth.date.empty()) return std::nullopt;
  int age = today.year - birth.date.year;
  if (birth.precision == DatePrecision::kExact &&
      std::pair(today.month, today.day) < std::pair(birth.date.month, birth.date.day))
    --age;
  return age;
}

// The team each child's family is assigned to.
std::map<PersonId, std::string> ReadTeams(soci::session& sql) {
  std::map<PersonId, std::string> teams;
  long long id = 0;
  std::string team;
  soci::statement st = (sql.prepare << "SELECT child_id, team FROM family_assignments", soci::into(id), soci::into(team));
  for (st.execute(); st.fetch();) teams[id] = team;
  return teams;
}

struct Row {
  FamilySummary summary;
  std::optional<int> age;
  std::string sort_name;
};

bool Keep(const Principal& principal, const FamilyQuery& q, const Person& child, const std::string& team, const Date& today) {
  if (TeamScoped(principal) && (principal.team.empty() || team != principal.team)) return false;
  if (!q.team.empty() && team != q.team) return false;
  if (q.status && child.custody.status != *q.status) return false;
  if (!q.country.empty() && child.nationality != q.country) return false;
  if (q.min_age || q.max_age) {
    std::optional<int> age = AgeOn(child.birth, today);
    if (!age || (q.min_age && *age < *q.min_age) || (q.max_age && *age > *q.max_age)) return false;
  }
  return true;
}

// The workflow filters of `q` on a family's summary (with its facts).
bool KeepFollowUp(const FamilyQuery& q, const FamilySummary& s, const std::string& deadline_limit) {
  if (q.tracing == "reached" && !Reached(s.tracing)) return false;
  // No parent linked yet is no parent reached either.
  if (q.tracing == "not_reached" && Reached(s.tracing)) return false;
  if (!q.tracing.empty() && q.tracing != "reached" && q.tracing != "not_reached" && s.tracing != q.tracing)
    return false;
  if (!q.decision.empty() && s.decision != q.decision) return false;
  if (q.eligibility == "contested" && !s.contested) return false;
  if (q.eligibility == "ineligible_or_contested" && !(s.contested || s.eligibility == "ineligible")) return false;
  if (!q.eligibility.empty() && q.eligibility != "contested" && q.eligibility != "ineligible_or_contested" &&
      s.eligibility != q.eligibility)
    return false;
  if (q.deadline_within_days && (s.next_deadline.empty() || s.next_deadline > deadline_limit)) return false;
  if (q.at_risk && !s.at_risk) return false;
  if (q.reunifying && !s.reunifying) return false;
  if (q.open_only && s.closed) return false;
  return true;
}

// The stored columns the list reads of each child (a tenth of them: the scan reads
// every child).
const std::vector<std::string>& ListColumns() {
  static const std::vector<std::string> kColumns = {
      "name_as_recorded", "given_names",     "paternal_surname", "maternal_surname", "married_surname",
      "birth_date",       "birth_precision", "nationality",      "custody_status",   "location_department"};
  return kColumns;
}

}  // namespace

const std::vector<std::string>& FamilyViews() {
  static const std::vector<std::string> kViews = {"not_reached", "located_no_decision", "ineligible_or_contested",
                                                  "deadline_7", "reunifying"};
  return kViews;
}

bool ApplyFamilyView(const std::string& view, FamilyQuery* q) {
  if (view == "not_reached") q->tracing = "not_reached", q->open_only = true;
  else if (view == "located_no_decision") q->tracing = "reached", q->decision = "pending", q->open_only = true;
  else if (view == "ineligible_or_contested") q->eligibility = "ineligible_or_contested";
  else if (view == "deadline_7") q->deadline_within_days = 7, q->sort = FamilySort::kNextDeadline;
  else if (view == "reunifying") q->reunifying = true;
  else return false;
  return true;
}

void CaseAccess::AddFamilyFacts(FamilySummary& s, const FamilyFacts& f, const std::set<PersonId>& protected_people) {
  s.tracing = f.tracing;
  s.decision = f.decision;
  s.eligibility = f.eligibility;
  s.contested = f.contested;
  s.next_deadline = f.next_deadline;
  s.reunifying = f.reunifying;
  s.closed = f.closed;
  s.at_risk = protected_people.count(s.child_id) > 0;
  for (const FamilyLink& l : f.links) s.at_risk = s.at_risk || protected_people.count(l.adult_id) > 0;
  if (!s.department.empty()) return;
  // The family's department: where a parent lives, when the reader may see it.
  Person adult;
  adult.role = Role::kAdult;
  const bool in_team = !s.team.empty() && s.team == principal_.team;
  for (const auto& [id, department] : f.adult_departments) {
    if (department.empty()) continue;
    if (Withheld(principal_, adult, {protected_people.count(id) > 0, in_team}).home_location) continue;
    s.department = department;
    return;
  }
}

Result<FamilyPage> CaseAccess::ListFamilies(const FamilyQuery& q) {
  if (!Allowed(principal_, Action::kReadFamilies)) return Deny("read families");
  Result<const std::set<PersonId>*> protected_people = ProtectedSet();
  if (!protected_people.ok()) return protected_people.status();
  if (IndexAnswers(q)) {
    Result<FamilyPage> page = ListFamiliesByIndex(q);
    if (!page.ok()) return page;
    std::vector<PersonId> ids;
    for (const FamilySummary& s : page->families) ids.push_back(s.child_id);
    Result<std::map<PersonId, FamilyFacts>> facts = GuardStorage("family facts", [&]() {
      return Result<std::map<PersonId, FamilyFacts>>(ReadFamilyFacts(db_, &ids));
    });
    if (!facts.ok()) return facts.status();
    for (FamilySummary& s : page->families) AddFamilyFacts(s, (*facts)[s.child_id], **protected_people);
    return page;
  }
  return ListFamiliesByScan(q, **protected_people);
}

// Every child's row read and filtered here: department (withheld for some), age,
// name, the follow-up filters, sorts.
Result<FamilyPage> CaseAccess::ListFamiliesByScan(const FamilyQuery& q, const std::set<PersonId>& protected_people) {
  struct Tables {
    std::map<PersonId, std::string> teams;
    std::map<PersonId, FamilyFacts> facts;
    std::optional<std::set<PersonId>> named;
  };
  Result<Tables> tables = GuardStorage("family tables", [&]() -> Result<Tables> {
    Tables t{ReadTeams(db_.session()), ReadFamilyFacts(db_, nullptr), std::nullopt};
    if (!q.name.empty()) t.named = PersonRepository(db_).ChildrenNamed(q.name);
    return t;
  });
  if (!tables.ok()) return tables.status();
  const std::map<PersonId, std::string>& teams = tables->teams;
  static const FamilyFacts kNoFacts;
  auto facts_of = [&](PersonId child) -> const FamilyFacts& {
    auto it = tables->facts.find(child);
    return it == tables->facts.end() ? kNoFacts : it->second;
  };
  const std::string today_iso = clock_.TodayIso();
  const Result<Date> parsed_today = ParseIsoDate(today_iso);
  const Date today = parsed_today.ok() ? *parsed_today : Date{};
  // Deadlines are ISO times; everything due before the end of the last day counts.
  const std::string deadline_limit =
      q.deadline_within_days
          ? MillisToIso(IsoToMillis(today_iso + "T23:59:59.999Z") + *q.deadline_within_days * 86400000LL)
          : "";
  std::vector<Row> rows;
  Status read = PersonRepository(db_).ForEach([&](Person&& child) -> Status {
    if (tables->named && !tables->named->count(child.id)) return Status::Ok();
    auto team_it = teams.find(child.id);
    const std::string team = team_it == teams.end() ? "" : team_it->second;
    if (!Keep(principal_, q, child, team, today)) return Status::Ok();
    // The department is part of the location: withheld, it neither shows nor matches.
    const ProtectionFacts facts{protected_people.count(child.id) > 0, !team.empty() && team == principal_.team};
    Withheld(principal_, child, facts).Apply(child);
    Row row;
    row.summary.child_id = child.id;
    row.summary.child_name = child.name.Display().empty() ? child.name.as_recorded : child.name.Display();
    row.summary.nationality = child.nationality;
    row.summary.department = child.location.department;
    row.summary.team = team;
    const FamilyFacts& f = facts_of(child.id);
    row.summary.adults = static_cast<int>(f.links.size());
    AddFamilyFacts(row.summary, f, protected_people);
    if (!q.department.empty() && row.summary.department != q.department) return Status::Ok();
    if (!KeepFollowUp(q, row.summary, deadline_limit)) return Status::Ok();
    if (q.sort == FamilySort::kChildAge) row.age = AgeOn(child.birth, today);
    if (q.sort == FamilySort::kChildName) row.sort_name = child.name.Surnames() + " " + child.name.GivenNames();
    rows.push_back(std::move(row));
    return Status::Ok();
  }, Role::kChild, &ListColumns());
  if (!read.ok()) return read;
  auto by = [&](const Row& a, const Row& b) {
    switch (q.sort) {
      case FamilySort::kChildName:
        if (a.sort_name != b.sort_name) return a.sort_name < b.sort_name;
        break;
      case FamilySort::kChildAge:
        if (a.age != b.age) return a.age.value_or(999) < b.age.value_or(999);
        break;
      case FamilySort::kNextDeadline: {
        const std::string& x = a.summary.next_deadline;
        const std::string& y = b.summary.next_deadline;
        if (x != y) return !x.empty() && (y.empty() || x < y);
        break;
      }
      case FamilySort::kChildId: break;
    }
    return a.summary.child_id < b.summary.child_id;
  };
  std::sort(rows.begin(), rows.end(), by);
  FamilyPage page;
  page.total = static_cast<long>(rows.size());
  const size_t from = std::min(rows.size(), static_cast<size_t>(std::max(q.offset, 0)));
  const size_t to = std::min(rows.size(), from + static_cast<size_t>(std::max(q.limit, 0)));
  // The page's adults' names, read together.
  std::vector<PersonId> adult_ids;
  for (size_t i = from; i < to; ++i)
    for (const FamilyLink& l : facts_of(rows[i].summary.child_id).links) adult_ids.push_back(l.adult_id);
  Result<std::vector<Person>> adults = PersonRepository(db_).GetMany(adult_ids);
  if (!adults.ok()) return adults.status();
  std::map<PersonId, std::string> names;
  for (const Person& a : *adults) names[a.id] = a.name.Display();
  for (size_t i = from; i < to; ++i) {
    FamilySummary& s = rows[i].summary;
    for (const FamilyLink& l : facts_of(s.child_id).links)
      s.linked_adults.push_back({l.adult_id, names[l.adult_id], l.relationship, l.verification});
    page.families.push_back(std::move(s));
  }
  return page;
}

Result<FamilyWarnings> CaseAccess::Warnings(const FamilyView& family) {
  FamilyWarnings w;
  const PersonId child = family.child.person.id;
  w.at_risk = family.child.protected_person;
  std::vector<PersonId> adults;
  for (const FamilyMemberView& m : family.adults) {
    w.at_risk = w.at_risk || m.adult.protected_person;
    adults.push_back(m.adult.person.id);
  }
  return GuardStorage("family warnings", [&]() -> Result<FamilyWarnings> {
    // The facts of this child and of every child of the same parents.
    std::vector<PersonId> children = {child};
    PersonRepository people(db_);
    for (PersonId adult : adults)
      for (const FamilyLink& l : people.LinksOfAdult(adult))
        if (l.verification != Verification::kRejected &&
            std::find(children.begin(), children.end(), l.child_id) == children.end())
          children.push_back(l.child_id);
    std::map<PersonId, FamilyFacts> facts = ReadFamilyFacts(db_, &children);
    const FamilyFacts& mine = facts[child];
    w.ineligible = mine.eligibility == "ineligible";
    w.contested = mine.contested;
    for (PersonId other : children) {
      if (other == child) continue;
      const std::string& theirs = facts[other].decision;
      if (theirs != "pending" && mine.decision != "pending" && theirs != mine.decision)
        w.siblings_deciding_otherwise.push_back(other);
    }
    soci::session& sql = db_.session();
    for (PersonId adult : adults) {
      long long n = 0;
      const long long a = adult, b = adult;
      sql << "SELECT COUNT(*) FROM review_candidates WHERE kind = 'duplicate' AND status = 'pending' AND "
             "(left_id = :a OR right_id = :b)",
          soci::use(a), soci::use(b), soci::into(n);
      if (n > 0) w.parents_with_pending_duplicate.push_back(adult);
    }
    return w;
  });
}

Result<FamilyPage> CaseAccess::ExportFamilies(FamilyQuery query, const std::string& format, const std::string& filters) {
  if (!Allowed(principal_, Action::kReadFamilies)) return Deny("read families");
  query.offset = 0;
  query.limit = std::numeric_limits<int>::max();
  Result<const std::set<PersonId>*> protected_people = ProtectedSet();
  if (!protected_people.ok()) return protected_people.status();
  // The scan, not the index path, which reads each family of the page by itself.
  Result<FamilyPage> page = ListFamiliesByScan(query, **protected_people);
  if (!page.ok()) return page;
  const std::string detail = format + " of " + std::to_string(page->families.size()) + " families" +
                             (filters.empty() ? "" : ", filters " + filters);
  if (Status s = AppendAudit(db_, clock_, principal_, "export_families", "family", 0, detail); !s.ok()) return s;
  return page;
}

std::vector<JournalEntry> CaseAccess::Timeline(const FamilyView& family) {
  JournalRepository journal(db_);
  std::vector<JournalEntry> all;
  auto add_person = [&](const PersonView& v) {
    for (JournalEntry& e : PersonJournal(v.person.id, v.withheld, v.person.location)) all.push_back(std::move(e));
  };
  add_person(family.child);
  for (const FamilyMemberView& m : family.adults) {
    add_person(m.adult);
    for (JournalEntry& e : journal.ForEntity("family_link", m.link.id)) all.push_back(std::move(e));
  }
  for (JournalEntry& e : journal.ForEntity("family_assignment", family.child.person.id)) all.push_back(std::move(e));
  std::sort(all.begin(), all.end(), [](const JournalEntry& a, const JournalEntry& b) { return a.id < b.id; });
  return all;
}

}  // namespace reunite
