#include "ingest/identifiers.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"
#include "ingest/edit_distance.h"
#include "ingest/fold.h"
#include "ingest/known_words.h"
#include "ingest/placeholders.h"

namespace reunite {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  out.append(s);
  out.push_back('"');
  return out;
}

// The whole character starting at s[i] (its UTF-8 continuation bytes too), so that a
// message naming it stays valid UTF-8.
std::string CharAt(std::string_view s, std::size_t i) {
  std::size_t end = i + 1;
  while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
  return std::string(s.substr(i, end - i));
}

}  // namespace

// ---- A-numbers -------------------------------------------------------------

Result<std::string> NormalizeANumber(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty()) return std::string();
  if (s.front() == 'A' || s.front() == 'a') {
    s.remove_prefix(1);
    if (!s.empty() && s.front() == '#') s.remove_prefix(1);  // "A#012345678" on US forms
  }
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (IsDigit(c)) {
      digits.push_back(c);
    } else if (c != '-' && c != ' ' && c != '.') {
      return Status::InvalidArgument("A-number " + Quoted(Trim(text)) + ": unexpected character '" +
                                     CharAt(s, i) + "' (expected A and 8 or 9 digits)");
    }
  }
  if (digits.size() != 8 && digits.size() != 9) {
    return Status::InvalidArgument("A-number " + Quoted(Trim(text)) + " has " +
                                   std::to_string(digits.size()) + " digits (expected 8 or 9)");
  }
  if (digits.find_first_not_of('0') == std::string::npos) {
    return Status::InvalidArgument("A-number " + Quoted(Trim(text)) + " is all zeros");
  }
  if (digits.size() == 8) digits.insert(digits.begin(), '0');
  return digits;
}

// ---- Phones ----------------------------------------------------------------

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Splits a cell at ';', '/', ',', '|', '&', tabs, line breaks and the words " y ", " o ",
// " or ", " and ". A '/' between two letters does not split: "N/A", "S/N" stay whole.
std::vector<std::string_view> SplitPhoneCell(std::string_view cell) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  auto cut = [&](std::size_t end, std::size_t next) {
    pieces.push_back(Trim(cell.substr(start, end - start)));
    start = next;
  };
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '/' && i > 0 && i + 1 < cell.size() && IsAsciiLetter(cell[i - 1]) && IsAsciiLetter(cell[i + 1])) {
      continue;
    }
    if (c == ';' || c == '/' || c == ',' || c == '|' || c == '&' || c == '\t' || c == '\n' || c == '\r') {
      cut(i, i + 1);
      continue;
    }
    if (c != ' ') continue;
    for (std::string_view word : {" y ", " o ", " or ", " and "}) {
      if (cell.size() - i < word.size()) continue;
      std::string lower(cell.substr(i, word.size()));
      for (char& ch : lower) ch = Lower(ch);
      if (lower == word) {
        cut(i, i + word.size() - 1);  // the last space may start the next number
        break;
      }
    }
  }
  cut(cell.size(), cell.size());
  std::vector<std::string_view> out;
  for (auto p : pieces) {
    if (!p.empty()) out.push_back(p);
  }
  return out;
}

// "502", "503" or "504" for the three countries whose 8-digit numbers we expand.
std::string CallingCode(std::string_view country) {
  if (country.empty()) return "";
  Result<std::string> iso = NormalizeCountry(country);
  if (!iso.ok()) return "";
  if (*iso == "GT") return "502";
  if (*iso == "SV") return "503";
  if (*iso == "HN") return "504";
  return "";
}

bool IsCentralAmericanCode(std::string_view d) { return d == "502" || d == "503" || d == "504"; }

struct PhoneReading {
  std::string e164;  // empty when not recognised
  std::string why;   // when not recognised
  bool bad_character = false;
};

