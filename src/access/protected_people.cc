#include "access/protected_people.h"

#include <algorithm>
#include <string>
#include <vector>

#include "store/storage_guard.h"

namespace reunite {

namespace {

// Ids per statement: integer literals, so one statement for a batch of any size.
constexpr std::size_t kBatch = 500;

std::string IdList(const std::vector<PersonId>& ids, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (i > from ? "," : "") + std::to_string(ids[i]);
  return out;
}

// The other records of the duplicate candidates with `statuses` that hold one of `from`.
std::set<PersonId> DuplicatesOf(soci::session& sql, const std::set<PersonId>& from, const char* statuses) {
  std::set<PersonId> out;
  const std::vector<PersonId> ids(from.begin(), from.end());
  for (std::size_t at = 0; at < ids.size(); at += kBatch) {
    const std::string list = IdList(ids, at, std::min(ids.size(), at + kBatch));
    const std::string text = std::string("SELECT left_id, right_id FROM review_candidates WHERE kind = 'duplicate' "
                                         "AND status IN (") + statuses + ") AND (left_id IN (" + list +
                             ") OR right_id IN (" + list + "))";
    long long left = 0, right = 0;
    soci::statement st = (sql.prepare << text, soci::into(left), soci::into(right));
    for (st.execute(); st.fetch();) {
      out.insert(left);
      out.insert(right);
    }
  }
  return out;
}

// `people` and every record accepted as the same person as one of them, transitively.
void AddAcceptedDuplicates(soci::session& sql, std::set<PersonId>& people) {
  std::set<PersonId> frontier = people;
  while (!frontier.empty()) {
    std::set<PersonId> next;
    for (PersonId id : DuplicatesOf(sql, frontier, "'accepted'"))
      if (people.insert(id).second) next.insert(id);
    frontier.swap(next);
  }
}

}  // namespace

Result<std::set<PersonId>> AtRiskPeople(Database& db) {
  return GuardStorage("protection facts", [&]() -> Result<std::set<PersonId>> {
    std::set<PersonId> out;
    long long id = 0;
    soci::statement st =
        (db.session().prepare << "SELECT person_id FROM person_protection WHERE at_risk <> 0", soci::into(id));
    for (st.execute(); st.fetch();) out.insert(id);
    return out;
  });
}

Result<std::set<PersonId>> ProtectedPeople(Database& db) {
  Result<std::set<PersonId>> at_risk = AtRiskPeople(db);
  if (!at_risk.ok()) return at_risk;
  return GuardStorage("protected people", [&]() -> Result<std::set<PersonId>> {
    std::set<PersonId> people = std::move(*at_risk);
    if (people.empty()) return people;
    soci::session& sql = db.session();
    AddAcceptedDuplicates(sql, people);
    // A record that may be the same person is protected until a reviewer says it is not.
    std::set<PersonId> maybe;
    for (PersonId id : DuplicatesOf(sql, people, "'pending','withdrawn'"))
      if (!people.count(id)) maybe.insert(id);
    if (maybe.empty()) return people;
    AddAcceptedDuplicates(sql, maybe);
    people.insert(maybe.begin(), maybe.end());
    return people;
  });
}

}  // namespace reunite
