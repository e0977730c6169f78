// CaseWriter's writes for access control data that is case data too: which field
// team a family is assigned to, and whether a person is at risk. They decide who
// may see a person's location, so they change only here, journaled like the rest.
#include "store/case_writer.h"
#include "store/case_writer_impl.h"
#include "store/row_readers.h"
#include "store/storage_guard.h"

namespace reunite {

Result<std::string> CaseWriter::SetFamilyAssignment(PersonId child_id, const std::string& team,
                                                    const std::string& reason) {
  return GuardStorage("set family assignment", [&]() -> Result<std::string> {
    soci::session& session = impl_->session;
    std::optional<Role> role = StoredRole(session, child_id);
    if (!role) return Status::NotFound("no person " + std::to_string(child_id));
    if (*role != Role::kChild)
      return Status::InvalidArgument("person " + std::to_string(child_id) + " is not a child; assign the child's family");
    long long id = child_id;
    std::string before;
    session << "SELECT team FROM family_assignments WHERE child_id = :id", soci::into(before), soci::use(id);
    if (before == team) return before;
    const std::string now = impl_->clock.NowIso();
    session << "DELETE FROM family_assignments WHERE child_id = :id", soci::use(id);
    if (!team.empty())
      session << "INSERT INTO family_assignments (child_id, team, assigned_at, assigned_by) "
                 "VALUES (:id, :team, :at, :by)",
          soci::use(id), soci::use(team), soci::use(now), soci::use(impl_->actor);
    impl_->Journal("family_assignment", id, "team", before, team, reason);
    return before;
  });
}

Result<int> CaseWriter::SetPersonProtection(PersonId person_id, bool at_risk, const std::string& notes,
                                            const std::string& reason) {
  return GuardStorage("set person protection", [&]() -> Result<int> {
    soci::session& session = impl_->session;
    if (!StoredRole(session, person_id)) return Status::NotFound("no person " + std::to_string(person_id));
    long long id = person_id;
    int old_risk = 0;
    std::string old_notes;
    session << "SELECT at_risk, notes FROM person_protection WHERE person_id = :id", soci::into(old_risk),
        soci::into(old_notes), soci::use(id);
    const bool existed = session.got_data();
    const int new_risk = at_risk ? 1 : 0;
    int changed = 0;
    if (old_risk != new_risk) ++changed;
    if (old_notes != notes) ++changed;
    if (changed == 0) return 0;
    const std::string now = impl_->clock.NowIso();
    if (existed)
      session << "UPDATE person_protection SET at_risk = :r, notes = :n, updated_at = :at WHERE person_id = :id",
          soci::use(new_risk), soci::use(notes), soci::use(now), soci::use(id);
    else
      session << "INSERT INTO person_protection (person_id, at_risk, notes, updated_at) VALUES (:id, :r, :n, :at)",
          soci::use(id), soci::use(new_risk), soci::use(notes), soci::use(now);
    if (old_risk != new_risk)
      impl_->Journal("person_protection", id, "at_risk", std::to_string(old_risk), std::to_string(new_risk), reason);
    if (old_notes != notes) impl_->Journal("person_protection", id, "notes", old_notes, notes, reason);
    return changed;
  });
}

}  // namespace reunite
