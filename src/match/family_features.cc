#include "match/family_features.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "ingest/border_places.h"
#include "ingest/fold.h"
#include "match/nicknames.h"
#include "match/phonetic.h"
#include "match/strings.h"

namespace reunite::match {
namespace {

constexpr double kFuzzy = 0.9;  // Jaro-Winkler of two spellings of one name

FamilyName Given(const std::string& token) {
  FamilyName n;
  n.text = PrepareString(token);
  n.formal = FormalNames(n.text.folded);
  for (const auto& f : n.formal) n.formal_sounds.push_back(PhoneticKey(f));
  return n;
}

PreparedString FirstToken(const std::string& surname) {
  PreparedTokens t = PrepareTokens(surname);
  return t.empty() ? PreparedString{} : t.tokens.front();
}

// Two adjacent letters swapped ("Ppo"/"Pop"), a clerk's slip that Jaro-Winkler
// scores low on short names.
bool Transposed(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.size() < 3) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.compare(i + 2, std::string::npos, b, i + 2) == 0;
}

bool Intersect(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    for (const auto& y : b)
      if (x == y) return true;
  return false;
}

// Phonetic keys one letter apart ("Hejnández"/"Hernándes"): a clerk's slip on top of
// a spelling variant, common on handwritten lists. Short keys are left out (too many
// distinct names are one letter apart).
bool SoundsNearlyAlike(const PreparedString& a, const PreparedString& b) {
  return a.phonetic.size() >= 5 && b.phonetic.size() >= 5 && DamerauLevenshtein(a.phonetic, b.phonetic, 1) <= 1;
}

// "Eyena"/"Elena": one letter wrong in a name long enough for that to be a slip.
bool OneLetterApart(const std::string& a, const std::string& b) {
  return a.size() >= 5 && b.size() >= 5 && DamerauLevenshtein(a, b, 1) <= 1;
}

// An English W written as a Spanish speaker hears it: "Guendy" for Wendy, "Guilmer"
// for Wilmer.
bool WrittenByEar(const std::string& w, const std::string& gu) {
  return w.size() >= 3 && w[0] == 'w' && gu.size() == w.size() + 1 && gu.compare(0, 2, "gu") == 0 &&
         gu.compare(2, std::string::npos, w, 1) == 0;
}

// 0 same name (or a nickname of it), or the same sound (also of a nickname's formal
// name: "Chepe"/"Joze", "Reyna"/"Reina"): a child's names are heard, not read; 1 spelt
// alike (Jaro-Winkler; two letters swapped; one letter apart), 2 not.
int NameSimilarity(const FamilyName& a, const FamilyName& b) {
  if (a.text.folded == b.text.folded || Intersect(a.formal, b.formal)) return 0;
  if (Intersect(a.formal_sounds, b.formal_sounds)) return 0;
  if (Transposed(a.text.folded, b.text.folded) || OneLetterApart(a.text.folded, b.text.folded)) return 1;
  if (WrittenByEar(a.text.folded, b.text.folded) || WrittenByEar(b.text.folded, a.text.folded)) return 1;
  return JaroWinkler(a.text.folded, b.text.folded) >= kFuzzy ? 1 : 2;
}

// 0 equal or same sound, 1 Jaro-Winkler close or nearly the same sound, 2 different.
int SurnameSimilarity(const PreparedString& a, const PreparedString& b) {
  if (a.empty() || b.empty()) return 2;
  if (a.folded == b.folded || (!a.phonetic.empty() && a.phonetic == b.phonetic)) return 0;
  return Transposed(a.folded, b.folded) || JaroWinkler(a.folded, b.folded) >= kFuzzy || SoundsNearlyAlike(a, b) ? 1 : 2;
}

// How well one mention names a person: 0 their first given name (or its nickname)
// with a surname or second name of theirs and no name that is not theirs; 1 the first
// given name alone, or with names partly theirs, or another of their given names with
// a name of theirs; 2 a weak match (a given name with names that are not theirs, a
// later given name alone, a name spelt alike); 3 names that are not the person's;
// kNull without names. "FATHER: JUAN DOMINGUEZ" is weak for a Denis Juan Hernández
// Domínguez, and "Mom Maria Acosta Perez" only a given name for a María Rosa Pérez
// Martínez: a name the adult lacks is evidence against.
int MentionLevel(const FamilyMention& m, const FamilyRecord& person) {
  if (m.names.empty() || person.given.empty()) return kNull;
  // 0 the first given name, 1 another given name or the first spelt alike, 2 another
  // spelt alike, 3 none.
  int given = 3;
  for (size_t j = 0; j < person.given.size(); ++j) {
    const int similarity = NameSimilarity(m.names.front(), person.given[j]);
    if (similarity < 2) given = std::min(given, similarity + (j > 0 ? 1 : 0));
  }
  if (given == 3) return 3;
  // The mention's other names: (spelt like) the person's surnames or later given names, or not.
  int theirs = 0, not_theirs = 0;
  for (size_t i = 1; i < m.names.size(); ++i) {
    bool found = false;
    for (const auto& s : person.surname_tokens) found = found || SurnameSimilarity(m.names[i].text, s) <= 1;
    for (size_t j = 1; j < person.given.size() && !found; ++j) found = NameSimilarity(m.names[i], person.given[j]) <= 1;
    ++(found ? theirs : not_theirs);
  }
  const int level = given + (theirs > 0 && not_theirs == 0 ? 0 : 1) + (not_theirs > 0 && theirs == 0 ? 1 : 0);
  return std::min(level, 3);
}

// A child's "papá" is not a woman, nor "mamá" a man; an adult's own parents are not
// the child.
bool FitsAdult(RelativeKind kind, Sex adult_sex) {
  if (kind == RelativeKind::kFather) return adult_sex != Sex::kFemale;
  if (kind == RelativeKind::kMother) return adult_sex != Sex::kMale;
  return kind != RelativeKind::kChild;
}
bool NamesChild(RelativeKind kind) { return kind != RelativeKind::kFather && kind != RelativeKind::kMother; }

int ChildAgeAt(const FamilyRecord& child, const FamilyRecord& adult) {
  if (child.birth == 0) return -1;
  long day = adult.apprehension_day ? adult.apprehension_day : child.apprehension_day;
  if (day == 0) return -1;
  return static_cast<int>(std::floor(1970.0 + day / 365.2425 - child.birth));
}

struct MentionMatch {
  int level = kNull;
  RelativeKind kind = RelativeKind::kUnknown;
  const FamilyName* name = nullptr;  // the mention's first name, when a name matched
};

// child_named levels: 0-2 a name matches (MentionLevel); 3 only a relation word that
// fits the adult ("mamá" and a woman); 4 names, none the adult's; 5 only relation words
// that do not fit. A young child often says only "mamá".
MentionMatch BestChildMention(const FamilyRecord& child, const FamilyRecord& adult) {
  MentionMatch best;
  bool named = false, word_fits = false, word_only = false, another_came = false;
  for (const auto& m : child.mentions) {
    another_came = another_came || (m.together && !m.elsewhere);
    if (m.elsewhere) {  // "Dad Pedro in Guatemala": the father is not on the list
      named = named || !m.names.empty();
      word_only = word_only || m.kind != RelativeKind::kUnknown;
      continue;
    }
    if (m.names.empty()) {
      word_only = word_only || m.kind != RelativeKind::kUnknown;
      word_fits = word_fits || (m.kind != RelativeKind::kUnknown && adult.sex != Sex::kUnknown && FitsAdult(m.kind, adult.sex));
      continue;
    }
    named = true;
    if (!FitsAdult(m.kind, adult.sex)) continue;
    int level = MentionLevel(m, adult);
    if (level != kNull && level < 3 && (best.level == kNull || level < best.level)) best = {level, m.kind, &m.names.front()};
  }
  if (best.level != kNull) return best;
  if (word_fits) return {3, RelativeKind::kUnknown};
  if (another_came) return {5, RelativeKind::kUnknown};
  if (named) return {4, RelativeKind::kUnknown};
  if (word_only) return {6, RelativeKind::kUnknown};
  if (child.unaccompanied) return {7, RelativeKind::kUnknown};
  return best;
}

// adult_named levels: 0 given name with another name or the right age, 1 given name
// (or spelt alike with the right age), 2 spelt alike, 3 other names.
MentionMatch BestAdultMention(const FamilyRecord& child, const FamilyRecord& adult) {
  MentionMatch best;
  int age = ChildAgeAt(child, adult);
  for (const auto& m : adult.mentions) {
    if (!NamesChild(m.kind) || m.elsewhere) continue;
    int level = MentionLevel(m, child);
    // The right age makes a first name count as a second name would.
    if ((level == 1 || level == 2) && m.age >= 0 && age >= 0 && std::abs(m.age - age) <= 1) --level;
    if (level != kNull && (best.level == kNull || level < best.level)) {
      best = {level, m.kind, level <= 2 ? &m.names.front() : nullptr};
    }
  }
  return best;
}

int SurnameLineLevel(const FamilyRecord& child, const FamilyRecord& adult) {
  if (child.surname_tokens.empty() || adult.surname_tokens.empty()) return kNull;
  int paternal = SurnameSimilarity(child.paternal, adult.paternal);
  if (paternal == 0) return adult.sex == Sex::kFemale ? kPaternalExactWoman : kPaternalExact;
  if (paternal == 1) return kPaternalFuzzy;
  int maternal = SurnameSimilarity(child.maternal, adult.paternal);
  if (maternal == 0) return adult.sex == Sex::kMale ? kMaternalExactMan : kMaternalExact;
  if (maternal == 1) return kMaternalFuzzy;
  if (SurnameSimilarity(child.paternal, adult.married) == 0) return kMarried;
  // Swapped surnames, or one moved into the given names by a one-box US form.
  std::vector<const PreparedString*> theirs;
  for (const auto& s : adult.surname_tokens) theirs.push_back(&s);
  for (size_t i = 1; i < adult.given.size(); ++i) theirs.push_back(&adult.given[i].text);
  std::vector<const PreparedString*> ours;
  for (const auto& s : child.surname_tokens) ours.push_back(&s);
  if (child.given.size() > 1) ours.push_back(&child.given.back().text);
  for (const auto* a : ours)
    for (const auto* b : theirs)
      if (SurnameSimilarity(*a, *b) == 0) return kOtherShared;
  // A child's one surname may be the father's alone: its absence says nothing of the mother.
  if (child.maternal.empty()) return kNull;
  return kNoneShared;
}

bool NonParentNamed(const MentionMatch& m) {
  return m.level != kNull && m.level <= 2 && (m.kind == RelativeKind::kOtherRelative || m.kind == RelativeKind::kWard);
}

// An adult prosecuted first is booked in weeks later.
constexpr long kWeeksApart = 30;

int ApprehensionLevelOf(const FamilyRecord& child, const FamilyRecord& adult) {
  if (child.apprehension_day == 0 || adult.apprehension_day == 0) return kNull;
  const long days = std::abs(child.apprehension_day - adult.apprehension_day);
  if (days > kWeeksApart) return kApprehensionApart;
  const bool known = !child.sector.empty() && !adult.sector.empty();
  const bool same_sector = known && child.sector == adult.sector;
  if (known && !same_sector) return kOtherSectorWeeks;
  if (days > kSameEventDays) return kSameSectorWeeks;
  if (!known) return kPlaceUnknownDays;
  return !child.station.empty() && child.station == adult.station ? kSameStationDays : kSameSectorDays;
}

// Family members processed together get A-numbers a few apart.
int ANumberGapLevel(const FamilyRecord& child, const FamilyRecord& adult) {
  if (child.a_number < 0 || adult.a_number < 0) return kNull;
  // A few apart is nearly always a family's; numbers issued the same day or week are
  // hundreds or thousands apart, which EM and the crowd weigh.
  const long long gap = std::llabs(child.a_number - adult.a_number);
  int level = 0;
  while (level < static_cast<int>(kANumberGaps.size()) && gap > kANumberGaps[level]) ++level;
  return level;
}

int PhoneLevel(const FamilyRecord& child, const FamilyRecord& adult) {
  if (child.phones.empty() || adult.phones.empty()) return kNull;
  for (const auto& a : child.phones)
    for (const auto& b : adult.phones)
      if (a == b) return 0;
  return 1;
}

int HomePlaceLevel(const FamilyRecord& child, const FamilyRecord& adult) {
  if (child.department.empty() || adult.department.empty()) return kNull;
  if (child.department != adult.department) return 3;
  if (child.municipality.empty() || child.municipality != adult.municipality) return 2;
  if (!child.village.empty() && !adult.village.empty() && JaroWinkler(child.village, adult.village) >= kFuzzy) return 0;
  return 1;
}

int AgeGapLevel(const FamilyRecord& child, const FamilyRecord& adult) {
  double gap = AgeGap(child, adult);
  if (std::isnan(gap)) return kNull;
  if (gap >= 17 && gap <= 45) return 0;
  if (gap >= 14 && gap <= 55) return 1;
  if (gap > 55) return 2;
  return gap >= 0 ? 3 : 4;
}

}  // namespace

