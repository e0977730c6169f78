// End-to-end tests of WriteSyntheticLists: determinism, file shapes, truth
// consistency, clean output at noise 0, and noise rates that rise with the level.
#include "synth/synth.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "synth/data_table.h"
#include "synth/name_pool.h"
#include "synth/render.h"

namespace reunite {
namespace {

namespace fs = std::filesystem;
using synth::DataTable;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Lists {
  SynthSummary summary;
  DataTable children, adults, links, entities;
  std::map<std::string, std::vector<std::string>> by_id;  // record id -> row
};

// One folder per process: test runs of several checkouts share /tmp.
std::string DirPrefix() { return "synth_test_" + std::to_string(::getpid()) + "_"; }
fs::path Dir(const std::string& name) { return fs::path(::testing::TempDir()) / (DirPrefix() + name); }

// Removes this process's folders when the tests end.
class RemoveDirs : public ::testing::Environment {
  void TearDown() override {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(::testing::TempDir(), ec))
      if (e.path().filename().string().rfind(DirPrefix(), 0) == 0) fs::remove_all(e.path(), ec);
  }
};
[[maybe_unused]] ::testing::Environment* const kRemoveDirs = ::testing::AddGlobalTestEnvironment(new RemoveDirs);

Lists Generate(const std::string& name, long families, double noise, std::uint64_t seed = 7) {
  SynthOptions o;
  o.families = families, o.noise = noise, o.seed = seed;
  fs::remove_all(Dir(name));
  Result<SynthSummary> r = WriteSyntheticLists(o, Dir(name).string());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  Lists l;
  if (!r.ok()) return l;
  l.summary = *r;
  auto parse = [&](const char* file) {
    Result<DataTable> t = synth::ParseDataTable(ReadFile(Dir(name) / file), file);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : DataTable{};
  };
  l.children = parse("children.csv"), l.adults = parse("adults.csv");
  l.links = parse("truth_links.csv"), l.entities = parse("truth_entities.csv");
  for (const auto* t : {&l.children, &l.adults})
    for (const auto& row : t->rows) l.by_id[row[0]] = row;
  return l;
}

const synth::NamePool& Names() {
  static const synth::NamePool pool = *synth::NamePool::Load();
  return pool;
}

// Splits "de la Cruz López de Pérez" into pool surnames by longest match; returns
// false when some part is not a known surname.
bool SplitSurnames(const std::string& text, std::vector<std::string>* out) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  out->clear();
  for (std::size_t i = 0; i < words.size();) {
    std::size_t taken = 0;
    for (std::size_t k = std::min<std::size_t>(3, words.size() - i); k >= 1 && !taken; --k) {
      std::string s = words[i];
      for (std::size_t j = 1; j < k; ++j) s += " " + words[i + j];
      if (Names().IsSurname(s)) out->push_back(s), taken = k;
    }
    if (!taken && words[i] == "de" && i + 1 < words.size()) taken = 1;  // married "de <surname>"
    if (!taken) return false;
    i += taken;
  }
  return true;
}

TEST(Synth, SameSeedSameBytesOtherSeedDiffers) {
  Generate("det_a", 300, 1.0);
  Generate("det_b", 300, 1.0);
  Generate("det_c", 300, 1.0, 8);
  for (const char* f : {"children.csv", "adults.csv", "truth_links.csv", "truth_entities.csv"})
    EXPECT_EQ(ReadFile(Dir("det_a") / f), ReadFile(Dir("det_b") / f)) << f;
  EXPECT_NE(ReadFile(Dir("det_a") / "children.csv"), ReadFile(Dir("det_c") / "children.csv"));
}

TEST(Synth, HeadersAndIdsAreExact) {
  Lists l = Generate("headers", 200, 1.0);
  const std::vector<std::string> header = {
      "record_id", "given_names", "surnames", "sex", "date_of_birth", "country", "a_number", "phones", "language",
      "apprehension_date", "apprehension_place", "location", "status", "removal_date", "reported_relatives"};
  EXPECT_EQ(l.children.header, header);
  EXPECT_EQ(l.adults.header, header);
  EXPECT_EQ(l.links.header, (std::vector<std::string>{"child_record_id", "adult_record_id", "relationship"}));
  EXPECT_EQ(l.entities.header, (std::vector<std::string>{"list", "record_id", "person_id"}));
  auto digits = [](const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; };
  for (const auto& row : l.children.rows)
    EXPECT_TRUE(row[0].size() == 10 && row[0].rfind("ORR-", 0) == 0 && digits(row[0].substr(4))) << row[0];
  for (const auto& row : l.adults.rows) {
    bool ice = row[0].size() == 11 && row[0].rfind("ICE-", 0) == 0;
    bool cbp = row[0].size() == 10 && row[0].rfind("CBP-", 0) == 0;
    EXPECT_TRUE((ice || cbp) && digits(row[0].substr(4))) << row[0];
  }
  EXPECT_EQ(l.by_id.size(), l.children.rows.size() + l.adults.rows.size()) << "record ids repeat";
}

