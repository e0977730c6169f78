#include "match/relative_mentions.h"

#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "ingest/fold.h"

namespace reunite::match {
namespace {

// Relation words as children, adults and clerks write them, folded. Diminutives and
// the short forms a young child uses are included; plural forms name the same
// relation. "ma" and "pa" are left out: "Ma." is how clerks shorten María.
const std::unordered_map<std::string, RelativeKind>& RelationWords() {
  using K = RelativeKind;
  static const auto* words = new std::unordered_map<std::string, RelativeKind>{
      {"papa", K::kFather}, {"papi", K::kFather}, {"padre", K::kFather}, {"papito", K::kFather},
      {"tata", K::kFather}, {"father", K::kFather}, {"dad", K::kFather}, {"daddy", K::kFather},
      {"mama", K::kMother}, {"mami", K::kMother}, {"madre", K::kMother}, {"mamita", K::kMother},
      {"mother", K::kMother}, {"mom", K::kMother}, {"mommy", K::kMother}, {"mum", K::kMother},
      {"hijo", K::kChild}, {"hija", K::kChild}, {"hijos", K::kChild}, {"hijas", K::kChild},
      {"hijito", K::kChild}, {"hijita", K::kChild}, {"son", K::kChild}, {"daughter", K::kChild},
      {"child", K::kChild}, {"children", K::kChild}, {"minor", K::kChild}, {"kid", K::kChild},
      {"tio", K::kOtherRelative}, {"tia", K::kOtherRelative}, {"abuelo", K::kOtherRelative},
      {"abuela", K::kOtherRelative}, {"abuelito", K::kOtherRelative}, {"abuelita", K::kOtherRelative},
      {"bisabuelo", K::kOtherRelative}, {"bisabuela", K::kOtherRelative},
      {"hermano", K::kOtherRelative}, {"hermana", K::kOtherRelative}, {"primo", K::kOtherRelative},
      {"prima", K::kOtherRelative}, {"sobrino", K::kOtherRelative}, {"sobrina", K::kOtherRelative},
      {"nieto", K::kOtherRelative}, {"nieta", K::kOtherRelative}, {"cunado", K::kOtherRelative},
      {"cunada", K::kOtherRelative}, {"padrastro", K::kOtherRelative}, {"madrastra", K::kOtherRelative},
      {"padrino", K::kOtherRelative}, {"madrina", K::kOtherRelative}, {"uncle", K::kOtherRelative},
      {"aunt", K::kOtherRelative}, {"auntie", K::kOtherRelative}, {"grandfather", K::kOtherRelative},
      {"grandmother", K::kOtherRelative}, {"grandpa", K::kOtherRelative}, {"grandma", K::kOtherRelative},
      {"grandson", K::kOtherRelative}, {"granddaughter", K::kOtherRelative}, {"brother", K::kOtherRelative},
      {"sister", K::kOtherRelative}, {"cousin", K::kOtherRelative}, {"nephew", K::kOtherRelative},
      {"niece", K::kOtherRelative}, {"stepfather", K::kOtherRelative}, {"stepmother", K::kOtherRelative},
      {"godfather", K::kOtherRelative}, {"godmother", K::kOtherRelative}, {"godparent", K::kOtherRelative},
      {"sibling", K::kOtherRelative}, {"grandchild", K::kOtherRelative}, {"padrinos", K::kOtherRelative},
      // A friend of the family is no relative, but is whom a child may come with or be
      // released to, as an uncle would be.
      {"friend", K::kOtherRelative}, {"amigo", K::kOtherRelative}, {"amiga", K::kOtherRelative},
      {"menor", K::kWard}, {"menores", K::kWard}, {"tutelado", K::kWard}, {"tutelada", K::kWard},
      {"ward", K::kWard}, {"guardian", K::kWard}, {"tutor", K::kWard}, {"tutora", K::kWard},
      {"encargado", K::kWard}, {"encargada", K::kWard},
  };
  return *words;
}

// A sponsor is someone the child was released to, in the US: not on an enforcement list.
bool IsSponsorWord(const std::string& w) { return w == "sponsor" || w == "patrocinador" || w == "patrocinadora"; }
// Before a relation word only: "mi papá", "UAC son".
bool IsFiller(const std::string& w) {
  static const std::unordered_set<std::string> words = {"mi", "mis", "su", "sus", "y", "my", "his", "her", "the",
                                                        "el", "la", "uac", "and", "o",
                                                        "adult", "adulto", "adulta", "legal"};
  return words.count(w) > 0;
}
bool IsYearWord(const std::string& w) { return w == "ano" || w == "anos" || w == "years" || w == "yrs" || w == "yo"; }
// Words that end a mention's name: what follows says where or how the relative is.
bool IsStopWord(const std::string& w) {
  static const std::unordered_set<std::string> words = {
      "in", "en", "at", "was", "were", "is", "are", "with", "con", "who", "que", "reports", "reported", "says",
      "said", "states", "dice", "refiere", "indica", "separated", "separado", "separada", "apprehended",
      "aprehendido", "aprehendida", "detained", "detenido", "detenida", "deceased", "fallecido", "fallecida",
      "murio", "died", "lives", "vive", "whereabouts", "unknown", "desconocido", "desconocida", "not", "no",
      "age", "edad", "from", "came", "vino", "traveled", "viajo", "unaccompanied", "none", "ninguno", "sin",
      "released", "liberado", "liberada", "deported", "deportado", "deportada", "only", "solo", "just",
      "does", "did", "to", "too", "cannot", "unable", "knows", "know", "sabe", "family", "familia", "unit"};
  return words.count(w) > 0;
}
// Words after which the relative is not with the child: abroad, dead, in the US.
bool IsElsewhereWord(const std::string& w) {
  static const std::unordered_set<std::string> words = {
      "home", "country", "pais", "guatemala", "honduras", "salvador", "mexico", "us", "usa", "eeuu", "estados",
      "deceased", "fallecido", "fallecida", "murio", "died", "whereabouts", "desconocido", "desconocida"};
  return words.count(w) > 0;
}
// "in Marcovia", "en Guatemala": a relative somewhere is not with the child; "in
// custody", "en detención" are how a list says the relative was apprehended.
bool PlacedElsewhere(const std::string& w, const std::string& next) {
  static const std::unordered_set<std::string> custody = {
      "custody", "detention", "ice", "cbp", "the", "custodia", "detencion", "la", "el", "proceso", ""};
  return (w == "in" || w == "en") && !custody.count(next);
}

bool IsTogetherWord(const std::string& w) {
  return w == "separated" || w == "separado" || w == "separada" || w == "apprehended" || w == "aprehendido" ||
         w == "aprehendida" || w == "came" || w == "vino" || w == "traveled" || w == "viajo";
}
bool IsReportingWord(const std::string& w) {
  return w == "reports" || w == "reported" || w == "says" || w == "said" || w == "states" || w == "dice" ||
         w == "refiere" || w == "indica";
}
// After "child": the child is who speaks ("Child does not know", "Child too young to
// report", "Child only says 'mamá'"), not a son or daughter mentioned.
bool IsSpeakerWord(const std::string& w) {
  return IsReportingWord(w) || w == "only" || w == "solo" || w == "does" || w == "did" || w == "to" || w == "too" ||
         w == "cannot" || w == "unable" || w == "knows" || w == "sabe" || w == "no" || w == "not";
}
bool IsWithWord(const std::string& w) { return w == "with" || w == "con"; }
bool IsNumber(const std::string& w) {
  if (w.empty() || w.size() > 3) return false;
  for (char c : w)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Folded text as words (runs of letters, digits, apostrophes and non-ASCII bytes) and
// the punctuation that shapes a mention: , ; ( ) / and a line break (as ;).
std::vector<std::string> Tokens(const std::string& folded) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {  // without quotes around the word: "says 'father'"
    const size_t first = w.find_first_not_of('\''), last = w.find_last_not_of('\'');
    if (first != std::string::npos) out.push_back(w.substr(first, last - first + 1));
    w.clear();
  };
  for (char ch : folded) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '\'' || c >= 0x80) {
      w += ch;
      continue;
    }
    flush();
    if (ch == ',' || ch == ';' || ch == '(' || ch == ')' || ch == '/') out.emplace_back(1, ch);
    if (ch == '\n') out.emplace_back(";");
  }
  flush();
  return out;
}

