// CaseAccess's writes: each checks the role and the team scope, then writes
// through CaseWriter (the journal) and the audit log in one transaction.
#include "access/case_access.h"
#include "store/repositories.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

// Runs `work(writer)` in a transaction, with `audit` appended before commit, so a
// write and its audit entry are stored together or not at all.
template <typename T, typename Work>
Result<T> Transact(Database& db, const std::string& actor, Clock& clock, const char* what, Work&& work) {
  return GuardStorage(what, [&]() -> Result<T> {
    soci::transaction tx(db.session());
    CaseWriter writer(db, actor, clock);
    Result<T> r = work(writer);
    if (r.ok()) tx.commit();
    return r;
  });
}

// The free text of a protection or assignment change: InvalidArgument naming the
// field when it is too long, holds control characters (a team name or reason is one
// line; notes may hold line breaks) or is required and blank.
Status CheckText(const char* field, const std::string& value, std::size_t max, bool required, bool multiline) {
  if (value.size() > max)
    return Status::InvalidArgument(std::string(field) + ": too long (" + std::to_string(max) + " bytes at most)");
  for (unsigned char c : value)
    if ((c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f)
      return Status::InvalidArgument(std::string(field) + ": control characters are not allowed");
  if (required && value.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::InvalidArgument(std::string(field) + ": required (say why, for the journal)");
  return Status::Ok();
}

}  // namespace

Status CaseAccess::CheckWrite(Action action, PersonId id, const std::string& what) {
  if (!Allowed(principal_, action)) return Deny(what);
  Result<Facts> facts = LoadFacts(id);
  if (!facts.ok()) return facts.status();
  return CheckScope(*facts, id);
}

Result<int> CaseAccess::UpdatePerson(const Person& person, const std::string& reason) {
  if (Status s = CheckWrite(Action::kWriteCase, person.id, "change case data"); !s.ok()) return s;
  Result<Facts> facts = LoadFacts(person.id);
  if (!facts.ok()) return facts.status();
  Result<Person> stored = PersonRepository(db_).Get(person.id);
  if (!stored.ok()) return stored.status();
  const ProtectionFacts protection{facts->protected_person, !principal_.team.empty() && std::find(facts->teams.begin(), facts->teams.end(), principal_.team) != facts->teams.end()};
  const Withholding w = Withheld(principal_, *stored, protection);
  // What the principal could not see they cannot change: keep the stored values.
  Person merged = person;
  if (w.home_location) {
    const std::string facility = merged.location.facility;
    merged.location = stored->location;
    if (!w.facility) merged.location.facility = facility;
  } else if (w.facility) {
    merged.location.facility = stored->location.facility;
  }
  if (w.phones) merged.phones = stored->phones;
  return Transact<int>(db_, principal_.username, clock_, "update person", [&](CaseWriter& writer) -> Result<int> {
    Result<int> changed = writer.UpdatePerson(merged, reason);
    if (!changed.ok() || *changed == 0) return changed;
    if (Status s = AppendAudit(db_, clock_, principal_, "update_person", "person", person.id,
                               std::to_string(*changed) + " fields: " + reason);
        !s.ok())
      return s;
    return changed;
  });
}

Result<LinkOutcome> CaseAccess::LinkFamily(const FamilyLink& link, const std::string& reason) {
  if (Status s = CheckWrite(Action::kWriteCase, link.child_id, "link families"); !s.ok()) return s;
  FamilyLink write = link;
  for (const FamilyLink& existing : PersonRepository(db_).GetFamily(link.child_id).links)
    if (existing.adult_id == link.adult_id) write.id = existing.id;
  return Transact<LinkOutcome>(db_, principal_.username, clock_, "link family",
                               [&](CaseWriter& writer) -> Result<LinkOutcome> {
    LinkOutcome outcome;
    if (write.id == 0) {
      Result<FamilyLinkId> id = writer.AddFamilyLink(write, reason);
      if (!id.ok()) return id.status();
      write.id = *id;
      outcome.created = true;
    } else {
      Result<int> changed = writer.UpdateFamilyLink(write, reason);
      if (!changed.ok()) return changed.status();
      outcome.fields_changed = *changed;
    }
    outcome.id = write.id;
    const std::string detail = "child " + std::to_string(write.child_id) + " adult " + std::to_string(write.adult_id) +
                               " " + ToString(write.relationship) + " " + ToString(write.verification);
    if (Status s = AppendAudit(db_, clock_, principal_, "link_family", "family_link", write.id, detail); !s.ok())
      return s;
    return outcome;
  });
}

Status CaseAccess::SetAtRisk(PersonId id, bool at_risk, const std::optional<std::string>& new_notes,
                             const std::string& reason) {
  if (Status s = CheckWrite(Action::kSetProtection, id, "change protection"); !s.ok()) return s;
  Result<Facts> facts = LoadFacts(id);
  if (!facts.ok()) return facts.status();
  // Lifting protection, reading and putting it back would leave no trace but the
  // journal: only coordinators and admins may lift it.
  if (facts->at_risk && !at_risk && !Allowed(principal_, Action::kRemoveProtection))
    return Deny("remove protection");
  const std::string notes = new_notes ? *new_notes : facts->notes;
  if (Status s = CheckText("notes", notes, kMaxProtectionNotes, false, true); !s.ok()) return s;
  if (Status s = CheckText("reason", reason, kMaxReason, true, false); !s.ok()) return s;
  protected_.reset();  // who is protected may change with this write
  return Transact<int>(db_, principal_.username, clock_, "set protection", [&](CaseWriter& writer) -> Result<int> {
    Result<int> changed = writer.SetPersonProtection(id, at_risk, notes, reason);
    if (!changed.ok()) return changed;
    // The notes themselves stay out of the audit log, which auditors read.
    if (Status s = AppendAudit(db_, clock_, principal_, "set_protection", "person", id,
                               std::string("at_risk=") + (at_risk ? "1" : "0") + ": " + reason);
        !s.ok())
      return s;
    if (facts->at_risk && !at_risk)
      if (Status s = AppendAudit(db_, clock_, principal_, "remove_protection", "person", id, reason); !s.ok())
        return s;
    return changed;
  }).status();
}

Status CaseAccess::AssignFamily(PersonId child_id, const std::string& team, const std::string& reason) {
  if (Status s = CheckWrite(Action::kAssignFamilies, child_id, "assign families"); !s.ok()) return s;
  if (Status s = CheckText("team", team, kMaxTeam, false, false); !s.ok()) return s;
  if (!team.empty() && (team.front() == ' ' || team.back() == ' '))
    return Status::InvalidArgument("team: no leading or trailing spaces");
  if (Status s = CheckText("reason", reason, kMaxReason, true, false); !s.ok()) return s;
  return Transact<std::string>(db_, principal_.username, clock_, "assign family",
                               [&](CaseWriter& writer) -> Result<std::string> {
    Result<std::string> before = writer.SetFamilyAssignment(child_id, team, reason);
    if (!before.ok()) return before;
    if (Status s = AppendAudit(db_, clock_, principal_, "assign_family", "family_assignment", child_id,
                               "team '" + *before + "' -> '" + team + "': " + reason);
        !s.ok())
      return s;
    return before;
  }).status();
}

}  // namespace reunite
