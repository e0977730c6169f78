#include "access/case_access.h"

#include <algorithm>
#include <set>

#include "access/audit_writer.h"
#include "access/search_service.h"
#include "store/repositories.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool AnyLocation(const Location& l) {
  return !(l.facility.empty() && l.country.empty() && l.department.empty() && l.municipality.empty() &&
           l.village.empty() && l.text.empty());
}

}  // namespace

CaseAccess::CaseAccess(Database& db, Principal principal, Clock& clock, AuditWriter* reads)
    : db_(db), principal_(std::move(principal)), clock_(clock), reads_(reads) {}

Status CaseAccess::FlushReads() {
  std::vector<AuditEntry> entries;
  entries.swap(pending_reads_);
  if (reads_) return reads_->Append(std::move(entries));
  for (AuditEntry& e : entries)
    if (Status s = AppendAuditEntry(db_, clock_, std::move(e)); !s.ok()) return s;
  return Status::Ok();
}

Status CaseAccess::Deny(const std::string& what) {
  (void)AppendAudit(db_, clock_, principal_, "denied", "", 0, what);
  return Status::PermissionDenied(ToString(principal_.role) + " " + principal_.username + " may not " + what);
}

Result<CaseAccess::Facts> CaseAccess::LoadFacts(PersonId id) {
  return GuardStorage("protection facts", [&]() -> Result<Facts> {
    soci::session& sql = db_.session();
    const long long key = id;
    std::string role;
    sql << "SELECT role FROM people WHERE id = :id", soci::use(key), soci::into(role);
    if (!sql.got_data()) return Status::NotFound("no person " + std::to_string(id));
    Facts facts;
    facts.role = role == "child" ? Role::kChild : Role::kAdult;
    int at_risk = 0;
    sql << "SELECT at_risk, notes FROM person_protection WHERE person_id = :id", soci::use(key),
        soci::into(at_risk), soci::into(facts.notes);
    facts.at_risk = at_risk != 0;
    Result<const std::set<PersonId>*> protected_people = ProtectedSet();
    if (!protected_people.ok()) return protected_people.status();
    facts.protected_person = facts.at_risk || (*protected_people)->count(id) > 0;
    // An adult belongs to the family of every child they are linked to, except by
    // a link found false.
    const std::string teams_sql =
        facts.role == Role::kChild
            ? "SELECT team FROM family_assignments WHERE child_id = :id"
            : "SELECT DISTINCT a.team FROM family_links l JOIN family_assignments a ON a.child_id = l.child_id "
              "WHERE l.adult_id = :id AND l.verification <> 'rejected' ORDER BY a.team";
    std::string team;
    soci::statement st = (sql.prepare << teams_sql, soci::use(key), soci::into(team));
    for (st.execute(); st.fetch();) facts.teams.push_back(team);
    return facts;
  });
}

// Field searchers reach only their team's families; outside it a person reads as
// missing, and the attempt is audited.
Status CaseAccess::CheckScope(const Facts& facts, PersonId id) {
  if (!TeamScoped(principal_)) return Status::Ok();
  if (!principal_.team.empty() && Contains(facts.teams, principal_.team)) return Status::Ok();
  (void)AppendAudit(db_, clock_, principal_, "denied", "person", id, "outside team " + principal_.team);
  return Status::NotFound("no person " + std::to_string(id));
}

Result<PersonView> CaseAccess::View(Person person, const Facts& facts) {
  const ProtectionFacts protection{facts.protected_person,
                                   !principal_.team.empty() && Contains(facts.teams, principal_.team)};
  const Withholding w = Withheld(principal_, person, protection);
  w.Apply(person);
  PersonView view;
  view.withheld = w.Names();
  view.at_risk = facts.at_risk;
  view.protected_person = facts.protected_person;
  Result<std::optional<ProtectionRemoval>> removal = LastRemoval(person.id, !w.notes);
  if (!removal.ok()) return removal.status();
  view.protection_removed = std::move(*removal);
  view.protection_notes = w.notes ? "" : facts.notes;
  view.teams = facts.teams;
  std::string shown;
  if (AnyLocation(person.location)) shown += "location";
  if (!person.phones.empty()) shown += shown.empty() ? "phones" : ",phones";
  if (!view.protection_notes.empty()) shown += shown.empty() ? "protection_notes" : ",protection_notes";
  if (!shown.empty()) QueueRead(person.id, shown);
  view.person = std::move(person);
  return view;
}

void CaseAccess::QueueRead(PersonId id, const std::string& detail) {
  AuditEntry e;
  e.at = clock_.NowIso();
  e.actor = principal_.username;
  e.role = ToString(principal_.role);
  e.action = "read_protected";
  e.entity = "person";
  e.entity_id = id;
  e.detail = detail;
  e.remote = principal_.remote;
  pending_reads_.push_back(std::move(e));
}

Result<PersonView> CaseAccess::GetPerson(PersonId id) {
  pending_reads_.clear();  // only this read's entries: a failed read returned nothing
  if (!Allowed(principal_, Action::kReadPeople)) return Deny("read people");
  Result<Facts> facts = LoadFacts(id);
  if (!facts.ok()) return facts.status();
  if (Status s = CheckScope(*facts, id); !s.ok()) return s;
  Result<Person> person = PersonRepository(db_).Get(id);
  if (!person.ok()) return person.status();
  Result<PersonView> view = View(std::move(*person), *facts);
  if (Status s = FlushReads(); !s.ok()) return s;
  return view;
}

