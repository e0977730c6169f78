#include "match/person_search.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "match/person_search_internal.h"

namespace reunite::match {

using search::Assessment;
using search::IndexedPerson;
using search::PreparedQuery;

namespace {

using Slot = std::uint32_t;
using PostingMap = std::unordered_map<std::uint64_t, std::vector<Slot>>;

// Credit factors of the ways a query token's key can meet a person's (times the
// key's inverse document frequency): the same phonetic key; the key of a formal
// name the token is a nickname of; one side's key with a letter deleted equal to
// the other's (a letter added or dropped); both with a letter deleted (a letter
// substituted or two swapped).
constexpr float kExactCredit = 1.0f, kFormalCredit = 0.95f, kOneDeletionCredit = 0.8f,
                kTwoDeletionCredit = 0.65f;

// A query token whose exact key already finds this share of the index (a common
// name spelled right) skips the two-deletion lookups, which would mostly find the
// same people again at several times the cost.
constexpr double kCommonKeyShare = 1.0 / 2000;

std::uint16_t PackCountry(const std::array<char, 2>& c) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(c[0]) << 8 | static_cast<unsigned char>(c[1]));
}

// What a candidate pass reads for every slot it meets, packed for locality.
struct SlotFacts {
  std::uint16_t birth_year = 0;  // 0 unknown
  std::uint16_t country = 0;     // two letters packed, 0 unknown
  std::uint8_t child = 0;
  std::uint8_t name_tokens = 0;
};

// A scored candidate.
struct Scored {
  Assessment a;
  Slot slot;
};

// Scratch memory of one search, sized to the index and left cleared after use,
// so that a search neither allocates nor zeroes anything per candidate.
struct Scratch {
  struct Tally {
    float credit = 0;
    std::uint8_t group = 0;   // the last query token that credited the slot (1-based)
    std::uint8_t tokens = 0;  // how many query tokens credited the slot
  };
  std::vector<Tally> tally;  // by slot
  std::vector<Slot> touched;
  std::vector<std::uint64_t> ranked;  // RankKey of each touched slot
  std::vector<Slot> shortlist;
  std::vector<Scored> scored;
  search::TokenMatchCache::Storage matches;
  void Fit(std::size_t slots) {
    if (tally.size() < slots) tally.resize(slots);
  }
  void Clear() {
    for (Slot s : touched) tally[s] = Tally{};
    touched.clear();
    ranked.clear();
  }
};

// Scratch memory for the searches running at once. A search takes the scratch
// returned last, which is the likeliest to be still in the CPU's caches: a server
// runs searches on many threads, and scratch kept per thread (a few MB each over a
// large index) left every search working through cold memory.
class ScratchPool {
 public:
  std::unique_ptr<Scratch> Take() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_unique<Scratch>();
    std::unique_ptr<Scratch> s = std::move(free_.back());
    free_.pop_back();
    return s;
  }
  void Give(std::unique_ptr<Scratch> s) {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(s));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Scratch>> free_;
};

// Orders (credit, slot) by credit descending, then slot ascending, as one integer
// (a non-negative float's bits order as the float does).
std::uint64_t RankKey(float credit, Slot slot) {
  std::uint32_t bits = 0;
  static_assert(sizeof bits == sizeof credit);
  std::memcpy(&bits, &credit, sizeof bits);
  return static_cast<std::uint64_t>(~bits) << 32 | slot;
}

struct Probe {
  const std::vector<Slot>* postings;
  float credit;
};

// What a heap block of `bytes` costs with glibc's malloc (8 bytes of header,
// 16-byte granules, 32 at least).
std::size_t HeapBytes(std::size_t bytes) {
  return bytes == 0 ? 0 : std::max<std::size_t>(32, (bytes + 8 + 15) / 16 * 16);
}

std::size_t PostingBytes(const PostingMap& map) {
  using Node = std::pair<const std::uint64_t, std::vector<Slot>>;
  std::size_t bytes = map.bucket_count() * sizeof(void*);
  for (const auto& [key, slots] : map)
    bytes += HeapBytes(sizeof(Node) + sizeof(void*)) + HeapBytes(slots.capacity() * sizeof(Slot));
  return bytes;
}

std::size_t StringBytes(const std::string& s) {
  return sizeof(std::string) + (s.capacity() > 15 ? HeapBytes(s.capacity() + 1) : 0);
}

}  // namespace

