#include "match/linker.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "match/parallel.h"

namespace reunite::match {
namespace {

void Log(const RunOptions& options, const std::string& line) {
  if (options.log) options.log(line);
}

}  // namespace

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::string Stopwatch::Lap(const char* stage, const std::string& detail) {
  char buf[160];
  const std::clock_t cpu = std::clock();
  std::snprintf(buf, sizeof buf, "%-10s %8.1f ms  cpu %8.1f ms", stage, MillisecondsSince(wall_),
                1000.0 * static_cast<double>(cpu - cpu_) / CLOCKS_PER_SEC);
  wall_ = std::chrono::steady_clock::now();
  cpu_ = cpu;
  return std::string(buf) + (detail.empty() ? "" : "  " + detail);
}

Status Linkage::Prepare(const RunOptions& options) {
  Stopwatch watch;
  auto left = PrepareDataset(left_, settings_, true, options.threads);
  if (!left.ok()) return left.status();
  left_prepared_ = std::move(*left);
  std::vector<PreparedDataset*> all = {&left_prepared_};
  if (right_) {
    auto right = PrepareDataset(*right_, settings_, false, options.threads);
    if (!right.ok()) return right.status();
    right_prepared_ = std::move(*right);
    all.push_back(&right_prepared_);
  }
  ComputeTermFrequencies(settings_, all);
  comparator_ = std::make_unique<PairComparator>(settings_, left_prepared_, right_ ? right_prepared_ : left_prepared_);
  Log(options, watch.Lap("prepare", std::to_string(left_.size()) +
                                        (right_ ? " + " + std::to_string(right_->size()) : "") + " records"));
  return Status::Ok();
}

void Linkage::Train(const PatternVectors& vectors, const RunOptions& options) {
  Stopwatch watch;
  if (!options.model) {
    std::vector<PatternCount> patterns;
    for (size_t i = 0; i < vectors.patterns.size(); ++i) patterns.push_back({vectors.patterns[i], vectors.counts[i]});
    RunEm(&model_, patterns, settings_.em);
    Log(options, watch.Lap("em", std::to_string(patterns.size()) + " distinct patterns, " +
                                     std::to_string(model_.em_iterations) + " iterations"));
  }
  ScorePairs(vectors, options.threads);
  Log(options, watch.Lap("score"));
  health_.model = "linkage";
  health_.converged = model_.em_converged;
  health_.iterations = model_.em_iterations;
}

// The weight of every pair: per pattern, unless a comparison with term-frequency
// adjustment is at its exact level, when the pair's values count. Level weights come
// from a table (a log2 each costs more than the rest of a pair) and the sums run in
// the order of FellegiSunterModel::PairWeight, so a pair scored again later (Score)
// gets the very same weight.
void Linkage::ScorePairs(const PatternVectors& vectors, int threads) {
  const int nc = static_cast<int>(model_.comparisons.size());
  std::vector<std::vector<double>> table(nc);
  for (int c = 0; c < nc; ++c) {
    for (size_t k = 0; k < model_.comparisons[c].m.size(); ++k) table[c].push_back(model_.LevelWeight(c, static_cast<int>(k)));
  }
  auto tf_at = [&](int c, int level) {
    const auto& p = model_.comparisons[c];
    return p.term_frequency_adjustment && level == p.exact_level && level != kNull;
  };
  // A pair's weight; pairs without a TF comparison at its exact level need no values.
  auto weight = [&](Gamma g, std::uint32_t l, std::uint32_t r, bool* needs_values) {
    double w = model_.PriorWeight();
    for (int c = 0; c < nc; ++c) {
      const int level = GammaLevel(g, c);
      if (level == kNull) continue;
      if (!tf_at(c, level)) {
        w += table[c][level];
      } else if (needs_values) {
        *needs_values = true;
      } else {
        w += model_.ContributionWeight(c, level, comparator_->TermFrequency(c, l, r), nullptr);
      }
    }
    return w;
  };
  std::vector<double> pattern_weight(vectors.patterns.size());
  std::vector<char> pattern_tf(vectors.patterns.size(), 0);
  for (size_t i = 0; i < vectors.patterns.size(); ++i) {
    bool tf = false;
    pattern_weight[i] = weight(vectors.patterns[i], 0, 0, &tf);
    pattern_tf[i] = tf;
  }
  weights_.resize(vectors.index.size());
  ForEachSlice(weights_.size(), threads, [&](size_t, size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      // A TF pair reads the right record's value ids: fetch them ahead.
      if (k + 16 < end && pattern_tf[vectors.index[k + 16]]) comparator_->PrefetchRecord(PairRight(pairs()[k + 16]));
      const std::uint32_t i = vectors.index[k];
      weights_[k] = pattern_tf[i] ? weight(vectors.patterns[i], PairLeft(pairs()[k]), PairRight(pairs()[k]), nullptr)
                                  : pattern_weight[i];
    }
  });
}

