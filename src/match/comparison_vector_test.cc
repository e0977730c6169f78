#include "match/comparison_vector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace reunite::match {
namespace {

LinkSettings Settings() {
  auto s = ParseSettings(R"({"unique_id_column": "id",
    "comparisons": [
      {"name": "given", "kind": "string", "column": "given",
       "levels": ["exact", "nickname", "phonetic", {"jaro_winkler": 0.92}, {"jaro_winkler": 0.8}]},
      {"name": "surnames", "kind": "token_set", "column": "surnames"},
      {"name": "dob", "kind": "date", "column": "dob"},
      {"name": "phones", "kind": "identifier", "column": "phones", "list_separator": ";"},
      {"name": "country", "kind": "string", "column": "country", "levels": ["exact"]},
      {"name": "place", "kind": "string", "column": "place", "levels": ["exact", {"jaro_winkler": 0.9}]},
      {"name": "age", "kind": "number", "column": "age", "max_differences": [1, 5]}],
    "blocking_rules": ["dob"]})", "t");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return *s;
}

// Values that repeat (so ids and the memo are used) and the odd ones the fast paths
// leave to the plain comparisons: more than four tokens, more than three phones, more
// than fifteen digits, zeros only, empty cells.
Dataset People() {
  const std::vector<std::string> given = {"José", "Jose", "Chepe", "María", "Maria", "Mario", "", "Ana Lucía"};
  const std::vector<std::string> surnames = {"Pérez López", "Lopez Perez", "Pérez", "de la Cruz Tz'ul",
                                             "García Hernández López Xol Caal", "", "Perez Lopes"};
  const std::vector<std::string> dobs = {"1980-05-01", "1980-01-05", "1981-05-01", "1980", "", "1980-01-01"};
  const std::vector<std::string> phones = {"+50255551234", "50255551243;+1 818 536 6884", "",
                                           "1;2;3;4", "12345678901234567", "000000000", "55551234",
                                           // one digit off, two neighbours off but not swapped, leading zeros
                                           "+502 5555 1235", "50255551299", "0055551234;9"};
  const std::vector<std::string> countries = {"GT", "HN", "", "gt"};
  const std::vector<std::string> places = {"Port Isabel Detention Center", "Port Isabel Detention Centre",
                                           "Aldea Chiché, Quiché", "", "Otay Mesa Detention Center"};
  const std::vector<std::string> ages = {"30", "31", "36", "", "x"};
  std::string csv = "id,given,surnames,dob,phones,country,place,age\n";
  for (size_t i = 0; i < 90; ++i) {
    csv += "r" + std::to_string(i) + "," + given[i % given.size()] + "," + surnames[(i / 2) % surnames.size()] + "," +
           dobs[(i / 3) % dobs.size()] + ",\"" + phones[(i / 5) % phones.size()] + "\"," +
           countries[(i / 7) % countries.size()] + ",\"" + places[(i / 4) % places.size()] + "\"," +
           ages[i % ages.size()] + "\n";
  }
  auto d = ReadCsvDataset(csv, "p.csv", {}, "id", Settings().LeftColumns());
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return *d;
}

std::vector<std::string> Digits(const std::string& cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t at = std::min(cell.find(';', start), cell.size());
    std::string digits;
    for (size_t i = start; i < at; ++i) {
      if (cell[i] >= '0' && cell[i] <= '9') digits += cell[i];
    }
    if (!digits.empty()) out.push_back(digits);
    start = at + 1;
  }
  return out;
}

// Comparison c of rows i and j, from the comparison functions on freshly prepared
// values.
int Expected(const LinkSettings& s, const Dataset& d, int c, size_t i, size_t j) {
  const ComparisonSpec& spec = s.comparisons[c];
  const auto& column = d.columns[d.ColumnIndex(spec.left_columns[0])];
  switch (spec.kind) {
    case ComparisonKind::kString:
      return CompareStrings(PrepareString(column[i]), PrepareString(column[j]), spec.string_levels);
    case ComparisonKind::kTokenSet: return CompareTokenSets(PrepareTokens(column[i]), PrepareTokens(column[j]));
    case ComparisonKind::kDate:
      return CompareDates(ReadDateValue(column[i], spec.date_format), ReadDateValue(column[j], spec.date_format));
    case ComparisonKind::kIdentifier: {
      int best = kNull;
      for (const auto& x : Digits(column[i])) {
        for (const auto& y : Digits(column[j])) {
          int level = CompareIdentifiers(x, y);
          if (level != kNull && (best == kNull || level < best)) best = level;
        }
      }
      return best;
    }
    case ComparisonKind::kNumber: {
      auto number = [](const std::string& t) { return t.empty() || t == "x" ? std::nan("") : std::stod(t); };
      return CompareNumbers(number(column[i]), number(column[j]), spec.max_differences);
    }
  }
  return kNull;
}

