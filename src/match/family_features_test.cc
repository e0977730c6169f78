#include "match/family_features.h"

#include <gtest/gtest.h>

#include "match/family_frequencies.h"
#include "match/test_families.h"

namespace reunite::match {
namespace {

using testing::MakePerson;

const Date kDay{2018, 6, 1};

FamilyRecord Child(const char* given, const char* pat, const char* mat, const char* said = "",
                   Date day = kDay) {
  return PrepareFamilyRecord(MakePerson(Role::kChild, given, pat, mat, Sex::kFemale, {2010, 1, 1}, day, "Yuma Station", said));
}

FamilyRecord Adult(const char* given, const char* pat, const char* mat, Sex sex, const char* said = "") {
  return PrepareFamilyRecord(MakePerson(Role::kAdult, given, pat, mat, sex, {1980, 1, 1}, kDay, "Yuma Station", said));
}

TEST(FamilyFeaturesTest, SiblingsSurnamesSwappedMisspeltOrMissing) {
  FamilyRecord lucia = Child("Lucía", "Castro", "Cardona");
  EXPECT_TRUE(LikelySiblings(lucia, Child("Jessica", "Cardona", "Kastro")));  // swapped and misspelt
  EXPECT_TRUE(LikelySiblings(lucia, Child("Douglas", "Castro", "")));         // maternal missing
  EXPECT_FALSE(LikelySiblings(lucia, Child("Ana", "Castro", "López")));       // another mother
  EXPECT_FALSE(LikelySiblings(lucia, Child("Ana", "López", "")));
  EXPECT_FALSE(LikelySiblings(lucia, Child("Ana", "Castro", "Cardona", "", {2018, 6, 2})));  // not apprehended together
  EXPECT_FALSE(LikelySiblings(Child("Ana", "", ""), Child("Eva", "", "")));
}

TEST(FamilyFeaturesTest, NoSharedSurnameIsNoEvidenceAgainstANamedCarer) {
  FamilyRecord marta = Child("Marta", "González", "Sical", "tía");
  FamilyRecord carer = Adult("Maria Elida", "Koy", "Tiney", Sex::kFemale, "menor, Marta 8 años");
  EXPECT_EQ(CompareFamily(kSurnameLine, marta, carer), kNull);
  EXPECT_LE(CompareFamily(kAdultNamed, marta, carer), 1);
  // Without the word "menor" naming her, sharing no surname counts against.
  EXPECT_EQ(CompareFamily(kSurnameLine, marta, Adult("Maria Elida", "Koy", "Tiney", Sex::kFemale)), kNoneShared);
}

TEST(FamilyFeaturesTest, NicknameMeetsAMisspeltFormalName) {
  FamilyRecord carmen = Child("Carmen", "Bermúdez", "Ramírez", "mi papá: Chepe Carlos");
  int level = CompareFamily(kChildNamed, carmen, Adult("Joze Carlos", "Bermudez", "Barrios", Sex::kMale));
  EXPECT_LE(level, 1);  // Chepe = José, which "Joze" sounds like; Carlos is a second name
  EXPECT_EQ(CompareFamily(kChildNamed, carmen, Adult("Mario", "Bermudez", "Barrios", Sex::kMale)), 4);
}

TEST(FamilyFeaturesTest, NearlyTheSameSoundIsAFuzzySurname) {
  FamilyRecord nestor = Child("Néstor", "Hejnández", "Pacay");
  EXPECT_EQ(CompareFamily(kSurnameLine, nestor, Adult("Carlos", "Hernándes", "Fuentes", Sex::kMale)), kPaternalFuzzy);
  EXPECT_EQ(CompareFamily(kSurnameLine, nestor, Adult("Carlos", "Tzul", "Fuentes", Sex::kMale)), kNoneShared);
}

FamilyRecord At(const char* place, Date day, const char* a_number = "", Role role = Role::kAdult) {
  Person p = MakePerson(role, "Ana", "Pop", "Caal", Sex::kFemale, {1980, 1, 1}, day, place, "");
  p.a_number = a_number;
  return PrepareFamilyRecord(p);
}

// An apprehension written as a station, a city and state, or a sector and station is
// one place; dates a few days apart are the same apprehension.
TEST(FamilyFeaturesTest, ApprehensionPlacesResolveToStationAndSector) {
  const Date day{2018, 6, 3};
  FamilyRecord child = At("McAllen, TX", day, "", Role::kChild);
  EXPECT_EQ(child.sector, "RGV");
  EXPECT_EQ(CompareFamily(kApprehension, child, At("RGV - McAllen", {2018, 6, 5})), kSameStationDays);
  EXPECT_EQ(CompareFamily(kApprehension, child, At("McAllen Station", day)), kSameStationDays);
  EXPECT_EQ(CompareFamily(kApprehension, child, At("RGV - WESLACO", day)), kSameSectorDays);
  EXPECT_EQ(CompareFamily(kApprehension, child, At("Rio Grande Valley Sector", day)), kSameSectorDays);
  EXPECT_EQ(CompareFamily(kApprehension, child, At("RGV", {2018, 6, 20})), kSameSectorWeeks);  // booked in later
  EXPECT_EQ(CompareFamily(kApprehension, child, At("EPT - Santa Teresa", day)), kOtherSectorWeeks);
  EXPECT_EQ(CompareFamily(kApprehension, child, At("Somewhere", day)), kPlaceUnknownDays);
  EXPECT_EQ(CompareFamily(kApprehension, child, At("McAllen Station", {2018, 8, 3})), kApprehensionApart);
  EXPECT_EQ(CompareFamily(kApprehension, child, At("McAllen Station", {})), kNull);
}

TEST(FamilyFeaturesTest, ANumbersIssuedTogetherAndSharedPhones) {
  const Date day{2018, 6, 3};
  FamilyRecord child = At("RGV", day, "212536625", Role::kChild);
  EXPECT_EQ(CompareFamily(kANumberGap, child, At("RGV", day, "212536627")), 0);
  EXPECT_EQ(CompareFamily(kANumberGap, child, At("RGV", day, "212536640")), 1);
  EXPECT_EQ(CompareFamily(kANumberGap, child, At("RGV", day, "212556625")), 4);
  EXPECT_EQ(CompareFamily(kANumberGap, child, At("RGV", day)), kNull);
  // Processed the same days: telling only where the apprehensions cannot be matched,
  // as strangers apprehended together get such numbers too.
  const FamilyRecord booked_later = At("Eloy, AZ", {2018, 6, 25}, "212536763");
  EXPECT_EQ(CompareFamily(kANumberGap, child, booked_later), 2);
  EXPECT_EQ(CompareFamily(kANumberGap, child, At("RGV", day, "212536763")), kNull);
  EXPECT_EQ(CompareFamily(kANumberGap, child, At("Eloy, AZ", {2018, 6, 25}, "212545625")), 3);
  std::vector<FamilyRecord> kids = {child, child}, adults = {At("RGV", day), At("RGV", day)};
  kids[0].phones = {"+50255551234"};
  adults[0].phones = {"+50255551234", "+18002225555"};
  kids[1].phones = {"+18002225555"};
  adults[1].phones = {"+18002225555"};
  EXPECT_EQ(CompareFamily(kPhone, kids[0], adults[0]), 0);
  DropSharedPhones(&kids, &adults, 2);  // the hotline is on three records
  EXPECT_EQ(CompareFamily(kPhone, kids[0], adults[0]), 0);
  EXPECT_EQ(CompareFamily(kPhone, kids[1], adults[1]), kNull);
}

TEST(FamilyFeaturesTest, ACrowdedDayMakesSharingAStationWeakerEvidence) {
  std::vector<FamilyRecord> kids = {At("McAllen Station", {2018, 6, 3}, "", Role::kChild),
                                    At("Yuma Station", {2018, 6, 3}, "", Role::kChild)};
  std::vector<FamilyRecord> adults;
  for (int i = 0; i < 9; ++i) adults.push_back(At("McAllen Station", {2018, 6, 2}));
  adults.push_back(At("Yuma Station", {2018, 6, 4}));
  MeasureCrowds(&kids, adults);
  EXPECT_DOUBLE_EQ(kids[0].station_crowd, 0.9);
  EXPECT_DOUBLE_EQ(kids[1].station_crowd, 0.1);
}

// A name a child gives its father is weak evidence for a man who carries it only as a
// second given name and second surname, and a name the adult lacks counts against.
TEST(FamilyFeaturesTest, NamesTheAdultLacksWeakenAMention) {
  FamilyRecord francisco = Child("Francisco", "Domínguez", "Velasco", "FATHER: JUAN DOMINGUEZ");
  EXPECT_EQ(CompareFamily(kChildNamed, francisco, Adult("Juan", "Domínguez", "Domingo", Sex::kMale)), 0);
  EXPECT_EQ(CompareFamily(kChildNamed, francisco, Adult("Denis Juan", "Hernández", "Domínguez", Sex::kMale)), 1);
  FamilyRecord dylan = Child("Dylan", "Pérez", "Pablo", "Madre: María Teresa Péres Pablo");
  EXPECT_EQ(CompareFamily(kChildNamed, dylan, Adult("María Teresa", "Pérez", "Pablo", Sex::kFemale)), 0);
  EXPECT_EQ(CompareFamily(kChildNamed, dylan, Adult("María Rosa", "Pérez", "Martínez", Sex::kFemale)), 1);
  EXPECT_EQ(CompareFamily(kChildNamed, Child("Ana", "Luna", "Paz", "mamá Wendy"), Adult("Guendy", "Paz", "Ruiz", Sex::kFemale)), 2);
}

// A name as a child says it is heard, not read: "Reyna" is the Reina on the list, as
// much as "Reina" would be; a name that only looks alike stays weak.
TEST(FamilyFeaturesTest, ANameThatSoundsTheSameIsTheSameName) {
  FamilyRecord eduardo = Child("Eduardo", "Méndez", "", "mother: Reyna");
  const FamilyRecord reina = Adult("Reina María", "Morales", "Castro", Sex::kFemale);
  EXPECT_EQ(CompareFamily(kChildNamed, eduardo, reina), 1);
  EXPECT_EQ(CompareFamily(kChildNamed, Child("Eduardo", "Méndez", "", "mother: Reina"), reina), 1);
  EXPECT_EQ(CompareFamily(kChildNamed, Child("Eduardo", "Méndez", "", "mother: Regina"), reina), 2);
}

// A relative said to be elsewhere is not on the list; "unaccompanied" says no one came.
TEST(FamilyFeaturesTest, ARelativeElsewhereOrAChildAloneNamesNoOneOnTheList) {
  FamilyRecord jostin = Child("Jostin", "López", "Soto", "Papá José López in Guatemala");
  EXPECT_EQ(CompareFamily(kChildNamed, jostin, Adult("José", "López", "Argueta", Sex::kMale)), 4);
  FamilyRecord oscar = Child("Óscar", "Castro", "Zelaya", "Sponsor: Uncle Nelson (Houston, TX); Unaccompanied");
  EXPECT_TRUE(oscar.unaccompanied);
  EXPECT_EQ(CompareFamily(kChildNamed, oscar, Adult("Nelson", "Castro", "Ruiz", Sex::kMale)), 4);
  EXPECT_EQ(CompareFamily(kChildNamed, Child("Eva", "Caal", "Pop", "Unaccompanied"), Adult("Rosa", "Caal", "Xol", Sex::kFemale)), 7);
  // She said who came with her: a man of her surname is not that.
  FamilyRecord maria = Child("María", "Barrios", "González", "mamá - Magdalena González (separated at border)");
  EXPECT_EQ(CompareFamily(kChildNamed, maria, Adult("Pedro", "González", "Ruiz", Sex::kMale)), 5);
  EXPECT_EQ(CompareFamily(kChildNamed, maria, Adult("Magdalena", "González", "Hernández", Sex::kFemale)), 0);
}

TEST(FamilyFeaturesTest, AnOtherRelativeNeedsATieBeyondSurnames) {
  FamilyRecord francisco = Child("Francisco", "Domínguez", "Velasco", "FATHER: JUAN DOMINGUEZ");
  EXPECT_FALSE(TieBeyondSurnames(francisco, Adult("Denis Juan", "Hernández", "Domínguez", Sex::kMale)).tied);
  EXPECT_TRUE(TieBeyondSurnames(Child("Eva", "Caal", "Pop", "tía Rosa"), Adult("Rosa", "Xol", "Pop", Sex::kFemale)).tied);
  EXPECT_TRUE(TieBeyondSurnames(Child("Eva", "Caal", "Pop", "tía"), Adult("Rosa", "Xol", "Pop", Sex::kFemale)).tied);
  EXPECT_FALSE(TieBeyondSurnames(Child("Eva", "Caal", "Pop", "tía"), Adult("Juan", "Xol", "Pop", Sex::kMale)).tied);
  EXPECT_TRUE(TieBeyondSurnames(Child("Eva", "Caal", "Pop"), Adult("Rosa", "Xol", "Pop", Sex::kFemale, "sobrina Eva")).tied);
  // Her "hija Eva" ties a mother, not an aunt.
  EXPECT_FALSE(TieBeyondSurnames(Child("Eva", "Caal", "Pop"), Adult("Rosa", "Xol", "Pop", Sex::kFemale, "hija Eva Caal")).tied);
}

TEST(FamilyFrequenciesTest, CommonValuesCountForLessAndRareOnesAreCapped) {
  ValueFrequencies surnames;
  for (int i = 0; i < 90; ++i) surnames.Count("LOPES");
  for (int i = 0; i < 9; ++i) surnames.Count("PERES");
  surnames.Count("TSUNUN");
  surnames.Finish();
  EXPECT_LT(surnames.Weight("LOPES", -6, 3), 0);
  EXPECT_GT(surnames.Weight("PERES", -6, 3), 0);
  EXPECT_DOUBLE_EQ(surnames.Weight("TSUNUN", -6, 3), 3);  // capped
  EXPECT_DOUBLE_EQ(surnames.Weight("TSUNUN", -6, 0), 0);
  EXPECT_DOUBLE_EQ(surnames.Weight("", -6, 3), 0);
  EXPECT_DOUBLE_EQ(ValueFrequencies().Weight("LOPES", -6, 3), 0);  // nothing counted
}

}  // namespace
}  // namespace reunite::match
