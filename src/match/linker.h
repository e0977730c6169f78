// The linkage pipeline: prepare -> block -> estimate u -> compare candidates -> EM ->
// score, then clusters (dedupe) or matched pairs (link), and explanations of single
// pairs. Other scorers (family linking) reuse it by building their own LinkSettings
// (comparisons may read differently named columns on each side) and datasets.
#pragma once
#include <chrono>
#include <ctime>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "match/blocking.h"
#include "match/cluster.h"
#include "match/comparison_vector.h"
#include "match/dataset.h"
#include "match/explain.h"
#include "match/model.h"
#include "match/model_health.h"
#include "match/settings.h"

namespace reunite::match {

struct RunOptions {
  int threads = 2;
  // Progress and timing lines (for --verbose); may be empty.
  std::function<void(const std::string&)> log;
  // When set, pairs are scored with this model (its comparisons must be the settings'
  // ones) and nothing is estimated: for incremental matching, where a few new records
  // are blocked against everyone with the model trained on the whole set. Not owned.
  const FellegiSunterModel* model = nullptr;
};

struct LinkedPair {
  std::uint32_t left = 0, right = 0;
  double weight = 0, probability = 0;
};

// A trained and scored model over one dataset (dedupe) or two (link). Owns its
// prepared values; the settings and datasets given to Run must outlive it.
class Linkage {
 public:
  // Runs the pipeline. `right` is null for a dedupe (then settings.link_type should be
  // kDedupe). Errors: InvalidArgument for columns the datasets lack.
  static Result<std::unique_ptr<Linkage>> Run(const LinkSettings& settings, const Dataset& left, const Dataset* right,
                                              const RunOptions& options);

  const FellegiSunterModel& model() const { return model_; }
  // Whether the model is sound (model_health.h); for now its EM convergence and
  // iterations, under the name "linkage" (callers that store it name it).
  const ModelHealth& health() const { return health_; }
  const BlockingReport& blocking() const { return candidates_.report; }
  const std::vector<PairKey>& pairs() const { return candidates_.pairs; }
  const std::vector<double>& weights() const { return weights_; }  // one per pair
  bool dedupe() const { return right_ == nullptr; }

  // Match weight and probability of any pair of rows, scored now (candidate or not).
  LinkedPair Score(std::uint32_t l, std::uint32_t r) const;
  // Dedupe: the representative row of each row's cluster (cluster.h rule, with the
  // settings' threshold).
  std::vector<std::uint32_t> Clusters(ClusterStats* stats = nullptr) const;
  // Link: candidate pairs at or above the threshold (each record in at most one pair
  // when settings.one_to_one), or every candidate pair when `all`; by descending weight.
  std::vector<LinkedPair> Links(bool all) const;
  Explanation Explain(std::uint32_t l, std::uint32_t r) const;

 private:
  Linkage(const LinkSettings& settings, const Dataset& left, const Dataset* right)
      : settings_(settings), left_(left), right_(right) {}
  Status Prepare(const RunOptions& options);
  void Train(const PatternVectors& vectors, const RunOptions& options);
  void ScorePairs(const PatternVectors& vectors, int threads);

  const LinkSettings& settings_;
  const Dataset& left_;
  const Dataset* right_;
  PreparedDataset left_prepared_, right_prepared_;
  std::unique_ptr<PairComparator> comparator_;
  CandidatePairs candidates_;
  FellegiSunterModel model_;
  ModelHealth health_;
  std::vector<double> weights_;
};

// Milliseconds since `start`, for timing lines.
double MillisecondsSince(std::chrono::steady_clock::time_point start);

// Wall and processor time of a stage, for --verbose: with several threads the
// processor time (all threads) shows how much of the stage ran in parallel, and on a
// shared machine it is the steadier figure.
class Stopwatch {
 public:
  // "stage  W ms  cpu C ms  detail" since the last lap (or construction).
  std::string Lap(const char* stage, const std::string& detail = "");

 private:
  std::chrono::steady_clock::time_point wall_ = std::chrono::steady_clock::now();
  std::clock_t cpu_ = std::clock();
};

}  // namespace reunite::match