TEST(ComparisonVectorTest, FastPathsAnswerAsTheComparisons) {
  const LinkSettings s = Settings();
  const Dataset d = People();
  auto one = PrepareDataset(d, s, true, 2);
  auto left = PrepareDataset(d, s, true), right = PrepareDataset(d, s, false);
  ASSERT_TRUE(one.ok() && left.ok() && right.ok());
  const PairComparator dedupe(s, *one, *one), link(s, *left, *right);
  LevelMemo memo(64);  // small, so entries collide and are overwritten
  for (int round = 0; round < 2; ++round) {  // the second round finds the memo full
    for (std::uint32_t i = 0; i < d.size(); ++i) {
      for (std::uint32_t j = 0; j < d.size(); ++j) {
        const Gamma g = dedupe.Compare(i, j, &memo);
        ASSERT_EQ(g, link.Compare(i, j, &memo)) << i << " " << j;
        ASSERT_EQ(g, dedupe.Compare(i, j));
        for (int c = 0; c < dedupe.comparisons(); ++c) {
          ASSERT_EQ(GammaLevel(g, c), Expected(s, d, c, i, j)) << s.comparisons[c].name << " " << i << " " << j;
        }
      }
    }
  }
}

TEST(ComparisonVectorTest, PatternsAreTheDistinctVectorsWhateverTheThreads) {
  const LinkSettings s = Settings();
  const Dataset d = People();
  auto prepared = PrepareDataset(d, s, true);
  ASSERT_TRUE(prepared.ok());
  const PairComparator comparator(s, *prepared, *prepared);
  std::vector<PairKey> pairs;
  for (std::uint32_t i = 0; i < d.size(); ++i) {
    for (std::uint32_t j = i + 1; j < d.size(); ++j) pairs.push_back(MakePair(i, j));
  }
  const std::vector<Gamma> gammas = CompareAll(comparator, pairs, 1);
  const PatternVectors one = ComparePatterns(comparator, pairs, 1);
  EXPECT_TRUE(std::is_sorted(one.patterns.begin(), one.patterns.end()));
  ASSERT_EQ(one.index.size(), pairs.size());
  for (size_t k = 0; k < pairs.size(); ++k) ASSERT_EQ(one.patterns[one.index[k]], gammas[k]);
  double total = 0;
  for (double n : one.counts) total += n;
  EXPECT_EQ(total, static_cast<double>(pairs.size()));
  for (int threads : {2, 3}) {
    const PatternVectors many = ComparePatterns(comparator, pairs, threads);
    EXPECT_EQ(many.patterns, one.patterns);
    EXPECT_EQ(many.counts, one.counts);
    EXPECT_EQ(many.index, one.index);
    EXPECT_EQ(CompareAll(comparator, pairs, threads), gammas);
  }
}

// A veto lifted by any of its alternatives: a sex that differs is a typo when the
// given names agree, or when the A-numbers do; otherwise two records are two people.
// A dedupe's comparator over `csv` read with the settings `json`; it owns what it compares.
struct VetoCase {
  LinkSettings settings;
  Dataset rows;          // what `data` points to
  PreparedDataset data;
  std::unique_ptr<PairComparator> comparator;
};
std::unique_ptr<VetoCase> Veto(const std::string& json, const std::string& csv) {
  auto out = std::make_unique<VetoCase>();
  auto s = ParseSettings(json, "t");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return nullptr;
  out->settings = std::move(*s);
  auto d = ReadCsvDataset(csv, "p.csv", {}, "id", out->settings.LeftColumns());
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  if (!d.ok()) return nullptr;
  out->rows = std::move(*d);
  auto prepared = PrepareDataset(out->rows, out->settings, true);
  EXPECT_TRUE(prepared.ok());
  if (!prepared.ok()) return nullptr;
  out->data = std::move(*prepared);
  out->comparator = std::make_unique<PairComparator>(out->settings, out->data, out->data);
  return out;
}