FamilyRecord PrepareFamilyRecord(const Person& p) {
  FamilyRecord r;
  for (const auto& g : p.name.given_names) {
    PreparedTokens t = PrepareTokens(g);
    for (const auto& tok : t.tokens) r.given.push_back(Given(tok.folded));
  }
  r.paternal = FirstToken(p.name.paternal_surname);
  r.maternal = FirstToken(p.name.maternal_surname);
  r.married = FirstToken(p.name.married_surname);
  for (const std::string* s : {&p.name.paternal_surname, &p.name.maternal_surname, &p.name.married_surname}) {
    PreparedTokens t = PrepareTokens(*s);
    for (auto& tok : t.tokens) r.surname_tokens.push_back(std::move(tok));
  }
  r.sex = p.sex;
  const Date& b = p.birth.date;
  if (b.year > 0) r.birth = b.year + (b.month > 0 && !p.birth.january_first_default ? (b.month - 0.5) / 12.0 : 0.5);
  r.apprehension_day = p.apprehension_date.DaysSinceEpoch();
  r.apprehension_place = FoldForSearch(p.apprehension_place);
  if (!p.apprehension_place.empty()) {
    BorderPlace place = ResolveBorderPlace(p.apprehension_place);
    r.sector = place.sector;
    r.station = place.station;
  }
  if (p.a_number.size() == 9 && p.a_number.find_first_not_of("0123456789") == std::string::npos) {
    r.a_number = std::stoll(p.a_number);
  }
  for (const auto& phone : p.phones) {
    if (!phone.empty() && phone[0] == '+') r.phones.push_back(phone);
  }
  r.country = p.nationality;
  r.department = p.location.department;
  r.municipality = FoldForSearch(p.location.municipality);
  r.village = FoldForSearch(p.location.village);
  for (const RelativeMention& m : ParseRelativeMentions(p.reported_relatives)) {
    FamilyMention fm;
    fm.elsewhere = m.elsewhere;
    fm.together = m.together;
    const char sex = RelationWordSex(m.word);
    fm.sex = sex == 'F' ? Sex::kFemale : sex == 'M' ? Sex::kMale : Sex::kUnknown;
    fm.kind = m.kind;
    fm.age = m.age;
    for (const auto& n : m.names) fm.names.push_back(Given(n));
    r.mentions.push_back(std::move(fm));
  }
  const std::string said = FoldForSearch(p.reported_relatives);
  for (const char* alone : {"unaccompanied", "no acompanado", "sin acompanante", "vino solo", "vino sola"}) {
    r.unaccompanied = r.unaccompanied || said.find(alone) != std::string::npos;
  }
  return r;
}