struct PersonSearchIndex::Impl {
  search::Vocabulary vocabulary;
  std::vector<IndexedPerson> people;  // by slot; a removed person leaves an empty slot
  std::vector<std::string> recorded;  // by slot: the name as recorded, for explanations
  std::vector<SlotFacts> facts;       // by slot
  std::unordered_map<PersonId, Slot> slot_of;
  PostingMap exact, deleted;

  // Posting lists stay sorted by slot (Unpost relies on it).
  static void Post(PostingMap& map, const std::vector<std::uint64_t>& keys, Slot slot) {
    for (auto k : keys) {
      auto& slots = map[k];
      if (slots.empty() || slots.back() < slot) {
        slots.push_back(slot);
      } else {
        slots.insert(std::lower_bound(slots.begin(), slots.end(), slot), slot);
      }
    }
  }
  static void Unpost(PostingMap& map, const std::vector<std::uint64_t>& keys, Slot slot) {
    for (auto k : keys) {
      auto it = map.find(k);
      if (it == map.end()) continue;
      auto& slots = it->second;
      auto pos = std::lower_bound(slots.begin(), slots.end(), slot);
      if (pos != slots.end() && *pos == slot) slots.erase(pos);
      if (slots.empty()) map.erase(it);
    }
  }

  // Puts the person in `slot`: a new one at the end, or the one an update emptied.
  void Put(const Person& p, Slot slot) {
    if (slot == people.size()) {
      people.emplace_back();
      recorded.emplace_back();
      facts.emplace_back();
    }
    IndexedPerson& person = people[slot];
    person = search::PreparePerson(p, vocabulary, &recorded[slot]);
    const search::PersonKeys keys = search::KeysOf(person, vocabulary);
    Post(exact, keys.exact, slot);
    Post(deleted, keys.deleted, slot);
    slot_of.emplace(person.id, slot);
    facts[slot] = {static_cast<std::uint16_t>(std::clamp(person.birth.year, 0, 65535)), PackCountry(person.country),
                   person.child, static_cast<std::uint8_t>(person.size())};
  }

  void Erase(Slot slot) {
    const search::PersonKeys keys = search::KeysOf(people[slot], vocabulary);
    Unpost(exact, keys.exact, slot);
    Unpost(deleted, keys.deleted, slot);
    slot_of.erase(people[slot].id);
    people[slot] = IndexedPerson{};
    recorded[slot] = std::string();
    facts[slot] = SlotFacts{};
  }

  const std::vector<Slot>* Find(const PostingMap& map, const std::string& key) const {
    auto it = map.find(search::KeyHash(key));
    return it == map.end() ? nullptr : &it->second;
  }

  mutable ScratchPool scratch;

  std::vector<Probe> ProbesOf(const search::QueryToken& token) const;
  void Credit(const PreparedQuery& q, const SearchQuery& query, Scratch& s) const;
  void Shortlist(const PreparedQuery& q, std::size_t cap, Scratch& s) const;
  void Score(const PreparedQuery& q, double min_score, Scratch& s) const;
  std::vector<SearchHit> Best(const PreparedQuery& q, std::vector<Scored>& scored, std::size_t limit) const;
};

// The posting lists one query token reads, best credit first; each list's credit
// is its factor times the key's inverse document frequency.
std::vector<Probe> PersonSearchIndex::Impl::ProbesOf(const search::QueryToken& token) const {
  std::vector<Probe> probes;
  const double n = static_cast<double>(slot_of.size()) + 1;
  auto add = [&](const std::vector<Slot>* postings, float factor) {
    if (postings == nullptr || postings->empty()) return;
    const double idf = std::log(1 + n / static_cast<double>(postings->size()));
    probes.push_back({postings, factor * static_cast<float>(idf)});
  };
  const std::string& key = token.text.phonetic;
  if (key.empty()) return probes;
  const std::vector<Slot>* same = Find(exact, key);
  add(same, kExactCredit);
  for (const auto& formal : token.formal_keys) add(Find(exact, formal), kFormalCredit);
  add(Find(deleted, key), kOneDeletionCredit);
  const bool common = same != nullptr && static_cast<double>(same->size()) >= n * kCommonKeyShare;
  for (const auto& d : search::Deletions(key)) {
    add(Find(exact, d), kOneDeletionCredit);
    if (!common) add(Find(deleted, d), kTwoDeletionCredit);
  }
  std::stable_sort(probes.begin(), probes.end(), [](const Probe& a, const Probe& b) { return a.credit > b.credit; });
  return probes;
}