bool IsPunct(const std::string& t) { return t.size() == 1 && std::ispunct(static_cast<unsigned char>(t[0])); }

// Agency style "SURNAMES, GIVEN NAMES" inside a mention, in a cell written in capitals.
bool HasLowercase(std::string_view text) {
  for (char c : text)
    if (std::islower(static_cast<unsigned char>(c))) return true;
  return false;
}

class Parser {
 public:
  explicit Parser(bool upper) : upper_(upper) {}

  void Relation(RelativeKind kind, const std::string& word) {
    if (!out_.empty() && Current().elsewhere && Current().names.empty() && !closed_) {
      Current().kind = kind;  // "Sponsor: Aunt Reyna": the sponsor is the aunt
      Current().word = word;
      return;
    }
    Start(kind, word);
  }
  void Sponsor() {
    Start(RelativeKind::kUnknown, "");
    Current().elsewhere = true;
  }
  void Name(const std::string& w) {
    if (closed_ || out_.empty()) Start(RelativeKind::kUnknown, "");
    if (comma_ >= 0 && comma_ == static_cast<int>(Current().names.size())) comma_at_ = comma_;
    Current().names.push_back(w);
  }
  void Comma() {
    if (!out_.empty() && !closed_ && !Current().names.empty() && comma_at_ < 0) comma_ = static_cast<int>(Current().names.size());
  }
  // A stop word or a parenthesis: the words up to the next relation word or ';' say
  // where or how the relative is, and name no one.
  void Close() {
    if (!out_.empty()) Reorder();
    closed_ = true;
    ignoring_ = true;
  }
  void EndClause() {  // ';': what follows is about someone else
    Close();
    paren_ = false;
    ignoring_ = false;
  }
  void Age(int age) {
    if (!out_.empty()) Current().age = age;
  }
  void Mark(bool elsewhere, bool together) {
    if (out_.empty()) return;
    Current().elsewhere = Current().elsewhere || elsewhere;
    Current().together = Current().together || together;
  }
  bool open() const { return !out_.empty() && !closed_; }
  bool ignoring() const { return ignoring_; }
  bool named() const { return !out_.empty() && !Current().names.empty(); }
  void Drop() { out_.pop_back(); }
  // "Kevin con su mamá": the names before "with" are the child's own.
  void DropSpeaker() {
    if (!out_.empty() && Current().kind == RelativeKind::kUnknown && !Current().elsewhere) out_.pop_back();
  }
  bool paren_ = false;