void MeasureCrowds(std::vector<FamilyRecord>* children, const std::vector<FamilyRecord>& adults) {
  std::unordered_map<std::string, double> station, sector;
  for (const auto& a : adults) {
    if (a.apprehension_day == 0) continue;
    if (!a.station.empty()) station[a.station + "|" + std::to_string(a.apprehension_day)] += 1;
    if (!a.sector.empty()) sector[a.sector + "|" + std::to_string(a.apprehension_day)] += 1;
  }
  const double n = std::max<double>(1, static_cast<double>(adults.size()));
  auto around = [&](const std::unordered_map<std::string, double>& table, const std::string& place, long day) {
    double total = 0;
    for (long d = day - kSameEventDays; d <= day + kSameEventDays; ++d) {
      auto it = table.find(place + "|" + std::to_string(d));
      if (it != table.end()) total += it->second;
    }
    return std::max(total, 1.0) / n;
  };
  std::vector<long long> numbers;
  for (const auto& a : adults) {
    if (a.a_number >= 0) numbers.push_back(a.a_number);
  }
  std::sort(numbers.begin(), numbers.end());
  auto within = [&](long long x, long long gap) {
    auto first = std::lower_bound(numbers.begin(), numbers.end(), x - gap);
    auto last = std::upper_bound(numbers.begin(), numbers.end(), x + gap);
    return std::max<double>(static_cast<double>(last - first), 1.0) / n;
  };
  for (auto& c : *children) {
    if (c.a_number >= 0) {
      for (size_t level = 0; level < kANumberGaps.size(); ++level) {
        c.a_number_crowd[level] = within(c.a_number, kANumberGaps[level]);
      }
    }
    if (c.apprehension_day == 0) continue;
    if (!c.station.empty()) c.station_crowd = around(station, c.station, c.apprehension_day);
    if (!c.sector.empty()) c.sector_crowd = around(sector, c.sector, c.apprehension_day);
  }
}

