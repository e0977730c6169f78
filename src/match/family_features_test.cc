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
