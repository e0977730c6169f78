#include "match/linker.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/random.h"

namespace reunite::match {
namespace {

// A few hundred people, about a third with a corrupted copy, as a FEBRL-like CSV.
std::string GeneratedPeople(std::uint64_t seed) {
  const std::vector<std::string> given = {"ana", "maria", "jose", "luis", "carmen", "pedro", "rosa", "juan",
                                          "lucia", "mario", "elena", "pablo", "sofia", "diego", "marta"};
  const std::vector<std::string> surnames = {"garcia", "lopez", "perez", "xol", "caal", "hernandez", "cux",
                                             "morales", "ramos", "choc", "tzul", "pop", "quej", "ixcoy"};
  Rng rng(seed);
  std::string csv = "id,given,surname,dob,ssn\n";
  auto typo = [&](std::string s) {
    if (s.size() > 2 && rng.Chance(0.5)) s[1 + rng.Below(s.size() - 2)] = static_cast<char>('a' + rng.Below(26));
    return s;
  };
  for (int i = 0; i < 400; ++i) {
    std::string g = rng.Choose(given), s = rng.Choose(surnames);
    char dob[16];
    std::snprintf(dob, sizeof dob, "19%02d%02d%02d", static_cast<int>(rng.Between(40, 99)),
                  static_cast<int>(rng.Between(1, 12)), static_cast<int>(rng.Between(1, 28)));
    std::string ssn = std::to_string(rng.Between(1000000, 9999999));
    csv += "r" + std::to_string(i) + "-0," + g + "," + s + "," + dob + "," + ssn + "\n";
    if (rng.Chance(0.35)) {
      csv += "r" + std::to_string(i) + "-1," + typo(g) + "," + typo(s) + "," + dob + "," +
             (rng.Chance(0.3) ? "" : ssn) + "\n";
    }
  }
  return csv;
}

LinkSettings PeopleSettings() {
  auto s = ParseSettings(R"({"unique_id_column": "id",
    "comparisons": [
      {"name": "given", "kind": "string", "column": "given", "levels": ["exact", {"jaro_winkler": 0.88}],
       "term_frequency_adjustment": true},
      {"name": "surname", "kind": "string", "column": "surname", "levels": ["exact", "phonetic", {"jaro_winkler": 0.88}],
       "term_frequency_adjustment": true},
      {"name": "dob", "kind": "date", "column": "dob", "date_format": "YYYYMMDD"},
      {"name": "ssn", "kind": "identifier", "column": "ssn"}],
    "blocking_rules": ["dob", "given.prefix1+surname.prefix1", "ssn"],
    "em": {"max_u_pairs": 20000, "seed": 3}})", "t");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return *s;
}

struct Outcome {
  std::vector<double> weights;
  std::vector<std::uint32_t> clusters;
};

Outcome RunPeople(int threads) {
  static const LinkSettings settings = PeopleSettings();
  static const std::string csv = GeneratedPeople(11);
  auto data = ReadCsvDataset(csv, "people.csv", {}, "id", settings.LeftColumns());
  EXPECT_TRUE(data.ok());
  RunOptions options;
  options.threads = threads;
  auto run = Linkage::Run(settings, *data, nullptr, options);
  EXPECT_TRUE(run.ok()) << run.status().ToString();
  return {(*run)->weights(), (*run)->Clusters()};
}

TEST(LinkerTest, SameInputAndSeedGiveIdenticalResultsWithOneOrTwoThreads) {
  Outcome one = RunPeople(1), two = RunPeople(2), again = RunPeople(2);
  ASSERT_GT(one.weights.size(), 2048u);  // enough pairs for the threaded path
  EXPECT_EQ(one.weights, two.weights);   // bit for bit
  EXPECT_EQ(one.clusters, two.clusters);
  EXPECT_EQ(two.weights, again.weights);
  EXPECT_EQ(two.clusters, again.clusters);
}

TEST(LinkerTest, DedupeFindsTheCopies) {
  LinkSettings settings = PeopleSettings();
  std::string csv = GeneratedPeople(11);
  auto data = ReadCsvDataset(csv, "people.csv", {}, "id", settings.LeftColumns());
  ASSERT_TRUE(data.ok());
  auto run = Linkage::Run(settings, *data, nullptr, {});
  ASSERT_TRUE(run.ok());
  auto clusters = (*run)->Clusters();
  long right = 0, wrong = 0, copies = 0;
  for (size_t i = 0; i < data->size(); ++i) {
    const std::string& id = data->ids[i];
    if (id.back() != '1') continue;
    ++copies;
    std::string original = id.substr(0, id.size() - 1) + "0";
    (clusters[i] == clusters[data->Find(original)] ? right : wrong) += 1;
  }
  EXPECT_GT(copies, 100);
  EXPECT_GE(right, copies * 95 / 100) << wrong << " copies missed";
}

// Blocking on both names at once, or on the ssn, never pairs a copy with a typo in a
// name and no ssn. The engine estimates that share (about 27% here), adds a rule on
// each compared column alone, says so, and finds those copies; with
// "widen_blocking": false it does not.
TEST(LinkerTest, PoorBlockingIsWidenedWithANote) {
  LinkSettings settings = PeopleSettings();
  settings.blocking_rules = {*ParseBlockingRule("given+surname"), *ParseBlockingRule("ssn")};
  const std::string csv = GeneratedPeople(11);
  auto data = ReadCsvDataset(csv, "people.csv", {}, "id", settings.LeftColumns());
  ASSERT_TRUE(data.ok());
  auto copies_found = [&](const Linkage& run) {
    auto clusters = run.Clusters();
    long right = 0;
    for (size_t i = 0; i < data->size(); ++i) {
      const std::string& id = data->ids[i];
      if (id.back() == '1') right += clusters[i] == clusters[data->Find(id.substr(0, id.size() - 1) + "0")];
    }
    return right;
  };
  settings.widen_blocking = false;
  auto narrow = Linkage::Run(settings, *data, nullptr, {});
  ASSERT_TRUE(narrow.ok()) << narrow.status().ToString();
  EXPECT_TRUE((*narrow)->AddedRules().empty());
  EXPECT_LT((*narrow)->estimation().blocking_recall, kWidenBelowBlockingRecall);

  settings.widen_blocking = true;
  auto wide = Linkage::Run(settings, *data, nullptr, {});
  ASSERT_TRUE(wide.ok()) << wide.status().ToString();
  EXPECT_EQ((*wide)->AddedRules(), (std::vector<std::string>{"given", "surname", "dob"}));
  EXPECT_EQ((*wide)->settings().blocking_rules.size(), 5u);
  EXPECT_TRUE((*wide)->settings().blocking_rules[4].added);
  ASSERT_FALSE((*wide)->health().notes.empty());
  EXPECT_NE((*wide)->health().notes[0].find("added 'given', 'surname', 'dob'"), std::string::npos)
      << (*wide)->health().notes[0];
  EXPECT_GT((*wide)->pairs().size(), (*narrow)->pairs().size());
  EXPECT_GT(copies_found(**wide), copies_found(**narrow) + 20);  // 143 and 111 when written
}

TEST(LinkerTest, ExplanationSumsToTheMatchWeight) {
  LinkSettings settings = PeopleSettings();
  std::string csv = GeneratedPeople(5);
  auto data = ReadCsvDataset(csv, "people.csv", {}, "id", settings.LeftColumns());
  ASSERT_TRUE(data.ok());
  auto run = Linkage::Run(settings, *data, nullptr, {});
  ASSERT_TRUE(run.ok());
  const auto& pairs = (*run)->pairs();
  for (size_t k = 0; k < pairs.size(); k += 97) {
    Explanation e = (*run)->Explain(PairLeft(pairs[k]), PairRight(pairs[k]));
    double sum = e.prior_weight;
    for (const auto& step : e.steps) sum += step.weight;
    EXPECT_NEAR(sum, e.total_weight, 1e-9);
    EXPECT_NEAR(e.total_weight, (*run)->weights()[k], 1e-9);
    EXPECT_NEAR(e.probability, WeightToProbability(e.total_weight), 1e-12);
    EXPECT_EQ(e.steps.size(), 4u);
    EXPECT_NEAR((*run)->Score(PairLeft(pairs[k]), PairRight(pairs[k])).weight, e.total_weight, 1e-9);
  }
  std::string text = FormatExplanation((*run)->Explain(PairLeft(pairs[0]), PairRight(pairs[0])));
  EXPECT_NE(text.find("prior"), std::string::npos);
  EXPECT_NE(text.find("match weight"), std::string::npos);
}

TEST(LinkerTest, CanonicalFilesNeedNoSettings) {
  const std::string header =
      "record_id,given_names,surnames,sex,date_of_birth,country,a_number,phones,language,apprehension_date,"
      "apprehension_place,location,status,removal_date,reported_relatives\n";
  std::string left = header +
                     "ICE-1,José Luis,Hernández López,M,1985-03-02,GT,A012345697,+50255551234,Spanish,,,,removed,,\n"
                     "ICE-2,María,Xol Caal,F,1990-07-15,GT,,+50244443333,Q'eqchi',,,,detained,,\n"
                     "ICE-3,Pedro,Ramos,M,1970,HN,,,Spanish,,,,released,,\n";
  std::string right = header +
                      "CBP-9,Chepe,Hernandez,M,1985-03-02,Guatemala,12345697,,,,,,,,\n"
                      "CBP-8,Maria,Shol Cal,F,1990-07-15,GT,,50244443333,,,,,,,\n"
                      "CBP-7,Rosa,Pop,F,2001-01-01,GT,,,,,,,,,\n";
  LinkSettings settings = CanonicalSettings(LinkType::kLink);
  auto l = ReadDataset(left, "ice.csv", settings, true);
  auto r = ReadDataset(right, "cbp.csv", settings, false);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(l->columns[l->ColumnIndex("paternal_surname")][0], "Hernández");
  EXPECT_EQ(l->columns[l->ColumnIndex("date_of_birth")][2], "1970");
  auto run = Linkage::Run(settings, *l, &*r, {});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  Explanation e = (*run)->Explain(0, 0);
  EXPECT_EQ(e.steps[0].level_label, "nickname");  // Chepe is José
  EXPECT_EQ(e.steps[3].level_label, "equal");     // the 8-digit A-number is padded
  EXPECT_EQ((*run)->Explain(1, 1).steps[1].level_label != "different", true);
  EXPECT_EQ((*run)->Explain(1, 1).steps[4].level_label, "equal");  // phones, with and without +
}

TEST(LinkerTest, CanonicalFileWithErrorsIsRefused) {
  auto d = ReadCanonicalDataset("record_id,given_names,surnames,date_of_birth\nX1,Ana,Pop,1990-13-01\n", "bad.csv");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("bad.csv: 1 errors"), std::string::npos) << d.status().message();
}

}  // namespace
}  // namespace reunite::match
