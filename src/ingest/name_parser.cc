#include "ingest/name_parser.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unordered_set>

#include "ingest/fold.h"
#include "ingest/known_words.h"

namespace reunite {

namespace {

using Words = std::vector<std::string>;
using Unit = Words;  // a surname or given name: particles, then the word they lead to

std::string Lower(std::string_view s) { return FoldForSearch(s); }

bool InSet(std::string_view folded, std::initializer_list<std::string_view> set) {
  for (auto w : set) {
    if (folded == w) return true;
  }
  return false;
}

// Particles written in lower case inside a surname ("de la Cruz", "van", "y").
bool IsLowerParticle(std::string_view folded) {
  return InSet(folded, {"de", "del", "la", "las", "los", "y", "da", "das", "do", "dos", "van",
                        "von", "der", "den"});
}

// Words that join the word after them into one surname. "San"/"Santa" keep their
// capital ("San Juan", "Santa Cruz") but bind like particles.
bool IsParticle(std::string_view word) {
  const std::string f = Lower(word);
  return IsLowerParticle(f) || f == "san" || f == "santa";
}

bool IsWidow(std::string_view word) { return InSet(Lower(word), {"viuda", "vda", "vda.", "vda,"}); }

// "de X" surnames common enough in Central America that a trailing "de León" is more
// likely a second surname than a husband's.
bool IsDeSurname(std::string_view word) {
  return InSet(Lower(word), {"leon", "paz", "jesus", "dios", "mata", "santiago", "gante"});
}

// Second parts of compound given names that start with a particle ("María del Carmen").
bool IsGivenComplement(const Unit& u) {
  if (u.size() < 2) return false;
  std::string text;
  for (const auto& w : u) text += (text.empty() ? "" : " ") + Lower(w);
  return InSet(text, {"del carmen", "de jesus", "de los angeles", "del rosario", "de la luz",
                      "del pilar", "de fatima", "de lourdes", "del socorro", "de maria",
                      "del milagro", "de la concepcion", "del transito", "de los remedios",
                      "del consuelo", "de la asuncion", "de la paz"});
}

// Common given names, to read "Rosa María López de García" (two given names, one
// surname, married) rather than "Rosa" + two surnames.
bool IsCommonGivenName(const Unit& u) {
  static const std::unordered_set<std::string_view> kNames = {
      "maria", "jose", "juan", "luis", "carlos", "ana", "rosa", "elena", "isabel", "carmen",
      "guadalupe", "fernanda", "alejandra", "antonio", "manuel", "miguel", "francisco", "jesus",
      "angel", "eduardo", "alberto", "andres", "pablo", "pedro", "marta", "martha", "teresa",
      "lucia", "sofia", "gabriela", "patricia", "beatriz", "esperanza", "magdalena", "dolores",
      "mercedes", "victoria", "julia", "juana", "josefa", "daniel", "david", "enrique",
      "fernando", "roberto", "ricardo", "mario", "jorge", "rafael", "ramon", "raul", "alejandro",
      "javier", "antonia", "lourdes", "amparo", "luz", "cristina", "veronica", "silvia",
      "yolanda", "leticia", "gloria", "irma", "blanca", "estela", "reyna", "reina", "aracely",
      "concepcion", "margarita", "marina", "eugenia", "yesenia", "alicia", "adriana", "andrea"};
  return u.size() == 1 && kNames.count(Lower(u[0])) > 0;
}

void AppendCodePoint(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  out.append(buf, static_cast<std::size_t>(len));
}

// Title-cases one word: a capital at its start and after a hyphen; apostrophes do
// not start a new capital, so Maya "K'ICHE'" gives "K'iche'".
std::string TitleCaseWord(std::string_view w) {
  const std::string folded = Lower(w);
  std::string out;
  out.reserve(w.size());
  bool capital = !IsLowerParticle(folded);
  const auto* s = reinterpret_cast<const uint8_t*>(w.data());
  const int32_t len = static_cast<int32_t>(w.size());
  for (int32_t i = 0; i < len;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) {  // not UTF-8: keep the bytes rather than lose them
      out.append(w.data() + at, static_cast<std::size_t>(i - at));
      continue;
    }
    if (u_isalpha(c)) {
      AppendCodePoint(out, capital ? u_totitle(c) : u_tolower(c));
      capital = false;
    } else {
      AppendCodePoint(out, c);
      if (c == '-') capital = true;
    }
  }
  return out;
}

// A word written all upper or all lower case is title-cased; mixed case ("McAllen",
// "DeLeon") is how someone chose to write it and is kept.
std::string NormaliseCase(std::string_view w) {
  bool upper = false, lower = false;
  const auto* s = reinterpret_cast<const uint8_t*>(w.data());
  const int32_t len = static_cast<int32_t>(w.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) continue;
    upper = upper || u_isupper(c);
    lower = lower || u_islower(c);
  }
  return upper && lower ? std::string(w) : TitleCaseWord(w);
}

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Splits at runs of ASCII white space and no-break spaces (U+00A0).
std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  auto space_len = [&](std::size_t k) -> std::size_t {
    const char c = text[k];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == '\xC2' && k + 1 < text.size() && text[k + 1] == '\xA0') return 2;
    return 0;
  };
  while (i < text.size()) {
    std::size_t n = space_len(i);
    if (n != 0) {
      i += n;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && space_len(i) == 0) ++i;
    out.push_back(text.substr(start, i - start));
  }
  return out;
}

