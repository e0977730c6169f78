#include "ingest/lookup_text.h"

#include <gtest/gtest.h>

namespace reunite {
namespace {

TEST(LookupTextTest, ANumberInEveryCommonForm) {
  for (const char* typed : {"A094763778", "a094763778", "094763778", "094-763-778", "A# 094 763 778", "A-094-763-778",
                            "A094.763.778", " 94763778 "}) {
    SCOPED_TRACE(typed);
    const LookupText t = ReadLookupText(typed);
    EXPECT_EQ(t.a_number, "094763778");
    EXPECT_TRUE(t.identifier_only);
  }
}

TEST(LookupTextTest, PhonesInNationalAndInternationalForms) {
  EXPECT_EQ(ReadLookupText("+502 5555-1234").phones, std::vector<std::string>{"+50255551234"});
  EXPECT_EQ(ReadLookupText("(915) 321-0134").phones, std::vector<std::string>{"+19153210134"});
  EXPECT_EQ(ReadLookupText("+504 9923-4417").phones, std::vector<std::string>{"+50499234417"});
  // A bare 8-digit number may be any of the three countries'.
  EXPECT_EQ(ReadLookupText("5555-1234").phones,
            (std::vector<std::string>{"+50255551234", "+50355551234", "+50455551234"}));
}

TEST(LookupTextTest, RecordAndPersonIds) {
  LookupText uac = ReadLookupText("UAC3049356");
  EXPECT_EQ(uac.record_id, "UAC3049356");
  EXPECT_TRUE(uac.a_number.empty());
  EXPECT_FALSE(uac.person_id);
  EXPECT_TRUE(uac.identifier_only);
  LookupText id = ReadLookupText("2581");
  ASSERT_TRUE(id.person_id);
  EXPECT_EQ(*id.person_id, 2581);
  EXPECT_EQ(id.record_id, "2581");
  EXPECT_TRUE(ReadLookupText("CBP-6766074").identifier_only);
}

TEST(LookupTextTest, NamesAreNotIdentifiers) {
  EXPECT_TRUE(ReadLookupText("Juan Pérez").empty());
  EXPECT_TRUE(ReadLookupText("").empty());
  const LookupText mixed = ReadLookupText("Juan 1985");
  EXPECT_FALSE(mixed.identifier_only);
  EXPECT_FALSE(mixed.a_number.size());
  // Placeholders are no number to look up.
  EXPECT_TRUE(ReadLookupText("000-000-0000").phones.empty());
  EXPECT_TRUE(ReadLookupText(std::string(100, '1')).empty());
}

}  // namespace
}  // namespace reunite
