// CaseAccess's family listing and the timeline of one family.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "access/case_access.h"
#include "store/repositories.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

// Whole years from `birth` to today (YYYY-MM-DD); nullopt when the birth is unknown.
std::optional<int> AgeOn(const BirthDate& birth, const std::string& today) {
  if (birth.precision == DatePrecision::kUnknown || birth.date.empty()) return std::nullopt;
  int y = 0, m = 0, d = 0;
  std::sscanf(today.c_str(), "%d-%d-%d", &y, &m, &d);
  int age = y - birth.date.year;
  if (birth.precision == DatePrecision::kExact && std::pair(m, d) < std::pair(birth.date.month, birth.date.day)) --age;
  return age;
}

// Everything ListFamilies needs besides the children and their protection, read in
// two queries.
struct FamilyTables {
  std::map<PersonId, std::string> teams;
  std::map<PersonId, std::vector<FamilyLink>> links;  // by child, rejected links left out
};

FamilyTables ReadFamilyTables(soci::session& sql) {
  FamilyTables t;
  long long id = 0, adult = 0, link_id = 0;
  std::string team, rel, ver;
  soci::statement teams = (sql.prepare << "SELECT child_id, team FROM family_assignments", soci::into(id), soci::into(team));
  for (teams.execute(); teams.fetch();) t.teams[id] = team;
  soci::statement links = (sql.prepare << "SELECT id, child_id, adult_id, relationship, verification FROM family_links "
                                          "WHERE verification <> 'rejected' ORDER BY id",
                           soci::into(link_id), soci::into(id), soci::into(adult), soci::into(rel), soci::into(ver));
  for (links.execute(); links.fetch();) {
    FamilyLink l{link_id, id, adult, RelationshipFromString(rel).value_or(Relationship::kOtherRelative),
                 VerificationFromString(ver).value_or(Verification::kClaimed)};
    t.links[id].push_back(l);
  }
  return t;
}

struct Row {
  FamilySummary summary;
  std::optional<int> age;
  std::string sort_name;
};

bool Keep(const Principal& principal, const FamilyQuery& q, const Person& child, const std::string& team, const std::string& today) {
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

}  // namespace

Result<FamilyPage> CaseAccess::ListFamilies(const FamilyQuery& q) {
  if (!Allowed(principal_, Action::kReadFamilies)) return Deny("read families");
  if (IndexAnswers(q)) return ListFamiliesByIndex(q);
  // The rest reads every child's row: department (withheld for some), age, sorts.
  Result<FamilyTables> tables = GuardStorage("family tables", [&]() -> Result<FamilyTables> {
    return ReadFamilyTables(db_.session());
  });
  if (!tables.ok()) return tables.status();
  const FamilyTables& t = *tables;
  Result<const std::set<PersonId>*> protected_people = ProtectedSet();
  if (!protected_people.ok()) return protected_people.status();
  const std::string today = clock_.TodayIso();
  std::vector<Row> rows;
  Status read = PersonRepository(db_).ForEach([&](Person&& child) -> Status {
    auto team_it = t.teams.find(child.id);
    const std::string team = team_it == t.teams.end() ? "" : team_it->second;
    if (!Keep(principal_, q, child, team, today)) return Status::Ok();
    // The department is part of the location: withheld, it neither shows nor matches.
    const ProtectionFacts facts{(*protected_people)->count(child.id) > 0, !team.empty() && team == principal_.team};
    Withheld(principal_, child, facts).Apply(child);
    if (!q.department.empty() && child.location.department != q.department) return Status::Ok();
    Row row;
    row.summary.child_id = child.id;
    row.summary.child_name = child.name.Display().empty() ? child.name.as_recorded : child.name.Display();
    row.summary.nationality = child.nationality;
    row.summary.department = child.location.department;
    row.summary.team = team;
    auto links = t.links.find(child.id);
    row.summary.adults = links == t.links.end() ? 0 : static_cast<int>(links->second.size());
    row.age = AgeOn(child.birth, today);
    row.sort_name = child.name.Surnames() + " " + child.name.GivenNames();
    rows.push_back(std::move(row));
    return Status::Ok();
  }, Role::kChild);
  if (!read.ok()) return read;
  auto by = [&](const Row& a, const Row& b) {
    switch (q.sort) {
      case FamilySort::kChildName:
        if (a.sort_name != b.sort_name) return a.sort_name < b.sort_name;
        break;
      case FamilySort::kChildAge:
        if (a.age != b.age) return a.age.value_or(999) < b.age.value_or(999);
        break;
      case FamilySort::kChildId: break;
    }
    return a.summary.child_id < b.summary.child_id;
  };
  std::sort(rows.begin(), rows.end(), by);
  FamilyPage page;
  page.total = static_cast<long>(rows.size());
  const size_t from = std::min(rows.size(), static_cast<size_t>(std::max(q.offset, 0)));
  const size_t to = std::min(rows.size(), from + static_cast<size_t>(std::max(q.limit, 0)));
  PersonRepository people(db_);
  for (size_t i = from; i < to; ++i) {
    FamilySummary& s = rows[i].summary;
    auto links = t.links.find(s.child_id);
    if (links != t.links.end())
      for (const FamilyLink& l : links->second) {
        Result<Person> adult = people.Get(l.adult_id);
        s.linked_adults.push_back({l.adult_id, adult.ok() ? adult->name.Display() : "", l.relationship, l.verification});
      }
    page.families.push_back(std::move(s));
  }
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
