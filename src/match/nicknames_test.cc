#include "match/nicknames.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"
#include "ingest/fold.h"

namespace reunite::match {
namespace {

using Names = std::vector<std::string>;

TEST(FormalNamesTest, NicknameGivesItselfThenItsFormalNames) {
  EXPECT_EQ(FormalNames("chepe"), (Names{"chepe", "jose"}));
  EXPECT_EQ(FormalNames("lupe"), (Names{"lupe", "guadalupe"}));
  EXPECT_EQ(FormalNames("beto"), (Names{"beto", "alberto", "roberto", "humberto", "heriberto", "norberto"}));
}

TEST(FormalNamesTest, FormalOrUnknownNameGivesOnlyItself) {
  EXPECT_EQ(FormalNames("jose"), (Names{"jose"}));
  EXPECT_EQ(FormalNames("xwqz"), (Names{"xwqz"}));
  EXPECT_EQ(FormalNames(""), (Names{""}));
}

TEST(FormalNamesTest, AccentedTableEntriesAreFolded) {
  EXPECT_EQ(FormalNames("tono"), (Names{"tono", "antonio"}));  // Toño and Tono, once
  EXPECT_EQ(FormalNames("chon"), (Names{"chon", "concepcion", "asuncion"}));
}

TEST(SameGivenNameOrNicknameTest, Pairs) {
  EXPECT_TRUE(SameGivenNameOrNickname("jose", "jose"));
  EXPECT_TRUE(SameGivenNameOrNickname("xwqz", "xwqz"));  // not in the table
  EXPECT_TRUE(SameGivenNameOrNickname("chepe", "jose"));
  EXPECT_TRUE(SameGivenNameOrNickname("jose", "pepe"));
  EXPECT_TRUE(SameGivenNameOrNickname("chepe", "pepe"));     // both stand for José
  EXPECT_TRUE(SameGivenNameOrNickname("beto", "tito"));      // Alberto, Roberto
  EXPECT_TRUE(SameGivenNameOrNickname("guadalupe", "lupita"));
  EXPECT_FALSE(SameGivenNameOrNickname("jose", "francisco"));
  EXPECT_FALSE(SameGivenNameOrNickname("chepe", "paco"));
  EXPECT_FALSE(SameGivenNameOrNickname("alberto", "roberto"));  // formal names sharing Beto
  EXPECT_FALSE(SameGivenNameOrNickname("jose", "xwqz"));
  EXPECT_FALSE(SameGivenNameOrNickname("", "jose"));
  EXPECT_FALSE(SameGivenNameOrNickname("José", "jose"));  // callers fold first
}

// Every row of the embedded file must be usable both ways round.
TEST(SameGivenNameOrNicknameTest, EveryRowOfTheDataFile) {
  const auto text = EmbeddedFile("names/nicknames.csv");
  ASSERT_TRUE(text.has_value());
  CsvReader reader(*text, "nicknames.csv");
  CsvRecord rec;
  ASSERT_TRUE(reader.Next(&rec));
  EXPECT_EQ(rec.fields, (Names{"formal", "nickname"}));
  int rows = 0;
  while (reader.Next(&rec)) {
    ASSERT_EQ(rec.fields.size(), 2u) << "line " << rec.line;
    const std::string formal = FoldForSearch(rec.fields[0]), nick = FoldForSearch(rec.fields[1]);
    EXPECT_TRUE(SameGivenNameOrNickname(formal, nick)) << "line " << rec.line;
    EXPECT_TRUE(SameGivenNameOrNickname(nick, formal)) << "line " << rec.line;
    ++rows;
  }
  EXPECT_TRUE(reader.status().ok());
  EXPECT_GT(rows, 100);
}

TEST(SameGivenNameOrNicknameTest, FirstUseFromManyThreads) {
  std::vector<std::thread> threads;
  std::atomic<int> found{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] { found += SameGivenNameOrNickname("chepe", "jose"); });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(found.load(), 8);
}

}  // namespace
}  // namespace reunite::match