// Cuts an extension off the end of a number: "x12", "x 12", "ext. 12", "ext12",
// "extension 12", "extensión 12", "#12". Returns the extension's digits ("" for none).
std::string CutExtension(std::string_view* raw) {
  std::string_view s = *raw;
  std::size_t end = s.size();
  while (end > 0 && s[end - 1] == ' ') --end;
  std::size_t digits = end;
  while (digits > 0 && IsDigit(s[digits - 1])) --digits;
  if (digits == end || end - digits > 6) return "";
  std::size_t mark_end = digits;
  while (mark_end > 0 && (s[mark_end - 1] == ' ' || s[mark_end - 1] == '.' || s[mark_end - 1] == ':' ||
                          s[mark_end - 1] == '=')) {
    --mark_end;
  }
  for (std::string_view mark : {"extensi\xC3\xB3n", "extension", "ext", "x", "#"}) {
    if (mark_end < mark.size()) continue;
    const std::size_t at = mark_end - mark.size();
    std::string lower(s.substr(at, mark.size()));
    for (char& c : lower) c = Lower(c);
    if (lower != mark) continue;
    if (at > 0 && IsAsciiLetter(s[at - 1])) continue;  // part of a word
    std::string_view number = Trim(s.substr(0, at));
    if (number.empty() || !IsDigit(number.back())) continue;  // "x12" alone is no number
    *raw = number;
    return std::string(s.substr(digits, end - digits));
  }
  return "";
}

// Reads one number; `fallback_code` is the calling code for a bare 8-digit number.
PhoneReading ReadPhone(std::string_view raw, const std::string& fallback_code) {
  std::string d;
  bool plus = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (IsDigit(c)) {
      d.push_back(c);
    } else if (c == '+' && d.empty() && !plus) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      // A second '+' may start a second number ("+502 5555 1234 +502 5555 4321").
      return {"", "not a phone number (unexpected '" + CharAt(raw, i) + "')", c != '+'};
    }
  }
  // International prefixes: "00" from Central America, "011" from the US (where
  // the agencies that wrote these lists dialled from).
  if (!plus && d.size() == 14 && d.compare(0, 3, "011") == 0) {
    d.erase(0, 3);
    plus = true;
  } else if (!plus && d.size() > 2 && d.compare(0, 2, "00") == 0) {
    d.erase(0, 2);
    plus = true;
  }
  if (d.size() == 11 && IsCentralAmericanCode(std::string_view(d).substr(0, 3))) return {"+" + d, ""};
  if (d.size() == 11 && d[0] == '1' && d[1] >= '2') return {"+" + d, ""};
  if (plus) return {"", "country code is not +1, +502, +503 or +504, or the length is wrong"};
  if (d.size() == 10 && d[0] >= '2') return {"+1" + d, ""};
  if (d.size() == 8) {
    if (fallback_code.empty()) return {"", "8-digit national number with no country to say whose"};
    return {"+" + fallback_code + d, ""};
  }
  return {"", std::to_string(d.size()) + " digits: not a Guatemalan, Honduran, Salvadoran or US number"};
}

// Several numbers written one after the other with spaces only ("5555-1234 5555-4321",
// "(915) 555-0134 (915) 555-0135"): the fewest numbers the groups of digits make, when
// only one way makes them. Empty when none or several.
std::vector<std::string> SplitRun(std::string_view raw, const std::string& fallback_code) {
  struct Group {
    std::string digits;
    bool plus = false;
  };
  std::vector<Group> groups;
  std::size_t total = 0;
  bool plus = false;
  for (std::size_t i = 0; i < raw.size();) {
    if (raw[i] == '+') plus = true;
    if (!IsDigit(raw[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < raw.size() && IsDigit(raw[j])) ++j;
    groups.push_back({std::string(raw.substr(i, j - i)), plus});
    total += j - i;
    plus = false;
    i = j;
  }
  if (total < 16 || groups.size() < 2 || groups.size() > 16) return {};
  const std::size_t n = groups.size();
  // best[i]: fewest numbers for groups i.., ways[i]: how many ways make that many.
  std::vector<int> best(n + 1, 1000), ways(n + 1, 0);
  std::vector<std::size_t> next(n + 1, 0);
  best[n] = 0;
  ways[n] = 1;
  auto text_of = [&](std::size_t a, std::size_t b) {
    std::string t = groups[a].plus ? "+" : "";
    for (std::size_t k = a; k < b; ++k) t += (k > a ? " " : "") + groups[k].digits;
    return t;
  };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = i + 1; j <= n; ++j) {
      if (j > i + 1 && groups[j - 1].plus) break;  // a '+' starts a number
      if (best[j] >= 1000 || ReadPhone(text_of(i, j), fallback_code).e164.empty()) continue;
      if (best[j] + 1 < best[i]) {
        best[i] = best[j] + 1;
        ways[i] = ways[j];
        next[i] = j;
      } else if (best[j] + 1 == best[i]) {
        ways[i] += ways[j];
      }
    }
  }
  if (best[0] < 2 || best[0] >= 1000 || ways[0] != 1) return {};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; i = next[i]) out.push_back(text_of(i, next[i]));
  return out;
}

}  // namespace

