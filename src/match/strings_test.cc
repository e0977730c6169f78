#include "match/strings.h"

#include <gtest/gtest.h>

namespace reunite::match {
namespace {

TEST(JaroWinklerTest, KnownValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 1e-4);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_NEAR(Jaro("martha", "marhta"), 0.9444, 1e-4);
  EXPECT_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_EQ(JaroWinkler("a", ""), 0.0);
  EXPECT_EQ(JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_EQ(JaroWinkler("hernandez", "hernandez"), 1.0);
  EXPECT_NEAR(JaroWinkler("a", "a"), 1.0, 1e-12);
}

TEST(JaroWinklerTest, LongStringsUseTheHeap) {
  std::string a(100, 'x'), b(100, 'x');
  b[50] = 'y';
  EXPECT_GT(JaroWinkler(a, b), 0.98);
}

TEST(DamerauLevenshteinTest, EditsAndTranspositions) {
  EXPECT_EQ(DamerauLevenshtein("", ""), 0);
  EXPECT_EQ(DamerauLevenshtein("abc", ""), 3);
  EXPECT_EQ(DamerauLevenshtein("lopez", "lopes"), 1);
  EXPECT_EQ(DamerauLevenshtein("lopez", "lpoez"), 1);   // adjacent transposition
  EXPECT_EQ(DamerauLevenshtein("perez", "pereza"), 1);  // insertion
  EXPECT_EQ(DamerauLevenshtein("kitten", "sitting"), 3);
  EXPECT_EQ(DamerauLevenshtein("ca", "abc"), 3);        // optimal string alignment, not full DL
  EXPECT_EQ(DamerauLevenshtein("012345678", "012345687"), 1);
}

TEST(DamerauLevenshteinTest, StopsEarlyAboveTheBound) {
  EXPECT_EQ(DamerauLevenshtein("hernandez", "xyzxyzxyz", 2), 3);
  EXPECT_EQ(DamerauLevenshtein("ab", "abcdef", 1), 2);
  EXPECT_EQ(DamerauLevenshtein("lopez", "lopes", 1), 1);
  std::string a(80, 'a'), b(80, 'a');
  b[3] = 'b';
  EXPECT_EQ(DamerauLevenshtein(a, b, 2), 1);
}

}  // namespace
}  // namespace reunite::match