Result<std::unique_ptr<Linkage>> Linkage::Run(const LinkSettings& settings, const Dataset& left, const Dataset* right,
                                              const RunOptions& options) {
  std::unique_ptr<Linkage> run(new Linkage(settings, left, right));
  Status prepared = run->Prepare(options);
  if (!prepared.ok()) return prepared;

  Stopwatch watch;
  auto candidates = BlockPairs(settings, left, right, options.threads);
  if (!candidates.ok()) return candidates.status();
  run->candidates_ = std::move(*candidates);
  Log(options, watch.Lap("block", std::to_string(run->pairs().size()) + " candidate pairs"));

  if (options.model) {
    if (options.model->comparisons.size() != settings.comparisons.size())
      return Status::InvalidArgument("the given model has " + std::to_string(options.model->comparisons.size()) +
                                     " comparisons, the settings " + std::to_string(settings.comparisons.size()));
    run->model_ = *options.model;
    run->Train(ComparePatterns(*run->comparator_, run->pairs(), options.threads), options);
    return run;
  }
  double expected_matches = right ? static_cast<double>(std::min(left.size(), right->size())) : left.size() / 2.0;
  run->model_ = InitialModel(settings, expected_matches / std::max<double>(1, run->pairs().size()));
  EstimateU(&run->model_, *run->comparator_, right == nullptr, settings.em, options.threads);
  Log(options, watch.Lap("u", std::to_string(run->model_.u_pairs_sampled) + " random pairs"));

  PatternVectors vectors = ComparePatterns(*run->comparator_, run->pairs(), options.threads);
  Log(options, watch.Lap("compare", std::to_string(options.threads) + " threads"));
  run->Train(vectors, options);
  return run;
}

LinkedPair Linkage::Score(std::uint32_t l, std::uint32_t r) const {
  Gamma g = comparator_->Compare(l, r);
  double w = model_.PairWeight(g, *comparator_, l, r);
  return {l, r, w, WeightToProbability(w)};
}

// Only the pairs at or above the threshold go to the clustering (a few per record); the
// others, needed when clusters of two or more merge, are looked up among the sorted
// candidates, or scored now when blocking never paired them. A map of every candidate
// would take gigabytes on a million records.
std::vector<std::uint32_t> Linkage::Clusters(ClusterStats* stats) const {
  std::vector<ScoredPair> edges;
  for (size_t k = 0; k < pairs().size(); ++k) {
    const double p = WeightToProbability(weights_[k]);
    if (p >= settings_.threshold) edges.push_back({PairLeft(pairs()[k]), PairRight(pairs()[k]), weights_[k], p});
  }
  long scored_now = 0;
  auto probability = [&](std::uint32_t a, std::uint32_t b) {
    auto it = std::lower_bound(pairs().begin(), pairs().end(), MakePair(a, b));
    if (it != pairs().end() && *it == MakePair(a, b)) return WeightToProbability(weights_[it - pairs().begin()]);
    ++scored_now;
    return Score(a, b).probability;
  };
  auto clusters = ClusterRecords(left_.size(), edges, settings_.threshold, probability, stats);
  if (stats) stats->scored_on_demand = scored_now;
  return clusters;
}

std::vector<LinkedPair> Linkage::Links(bool all) const {
  std::vector<LinkedPair> out;
  for (size_t k = 0; k < pairs().size(); ++k) {
    double p = WeightToProbability(weights_[k]);
    if (all || p >= settings_.threshold) out.push_back({PairLeft(pairs()[k]), PairRight(pairs()[k]), weights_[k], p});
  }
  std::stable_sort(out.begin(), out.end(), [](const LinkedPair& a, const LinkedPair& b) { return a.weight > b.weight; });
  if (all || !settings_.one_to_one) return out;
  std::vector<bool> used_left(left_.size()), used_right(right_ ? right_->size() : left_.size());
  std::vector<LinkedPair> kept;
  for (const auto& p : out) {
    if (used_left[p.left] || used_right[p.right]) continue;
    used_left[p.left] = used_right[p.right] = true;
    kept.push_back(p);
  }
  return kept;
}

Explanation Linkage::Explain(std::uint32_t l, std::uint32_t r) const { return ExplainPair(model_, *comparator_, l, r); }

}  // namespace reunite::match
