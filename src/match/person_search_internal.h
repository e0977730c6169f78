// Internal to the person search (match/person_search.h): how a person and a query
// are prepared, which keys they post under, and how one candidate is scored and
// explained. Shared by person_search.cc (the index), person_search_prepare.cc and
// person_search_score.cc; not for use elsewhere.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "match/comparisons.h"
#include "match/person_search.h"
#include "model/person.h"

namespace reunite::match::search {

// Longer queries are read on their first kMaxQueryTokens tokens, longer names on
// their first kMaxNameTokens (pairings are kept in fixed arrays).
inline constexpr std::size_t kMaxQueryTokens = 12;
inline constexpr std::size_t kMaxNameTokens = 8;

enum class Part : std::uint8_t { kGiven, kPaternal, kMaternal, kMarried };

// The distinct name tokens of the index, each prepared (folded, phonetic key) once;
// people hold ids into it, so the scorer can remember per search how each query
// token met each distinct token. Ids are never reused; a token no one holds any
// more stays (it costs a few bytes and can come back).
class Vocabulary {
 public:
  std::uint32_t Intern(PreparedString token);  // the token's id, added when new
  const PreparedString& operator[](std::uint32_t id) const { return tokens_[id]; }
  std::size_t size() const { return tokens_.size(); }
  std::size_t MemoryBytes() const;

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;  // by folded text
  std::vector<PreparedString> tokens_;
};

// One person as the index keeps it for scoring, in one cache line (a search reads
// a couple of thousand of them at random): name tokens (vocabulary ids; particles
// dropped) in the order given names, paternal, maternal, married surname; birth
// date, nationality and role. The name as recorded is kept apart (see Recorded).
struct alignas(64) IndexedPerson {
  PersonId id = 0;
  PreparedDate birth;
  std::array<std::uint32_t, kMaxNameTokens> tokens{};
  std::uint8_t count = 0;                              // tokens in use
  std::uint8_t given = 0, paternal = 0, maternal = 0;  // token counts; the rest are married
  std::array<char, 2> country{};                       // ISO alpha-2, zeros when unknown
  bool child = false;
  Part PartOf(std::size_t token) const;
  std::size_t size() const { return count; }
};

// Interns the person's name tokens (at most kMaxNameTokens) into `vocabulary`, and
// sets *recorded to the name parts as recorded, for RecordedTokens.
IndexedPerson PreparePerson(const Person& person, Vocabulary& vocabulary, std::string* recorded);

// The person's tokens as recorded (case and accents kept), in the order of
// `tokens`, or the folded tokens when the two splits disagree. `recorded` is what
// PreparePerson set.
std::vector<std::string> RecordedTokens(const IndexedPerson& person, const std::string& recorded,
                                        const Vocabulary& vocabulary);

// A key's posting-list hash (64 bits; the scorer checks every candidate, so a
// rare collision only costs time).
std::uint64_t KeyHash(std::string_view key);

// The sorted, distinct key hashes a person posts under: `exact` holds the phonetic
// key of every name token and of the formal names a given name is a nickname of;
// `deleted` holds every key of `exact` (3 letters or more) with one letter deleted.
struct PersonKeys {
  std::vector<std::uint64_t> exact, deleted;
};
PersonKeys KeysOf(const IndexedPerson& person, const Vocabulary& vocabulary);

// A key with one letter deleted, each distinct variant once; none for keys
// shorter than 3 letters (two letters left would match half the index).
std::vector<std::string> Deletions(const std::string& key);

struct QueryToken {
  PreparedString text;
  std::string as_typed;          // for explanations
  std::vector<std::string> formal_keys;  // phonetic keys of the formal names it may stand for
  bool surname_side = false;     // before the comma of "SURNAMES, GIVEN"
};

struct PreparedQuery {
  std::vector<QueryToken> tokens;
  bool comma = false;
  PreparedDate birth;
  std::array<char, 2> country{};
};

// InvalidArgument when the name has no letters.
Result<PreparedQuery> PrepareQuery(const SearchQuery& query);

// How a query token met a name token, best first.
// kSoundsClose: phonetic keys one edit apart (a typo on top of a spelling by ear:
// "Tamvoiz"/"Tambriz"); kSimilar: Jaro-Winkler >= 0.88.
enum class TokenMatch : std::uint8_t {
  kExact, kNickname, kPhonetic, kTypo, kSoundsClose, kSimilar, kInitial, kNone
};

// One candidate's score with what it rests on, for the explanation.
struct Assessment {
  double score = 0;  // [0, 1]
  std::array<std::int8_t, kMaxQueryTokens> paired{};  // query token -> name token, -1 none
  std::array<TokenMatch, kMaxQueryTokens> how{};
  bool surnames_swapped = false;
  bool given_missing = false;     // the first given name met no query token
  bool paternal_missing = false;
  bool maternal_missing = false;
  int date_level = kNull;         // CompareDates level; kNull when either is unknown
  int country = 0;                // 0 same or not asked, 1 unknown, 2 different
};

// How each query token meets a name token, computed once per distinct name token
// and search: among a search's candidates the same few hundred names recur.
class TokenMatchCache {
 public:
  struct Meeting {
    TokenMatch how = TokenMatch::kNone;
    float quality = 0;  // before any cost for a pairing across the comma
  };
  using Row = std::array<Meeting, kMaxQueryTokens>;  // by query token
  // Reusable memory for caches (one per thread): rows by token id, so that a search
  // neither hashes nor allocates per name token.
  struct Storage {
    std::vector<std::int32_t> row_of;  // by token id * 2 + given; -1 none
    std::vector<Row> rows;
    std::vector<std::uint32_t> used;   // row_of entries to reset
  };
  TokenMatchCache(const PreparedQuery& query, const Vocabulary& vocabulary, Storage& storage);
  ~TokenMatchCache();  // leaves `storage` clean for the next search
  TokenMatchCache(const TokenMatchCache&) = delete;
  TokenMatchCache& operator=(const TokenMatchCache&) = delete;
  // `given`: the name token is a given name (the nickname level applies). The
  // reference is good until the next Get.
  const Row& Get(std::uint32_t token, bool given);

 private:
  const PreparedQuery& query_;
  const Vocabulary& vocabulary_;
  Storage& storage_;
};

// The score of one candidate. `cache` must have been made for `query` and the
// vocabulary the person's tokens come from.
Assessment Assess(const PreparedQuery& query, const IndexedPerson& person, TokenMatchCache& cache);

// "surnames swapped; given name nickname (Chepe=José); born 1985 (year only)".
// `recorded` is what PreparePerson set for the person.
std::string Explain(const PreparedQuery& query, const IndexedPerson& person, const std::string& recorded,
                    const Vocabulary& vocabulary, const Assessment& a);

}  // namespace reunite::match::search
