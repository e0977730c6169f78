// Regression: FoldForSearch promises to drop invalid UTF-8, but it decoded surrogates
// (ED A0 80), overlong forms (C1 81 read as "a") and sequences above U+10FFFF
// (F4 90 80 80, F8...) and wrote them back out, so its output could be invalid
// UTF-8. Found by robustness_test.cc.
#include <gtest/gtest.h>

#include "ingest/encoding.h"
#include "ingest/fold.h"

namespace reunite {
namespace {

TEST(FoldInvalidUtf8SequencesTest, DropsSurrogatesOverlongsAndOutOfRange) {
  EXPECT_EQ(FoldForSearch("a\xED\xA0\x80" "b"), "ab");          // surrogate U+D800
  EXPECT_EQ(FoldForSearch("a\xC1\x81" "b"), "ab");              // overlong "A"
  EXPECT_EQ(FoldForSearch("a\xE0\x80\xAF" "b"), "ab");          // overlong "/"
  EXPECT_EQ(FoldForSearch("a\xF4\x90\x80\x80" "b"), "ab");      // U+110000
  EXPECT_EQ(FoldForSearch("a\xF8\x88\x80\x80\x80" "b"), "ab");  // 5-byte form
  EXPECT_TRUE(IsValidUtf8(FoldForSearch("\xF7\xBF\xBF\xBF\xED\xBF\xBF")));
}

TEST(FoldInvalidUtf8SequencesTest, ValidTextIsUnchangedByTheFix) {
  EXPECT_EQ(FoldForSearch("PEÑATE Ñuñez, JOSÉ"), "penate nunez, jose");
  EXPECT_EQ(FoldForSearch("\xF0\x9F\x98\x80 \xEF\xBF\xBD"), "\xF0\x9F\x98\x80 \xEF\xBF\xBD");
  EXPECT_EQ(FoldForSearch("\xF4\x8F\xBF\xBF"), "\xF4\x8F\xBF\xBF");  // U+10FFFF itself
}

}  // namespace
}  // namespace reunite
