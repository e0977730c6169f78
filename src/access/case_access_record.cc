// CaseAccess's reads of one person's record beyond its fields, for the person page
// and `reunite show` and `history`: family links, provenance and the change
// journal, scoped and withheld as GetPerson is, and audited when they show what
// GetPerson would audit.
#include <algorithm>
#include <set>

#include "access/case_access.h"
#include "access/journal_redaction.h"
#include "store/repositories.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

std::string DisplayName(const Person& p) {
  const std::string display = p.name.Display();
  return display.empty() ? p.name.as_recorded : display;
}

// The workflow's entities journaled under a person's id (docs/workflow.md).
std::vector<std::string> WorkflowEntities(Role role) {
  if (role == Role::kChild) return {"decision", "logistics", "logistics_step", "closure"};
  return {"tracing", "eligibility"};
}

std::string Joined(const std::set<std::string>& groups) {
  std::string out;
  for (const std::string& g : groups) out += (out.empty() ? "" : ",") + g;
  return out;
}

}  // namespace

bool CaseAccess::InTeam(const Facts& facts) const {
  return !principal_.team.empty() &&
         std::find(facts.teams.begin(), facts.teams.end(), principal_.team) != facts.teams.end();
}

Result<CaseAccess::Facts> CaseAccess::CheckRead(Action action, PersonId id, const std::string& what) {
  if (!Allowed(principal_, action)) return Deny(what);
  Result<Facts> facts = LoadFacts(id);
  if (!facts.ok()) return facts.status();
  if (Status s = CheckScope(*facts, id); !s.ok()) return s;
  return facts;
}

Result<std::vector<PersonLink>> CaseAccess::FamilyLinks(PersonId id) {
  Result<Facts> facts = CheckRead(Action::kReadFamilies, id, "read families");
  if (!facts.ok()) return facts.status();
  return GuardStorage("family links", [&]() -> Result<std::vector<PersonLink>> {
    PersonRepository people(db_);
    const bool child = facts->role == Role::kChild;
    std::vector<PersonLink> out;
    for (const FamilyLink& link : child ? people.GetFamily(id).links : people.LinksOfAdult(id)) {
      const PersonId other = child ? link.adult_id : link.child_id;
      if (TeamScoped(principal_)) {
        Result<Facts> other_facts = LoadFacts(other);
        if (!other_facts.ok()) return other_facts.status();
        if (!InTeam(*other_facts)) continue;
      }
      Result<Person> person = people.Get(other);
      out.push_back({link, other, person.ok() ? DisplayName(*person) : ""});
    }
    return out;
  });
}

Result<ProvenanceView> CaseAccess::Provenance(PersonId id, SourceText text) {
  pending_reads_.clear();
  Result<Facts> facts = CheckRead(Action::kReadPeople, id, "read people");
  if (!facts.ok()) return facts.status();
  Result<ProvenanceView> view = GuardStorage("provenance", [&]() -> Result<ProvenanceView> {
    ProvenanceView out;
    out.rows = PersonRepository(db_).Provenance(id);
    Person person;
    person.id = id;
    person.role = facts->role;
    const Withholding w = Withheld(principal_, person, ProtectionFacts{facts->protected_person, InTeam(*facts)});
    const bool show_text = text == SourceText::kIncluded && !(w.home_location || w.facility || w.phones);
    out.text_withheld = text == SourceText::kIncluded && !show_text;
    bool shown = false;
    for (SourceRow& row : out.rows) {
      if (!show_text) row.raw.clear();
      shown = shown || !row.raw.empty();
    }
    if (shown) QueueRead(id, "source_rows");
    return out;
  });
  if (!view.ok()) return view;
  if (Status s = FlushReads(); !s.ok()) return s;
  return view;
}

std::vector<JournalEntry> CaseAccess::PersonJournal(PersonId id, const std::vector<std::string>& withheld,
                                                    const Location& shown) {
  JournalRepository journal(db_);
  std::vector<JournalEntry> out;
  const std::vector<std::string> columns = WithheldColumns(withheld, shown);
  for (JournalEntry e : journal.ForEntity("person", id)) {
    RedactPersonEntry(e, columns);
    out.push_back(std::move(e));
  }
  const bool notes_withheld = std::find(withheld.begin(), withheld.end(), kWithheldNotes) != withheld.end();
  for (JournalEntry e : journal.ForEntity("person_protection", id)) {
    if (notes_withheld && e.field == "notes") e.before = e.after = kWithheldValue;
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<JournalEntry>> CaseAccess::History(PersonId id) {
  pending_reads_.clear();
  Result<Facts> facts = CheckRead(Action::kReadPeople, id, "read people");
  if (!facts.ok()) return facts.status();
  Result<std::vector<PersonLink>> links = FamilyLinks(id);
  if (!links.ok()) return links.status();
  Result<Person> person = PersonRepository(db_).Get(id);
  if (!person.ok()) return person.status();
  const Withholding w = Withheld(principal_, *person, ProtectionFacts{facts->protected_person, InTeam(*facts)});
  w.Apply(*person);
  Result<std::vector<JournalEntry>> history = GuardStorage("history", [&]() -> Result<std::vector<JournalEntry>> {
    std::vector<JournalEntry> out = PersonJournal(id, w.Names(), person->location);
    std::set<std::string> shown;
    for (const JournalEntry& e : out)
      for (const std::string& group : ShownGroups(e)) shown.insert(group);
    JournalRepository journal(db_);
    for (JournalEntry& e : journal.ForEntity("family_assignment", id)) out.push_back(std::move(e));
    if (Allowed(principal_, Action::kReadWorkflow))
      for (const std::string& entity : WorkflowEntities(facts->role))
        for (JournalEntry& e : journal.ForEntity(entity, id))
          if (e.field != "*") out.push_back(std::move(e));
    for (const PersonLink& l : *links)
      for (JournalEntry& e : journal.ForEntity("family_link", l.link.id)) out.push_back(std::move(e));
    if (!shown.empty()) QueueRead(id, "history: " + Joined(shown));
    return out;
  });
  if (!history.ok()) return history;
  if (Status s = FlushReads(); !s.ok()) return s;
  return history;
}

}  // namespace reunite