  std::vector<RelativeMention> Finish() {
    if (!out_.empty()) Reorder();
    return std::move(out_);
  }

 private:
  RelativeMention& Current() { return out_.back(); }
  const RelativeMention& Current() const { return out_.back(); }
  void Start(RelativeKind kind, const std::string& word) {
    if (!out_.empty()) Reorder();
    out_.push_back(RelativeMention{kind, word, {}, -1, false, false});
    closed_ = ignoring_ = false;
    comma_ = comma_at_ = -1;
  }
  // "YAX RAMIREZ, LUIS" -> luis yax ramirez.
  void Reorder() {
    auto& names = Current().names;
    if (upper_ && comma_at_ > 0 && comma_at_ < static_cast<int>(names.size())) {
      std::vector<std::string> given(names.begin() + comma_at_, names.end());
      given.insert(given.end(), names.begin(), names.begin() + comma_at_);
      names = std::move(given);
    }
    comma_ = comma_at_ = -1;
  }

  bool upper_;
  std::vector<RelativeMention> out_;
  bool closed_ = false, ignoring_ = false;
  int comma_ = -1, comma_at_ = -1;  // names before a comma; where a comma split the names
};

}  // namespace

RelativeKind RelationWordKind(std::string_view folded_word) {
  auto it = RelationWords().find(std::string(folded_word));
  return it == RelationWords().end() ? RelativeKind::kUnknown : it->second;
}

