// CaseAccess's index-backed family reads: the dashboard's counts and the families
// list's common case (filters on custody status, nationality and team; child-id
// order), answered from the people_child_counts and people_role indexes and the
// assignments instead of reading every child's row. Queries that need a child's
// whole row (department, age, sort by name or age) keep the scan in
// case_access_families.cc.
#include <map>

#include "access/case_access.h"
#include "store/repositories.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

// The children a query and the principal's scope select, as SQL: "FROM ... WHERE ..."
// and its bound values, in order (:b0, :b1, ...).
struct ChildSql {
  std::string from_where;
  std::vector<std::string> binds;
};

ChildSql ChildFilter(const Principal& principal, const FamilyQuery& q) {
  ChildSql c;
  std::string where = " WHERE p.role = 'child'";
  auto bind = [&](const std::string& column, const std::string& value) {
    where += " AND " + column + " = :b" + std::to_string(c.binds.size());
    c.binds.push_back(value);
  };
  if (q.status) bind("p.custody_status", ToString(*q.status));
  if (!q.country.empty()) bind("p.nationality", q.country);
  // A field searcher without a team sees no family: no assignment has the team "".
  if (TeamScoped(principal)) bind("a.team", principal.team);
  if (!q.team.empty()) bind("a.team", q.team);
  const bool by_team = TeamScoped(principal) || !q.team.empty();
  c.from_where = std::string(" FROM people p") +
                 (by_team ? " JOIN family_assignments a ON a.child_id = p.id" : "") + where;
  return c;
}

// Prepares `sql` with `c`'s values bound after `into`'s targets; the values must
// outlive the statement.
template <typename Into>
soci::statement Prepare(soci::session& sql, const std::string& text, const ChildSql& c, Into&& into) {
  soci::statement st(sql);
  into(st);
  for (const std::string& value : c.binds) st.exchange(soci::use(value));
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
  return st;
}

}  // namespace

bool CaseAccess::IndexAnswers(const FamilyQuery& q) {
  return q.department.empty() && !q.min_age && !q.max_age && q.sort == FamilySort::kChildId && q.name.empty() &&
         q.tracing.empty() && q.decision.empty() && q.eligibility.empty() && !q.deadline_within_days && !q.at_risk &&
         !q.reunifying && !q.open_only;
}

Result<FamilyCounts> CaseAccess::CountFamilies() {
  if (!Allowed(principal_, Action::kReadFamilies)) return Deny("read families");
  return GuardStorage("count families", [&]() -> Result<FamilyCounts> {
    const ChildSql c = ChildFilter(principal_, {});
    std::string status, country;
    long long n = 0;
    soci::statement st = Prepare(db_.session(),
                                 "SELECT p.custody_status, p.nationality, COUNT(*)" + c.from_where +
                                     " GROUP BY p.custody_status, p.nationality",
                                 c, [&](soci::statement& s) {
                                   s.exchange(soci::into(status));
                                   s.exchange(soci::into(country));
                                   s.exchange(soci::into(n));
                                 });
    FamilyCounts counts;
    for (st.execute(); st.fetch();) {
      counts.by_status[status] += n;
      counts.by_country[country] += n;
      counts.total += n;
    }
    return counts;
  });
}

// One page of the families list, with IndexAnswers(q): the count and the page's ids
// from the indexes, then only the page's children read whole.
Result<FamilyPage> CaseAccess::ListFamiliesByIndex(const FamilyQuery& q) {
  struct Ids {
    long total = 0;
    std::vector<PersonId> page;
  };
  const ChildSql c = ChildFilter(principal_, q);
  Result<Ids> ids = GuardStorage("list families", [&]() -> Result<Ids> {
    long long total = 0, id = 0;
    Prepare(db_.session(), "SELECT COUNT(*)" + c.from_where, c, [&](soci::statement& s) {
      s.exchange(soci::into(total));
    }).execute(true);
    Ids out;
    out.total = static_cast<long>(total);
    soci::statement st = Prepare(db_.session(),
                                 "SELECT p.id" + c.from_where + " ORDER BY p.id LIMIT " +
                                     std::to_string(std::max(q.limit, 0)) + " OFFSET " +
                                     std::to_string(std::max(q.offset, 0)),
                                 c, [&](soci::statement& s) { s.exchange(soci::into(id)); });
    for (st.execute(); st.fetch();) out.page.push_back(id);
    return out;
  });
  if (!ids.ok()) return ids.status();
  FamilyPage page;
  page.total = ids->total;
  PersonRepository people(db_);
  for (PersonId id : ids->page) {
    Result<Facts> facts = LoadFacts(id);
    if (!facts.ok()) return facts.status();
    Result<Person> child = people.Get(id);
    if (!child.ok()) return child.status();
    std::vector<FamilyLink> links;
    for (const FamilyLink& l : people.GetFamily(child->id).links)
      if (l.verification != Verification::kRejected) links.push_back(l);
    page.families.push_back(Summarise(std::move(*child), facts->teams.empty() ? "" : facts->teams.front(),
                                      facts->protected_person, links));
  }
  return page;
}

FamilySummary CaseAccess::Summarise(Person child, const std::string& team, bool protected_person,
                                    const std::vector<FamilyLink>& links) {
  // The department is part of the location: withheld, it does not show.
  const ProtectionFacts facts{protected_person, !team.empty() && team == principal_.team};
  Withheld(principal_, child, facts).Apply(child);
  FamilySummary s;
  s.child_id = child.id;
  s.child_name = child.name.Display().empty() ? child.name.as_recorded : child.name.Display();
  s.nationality = child.nationality;
  s.department = child.location.department;
  s.team = team;
  s.adults = static_cast<int>(links.size());
  PersonRepository people(db_);
  for (const FamilyLink& l : links) {
    Result<Person> adult = people.Get(l.adult_id);
    s.linked_adults.push_back({l.adult_id, adult.ok() ? adult->name.Display() : "", l.relationship, l.verification});
  }
  return s;
}

}  // namespace reunite
