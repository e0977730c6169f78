#include "match/linker.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "match/parallel.h"

namespace reunite::match {
namespace {

// More expected matching pairs per record than this and a model is taking
// non-matches for matches.
constexpr double kMaxMatchesPerRecord = 5;

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

// Each rule's pairs as pattern counts, with the comparisons the rule fixes.
std::vector<SessionInput> Linkage::Sessions(const PatternVectors& vectors) const {
  std::vector<std::string> rules;
  std::vector<std::vector<bool>> fixed;
  for (const BlockingRule& rule : settings_.blocking_rules) {
    rules.push_back(rule.text);
    auto& mine = fixed.emplace_back();
    for (const ComparisonSpec& c : settings_.comparisons) {
      bool f = false;
      for (const BlockingPart& part : rule.parts) f = f || c.FixedBy(part.column);
      mine.push_back(f);
    }
  }
  return RuleSessions(vectors.patterns, vectors.index, candidates_.rules, rules, fixed);
}

Status Linkage::Train(const PatternVectors& vectors, const RunOptions& options) {
  Stopwatch watch;
  if (!options.model) {
    // A record has a handful of duplicates (a dedupe) or one counterpart (a link).
    const double records = static_cast<double>(right_ ? std::min(left_.size(), right_->size()) : left_.size());
    estimation_ = EstimateM(&model_, Sessions(vectors), settings_.em, kMaxMatchesPerRecord * records);
    Log(options, watch.Lap("em", std::to_string(vectors.patterns.size()) + " distinct patterns, " +
                                     std::to_string(model_.em_iterations) + " iterations in " +
                                     std::to_string(estimation_.sessions.size()) + " sessions"));
  }
  Status healthy = CheckHealth(vectors, options);
  if (!healthy.ok()) return healthy;
  ScorePairs(vectors, options.threads);
  Log(options, watch.Lap("score"));
  return Status::Ok();
}

// lambda over all pairs, then the health check; a model that fails it falls back to
// the settings' m priors, is used because forced, or is refused.
Status Linkage::CheckHealth(const PatternVectors& vectors, const RunOptions& options) {
  const double n = static_cast<double>(left_.size());
  const double all_pairs = right_ ? n * static_cast<double>(right_->size()) : n * (n - 1) / 2;
  const double records = right_ ? std::min<double>(n, static_cast<double>(right_->size())) : n;
  const std::vector<RulePattern> candidates = CountRulePatterns(vectors.patterns, vectors.index, candidates_.rules);
  if (!options.model) EstimateLambda(&model_, candidates, all_pairs, settings_.em, &estimation_);
  health_ = CheckModel(options.name, model_, estimation_, records, kMaxMatchesPerRecord);
  if (health_.ok()) return Status::Ok();
  const bool priors = std::all_of(settings_.comparisons.begin(), settings_.comparisons.end(),
                                  [](const ComparisonSpec& c) { return !c.m_prior.empty(); });
  if (priors && !options.model) {
    for (size_t c = 0; c < settings_.comparisons.size(); ++c) {
      model_.comparisons[c].m = settings_.comparisons[c].m_prior;
      MakeMonotone(&model_.comparisons[c]);
    }
    EstimateLambda(&model_, candidates, all_pairs, settings_.em, &estimation_);
    health_.fallback = true;
  } else if (options.force) {
    health_.forced = true;
  } else {
    std::string why;
    for (const auto& p : health_.problems) why += "\n  " + p;
    return Status::InvalidArgument(options.name + ": the fitted model failed its health check and is not used:" + why +
                                   "\nGive every comparison an \"m_prior\" in the settings to fall back on, or "
                                   "pass --force to use it anyway.");
  }
  return Status::Ok();
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

Result<std::unique_ptr<Linkage>> Linkage::RunOnce(const LinkSettings& settings, const Dataset& left, const Dataset* right,
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
    Status trained = run->Train(ComparePatterns(*run->comparator_, run->pairs(), options.threads), options);
    if (!trained.ok()) return trained;
    return run;
  }
  double expected_matches = right ? static_cast<double>(std::min(left.size(), right->size())) : left.size() / 2.0;
  run->model_ = InitialModel(settings, expected_matches / std::max<double>(1, run->pairs().size()));
  EstimateU(&run->model_, *run->comparator_, right == nullptr, settings.em, options.threads);
  Log(options, watch.Lap("u", std::to_string(run->model_.u_pairs_sampled) + " random pairs"));

  PatternVectors vectors = ComparePatterns(*run->comparator_, run->pairs(), options.threads);
  Log(options, watch.Lap("compare", std::to_string(options.threads) + " threads"));
  Status trained = run->Train(vectors, options);
  if (!trained.ok()) return trained;
  return run;
}


namespace {

std::string Percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * share);
  return buf;
}

// The columns of one side that a comparison reads, each once, in order.
std::vector<std::string> ComparedColumns(const LinkSettings& settings) {
  std::vector<std::string> out;
  for (const ComparisonSpec& c : settings.comparisons) {
    if (c.left_columns != c.right_columns && !c.right_columns.empty()) continue;  // named apart: no common key
    for (const std::string& column : c.left_columns) {
      if (std::find(out.begin(), out.end(), column) == out.end()) out.push_back(column);
    }
  }
  return out;
}

// The settings with a rule on each compared column alone that no rule is already
// (as many as kMaxBlockingRules allows); list-valued columns block on their items.
LinkSettings WithSingleColumnRules(const LinkSettings& settings) {
  LinkSettings wider = settings;
  for (const std::string& column : ComparedColumns(settings)) {
    if (wider.blocking_rules.size() >= static_cast<size_t>(kMaxBlockingRules)) break;
    bool listed = false;
    for (const ComparisonSpec& c : settings.comparisons) {
      const bool reads = std::find(c.left_columns.begin(), c.left_columns.end(), column) != c.left_columns.end();
      listed = listed || (reads && !c.list_separator.empty());
    }
    auto rule = ParseBlockingRule(listed ? column + ".items" : column);
    if (!rule.ok()) continue;  // a column name the rule language cannot spell
    const bool present = std::any_of(settings.blocking_rules.begin(), settings.blocking_rules.end(),
                                     [&](const BlockingRule& r) {
                                       return r.parts.size() == 1 && r.parts[0].column == column &&
                                              r.parts[0].transform == rule->parts[0].transform;
                                     });
    if (present) continue;
    rule->added = true;
    wider.blocking_rules.push_back(std::move(*rule));
  }
  return wider;
}

}  // namespace

