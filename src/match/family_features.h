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
//   apprehension   the same Border Patrol apprehension: the places resolved to a sector
//                  and station (ingest/border_places.h: "RGV - McAllen", "McAllen,
//                  TX" and "McAllen Station" are one place), and the dates (a child's
//                  intake or an adult's book-in may be days or weeks after).
//   country        the same nationality.
//   home_place     the same village, municipality or department at home.
//   age_gap        the adult's age minus the child's: a parent is 14 to 55 years older.
//   a_number_gap   how far apart the A-numbers are: a family processed together gets
//                  numbers a few apart, one processed the same day or week some
//                  hundreds or thousands apart (the crowd says how telling that is).
//   phone          a phone number in common (numbers on many records, a shelter's or a
//                  hotline's, are left out: FamilyLinkage drops them).
#pragma once
#include <array>
#include <string>
#include <vector>

#include "match/comparisons.h"
#include "match/relative_mentions.h"
#include "model/person.h"

namespace reunite::match {

// A child's intake or an adult's book-in can be a day or more after the apprehension:
// dates this many days apart are one event, for the comparison and for blocking.
inline constexpr long kSameEventDays = 3;

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
  bool elsewhere = false;  // said to be in the home country, dead, or a sponsor: not apprehended
  bool together = false;   // said to have come, or been separated, with the child
  Sex sex = Sex::kUnknown;  // what the relation word says ("tía": female)
};

// The largest gap of each a_number_gap level but the last ("further apart").
inline constexpr std::array<long long, 4> kANumberGaps = {3, 20, 1000, 10000};

struct FamilyRecord {
  std::vector<FamilyName> given;       // given-name tokens, in order
  PreparedString paternal, maternal, married;  // first token of each (particles dropped)
  std::vector<PreparedString> surname_tokens;  // every surname token, married included
  Sex sex = Sex::kUnknown;
  double birth = 0;           // birth date as a fractional year; 0 unknown
  long apprehension_day = 0;  // days since 1970-01-01; 0 unknown
  std::string apprehension_place;  // folded, as written
  std::string sector, station;     // the place resolved (border_places.h); "" unknown
  std::string country;
  std::string department, municipality, village;  // folded
  long long a_number = -1;         // -1 unknown
  std::vector<std::string> phones;  // E.164, placeholders out
  std::vector<FamilyMention> mentions;
  bool unaccompanied = false;  // the list says the child came alone
  // Of a child: the share of the adults' records apprehended at its station (sector)
  // within 3 days of it; 0 unknown. A crowded day makes a shared apprehension weak
  // evidence (MeasureCrowds).
  double station_crowd = 0, sector_crowd = 0;
  // Of a child: the share of the adults' records whose A-number is within each
  // a_number_gap level's distance of its own (kANumberGaps); 0 unknown. Numbers are
  // issued in order to whoever is processed, so a busy day puts strangers' numbers
  // close together (MeasureCrowds).
  std::array<double, kANumberGaps.size()> a_number_crowd{};
};

FamilyRecord PrepareFamilyRecord(const Person& p);

// Fills each child's station, sector and A-number crowds from the adults' records.
void MeasureCrowds(std::vector<FamilyRecord>* children, const std::vector<FamilyRecord>& adults);

// Removes the phone numbers held by more than `max_records` records of the two lists
// together: a shelter's, a consulate's or a hotline's number says nothing of a family.
void DropSharedPhones(std::vector<FamilyRecord>* children, std::vector<FamilyRecord>* adults, int max_records);

enum FamilyComparison {
  kSurnameLine, kChildNamed, kAdultNamed, kApprehension, kCountry, kHomePlace, kAgeGap, kANumberGap, kPhone,
  kFamilyComparisons
};

// Levels of apprehension.
enum ApprehensionLevel {
  kSameStationDays, kSameSectorDays, kPlaceUnknownDays, kSameSectorWeeks, kOtherSectorWeeks, kApprehensionApart
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
// Whether comparison c's levels run from closest to loosest (estimate.h); the others
// are alternatives of which only the last must weigh least.
bool FamilyLevelsOrdered(int c);

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

// Whether something beyond surnames and the apprehension ties an adult to a child: a
// name either reported of the other in full, a given name and a surname (the child's
// name for a father or mother ties only a parent), or a first name with a word for a
// relative other than a parent ("tío Pedro", "sobrina Eva"); a relation word of the
// child's for such a relative that fits the adult ("tía" and a woman); A-numbers a
// few apart; or a phone number in common. An adult linked as another relative needs
// one: a shared surname on a crowded day is more often a namesake. `only_by` is the
// child's mention when that is the only tie: one mention names one person, so of
// several namesakes it ties only the most probable.
struct FamilyTie {
  bool tied = false;
  const FamilyName* only_by = nullptr;
};
FamilyTie TieBeyondSurnames(const FamilyRecord& child, const FamilyRecord& adult);

// The first name of the mention that matched by name (child_named or adult_named
// levels 0 to 2), or null: for the name's frequency.
const FamilyName* ChildMentionName(const FamilyRecord& child, const FamilyRecord& adult);
const FamilyName* AdultMentionName(const FamilyRecord& child, const FamilyRecord& adult);

// Adult's birth minus child's in years; NaN when either is unknown.
double AgeGap(const FamilyRecord& child, const FamilyRecord& adult);

// The apprehension as one event: "day|sector" (or "day|place as written" when the
// place did not resolve); "" when the date or place is unknown. Siblings share it.
std::string ApprehensionKey(const FamilyRecord& r);

// Two children of one apprehension whose surnames could be one pair of parents':
// every surname of the one with fewer is, spelt alike, a different surname of the
// other ("Castro Cardona", "Cardona Kastro" and "Castro" are siblings; a clerk
// swaps, misspells and drops surnames).
bool LikelySiblings(const FamilyRecord& a, const FamilyRecord& b);

}  // namespace reunite::match
