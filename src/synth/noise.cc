#include "synth/noise.h"

#include <algorithm>
#include <vector>

namespace reunite::synth {

NoiseRates::NoiseRates(double level) {
  auto r = [level](double base) { return std::min(0.95, base * level); };
  drop_accents = r(0.30), all_caps = r(0.12);
  typo = r(0.02), phonetic = r(0.03), phonetic_maya = r(0.12);
  swap_surnames = r(0.03), missing_maternal = r(0.06), surname_in_given = r(0.03), hyphenated = r(0.02);
  swap_day_month = r(0.03), january_first = r(0.03), missing_dob = r(0.02);
  missing_a_number = r(0.08), mistyped_a_number = r(0.02), format_variety = r(0.8);
  nickname_given = r(0.01), nickname_reported = r(0.25);
  missing_phones = r(0.10), missing_sex = r(0.01), language_spelling = r(0.3);
  first_given_only = r(0.10), misspell_country = r(0.02), apprehension_shift = r(0.20);
  placeholder = r(0.30), shared_phone = r(0.03);
  // Some adults have a record from both agencies even on a clean list.
  duplicate = std::min(0.9, 0.15 + 0.15 * level);
}

namespace {

// Splits UTF-8 into code points (each a 1- to 4-byte string).
std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n = std::min(n, s.size() - i);
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += p;
  return s;
}

char AsciiFor(unsigned char second) {
  static const char kLower[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // U+00E0..U+00FF
  static const char kUpper[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTs";  // U+00C0..U+00DF
  if (second >= 0xA0 && second <= 0xBF) return kLower[second - 0xA0];
  if (second >= 0x80 && second <= 0x9F) return kUpper[second - 0x80];
  return '?';
}

bool IsVowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }

struct Rule {
  const char* from;
  const char* to;
  enum { kAny, kStart, kBeforeEI, kBeforeAOU, kBetweenVowels } where;
};

const Rule kRules[] = {
    {"v", "b", Rule::kAny},       {"b", "v", Rule::kAny},        {"z", "s", Rule::kAny},
    {"s", "z", Rule::kAny},       {"c", "s", Rule::kBeforeEI},   {"ll", "y", Rule::kAny},
    {"y", "ll", Rule::kBetweenVowels}, {"h", "", Rule::kStart},  {"", "h", Rule::kStart},
    {"j", "g", Rule::kBeforeEI},  {"g", "j", Rule::kBeforeEI},   {"qu", "k", Rule::kAny},
    {"c", "k", Rule::kBeforeAOU}, {"k", "c", Rule::kAny},        {"x", "sh", Rule::kAny},
    {"tz", "ts", Rule::kAny},     {"gu", "w", Rule::kBeforeAOU}, {"w", "gu", Rule::kAny},
};

bool RuleApplies(const Rule& rule, const std::string& w, std::size_t at) {
  std::size_t n = std::string_view(rule.from).size();
  if (w.compare(at, n, rule.from) != 0) return false;
  char next = at + n < w.size() ? w[at + n] : '\0';
  switch (rule.where) {
    case Rule::kAny: return n > 0;
    case Rule::kStart: return at == 0 && (n > 0 || IsVowel(next));
    case Rule::kBeforeEI: return next == 'e' || next == 'i';
    case Rule::kBeforeAOU: return next == 'a' || next == 'o' || next == 'u';
    case Rule::kBetweenVowels: return at > 0 && IsVowel(w[at - 1]) && IsVowel(next);
  }
  return false;
}

}  // namespace

std::string DropAccents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xC3 && i + 1 < text.size()) {
      out.push_back(AsciiFor(static_cast<unsigned char>(text[++i])));
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string AllCaps(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'a' && c <= 'z') {
      out[i] = static_cast<char>(c - 'a' + 'A');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 0x20);
      ++i;
    }
  }
  return out;
}

std::string Typo(std::string_view word, Rng& rng) {
  std::vector<std::string> cps = CodePoints(word);
  if (cps.size() < 3) return std::string(word);
  std::size_t at = 1 + rng.Below(cps.size() - 1);
  std::string letter(1, static_cast<char>('a' + rng.Below(26)));
  switch (rng.Below(4)) {
    case 0: cps.insert(cps.begin() + static_cast<long>(at), letter); break;
    case 1: cps.erase(cps.begin() + static_cast<long>(at)); break;
    case 2: cps[at] = cps[at] != letter ? letter : std::string(1, static_cast<char>(letter[0] == 'z' ? 'a' : letter[0] + 1));
      break;
    default:
      if (at + 1 >= cps.size()) at = cps.size() - 2;
      if (at == 0) at = 1;
      if (at + 1 < cps.size() && cps[at] != cps[at + 1]) std::swap(cps[at], cps[at + 1]);
      else cps.erase(cps.begin() + static_cast<long>(at));
  }
  return Join(cps);
}

std::string Phonetic(std::string_view word, Rng& rng) {
  std::string w(word);
  bool capital = !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
  if (capital) w[0] = static_cast<char>(w[0] - 'A' + 'a');
  std::vector<std::pair<const Rule*, std::size_t>> options;
  for (const Rule& rule : kRules)
    for (std::size_t at = 0; at < w.size(); ++at)
      if (RuleApplies(rule, w, at)) options.emplace_back(&rule, at);
  if (options.empty()) return std::string(word);
  auto [rule, at] = options[rng.Below(options.size())];
  w.replace(at, std::string_view(rule->from).size(), rule->to);
  if (capital && !w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

std::string MistypeDigit(std::string_view digits, Rng& rng) {
  std::string out(digits);
  if (out.empty()) return out;
  std::size_t at = rng.Below(out.size());
  out[at] = static_cast<char>('0' + (out[at] - '0' + 1 + rng.Below(9)) % 10);
  return out;
}

std::string FormatANumber(const std::string& d, bool vary, Rng& rng) {
  if (!vary || d.size() != 9) return "A" + d;
  std::string body = d[0] == '0' && rng.Chance(0.5) ? d.substr(1) : d;
  switch (rng.Below(6)) {
    case 0: return "A" + body;
    case 1: return body;
    case 2: return body.size() == 9 ? body.substr(0, 3) + "-" + body.substr(3, 3) + "-" + body.substr(6) : "A-" + body;
    case 3: return body.size() == 9 ? "A " + body.substr(0, 3) + " " + body.substr(3, 3) + " " + body.substr(6) : "A " + body;
    case 4: return "A-" + body;
    default: return "A#" + body;
  }
}

std::string FormatPhone(const std::string& e164, bool vary, Rng& rng) {
  if (!vary) return e164;
  if (e164.rfind("+1", 0) == 0 && e164.size() == 12) {
    std::string a = e164.substr(2, 3), b = e164.substr(5, 3), c = e164.substr(8);
    switch (rng.Below(4)) {
      case 0: return "(" + a + ") " + b + "-" + c;
      case 1: return a + "-" + b + "-" + c;
      case 2: return a + b + c;
      default: return "+1 " + a + " " + b + " " + c;
    }
  }
  if (e164.size() != 12) return e164;
  std::string cc = e164.substr(1, 3), a = e164.substr(4, 4), b = e164.substr(8);
  switch (rng.Below(7)) {
    case 0: return a + "-" + b;
    case 1: return "+" + cc + " " + a + b;
    case 2: return "(" + cc + ") " + a + " " + b;
    case 3: return a + b;
    case 4: return cc + "-" + a + "-" + b;
    case 5: return "+" + cc + "-" + a + "-" + b;
    default: return "011" + cc + a + b;
  }
}

}  // namespace reunite::synth
