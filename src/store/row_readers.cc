#include "store/row_readers.h"

#include <optional>

#include <algorithm>
#include <array>

#include "store/person_fields.h"

namespace reunite {

namespace {

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

Result<FamilyLink> LinkFromRow(long long id, long long child, long long adult, const std::string& rel,
                               const std::string& ver) {
  auto relationship = RelationshipFromString(rel);
  auto verification = VerificationFromString(ver);
  if (!relationship || !verification)
    return Status::InvalidArgument("family link " + std::to_string(id) + " has an unknown relationship '" +
                                   rel + "' or verification '" + ver + "'");
  return FamilyLink{id, child, adult, *relationship, *verification};
}

// "SELECT ... WHERE id IN (16 placeholders)", prepared once per connection; unused
// places hold 0, which is never an id.
struct PeopleByIds {
  static constexpr std::size_t kIds = 16;
  long long id = 0;
  std::vector<std::string> values;
  std::array<long long, kIds> keys{};
  soci::statement st;
  explicit PeopleByIds(soci::session& session) : values(PersonColumns().size()), st(session) {
    st.exchange(soci::into(id));
    for (auto& v : values) st.exchange(soci::into(v));
    std::string in;
    for (std::size_t i = 0; i < kIds; ++i) {
      st.exchange(soci::use(keys[i]));
      in += (i ? ", :k" : ":k") + std::to_string(i);
    }
    st.alloc();
    st.prepare("SELECT id, " + Join(PersonColumns()) + " FROM people WHERE id IN (" + in + ")");
    st.define_and_bind();
  }
};

}  // namespace

Result<std::vector<Person>> SelectPeopleByIds(Database& db, const std::vector<PersonId>& ids) {
  std::shared_ptr<void>& slot = db.Prepared("people_by_ids");
  std::vector<Person> people;
  try {
    if (!slot) slot = std::make_shared<PeopleByIds>(db.session());
    auto& q = *static_cast<PeopleByIds*>(slot.get());
    for (std::size_t from = 0; from < ids.size(); from += PeopleByIds::kIds) {
      for (std::size_t i = 0; i < PeopleByIds::kIds; ++i)
        q.keys[i] = from + i < ids.size() ? ids[from + i] : 0;
      for (q.st.execute(); q.st.fetch();) {
        Result<Person> person = PersonFromValues(q.values);
        if (!person.ok())
          return Status::InvalidArgument("person " + std::to_string(q.id) + ": " + person.status().message());
        person->id = q.id;
        people.push_back(std::move(*person));
      }
    }
  } catch (...) {
    slot.reset();  // a statement that failed is prepared afresh next time
    throw;
  }
  std::sort(people.begin(), people.end(), [](const Person& a, const Person& b) { return a.id < b.id; });
  people.erase(std::unique(people.begin(), people.end(), [](const Person& a, const Person& b) { return a.id == b.id; }),
               people.end());
  return people;
}

Binder BindId(const long long& id) {
  return [&id](soci::statement& st) { st.exchange(soci::use(id)); };
}

Status ForEachSelectedPerson(soci::session& session, const std::string& tail, const Binder& bind,
                             const std::function<Status(Person&&)>& visit, const std::vector<std::string>* columns) {
  long long id = 0;
  const std::vector<std::string>& read = columns ? *columns : PersonColumns();
  std::optional<PartialPersonReader> partial;
  if (columns) {
    Result<PartialPersonReader> r = PartialPersonReader::For(*columns);
    if (!r.ok()) return r.status();
    partial = std::move(*r);
  }
  std::vector<std::string> values(read.size());
  soci::statement st(session);
  st.exchange(soci::into(id));
  for (auto& v : values) st.exchange(soci::into(v));
  bind(st);
  st.alloc();
  st.prepare("SELECT id, " + Join(read) + " FROM people " + tail);
  st.define_and_bind();
  for (st.execute(); st.fetch();) {
    Result<Person> person = partial ? partial->Read(values) : PersonFromValues(values);
    if (!person.ok())
      return Status::InvalidArgument("person " + std::to_string(id) + ": " + person.status().message());
    person->id = id;
    Status visited = visit(std::move(*person));
    if (!visited.ok()) return visited;
  }
  return Status::Ok();
}

Result<std::vector<Person>> SelectPeople(soci::session& session, const std::string& tail,
                                         const Binder& bind) {
  std::vector<Person> people;
  Status read = ForEachSelectedPerson(session, tail, bind, [&](Person&& p) {
    people.push_back(std::move(p));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  return people;
}

Result<std::vector<FamilyLink>> SelectLinks(soci::session& session, const std::string& tail,
                                            const Binder& bind) {
  long long id = 0, child = 0, adult = 0;
  std::string rel, ver;
  soci::statement st(session);
  st.exchange(soci::into(id));
  st.exchange(soci::into(child));
  st.exchange(soci::into(adult));
  st.exchange(soci::into(rel));
  st.exchange(soci::into(ver));
  bind(st);
  st.alloc();
  st.prepare("SELECT id, child_id, adult_id, relationship, verification FROM family_links " + tail);
  st.define_and_bind();
  std::vector<FamilyLink> links;
  for (st.execute(); st.fetch();) {
    Result<FamilyLink> link = LinkFromRow(id, child, adult, rel, ver);
    if (!link.ok()) return link.status();
    links.push_back(*link);
  }
  return links;
}

std::optional<Role> StoredRole(soci::session& session, PersonId id) {
  long long key = id;
  std::string role;
  soci::statement st = (session.prepare << "SELECT role FROM people WHERE id = :id", soci::use(key),
                        soci::into(role));
  if (!st.execute(true)) return std::nullopt;
  return RoleFromString(role);
}

}  // namespace reunite