PhoneCell ReadPhoneCell(std::string_view cell, std::string_view country_hint) {
  PhoneCell out;
  const std::vector<std::string_view> pieces = SplitPhoneCell(cell);
  if (pieces.empty()) return out;
  // A cell that is a placeholder word or symbols as a whole ("N / A", "- -").
  if (std::string_view why = PlaceholderReason(cell, CellKind::kText); !why.empty()) {
    out.items.push_back({std::string(Trim(cell)), "", "not a phone number", std::string(why), ""});
    return out;
  }
  const std::string hint_code = CallingCode(country_hint);
  std::string cell_code;  // the country of the last +502/+503/+504 number in this cell
  for (std::string_view piece : pieces) {
    const std::string_view written_why = PlaceholderReason(piece, CellKind::kPhone);
    std::string_view number = piece;
    std::string extension = CutExtension(&number);
    // A number written with its country code in the same cell is closer evidence
    // for a bare 8-digit number than the person's country.
    const std::string code = cell_code.empty() ? hint_code : cell_code;
    PhoneReading r = ReadPhone(number, code);
    std::vector<std::string> parts;
    if (r.e164.empty() && !r.bad_character && extension.empty()) parts = SplitRun(number, code);
    if (parts.empty()) {
      PhoneItem item{std::string(piece), r.e164, r.why, std::string(written_why), ""};
      if (!item.e164.empty()) {
        item.extension = std::move(extension);
        if (item.placeholder.empty()) item.placeholder = PlaceholderReason(item.e164, CellKind::kPhone);
      }
      out.items.push_back(std::move(item));
    } else {
      for (const std::string& part : parts) {
        PhoneItem item{part, ReadPhone(part, code).e164, "", "", ""};
        item.placeholder = PlaceholderReason(item.e164, CellKind::kPhone);
        out.items.push_back(std::move(item));
      }
    }
    const std::string& last = out.items.back().e164;
    if (last.size() == 12 && IsCentralAmericanCode(std::string_view(last).substr(1, 3))) cell_code = last.substr(1, 3);
  }
  return out;
}

std::vector<std::string> PhoneCell::Phones() const {
  std::vector<std::string> phones;
  for (const auto& item : items)
    if (item.placeholder.empty()) phones.push_back(item.e164.empty() ? item.written : item.e164);
  return phones;
}

std::vector<std::string> NormalizePhones(std::string_view cell, std::string_view country_hint,
                                         std::vector<std::string>* unrecognised) {
  std::vector<std::string> phones;
  for (const PhoneItem& item : ReadPhoneCell(cell, country_hint).items) {
    if (!item.e164.empty()) {
      phones.push_back(item.e164);
      continue;
    }
    phones.push_back(item.written);
    if (unrecognised) unrecognised->push_back(Quoted(item.written) + ": " + item.why);
  }
  return phones;
}

// ---- Countries -------------------------------------------------------------

namespace {

// Keys are folded (lower case, no accents) with everything but letters and digits removed.
std::string CountryKey(std::string_view text) {
  std::string key;
  for (char c : FoldForSearch(text)) {
    if ((c >= 'a' && c <= 'z') || IsDigit(c)) key.push_back(c);
  }
  return key;
}

struct CountryTables {
  // key -> ISO alpha-2; "" for a key two countries share (refused, not guessed).
  std::unordered_map<std::string, std::string> exact;
  // Names, capitals and demonyms, which a misspelling may be near (not codes or abbreviations).
  std::vector<std::pair<std::string, std::string>> spelled;
};

std::vector<std::string> SplitSemicolons(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t semi = s.find(';', start);
    if (semi == std::string::npos) semi = s.size();
    std::string part(Trim(std::string_view(s).substr(start, semi - start)));
    if (!part.empty()) out.push_back(part);
    start = semi + 1;
  }
  return out;
}

