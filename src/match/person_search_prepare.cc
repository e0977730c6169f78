// Preparing people and queries for the person search, and the keys they post under.
#include <algorithm>
#include <functional>

#include "match/nicknames.h"
#include "match/person_search_internal.h"
#include "match/phonetic.h"

namespace reunite::match::search {

namespace {

constexpr char kPartSeparator = '\x1f';

// The same token boundaries as PrepareTokens (match/comparisons.h): spacing and
// ASCII punctuation other than the apostrophe; bytes >= 0x80 stay in tokens.
bool SplitsTokens(char c) {
  const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return static_cast<unsigned char>(c) < 0x80 && c != '\'' && !alnum;
}

bool IsParticle(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return lower == "de" || lower == "del" || lower == "la" || lower == "las" || lower == "los" || lower == "y";
}

// Words as written, split and with particles dropped as PrepareTokens does, so
// that word i here is token i there (unless folding changed a boundary).
std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && !SplitsTokens(text[i])) continue;
    if (i > start) words.emplace_back(text.substr(start, i - start));
    start = i + 1;
  }
  if (std::all_of(words.begin(), words.end(), IsParticle)) return words;
  std::erase_if(words, [](const std::string& w) { return IsParticle(w); });
  return words;
}

bool HasLetter(std::string_view folded) {
  return std::any_of(folded.begin(), folded.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

// Interns the prepared tokens of `text` and appends their ids, up to kMaxNameTokens
// in all; returns how many.
std::uint8_t AppendTokens(std::string_view text, Vocabulary& vocabulary, IndexedPerson& person) {
  PreparedTokens prepared = PrepareTokens(text);
  std::uint8_t added = 0;
  for (auto& t : prepared.tokens) {
    if (person.count >= kMaxNameTokens) break;
    person.tokens[person.count++] = vocabulary.Intern(std::move(t));
    ++added;
  }
  return added;
}

std::array<char, 2> CountryCode(std::string_view code) {
  if (code.size() != 2) return {};
  auto up = [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; };
  return {up(code[0]), up(code[1])};
}

void SortUnique(std::vector<std::uint64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::uint32_t Vocabulary::Intern(PreparedString token) {
  auto [it, added] = ids_.try_emplace(token.folded, static_cast<std::uint32_t>(tokens_.size()));
  if (added) tokens_.push_back(std::move(token));
  return it->second;
}

std::size_t Vocabulary::MemoryBytes() const {
  auto heap = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
  std::size_t bytes = tokens_.capacity() * sizeof(PreparedString) + ids_.bucket_count() * sizeof(void*);
  for (const auto& t : tokens_) bytes += heap(t.folded) + heap(t.phonetic);
  for (const auto& [text, id] : ids_) bytes += sizeof(std::pair<const std::string, std::uint32_t>) + 16 + heap(text);
  return bytes;
}

Part IndexedPerson::PartOf(std::size_t token) const {
  const std::size_t g = given, p = g + paternal, m = p + maternal;
  if (token < g) return Part::kGiven;
  if (token < p) return Part::kPaternal;
  if (token < m) return Part::kMaternal;
  return Part::kMarried;
}

IndexedPerson PreparePerson(const Person& person, Vocabulary& vocabulary, std::string* recorded) {
  IndexedPerson out;
  out.id = person.id;
  const PersonName& n = person.name;
  const std::string given = n.GivenNames();
  out.given = AppendTokens(given, vocabulary, out);
  out.paternal = AppendTokens(n.paternal_surname, vocabulary, out);
  out.maternal = AppendTokens(n.maternal_surname, vocabulary, out);
  AppendTokens(n.married_surname, vocabulary, out);
  *recorded = given + kPartSeparator + n.paternal_surname + kPartSeparator + n.maternal_surname +
              kPartSeparator + n.married_surname;
  recorded->shrink_to_fit();
  out.birth = PrepareDate(person.birth);
  out.country = CountryCode(person.nationality);
  out.child = person.role == Role::kChild;
  return out;
}

std::vector<std::string> RecordedTokens(const IndexedPerson& person, const std::string& recorded,
                                        const Vocabulary& vocabulary) {
  std::vector<std::string> out;
  std::size_t start = 0;
  const std::size_t counts[] = {person.given, person.paternal, person.maternal, kMaxNameTokens};
  for (std::size_t part = 0; part < 4 && start <= recorded.size(); ++part) {
    std::size_t end = recorded.find(kPartSeparator, start);
    if (end == std::string::npos) end = recorded.size();
    std::vector<std::string> words = SplitWords(std::string_view(recorded).substr(start, end - start));
    words.resize(std::min(words.size(), counts[part]));
    out.insert(out.end(), words.begin(), words.end());
    start = end + 1;
  }
  out.resize(std::min(out.size(), kMaxNameTokens));
  if (out.size() == person.size()) return out;
  out.clear();
  for (std::size_t i = 0; i < person.size(); ++i) out.push_back(vocabulary[person.tokens[i]].folded);
  return out;
}

std::uint64_t KeyHash(std::string_view key) { return std::hash<std::string_view>{}(key); }

std::vector<std::string> Deletions(const std::string& key) {
  std::vector<std::string> out;
  if (key.size() < 3) return out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (i > 0 && key[i] == key[i - 1]) continue;  // deleting either of a pair gives the same
    std::string d = key;
    d.erase(i, 1);
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

PersonKeys KeysOf(const IndexedPerson& person, const Vocabulary& vocabulary) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < person.size(); ++i) {
    const PreparedString& t = vocabulary[person.tokens[i]];
    if (!t.phonetic.empty()) keys.push_back(t.phonetic);
    if (person.PartOf(i) != Part::kGiven) continue;
    const std::vector<std::string> formal = FormalNames(t.folded);
    for (std::size_t f = 1; f < formal.size(); ++f) {
      std::string key = PhoneticKey(formal[f]);
      if (!key.empty()) keys.push_back(std::move(key));
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  PersonKeys out;
  for (const auto& k : keys) {
    out.exact.push_back(KeyHash(k));
    for (const auto& d : Deletions(k)) out.deleted.push_back(KeyHash(d));
  }
  SortUnique(out.exact);
  SortUnique(out.deleted);
  return out;
}

namespace {

void AppendQueryTokens(std::string_view part, bool surname_side, PreparedQuery& out) {
  PreparedTokens prepared = PrepareTokens(part);
  const std::vector<std::string> typed = SplitWords(part);
  const bool aligned = typed.size() == prepared.tokens.size();
  for (std::size_t i = 0; i < prepared.tokens.size() && out.tokens.size() < kMaxQueryTokens; ++i) {
    if (!HasLetter(prepared.tokens[i].folded)) continue;
    QueryToken q;
    q.text = std::move(prepared.tokens[i]);
    q.as_typed = aligned ? typed[i] : q.text.folded;
    const std::vector<std::string> formal = FormalNames(q.text.folded);
    for (std::size_t f = 1; f < formal.size(); ++f) {
      std::string key = PhoneticKey(formal[f]);
      if (!key.empty() && key != q.text.phonetic) q.formal_keys.push_back(std::move(key));
    }
    q.surname_side = surname_side;
    out.tokens.push_back(std::move(q));
  }
}

}  // namespace

Result<PreparedQuery> PrepareQuery(const SearchQuery& query) {
  PreparedQuery out;
  const std::string_view name = query.name;
  const std::size_t comma = name.find(',');
  out.comma = comma != std::string_view::npos;
  if (out.comma) {
    AppendQueryTokens(name.substr(0, comma), true, out);
    AppendQueryTokens(name.substr(comma + 1), false, out);
  } else {
    AppendQueryTokens(name, false, out);
  }
  if (out.tokens.empty()) return Status::InvalidArgument("search: the name '" + query.name + "' has no letters");
  if (!query.country.empty() && query.country.size() != 2)
    return Status::InvalidArgument("search: country '" + query.country + "' is not a two-letter ISO code");
  out.birth = PrepareDate(query.birth);
  out.country = CountryCode(query.country);
  return out;
}

}  // namespace reunite::match::search