TEST(Synth, CountsAgreeWithTruthFiles) {
  Lists l = Generate("counts", 500, 1.0);
  EXPECT_EQ(l.summary.children, static_cast<long>(l.children.rows.size()));
  EXPECT_EQ(l.summary.adult_records, static_cast<long>(l.adults.rows.size()));
  EXPECT_EQ(l.summary.links, static_cast<long>(l.links.rows.size()));
  EXPECT_EQ(l.entities.rows.size(), l.children.rows.size() + l.adults.rows.size());
  std::set<std::string> adult_people, linked_adults, linked_children;
  std::map<std::string, std::string> list_of;
  for (const auto& row : l.entities.rows) {
    list_of[row[1]] = row[0];
    if (row[0] == "adults") adult_people.insert(row[2]);
  }
  EXPECT_EQ(static_cast<long>(adult_people.size()), l.summary.adults);
  EXPECT_GT(l.summary.adult_records, l.summary.adults);  // some duplicates
  for (const auto& row : l.links.rows) {
    EXPECT_EQ(list_of[row[0]], "children") << row[0];
    EXPECT_EQ(list_of[row[1]], "adults") << row[1];
    linked_children.insert(row[0]), linked_adults.insert(row[1]);
    static const std::set<std::string> kinds = {"father", "mother", "legal_guardian", "other_relative"};
    EXPECT_TRUE(kinds.count(row[2])) << row[2];
  }
  for (const auto& row : l.adults.rows) EXPECT_TRUE(linked_adults.count(row[0])) << row[0];
  for (const auto& row : l.children.rows) EXPECT_TRUE(linked_children.count(row[0])) << row[0];
  for (const auto& row : l.adults.rows) EXPECT_TRUE(list_of.count(row[0])) << row[0];
}

TEST(Synth, CleanChildrenCarryParentsFirstSurnames) {
  Lists l = Generate("clean_surnames", 800, 0.0);
  int checked = 0;
  for (const auto& link : l.links.rows) {
    if (link[2] != "father" && link[2] != "mother") continue;
    std::vector<std::string> child, parent;
    ASSERT_TRUE(SplitSurnames(l.by_id[link[0]][2], &child)) << l.by_id[link[0]][2];
    ASSERT_TRUE(SplitSurnames(l.by_id[link[1]][2], &parent)) << l.by_id[link[1]][2];
    ASSERT_EQ(child.size(), 2u) << l.by_id[link[0]][2];
    ASSERT_GE(parent.size(), 2u);
    EXPECT_EQ(child[link[2] == "father" ? 0 : 1], parent[0]) << link[0] << " " << link[1];
    ++checked;
  }
  EXPECT_GT(checked, 700);
}

TEST(Synth, CleanNamesComeStraightFromThePools) {
  Lists l = Generate("clean_names", 800, 0.0);
  for (const auto* t : {&l.children, &l.adults})
    for (const auto& row : t->rows) {
      std::istringstream given(row[1]);
      for (std::string g; given >> g;) EXPECT_TRUE(Names().IsGivenName(g)) << row[0] << " " << g;
      std::vector<std::string> parts;
      EXPECT_TRUE(SplitSurnames(row[2], &parts)) << row[0] << " " << row[2];
      EXPECT_FALSE(row[3].empty());
      EXPECT_FALSE(row[4].empty());
    }
  // Duplicates of one adult differ only in record id.
  std::map<std::string, std::vector<std::string>> first_record;
  int duplicates = 0;
  for (const auto& e : l.entities.rows) {
    if (e[0] != "adults") continue;
    std::vector<std::string> row = l.by_id[e[1]];
    row[0].clear();
    auto [it, inserted] = first_record.emplace(e[2], row);
    if (!inserted) {
      EXPECT_EQ(it->second, row) << e[1];
      ++duplicates;
    }
  }
  EXPECT_GT(duplicates, 50);
}