// Credits every person sharing a key with the query: each query token once, with
// its best key. Leaves the credited slots in s.touched.
void PersonSearchIndex::Impl::Credit(const PreparedQuery& q, const SearchQuery& query, Scratch& s) const {
  const bool filter = query.role.has_value();
  const std::uint8_t want_child = filter && *query.role == Role::kChild;
  for (std::size_t t = 0; t < q.tokens.size(); ++t) {
    const auto group = static_cast<std::uint8_t>(t + 1);
    for (const Probe& probe : ProbesOf(q.tokens[t])) {
      for (Slot slot : *probe.postings) {
        Scratch::Tally& tally = s.tally[slot];
        if (tally.group == group || (filter && facts[slot].child != want_child)) continue;
        if (tally.group == 0) s.touched.push_back(slot);
        tally.group = group;
        tally.credit += probe.credit;
        ++tally.tokens;
      }
    }
  }
}

// The `cap` slots with the most credit, the credit nudged by birth year and country
// agreement and by how few name tokens went unmet, so that among many equal names
// the right birth year makes the cut. Leaves them in s.shortlist.
void PersonSearchIndex::Impl::Shortlist(const PreparedQuery& q, std::size_t cap, Scratch& s) const {
  const int year = q.birth.year;
  const std::uint16_t want_country = PackCountry(q.country);
  auto& ranked = s.ranked;
  constexpr std::size_t kAhead = 16;  // the slots lie at random in large arrays
  for (std::size_t i = 0; i < s.touched.size(); ++i) {
    if (i + kAhead < s.touched.size()) {
      __builtin_prefetch(&facts[s.touched[i + kAhead]]);
      __builtin_prefetch(&s.tally[s.touched[i + kAhead]]);
    }
    const Slot slot = s.touched[i];
    const SlotFacts& f = facts[slot];
    const Scratch::Tally& t = s.tally[slot];
    float boost = 1.0f;
    if (year != 0 && f.birth_year != 0) {
      const int diff = std::abs(int{f.birth_year} - year);
      boost *= diff == 0 ? 1.3f : diff <= 2 ? 1.15f : 1.0f;
    }
    if (want_country != 0 && f.country == want_country) boost *= 1.1f;
    const int unmet = std::max(0, int{f.name_tokens} - int{t.tokens});
    ranked.push_back(RankKey(t.credit * boost / (1.0f + 0.1f * static_cast<float>(unmet)), slot));
  }
  if (ranked.size() > cap) {
    std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(cap), ranked.end());
    ranked.resize(cap);
  }
  std::vector<Slot>& out = s.shortlist;
  out.clear();
  for (auto r : ranked) out.push_back(static_cast<Slot>(r & 0xffffffffu));
  // Left unsorted: sorting them into memory order cost more than the scoring
  // pass gained from it (it prefetches ahead), and the hits come out the same.
}

// Assesses every shortlisted person; keeps those scoring above zero and min_score
// in s.scored.
void PersonSearchIndex::Impl::Score(const PreparedQuery& q, double min_score, Scratch& s) const {
  const std::vector<Slot>& shortlist = s.shortlist;
  std::vector<Scored>& scored = s.scored;
  scored.clear();
  search::TokenMatchCache cache(q, vocabulary, s.matches);
  // The candidates lie at random in a large array: fetch a few ahead.
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = 0; i < std::min(kAhead, shortlist.size()); ++i) __builtin_prefetch(&people[shortlist[i]]);
  for (std::size_t i = 0; i < shortlist.size(); ++i) {
    if (i + kAhead < shortlist.size()) __builtin_prefetch(&people[shortlist[i + kAhead]]);
    Assessment a = search::Assess(q, people[shortlist[i]], cache);
    if (a.score > 0 && a.score >= min_score) scored.push_back({a, shortlist[i]});
  }
}

