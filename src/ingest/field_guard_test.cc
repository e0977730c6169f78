// Issue 13, item 13: field length limits (in characters) and bidirectional control
// characters in identity fields.
#include "ingest/field_guard.h"

#include <gtest/gtest.h>

namespace reunite {
namespace {

const std::string kRlo = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE

TEST(FieldGuardTest, Issue13Item13LimitsAreCountedInCharactersNotBytes) {
  // 200 two-byte characters are 400 bytes, and still a name within its limit.
  std::string name;
  for (int i = 0; i < 200; ++i) name += "\xC3\xB1";  // ñ
  EXPECT_EQ(CountChars(name), 200u);
  EXPECT_FALSE(CheckField(name, FieldKind::kName, true));
  name += "a";
  auto problem = CheckField(name, FieldKind::kName, true);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->code, "field_too_long");
  EXPECT_EQ(problem->message, "too long: 201 characters; a name takes at most 200");
}

TEST(FieldGuardTest, Issue13Item13EachKindHasItsLimit) {
  for (FieldKind kind : {FieldKind::kIdentifier, FieldKind::kName, FieldKind::kText, FieldKind::kFreeText}) {
    SCOPED_TRACE(std::string(ToString(kind)));
    const std::size_t limit = MaxChars(kind);
    EXPECT_FALSE(CheckField(std::string(limit, 'x'), kind, false));
    EXPECT_TRUE(CheckField(std::string(limit + 1, 'x'), kind, false));
  }
  EXPECT_EQ(MaxChars(FieldKind::kIdentifier), 64u);
  EXPECT_EQ(MaxChars(FieldKind::kName), 200u);
  EXPECT_EQ(MaxChars(FieldKind::kText), 500u);
  EXPECT_EQ(MaxChars(FieldKind::kFreeText), 4000u);
}

TEST(FieldGuardTest, Issue13Item13AMegabyteNameIsRefusedWithItsLength) {
  auto problem = CheckField(std::string(1 << 20, 'A'), FieldKind::kName, true);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->message, "too long: 1,048,576 characters; a name takes at most 200");
  ASSERT_EQ(problem->args.size(), 2u);
  EXPECT_EQ(problem->args[0], (std::pair<std::string, std::string>{"length", "1,048,576"}));
  EXPECT_EQ(problem->args[1], (std::pair<std::string, std::string>{"limit", "200"}));
}

TEST(FieldGuardTest, Issue13Item13EveryBidiControlIsFoundWithItsPosition) {
  const std::pair<const char*, char32_t> controls[] = {
      {"\xD8\x9C", 0x061C},     {"\xE2\x80\x8E", 0x200E}, {"\xE2\x80\x8F", 0x200F}, {"\xE2\x80\xAA", 0x202A},
      {"\xE2\x80\xAB", 0x202B}, {"\xE2\x80\xAC", 0x202C}, {"\xE2\x80\xAD", 0x202D}, {"\xE2\x80\xAE", 0x202E},
      {"\xE2\x81\xA6", 0x2066}, {"\xE2\x81\xA7", 0x2067}, {"\xE2\x81\xA8", 0x2068}, {"\xE2\x81\xA9", 0x2069}};
  for (const auto& [bytes, cp] : controls) {
    auto found = FindBidiControl("Jos\xC3\xA9" + std::string(bytes) + "nauJ");
    ASSERT_TRUE(found) << std::hex << static_cast<unsigned>(cp);
    EXPECT_EQ(found->code_point, cp);
    EXPECT_EQ(found->char_index, 4u);  // after "José", counted in characters
  }
}

TEST(FieldGuardTest, Issue13Item13NeighboursOfBidiControlsAreNotControls) {
  // U+200D ZERO WIDTH JOINER, U+2029 PARAGRAPH SEPARATOR, U+2065 (unassigned), U+206A,
  // U+2030 PER MILLE SIGN, U+061B ARABIC SEMICOLON, and Arabic and Hebrew letters.
  for (const char* text : {"\xE2\x80\x8D", "\xE2\x80\xA9", "\xE2\x81\xA5", "\xE2\x81\xAA", "\xE2\x80\xB0",
                           "\xD8\x9B", "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF", "\xD7\xA9\xD7\xA8\xD7\x94"}) {
    EXPECT_FALSE(FindBidiControl(text)) << text;
  }
}

TEST(FieldGuardTest, Issue13Item13BidiControlIsRefusedInIdentityFieldsOnly) {
  const std::string spoof = "Juan " + kRlo + "zepol";
  auto problem = CheckField(spoof, FieldKind::kName, /*identity=*/true);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->code, "bidi_control");
  EXPECT_EQ(problem->message.rfind("holds U+202E RIGHT-TO-LEFT OVERRIDE at character 6: ", 0), 0u);
  EXPECT_FALSE(CheckField(spoof, FieldKind::kFreeText, /*identity=*/false));
}

TEST(FieldGuardTest, Issue13Item13TooLargeNamesSizeAndLimit) {
  FieldProblem p = TooLargeProblem(2147483648u, 268435456u);
  EXPECT_EQ(p.code, "file_too_large");
  EXPECT_EQ(p.message,
            "the file is 2,147,483,648 bytes (2 GiB), more than the 268,435,456 bytes (256 MiB) an import takes; "
            "split the list into smaller files");
  EXPECT_EQ(TooLargeProblem(1610612736u, 1u).args[0].second, "1.5 GiB");
}

TEST(FieldGuardTest, Issue13Item13Thousands) {
  EXPECT_EQ(WithThousands(0), "0");
  EXPECT_EQ(WithThousands(999), "999");
  EXPECT_EQ(WithThousands(1000), "1,000");
  EXPECT_EQ(WithThousands(1234567), "1,234,567");
}

}  // namespace
}  // namespace reunite
