#include "match/strings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/random.h"

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

// The textbook Jaro: each byte of `a` takes the first unused equal byte of `b` in the
// window; transpositions are half the matched bytes out of order.
double ReferenceJaro(const std::string& a, const std::string& b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const size_t window = std::max<size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::vector<bool> au(a.size()), bu(b.size());
  size_t m = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = i > window ? i - window : 0; j < std::min(i + window + 1, b.size()); ++j) {
      if (bu[j] || a[i] != b[j]) continue;
      au[i] = bu[j] = true;
      ++m;
      break;
    }
  }
  if (m == 0) return 0.0;
  size_t t = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!au[i]) continue;
    while (!bu[j]) ++j;
    t += a[i] != b[j++];
  }
  const double md = static_cast<double>(m);
  return (md / a.size() + md / b.size() + (md - t / 2.0) / md) / 3.0;
}

TEST(JaroWinklerTest, BitParallelJaroEqualsTheTextbookAlgorithm) {
  // Short and long, similar and not, over a small alphabet so bytes repeat; lengths
  // up to 64 take the bit-parallel path, longer ones the flag arrays.
  Rng rng(11);
  for (int k = 0; k < 20000; ++k) {
    std::string a, b;
    const size_t na = rng.Below(k % 7 == 0 ? 90 : 40), nb = rng.Below(k % 7 == 0 ? 90 : 40);
    for (size_t i = 0; i < na; ++i) a += static_cast<char>('a' + rng.Below(6));
    b = a.substr(0, std::min(na, nb));
    for (size_t i = b.size(); i < nb; ++i) b += static_cast<char>('a' + rng.Below(6));
    for (size_t i = 0; i < b.size() && rng.Chance(0.7); ++i) b[rng.Below(b.size())] = static_cast<char>('a' + rng.Below(6));
    ASSERT_EQ(Jaro(a, b), ReferenceJaro(a, b)) << a << " / " << b;
    ASSERT_GE(JaroWinklerBound(a, b), JaroWinkler(a, b)) << a << " / " << b;
  }
  const std::string full(64, 'q');
  EXPECT_EQ(Jaro(full, full), 1.0);
}

TEST(JaroWinklerTest, BoundIsReachedWithoutTranspositionsAndFallsWithFewerCommonBytes) {
  EXPECT_EQ(JaroWinklerBound("", ""), 1.0);
  EXPECT_EQ(JaroWinklerBound("abc", ""), 0.0);
  EXPECT_EQ(JaroWinklerBound("abc", "xyz"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinklerBound("martha", "martha"), 1.0);
  // "martha"/"marhta": the same bytes, one transposition, which the bound ignores.
  EXPECT_DOUBLE_EQ(JaroWinklerBound("martha", "marhta"), 1.0);
  EXPECT_LT(JaroWinkler("martha", "marhta"), 1.0);
  // Far-apart common bytes count for the bound, not for Jaro's window.
  EXPECT_GT(JaroWinklerBound("abcdefgh", "hgfedcba"), JaroWinkler("abcdefgh", "hgfedcba"));
  // Four of five bytes in common, no common prefix: (4/5 + 4/5 + 1) / 3.
  EXPECT_DOUBLE_EQ(JaroWinklerBound("perez", "zxrep"), (0.8 + 0.8 + 1.0) / 3.0);
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
