// Micro-benchmarks of the match path's inner loop: linkage compares hundreds of
// thousands of candidate pairs, so each comparison must take well under a microsecond.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "ingest/fold.h"
#include "match/comparisons.h"
#include "match/nicknames.h"
#include "match/phonetic.h"
#include "match/strings.h"

namespace reunite::match {
namespace {

// Name pairs as they meet in linkage: equal, misspelt, swapped, unrelated.
const std::vector<std::pair<std::string, std::string>>& NamePairs() {
  static const std::vector<std::pair<std::string, std::string>> pairs = {
      {"hernandez lopez", "hernandes lopez"}, {"velasquez perez", "perez velasquez"},
      {"xol caal", "shol cal"},               {"gutierrez", "gutierrez ramirez"},
      {"pop choc", "tzul ixcoy"},             {"de la cruz garcia", "cruz garcia"},
      {"maria jose", "mario jose"},           {"quej", "kej"}};
  return pairs;
}

void BM_JaroWinkler(benchmark::State& state) {
  const auto& pairs = NamePairs();
  size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = pairs[i++ % pairs.size()];
    benchmark::DoNotOptimize(JaroWinkler(a, b));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JaroWinkler);

void BM_CompareTokenSets(benchmark::State& state) {
  std::vector<std::pair<PreparedTokens, PreparedTokens>> prepared;
  for (const auto& [a, b] : NamePairs()) prepared.emplace_back(PrepareTokens(a), PrepareTokens(b));
  size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = prepared[i++ % prepared.size()];
    benchmark::DoNotOptimize(CompareTokenSets(a, b));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CompareTokenSets);

void BM_CompareStringsGivenName(benchmark::State& state) {
  using Test = StringLevel::Test;
  const std::vector<StringLevel> levels = {
      {Test::kExact, 0, ""}, {Test::kNickname, 0, ""}, {Test::kPhonetic, 0, ""}, {Test::kJaroWinkler, 0.92, ""}};
  const std::vector<std::pair<PreparedString, PreparedString>> prepared = {
      {PrepareString("jose"), PrepareString("chepe")}, {PrepareString("maria"), PrepareString("marta")},
      {PrepareString("guadalupe"), PrepareString("guadalupe")}, {PrepareString("juan"), PrepareString("pedro")}};
  SameGivenNameOrNickname("jose", "chepe");  // load the table outside the loop
  size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = prepared[i++ % prepared.size()];
    benchmark::DoNotOptimize(CompareStrings(a, b, levels));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CompareStringsGivenName);

void BM_CompareDatesAndIdentifiers(benchmark::State& state) {
  const PreparedDate d{1985, 6, 11, false}, e{1985, 11, 6, false};
  for (auto _ : state) {
    benchmark::DoNotOptimize(CompareDates(d, e));
    benchmark::DoNotOptimize(CompareIdentifiers("012345678", "012345687"));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CompareDatesAndIdentifiers);

void BM_PhoneticKey(benchmark::State& state) {
  std::vector<std::string> names;
  for (const char* n : {"Hernández López", "Velásquez", "Tz'ul Ixcoy", "Guillermo", "Xol Caal", "Gutiérrez"})
    names.push_back(FoldForSearch(n));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(PhoneticKey(names[i++ % names.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PhoneticKey);

}  // namespace
}  // namespace reunite::match
