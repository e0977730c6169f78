#include "match/blocking.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace reunite::match {
namespace {

LinkSettings Settings(std::vector<std::string> rules, long max_block_pairs = 1000) {
  LinkSettings s;
  s.unique_id_column = "id";
  ComparisonSpec dob;
  dob.name = "dob";
  dob.kind = ComparisonKind::kDate;
  dob.left_columns = dob.right_columns = {"dob"};
  s.comparisons.push_back(dob);
  for (const auto& r : rules) s.blocking_rules.push_back(*ParseBlockingRule(r));
  s.max_block_pairs = max_block_pairs;
  return s;
}

Dataset Read(const std::string& csv) {
  auto d = ReadCsvDataset(csv, "t.csv", {}, "id", {"id", "name", "dob", "phones"});
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return *d;
}

const char* kPeople =
    "id,name,dob,phones\n"
    "a,José Pérez,1980-05-01,+50255551234\n"
    "b,Jose Perez,1980-05-01,\n"
    "c,Josefa Peres,1981-01-01,+50255551234;+50299990000\n"
    "d,María López,1980-05-01,+50299990000\n"
    "e,,,\n";

std::set<std::pair<std::string, std::string>> Named(const CandidatePairs& c, const Dataset& l, const Dataset& r) {
  std::set<std::pair<std::string, std::string>> out;
  for (PairKey p : c.pairs) out.insert({l.ids[PairLeft(p)], r.ids[PairRight(p)]});
  return out;
}

TEST(BlockingTest, KeysFollowTheTransforms) {
  Dataset d = Read(kPeople);
  LinkSettings s = Settings({});
  auto keys = [&](const std::string& rule, size_t row) { return BlockingKeys(*ParseBlockingRule(rule), d, row, s); };
  EXPECT_EQ(keys("name", 0), std::vector<std::string>{"jose perez"});
  EXPECT_EQ(keys("name.first_token+name.last_token", 0), std::vector<std::string>{"jose+perez"});
  EXPECT_EQ(keys("name.prefix3+dob.year", 1), std::vector<std::string>{"jos+1980"});
  EXPECT_EQ(keys("name.suffix3+dob.month_day", 3), std::vector<std::string>{"pez+501"});
  EXPECT_EQ(keys("phones.items", 2), (std::vector<std::string>{"+50255551234", "+50299990000"}));
  EXPECT_EQ(keys("phones.digits_sorted", 0), std::vector<std::string>{"01223455555"});
  EXPECT_EQ(keys("name.words", 0), (std::vector<std::string>{"jose", "perez"}));
  EXPECT_EQ(keys("dob+name.words", 3), (std::vector<std::string>{"1980-05-01+lopez", "1980-05-01+maria"}));
  EXPECT_EQ(keys("name.phonetic", 0), keys("name.phonetic", 1));
  EXPECT_TRUE(keys("name", 4).empty());  // empty values take no part
  EXPECT_TRUE(keys("name+dob", 4).empty());
}

TEST(BlockingTest, DedupeUnionHasEachPairOnceInOrder) {
  Dataset d = Read(kPeople);
  // Both rules give (a, b); phones.items gives (a, c) and (c, d).
  auto c = BlockPairs(Settings({"dob", "name.phonetic", "phones.items"}), d, nullptr);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(std::is_sorted(c->pairs.begin(), c->pairs.end()));
  for (PairKey p : c->pairs) EXPECT_LT(PairLeft(p), PairRight(p));
  std::set<std::pair<std::string, std::string>> want = {{"a", "b"}, {"a", "d"}, {"b", "d"}, {"a", "c"}, {"c", "d"}};
  EXPECT_EQ(Named(*c, d, d), want);
  EXPECT_EQ(c->report.candidate_pairs, 5);
  ASSERT_EQ(c->report.rules.size(), 3u);
  EXPECT_EQ(c->report.rules[0].pairs, 3);  // a, b, d share a date of birth
}

TEST(BlockingTest, LinkPairsLeftWithRight) {
  Dataset left = Read(kPeople);
  Dataset right = Read("id,name,dob,phones\nx,JOSE PEREZ,1990-01-01,\ny,Ana,1980-05-01,+50299990000\n");
  auto c = BlockPairs(Settings({"name", "dob", "phones.items"}), left, &right);
  ASSERT_TRUE(c.ok());
  std::set<std::pair<std::string, std::string>> want = {{"a", "x"}, {"b", "x"}, {"a", "y"}, {"b", "y"}, {"d", "y"}, {"c", "y"}};
  EXPECT_EQ(Named(*c, left, right), want);
}

TEST(BlockingTest, OversizedBlocksAreSkippedAndReported) {
  Dataset d = Read(kPeople);
  auto c = BlockPairs(Settings({"dob", "name.phonetic"}, 2), d, nullptr);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->report.rules[0].skipped_keys, 1);
  EXPECT_EQ(c->report.rules[0].skipped_pairs, 3);
  EXPECT_EQ(c->report.rules[0].largest_skipped_key, "1980-05-01");
  // (a, b) still comes from the name rule.
  std::set<std::pair<std::string, std::string>> want = {{"a", "b"}};
  EXPECT_EQ(Named(*c, d, d), want);
}

