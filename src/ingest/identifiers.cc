#include "ingest/identifiers.h"

#include <unordered_map>

#include "ingest/fold.h"

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

// Splits a cell at ';', '/', ',', line breaks and the words " y ", " o ", " or ".
std::vector<std::string_view> SplitPhoneCell(std::string_view cell) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  auto cut = [&](std::size_t end, std::size_t next) {
    pieces.push_back(Trim(cell.substr(start, end - start)));
    start = next;
  };
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == ';' || c == '/' || c == ',' || c == '\n' || c == '\r') {
      cut(i, i + 1);
      continue;
    }
    if (c != ' ') continue;
    for (std::string_view word : {" y ", " o ", " or "}) {
      if (cell.size() - i < word.size()) continue;
      std::string lower(cell.substr(i, word.size()));
      for (char& ch : lower) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch;
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
};

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
      return {"", "not a phone number (unexpected '" + CharAt(raw, i) + "')"};
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

}  // namespace

std::vector<std::string> NormalizePhones(std::string_view cell, std::string_view country_hint,
                                         std::vector<std::string>* unrecognised) {
  std::vector<std::string> phones;
  const std::string hint_code = CallingCode(country_hint);
  std::string cell_code;  // the country of the last +502/+503/+504 number in this cell
  for (std::string_view raw : SplitPhoneCell(cell)) {
    // A number written with its country code in the same cell is closer evidence
    // for a bare 8-digit number than the person's country.
    PhoneReading r = ReadPhone(raw, cell_code.empty() ? hint_code : cell_code);
    if (r.e164.empty()) {
      phones.emplace_back(raw);
      if (unrecognised) unrecognised->push_back(Quoted(raw) + ": " + r.why);
      continue;
    }
    if (r.e164.size() == 12 && IsCentralAmericanCode(std::string_view(r.e164).substr(1, 3))) {
      cell_code = r.e164.substr(1, 3);
    }
    phones.push_back(std::move(r.e164));
  }
  return phones;
}

// ---- Countries -------------------------------------------------------------

namespace {

// Keys are folded (lower case, no accents) with everything but letters and digits removed.
const std::unordered_map<std::string_view, std::string_view>& CountryKeys() {
  static const auto* const kKeys = new std::unordered_map<std::string_view, std::string_view>{
      {"guatemala", "GT"}, {"gt", "GT"}, {"gtm", "GT"}, {"guate", "GT"}, {"guat", "GT"},
      {"guatemalaca", "GT"}, {"republicadeguatemala", "GT"},
      {"honduras", "HN"}, {"hn", "HN"}, {"hnd", "HN"}, {"hond", "HN"}, {"hondurasca", "HN"},
      {"elsalvador", "SV"}, {"salvador", "SV"}, {"sv", "SV"}, {"slv", "SV"}, {"elsal", "SV"},
      {"salv", "SV"}, {"elsalvadorca", "SV"},
      {"mexico", "MX"}, {"mejico", "MX"}, {"mx", "MX"}, {"mex", "MX"},
      {"estadosunidos", "US"}, {"estadosunidosdeamerica", "US"}, {"eeuu", "US"}, {"eua", "US"},
      {"unitedstates", "US"}, {"unitedstatesofamerica", "US"}, {"usa", "US"}, {"us", "US"},
      {"nicaragua", "NI"}, {"ni", "NI"}, {"nic", "NI"},
      {"costarica", "CR"}, {"cr", "CR"}, {"cri", "CR"},
      {"panama", "PA"}, {"pa", "PA"}, {"pan", "PA"},
      {"belize", "BZ"}, {"belice", "BZ"}, {"bz", "BZ"}, {"blz", "BZ"},
      {"ecuador", "EC"}, {"ec", "EC"}, {"ecu", "EC"},
      {"brazil", "BR"}, {"brasil", "BR"}, {"br", "BR"}, {"bra", "BR"},
      {"colombia", "CO"}, {"co", "CO"}, {"col", "CO"},
      {"peru", "PE"}, {"pe", "PE"}, {"per", "PE"},
      {"venezuela", "VE"}, {"ve", "VE"}, {"ven", "VE"},
      {"cuba", "CU"}, {"cu", "CU"}, {"cub", "CU"},
      {"haiti", "HT"}, {"ht", "HT"}, {"hti", "HT"},
      {"dominicanrepublic", "DO"}, {"republicadominicana", "DO"}, {"do", "DO"}, {"dom", "DO"},
      {"argentina", "AR"}, {"ar", "AR"}, {"arg", "AR"},
      {"chile", "CL"}, {"cl", "CL"}, {"chl", "CL"},
      {"bolivia", "BO"}, {"bo", "BO"}, {"bol", "BO"},
      {"canada", "CA"}, {"ca", "CA"}, {"can", "CA"},
      {"spain", "ES"}, {"espana", "ES"}, {"esp", "ES"},
      {"india", "IN"}, {"in", "IN"}, {"ind", "IN"},
      {"china", "CN"}, {"cn", "CN"}, {"chn", "CN"},
      {"romania", "RO"}, {"rumania", "RO"}, {"ro", "RO"}, {"rou", "RO"},
      {"bangladesh", "BD"}, {"bd", "BD"}, {"bgd", "BD"},
      {"nepal", "NP"}, {"np", "NP"}, {"npl", "NP"},
      {"pakistan", "PK"}, {"pk", "PK"}, {"pak", "PK"},
      {"cameroon", "CM"}, {"camerun", "CM"}, {"cm", "CM"}, {"cmr", "CM"},
      {"eritrea", "ER"}, {"er", "ER"}, {"eri", "ER"},
      {"jamaica", "JM"}, {"jm", "JM"}, {"jam", "JM"},
  };
  return *kKeys;
}

}  // namespace

Result<std::string> NormalizeCountry(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return std::string();
  std::string key;
  for (char c : FoldForSearch(trimmed)) {
    if ((c >= 'a' && c <= 'z') || IsDigit(c)) key.push_back(c);
  }
  // "E.S." is how Salvadoran forms abbreviate the country; a bare "ES" could as
  // well be ISO's Spain, so it is refused rather than guessed.
  if (key == "es") {
    if (trimmed.find('.') != std::string_view::npos) return std::string("SV");
    return Status::NotFound("country \"ES\" is ambiguous (El Salvador or Spain?)");
  }
  const auto& keys = CountryKeys();
  if (auto it = keys.find(key); it != keys.end()) return std::string(it->second);
  return Status::NotFound("unrecognised country " + Quoted(trimmed));
}

}  // namespace reunite