// The `limit` best of `scored` (score descending, then id ascending), explained.
std::vector<SearchHit> PersonSearchIndex::Impl::Best(const PreparedQuery& q, std::vector<Scored>& scored,
                                                     std::size_t limit) const {
  auto better = [&](const Scored& x, const Scored& y) {
    return x.a.score != y.a.score ? x.a.score > y.a.score : people[x.slot].id < people[y.slot].id;
  };
  const std::size_t keep = std::min(scored.size(), limit);
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(), better);
  std::vector<SearchHit> hits;
  hits.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) {
    const Slot slot = scored[i].slot;
    hits.push_back({people[slot].id, scored[i].a.score,
                    search::Explain(q, people[slot], recorded[slot], vocabulary, scored[i].a)});
  }
  return hits;
}

PersonSearchIndex::PersonSearchIndex() : impl_(std::make_unique<Impl>()) {}
PersonSearchIndex::~PersonSearchIndex() = default;
PersonSearchIndex::PersonSearchIndex(PersonSearchIndex&&) noexcept = default;
PersonSearchIndex& PersonSearchIndex::operator=(PersonSearchIndex&&) noexcept = default;

Result<PersonSearchIndex> PersonSearchIndex::Build(const std::vector<Person>& people) {
  PersonSearchIndex index;
  index.Reserve(people.size());
  for (const auto& p : people) {
    Status s = index.Add(p);
    if (s.code() == StatusCode::kAlreadyExists) return Status::InvalidArgument(s.message());
    if (!s.ok()) return s;
  }
  return index;
}

void PersonSearchIndex::Reserve(std::size_t people) {
  impl_->people.reserve(people);
  impl_->recorded.reserve(people);
  impl_->facts.reserve(people);
  impl_->slot_of.reserve(people);
}

Status PersonSearchIndex::Add(const Person& person) {
  if (person.id == 0) return Status::InvalidArgument("search index: a person without an id");
  if (impl_->slot_of.count(person.id))
    return Status::AlreadyExists("search index: person " + std::to_string(person.id) + " is already indexed");
  if (impl_->people.size() >= std::numeric_limits<Slot>::max())
    return Status::InvalidArgument("search index: full");
  impl_->Put(person, static_cast<Slot>(impl_->people.size()));
  return Status::Ok();
}

Status PersonSearchIndex::Update(const Person& person) {
  auto it = impl_->slot_of.find(person.id);
  if (it == impl_->slot_of.end())
    return Status::NotFound("search index: person " + std::to_string(person.id) + " is not indexed");
  const Slot slot = it->second;
  impl_->Erase(slot);
  impl_->Put(person, slot);
  return Status::Ok();
}

Status PersonSearchIndex::Remove(PersonId id) {
  auto it = impl_->slot_of.find(id);
  if (it == impl_->slot_of.end())
    return Status::NotFound("search index: person " + std::to_string(id) + " is not indexed");
  impl_->Erase(it->second);
  return Status::Ok();
}

std::size_t PersonSearchIndex::size() const { return impl_->slot_of.size(); }

SearchIndexMemory PersonSearchIndex::Memory() const {
  SearchIndexMemory m;
  m.people = impl_->people.capacity() * sizeof(IndexedPerson) +
             impl_->slot_of.size() * HeapBytes(sizeof(std::pair<PersonId, Slot>) + sizeof(void*)) +
             impl_->slot_of.bucket_count() * sizeof(void*) + impl_->facts.capacity() * sizeof(SlotFacts) +
             impl_->vocabulary.MemoryBytes();
  for (const auto& r : impl_->recorded) m.people += StringBytes(r);
  m.postings = PostingBytes(impl_->exact) + PostingBytes(impl_->deleted);
  return m;
}

Result<std::vector<SearchHit>> PersonSearchIndex::Search(const SearchQuery& query) const {
  if (query.limit < 0 || query.max_candidates < 0)
    return Status::InvalidArgument("search: limit and max_candidates must not be negative");
  Result<PreparedQuery> q = search::PrepareQuery(query);
  if (!q.ok()) return q.status();
  std::unique_ptr<Scratch> scratch = impl_->scratch.Take();
  scratch->Fit(impl_->people.size());
  impl_->Credit(*q, query, *scratch);
  impl_->Shortlist(*q, static_cast<std::size_t>(query.max_candidates), *scratch);
  scratch->Clear();
  impl_->Score(*q, query.min_score, *scratch);
  std::vector<SearchHit> hits = impl_->Best(*q, scratch->scored, static_cast<std::size_t>(query.limit));
  impl_->scratch.Give(std::move(scratch));
  return hits;
}

}  // namespace reunite::match
