// Internal to store/: reading people and family links from rows, shared by the
// repositories and by CaseWriter (which reads the stored value before an update).
// These functions throw soci::soci_error; callers wrap them in GuardStorage.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/soci_includes.h"

#include "common/status.h"
#include "store/database.h"
#include "model/family.h"
#include "model/person.h"

namespace reunite {

// Adds the use() bindings of a query's placeholders, in order of appearance.
using Binder = std::function<void(soci::statement&)>;

// Runs "SELECT id, <person columns> FROM people <tail>" and returns the people in
// the query's order, ids set. An error when a stored value does not parse.
Result<std::vector<Person>> SelectPeople(soci::session& session, const std::string& tail,
                                         const Binder& bind);

// The people of `ids` that exist, in id order, on a statement kept prepared on
// `db` (ids are read sixteen at a time).
Result<std::vector<Person>> SelectPeopleByIds(Database& db, const std::vector<PersonId>& ids);

// Like SelectPeople, but hands each person to `visit` as it is read instead of
// keeping them all (for reading a whole table). Stops at the first non-OK Status
// from `visit` and returns it.
// `columns`, when given, are the only ones read (the other fields keep their defaults).
Status ForEachSelectedPerson(soci::session& session, const std::string& tail, const Binder& bind,
                             const std::function<Status(Person&&)>& visit,
                             const std::vector<std::string>* columns = nullptr);

// Runs "SELECT id, child_id, adult_id, relationship, verification FROM
// family_links <tail>". An error when a stored enum does not parse.
Result<std::vector<FamilyLink>> SelectLinks(soci::session& session, const std::string& tail,
                                            const Binder& bind);

// The role of person `id`, or nullopt when there is no such person.
std::optional<Role> StoredRole(soci::session& session, PersonId id);

// A Binder for a single 64-bit id; `id` must outlive the query.
Binder BindId(const long long& id);

}  // namespace reunite
