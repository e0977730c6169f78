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
#include "match/estimate.h"
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
  // The model's name in its health report ("identity_adult", a settings file's name).
  std::string name = "linkage";
  // Use a fitted model that fails its health check when the settings give no m
  // priors to fall back on (--force); otherwise such a run is refused.
  bool force = false;
};

inline constexpr double kWidenBelowBlockingRecall = 0.9;
inline constexpr double kWidenedPairsPerRecord = 200;

struct LinkedPair {
  std::uint32_t left = 0, right = 0;
  double weight = 0, probability = 0;
};

// A trained and scored model over one dataset (dedupe) or two (link). Owns its
// prepared values and a copy of the settings; the datasets given to Run must outlive it.
class Linkage {
 public:
  // Runs the pipeline. `right` is null for a dedupe (then settings.link_type should be
  // kDedupe). Errors: InvalidArgument for columns the datasets lack.
  // Widening: when the model is fitted here (no options.model), settings.widen_blocking
  // holds and the rules bring together under 90% of the estimated matching pairs, it
  // runs again with a rule on each column a comparison reads, alone, and keeps that run
  // (with a health note naming the rules added) unless it fails or compares more than
  // kWidenedPairsPerRecord pairs per record (then a note says so and the first run is kept).
  static Result<std::unique_ptr<Linkage>> Run(const LinkSettings& settings, const Dataset& left, const Dataset* right,
                                              const RunOptions& options);

  const FellegiSunterModel& model() const { return model_; }
  // Whether the model is sound (model_health.h), and how it was estimated.
  const ModelHealth& health() const { return health_; }
  const Estimation& estimation() const { return estimation_; }
  const BlockingReport& blocking() const { return candidates_.report; }
  const std::vector<PairKey>& pairs() const { return candidates_.pairs; }
  const std::vector<double>& weights() const { return weights_; }  // one per pair
  bool dedupe() const { return right_ == nullptr; }
  // The settings the run used: the given ones, with any blocking rules it added.
  const LinkSettings& settings() const { return settings_; }
  std::vector<std::string> AddedRules() const;

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
  static Result<std::unique_ptr<Linkage>> RunOnce(const LinkSettings& settings, const Dataset& left,
                                                  const Dataset* right, const RunOptions& options);
  Status Prepare(const RunOptions& options);
  Status Train(const PatternVectors& vectors, const RunOptions& options);
  std::vector<SessionInput> Sessions(const PatternVectors& vectors) const;
  Status CheckHealth(const PatternVectors& vectors, const RunOptions& options);
  void ScorePairs(const PatternVectors& vectors, int threads);

  // A copy: a widened run adds blocking rules to it.
  LinkSettings settings_;
  const Dataset& left_;
  const Dataset* right_;
  PreparedDataset left_prepared_, right_prepared_;
  std::unique_ptr<PairComparator> comparator_;
  CandidatePairs candidates_;
  FellegiSunterModel model_;
  Estimation estimation_;
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
