// The truth behind a synthetic family: who the people really are, before any
// agency writes them down. The record writer (synth.cc, render.cc) turns this into
// list rows with noise; tests can inspect it directly.
#pragma once
#include <string>
#include <vector>

#include "model/person.h"
#include "synth/name_pool.h"
#include "synth/place_pool.h"
#include "synth/random.h"

namespace reunite::synth {

struct SynthPerson {
  Sex sex = Sex::kUnknown;
  std::vector<std::string> given;  // "José", "Luis"
  std::string paternal, maternal;  // first and second surname
  std::string married;             // husband's surname written as "de <married>", or ""
  Date dob;
  int age = 0;                      // at the reference date
  std::string a_number;             // 9 digits, or "" when the person has none
  std::vector<std::string> phones;  // E.164, "+50255551234", "+17135551234"
  const Language* language = nullptr;
};

// A relative as someone named them: "mamá" alone, "papá: José Luis", "hija Ana 6 años".
struct Mention {
  std::string word;                // "mamá", "Mamá", "tío", "hija"
  std::string sep;                 // between word and name: ": ", " ", " - "
  std::vector<std::string> given;  // empty when only the word was said
  std::string surnames;            // "" or "López" or "López Pérez"
  int age = -1;                    // years, said by a parent about a child; -1 if not
};

enum class Relationship { kFather, kMother, kLegalGuardian, kOtherRelative };
const char* ToString(Relationship r);  // "father", "mother", "legal_guardian", "other_relative"

struct SynthChild {
  SynthPerson person;
  std::string shelter;
  CustodyStatus status = CustodyStatus::kInCare;
  std::vector<Mention> reported;
};

struct SynthAdult {
  SynthPerson person;
  Relationship relationship = Relationship::kMother;
  CustodyStatus status = CustodyStatus::kDetained;
  Date removal_date;     // only when removed
  std::string location;  // a detention facility, or the home place when removed
  std::string called;    // what the children call this adult: "mamá", "tío", "abuela"
  std::string son_word, daughter_word;  // what this adult calls them: "hijo"/"hija", "sobrino"/...
  std::vector<Mention> reported;
};

struct SynthFamily {
  Country country = Country::kGT;
  const Department* department = nullptr;
  std::string municipality, village;
  Date apprehension_date;
  const BorderPost* apprehension_post = nullptr;  // the station or port of entry
  std::string apprehension_place;                 // its full name, "Chula Vista Station"
  std::vector<SynthChild> children;  // 1 to 3
  std::vector<SynthAdult> adults;    // those apprehended with the children: 1 or 2
};

// Draws families one at a time, deterministically from the seed. Consecutive
// families come in apprehension groups of 3 to 30 that share date and station.
class FamilyGenerator {
 public:
  // The pools must outlive the generator. Apprehension dates fall in the 51 days
  // ending on the earlier of 2018-06-20 and the day before `reference`; ages are
  // taken at `reference`.
  FamilyGenerator(const NamePool& names, const PlacePool& places, Date reference, std::uint64_t seed);

  // Replaces *family with the next family.
  void Next(SynthFamily* family);

 private:
  void NextGroupIfDue();
  SynthPerson MakePerson(Sex sex, int age, double maya_share, Country country);
  void MakeGiven(Sex sex, std::vector<std::string>* given);
  Date BirthDate(int age);
  int ChildAge();
  void AddAdults(SynthFamily* f, const SynthPerson& father, const SynthPerson& mother, double maya_share);
  void AddRelative(SynthFamily* f, const SynthPerson& father, const SynthPerson& mother, double maya_share);
  void SetCustody(SynthFamily* f, SynthAdult* a);
  void AddMentions(SynthFamily* f, const SynthPerson& father, const SynthPerson& mother);
  std::string Phone(Country country);

  const NamePool& names_;
  const PlacePool& places_;
  Rng rng_;
  Date reference_;
  long reference_days_, window_start_days_, window_end_days_;
  int group_left_ = 0;
  Date group_date_;
  const BorderPost* group_post_ = nullptr;
};

}  // namespace reunite::synth
