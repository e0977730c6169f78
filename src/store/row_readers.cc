#include "store/row_readers.h"

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

}  // namespace

Binder BindId(const long long& id) {
  return [&id](soci::statement& st) { st.exchange(soci::use(id)); };
}

Status ForEachSelectedPerson(soci::session& session, const std::string& tail, const Binder& bind,
                             const std::function<Status(Person&&)>& visit) {
  long long id = 0;
  std::vector<std::string> values(PersonColumns().size());
  soci::statement st(session);
  st.exchange(soci::into(id));
  for (auto& v : values) st.exchange(soci::into(v));
  bind(st);
  st.alloc();
  st.prepare("SELECT id, " + Join(PersonColumns()) + " FROM people " + tail);
  st.define_and_bind();
  for (st.execute(); st.fetch();) {
    Result<Person> person = PersonFromValues(values);
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
