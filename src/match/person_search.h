// Fuzzy person search: given a name as someone types it (any order, misspelled,
// accents dropped, a nickname, a Maya spelling), optionally a date of birth and a
// country, find the people it most likely means, ranked, each with a score and a
// short explanation. This is what a caseworker uses to find a parent among a
// million records ("Chepe Ernandes, 1985" -> "José Hernández López, 1985-06-21").
//
// An in-memory index, built once from the people (or kept up to date person by
// person), in two stages per search:
//   1. Candidates: posting lists keyed by the phonetic key (match/phonetic.h) of
//      every name token, by the keys of the formal names a nickname stands for,
//      and by the phonetic key with one letter deleted (symmetric deletion, so one
//      inserted, deleted, substituted or swapped sound still meets). Each query
//      token credits a person once, with the key's rarity (inverse document
//      frequency), so a shared "Xol" counts for more than a shared "López"; the
//      best max_candidates by credit (ties broken by birth year and country) go on.
//   2. Ranking: each query token is paired with the person's name token it best
//      matches (exact, nickname, phonetic, one-letter typo, similar spelling,
//      initial; CompareStrings ladders), missing name parts cost a little, then the
//      date of birth (CompareDates levels) and country scale the score.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "model/person.h"

namespace reunite::match {

struct SearchQuery {
  // Free text: "jose hernandez", "HERNANDEZ LOPEZ, JOSE LUIS" (a comma puts the
  // surnames first), "Chepe Ernandes". Case, accents, particles (de, del, la...)
  // and punctuation other than the comma are ignored.
  std::string name;
  BirthDate birth;           // precision kUnknown: not given; kYearOnly: a year
  std::string country;       // ISO 3166-1 alpha-2 ("GT"), "" = not given
  std::optional<Role> role;  // only people of this role (a filter, not a score)
  int limit = 10;            // at most this many hits
  double min_score = 0.0;    // hits scoring lower are left out
  int max_candidates = 2000; // people fully scored per search (stage 2)
};

struct SearchHit {
  PersonId id = 0;
  double score = 0;  // in [0, 1]; 1 = the same name, date and country
  std::string why;   // e.g. "surnames swapped; given name nickname (Chepe=José); born 1985 (year only)"
};

// Approximate memory the index holds, by part.
struct SearchIndexMemory {
  std::size_t people = 0;    // the prepared name, date and country of each person
  std::size_t postings = 0;  // key -> people lists, with their hash tables
  std::size_t total() const { return people + postings; }
};

class PersonSearchIndex {
 public:
  PersonSearchIndex();
  ~PersonSearchIndex();
  PersonSearchIndex(PersonSearchIndex&&) noexcept;
  PersonSearchIndex& operator=(PersonSearchIndex&&) noexcept;

  // Builds an index of `people`. InvalidArgument when an id is 0 or repeated.
  static Result<PersonSearchIndex> Build(const std::vector<Person>& people);

  // Room for this many people without rehashing.
  void Reserve(std::size_t people);

  // Adds a person (its id, name, birth date, nationality and role; other fields
  // are not kept; a name beyond 8 tokens is read on its first 8). InvalidArgument when the id is 0; AlreadyExists when
  // the id is already indexed (use Update).
  Status Add(const Person& person);
  // Replaces the indexed fields of a person, in place. NotFound when the id is not
  // indexed.
  Status Update(const Person& person);
  // Removes a person. NotFound when the id is not indexed. The person's slot (64
  // bytes) stays empty until the index is rebuilt.
  Status Remove(PersonId id);

  std::size_t size() const;  // people indexed
  SearchIndexMemory Memory() const;

  // The best hits, best first: score descending, then id ascending (so equal
  // scores come out in the same order every time). InvalidArgument when the name
  // has no letters, the country is not two letters, or limit or max_candidates is
  // negative. An empty vector when nothing matches. Safe to call from several
  // threads at once, as long as no thread is calling Add, Update or Remove (those
  // need exclusive access). The index keeps scratch memory of about 10 bytes per
  // indexed person for each search that ran at the same time as others, for later
  // searches.
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reunite::match