const std::array<std::string, kFamilyComparisons>& FamilyComparisonNames() {
  static const std::array<std::string, kFamilyComparisons> names = {
      "surname_line", "child_named", "adult_named", "apprehension", "country", "home_place", "age_gap",
      "a_number_gap", "phone"};
  return names;
}

const std::vector<std::string>& FamilyLevelLabels(int c) {
  static const std::vector<std::string> labels[kFamilyComparisons] = {
      {"child paternal = man's first surname", "child paternal = woman's first surname",
       "child paternal ~ adult first surname", "child maternal = woman's first surname",
       "child maternal = man's first surname", "child maternal ~ adult first surname",
       "child paternal = adult married surname", "a surname shared otherwise", "no surname shared"},
      {"given name and surname", "given name", "a weak name match", "a relation word that fits the adult",
       "other names", "another relative came with the child", "relation words that do not fit",
       "the child came alone"},
      {"given name with surname or age", "given name", "a weak name match", "other names"},
      {"same station, within 3 days", "same sector, within 3 days", "place unknown, within 3 days",
       "same sector or place unknown, within 30 days", "another sector, within 30 days", "more than 30 days apart"},
      {"same", "different"},
      {"same village", "same municipality", "same department", "different"},
      {"17 to 45 years", "14 to 55 years", "over 55 years", "0 to 13 years", "adult younger"},
      {"within 3", "within 20", "within 1,000", "within 10,000", "further apart"},
      {"a number in common", "none in common"},
  };
  return labels[c];
}

