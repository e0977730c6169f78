#include "ingest/fold.h"

#include <unicode/uchar.h>

namespace reunite {

namespace {

// Base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A),
// lower case; 0 where the code point has no single-letter base.
constexpr const char* kLatinBase =
    // U+00C0..U+00FF
    "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts" "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty"
    // U+0100..U+017F
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iiiijjjjkkklllll"
    "lllllnnnnnnnnnoo" "oooooorrrrrrssss" "ssssttttttuuuuuu" "uuuuuuwwyyyzzzzs";

void AppendUtf8(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Decodes one code point at s[i], advancing i; returns -1 for an invalid byte or
// sequence (overlong, surrogate, above U+10FFFF), so that none is re-encoded.
UChar32 Decode(std::string_view s, size_t& i) {
  unsigned char b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = b >= 0xF8 ? -1 : b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (extra < 0 || i + extra > s.size()) return -1;
  UChar32 c = b & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    unsigned char cont = static_cast<unsigned char>(s[i]);
    if ((cont & 0xC0) != 0x80) return -1;
    c = (c << 6) | (cont & 0x3F);
    ++i;
  }
  constexpr UChar32 kSmallest[] = {0, 0x80, 0x800, 0x10000};  // by number of extra bytes
  if (c < kSmallest[extra] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return -1;
  return c;
}

}  // namespace

std::string FoldForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    UChar32 c = Decode(text, i);
    if (c < 0) continue;
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else if (c >= 0x300 && c <= 0x36F) {
      continue;  // combining diacritical marks
    } else if (c >= 0xC0 && c <= 0x17F && kLatinBase[c - 0xC0] != '\0') {
      out.push_back(kLatinBase[c - 0xC0]);
      if (c == 0xC6 || c == 0xE6) out.push_back('e');   // æ
      if (c == 0xDF) out.push_back('s');                // ß
    } else {
      AppendUtf8(out, u_tolower(c));
    }
  }
  return out;
}

}  // namespace reunite
