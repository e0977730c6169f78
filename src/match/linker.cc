#include "match/linker.h"

#include <algorithm>
#include <cstdio>

namespace reunite::match {
namespace {

void Log(const RunOptions& options, const std::string& line) {
  if (options.log) options.log(line);
}

std::string Timing(const char* stage, double ms, const std::string& detail = "") {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-10s %8.1f ms", stage, ms);
  return std::string(buf) + (detail.empty() ? "" : "  " + detail);
}

}  // namespace

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

Status Linkage::Prepare(const RunOptions& options) {
  auto start = std::chrono::steady_clock::now();
  auto left = PrepareDataset(left_, settings_, true);
  if (!left.ok()) return left.status();
  left_prepared_ = std::move(*left);
  std::vector<PreparedDataset*> all = {&left_prepared_};
  if (right_) {
    auto right = PrepareDataset(*right_, settings_, false);
    if (!right.ok()) return right.status();
    right_prepared_ = std::move(*right);
    all.push_back(&right_prepared_);
  }
  ComputeTermFrequencies(settings_, all);
  comparator_ = std::make_unique<PairComparator>(settings_, left_prepared_, right_ ? right_prepared_ : left_prepared_);
  Log(options, Timing("prepare", MillisecondsSince(start),
                      std::to_string(left_.size()) + (right_ ? " + " + std::to_string(right_->size()) : "") + " records"));
  return Status::Ok();
}

void Linkage::Train(const std::vector<Gamma>& gammas, const RunOptions& options) {
  auto start = std::chrono::steady_clock::now();
  if (!options.model) {
    auto patterns = CountPatterns(gammas);
    RunEm(&model_, patterns, settings_.em);
    Log(options, Timing("em", MillisecondsSince(start), std::to_string(patterns.size()) + " distinct patterns, " +
                                                            std::to_string(model_.em_iterations) + " iterations"));
  }
  start = std::chrono::steady_clock::now();
  // Weights: a per-level table, with TF adjustment only where it applies.
  std::vector<std::vector<double>> table(model_.comparisons.size());
  for (size_t c = 0; c < table.size(); ++c) {
    for (size_t k = 0; k < model_.comparisons[c].m.size(); ++k) table[c].push_back(model_.LevelWeight(static_cast<int>(c), static_cast<int>(k)));
  }
  const double prior = model_.PriorWeight();
  weights_.resize(gammas.size());
  for (size_t k = 0; k < gammas.size(); ++k) {
    double w = prior;
    for (int c = 0; c < static_cast<int>(table.size()); ++c) {
      int level = GammaLevel(gammas[k], c);
      if (level == kNull) continue;
      const auto& p = model_.comparisons[c];
      if (p.term_frequency_adjustment && level == p.exact_level) {
        w += model_.ContributionWeight(c, level, comparator_->TermFrequency(c, PairLeft(pairs()[k]), PairRight(pairs()[k])), nullptr);
      } else {
        w += table[c][level];
      }
    }
    weights_[k] = w;
  }
  Log(options, Timing("score", MillisecondsSince(start)));
}

Result<std::unique_ptr<Linkage>> Linkage::Run(const LinkSettings& settings, const Dataset& left, const Dataset* right,
                                              const RunOptions& options) {
  std::unique_ptr<Linkage> run(new Linkage(settings, left, right));
  Status prepared = run->Prepare(options);
  if (!prepared.ok()) return prepared;

  auto start = std::chrono::steady_clock::now();
  auto candidates = BlockPairs(settings, left, right);
  if (!candidates.ok()) return candidates.status();
  run->candidates_ = std::move(*candidates);
  Log(options, Timing("block", MillisecondsSince(start), std::to_string(run->pairs().size()) + " candidate pairs"));

  start = std::chrono::steady_clock::now();
  if (options.model) {
    if (options.model->comparisons.size() != settings.comparisons.size())
      return Status::InvalidArgument("the given model has " + std::to_string(options.model->comparisons.size()) +
                                     " comparisons, the settings " + std::to_string(settings.comparisons.size()));
    run->model_ = *options.model;
    std::vector<Gamma> gammas = CompareAll(*run->comparator_, run->pairs(), options.threads);
    run->Train(gammas, options);
    return run;
  }
  double expected_matches = right ? static_cast<double>(std::min(left.size(), right->size())) : left.size() / 2.0;
  run->model_ = InitialModel(settings, expected_matches / std::max<double>(1, run->pairs().size()));
  EstimateU(&run->model_, *run->comparator_, right == nullptr, settings.em, options.threads);
  Log(options, Timing("u", MillisecondsSince(start), std::to_string(run->model_.u_pairs_sampled) + " random pairs"));

  start = std::chrono::steady_clock::now();
  std::vector<Gamma> gammas = CompareAll(*run->comparator_, run->pairs(), options.threads);
  Log(options, Timing("compare", MillisecondsSince(start), std::to_string(options.threads) + " threads"));
  run->Train(gammas, options);
  return run;
}

LinkedPair Linkage::Score(std::uint32_t l, std::uint32_t r) const {
  Gamma g = comparator_->Compare(l, r);
  double w = model_.PairWeight(g, *comparator_, l, r);
  return {l, r, w, WeightToProbability(w)};
}

std::vector<std::uint32_t> Linkage::Clusters(ClusterStats* stats) const {
  std::vector<ScoredPair> scored;
  scored.reserve(pairs().size());
  for (size_t k = 0; k < pairs().size(); ++k) {
    scored.push_back({PairLeft(pairs()[k]), PairRight(pairs()[k]), weights_[k], WeightToProbability(weights_[k])});
  }
  return ClusterRecords(left_.size(), scored, settings_.threshold,
                        [this](std::uint32_t a, std::uint32_t b) { return Score(a, b).probability; }, stats);
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
