// Protection follows the person, not the record. A "protected person" is any
// record that is marked at risk, or that is (or may be) the same person as such a
// record:
//   - linked to it by an accepted duplicate candidate, transitively (two records
//     accepted as one person, a third accepted as the same as the second, ...);
//   - or in a pending (or withdrawn, which may be proposed again) duplicate
//     candidate with one of those records, and then everything accepted as the
//     same person as that record.
// A rejected candidate links nothing. access/ withholds the location and phones
// of every protected record as policy.h says for people at risk, on every route.
//
// Not cached between calls: callers read it once per request.
#pragma once
#include <set>

#include "common/status.h"
#include "model/person.h"
#include "store/database.h"

namespace reunite {

// Every protected record (see above). StorageError when the database fails.
Result<std::set<PersonId>> ProtectedPeople(Database& db);

// The records marked at risk themselves (person_protection.at_risk).
Result<std::set<PersonId>> AtRiskPeople(Database& db);

}  // namespace reunite
