// Regression: the messages for an A-number or a phone number with an unexpected
// character quoted only the first byte of that character, so a cell such as
// "A01234567é" gave a message with half a UTF-8 sequence in it (invalid UTF-8 in
// diagnostics, and in anything that writes them as JSON). Found by robustness_test.cc.
#include <gtest/gtest.h>

#include "ingest/encoding.h"
#include "ingest/identifiers.h"

namespace reunite {
namespace {

TEST(IdentifiersAccentedCharMessageTest, ANumberNamesTheWholeCharacter) {
  auto a = NormalizeANumber("A01234567é");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(),
            "A-number \"A01234567é\": unexpected character 'é' (expected A and 8 or 9 digits)");
  EXPECT_TRUE(IsValidUtf8(a.status().message()));
}

TEST(IdentifiersAccentedCharMessageTest, PhoneNamesTheWholeCharacter) {
  std::vector<std::string> why;
  auto phones = NormalizePhones("5555-1234 ñ; 5555€", "GT", &why);
  ASSERT_EQ(why.size(), 2u);
  EXPECT_EQ(why[0], "\"5555-1234 ñ\": not a phone number (unexpected 'ñ')");
  EXPECT_EQ(why[1], "\"5555€\": not a phone number (unexpected '€')");
  for (const auto& w : why) EXPECT_TRUE(IsValidUtf8(w)) << w;
}

}  // namespace
}  // namespace reunite
