#include "ingest/edit_distance.h"

#include <gtest/gtest.h>

#include <string>

namespace reunite {
namespace {

TEST(BoundedEditDistanceTest, CountsEditsUpToTheBound) {
  EXPECT_EQ(BoundedEditDistance("guatemala", "guatemala", 2), 0);
  EXPECT_EQ(BoundedEditDistance("guatamala", "guatemala", 2), 1);     // substitution
  EXPECT_EQ(BoundedEditDistance("guatemal", "guatemala", 2), 1);      // deletion
  EXPECT_EQ(BoundedEditDistance("guatemalla", "guatemala", 2), 1);    // insertion
  EXPECT_EQ(BoundedEditDistance("hondruas", "honduras", 2), 1);       // transposition
  EXPECT_EQ(BoundedEditDistance("chulavsita", "chulavista", 1), 1);
  EXPECT_EQ(BoundedEditDistance("brownsvile", "brownsville", 2), 1);
  EXPECT_EQ(BoundedEditDistance("mexicali", "mexicana", 2), 2);
  EXPECT_EQ(BoundedEditDistance("mexicali", "mexicana", 1), 2);       // over the bound: bound + 1
  EXPECT_EQ(BoundedEditDistance("abc", "abcdefgh", 2), 3);
  EXPECT_EQ(BoundedEditDistance("", "ab", 2), 2);
  EXPECT_EQ(BoundedEditDistance("", "", 0), 0);
  EXPECT_EQ(BoundedEditDistance("ab", "ba", 0), 1);
  // Longer than the stack rows.
  const std::string a(100, 'a');
  std::string b = a;
  b[50] = 'b';
  EXPECT_EQ(BoundedEditDistance(a, b, 2), 1);
  EXPECT_EQ(BoundedEditDistance(a, a + "cc", 2), 2);
}

}  // namespace
}  // namespace reunite
