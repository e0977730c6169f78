#include "store/repositories.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "ingest/fold.h"
#include "store/row_readers.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

// Runs `work` (returning T or Result<T>) for a read whose contract has no Status:
// a storage error is logged and read as "nothing found".
template <typename T, typename Work>
T OrEmpty(const char* what, Work&& work) {
  Result<T> r = GuardStorage(what, [&]() -> Result<T> { return work(); });
  if (r.ok()) return std::move(r).value();
  spdlog::error("{}", r.status().ToString());
  return T{};
}

// A LIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally
// (used with ESCAPE '\').
std::string ContainsPattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace

Result<Person> PersonRepository::Get(PersonId id) {
  return GuardStorage("get person", [&]() -> Result<Person> {
    const long long key = id;
    auto people = SelectPeople(db_.session(), "WHERE id = :id", BindId(key));
    if (!people.ok()) return people.status();
    if (people->empty()) return Status::NotFound("no person " + std::to_string(id));
    return std::move(people->front());
  });
}

Result<std::vector<Person>> PersonRepository::GetMany(const std::vector<PersonId>& ids) {
  return GuardStorage("get people", [&]() -> Result<std::vector<Person>> { return SelectPeopleByIds(db_, ids); });
}

std::vector<Person> PersonRepository::Find(const PersonQuery& query) {
  const std::string role = query.role ? ToString(*query.role) : "";
  const std::string pattern = ContainsPattern(FoldForSearch(query.text));
  std::string tail = "WHERE 1 = 1";
  if (query.role) tail += " AND role = :role";
  // Names and A-numbers are in the folded search_key; a source's record ids are
  // matched on their own table (a person may have several).
  if (!query.text.empty())
    tail += " AND (search_key LIKE :p1 ESCAPE '\\' OR EXISTS (SELECT 1 FROM source_records r"
            " WHERE r.person_id = people.id AND LOWER(r.record_id) LIKE :p2 ESCAPE '\\'))";
  tail += " ORDER BY id LIMIT " + std::to_string(std::max(query.limit, 0)) + " OFFSET " +
          std::to_string(std::max(query.offset, 0));
  return OrEmpty<std::vector<Person>>("find people", [&] {
    return SelectPeople(db_.session(), tail, [&](soci::statement& st) {
      if (query.role) st.exchange(soci::use(role));
      if (!query.text.empty()) {
        st.exchange(soci::use(pattern));
        st.exchange(soci::use(pattern));
      }
    });
  });
}

std::set<PersonId> PersonRepository::ChildrenNamed(const std::string& name) {
  const std::string p1 = ContainsPattern(FoldForSearch(name)), p2 = p1;
  std::set<PersonId> out;
  long long id = 0;
  soci::statement st = (db_.session().prepare
                            << "SELECT id FROM people WHERE role = 'child' AND search_key LIKE :p1 ESCAPE '\\' "
                               "UNION SELECT l.child_id FROM family_links l JOIN people a ON a.id = l.adult_id "
                               "WHERE l.verification <> 'rejected' AND a.search_key LIKE :p2 ESCAPE '\\'",
                        soci::use(p1), soci::use(p2), soci::into(id));
  for (st.execute(); st.fetch();) out.insert(id);
  return out;
}

Status PersonRepository::ForEach(const std::function<Status(Person&&)>& visit, std::optional<Role> role,
                                 const std::vector<std::string>* columns) {
  const std::string role_text = role ? ToString(*role) : "";
  const std::string tail = std::string(role ? "WHERE role = :role " : "") + "ORDER BY id";
  std::vector<std::string> with_role;
  if (columns) {
    with_role = *columns;
    if (std::find(with_role.begin(), with_role.end(), "role") == with_role.end()) with_role.push_back("role");
  }
  return GuardStorage("read people", [&]() -> Status {
    return ForEachSelectedPerson(db_.session(), tail, [&](soci::statement& st) {
      if (role) st.exchange(soci::use(role_text));
    }, visit, columns ? &with_role : nullptr);
  });
}