Words NormalisedWords(std::string_view text) {
  Words out;
  for (auto w : SplitWords(text)) out.push_back(NormaliseCase(w));
  return out;
}

std::string Join(const Words& words, std::size_t from = 0, std::size_t to = std::string::npos) {
  std::string out;
  for (std::size_t i = from; i < words.size() && i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// Groups words into units: particles bind to the word after them. Particles with
// nothing after them stay with the unit before.
std::vector<Unit> GroupUnits(const Words& words) {
  std::vector<Unit> units;
  Unit pending;
  for (const auto& w : words) {
    pending.push_back(w);
    if (!IsParticle(w)) units.push_back(std::move(pending)), pending.clear();
  }
  if (!pending.empty()) {
    if (units.empty()) units.emplace_back();
    for (auto& w : pending) units.back().push_back(std::move(w));
  }
  return units;
}

// Removes "viuda de X" / "vda. de X" from the words and returns X ("" if absent).
std::string TakeWidowSurname(Words* words) {
  for (std::size_t i = 0; i + 1 < words->size(); ++i) {
    if (!IsWidow((*words)[i])) continue;
    std::size_t from = i + 1;
    if (Lower((*words)[from]) == "de" && from + 1 < words->size()) ++from;
    std::string married = Join(*words, from);
    words->resize(i);
    return married;
  }
  return "";
}

// Removes a trailing "de X" (a husband's surname) when at least `min_before` units
// precede it, and returns X.
std::string TakeMarriedSurname(std::vector<Unit>* units, std::size_t min_before) {
  if (units->size() <= min_before) return "";
  const Unit& last = units->back();
  if (last.size() != 2 || Lower(last[0]) != "de" || IsDeSurname(last[1])) return "";
  std::string married = last[1];
  units->pop_back();
  return married;
}

// Fills paternal and maternal surnames from units of a surnames-only text.
void AssignSurnames(std::vector<Unit> units, PersonName* name) {
  if (units.empty()) return;
  if (units.size() == 1 && units[0].size() == 1) {
    const std::string& w = units[0][0];
    const std::size_t dash = w.find('-');
    if (dash != std::string::npos && dash > 0 && dash + 1 < w.size()) {
      name->paternal_surname = w.substr(0, dash);
      name->maternal_surname = w.substr(dash + 1);
      return;
    }
  }
  name->paternal_surname = Join(units[0]);
  Words rest;
  for (std::size_t i = 1; i < units.size(); ++i) rest.insert(rest.end(), units[i].begin(), units[i].end());
  name->maternal_surname = Join(rest);
}

void ParseSurnames(std::string_view text, PersonName* name) {
  Words words = NormalisedWords(text);
  std::string widow = TakeWidowSurname(&words);
  std::vector<Unit> units = GroupUnits(words);
  name->married_surname = widow.empty() ? TakeMarriedSurname(&units, 1) : widow;
  AssignSurnames(std::move(units), name);
}

void ParseGivenNames(std::string_view text, PersonName* name) {
  for (const auto& u : GroupUnits(NormalisedWords(text))) name->given_names.push_back(Join(u));
}

NameWordKind KindOf(const Unit& u) { return u.size() == 1 ? KindOfNameWord(u[0]) : NameWordKind::kUnknown; }

// Enforcement lists write "MENDEZ MATEO MARIO" without a comma, surnames first. Read
// so only when the name tables leave no doubt: the last word a given name and never a
// surname, the first a surname and never a given name (or unknown, with a surname
// after it). Then one surname and two given names when the middle of three is only a
// given name, else two surnames.
bool ReadSurnamesFirst(const std::vector<Unit>& units, PersonName* name) {
  const std::size_t n = units.size();
  if (n < 2 || !name->married_surname.empty()) return false;
  if (KindOf(units.back()) != NameWordKind::kGiven) return false;
  // The first word a surname; or, of three words or more, not a given name (a
  // misspelt surname, "GIMENEZ DIAZ ROSARIO") when a surname follows it.
  const NameWordKind first = KindOf(units.front());
  bool surname_follows = false;
  for (std::size_t i = 1; i + 1 < n; ++i) surname_follows = surname_follows || KindOf(units[i]) == NameWordKind::kSurname;
  if (first != NameWordKind::kSurname && !(first == NameWordKind::kUnknown && surname_follows)) return false;
  std::size_t surnames = n == 2 || (n == 3 && KindOf(units[1]) == NameWordKind::kGiven) ? 1 : 2;
  name->paternal_surname = Join(units[0]);
  if (surnames == 2) name->maternal_surname = Join(units[1]);
  for (std::size_t i = surnames; i < n; ++i) name->given_names.push_back(Join(units[i]));
  return true;
}

// "Given Names Surnames" with no comma: see the header for the word-count rules.
void ParseGivenFirst(std::string_view text, PersonName* name) {
  Words words = NormalisedWords(text);
  std::string widow = TakeWidowSurname(&words);
  std::vector<Unit> units = GroupUnits(words);
  name->married_surname = widow.empty() ? TakeMarriedSurname(&units, 2) : widow;
  if (ReadSurnamesFirst(units, name)) return;
  const std::size_t n = units.size();
  std::size_t given = n <= 3 ? 1 : n - 2;
  if (n == 3 && IsGivenComplement(units[1])) given = 2;
  // "Rosa María López de García": after a married surname, three units are more
  // likely two given names and one surname when the middle one is a given name.
  if (n == 3 && !name->married_surname.empty() && IsCommonGivenName(units[1])) given = 2;
  if (n == 0) given = 0;
  for (std::size_t i = 0; i < given; ++i) name->given_names.push_back(Join(units[i]));
  if (given < n) name->paternal_surname = Join(units[given]);
  if (given + 1 < n) name->maternal_surname = Join(units[given + 1]);
}

}  // namespace

PersonName ParseFullName(std::string_view text) {
  PersonName name;
  name.as_recorded = std::string(text);
  const std::size_t comma = text.find(',');
  if (comma == std::string_view::npos) {
    ParseGivenFirst(text, &name);
    return name;
  }
  // Only the first comma separates; later ones are stray punctuation.
  std::string given(text.substr(comma + 1));
  for (char& c : given) c = c == ',' ? ' ' : c;
  ParseSurnames(text.substr(0, comma), &name);
  ParseGivenNames(given, &name);
  return name;
}

PersonName ParseNameParts(std::string_view given_names, std::string_view surnames) {
  PersonName name;
  const std::string_view given = Trim(given_names);
  const std::string_view family = Trim(surnames);
  name.as_recorded = std::string(given);
  if (!given.empty() && !family.empty()) name.as_recorded += ' ';
  name.as_recorded += family;
  ParseGivenNames(given_names, &name);
  ParseSurnames(surnames, &name);
  return name;
}

std::string TitleCaseName(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t space = text.find(' ', i);
    const std::size_t end = space == std::string_view::npos ? text.size() : space;
    out += TitleCaseWord(text.substr(i, end - i));
    if (end < text.size()) out += ' ';
    i = end + 1;
  }
  return out;
}

}  // namespace reunite
