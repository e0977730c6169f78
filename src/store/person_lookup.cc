// PersonRepository::FindByLookup: the exact lookups behind a search box.
#include <algorithm>
#include <set>

#include "store/person_fields.h"
#include "store/repositories.h"
#include "store/row_readers.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

std::string UpperAscii(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

// A LIKE pattern for a whole item of a stored list (items joined by kListSeparator);
// the caller checks the item exactly, since '_' and '%' may be in the text.
std::string ItemPattern(const std::string& item) { return "%" + item + "%"; }

}  // namespace

Result<std::vector<std::pair<Person, std::string>>> PersonRepository::FindByLookup(const LookupText& lookup) {
  return GuardStorage("find people by identifier", [&]() -> Result<std::vector<std::pair<Person, std::string>>> {
    std::vector<std::pair<Person, std::string>> out;
    std::set<PersonId> seen;
    auto keep = [&](Result<std::vector<Person>> people, const char* how,
                    const std::function<bool(const Person&)>& exact) -> Status {
      if (!people.ok()) return people.status();
      for (Person& p : *people) {
        if (exact && !exact(p)) continue;
        if (seen.insert(p.id).second) out.emplace_back(std::move(p), how);
      }
      return Status::Ok();
    };
    soci::session& sql = db_.session();
    if (!lookup.a_number.empty()) {
      const std::string a = lookup.a_number;
      Status s = keep(SelectPeople(sql, "WHERE a_number = :a ORDER BY id LIMIT 200",
                                   [&](soci::statement& st) { st.exchange(soci::use(a)); }),
                      "a_number", nullptr);
      if (!s.ok()) return s;
    }
    for (const std::string& phone : lookup.phones) {
      const std::string pattern = ItemPattern(phone);
      Status s = keep(SelectPeople(sql, "WHERE phones LIKE :p ORDER BY id LIMIT 200",
                                   [&](soci::statement& st) { st.exchange(soci::use(pattern)); }),
                      "phone", [&](const Person& p) {
                        return std::find(p.phones.begin(), p.phones.end(), phone) != p.phones.end();
                      });
      if (!s.ok()) return s;
    }
    if (!lookup.record_id.empty()) {
      const std::string as_typed = lookup.record_id, upper = UpperAscii(lookup.record_id);
      Status s = keep(SelectPeople(sql,
                                   "WHERE id IN (SELECT person_id FROM source_records WHERE record_id = :r1 "
                                   "OR record_id = :r2) ORDER BY id LIMIT 200",
                                   [&](soci::statement& st) {
                                     st.exchange(soci::use(as_typed));
                                     st.exchange(soci::use(upper));
                                   }),
                      "record_id", nullptr);
      if (!s.ok()) return s;
    }
    if (lookup.person_id) {
      const long long id = *lookup.person_id;
      Status s = keep(SelectPeople(sql, "WHERE id = :id", BindId(id)), "person_id", nullptr);
      if (!s.ok()) return s;
    }
    return out;
  });
}

}  // namespace reunite
