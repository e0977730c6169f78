// CaseAccess and protection that follows the person: the protected records
// (access/protected_people.h), what one principal may not see of one person, and
// the removals of protection that the person page and the coordinators'
// dashboard show (read from the change journal, which holds who, when and why).
#include "access/case_access.h"
#include "access/protected_people.h"
#include "store/storage_guard.h"

#include <algorithm>

namespace reunite {

Result<const std::set<PersonId>*> CaseAccess::ProtectedSet() {
  if (!protected_) {
    Result<std::set<PersonId>> people = reunite::ProtectedPeople(db_);
    if (!people.ok()) return people.status();
    protected_ = std::move(*people);
  }
  return &*protected_;
}

Result<CaseAccess::PersonWithholding> CaseAccess::WithholdingFor(PersonId id) {
  Result<Facts> facts = LoadFacts(id);
  if (!facts.ok()) return facts.status();
  Person person;
  person.id = id;
  person.role = facts->role;
  const bool in_team = !principal_.team.empty() &&
                       std::find(facts->teams.begin(), facts->teams.end(), principal_.team) != facts->teams.end();
  return PersonWithholding{Withheld(principal_, person, ProtectionFacts{facts->protected_person, in_team}),
                           facts->protected_person};
}

// The journal's at_risk entries of the person, newest first; the first that took
// protection away.
Result<std::optional<ProtectionRemoval>> CaseAccess::LastRemoval(PersonId id, bool with_reason) {
  return GuardStorage("protection removals", [&]() -> Result<std::optional<ProtectionRemoval>> {
    const long long key = id;
    std::string actor, at, reason;
    soci::session& sql = db_.session();
    sql << "SELECT actor, at, reason FROM journal WHERE entity = 'person_protection' AND entity_id = :id "
           "AND field = 'at_risk' AND before_value = '1' AND after_value = '0' ORDER BY id DESC LIMIT 1",
        soci::use(key), soci::into(actor), soci::into(at), soci::into(reason);
    if (!sql.got_data()) return std::optional<ProtectionRemoval>();
    return std::optional<ProtectionRemoval>(ProtectionRemoval{actor, at, with_reason ? reason : ""});
  });
}

Result<std::vector<ProtectionRemovalNotice>> CaseAccess::ProtectionRemovals(int within_days, int limit) {
  if (!Allowed(principal_, Action::kRemoveProtection)) return Deny("read removals of protection");
  const std::string since = MillisToIso(IsoToMillis(clock_.NowIso()) - within_days * 24LL * 60 * 60 * 1000);
  return GuardStorage("protection removals", [&]() -> Result<std::vector<ProtectionRemovalNotice>> {
    std::vector<ProtectionRemovalNotice> out;
    long long id = 0;
    std::string actor, at, reason;
    const std::string me = principal_.username;
    soci::statement st = (db_.session().prepare
                              << "SELECT entity_id, actor, at, reason FROM journal WHERE entity = 'person_protection' "
                                 "AND field = 'at_risk' AND before_value = '1' AND after_value = '0' AND at >= :since "
                                 "AND actor <> :me ORDER BY id DESC LIMIT " + std::to_string(std::max(limit, 0)),
                          soci::use(since), soci::use(me), soci::into(id), soci::into(actor), soci::into(at),
                          soci::into(reason));
    for (st.execute(); st.fetch();) out.push_back({id, {actor, at, reason}});
    return out;
  });
}

}  // namespace reunite
