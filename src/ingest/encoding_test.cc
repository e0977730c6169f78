#include "ingest/encoding.h"

#include <gtest/gtest.h>

namespace reunite {
namespace {

Result<Decoded> Auto(std::string_view bytes) { return DecodeToUtf8(bytes, Encoding::kAuto, "list.csv"); }

TEST(EncodingTest, NamesRoundTrip) {
  for (auto e : {Encoding::kAuto, Encoding::kUtf8, Encoding::kWindows1252}) {
    Result<Encoding> back = EncodingFromString(ToString(e));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, e);
  }
  for (const char* alias : {"utf8", "UTF-8"}) EXPECT_EQ(*EncodingFromString(alias), Encoding::kUtf8);
  for (const char* alias : {"cp1252", "latin-1", "latin1", "iso-8859-1", "Windows-1252", "ISO-8859-1"}) {
    EXPECT_EQ(*EncodingFromString(alias), Encoding::kWindows1252) << alias;
  }
  Result<Encoding> bad = EncodingFromString("utf-16");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST(EncodingTest, PlainAsciiIsUtf8) {
  auto d = Auto("id,name\n1,Juan\n");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->detected, Encoding::kUtf8);
  EXPECT_FALSE(d->had_bom);
  EXPECT_EQ(d->text, "id,name\n1,Juan\n");
}

TEST(EncodingTest, EmptyInput) {
  auto d = Auto("");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->detected, Encoding::kUtf8);
  EXPECT_EQ(d->text, "");
}

TEST(EncodingTest, Utf8WithAndWithoutBom) {
  auto d = Auto("\xEF\xBB\xBFPe\xC3\xB1" "ate");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->had_bom);
  EXPECT_EQ(d->detected, Encoding::kUtf8);
  EXPECT_EQ(d->text, "Peñate");
  d = Auto("Peñate K'iche' €");
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->had_bom);
  EXPECT_EQ(d->text, "Peñate K'iche' €");
  d = DecodeToUtf8("\xEF\xBB\xBF", Encoding::kUtf8, "f");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "");
}

TEST(EncodingTest, Windows1252IsDetected) {
  auto d = Auto("Pe\xF1" "ate,Jos\xE9,N\xDA\xD1" "EZ\r\n");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->detected, Encoding::kWindows1252);
  EXPECT_EQ(d->text, "Peñate,José,NÚÑEZ\r\n");
}

TEST(EncodingTest, Windows1252HighTable) {
  auto d = DecodeToUtf8("\x80\x91x\x92\x93y\x94\x96\x97\x9A\x8A\x85\x99\x9F\x9E", Encoding::kWindows1252, "f");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "€‘x’“y”–—šŠ…™Ÿž");
  // The five undefined bytes become the C1 controls of the same value.
  d = DecodeToUtf8("\x81\x8D\x8F\x90\x9D", Encoding::kWindows1252, "f");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->text, "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D");
  // Latin-1 above 0x9F, including NBSP and ÿ.
  d = DecodeToUtf8("\xA0\xBF\xC0\xFF", Encoding::kWindows1252, "f");
  EXPECT_EQ(d->text, "\xC2\xA0¿Àÿ");
}

TEST(EncodingTest, ForcedWindows1252ReadsUtf8BytesAsMojibake) {
  auto d = DecodeToUtf8("\xC3\xA9", Encoding::kWindows1252, "f");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->detected, Encoding::kWindows1252);
  EXPECT_EQ(d->text, "Ã©");
}

TEST(EncodingTest, ForcedUtf8RefusesInvalidBytesWithLocation) {
  auto d = DecodeToUtf8("id,name\r\n1,Jos\xE9\n", Encoding::kUtf8, "children.csv");
  ASSERT_FALSE(d.ok());
  const Status st = d.status();
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(st.where().has_value());
  EXPECT_EQ(st.where()->file, "children.csv");
  EXPECT_EQ(st.where()->line, 2);
  EXPECT_EQ(st.where()->column, 6);
  EXPECT_NE(st.message().find("0xE9"), std::string::npos) << st.message();
}

TEST(EncodingTest, Utf8FileWithCorruptByteIsAnError) {
  // Valid "é" on line 1, then a stray Latin-1 byte on line 3 (lone CR ends line 2).
  auto d = Auto("Jos\xC3\xA9\nx\ry,\xF1o\n");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().ToString().rfind("list.csv:3:3: ", 0), 0u) << d.status().ToString();
  // The corrupt byte may also come before the valid sequence.
  d = Auto("\xF1,Jos\xC3\xA9");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().where()->column, 1);
}

TEST(EncodingTest, BomThenInvalidIsAnErrorLocatedAfterTheBom) {
  auto d = Auto("\xEF\xBB\xBF" "ab\xFF");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().where()->line, 1);
  EXPECT_EQ(d.status().where()->column, 3);
}

TEST(EncodingTest, IsValidUtf8RejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("ñ € 𝄞 \xF4\x8F\xBF\xBF"));  // U+10FFFF is the last valid one
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));               // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));           // overlong
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));       // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));           // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));       // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));                   // truncated
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));               // truncated
  EXPECT_FALSE(IsValidUtf8("\x80"));                   // lone continuation
  EXPECT_FALSE(IsValidUtf8("\xC3\x28"));               // bad continuation
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

}  // namespace
}  // namespace reunite