bool FamilyLevelsOrdered(int c) { return c != kSurnameLine && c != kApprehension; }

int SurnameLine(const FamilyRecord& child, const FamilyRecord& adult) { return SurnameLineLevel(child, adult); }

int CompareFamily(int c, const FamilyRecord& child, const FamilyRecord& adult) {
  switch (c) {
    case kSurnameLine: {
      // A carer the child names as "tía" or who calls the child "menor" need not
      // share a surname: then sharing none is no evidence against the link.
      int level = SurnameLineLevel(child, adult);
      if (level == kNoneShared && (NonParentNamed(BestChildMention(child, adult)) ||
                                   NonParentNamed(BestAdultMention(child, adult)))) {
        return kNull;
      }
      return level;
    }
    case kChildNamed: return BestChildMention(child, adult).level;
    case kAdultNamed: return BestAdultMention(child, adult).level;
    case kApprehension: return ApprehensionLevelOf(child, adult);
    case kCountry:
      if (child.country.empty() || adult.country.empty()) return kNull;
      return child.country == adult.country ? 0 : 1;
    case kHomePlace: return HomePlaceLevel(child, adult);
    case kAgeGap: return AgeGapLevel(child, adult);
    case kANumberGap: {
      // Numbers hundreds or thousands apart say "processed the same days", which a
      // shared apprehension already says: strangers caught the same day have such
      // numbers too. They count only where the apprehension was written too
      // differently to tell.
      const int level = ANumberGapLevel(child, adult);
      const bool same_days = ApprehensionLevelOf(child, adult) <= kPlaceUnknownDays;
      return level >= 2 && level < static_cast<int>(kANumberGaps.size()) && same_days ? kNull : level;
    }
    case kPhone: return PhoneLevel(child, adult);
    default: return kNull;
  }
}

