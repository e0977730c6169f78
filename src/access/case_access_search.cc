// CaseAccess::SearchPeople: identifiers looked up exactly, names searched fuzzily,
// both limited to what the principal may read.
#include <algorithm>
#include <set>

#include "access/case_access.h"
#include "access/policy.h"
#include "access/search_service.h"
#include "ingest/lookup_text.h"
#include "store/repositories.h"

namespace reunite {

namespace {

bool Passes(const Person& p, const std::optional<Role>& role, const SearchFilter& filter) {
  if (role && p.role != *role) return false;
  if (!filter.country.empty() && p.nationality != filter.country) return false;
  if (filter.birth_year && (p.birth.precision == DatePrecision::kUnknown || p.birth.date.year != *filter.birth_year))
    return false;
  return true;
}

}  // namespace

Result<std::vector<SearchResult>> CaseAccess::SearchPeople(SearchService& search, const match::SearchQuery& query,
                                                           const SearchFilter& filter) {
  if (!Allowed(principal_, Action::kReadPeople)) return Deny("read people");
  if (Status s = AuditLookup("search_people", "'" + query.name + "', limit " + std::to_string(query.limit)); !s.ok())
    return s;
  std::optional<std::set<PersonId>> scope;
  if (TeamScoped(principal_)) {
    Result<std::set<PersonId>> team = search.TeamScope(principal_.team);
    if (!team.ok()) return team.status();
    scope = std::move(*team);
  }
  auto in_scope = [&](PersonId id) { return !scope || scope->count(id) > 0; };
  const std::size_t limit = static_cast<std::size_t>(std::max(query.limit, 0));
  std::vector<std::pair<Person, std::string>> found;  // person, found_by ("" for a name hit)
  std::vector<match::SearchHit> hits;
  Result<const std::set<PersonId>*> protected_people = ProtectedSet();
  if (!protected_people.ok()) return protected_people.status();
  // Finding someone by a number the reader may not see would tell the number's owner.
  auto may_see_phones = [&](const Person& p) {
    const ProtectionFacts facts{(*protected_people)->count(p.id) > 0, scope.has_value() && in_scope(p.id)};
    return !Withheld(principal_, p, facts).phones;
  };
  const LookupText lookup = ReadLookupText(query.name);
  if (!lookup.empty()) {
    Result<std::vector<std::pair<Person, std::string>>> exact = PersonRepository(db_).FindByLookup(lookup);
    if (!exact.ok()) return exact.status();
    for (auto& [person, how] : *exact) {
      if (found.size() >= limit) break;
      if (how == "phone" && !may_see_phones(person)) continue;
      if (in_scope(person.id) && Passes(person, query.role, filter)) {
        hits.push_back({person.id, 1.0, ""});
        found.emplace_back(std::move(person), how);
      }
    }
  }
  if (!lookup.identifier_only && found.size() < limit) {
    match::SearchQuery q = query;
    // A team's people, or a filter's, are a small part of the index: score more so
    // that enough of them come through.
    if (scope || !filter.empty()) q.limit = std::max(q.limit, q.max_candidates);
    Result<std::vector<match::SearchHit>> fuzzy = search.Search(q, &db_);
    if (!fuzzy.ok()) return fuzzy.status();
    std::set<PersonId> seen;
    for (const auto& f : found) seen.insert(f.first.id);
    std::vector<const match::SearchHit*> kept;
    for (const match::SearchHit& hit : *fuzzy)
      if (in_scope(hit.id) && !seen.count(hit.id)) kept.push_back(&hit);
    // Without a filter only the page's people are read; with one, every candidate.
    if (filter.empty() && kept.size() > limit - found.size()) kept.resize(limit - found.size());
    std::vector<PersonId> ids;
    for (const match::SearchHit* hit : kept) ids.push_back(hit->id);
    Result<std::vector<Person>> people = PersonRepository(db_).GetMany(ids);
    if (!people.ok()) return people.status();
    for (const match::SearchHit* hit : kept) {
      if (found.size() >= limit) break;
      auto person = std::lower_bound(people->begin(), people->end(), hit->id,
                                     [](const Person& p, PersonId id) { return p.id < id; });
      if (person == people->end() || person->id != hit->id) continue;  // removed since the index was refreshed
      if (!Passes(*person, query.role, filter)) continue;
      hits.push_back(*hit);
      found.emplace_back(std::move(*person), "");
    }
  }
  // The protection flags of the people found, in two queries, not a few per hit.
  std::vector<PersonId> ids;
  for (const auto& f : found) ids.push_back(f.first.id);
  Result<std::set<PersonId>> at_risk = AtRiskAmong(ids);
  if (!at_risk.ok()) return at_risk.status();
  std::vector<SearchResult> out;
  for (std::size_t i = 0; i < found.size(); ++i) {
    Person& person = found[i].first;
    person.location = Location{};
    person.phones.clear();
    person.custody.removal_country.clear();
    const PersonId id = person.id;
    out.push_back({hits[i], found[i].second, std::move(person), at_risk->count(id) > 0,
                   (*protected_people)->count(id) > 0});
  }
  return out;
}

}  // namespace reunite