Result<std::unique_ptr<Linkage>> Linkage::Run(const LinkSettings& settings, const Dataset& left, const Dataset* right,
                                              const RunOptions& options) {
  auto first = RunOnce(settings, left, right, options);
  if (!first.ok() || options.model || !settings.widen_blocking) return first;
  const double recall = (*first)->estimation_.blocking_recall;
  if (recall >= kWidenBelowBlockingRecall) return first;
  LinkSettings wider = WithSingleColumnRules(settings);
  if (wider.blocking_rules.size() == settings.blocking_rules.size()) return first;
  std::string added;
  for (const BlockingRule& r : wider.blocking_rules) {
    if (r.added) added += std::string(added.empty() ? "" : ", ") + "'" + r.text + "'";
  }
  Log(options, "widening the blocking (an estimated " + Percent(recall) +
                   " of the matching pairs brought together): adding " + added);
  auto widened = RunOnce(wider, left, right, options);
  const double records = static_cast<double>(left.size() + (right ? right->size() : 0));
  const std::string given = "the given blocking rules bring together an estimated " + Percent(recall) +
                            " of the matching pairs";
  if (!widened.ok()) {
    (*first)->health_.notes.push_back(given + "; with rules on single columns (" + added +
                                      ") the run failed and is not used: " + widened.status().message());
    return first;
  }
  const double pairs = static_cast<double>((*widened)->pairs().size());
  if (pairs > kWidenedPairsPerRecord * records) {
    (*first)->health_.notes.push_back(given + "; rules on single columns (" + added + ") would compare " +
                                      std::to_string(static_cast<long>(pairs)) + " pairs, too many: not added");
    return first;
  }
  (*widened)->health_.notes.insert((*widened)->health_.notes.begin(),
                                   given + ": added " + added + " (each column alone; a key whose block exceeds "
                                   "max_block_pairs is skipped); set \"widen_blocking\": false to keep only the given rules");
  return widened;
}

std::vector<std::string> Linkage::AddedRules() const {
  std::vector<std::string> out;
  for (const BlockingRule& r : settings_.blocking_rules) {
    if (r.added) out.push_back(r.text);
  }
  return out;
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
  auto weight = [&](std::uint32_t a, std::uint32_t b) {
    auto it = std::lower_bound(pairs().begin(), pairs().end(), MakePair(a, b));
    if (it != pairs().end() && *it == MakePair(a, b)) return weights_[it - pairs().begin()];
    ++scored_now;
    return Score(a, b).weight;
  };
  ClusterRules rules;
  rules.threshold = settings_.threshold;
  rules.score_unscored = [&](std::uint32_t a, std::uint32_t b) { return WeightToProbability(weight(a, b)); };
  rules.contradicts = [&](std::uint32_t a, std::uint32_t b) {
    return comparator_->Contradicts(a, b, [&] { return weight(a, b); });
  };
  rules.max_cluster_size = static_cast<std::size_t>(settings_.max_cluster_size);
  auto clusters = ClusterRecords(left_.size(), edges, rules, stats);
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
