#include "synth/family.h"

#include <algorithm>

#include "synth/calendar.h"

namespace reunite::synth {

const char* ToString(Relationship r) {
  switch (r) {
    case Relationship::kFather: return "father";
    case Relationship::kMother: return "mother";
    case Relationship::kLegalGuardian: return "legal_guardian";
    case Relationship::kOtherRelative: return "other_relative";
  }
  return "";
}

namespace {

// Relative frequency of each child age 0..17 among separated children: many
// under 5, fewer older teenagers.
constexpr double kChildAgeWeights[18] = {3, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5.5, 5, 5, 4.5, 4};
const char* const kUsAreaCodes[] = {"713", "832", "281", "214", "972", "210", "956", "915", "602", "520",
                                    "213", "323", "818", "305", "404", "718", "917", "703", "301", "919"};
// Leading digits of mobile numbers by country (GT, HN, SV).
const char* const kMobileLeads[kCountryCount] = {"345", "389", "67"};
const char* const kSeparators[] = {": ", " ", " ", " - ", ", "};

Date ZeroPlusDays(long days) { return CivilFromDays(days); }

}  // namespace

FamilyGenerator::FamilyGenerator(const NamePool& names, const PlacePool& places, Date reference,
                                 std::uint64_t seed)
    : names_(names), places_(places), rng_(seed), reference_(reference) {
  reference_days_ = DaysFromCivil(reference);
  window_end_days_ = std::min(DaysFromCivil(Date{2018, 6, 20}), reference_days_ - 1);
  window_start_days_ = window_end_days_ - 50;
}

void FamilyGenerator::NextGroupIfDue() {
  if (group_left_ > 0) return;
  group_left_ = static_cast<int>(rng_.Between(3, 30));
  group_date_ = ZeroPlusDays(rng_.Between(window_start_days_, window_end_days_));
  group_post_ = &places_.PickBorderPost(rng_);
}

Date FamilyGenerator::BirthDate(int age) {
  long latest = DaysFromCivil(YearsBefore(reference_, age));
  long earliest = DaysFromCivil(YearsBefore(reference_, age + 1)) + 1;
  return CivilFromDays(rng_.Between(earliest, latest));
}

int FamilyGenerator::ChildAge() {
  static const WeightedIndex weights = [] {
    WeightedIndex w;
    for (double x : kChildAgeWeights) w.Add(x);
    return w;
  }();
  return static_cast<int>(weights.Pick(rng_));
}

void FamilyGenerator::MakeGiven(Sex sex, std::vector<std::string>* given) {
  double r = rng_.Unit();
  std::size_t count = r < 0.35 ? 1 : r < 0.95 ? 2 : 3;
  given->clear();
  for (int tries = 0; given->size() < count && tries < 10; ++tries) {
    const std::string& g = names_.Given(sex, rng_);
    if (std::find(given->begin(), given->end(), g) == given->end()) given->push_back(g);
  }
}

std::string FamilyGenerator::Phone(Country country) {
  if (rng_.Chance(0.25)) {
    std::string n = std::string("+1") + kUsAreaCodes[rng_.Below(std::size(kUsAreaCodes))];
    n += static_cast<char>('2' + rng_.Below(8));
    for (int i = 0; i < 6; ++i) n += static_cast<char>('0' + rng_.Below(10));
    if (n.compare(5, 3, "555") == 0) n[5] = '4';  // 555 numbers are fictional: lists use them as placeholders
    return n;
  }
  std::string n = std::string("+") + (country == Country::kGT ? "502" : country == Country::kHN ? "504" : "503");
  std::string leads = kMobileLeads[static_cast<int>(country)];
  n += rng_.Chance(0.85) ? leads[rng_.Below(leads.size())] : (country == Country::kGT ? '7' : '2');
  for (int i = 0; i < 7; ++i) n += static_cast<char>('0' + rng_.Below(10));
  return n;
}

SynthPerson FamilyGenerator::MakePerson(Sex sex, int age, double maya_share, Country country) {
  SynthPerson p;
  p.sex = sex;
  p.age = age;
  MakeGiven(sex, &p.given);
  p.paternal = names_.Surname(country, rng_.Chance(maya_share), rng_);
  p.maternal = names_.Surname(country, rng_.Chance(maya_share), rng_);
  p.dob = BirthDate(age);
  return p;
}

void FamilyGenerator::Next(SynthFamily* f) {
  NextGroupIfDue();
  --group_left_;
  f->apprehension_date = group_date_;
  f->apprehension_post = group_post_;
  f->apprehension_place = group_post_->FullName();
  double r = rng_.Unit();
  f->country = r < 0.55 ? Country::kGT : r < 0.85 ? Country::kHN : Country::kSV;
  f->department = &places_.PickDepartment(f->country, rng_);
  f->municipality = places_.PickMunicipality(*f->department, rng_);
  f->village = places_.PickVillage(*f->department, rng_);
  const Language& language = places_.PickLanguage(*f->department, rng_);
  double maya_share = language.maya ? 0.8 : f->department->maya_area ? 0.3 : f->country == Country::kGT ? 0.02 : 0;

  r = rng_.Unit();
  int n_children = r < 0.82 ? 1 : r < 0.96 ? 2 : 3;
  std::vector<int> ages;
  for (int i = 0; i < n_children; ++i) ages.push_back(ChildAge());
  int oldest = *std::max_element(ages.begin(), ages.end());
  int mother_age = std::clamp(oldest + 17 + static_cast<int>(rng_.Below(9) + rng_.Below(9)), 18, 50);
  int father_age = std::clamp(mother_age + static_cast<int>(rng_.Between(-2, 8)), std::max(18, oldest + 16), 50);
  SynthPerson father = MakePerson(Sex::kMale, father_age, maya_share, f->country);
  SynthPerson mother = MakePerson(Sex::kFemale, mother_age, maya_share, f->country);
  father.language = mother.language = &language;

  f->children.clear();
  std::string shelter = places_.PickFacility(FacilityKind::kShelter, rng_);
  for (int age : ages) {
    SynthChild c;
    c.person.sex = rng_.Chance(0.52) ? Sex::kMale : Sex::kFemale;
    c.person.age = age;
    MakeGiven(c.person.sex, &c.person.given);
    c.person.paternal = father.paternal;
    c.person.maternal = mother.paternal;
    c.person.dob = BirthDate(age);
    // Some children of Maya-speaking parents were recorded as Spanish speakers.
    c.person.language = language.maya && rng_.Chance(0.25) ? &places_.Spanish() : &language;
    if (rng_.Chance(0.2)) c.person.a_number = "2" + std::to_string(10000000 + rng_.Below(90000000));
    c.shelter = rng_.Chance(0.7) ? shelter : places_.PickFacility(FacilityKind::kShelter, rng_);
    c.status = rng_.Chance(0.75) ? CustodyStatus::kInCare : CustodyStatus::kDischarged;
    f->children.push_back(std::move(c));
  }
  f->adults.clear();
  AddAdults(f, father, mother, maya_share);
  for (SynthAdult& a : f->adults) SetCustody(f, &a);
  AddMentions(f, father, mother);
}

void FamilyGenerator::AddAdults(SynthFamily* f, const SynthPerson& father, const SynthPerson& mother,
                                double maya_share) {
  double r = rng_.Unit();
  bool with_mother = r < 0.42 || (r >= 0.72 && r < 0.85);
  bool with_father = r >= 0.42 && r < 0.85;
  if (with_father) {
    SynthAdult a;
    a.person = father, a.relationship = Relationship::kFather;
    a.called = "papá", a.son_word = "hijo", a.daughter_word = "hija";
    f->adults.push_back(std::move(a));
  }
  if (with_mother) {
    SynthAdult a;
    a.person = mother, a.relationship = Relationship::kMother;
    if (rng_.Chance(0.2)) a.person.married = father.paternal;
    a.called = "mamá", a.son_word = "hijo", a.daughter_word = "hija";
    f->adults.push_back(std::move(a));
  }
  if (r >= 0.85) AddRelative(f, father, mother, maya_share);
}

void FamilyGenerator::AddRelative(SynthFamily* f, const SynthPerson& father, const SynthPerson& mother,
                                  double maya_share) {
  SynthAdult a;
  if (rng_.Chance(1.0 / 3)) {  // a legal guardian, unrelated by name
    a.relationship = Relationship::kLegalGuardian;
    Sex sex = rng_.Chance(0.7) ? Sex::kFemale : Sex::kMale;
    a.person = MakePerson(sex, static_cast<int>(rng_.Between(25, 60)), maya_share, f->country);
    a.called = sex == Sex::kFemale ? "tía" : "tío";  // what children call a carer
    a.son_word = "menor", a.daughter_word = "menor";
  } else {
    a.relationship = Relationship::kOtherRelative;
    long kind = rng_.Below(3);  // 0 aunt/uncle, 1 grandparent, 2 older sibling
    if (kind == 2 && mother.age - 16 < 18) kind = 0;
    Sex sex = rng_.Chance(0.5) ? Sex::kFemale : Sex::kMale;
    bool paternal_side = rng_.Chance(0.5);
    const SynthPerson& parent = paternal_side ? father : mother;
    bool f_ = sex == Sex::kFemale;
    int age = kind == 0 ? static_cast<int>(rng_.Between(20, 50))
              : kind == 1 ? std::min(80, parent.age + static_cast<int>(rng_.Between(18, 32)))
                          : static_cast<int>(rng_.Between(18, std::min(24, mother.age - 16)));
    a.person = MakePerson(sex, age, maya_share, f->country);
    if (kind == 0) {
      a.person.paternal = parent.paternal, a.person.maternal = parent.maternal;
      a.called = f_ ? "tía" : "tío", a.son_word = "sobrino", a.daughter_word = "sobrina";
    } else if (kind == 1) {
      // A grandfather passes on his first surname; a grandmother gave the parent her first.
      a.person.paternal = f_ ? parent.maternal : parent.paternal;
      a.called = f_ ? "abuela" : "abuelo", a.son_word = "nieto", a.daughter_word = "nieta";
    } else {
      a.person.paternal = father.paternal, a.person.maternal = mother.paternal;
      a.called = f_ ? "hermana" : "hermano", a.son_word = "hermano", a.daughter_word = "hermana";
    }
  }
  a.person.language = father.language;
  f->adults.push_back(std::move(a));
}

void FamilyGenerator::SetCustody(SynthFamily* f, SynthAdult* a) {
  SynthPerson& p = a->person;
  if (rng_.Chance(0.92)) {
    p.a_number = rng_.Chance(0.88) ? "2" + std::to_string(10000000 + rng_.Below(90000000))
                                   : "0" + std::to_string(70000000 + rng_.Below(30000000));
  }
  double r = rng_.Unit();
  int n_phones = r < 0.12 ? 0 : r < 0.67 ? 1 : r < 0.92 ? 2 : 3;
  for (int i = 0; i < n_phones; ++i) p.phones.push_back(Phone(f->country));
  long apprehended = DaysFromCivil(f->apprehension_date);
  long last = reference_days_ - 1;
  r = rng_.Unit();
  if (r < 0.35 && last - apprehended >= 7) {
    a->status = CustodyStatus::kRemoved;
    a->removal_date = CivilFromDays(rng_.Between(apprehended + 7, std::min(apprehended + 60, last)));
    a->location = f->village + ", " + f->municipality + ", " + f->department->name;
    return;
  }
  a->status = r < 0.55 ? CustodyStatus::kReleased : CustodyStatus::kDetained;
  a->location = places_.PickFacility(FacilityKind::kDetention, rng_);
}

}  // namespace reunite::synth