TEST(Synth, ChildrenShareApprehensionWithTheirAdults) {
  Lists l = Generate("groups", 600, 1.0);
  for (const auto& link : l.links.rows) {
    EXPECT_EQ(l.by_id[link[0]][9], l.by_id[link[1]][9]);
    EXPECT_EQ(l.by_id[link[0]][10], l.by_id[link[1]][10]);
  }
  // Children appear in family order; runs of one date and station hold groups of families.
  std::vector<int> runs;
  std::string last;
  for (const auto& row : l.children.rows) {
    std::string key = row[9] + "|" + row[10];
    if (key != last) runs.push_back(0), last = key;
    ++runs.back();
    EXPECT_TRUE(row[9] >= "2018-05-01" && row[9] <= "2018-06-20") << row[9];
  }
  runs.pop_back();  // the last group may be cut short
  for (int n : runs) EXPECT_GE(n, 3);
  EXPECT_LT(runs.size(), 600u / 3);
}

struct Rates {
  double unknown_tokens = 0, caps = 0, jan_first = 0;
};

Rates Measure(const Lists& l) {
  Rates r;
  long tokens = 0, records = 0;
  for (const auto* t : {&l.children, &l.adults})
    for (const auto& row : t->rows) {
      ++records;
      std::istringstream given(row[1]);
      for (std::string g; given >> g; ++tokens) r.unknown_tokens += !Names().IsGivenName(g);
      r.caps += row[1].find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
      r.jan_first += row[4].size() == 10 && row[4].substr(4) == "-01-01";
    }
  r.unknown_tokens /= static_cast<double>(tokens);
  r.caps /= static_cast<double>(records);
  r.jan_first /= static_cast<double>(records);
  return r;
}

TEST(Synth, NoiseRatesRiseWithLevel) {
  Rates zero = Measure(Generate("noise0", 1500, 0.0));
  Rates one = Measure(Generate("noise1", 1500, 1.0));
  Rates two = Measure(Generate("noise2", 1500, 2.0));
  EXPECT_EQ(zero.unknown_tokens, 0);
  EXPECT_EQ(zero.caps, 0);
  EXPECT_GT(one.unknown_tokens, 0.01);
  EXPECT_GT(two.unknown_tokens, 1.5 * one.unknown_tokens);
  EXPECT_GT(one.caps, 0.05);
  EXPECT_GT(two.caps, 1.5 * one.caps);
  EXPECT_GT(two.jan_first, 1.4 * one.jan_first);
}

TEST(Synth, CountryMixIsRoughlyRealistic) {
  Lists l = Generate("mix", 2000, 1.0);
  std::map<std::string, double> share;
  for (const auto& row : l.children.rows) share[row[5]] += 1.0 / static_cast<double>(l.children.rows.size());
  EXPECT_NEAR(share["GT"], 0.55, 0.05);
  EXPECT_NEAR(share["HN"], 0.30, 0.05);
  EXPECT_NEAR(share["SV"], 0.15, 0.04);
}

TEST(Synth, RefusesBadOptionsAndUnwritableDirectory) {
  SynthOptions o;
  o.families = -1;
  EXPECT_EQ(WriteSyntheticLists(o, Dir("bad").string()).status().code(), StatusCode::kInvalidArgument);
  o.families = 1, o.reference_date = "2018-13-01";
  EXPECT_EQ(WriteSyntheticLists(o, Dir("bad").string()).status().code(), StatusCode::kInvalidArgument);
  o.reference_date = "2018-07-26";
  fs::path file = Dir("blocker");
  fs::remove_all(file);
  std::ofstream(file) << "x";
  EXPECT_EQ(WriteSyntheticLists(o, (file / "sub").string()).status().code(), StatusCode::kIOError);
}

TEST(Synth, ReportsProgressToCompletion) {
  SynthOptions o;
  o.families = 10;
  double last = -1;
  ASSERT_TRUE(WriteSyntheticLists(o, Dir("progress").string(), [&](double f) { last = f; }).ok());
  EXPECT_EQ(last, 1.0);
}

}  // namespace
}  // namespace reunite