TEST(ComparisonVectorTest, AVetoIsLiftedByAnyOfItsAlternatives) {
  auto v = Veto(R"({"unique_id_column": "id",
    "comparisons": [
      {"name": "given", "kind": "string", "column": "given", "levels": ["exact", {"jaro_winkler": 0.8}]},
      {"name": "anum", "kind": "identifier", "column": "anum"},
      {"name": "sex", "kind": "string", "column": "sex", "levels": ["exact"],
       "veto_levels": ["different"], "veto_unless_agree": ["given", {"anum": "equal"}]}],
    "blocking_rules": ["anum"]})",
                "id,given,anum,sex\n"
                "a,Ana,A111111111,F\nb,Ana,A222222222,M\n"            // given names agree
                "c,Jesenia,A333333333,F\nd,Yessenia,A333333333,M\n"   // A-numbers agree
                "e,Daniel,A444444444,M\nf,Daniela,A555555555,F\n"     // neither: two people
                "g,Jesenia,A666666666,F\nh,Yessenia,A777777777,F\n");  // same sex: no veto
  ASSERT_TRUE(v);
  ASSERT_EQ(v->settings.comparisons[2].veto_unless_agree.size(), 2u);
  EXPECT_FALSE(v->comparator->Contradicts(0, 1));
  EXPECT_FALSE(v->comparator->Contradicts(2, 3));
  EXPECT_TRUE(v->comparator->Contradicts(4, 5));
  EXPECT_FALSE(v->comparator->Contradicts(6, 7));
}

// A second A-number issued in error: the veto holds on a pair that is otherwise weak,
// and is lifted when the pair's weight, the A-numbers' disagreement included, is at
// least veto_unless_weight.
TEST(ComparisonVectorTest, AVetoIsLiftedByAStrongEnoughPairWeight) {
  auto v = Veto(R"({"unique_id_column": "id",
    "comparisons": [
      {"name": "anum", "kind": "identifier", "column": "anum", "veto_levels": ["different"],
       "veto_unless_weight": 10}],
    "blocking_rules": ["anum"]})",
                "id,anum\na,A111111111\nb,A222222222\n");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->settings.comparisons[0].veto_unless_weight, 10);
  const PairComparator& comparator = *v->comparator;
  EXPECT_TRUE(comparator.Contradicts(0, 1));  // no weight given: the veto holds
  EXPECT_TRUE(comparator.Contradicts(0, 1, [] { return 9.9; }));
  EXPECT_FALSE(comparator.Contradicts(0, 1, [] { return 10.0; }));
  int asked = 0;  // the weight is asked for only when a veto level is met
  EXPECT_FALSE(comparator.Contradicts(0, 0, [&] { return ++asked, 0.0; }));
  EXPECT_EQ(asked, 0);
}

// A second A-number issued in error days later is near the first; sisters processed
// together get near numbers too, so the birth date must agree as well.
TEST(ComparisonVectorTest, NearIdentifiersLiftTheVetoWhenTheBirthDateAgrees) {
  auto v = Veto(R"({"unique_id_column": "id",
    "comparisons": [
      {"name": "dob", "kind": "date", "column": "dob"},
      {"name": "anum", "kind": "identifier", "column": "anum", "veto_levels": ["different"],
       "veto_unless_near": 1000, "veto_near_agree": {"dob": "one component differs"}}],
    "blocking_rules": ["anum"]})",
                "id,dob,anum\n"
                "a,1980-05-01,A212514724\nb,1980-05-01,A212515124\n"  // 400 apart, one birth date
                "c,1973-12-10,A210795485\nd,1973-07-13,A210795228\n"  // sisters: near, other birth dates
                "e,1980-05-01,A212514724\nf,1980-05-01,A209000000\n"  // far apart
                "g,,A212514724\nh,1980-05-01,A212515124\n"  // near, one birth date unknown
                "i,,A212514724\nj,,A209000000\n");  // far apart, no birth dates
  ASSERT_TRUE(v);
  EXPECT_FALSE(v->comparator->Contradicts(0, 1));
  EXPECT_TRUE(v->comparator->Contradicts(2, 3));
  EXPECT_TRUE(v->comparator->Contradicts(4, 5));
  // What cannot be compared is no contradiction: the near numbers still lift the veto.
  EXPECT_FALSE(v->comparator->Contradicts(6, 7));
  EXPECT_TRUE(v->comparator->Contradicts(8, 9));
}

}  // namespace
}  // namespace reunite::match