const CountryTables& Countries() {
  static const CountryTables kTables = [] {
    CountryTables t;
    auto text = EmbeddedFile("places/countries.csv");
    if (!text) return t;
    CsvReader reader(*text, "places/countries.csv");
    CsvRecord header, row;
    if (!reader.Next(&header)) return t;
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < header.fields.size(); ++i) col[header.fields[i]] = i;
    auto add = [&](const std::string& form, const std::string& iso, bool spelled) {
      const std::string key = CountryKey(form);
      if (key.empty()) return;
      auto [it, inserted] = t.exact.emplace(key, iso);
      if (!inserted && it->second != iso) it->second.clear();
      if (spelled) t.spelled.emplace_back(key, iso);
    };
    while (reader.Next(&row)) {
      auto field = [&](const char* name) {
        auto it = col.find(name);
        return it != col.end() && it->second < row.fields.size() ? row.fields[it->second] : std::string();
      };
      const std::string iso = field("alpha2");
      for (const char* column : {"names", "capitals", "demonyms"})
        for (const auto& form : SplitSemicolons(field(column))) add(form, iso, true);
      for (const auto& form : SplitSemicolons(field("abbreviations"))) add(form, iso, false);
      if (field("codes") == "yes") {
        add(iso, iso, false);
        add(field("alpha3"), iso, false);
      }
    }
    // A form two countries share is no misspelling target either.
    std::erase_if(t.spelled, [&](const auto& s) { return t.exact.at(s.first).empty(); });
    return t;
  }();
  return kTables;
}

// Misspellings allowed in a country form of `length` letters: none below 6 (Iran/Iraq,
// Mali/Malta, Nidia/India, Cobán/Cuban), one from 6, two from 9.
int CountryEdits(std::size_t length) { return length >= 9 ? 2 : length >= 6 ? 1 : 0; }

// The one country whose name, capital or demonym is closest to `key` within the edits
// allowed; "" when none is, or when forms of two countries are equally close.
std::string NearestCountry(const std::string& key) {
  thread_local std::unordered_map<std::string, std::string> cache;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::string found;
  int best = 99;
  bool tie = false;
  if (key.size() >= 5 && !IsKnownOtherWord(key)) {
    for (const auto& [form, iso] : Countries().spelled) {
      const int allowed = CountryEdits(form.size());
      if (allowed == 0) continue;
      const int d = BoundedEditDistance(key, form, allowed);
      if (d > allowed) continue;
      if (d < best) {
        best = d;
        found = iso;
        tie = false;
      } else if (d == best && iso != found) {
        tie = true;
      }
    }
  }
  if (tie) found.clear();
  if (cache.size() >= 4096) cache.clear();
  cache.emplace(key, found);
  return found;
}

}  // namespace

Result<std::string> NormalizeCountry(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return std::string();
  const std::string key = CountryKey(trimmed);
  // "E.S." is how Salvadoran forms abbreviate the country; a bare "ES" could as
  // well be ISO's Spain, so it is refused rather than guessed.
  if (key == "es") {
    if (trimmed.find('.') != std::string_view::npos) return std::string("SV");
    return Status::NotFound("country \"ES\" is ambiguous (El Salvador or Spain?)");
  }
  const auto& exact = Countries().exact;
  auto lookup = [&](const std::string& k) -> const std::string* {
    auto it = exact.find(k);
    return it == exact.end() ? nullptr : &it->second;
  };
  const std::string* iso = lookup(key);
  // "Nicaragua, C.A." (Central America, as the region's forms write it).
  if (!iso) {
    const std::string folded = FoldForSearch(trimmed);
    std::size_t end = folded.find_last_not_of(" .");
    if (end != std::string::npos && end >= 3 && folded.compare(end - 2, 3, "c.a") == 0) {
      iso = lookup(CountryKey(std::string_view(folded).substr(0, end - 2)));
    } else if (end != std::string::npos && end >= 3 && folded.compare(end - 3, 4, ", ca") == 0) {
      iso = lookup(CountryKey(std::string_view(folded).substr(0, end - 3)));
    }
  }
  if (iso && iso->empty()) return Status::NotFound("country " + Quoted(trimmed) + " is ambiguous");
  if (iso) return *iso;
  if (std::string near = NearestCountry(key); !near.empty()) return near;
  return Status::NotFound("unrecognised country " + Quoted(trimmed));
}

}  // namespace reunite