Result<FamilyView> CaseAccess::GetFamily(PersonId child_id) {
  pending_reads_.clear();
  if (!Allowed(principal_, Action::kReadFamilies)) return Deny("read families");
  Result<Facts> facts = LoadFacts(child_id);
  if (!facts.ok()) return facts.status();
  if (facts->role != Role::kChild) return Status::InvalidArgument("person " + std::to_string(child_id) + " is not a child");
  if (Status s = CheckScope(*facts, child_id); !s.ok()) return s;
  PersonRepository people(db_);
  Result<Person> child = people.Get(child_id);
  if (!child.ok()) return child.status();
  FamilyView family;
  Result<PersonView> child_view = View(std::move(*child), *facts);
  if (!child_view.ok()) return child_view.status();
  family.child = std::move(*child_view);
  family.team = facts->teams.empty() ? "" : facts->teams.front();
  for (const FamilyLink& link : people.GetFamily(child_id).links) {
    Result<Facts> adult_facts = LoadFacts(link.adult_id);
    if (!adult_facts.ok()) return adult_facts.status();
    // A rejected link does not bring an adult into a team's scope.
    if (TeamScoped(principal_) && !Contains(adult_facts->teams, principal_.team)) continue;
    Result<Person> adult = people.Get(link.adult_id);
    if (!adult.ok()) return adult.status();
    Result<PersonView> adult_view = View(std::move(*adult), *adult_facts);
    if (!adult_view.ok()) return adult_view.status();
    family.adults.push_back({link, std::move(*adult_view)});
  }
  family.timeline = Timeline(family);
  Result<FamilyWarnings> warnings = Warnings(family);
  if (!warnings.ok()) return warnings.status();
  family.warnings = std::move(*warnings);
  // One wait for the child's and the adults' entries together.
  if (Status s = FlushReads(); !s.ok()) return s;
  return family;
}

Result<std::vector<AuditEntry>> CaseAccess::ListAudit(const AuditQuery& query) {
  if (!Allowed(principal_, Action::kReadAudit)) return Deny("read the audit log");
  return QueryAudit(db_, query);
}

Result<long> CaseAccess::CountAudit(const AuditQuery& query) {
  if (!Allowed(principal_, Action::kReadAudit)) return Deny("read the audit log");
  return reunite::CountAudit(db_, query);
}

Status CaseAccess::AuditLookup(const char* action, const std::string& detail) {
  if (!audit_lookups_) return Status::Ok();
  return AppendAudit(db_, clock_, principal_, action, "person", 0, detail);
}

Result<std::vector<SearchResult>> CaseAccess::ListPeople(const PersonQuery& query) {
  if (!Allowed(principal_, Action::kReadPeople)) return Deny("read people");
  const std::string detail = "role " + (query.role ? ToString(*query.role) : std::string("any")) + ", text '" +
                             query.text + "', limit " + std::to_string(query.limit) + ", offset " +
                             std::to_string(query.offset);
  if (Status s = AuditLookup("list_people", detail); !s.ok()) return s;
  Result<std::vector<Person>> found = GuardStorage("list people", [&]() -> Result<std::vector<Person>> {
    return PersonRepository(db_).Find(query);
  });
  if (!found.ok()) return found.status();
  std::vector<SearchResult> out;
  for (Person& person : *found) {
    Result<Facts> facts = LoadFacts(person.id);
    if (!facts.ok()) return facts.status();
    if (TeamScoped(principal_) && (principal_.team.empty() || !Contains(facts->teams, principal_.team))) continue;
    person.location = Location{};
    person.phones.clear();
    person.custody.removal_country.clear();
    SearchResult r;
    r.hit.id = person.id;
    r.person = std::move(person);
    r.at_risk = facts->at_risk;
    r.protected_person = facts->protected_person;
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::map<PersonId, std::string>> CaseAccess::Names(const std::vector<PersonId>& ids) {
  if (!Allowed(principal_, Action::kReadPeople)) return Deny("read people");
  if (Status s = AuditLookup("read_names", std::to_string(ids.size()) + " people"); !s.ok()) return s;
  Result<std::vector<Person>> found = GuardStorage("read names", [&]() -> Result<std::vector<Person>> {
    return PersonRepository(db_).GetMany(ids);
  });
  if (!found.ok()) return found.status();
  std::map<PersonId, std::string> out;
  for (const Person& person : *found) {
    if (TeamScoped(principal_)) {
      Result<Facts> facts = LoadFacts(person.id);
      if (!facts.ok()) return facts.status();
      if (principal_.team.empty() || !Contains(facts->teams, principal_.team)) continue;
    }
    const std::string display = person.name.Display();
    out.emplace(person.id, display.empty() ? person.name.as_recorded : display);
  }
  return out;
}

Result<std::set<PersonId>> CaseAccess::ProtectedAmong(const std::vector<PersonId>& ids) {
  if (!Allowed(principal_, Action::kReadPeople)) return Deny("read people");
  Result<const std::set<PersonId>*> protected_people = ProtectedSet();
  if (!protected_people.ok()) return protected_people.status();
  std::set<PersonId> out;
  for (PersonId id : ids)
    if ((*protected_people)->count(id)) out.insert(id);
  return out;
}

Result<std::set<PersonId>> CaseAccess::AtRiskAmong(const std::vector<PersonId>& ids) {
  return GuardStorage("protection facts", [&]() -> Result<std::set<PersonId>> {
    std::set<PersonId> out;
    if (ids.empty()) return out;
    // Integer ids as literals: one statement for any number of them.
    std::string sql = "SELECT person_id FROM person_protection WHERE at_risk = 1 AND person_id IN (";
    for (std::size_t i = 0; i < ids.size(); ++i) sql += (i ? "," : "") + std::to_string(ids[i]);
    sql += ")";
    long long id = 0;
    soci::statement st = (db_.session().prepare << sql, soci::into(id));
    for (st.execute(); st.fetch();) out.insert(id);
    return out;
  });
}

}  // namespace reunite
