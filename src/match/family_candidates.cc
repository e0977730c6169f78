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

// Column names are shared by both sides; each side fills them with its own view:
//   apprehension: the adult's station, sector and day / the child's, for the days
//            around its own (a child's intake may be a day after): station keys
//            meet station keys, and a side that knows only the sector meets the
//            whole sector;
//   surname: the adult's surnames' sounds with the week / the child's with the weeks
//            from one before to three after its own (an adult is booked in up to
//            weeks after a prosecution);
//   parent:  a child's reported parent (name + the child's surname) / an adult's
//            first or second given name + first or second surname;
//   named:   an adult's reported child (name + the adult's first surname, and + each
//            other name the adult gave the child) / a child's first given name + each
//            of its surnames;
//   anumber: A-numbers by the hundred (the child's also the next and previous);
//   phone:   every phone number;
//   event_surname: each apprehension key with each surname sound;
//   event_parent: a child's reported parent's first name / an adult's first given
//            name, each with each apprehension key;
//   event_child: a child's first given name / an adult's reported child's first name,
//            each with each apprehension key. These two meet a family whose surnames
//            were dropped or moved into the given names on one list.
const std::vector<std::string> kColumns = {"id",    "apprehension",  "surname",      "parent",     "named",
                                           "anumber", "phone",       "event_surname", "event_parent", "event_child"};

std::string Day(long day) { return std::to_string(day); }

// Each key is "<kind><place>|<day>", kind S(tation), A/O (sector) or P(lace).
std::vector<std::string> ApprehensionItems(const FamilyRecord& r, bool child) {
  std::vector<std::string> items;
  if (r.apprehension_day == 0) return items;
  auto add = [&](const std::string& place, long day) { items.push_back(place + "|" + Day(day)); };
  // The same window the comparison calls one event (kSameEventDays): a children's
  // office may write the day of the referral, a detention system the day of booking.
  const long first = child ? r.apprehension_day - kSameEventDays : r.apprehension_day;
  const long last = child ? r.apprehension_day + kSameEventDays : r.apprehension_day;
  for (long d = first; d <= last; ++d) {
    if (!r.station.empty()) add("S" + r.station, d);
    if (r.sector.empty()) {
      if (!r.apprehension_place.empty()) add("P" + r.apprehension_place, d);
    } else if (child) {
      add((r.station.empty() ? "A" : "O") + r.sector, d);
    } else {
      add("A" + r.sector, d);
      if (r.station.empty()) add("O" + r.sector, d);
    }
  }
  return items;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ";") + item;
  return out;
}

std::vector<std::string> SurnameSounds(const FamilyRecord& r) {
  std::vector<std::string> sounds;
  for (const PreparedString* s : {&r.paternal, &r.maternal, &r.married}) {
    if (!s->phonetic.empty() && std::find(sounds.begin(), sounds.end(), s->phonetic) == sounds.end()) sounds.push_back(s->phonetic);
  }
  return sounds;
}

std::string SurnameKeys(const FamilyRecord& r, const std::vector<std::string>& sounds, bool child) {
  std::string keys;
  if (r.apprehension_day == 0) return keys;
  const long week = r.apprehension_day / 7;
  for (const auto& sound : sounds) {
    for (long w = child ? week - 1 : week; w <= (child ? week + 3 : week); ++w) AddKey(&keys, sound, Day(w));
  }
  return keys;
}

// Each apprehension key with each value (a surname sound, a first name): on a crowded
// sector-day the apprehension key alone gives a block over max_block_pairs (skipped),
// and a common surname's week too; the two together stay small.
std::string EventKeysWith(const std::vector<std::string>& events, const std::vector<std::string>& values) {
  std::string keys;
  for (const auto& event : events) {
    for (const auto& value : values) AddKey(&keys, event, value);
  }
  return keys;
}

// The first-name sounds of the relatives of one kind a record reports ("Chepe" also
// as "José"), each once.
std::vector<std::string> ReportedNames(const FamilyRecord& r, bool parents) {
  std::vector<std::string> names;
  for (const auto& m : r.mentions) {
    const bool parent = m.kind == RelativeKind::kFather || m.kind == RelativeKind::kMother;
    if (m.names.empty() || m.elsewhere || parent != parents) continue;
    for (auto& k : NameKeys(m.names.front())) {
      if (std::find(names.begin(), names.end(), k) == names.end()) names.push_back(std::move(k));
    }
  }
  return names;
}

std::vector<std::string> FirstGiven(const FamilyRecord& r) {
  if (r.given.empty() || r.given.front().text.phonetic.empty()) return {};
  return {r.given.front().text.phonetic};
}

// The columns the apprehension and the surnames give, each computed once.
struct EventAndSurnameKeys {
  std::string apprehension, surname, event_surname, event_parent, event_child;
};
EventAndSurnameKeys EventKeys(const FamilyRecord& r, bool child) {
  const std::vector<std::string> events = ApprehensionItems(r, child), sounds = SurnameSounds(r);
  const std::vector<std::string> parents = child ? ReportedNames(r, true) : FirstGiven(r);
  const std::vector<std::string> children = child ? FirstGiven(r) : ReportedNames(r, false);
  return {Joined(events), SurnameKeys(r, sounds, child), EventKeysWith(events, sounds),
          EventKeysWith(events, parents), EventKeysWith(events, children)};
}

std::string ANumberKeys(const FamilyRecord& r, bool child) {
  std::string keys;
  if (r.a_number < 0) return keys;
  const long long bucket = r.a_number / 100;
  for (long long b = child ? bucket - 1 : bucket; b <= (child ? bucket + 1 : bucket); ++b) AddKey(&keys, "A", std::to_string(b));
  return keys;
}