namespace reunite::synth {

namespace {

// How much a child says about a relative, by age: 0 nothing, 1 the word only,
// 2 the first given name, 3 all given names, 4 given names and surname(s).
int ChildDetail(int age, Rng& rng) {
  double r = rng.Unit();
  if (age < 3) return r < 0.6 ? 0 : 1;
  if (age < 6) return r < 0.2 ? 0 : r < 0.6 ? 1 : 2;
  if (age < 12) return r < 0.2 ? 1 : r < 0.45 ? 2 : r < 0.75 ? 3 : 4;
  return r < 0.1 ? 1 : r < 0.25 ? 2 : r < 0.45 ? 3 : 4;
}

std::string Capitalized(const std::string& word) {
  std::string w = word;
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

// What a child calls a parent; "mamá" may come out as "mami", "madre" or "mi mamá".
std::string ParentWord(const std::string& called, Rng& rng) {
  bool mother = called == "mamá";
  if (called != "mamá" && called != "papá") return called;
  const char* const forms[2][4] = {{"papá", "papi", "padre", "mi papá"}, {"mamá", "mami", "madre", "mi mamá"}};
  double r = rng.Unit();
  return forms[mother][r < 0.6 ? 0 : r < 0.75 ? 1 : r < 0.9 ? 2 : 3];
}

Mention Mentioned(const std::string& called, const SynthPerson& who, int detail, Rng& rng) {
  Mention m;
  m.word = ParentWord(called, rng);
  if (rng.Chance(0.3)) m.word = Capitalized(m.word);
  m.sep = kSeparators[rng.Below(std::size(kSeparators))];
  if (detail >= 2) m.given.push_back(who.given.front());
  if (detail >= 3) m.given = who.given;
  if (detail >= 4) m.surnames = rng.Chance(0.5) ? who.paternal : who.paternal + " " + who.maternal;
  return m;
}

}  // namespace

void FamilyGenerator::AddMentions(SynthFamily* f, const SynthPerson& father, const SynthPerson& mother) {
  for (SynthChild& c : f->children) {
    c.reported.clear();
    int detail = ChildDetail(c.person.age, rng_);
    if (detail == 0) continue;
    bool named_father = false, named_mother = false;
    for (const SynthAdult& a : f->adults) {
      c.reported.push_back(Mentioned(a.called, a.person, detail, rng_));
      named_father = named_father || a.relationship == Relationship::kFather;
      named_mother = named_mother || a.relationship == Relationship::kMother;
    }
    // A parent who was not apprehended with the child is sometimes named too.
    if (!named_mother && rng_.Chance(0.3)) c.reported.push_back(Mentioned("mamá", mother, detail, rng_));
    if (!named_father && rng_.Chance(0.3)) c.reported.push_back(Mentioned("papá", father, detail, rng_));
  }
  for (SynthAdult& a : f->adults) {
    a.reported.clear();
    if (rng_.Chance(0.25)) continue;
    for (const SynthChild& c : f->children) {
      if (rng_.Chance(0.1)) continue;
      Mention m;
      m.word = c.person.sex == Sex::kFemale ? a.daughter_word : a.son_word;
      m.sep = kSeparators[rng_.Below(std::size(kSeparators))];
      m.given.push_back(c.person.given.front());
      if (rng_.Chance(0.5)) m.given = c.person.given;
      if (rng_.Chance(0.1)) m.surnames = c.person.paternal;
      if (c.person.age >= 1 && rng_.Chance(0.4)) m.age = c.person.age;
      a.reported.push_back(std::move(m));
    }
  }
}

}  // namespace reunite::synth
