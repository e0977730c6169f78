#include "match/family_candidates.h"

#include <algorithm>
#include <set>
#include <thread>

#include "match/nicknames.h"
#include "match/phonetic.h"

namespace reunite::match {
namespace {

// The sound keys a reported given name may stand for: its own and its formal names'
// ("Chepe" also blocks with "José").
std::vector<std::string> NameKeys(const FamilyName& n) {
  std::vector<std::string> keys;
  if (!n.text.phonetic.empty()) keys.push_back(n.text.phonetic);
  for (size_t i = 1; i < n.formal.size(); ++i) {
    std::string k = PhoneticKey(n.formal[i]);
    if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  return keys;
}

void AddKey(std::string* items, const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return;
  if (!items->empty()) *items += ';';
  *items += a + "|" + b;
}

std::string ApprehensionKey(const ListRow& row) {
  const Person& p = row.person;
  if (p.apprehension_date.empty() || p.apprehension_place.empty()) return "";
  return p.apprehension_date.ToIso() + "|" + p.apprehension_place;
}

// Column names are shared by both sides; each side fills them with its own view:
//   parent:  a child's reported parent (name + the child's surname) / an adult's
//            first given name + first surname;
//   named:   an adult's reported child (name + the adult's first surname) / a
//            child's first given name + each of its surnames;
const std::vector<std::string> kColumns = {"id", "apprehension", "parent", "named"};

Dataset ChildKeys(const std::vector<FamilyRecord>& records, const std::vector<ListRow>& rows) {
  Dataset d;
  d.name = "children";
  d.column_names = kColumns;
  d.columns.assign(kColumns.size(), {});
  for (size_t i = 0; i < records.size(); ++i) {
    const FamilyRecord& r = records[i];
    std::string parent, named;
    for (const auto& m : r.mentions) {
      if (m.names.empty() || m.kind == RelativeKind::kChild) continue;
      for (const auto& k : NameKeys(m.names.front())) {
        AddKey(&parent, k, r.paternal.phonetic);
        AddKey(&parent, k, r.maternal.phonetic);
        for (size_t j = 1; j < m.names.size(); ++j) AddKey(&parent, k, m.names[j].text.phonetic);
      }
    }
    if (!r.given.empty()) {
      AddKey(&named, r.given.front().text.phonetic, r.paternal.phonetic);
      AddKey(&named, r.given.front().text.phonetic, r.maternal.phonetic);
    }
    std::vector<std::string> values = {rows[i].record_id, ApprehensionKey(rows[i]), parent, named};
    d.ids.push_back(rows[i].record_id);
    for (size_t c = 0; c < values.size(); ++c) d.columns[c].push_back(std::move(values[c]));
  }
  return d;
}

Dataset AdultKeys(const std::vector<FamilyRecord>& records, const std::vector<ListRow>& rows) {
  Dataset d;
  d.name = "adults";
  d.column_names = kColumns;
  d.columns.assign(kColumns.size(), {});
  for (size_t i = 0; i < records.size(); ++i) {
    const FamilyRecord& r = records[i];
    std::string parent, named;
    if (!r.given.empty()) AddKey(&parent, r.given.front().text.phonetic, r.paternal.phonetic);
    for (const auto& m : r.mentions) {
      if (m.names.empty() || m.kind == RelativeKind::kFather || m.kind == RelativeKind::kMother) continue;
      for (const auto& k : NameKeys(m.names.front())) AddKey(&named, k, r.paternal.phonetic);
    }
    std::vector<std::string> values = {rows[i].record_id, ApprehensionKey(rows[i]), parent, named};
    d.ids.push_back(rows[i].record_id);
    for (size_t c = 0; c < values.size(); ++c) d.columns[c].push_back(std::move(values[c]));
  }
  return d;
}

}  // namespace

Result<std::vector<PairKey>> FamilyCandidatePairs(const std::vector<FamilyRecord>& children,
                                                  const std::vector<FamilyRecord>& adults,
                                                  const std::vector<ListRow>& child_rows,
                                                  const std::vector<ListRow>& adult_rows, BlockingReport* report) {
  LinkSettings settings;
  settings.link_type = LinkType::kLink;
  settings.unique_id_column = "id";
  // A surname with the apprehension date alone was tried and dropped: on big lists it
  // pairs every García with every García apprehended that day.
  for (const char* text : {"apprehension", "parent.items", "named.items"}) {
    auto rule = ParseBlockingRule(text);
    if (!rule.ok()) return rule.status();
    settings.blocking_rules.push_back(std::move(*rule));
  }
  Dataset left = ChildKeys(children, child_rows), right = AdultKeys(adults, adult_rows);
  auto candidates = BlockPairs(settings, left, &right);
  if (!candidates.ok()) return candidates.status();
  if (report) *report = candidates->report;
  return std::move(candidates->pairs);
}

namespace {

template <typename T>
std::vector<T> Pick(const std::vector<T>& all, const std::vector<std::uint32_t>& rows) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (std::uint32_t r : rows) out.push_back(all[r]);
  return out;
}

}  // namespace

Result<FamilyScope> FamilyNeighbourhood(const std::vector<FamilyRecord>& children,
                                        const std::vector<FamilyRecord>& adults,
                                        const std::vector<ListRow>& child_rows, const std::vector<ListRow>& adult_rows,
                                        const std::vector<std::uint32_t>& changed_children,
                                        const std::vector<std::uint32_t>& changed_adults,
                                        const FellegiSunterModel& model, const FamilyFrequencies& frequencies,
                                        double floor) {
  std::set<std::uint32_t> kids(changed_children.begin(), changed_children.end());
  std::set<std::uint32_t> grown(changed_adults.begin(), changed_adults.end());
  // The apprehensions of the changed people bring in everyone apprehended with them;
  // a child who met a changed adult through a name alone comes without its group.
  std::set<std::string> apprehensions;
  for (std::uint32_t c : changed_children) apprehensions.insert(ApprehensionKey(child_rows[c]));
  for (std::uint32_t a : changed_adults) apprehensions.insert(ApprehensionKey(adult_rows[a]));
  apprehensions.erase("");
  if (!changed_adults.empty()) {
    auto pairs = FamilyCandidatePairs(children, Pick(adults, changed_adults), child_rows,
                                      Pick(adult_rows, changed_adults), nullptr);
    if (!pairs.ok()) return pairs.status();
    for (PairKey p : *pairs) {
      const FamilyRecord& child = children[PairLeft(p)];
      const FamilyRecord& adult = adults[changed_adults[PairRight(p)]];
      Gamma g = CompareFamilyPair(child, adult);
      if (WeightToProbability(FamilyPairWeight(model, frequencies, child, adult, g)) >= floor) kids.insert(PairLeft(p));
    }
  }
  for (std::uint32_t c = 0; c < child_rows.size(); ++c) {
    if (!apprehensions.empty() && apprehensions.count(ApprehensionKey(child_rows[c]))) kids.insert(c);
  }
  FamilyScope scope;
  scope.children.assign(kids.begin(), kids.end());
  if (!scope.children.empty()) {
    auto pairs = FamilyCandidatePairs(Pick(children, scope.children), adults, Pick(child_rows, scope.children),
                                      adult_rows, nullptr);
    if (!pairs.ok()) return pairs.status();
    for (PairKey p : *pairs) grown.insert(PairRight(p));
  }
  scope.adults.assign(grown.begin(), grown.end());
  return scope;
}

Gamma CompareFamilyPair(const FamilyRecord& child, const FamilyRecord& adult) {
  Gamma g = 0;
  for (int c = 0; c < kFamilyComparisons; ++c) g = WithLevel(g, c, CompareFamily(c, child, adult));
  return g;
}

std::vector<Gamma> CompareFamilyPairs(const std::vector<FamilyRecord>& children,
                                      const std::vector<FamilyRecord>& adults, const std::vector<PairKey>& pairs,
                                      int threads) {
  std::vector<Gamma> out(pairs.size());
  auto work = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) out[i] = CompareFamilyPair(children[PairLeft(pairs[i])], adults[PairRight(pairs[i])]);
  };
  threads = std::max(1, threads);
  std::vector<std::thread> pool;
  size_t slice = (pairs.size() + threads - 1) / threads;
  for (int t = 0; t < threads; ++t) {
    size_t begin = std::min(pairs.size(), t * slice), end = std::min(pairs.size(), begin + slice);
    if (begin < end) pool.emplace_back(work, begin, end);
  }
  for (auto& th : pool) th.join();
  return out;
}

}  // namespace reunite::match
