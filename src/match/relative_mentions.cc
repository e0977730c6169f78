#include "match/relative_mentions.h"

#include <cctype>
#include <unordered_map>

#include "ingest/fold.h"

namespace reunite::match {
namespace {

// Relation words as children and adults say them, folded. Diminutives and the short
// forms a young child uses are included; plural forms name the same relation. "ma"
// and "pa" are left out: "Ma." is how clerks shorten María.
const std::unordered_map<std::string, RelativeKind>& RelationWords() {
  static const auto* words = new std::unordered_map<std::string, RelativeKind>{
      {"papa", RelativeKind::kFather},   {"papi", RelativeKind::kFather},   {"padre", RelativeKind::kFather},
      {"papito", RelativeKind::kFather}, {"tata", RelativeKind::kFather},
      {"father", RelativeKind::kFather}, {"dad", RelativeKind::kFather},
      {"mama", RelativeKind::kMother},   {"mami", RelativeKind::kMother},   {"madre", RelativeKind::kMother},
      {"mamita", RelativeKind::kMother}, {"mother", RelativeKind::kMother},
      {"mom", RelativeKind::kMother},
      {"hijo", RelativeKind::kChild},    {"hija", RelativeKind::kChild},    {"hijos", RelativeKind::kChild},
      {"hijas", RelativeKind::kChild},   {"hijito", RelativeKind::kChild},  {"hijita", RelativeKind::kChild},
      {"son", RelativeKind::kChild},     {"daughter", RelativeKind::kChild},
      {"tio", RelativeKind::kOtherRelative},      {"tia", RelativeKind::kOtherRelative},
      {"abuelo", RelativeKind::kOtherRelative},   {"abuela", RelativeKind::kOtherRelative},
      {"abuelito", RelativeKind::kOtherRelative}, {"abuelita", RelativeKind::kOtherRelative},
      {"hermano", RelativeKind::kOtherRelative},  {"hermana", RelativeKind::kOtherRelative},
      {"primo", RelativeKind::kOtherRelative},    {"prima", RelativeKind::kOtherRelative},
      {"sobrino", RelativeKind::kOtherRelative},  {"sobrina", RelativeKind::kOtherRelative},
      {"nieto", RelativeKind::kOtherRelative},    {"nieta", RelativeKind::kOtherRelative},
      {"cunado", RelativeKind::kOtherRelative},   {"cunada", RelativeKind::kOtherRelative},
      {"padrastro", RelativeKind::kOtherRelative}, {"madrastra", RelativeKind::kOtherRelative},
      {"padrino", RelativeKind::kOtherRelative},  {"madrina", RelativeKind::kOtherRelative},
      {"uncle", RelativeKind::kOtherRelative},    {"aunt", RelativeKind::kOtherRelative},
      {"grandfather", RelativeKind::kOtherRelative}, {"grandmother", RelativeKind::kOtherRelative},
      {"brother", RelativeKind::kOtherRelative},  {"sister", RelativeKind::kOtherRelative},
      {"menor", RelativeKind::kWard},    {"menores", RelativeKind::kWard},  {"tutelado", RelativeKind::kWard},
      {"tutelada", RelativeKind::kWard},
  };
  return *words;
}

bool IsFiller(std::string_view w) { return w == "mi" || w == "mis" || w == "su" || w == "sus" || w == "y"; }
bool IsYearWord(std::string_view w) { return w == "ano" || w == "anos" || w == "years" || w == "yrs"; }
bool IsNumber(std::string_view w) {
  if (w.empty() || w.size() > 3) return false;
  for (char c : w)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Words of folded text: runs of letters, digits, apostrophes and non-ASCII bytes
// (a letter folding left as UTF-8).
std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> words;
  std::string w;
  for (char ch : folded) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '\'' || c >= 0x80) {
      w += ch;
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

}  // namespace

RelativeKind RelationWordKind(std::string_view folded_word) {
  auto it = RelationWords().find(std::string(folded_word));
  return it == RelationWords().end() ? RelativeKind::kUnknown : it->second;
}

std::vector<RelativeMention> ParseRelativeMentions(std::string_view text) {
  std::vector<std::string> words = Words(FoldForSearch(text));
  std::vector<RelativeMention> out;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    RelativeKind kind = RelationWordKind(w);
    if (kind != RelativeKind::kUnknown) {
      out.push_back(RelativeMention{kind, w, {}, -1});
      continue;
    }
    // A filler only before a relation word ("mi papá"); elsewhere it may be a name.
    if (IsFiller(w) && (i + 1 == words.size() || RelationWordKind(words[i + 1]) != RelativeKind::kUnknown)) continue;
    if (IsNumber(w)) {
      if (!out.empty() && i + 1 < words.size() && IsYearWord(words[i + 1])) {
        out.back().age = std::stoi(w);
        ++i;
      }
      continue;
    }
    if (out.empty()) out.push_back(RelativeMention{});
    out.back().names.push_back(w);
  }
  return out;
}

std::string ToString(RelativeKind kind) {
  switch (kind) {
    case RelativeKind::kUnknown: return "unknown";
    case RelativeKind::kFather: return "father";
    case RelativeKind::kMother: return "mother";
    case RelativeKind::kChild: return "child";
    case RelativeKind::kOtherRelative: return "other_relative";
    case RelativeKind::kWard: return "ward";
  }
  return "unknown";
}

}  // namespace reunite::match
