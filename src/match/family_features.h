// The evidence that an adult is a child's parent or relative, as comparison levels
// for the family model (family_linker.h). Each record is prepared once; comparing a
// child with an adult then allocates nothing.
//
// Comparisons (level 0 is the strongest; kNull when a side lacks the value):
//   surname_line   which of the child's surnames the adult carries: the child's
//                  paternal surname is the father's first surname, the maternal
//                  surname the mother's first; a mother may add "de" + the father's.
//   child_named    the names the child reported against the adult's names (or, for a
//                  young child, whether "mamá"/"papá" fits the adult's sex).
//   adult_named    the children the adult reported against the child's names (and age).
//   apprehension   the same Border Patrol apprehension (date and place).
//   country        the same nationality.
//   home_place     the same village, municipality or department at home.
//   age_gap        the adult's age minus the child's: a parent is 14 to 55 years older.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "match/comparisons.h"
#include "match/relative_mentions.h"
#include "model/person.h"

namespace reunite::match {

// A name token with the formal names it may stand for (nickname table), so that
// "Chepe" meets "José" without a lookup per pair.
struct FamilyName {
  PreparedString text;
  std::vector<std::string> formal;  // FormalNames(text.folded); empty for surnames
  std::vector<std::string> formal_sounds;  // PhoneticKey of each formal name
};

struct FamilyMention {
  RelativeKind kind = RelativeKind::kUnknown;
  std::vector<FamilyName> names;
  int age = -1;
};

struct FamilyRecord {
  std::vector<FamilyName> given;       // given-name tokens, in order
  PreparedString paternal, maternal, married;  // first token of each (particles dropped)
  std::vector<PreparedString> surname_tokens;  // every surname token, married included
  Sex sex = Sex::kUnknown;
  double birth = 0;           // birth date as a fractional year; 0 unknown
  long apprehension_day = 0;  // days since 1970-01-01; 0 unknown
  std::string apprehension_place;  // folded
  std::string country;
  std::string department, municipality, village;  // folded
  std::vector<FamilyMention> mentions;
};

FamilyRecord PrepareFamilyRecord(const Person& p);

enum FamilyComparison {
  kSurnameLine, kChildNamed, kAdultNamed, kApprehension, kCountry, kHomePlace, kAgeGap,
  kFamilyComparisons
};

// Levels of surname_line, for role classification.
// The paternal line passes through a man and the maternal through a woman, so the
// adult's sex splits the exact levels (a woman carrying the child's paternal surname
// is an aunt or grandmother, or the child's surnames were swapped).
enum SurnameLine {
  kPaternalExact, kPaternalExactWoman, kPaternalFuzzy, kMaternalExact, kMaternalExactMan, kMaternalFuzzy,
  kMarried, kOtherShared, kNoneShared
};

const std::array<std::string, kFamilyComparisons>& FamilyComparisonNames();
// Labels of every level of comparison c ("different" last).
const std::vector<std::string>& FamilyLevelLabels(int c);

// The surname line as the names alone give it (kNoneShared even for a named carer,
// where comparison kSurnameLine is kNull): for telling roles apart.
int SurnameLine(const FamilyRecord& child, const FamilyRecord& adult);

// The level of comparison c between a child and an adult, or kNull.
int CompareFamily(int c, const FamilyRecord& child, const FamilyRecord& adult);

// The kind of the mention that gave child_named (the child's mention matching the
// adult) or adult_named (the adult's mention matching the child); kUnknown when none
// matched by name.
RelativeKind MatchedChildMention(const FamilyRecord& child, const FamilyRecord& adult);
RelativeKind MatchedAdultMention(const FamilyRecord& child, const FamilyRecord& adult);

// The first name of the mention that matched by name (child_named or adult_named
// levels 0 to 2), or null: for the name's frequency.
const FamilyName* ChildMentionName(const FamilyRecord& child, const FamilyRecord& adult);
const FamilyName* AdultMentionName(const FamilyRecord& child, const FamilyRecord& adult);

// Adult's birth minus child's in years; NaN when either is unknown.
double AgeGap(const FamilyRecord& child, const FamilyRecord& adult);

// "date|place" of the apprehension; "" when either is unknown.
std::string ApprehensionKey(const FamilyRecord& r);

// Two children of one apprehension whose surnames could be one pair of parents':
// every surname of the one with fewer is, spelt alike, a different surname of the
// other ("Castro Cardona", "Cardona Kastro" and "Castro" are siblings; a clerk
// swaps, misspells and drops surnames).
bool LikelySiblings(const FamilyRecord& a, const FamilyRecord& b);

}  // namespace reunite::match
