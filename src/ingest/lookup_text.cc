#include "ingest/lookup_text.h"

#include <algorithm>

#include "ingest/identifiers.h"

namespace reunite {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string DigitsOf(std::string_view s) {
  std::string out;
  for (char c : s)
    if (IsDigit(c)) out.push_back(c);
  return out;
}

// The phone numbers the text may be: what ReadPhoneCell recognises, and for a bare
// 8-digit number each Central American country's (a searcher rarely types +502).
std::vector<std::string> PhonesOf(std::string_view text) {
  std::vector<std::string> out;
  for (const PhoneItem& item : ReadPhoneCell(text, "").items) {
    if (!item.e164.empty() && item.placeholder.empty()) out.push_back(item.e164);
  }
  const std::string digits = DigitsOf(text);
  const bool only_number = std::all_of(text.begin(), text.end(), [](char c) {
    return IsDigit(c) || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
  });
  if (out.empty() && only_number && digits.size() == 8) {
    for (const char* code : {"+502", "+503", "+504"}) out.push_back(code + digits);
  }
  return out;
}

// Words of two letters or more outside a word that holds a digit ("Juan 1985" has
// one; "UAC3049356" and "A094763778" have none).
bool HasNameWord(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    std::size_t j = i;
    int letters = 0;
    bool digit = false;
    while (j < text.size() && !IsSpace(text[j])) {
      const char c = text[j++];
      if (IsDigit(c)) digit = true;
      else if (IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80) ++letters;
    }
    if (!digit && letters >= 2) return true;
    i = j;
  }
  return false;
}

}  // namespace

LookupText ReadLookupText(std::string_view text) {
  LookupText out;
  const std::string_view t = Trim(text);
  if (t.size() > 64 || std::none_of(t.begin(), t.end(), IsDigit)) return out;
  if (Result<std::string> a = NormalizeANumber(t); a.ok()) out.a_number = *a;
  out.phones = PhonesOf(t);
  const bool one_word = std::none_of(t.begin(), t.end(), IsSpace);
  if (one_word) out.record_id = std::string(t);
  if (t.size() <= 18 && std::all_of(t.begin(), t.end(), IsDigit)) out.person_id = std::stoll(std::string(t));
  out.identifier_only = !out.empty() && !HasNameWord(t);
  return out;
}

}  // namespace reunite