RelativeKind MatchedChildMention(const FamilyRecord& child, const FamilyRecord& adult) {
  MentionMatch m = BestChildMention(child, adult);
  return m.level != kNull && m.level <= 2 ? m.kind : RelativeKind::kUnknown;
}

RelativeKind MatchedAdultMention(const FamilyRecord& child, const FamilyRecord& adult) {
  MentionMatch m = BestAdultMention(child, adult);
  return m.level != kNull && m.level <= 2 ? m.kind : RelativeKind::kUnknown;
}

FamilyTie TieBeyondSurnames(const FamilyRecord& child, const FamilyRecord& adult) {
  // A name ties when given in full (a given name and a surname of theirs): a first
  // name alone is shared by too many. The name a child gave a father or mother ties
  // only a parent: "FATHER: JUAN DOMINGUEZ" does not make a Juan Hernández an uncle.
  // A first name alone ties with a word for a relative other than a parent ("tío
  // Pedro", "sobrina Eva").
  auto other = [](RelativeKind k) { return k == RelativeKind::kOtherRelative || k == RelativeKind::kWard; };
  // Likewise an adult's "son" or "daughter" ties only a parent: a woman naming her
  // son Eduardo Hernández is not the aunt of another Eduardo Hernández.
  const MentionMatch by_adult = BestAdultMention(child, adult);
  bool tied = by_adult.kind != RelativeKind::kChild && (by_adult.level == 0 || (by_adult.level == 1 && other(by_adult.kind)));
  for (const auto& m : child.mentions) {
    tied = tied || (other(m.kind) && !m.elsewhere && m.names.empty() && adult.sex != Sex::kUnknown &&
                    m.sex != Sex::kUnknown && m.sex == adult.sex);
  }
  const int gap = ANumberGapLevel(child, adult);
  tied = tied || (gap != kNull && gap <= 1) || PhoneLevel(child, adult) == 0;
  if (tied) return {true, nullptr};
  const MentionMatch by_child = BestChildMention(child, adult);
  const bool parent_word = by_child.kind == RelativeKind::kFather || by_child.kind == RelativeKind::kMother;
  if (!parent_word && (by_child.level == 0 || (by_child.level == 1 && other(by_child.kind)))) return {true, by_child.name};
  return {};
}

const FamilyName* ChildMentionName(const FamilyRecord& child, const FamilyRecord& adult) {
  return BestChildMention(child, adult).name;
}

const FamilyName* AdultMentionName(const FamilyRecord& child, const FamilyRecord& adult) {
  return BestAdultMention(child, adult).name;
}

double AgeGap(const FamilyRecord& child, const FamilyRecord& adult) {
  if (child.birth == 0 || adult.birth == 0) return std::numeric_limits<double>::quiet_NaN();
  return child.birth - adult.birth;
}

std::string ApprehensionKey(const FamilyRecord& r) {
  if (r.apprehension_day == 0 || r.apprehension_place.empty()) return "";
  std::string key = std::to_string(r.apprehension_day);
  key += '|';
  key += r.sector.empty() ? r.apprehension_place : r.sector;
  return key;
}

bool LikelySiblings(const FamilyRecord& a, const FamilyRecord& b) {
  if (ApprehensionKey(a).empty() || ApprehensionKey(a) != ApprehensionKey(b)) return false;
  const auto& fewer = a.surname_tokens.size() <= b.surname_tokens.size() ? a.surname_tokens : b.surname_tokens;
  const auto& more = &fewer == &a.surname_tokens ? b.surname_tokens : a.surname_tokens;
  if (fewer.empty()) return false;
  std::vector<bool> used(more.size(), false);
  for (const auto& s : fewer) {
    bool found = false;
    for (size_t k = 0; k < more.size() && !found; ++k) {
      if (!used[k] && SurnameSimilarity(s, more[k]) <= 1) used[k] = found = true;
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace reunite::match