std::vector<RelativeMention> ParseRelativeMentions(std::string_view text) {
  const std::vector<std::string> t = Tokens(FoldForSearch(text));
  Parser p(!HasLowercase(text));
  auto next_word = [&](size_t i) {
    for (size_t j = i + 1; j < t.size(); ++j)
      if (!IsPunct(t[j])) return t[j];
    return std::string();
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const std::string& w = t[i];
    if (w == ";") {
      p.EndClause();
      continue;
    }
    if (w == "(") {
      p.paren_ = true;
      p.Close();
      continue;
    }
    if (w == ")") {
      p.paren_ = false;
      continue;
    }
    if (w == ",") {
      p.Comma();
      continue;
    }
    if (w == "/") continue;
    const RelativeKind kind = RelationWordKind(w);
    if (kind != RelativeKind::kUnknown) {
      // "Child reports papá José": the child is who speaks, not a relative.
      if (IsReportingWord(next_word(i)) || (kind == RelativeKind::kChild && IsSpeakerWord(next_word(i)))) continue;
      // "came with mother", "Kevin con su mamá": the relative came with the child.
      size_t before = i;
      while (before > 0 && IsFiller(t[before - 1])) --before;
      const bool with = before > 0 && IsWithWord(t[before - 1]);
      if (with) p.DropSpeaker();
      p.Relation(kind, w);
      if (with) p.Mark(false, true);
      continue;
    }
    if (IsSponsorWord(w)) {
      p.Sponsor();
      continue;
    }
    if (IsFiller(w) && RelationWordKind(next_word(i)) != RelativeKind::kUnknown) continue;
    // "Amigo de la familia José": the friend's name follows.
    if (w == "de" && i + 2 < t.size() && t[i + 1] == "la" && t[i + 2] == "familia") {
      i += 2;
      continue;
    }
    if (IsNumber(w)) {
      const bool years = IsYearWord(next_word(i));
      if (years || p.paren_ || (i > 0 && (t[i - 1] == "age" || t[i - 1] == "edad"))) p.Age(std::stoi(w));
      if (years) ++i;
      continue;
    }
    if (p.paren_ || p.ignoring() || IsStopWord(w)) {
      const std::string next = next_word(i);
      p.Mark(IsElsewhereWord(w) || (IsStopWord(w) && IsElsewhereWord(next)) || PlacedElsewhere(w, next),
             IsTogetherWord(w));
      p.Close();
      continue;
    }
    p.Name(w);
  }
  return p.Finish();
}

char RelationWordSex(std::string_view w) {
  static const std::unordered_set<std::string_view> female = {
      "mama", "mami", "madre", "mamita", "mother", "mom", "mommy", "mum", "hija", "hijas", "hijita", "daughter",
      "tia", "abuela", "abuelita", "bisabuela", "hermana", "prima", "sobrina", "nieta", "cunada", "madrastra",
      "madrina", "aunt", "auntie", "grandmother", "grandma", "granddaughter", "sister", "niece", "stepmother",
      "godmother", "tutelada", "tutora", "encargada"};
  static const std::unordered_set<std::string_view> male = {
      "papa", "papi", "padre", "papito", "tata", "father", "dad", "daddy", "hijo", "hijito", "son", "tio",
      "abuelo", "abuelito", "bisabuelo", "hermano", "primo", "sobrino", "nieto", "cunado", "padrastro", "padrino",
      "uncle", "grandfather", "grandpa", "grandson", "brother", "nephew", "stepfather", "godfather", "tutelado",
      "tutor", "encargado"};
  return female.count(w) ? 'F' : male.count(w) ? 'M' : 0;
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
