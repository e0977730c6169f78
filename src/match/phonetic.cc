#include "match/phonetic.h"

namespace reunite::match {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsFrontVowel(char c) { return c == 'e' || c == 'i'; }

// Appends one code, collapsing a repeat of the previous code (rule 4), so that
// "rr", "Caal" and "Ascencio" (s + soft c) each give one letter.
void Emit(std::string& key, char code) {
  if (key.empty() || key.back() != code) key.push_back(code);
}

// Encodes one word of lower-case ASCII letters. at(i) is 0 past either end, so the
// look-aheads need no bounds checks.
class WordEncoder {
 public:
  explicit WordEncoder(std::string_view w) : w_(w) {}

  void AppendTo(std::string& key) {
    for (i_ = 0; i_ < w_.size(); ++i_) {
      const char code = Code();
      if (code != 0) Emit(key, code);
    }
  }

 private:
  char at(size_t i) const { return i < w_.size() ? w_[i] : 0; }
  char next() const { return at(i_ + 1); }
  bool AtEnd() const { return i_ + 1 == w_.size(); }
  // Consumes the second letter of a digraph and returns its code.
  char Digraph(char code) { ++i_; return code; }

  // The code of the letter at i_ (0 for a silent letter).
  char Code() {
    const char c = w_[i_];
    if (IsVowel(c)) return static_cast<char>(c - 32);
    switch (c) {
      case 'b': case 'v': return 'B';
      case 'c': return C();
      case 'g': return G();
      case 'h': return H();
      case 'j': return AtEnd() ? 0 : 'H';
      case 'l': return next() == 'l' && IsVowel(at(i_ + 2)) ? Digraph('Y') : 'L';
      case 'n': return next() == 'b' || next() == 'p' ? 'M' : 'N';
      case 'p': return next() == 'h' ? Digraph('F') : 'P';
      case 'q': return next() == 'u' && IsFrontVowel(at(i_ + 2)) ? Digraph('K') : 'K';
      case 's': case 'z': return c == 's' && next() == 'h' ? Digraph('S') : 'S';
      case 't': return next() == 'z' || next() == 's' ? Digraph('Z') : 'T';
      case 'x': return i_ == 0 && w_.substr(0, 4) == "xime" ? 'H' : 'S';
      case 'y': return IsVowel(next()) ? 'Y' : 'I';
      case 'k': return 'K';
      default: return static_cast<char>(c - 32);  // d f m r w keep their letter
    }
  }

  char C() {
    if (next() == 'h') return Digraph('C');
    if (next() == 'k') return Digraph('K');
    return IsFrontVowel(next()) ? 'S' : 'K';
  }

  char G() {
    if (next() == 'u' && IsFrontVowel(at(i_ + 2))) return Digraph('G');  // Guillermo
    if (next() == 'u' && IsVowel(at(i_ + 2))) return Digraph('W');       // Guatemala
    return IsFrontVowel(next()) ? 'H' : 'G';                             // Gimenez
  }

  // Spanish h is silent; "hu" before a vowel sounds w (Huehuetenango).
  char H() { return next() == 'u' && IsVowel(at(i_ + 2)) ? Digraph('W') : 0; }

  std::string_view w_;
  size_t i_ = 0;
};

bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// Inside a word: apostrophes (ASCII, or the bytes of a curly one) vanish without
// splitting it, so Tz'ul and Tz’ul stay one word.
bool StaysInWord(char c) { return c == '\'' || static_cast<unsigned char>(c) >= 0x80; }

}  // namespace

std::string PhoneticKey(std::string_view folded) {
  std::string key;
  std::string word;
  auto flush = [&] {
    WordEncoder(word).AppendTo(key);
    word.clear();
  };
  for (char c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (IsLetter(c)) {
      word.push_back(c);
    } else if (!StaysInWord(c)) {
      flush();
    }
  }
  flush();
  return key;
}

}  // namespace reunite::match