long PersonRepository::Count(std::optional<Role> role) {
  return OrEmpty<long>("count people", [&] {
    long long n = 0;
    if (role) {
      std::string r = ToString(*role);
      db_.session() << "SELECT COUNT(*) FROM people WHERE role = :role", soci::use(r), soci::into(n);
    } else {
      db_.session() << "SELECT COUNT(*) FROM people", soci::into(n);
    }
    return static_cast<long>(n);
  });
}

std::vector<SourceRow> PersonRepository::Provenance(PersonId id) {
  return OrEmpty<std::vector<SourceRow>>("provenance", [&] {
    long long key = id, line = 0, person = 0;
    SourceRow row;
    soci::statement st = (db_.session().prepare
                              << "SELECT id, source, record_id, file_name, line, raw, person_id, imported_at "
                                 "FROM source_rows WHERE person_id = :id ORDER BY id",
                          soci::into(row.id), soci::into(row.source), soci::into(row.record_id),
                          soci::into(row.file_name), soci::into(line), soci::into(row.raw), soci::into(person),
                          soci::into(row.imported_at), soci::use(key));
    std::vector<SourceRow> rows;
    for (st.execute(); st.fetch();) {
      row.line = static_cast<long>(line);
      row.person_id = person;
      rows.push_back(row);
    }
    return rows;
  });
}

std::optional<PersonId> PersonRepository::FindBySourceRecord(const std::string& source,
                                                             const std::string& record_id) {
  return OrEmpty<std::optional<PersonId>>("find source record", [&]() -> std::optional<PersonId> {
    long long person = 0;
    soci::statement st = (db_.session().prepare << "SELECT person_id FROM source_records "
                                                   "WHERE source = :s AND record_id = :r",
                          soci::use(source), soci::use(record_id), soci::into(person));
    if (!st.execute(true)) return std::nullopt;
    return person;
  });
}

std::vector<RecordKey> PersonRepository::RecordKeys(const std::string& source) {
  return OrEmpty<std::vector<RecordKey>>("record keys", [&] {
    RecordKey key;
    long long person = 0;
    soci::statement st = (db_.session().prepare << "SELECT record_id, person_id, row_hash FROM source_records "
                                                   "WHERE source = :s ORDER BY record_id",
                          soci::use(source), soci::into(key.record_id), soci::into(person),
                          soci::into(key.row_hash));
    std::vector<RecordKey> keys;
    for (st.execute(); st.fetch();) {
      key.person_id = person;
      keys.push_back(key);
    }
    return keys;
  });
}

Family PersonRepository::GetFamily(PersonId child_id) {
  const long long key = child_id;
  Family family{child_id, {}};
  family.links = OrEmpty<std::vector<FamilyLink>>("family", [&] {
    return SelectLinks(db_.session(), "WHERE child_id = :id ORDER BY id", BindId(key));
  });
  return family;
}

std::vector<FamilyLink> PersonRepository::LinksOfAdult(PersonId adult_id) {
  const long long key = adult_id;
  return OrEmpty<std::vector<FamilyLink>>("links of adult", [&] {
    return SelectLinks(db_.session(), "WHERE adult_id = :id ORDER BY id", BindId(key));
  });
}

std::vector<JournalEntry> JournalRepository::ForEntity(const std::string& entity, std::int64_t id) {
  return OrEmpty<std::vector<JournalEntry>>("journal", [&] {
    long long key = id, row_id = 0, entity_id = 0;
    JournalEntry e;
    soci::statement st = (db_.session().prepare
                              << "SELECT id, actor, at, entity, entity_id, field, before_value, after_value, "
                                 "reason FROM journal WHERE entity = :e AND entity_id = :id ORDER BY id",
                          soci::into(row_id), soci::into(e.actor), soci::into(e.at), soci::into(e.entity),
                          soci::into(entity_id), soci::into(e.field), soci::into(e.before), soci::into(e.after),
                          soci::into(e.reason), soci::use(entity), soci::use(key));
    std::vector<JournalEntry> entries;
    for (st.execute(); st.fetch();) {
      e.id = row_id;
      e.entity_id = entity_id;
      entries.push_back(e);
    }
    return entries;
  });
}

long JournalRepository::Count() {
  return OrEmpty<long>("count journal", [&] {
    long long n = 0;
    db_.session() << "SELECT COUNT(*) FROM journal", soci::into(n);
    return static_cast<long>(n);
  });
}

}  // namespace reunite