// Blocks by numbered keys must be the blocks of BlockingKeys' strings: pairs of rows
// sharing a key string in some rule whose block is not over the cap.
std::set<std::pair<size_t, size_t>> PairsByKeyStrings(const LinkSettings& s, const Dataset& d) {
  std::set<std::pair<size_t, size_t>> out;
  for (const BlockingRule& rule : s.blocking_rules) {
    std::map<std::string, std::vector<size_t>> blocks;
    for (size_t row = 0; row < d.size(); ++row) {
      for (const auto& key : BlockingKeys(rule, d, row, s)) blocks[key].push_back(row);
    }
    for (const auto& [key, rows] : blocks) {
      if (static_cast<long>(rows.size() * (rows.size() - 1) / 2) > s.max_block_pairs) continue;
      for (size_t a = 0; a < rows.size(); ++a) {
        for (size_t b = a + 1; b < rows.size(); ++b) out.insert({rows[a], rows[b]});
      }
    }
  }
  return out;
}

TEST(BlockingTest, NumberedKeysGiveTheBlocksOfTheKeyStringsWithAnyThreads) {
  // Names, dates and phone lists that repeat, with spelling variants, empty cells and
  // several phones, so rules share parts, items make several keys and some blocks go
  // over the cap.
  const std::vector<std::string> names = {"José Pérez", "Jose Perez", "María López", "MARIA LOPES",
                                          "Ana",        "",           "Juan Xol"};
  const std::vector<std::string> dobs = {"1980-05-01", "1980-05-01", "1981-01-01", "", "1990-12-31"};
  const std::vector<std::string> phones = {"+50255551234", "", "+50299990000;+50255551234", "+50211112222"};
  std::string csv = "id,name,dob,phones\n";
  for (int i = 0; i < 300; ++i) {
    csv += "r" + std::to_string(i) + "," + names[i % names.size()] + "," + dobs[(i / 3) % dobs.size()] + "," +
           phones[(i / 7) % phones.size()] + "\n";
  }
  Dataset d = Read(csv);
  LinkSettings s = Settings({"dob", "name.phonetic+dob.year", "phones.items", "name.first_token+dob.month_day"}, 400);
  const auto want = PairsByKeyStrings(s, d);
  ASSERT_GT(want.size(), 500u);
  for (int threads : {1, 2, 3}) {
    auto c = BlockPairs(s, d, nullptr, threads);
    ASSERT_TRUE(c.ok());
    std::set<std::pair<size_t, size_t>> got;
    for (PairKey p : c->pairs) got.insert({PairLeft(p), PairRight(p)});
    EXPECT_EQ(got, want) << threads << " threads";
    EXPECT_TRUE(std::is_sorted(c->pairs.begin(), c->pairs.end()));
    EXPECT_EQ(c->pairs.size(), want.size());
  }
}

TEST(BlockingTest, UnknownColumnIsRefused) {
  Dataset d = Read(kPeople);
  auto c = BlockPairs(Settings({"surname"}), d, nullptr);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message(), "t.csv: no column 'surname' for blocking rule 'surname'");
}

TEST(DatasetTest, CsvReadingRefusesBrokenInput) {
  auto missing = ReadCsvDataset("id,name\n1,a\n", "t.csv", {}, "id", {"id", "name", "dob"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().ToString(), "t.csv:1:1: no column 'dob' in the header");
  auto repeated = ReadCsvDataset("id,name\n1,a\n1,b\n", "t.csv", {}, "id", {"id", "name"});
  ASSERT_FALSE(repeated.ok());
  EXPECT_EQ(repeated.status().ToString(), "t.csv:3:1: id '1' repeats line 2");
  auto ragged = ReadCsvDataset("id,name\n1,a,x\n", "t.csv", {}, "id", {"id"});
  ASSERT_FALSE(ragged.ok());
  EXPECT_EQ(ragged.status().ToString(), "t.csv:2:1: expected 2 fields, found 3");
  CsvOptions febrl;
  febrl.trim_leading_space = true;
  auto ok = ReadCsvDataset("rec_id, given_name\nrec-1-org, ann\n", "t.csv", febrl, "rec_id", {"rec_id", "given_name"});
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->columns[ok->ColumnIndex("given_name")][0], "ann");
  EXPECT_EQ(ok->Find("rec-1-org"), 0);
}

}  // namespace
}  // namespace reunite::match
