#include "access/family_facts.h"

#include <soci/soci.h>

#include <algorithm>

namespace reunite {

namespace {

// " AND <column> IN (1,2,3)" for the ids given, "" for all; ids are integers, so
// literals are safe and one statement serves any number.
std::string OnlyIds(const char* column, const std::vector<PersonId>* ids) {
  if (!ids) return "";
  std::string out = std::string(" AND ") + column + " IN (";
  if (ids->empty()) return out + "0)";
  for (std::size_t i = 0; i < ids->size(); ++i) out += (i ? "," : "") + std::to_string((*ids)[i]);
  return out + ")";
}

int EligibilityRank(const std::string& status) {
  if (status == "ineligible") return 3;
  if (status == "under_review") return 2;
  if (status == "eligible") return 1;
  return 0;
}

// Runs `sql` (two BIGINT columns, then a text one) and calls visit(a, b, text).
template <typename Visit>
void ForEachRow(soci::session& s, const std::string& sql, Visit&& visit) {
  long long a = 0, b = 0;
  std::string text;
  soci::statement st = (s.prepare << sql, soci::into(a), soci::into(b), soci::into(text));
  for (st.execute(); st.fetch();) visit(static_cast<PersonId>(a), static_cast<PersonId>(b), text);
}

}  // namespace

int TracingRank(const std::string& state) {
  static const std::map<std::string, int> kRank = {{"located", 6},      {"in_contact", 5},    {"field_search", 4},
                                                   {"not_found", 3},    {"not_reachable", 2}, {"phone_attempted", 1}};
  auto it = kRank.find(state);
  return it == kRank.end() ? 0 : it->second;
}

bool Reached(const std::string& state) { return state == "located" || state == "in_contact"; }

std::map<PersonId, FamilyFacts> ReadFamilyFacts(Database& db, const std::vector<PersonId>* children) {
  soci::session& s = db.session();
  std::map<PersonId, FamilyFacts> out;
  if (children)
    for (PersonId c : *children) out[c];
  std::map<PersonId, std::vector<PersonId>> families_of;  // adult -> children
  {
    long long link_id = 0, child = 0, adult = 0;
    std::string rel, ver, department;
    soci::statement st = (s.prepare << "SELECT l.id, l.child_id, l.adult_id, l.relationship, l.verification, "
                                       "p.location_department FROM family_links l JOIN people p ON p.id = l.adult_id "
                                       "WHERE l.verification <> 'rejected'" +
                                           OnlyIds("l.child_id", children) + " ORDER BY l.id",
                          soci::into(link_id), soci::into(child), soci::into(adult), soci::into(rel), soci::into(ver),
                          soci::into(department));
    for (st.execute(); st.fetch();) {
      FamilyFacts& f = out[child];
      f.links.push_back({link_id, child, adult, RelationshipFromString(rel).value_or(Relationship::kOtherRelative),
                         VerificationFromString(ver).value_or(Verification::kClaimed)});
      f.adult_departments[adult] = department;
      families_of[adult].push_back(child);
    }
  }
  std::vector<PersonId> adults;
  for (const auto& [adult, kids] : families_of) adults.push_back(adult);
  const std::vector<PersonId>* only_adults = children ? &adults : nullptr;
  auto each_family_of = [&](PersonId adult, auto&& apply) {
    auto it = families_of.find(adult);
    if (it != families_of.end())
      for (PersonId child : it->second) apply(out[child]);
  };
  ForEachRow(s, "SELECT adult_id, 0, state FROM tracing_states WHERE 1 = 1" + OnlyIds("adult_id", only_adults),
             [&](PersonId adult, PersonId, const std::string& state) {
               each_family_of(adult, [&](FamilyFacts& f) {
                 if (f.tracing.empty() || TracingRank(state) > TracingRank(f.tracing)) f.tracing = state;
               });
             });
  ForEachRow(s, "SELECT adult_id, 0, status FROM eligibility WHERE 1 = 1" + OnlyIds("adult_id", only_adults),
             [&](PersonId adult, PersonId, const std::string& status) {
               each_family_of(adult, [&](FamilyFacts& f) {
                 if (EligibilityRank(status) > EligibilityRank(f.eligibility)) f.eligibility = status;
               });
             });
  ForEachRow(s,
             "SELECT adult_id, 0, kind FROM eligibility_flags WHERE is_open = 1 AND contested = 1" +
                 OnlyIds("adult_id", only_adults),
             [&](PersonId adult, PersonId, const std::string&) {
               each_family_of(adult, [](FamilyFacts& f) { f.contested = true; });
             });
  ForEachRow(s,
             "SELECT d.child_id, 0, h.kind FROM decisions d JOIN decision_history h ON h.id = d.history_id WHERE 1 = 1" +
                 OnlyIds("d.child_id", children),
             [&](PersonId child, PersonId, const std::string& kind) { out[child].decision = kind; });
  ForEachRow(s, "SELECT child_id, 0, plan FROM logistics_plans WHERE 1 = 1" + OnlyIds("child_id", children),
             [&](PersonId child, PersonId, const std::string&) { out[child].reunifying = true; });
  ForEachRow(s, "SELECT child_id, 0, reason FROM closures WHERE 1 = 1" + OnlyIds("child_id", children),
             [&](PersonId child, PersonId, const std::string&) { out[child].closed = true; });
  auto earlier = [](FamilyFacts& f, const std::string& due) {
    if (f.next_deadline.empty() || due < f.next_deadline) f.next_deadline = due;
  };
  ForEachRow(s, "SELECT child_id, adult_id, due_at FROM deadlines WHERE done_at = ''",
             [&](PersonId child, PersonId adult, const std::string& due) {
               if (child != 0 && (!children || out.count(child))) earlier(out[child], due);
               if (adult != 0) each_family_of(adult, [&](FamilyFacts& f) { earlier(f, due); });
             });
  for (auto& [child, f] : out) {
    if (f.closed) f.reunifying = false;
  }
  return out;
}

}  // namespace reunite
