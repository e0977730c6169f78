// Unit tests of the text noise functions.
#include "synth/noise.h"

#include <set>

#include <gtest/gtest.h>

namespace reunite::synth {
namespace {

TEST(Noise, DropAccentsAndCaps) {
  EXPECT_EQ(DropAccents("Hernández Peña Ángel Güinope"), "Hernandez Pena Angel Guinope");
  EXPECT_EQ(AllCaps("peña maría"), "PEÑA MARÍA");
  EXPECT_EQ(AllCaps("K'iche'"), "K'ICHE'");
}

TEST(Noise, TypoChangesOneLetterAndKeepsUtf8Valid) {
  Rng rng(3);
  for (int i = 0; i < 200; ++i) {
    std::string t = Typo("Velásquez", rng);
    EXPECT_NE(t, "");
    EXPECT_EQ(t[0], 'V');
    EXPECT_LE(t.size(), std::string("Velásquez").size() + 1);
    for (std::size_t j = 0; j < t.size(); ++j) {  // no lone UTF-8 lead or continuation byte
      unsigned char c = static_cast<unsigned char>(t[j]);
      if (c == 0xC3) {
        EXPECT_TRUE(j + 1 < t.size() && (static_cast<unsigned char>(t[j + 1]) & 0xC0) == 0x80);
      }
      if ((c & 0xC0) == 0x80) {
        EXPECT_EQ(static_cast<unsigned char>(t[j - 1]), 0xC3);
      }
    }
  }
  EXPECT_EQ(Typo("Ac", rng), "Ac");
}

TEST(Noise, PhoneticRespellings) {
  Rng rng(5);
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) seen.insert(Phonetic("Xol", rng));
  EXPECT_TRUE(seen.count("Shol"));
  seen.clear();
  for (int i = 0; i < 200; ++i) seen.insert(Phonetic("Hernández", rng));
  EXPECT_TRUE(seen.count("Ernández"));
  EXPECT_TRUE(seen.count("Hernándes"));
  EXPECT_EQ(Phonetic("Tum", rng), "Tum");  // no rule applies
}

TEST(Noise, IdentifierFormats) {
  Rng rng(9);
  EXPECT_EQ(FormatANumber("212345678", false, rng), "A212345678");
  EXPECT_EQ(FormatPhone("+50255551234", false, rng), "+50255551234");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) seen.insert(FormatPhone("+50255551234", true, rng));
  EXPECT_TRUE(seen.count("5555-1234"));
  EXPECT_TRUE(seen.count("(502) 5555 1234"));
  std::string m = MistypeDigit("212345678", rng);
  int diff = 0;
  for (int i = 0; i < 9; ++i) diff += m[i] != "212345678"[i];
  EXPECT_EQ(diff, 1);
}

TEST(Noise, RatesScaleAndVanishAtZero) {
  NoiseRates zero(0), one(1), two(2);
  EXPECT_EQ(zero.typo, 0);
  EXPECT_EQ(zero.drop_accents, 0);
  EXPECT_DOUBLE_EQ(two.typo, 2 * one.typo);
  EXPECT_GT(zero.duplicate, 0);
  EXPECT_GT(two.duplicate, one.duplicate);
}

}  // namespace
}  // namespace reunite::synth
