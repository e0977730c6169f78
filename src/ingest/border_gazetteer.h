// The border gazetteer's tables and tokenizer (internal to border_places.cc and
// border_gazetteer.cc): the places of data/places/border_patrol.csv and the words
// around them, keyed by their folded tokens.
#pragma once
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/border_places.h"

namespace reunite::border_internal {

// How a key of the lexicon was reached from an entry.
enum class Via { kName, kCity, kCode };

struct Ref {
  int entry;
  Via via;
};

// Words that are not places: what kind of place the next or previous name is, a
// state or country, or filler.
enum class Word { kNone, kFiller, kStation, kSector, kPort, kFacility, kState };

struct Lex {
  std::vector<Ref> refs;   // places this key names
  Word word = Word::kNone;
  std::string state;       // for kState: "CA", "AZ", "NM", "TX", "US" (any US state), "MX"
};

struct Entry {
  BorderGazetteerEntry row;
  bool area = false;                 // a Mexican border city: gives its sector only
  std::set<std::string> states;      // from the state column
  std::string city_key;
};

struct Gazetteer {
  std::vector<Entry> entries;
  std::vector<BorderGazetteerEntry> rows;
  std::unordered_map<std::string, Lex> lexicon;  // key: the tokens of a name, concatenated
  std::vector<std::string> fuzzy_keys;           // place keys of 5 letters or more
  std::size_t max_tokens = 1;                    // the longest key, in tokens
  std::map<std::string, std::string, std::less<>> sector_names;  // code (and MAR) -> name
  std::map<std::string, std::string, std::less<>> place_names;   // id -> name
};

struct Token {
  std::string text;
  int segment = 0;  // separators (, / - ( ) ; : | &) start a new segment
};

// Misspellings allowed in a place name of `length` letters: none below 7 (too many
// short names are a letter from another town: Clint/Flint, Pecos/Pesos), one from 7,
// two from 10.
int AllowedEdits(std::size_t length);

// The tokens of free text, folded (case, accents, punctuation), with their segments.
std::vector<Token> Tokenize(std::string_view text);

// The lexicon key of a name: its tokens concatenated; *token_count gets their number.
std::string KeyOf(std::string_view text, std::size_t* token_count = nullptr);

// The gazetteer, read once from the embedded tables.
const Gazetteer& Tables();

}  // namespace reunite::border_internal
