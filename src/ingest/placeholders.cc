#include "ingest/placeholders.h"

#include <algorithm>
#include <unordered_set>

#include "ingest/fold.h"

namespace reunite {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char ToLowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Placeholder words, as keys: folded, letters and digits only ("N/A" -> "na",
// "Sin información" -> "sininformacion").
const std::unordered_set<std::string_view>& Words() {
  static const auto* const kWords = new std::unordered_set<std::string_view>{
      // English
      "na", "none", "null", "nul", "nil", "nan", "unknown", "unkown", "unknwn", "unk", "ukn", "unkn", "tbd", "tba",
      "tbc", "pending", "blank", "empty", "missing", "notknown", "notavailable", "notapplicable", "notprovided",
      "notgiven", "notreported", "notstated", "notrecorded", "nodata", "noinfo", "noinformation", "norecord",
      "nothing", "nonegiven", "nophone", "nonumber", "notel", "nophonenumber", "refused", "declined", "unavailable",
      "unspecified", "notspecified", "undetermined", "tobedetermined",
      // Spanish
      "desconocido", "desconocida", "desconocidos", "desconoce", "nosabe", "nosesabe", "nose", "nosabemos",
      "nolosabe", "sindato", "sindatos", "sininformacion", "sininfo", "sinnumero", "sintelefono", "sintel",
      "sinregistro", "ninguno", "ninguna", "ningun", "notiene", "nohay", "noaplica", "nodisponible",
      "noproporciono", "noproporcionado", "noproporcionada", "noindica", "norefiere", "nodice", "seignora",
      "ignorado", "ignorada", "norecuerda", "noregistra", "noconsta", "pendiente", "pordeterminar", "vacio",
      // Names (every kind: "NN" is no value in a country cell either)
      "fnu", "lnu", "nn", "sinnombre", "noname",
  };
  return *kWords;
}

// The length of the longest placeholder word, beyond which no key is looked up.
std::size_t LongestWord() {
  static const std::size_t kLongest = [] {
    std::size_t n = 0;
    for (std::string_view w : Words()) n = std::max(n, w.size());
    return n;
  }();
  return kLongest;
}

// True when the cell holds more ASCII letters and digits than the longest placeholder
// word, not all of them 'x' or '0': then its key (which folding only lengthens) is no
// placeholder word, "XXX" or "000", so a text or name cell is a value.
bool LongerThanAnyWord(std::string_view s) {
  std::size_t n = 0;
  bool not_x_or_zero = false;
  for (char c : s) {
    const char l = ToLowerAscii(c);
    if (IsLower(l) || IsDigit(l)) {
      ++n;
      not_x_or_zero |= l != 'x' && l != '0';
    }
  }
  return not_x_or_zero && n > LongestWord();
}

// Written with their slash only: "S/N" is "sin número", "SN" may be anything.
const std::unordered_set<std::string_view>& SlashWords() {
  static const auto* const kWords =
      new std::unordered_set<std::string_view>{"s/i", "s/n", "n/d", "s/d", "n/c", "ns/nc", "n/s", "s/e"};
  return *kWords;
}

// Given names that are also placeholder words elsewhere.
bool IsNameToo(std::string_view key) { return key == "nan" || key == "nil"; }

// Non-ASCII punctuation a symbols-only cell may hold.
bool SkipSymbol(std::string_view s, std::size_t& i) {
  for (std::string_view sym : {"\xC2\xBF", "\xC2\xA1", "\xC2\xB7", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA6"}) {
    if (s.substr(i, sym.size()) == sym) {
      i += sym.size();
      return true;
    }
  }
  return false;
}

bool AllSame(std::string_view d) { return !d.empty() && d.find_first_not_of(d[0]) == std::string_view::npos; }

// Each digit one more (or each one less) than the one before, 9 wrapping to 0:
// "123456789", "0123456789", "1234567890", "987654321".
bool IsRun(std::string_view d) {
  if (d.size() < 6) return false;
  bool up = true, down = true;
  for (std::size_t i = 1; i < d.size(); ++i) {
    const int a = d[i - 1] - '0', b = d[i] - '0';
    up &= b == (a + 1) % 10;
    down &= a == (b + 1) % 10;
  }
  return up || down;
}

// d is its first `period` digits repeated.
bool Repeats(std::string_view d, std::size_t period) {
  if (period == 0 || d.size() % period != 0 || d.size() == period) return false;
  for (std::size_t i = period; i < d.size(); ++i)
    if (d[i] != d[i - period]) return false;
  return true;
}

std::string_view DigitsReason(std::string_view d, std::size_t min_same) {
  if (!d.empty() && d.find_first_not_of('0') == std::string_view::npos) return "zeros only";
  if (d.size() >= min_same && AllSame(d)) return "one digit repeated";
  if (IsRun(d)) return "run of digits";
  return "";
}

// The rules for one phone number, on its digits.
std::string_view PhoneReason(std::string d) {
  if (std::string_view why = DigitsReason(d, 3); !why.empty()) return why;
  // International prefixes, then the country code.
  if (d.size() >= 13 && d.compare(0, 3, "011") == 0) d.erase(0, 3);
  else if (d.size() >= 10 && d.compare(0, 2, "00") == 0) d.erase(0, 2);
  bool central_american = false, us = false;
  if (d.size() == 11 && (d.compare(0, 3, "502") == 0 || d.compare(0, 3, "503") == 0 || d.compare(0, 3, "504") == 0)) {
    d.erase(0, 3);
    central_american = true;
  } else if (d.size() == 11 && d[0] == '1') {
    d.erase(0, 1);
    us = true;
  } else if (d.size() == 10) {
    us = true;
  } else if (d.size() == 8) {
    central_american = true;
  }
  if (std::string_view why = DigitsReason(d, 3); !why.empty()) return why;
  if (us && (d.compare(0, 3, "555") == 0 || d.compare(3, 3, "555") == 0)) return "US 555 number";
  if (central_american && (Repeats(d, 1) || Repeats(d, 2) || Repeats(d, 4))) return "repeated pattern";
  return "";
}

// The numbers of a date cell ("1/0/1900" -> 1, 0, 1900), or nothing when it has other
// characters.
std::vector<int> DateNumbers(std::string_view key_with_separators) {
  std::vector<int> parts;
  int value = -1;
  for (char c : key_with_separators) {
    if (IsDigit(c)) {
      value = (value < 0 ? 0 : value * 10) + (c - '0');
      if (value > 99999999) return {};
    } else {
      if (value >= 0) parts.push_back(value);
      value = -1;
    }
  }
  if (value >= 0) parts.push_back(value);
  return parts;
}

std::string_view DateReason(std::string_view folded, std::string_view key) {
  if (key.size() >= 4 && key.find_first_not_of("mdyax") == std::string_view::npos) return "date template";
  std::string digits_only;
  for (char c : key) {
    if (!IsDigit(c)) return "";
    digits_only.push_back(c);
  }
  if (digits_only.size() >= 4 && AllSame(digits_only)) return "one digit repeated";
  const std::vector<int> n = DateNumbers(folded);
  std::vector<int> parts = n;
  if (n.size() == 1 && digits_only.size() == 8) {  // YYYYMMDD
    parts = {n[0] / 10000, n[0] / 100 % 100, n[0] % 100};
  }
  if (parts.size() != 3) return "";
  int year = -1, a = -1, b = -1;
  if (parts[0] >= 1000) year = parts[0], a = parts[1], b = parts[2];
  else if (parts[2] >= 1000) year = parts[2], a = parts[0], b = parts[1];
  else return "";
  if (a > b) std::swap(a, b);
  // Spreadsheets' day zero (1899-12-30 or -31, shown as 1/0/1900) and databases' 1900-01-01.
  if (year == 1900 && ((a == 1 && b == 1) || (a == 0 && b == 1))) return "default date";
  if (year == 1899 && a == 12 && (b == 30 || b == 31)) return "default date";
  return "";
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view PlaceholderReason(std::string_view cell, CellKind kind) {
  const std::string_view trimmed = Trim(cell);
  if (trimmed.empty()) return "";
  // Most cells: a shortcut for the reading of a million records.
  if ((kind == CellKind::kText || kind == CellKind::kName) && LongerThanAnyWord(trimmed)) return "";
  // Most cells are ASCII, which folds to its lower case: fold only the others.
  std::string folded_storage;
  std::string_view folded = trimmed;
  if (!IsAscii(trimmed)) folded = folded_storage = FoldForSearch(trimmed);
  std::string key, key_slash;
  bool other = false;  // letters of other scripts: never symbols only
  bool slash = false;
  for (std::size_t i = 0; i < folded.size();) {
    const char c = ToLowerAscii(folded[i]);
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!SkipSymbol(folded, i)) {
        other = true;
        ++i;
      }
      continue;
    }
    if (IsLower(c) || IsDigit(c)) {
      key.push_back(c);
      key_slash.push_back(c);
    } else if (c == '/') {
      key_slash.push_back(c);
      slash = true;
    }
    ++i;
  }
  if (key.empty()) return other ? "" : "symbols only";
  if (key.size() <= LongestWord() && Words().count(key) && !(kind == CellKind::kName && IsNameToo(key)))
    return "no-value word";
  if (slash && SlashWords().count(key_slash)) return "no-value word";
  if (kind == CellKind::kName && (key == "mnu" || key == "nfn" || key == "nln" || key == "nmn" || key == "unnamed"))
    return "no-value word";
  if (key.find_first_not_of('x') == std::string::npos) return "no-value word";  // "X", "XXX"
  if (key.find_first_not_of('0') == std::string::npos) return "zeros only";
  switch (kind) {
    case CellKind::kText:
    case CellKind::kName:
      return "";
    case CellKind::kIdentifier: {
      std::string_view rest = key;
      if (rest.front() == 'a') rest.remove_prefix(1);  // the A of an A-number
      if (!rest.empty() && rest.find_first_not_of('x') == std::string_view::npos) return "no-value word";
      if (rest.empty() || rest.find_first_not_of("0123456789") != std::string_view::npos) return "";
      return DigitsReason(rest, 3);
    }
    case CellKind::kPhone: {
      // Without an extension ("915 555 0134 x12" -> "9155550134").
      std::string number = key;
      const std::size_t letters = number.find_first_not_of("0123456789");
      if (letters != std::string::npos && letters > 0) {
        const std::size_t digits = number.find_first_of("0123456789", letters);
        const std::string mark = number.substr(letters, digits - letters);  // to the end when no digits
        if ((mark == "x" || mark == "ext" || mark == "extension") && digits != std::string::npos &&
            number.find_first_not_of("0123456789", digits) == std::string::npos) {
          number.resize(letters);
        }
      }
      if (number.find_first_not_of("0123456789") != std::string::npos) return "";
      return PhoneReason(number);
    }
    case CellKind::kDate:
      return DateReason(folded, key);
  }
  return "";
}

std::string RemoveNamePlaceholders(std::string_view cell, bool full_name, std::vector<std::string>* removed) {
  static const std::unordered_set<std::string_view> kNameWords = {"fnu", "lnu", "mnu", "nfn", "nln", "nmn"};
  std::string out;
  bool first_name_unknown_at_start = false;
  bool any = false;
  std::size_t i = 0;
  while (i < cell.size()) {
    // A word: a run of ASCII letters between non-letters.
    auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!is_letter(cell[i])) {
      out.push_back(cell[i++]);
      continue;
    }
    std::size_t j = i;
    while (j < cell.size() && is_letter(cell[j])) ++j;
    const bool word_boundary = j == cell.size() || static_cast<unsigned char>(cell[j]) < 0x80;
    std::string lower(cell.substr(i, j - i));
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    const bool before_is_letter = i > 0 && static_cast<unsigned char>(cell[i - 1]) >= 0x80;
    if (word_boundary && !before_is_letter && kNameWords.count(lower)) {
      if (removed) removed->emplace_back(cell.substr(i, j - i));
      if (Trim(out).empty() && (lower == "fnu" || lower == "nfn")) first_name_unknown_at_start = true;
      any = true;
      // Drop the spaces after it, so "FNU PEREZ" leaves "PEREZ".
      while (j < cell.size() && cell[j] == ' ') ++j;
    } else {
      out.append(cell.substr(i, j - i));
    }
    i = j;
  }
  if (!any) return std::string(cell);
  std::string result(Trim(out));
  // Given names first with the given name unknown: what is left are the surnames.
  if (full_name && first_name_unknown_at_start && !result.empty() && result.find(',') == std::string::npos) {
    result += ",";
  }
  return result;
}

}  // namespace reunite