std::string PhoneKeys(const FamilyRecord& r) {
  std::string keys;
  for (const auto& p : r.phones) AddKey(&keys, "T", p);
  return keys;
}

Dataset ChildKeys(const std::vector<FamilyRecord>& records, const std::vector<ListRow>& rows) {
  Dataset d;
  d.name = "children";
  d.column_names = kColumns;
  d.columns.assign(kColumns.size(), {});
  for (size_t i = 0; i < records.size(); ++i) {
    const FamilyRecord& r = records[i];
    std::string parent, named;
    for (const auto& m : r.mentions) {
      if (m.names.empty() || m.elsewhere || m.kind == RelativeKind::kChild) continue;
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
    EventAndSurnameKeys events = EventKeys(r, true);
    std::vector<std::string> values = {rows[i].record_id, std::move(events.apprehension), std::move(events.surname),
                                       parent, named, ANumberKeys(r, true), PhoneKeys(r),
                                       std::move(events.event_surname), std::move(events.event_parent),
                                       std::move(events.event_child)};
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
    // A child may call a parent by either given name, and with either surname.
    for (size_t g = 0; g < std::min<size_t>(r.given.size(), 2); ++g) {
      AddKey(&parent, r.given[g].text.phonetic, r.paternal.phonetic);
      AddKey(&parent, r.given[g].text.phonetic, r.maternal.phonetic);
    }
    for (const auto& m : r.mentions) {
      if (m.names.empty() || m.elsewhere || m.kind == RelativeKind::kFather || m.kind == RelativeKind::kMother) continue;
      for (const auto& k : NameKeys(m.names.front())) {
        AddKey(&named, k, r.paternal.phonetic);
        // "UAC SON: GARSIA RIVAS, EDUARDO": the child's own surnames, as the adult gave them.
        for (size_t j = 1; j < m.names.size(); ++j) AddKey(&named, k, m.names[j].text.phonetic);
      }
    }
    EventAndSurnameKeys events = EventKeys(r, false);
    std::vector<std::string> values = {rows[i].record_id, std::move(events.apprehension), std::move(events.surname),
                                       parent, named, ANumberKeys(r, false), PhoneKeys(r),
                                       std::move(events.event_surname), std::move(events.event_parent),
                                       std::move(events.event_child)};
    d.ids.push_back(rows[i].record_id);
    for (size_t c = 0; c < values.size(); ++c) d.columns[c].push_back(std::move(values[c]));
  }
  return d;
}

}  // namespace

const std::vector<FamilyBlockingRule>& FamilyBlockingRules() {
  static const std::vector<FamilyBlockingRule> rules = {
      {"apprehension.items", {kApprehension}},
      // What a rule holds its pairs to, besides what it reads: the surname rule's
      // weeks window the dates, and surnames belong to countries (Maya surnames are
      // Guatemalan); A-numbers are issued in order, so close numbers mean close dates.
      {"surname.items", {kSurnameLine, kApprehension, kCountry}},
      {"parent.items", {kChildNamed, kSurnameLine}},
      {"named.items", {kAdultNamed, kSurnameLine}},
      {"anumber.items", {kANumberGap, kApprehension}},
      {"phone.items", {kPhone}},
      {"event_surname.items", {kApprehension, kSurnameLine}},
      {"event_parent.items", {kApprehension, kChildNamed}},
      {"event_child.items", {kApprehension, kAdultNamed}},
  };
  return rules;
}

Result<CandidatePairs> FamilyCandidatePairs(const std::vector<FamilyRecord>& children,
                                            const std::vector<FamilyRecord>& adults,
                                            const std::vector<ListRow>& child_rows,
                                            const std::vector<ListRow>& adult_rows, int threads) {
  LinkSettings settings;
  settings.link_type = LinkType::kLink;
  settings.unique_id_column = "id";
  for (const auto& r : FamilyBlockingRules()) {
    auto rule = ParseBlockingRule(r.text);
    if (!rule.ok()) return rule.status();
    settings.blocking_rules.push_back(std::move(*rule));
  }
  Dataset left = ChildKeys(children, child_rows), right = AdultKeys(adults, adult_rows);
  return BlockPairs(settings, left, &right, threads);
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
  for (std::uint32_t c : changed_children) apprehensions.insert(ApprehensionKey(children[c]));
  for (std::uint32_t a : changed_adults) apprehensions.insert(ApprehensionKey(adults[a]));
  apprehensions.erase("");
  if (!changed_adults.empty()) {
    auto pairs = FamilyCandidatePairs(children, Pick(adults, changed_adults), child_rows,
                                      Pick(adult_rows, changed_adults));
    if (!pairs.ok()) return pairs.status();
    for (PairKey p : pairs->pairs) {
      const FamilyRecord& child = children[PairLeft(p)];
      const FamilyRecord& adult = adults[changed_adults[PairRight(p)]];
      Gamma g = CompareFamilyPair(child, adult);
      if (WeightToProbability(FamilyPairWeight(model, frequencies, child, adult, g)) >= floor) kids.insert(PairLeft(p));
    }
  }
  for (std::uint32_t c = 0; c < child_rows.size(); ++c) {
    if (!apprehensions.empty() && apprehensions.count(ApprehensionKey(children[c]))) kids.insert(c);
  }
  FamilyScope scope;
  scope.children.assign(kids.begin(), kids.end());
  if (!scope.children.empty()) {
    auto pairs = FamilyCandidatePairs(Pick(children, scope.children), adults, Pick(child_rows, scope.children),
                                      adult_rows);
    if (!pairs.ok()) return pairs.status();
    for (PairKey p : pairs->pairs) grown.insert(PairRight(p));
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
