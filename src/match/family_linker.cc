#include "match/family_linker.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "common/random.h"
#include "match/family_candidates.h"
#include "match/linker.h"

namespace reunite::match {
namespace {

using Clock = std::chrono::steady_clock;

// Share of a family's child-adult record pairs at each apprehension level: same date
// and place; same date; within 3 days; different. Fixed, not estimated (see Train).
const std::vector<double> kApprehensionM = {0.97, 0.02, 0.007, 0.003};
const Gamma kApprehensionBits = Gamma{0xf} << (4 * kApprehension);

void Log(const FamilyLinkOptions& o, const std::string& step, Clock::time_point start, const std::string& what) {
  if (!o.log) return;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%-12s %9.1f ms  ", step.c_str(), MillisecondsSince(start));
  o.log(buf + what);
}

// Starting values for EM: m falls level by level (level 0 is the strongest evidence of
// a family), u is replaced by the random-pair estimate.
FellegiSunterModel InitialFamilyModel(double lambda) {
  FellegiSunterModel model;
  model.lambda = std::clamp(lambda, 1e-6, 0.5);
  for (int c = 0; c < kFamilyComparisons; ++c) {
    ComparisonParameters p;
    p.name = FamilyComparisonNames()[c];
    p.labels = FamilyLevelLabels(c);
    double total = 0;
    for (size_t l = 0; l < p.labels.size(); ++l) total += p.m.emplace_back(std::pow(0.4, static_cast<double>(l)));
    for (double& m : p.m) m /= total;
    p.u.assign(p.labels.size(), 1.0 / static_cast<double>(p.labels.size()));
    model.comparisons.push_back(std::move(p));
  }
  return model;
}

// u from random child-adult pairs (nearly all of different families), seeded.
void EstimateFamilyU(FellegiSunterModel* model, const std::vector<FamilyRecord>& children,
                     const std::vector<FamilyRecord>& adults, const EmSettings& em, int threads) {
  std::vector<PairKey> pairs;
  if (children.empty() || adults.empty()) return;
  Rng rng(em.seed);
  for (long k = 0; k < em.max_u_pairs; ++k) {
    pairs.push_back(MakePair(static_cast<std::uint32_t>(rng.Below(children.size())),
                             static_cast<std::uint32_t>(rng.Below(adults.size()))));
  }
  model->u_pairs_sampled = static_cast<long>(pairs.size());
  std::vector<std::vector<double>> counts;
  for (const auto& p : model->comparisons) counts.emplace_back(p.u.size(), 0.0);
  for (const PatternCount& pc : CountPatterns(CompareFamilyPairs(children, adults, pairs, threads))) {
    for (int c = 0; c < kFamilyComparisons; ++c) {
      int level = GammaLevel(pc.gamma, c);
      if (level != kNull) counts[c][level] += pc.count;
    }
  }
  for (int c = 0; c < kFamilyComparisons; ++c) {
    double total = 0, pseudo = 1.0 / static_cast<double>(counts[c].size());
    for (double n : counts[c]) total += n + pseudo;
    for (size_t l = 0; l < counts[c].size(); ++l) model->comparisons[c].u[l] = (counts[c][l] + pseudo) / total;
  }
}

std::string RecordText(const Person& p) { return p.name.Display(); }

std::string HomePlace(const Location& l) {
  std::string out;
  for (const std::string* part : {&l.village, &l.municipality, &l.department})
    if (!part->empty()) out += (out.empty() ? "" : ", ") + *part;
  return out;
}

}  // namespace

Result<std::unique_ptr<FamilyLinkage>> FamilyLinkage::Run(const std::vector<ListRow>& children,
                                                        const std::vector<ListRow>& adults,
                                                        const FamilyLinkOptions& options) {
  std::unique_ptr<FamilyLinkage> f(new FamilyLinkage(children, adults));
  auto start = Clock::now();
  f->child_records_.reserve(children.size());
  for (const auto& r : children) f->child_records_.push_back(PrepareFamilyRecord(r.person));
  f->adult_records_.reserve(adults.size());
  for (const auto& r : adults) f->adult_records_.push_back(PrepareFamilyRecord(r.person));
  Log(options, "prepare", start, std::to_string(children.size()) + " children, " + std::to_string(adults.size()) + " adult records");
  f->frequencies_ = options.frequencies ? *options.frequencies : FamilyFrequencies(f->child_records_, f->adult_records_);
  Status deduped = f->DedupeAdults(options);
  if (!deduped.ok()) return deduped;

  start = Clock::now();
  BlockingReport report;
  auto pairs = FamilyCandidatePairs(f->child_records_, f->adult_records_, children, adults, &report);
  if (!pairs.ok()) return pairs.status();
  f->candidate_pairs_ = static_cast<long>(pairs->size());
  std::string rules;
  for (const auto& r : report.rules) rules += "; " + r.text + " " + std::to_string(r.pairs);
  Log(options, "block", start, std::to_string(pairs->size()) + " candidate pairs" + rules);

  start = Clock::now();
  std::vector<Gamma> gammas = CompareFamilyPairs(f->child_records_, f->adult_records_, *pairs, options.threads);
  Log(options, "compare", start, std::to_string(options.threads) + " threads");
  if (options.model) {
    f->model_ = *options.model;
  } else {
    f->Train(gammas, options);
  }
  f->health_.model = "family";
  f->health_.converged = f->model_.em_converged;
  f->health_.iterations = f->model_.em_iterations;
  start = Clock::now();
  f->Assign(*pairs, gammas, options);
  Log(options, "assign", start, std::to_string(f->links_.size()) + " links");
  return f;
}

Status FamilyLinkage::DedupeAdults(const FamilyLinkOptions& options) {
  adult_cluster_.resize(adults_.size());
  for (std::uint32_t i = 0; i < adult_cluster_.size(); ++i) adult_cluster_[i] = i;
  if (!options.dedupe_adults || adults_.size() < 2) return Status::Ok();
  auto start = Clock::now();
  LinkSettings settings = options.adult_settings ? *options.adult_settings : CanonicalSettings(LinkType::kDedupe);
  settings.link_type = LinkType::kDedupe;
  Dataset data = DatasetFromRows(adults_, "adults");
  RunOptions run;
  run.threads = options.threads;
  run.model = options.adult_model;
  auto linkage = Linkage::Run(settings, data, nullptr, run);
  if (!linkage.ok()) return linkage.status();
  adult_cluster_ = (*linkage)->Clusters();
  long clusters = 0;
  for (std::uint32_t i = 0; i < adult_cluster_.size(); ++i) clusters += adult_cluster_[i] == i;
  Log(options, "dedupe", start, std::to_string(clusters) + " adults");
  return Status::Ok();
}

// EM needs a population that blocking did not pick for agreeing names: the pairs of
// one apprehension (same date and place), where a child meets every adult apprehended
// with it and non-family pairs look like random pairs on names. There u stays fixed to
// the random-pair estimate, the apprehension is left out, and EM finds m and lambda,
// the share of family among the pairs of one apprehension. The apprehension then gets
// fixed m (families were apprehended together: that is how they were separated)
// against its random-pair u, and the prior is rescaled so that a pair of one
// apprehension keeps that lambda while a pair from the name rules alone starts far
// lower. Lists without apprehensions fall back to every candidate pair.
void FamilyLinkage::Train(const std::vector<Gamma>& gammas,
                          const FamilyLinkOptions& options) {
  auto start = Clock::now();
  std::vector<Gamma> population;
  for (Gamma g : gammas) {
    if (GammaLevel(g, kApprehension) == 0) population.push_back(WithLevel(g & ~kApprehensionBits, kApprehension, kNull));
  }
  const bool by_apprehension = population.size() >= 1000 || population.size() * 2 >= gammas.size();
  if (!by_apprehension) {
    population.clear();
    for (Gamma g : gammas) population.push_back(g & ~kApprehensionBits);
  }
  // About one and a half adult records per child are family: a starting guess only.
  double lambda = population.empty() ? 0.1 : 1.5 * static_cast<double>(child_records_.size()) / population.size();
  model_ = InitialFamilyModel(lambda);
  EstimateFamilyU(&model_, child_records_, adult_records_, options.em, options.threads);
  Log(options, "u", start, std::to_string(model_.u_pairs_sampled) + " random pairs");
  start = Clock::now();
  auto patterns = CountPatterns(population);
  EmSettings em = options.em;
  em.fix_u = true;
  RunEm(&model_, patterns, em);
  ComparisonParameters& apprehension = model_.comparisons[kApprehension];
  apprehension.m = kApprehensionM;
  if (by_apprehension) {
    // Prior weight + the same-apprehension weight = the lambda EM found.
    double odds = model_.lambda / (1 - model_.lambda) * apprehension.u[0] / apprehension.m[0];
    model_.lambda = std::clamp(odds / (1 + odds), 1e-12, 0.5);
  }
  Log(options, "em", start, std::to_string(population.size()) + " pairs in " + std::to_string(patterns.size()) +
                                 " patterns, " + std::to_string(model_.em_iterations) + " iterations");
}

double FamilyLinkage::Weight(std::uint32_t child, std::uint32_t adult, Gamma gamma) const {
  return FamilyPairWeight(model_, frequencies_, child_records_[child], adult_records_[adult], gamma);
}

FamilyRole FamilyLinkage::Role(std::uint32_t child, std::uint32_t adult) const {
  const FamilyRecord& c = child_records_[child];
  const FamilyRecord& a = adult_records_[adult];
  return BestRole(ScoreRoles(c, a, SurnameLine(c, a)));
}

namespace {

// Sibling support: children apprehended together with compatible surnames
// (LikelySiblings) are siblings and share their parents, so an adult strongly linked to one (named by it,
// or naming it) is linked to another whose own evidence is weaker (a toddler who said
// nothing) but not against it.
constexpr double kStrongLink = 0.99;   // a sibling's link that lends support
constexpr double kSupportedFloor = 0.05;  // the weakest own probability support can lift
// Being a sibling's parent is evidence, not proof: it adds this weight (log2 of the
// likelihood ratio) to the pair's own, up to the sibling's weight.
constexpr double kSiblingEvidence = 8;
constexpr double kLoneChildMargin = 2;  // log2: the best candidate is 4 times as likely as the next

}  // namespace

struct FamilyLinkage::Candidate {
  double weight = 0;
  std::uint32_t adult = 0;
  Gamma gamma = 0;
  FamilyRole role = FamilyRole::kUnknown;
};

void FamilyLinkage::Assign(const std::vector<PairKey>& pairs, const std::vector<Gamma>& gammas,
                           const FamilyLinkOptions& options) {
  const double floor = std::min(options.threshold, kSupportedFloor);
  // Each child's candidate adults (clusters), each by its most probable record.
  std::vector<std::map<std::uint32_t, Candidate>> by_child(children_.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    double w = Weight(PairLeft(pairs[i]), PairRight(pairs[i]), gammas[i]);
    if (WeightToProbability(w) < floor) continue;
    std::uint32_t adult = PairRight(pairs[i]);
    auto [it, added] = by_child[PairLeft(pairs[i])].try_emplace(adult_cluster_[adult], Candidate{w, adult, gammas[i]});
    if (!added && w > it->second.weight) it->second = Candidate{w, adult, gammas[i]};
  }
  auto support = SiblingSupport(by_child, options.threshold);
  std::vector<std::vector<std::uint32_t>> members(adults_.size());
  for (std::uint32_t i = 0; i < adults_.size(); ++i) members[adult_cluster_[i]].push_back(i);
  std::vector<std::map<std::uint32_t, Candidate>> chosen(children_.size());
  for (std::uint32_t child = 0; child < children_.size(); ++child) {
    for (auto [cluster, c] : by_child[child]) {
      auto supported = support[child].find(cluster);
      if (supported != support[child].end()) {
        c.weight = std::max(c.weight, std::min(supported->second, c.weight + kSiblingEvidence));
      }
      if (WeightToProbability(c.weight) >= options.threshold) chosen[child].emplace(cluster, c);
    }
    AssignRoles(child, &chosen[child]);
  }
  DropCompetingFamilies(&chosen);
  LinkLoneChildren(by_child, options, &chosen);
  links_.clear();
  for (std::uint32_t child = 0; child < children_.size(); ++child) {
    for (const auto& [cluster, c] : chosen[child]) {
      for (std::uint32_t adult : members[cluster]) {
        links_.push_back({child, adult, c.role, c.weight, WeightToProbability(c.weight)});
      }
    }
  }
}

// For each child, the adults (clusters) a sibling is strongly linked to, with the
// sibling's weight.
std::vector<std::map<std::uint32_t, double>> FamilyLinkage::SiblingSupport(
    const std::vector<std::map<std::uint32_t, Candidate>>& by_child, double threshold) const {
  std::map<std::string, std::vector<std::uint32_t>> apprehensions;
  for (std::uint32_t c = 0; c < children_.size(); ++c) {
    std::string key = ApprehensionKey(child_records_[c]);
    if (!key.empty()) apprehensions[key].push_back(c);
  }
  std::vector<std::map<std::uint32_t, double>> support(children_.size());
  for (const auto& [key, kids] : apprehensions) {
    for (std::uint32_t s : kids) {
      for (const auto& [cluster, c] : by_child[s]) {
        if (WeightToProbability(c.weight) < std::max(kStrongLink, threshold)) continue;
        for (std::uint32_t t : kids) {
          if (t == s || !LikelySiblings(child_records_[s], child_records_[t])) continue;
          double& w = support[t].try_emplace(cluster, c.weight).first->second;
          w = std::max(w, c.weight);
        }
      }
    }
  }
  return support;
}

// Every child on a separated children's list came with an adult. A child left with no
// link gets its most probable candidate when that is at least lone_child_threshold
// and clearly (kLoneChildMargin) ahead of the next: the question is no longer whether
// this adult is family, but which adult is.
void FamilyLinkage::LinkLoneChildren(const std::vector<std::map<std::uint32_t, Candidate>>& by_child,
                                     const FamilyLinkOptions& options,
                                     std::vector<std::map<std::uint32_t, Candidate>>* chosen) const {
  if (options.lone_child_threshold <= 0 || options.lone_child_threshold >= options.threshold) return;
  for (std::uint32_t child = 0; child < children_.size(); ++child) {
    if (!(*chosen)[child].empty() || by_child[child].empty()) continue;
    const Candidate* best = nullptr;
    std::uint32_t best_cluster = 0;
    double second = -1e300;
    for (const auto& [cluster, c] : by_child[child]) {
      if (!best || c.weight > best->weight) {
        if (best) second = std::max(second, best->weight);
        best = &c, best_cluster = cluster;
      } else {
        second = std::max(second, c.weight);
      }
    }
    if (WeightToProbability(best->weight) < options.lone_child_threshold || best->weight - second < kLoneChildMargin) continue;
    (*chosen)[child].emplace(best_cluster, *best);
    AssignRoles(child, &(*chosen)[child]);
  }
}

// A parent's children were apprehended with them. When an adult is father or mother
// to children of several apprehensions, the apprehension with the strongest link is
// the adult's own; a weaker (below kStrongLink) link to another is more likely a
// namesake of the child's real parent, who was not apprehended, and is dropped.
// A child without an apprehension is a set of its own.
void FamilyLinkage::DropCompetingFamilies(std::vector<std::map<std::uint32_t, Candidate>>* chosen) const {
  std::map<std::uint32_t, std::map<std::string, double>> sets;  // cluster -> apprehension -> best weight
  auto set_of = [&](std::uint32_t child) {
    std::string key = ApprehensionKey(child_records_[child]);
    return key.empty() ? "#" + std::to_string(child) : key;
  };
  auto is_parent = [](const Candidate& c) { return c.role == FamilyRole::kFather || c.role == FamilyRole::kMother; };
  for (std::uint32_t child = 0; child < chosen->size(); ++child) {
    for (const auto& [cluster, c] : (*chosen)[child]) {
      if (!is_parent(c)) continue;
      double& w = sets[cluster].try_emplace(set_of(child), c.weight).first->second;
      w = std::max(w, c.weight);
    }
  }
  for (std::uint32_t child = 0; child < chosen->size(); ++child) {
    auto& mine = (*chosen)[child];
    for (auto it = mine.begin(); it != mine.end();) {
      const auto& by_set = sets[it->first];
      bool drop = false;
      if (is_parent(it->second) && by_set.size() > 1 && WeightToProbability(it->second.weight) < kStrongLink) {
        const std::string own = set_of(child);
        for (const auto& [key, w] : by_set) drop = drop || (key != own && w > by_set.at(own));
      }
      it = drop ? mine.erase(it) : std::next(it);
    }
  }
}

// One father and one mother: the most probable of each role (then the lowest cluster,
// for determinism); a runner-up is still family, as another relative, when a name
// ties it to the child, and is dropped otherwise.
void FamilyLinkage::AssignRoles(std::uint32_t child, std::map<std::uint32_t, Candidate>* chosen) const {
  std::map<FamilyRole, std::pair<double, std::uint32_t>> parent;
  for (auto& [cluster, c] : *chosen) {
    c.role = Role(child, c.adult);
    if (c.role != FamilyRole::kFather && c.role != FamilyRole::kMother) continue;
    auto it = parent.find(c.role);
    if (it == parent.end() || c.weight > it->second.first) parent[c.role] = {c.weight, cluster};
  }
  const FamilyRecord& kid = child_records_[child];
  for (auto c = chosen->begin(); c != chosen->end();) {
    auto it = parent.find(c->second.role);
    if (it == parent.end() || it->second.second == c->first) {
      ++c;
      continue;
    }
    // A second "mother" whose only tie is the surname the chosen one already explains
    // is more likely a namesake in the same group than a relative.
    const FamilyRecord& adult = adult_records_[c->second.adult];
    bool named = MatchedChildMention(kid, adult) != RelativeKind::kUnknown ||
                 MatchedAdultMention(kid, adult) != RelativeKind::kUnknown;
    if (!named) {
      c = chosen->erase(c);
      continue;
    }
    c->second.role = FamilyRole::kOtherRelative;
    ++c;
  }
}

FamilyLinkResult FamilyLinkage::Score(std::uint32_t child, std::uint32_t adult) const {
  Gamma g = CompareFamilyPair(child_records_[child], adult_records_[adult]);
  double w = Weight(child, adult, g);
  return {child, adult, Role(child, adult), w, WeightToProbability(w)};
}

Explanation FamilyLinkage::Explain(std::uint32_t child, std::uint32_t adult) const {
  const FamilyRecord& c = child_records_[child];
  const FamilyRecord& a = adult_records_[adult];
  const Person& cp = children_[child].person;
  const Person& ap = adults_[adult].person;
  Explanation e;
  e.left_id = children_[child].record_id;
  e.right_id = adults_[adult].record_id;
  e.lambda = model_.lambda;
  e.prior_weight = model_.PriorWeight();
  e.total_weight = e.prior_weight;
  const std::string values[kFamilyComparisons][2] = {
      {cp.name.Surnames(), ap.name.Surnames() + (ap.name.married_surname.empty() ? "" : " de " + ap.name.married_surname)},
      {cp.reported_relatives, RecordText(ap)},
      {RecordText(cp), ap.reported_relatives},
      {cp.apprehension_date.ToIso() + " " + cp.apprehension_place, ap.apprehension_date.ToIso() + " " + ap.apprehension_place},
      {cp.nationality, ap.nationality},
      {HomePlace(cp.location), HomePlace(ap.location)},
      {cp.birth.date.ToIso(), ap.birth.date.ToIso()},
  };
  for (int k = 0; k < kFamilyComparisons; ++k) {
    ExplanationStep s;
    s.comparison = FamilyComparisonNames()[k];
    s.left_value = values[k][0];
    s.right_value = values[k][1];
    s.level = CompareFamily(k, c, a);
    s.level_label = s.level == kNull ? "null" : FamilyLevelLabels(k)[s.level];
    if (s.level != kNull) {
      s.m = model_.comparisons[k].m[s.level];
      s.u = model_.comparisons[k].u[s.level];
      s.weight = model_.LevelWeight(k, s.level);
      double adjust = frequencies_.Adjustment(k, s.level, c, a);
      s.u = std::min(1.0, s.u * std::exp2(-adjust));
      s.weight += adjust;
    }
    e.total_weight += s.weight;
    e.steps.push_back(std::move(s));
  }
  e.probability = WeightToProbability(e.total_weight);
  e.role_reason = RoleReason(child, adult);
  return e;
}

std::string FamilyLinkage::RoleReason(std::uint32_t child, std::uint32_t adult) const {
  const FamilyRecord& c = child_records_[child];
  const FamilyRecord& a = adult_records_[adult];
  int line = SurnameLine(c, a);
  RoleScores s = ScoreRoles(c, a, line);
  char buf[160];
  std::snprintf(buf, sizeof buf, "role scores: father %.1f, mother %.1f, other_relative %.1f, legal_guardian %.1f",
                s.father, s.mother, s.other, s.guardian);
  std::string out = "role: " + ToString(BestRole(s)) + " (" + buf + ")\n";
  out += "  child's words for the adult: " + ToString(MatchedChildMention(c, a)) +
         "; adult's word for the child: " + ToString(MatchedAdultMention(c, a)) + "; adult sex: " +
         (a.sex == Sex::kUnknown ? std::string("unknown") : ToString(a.sex)) + "\n";
  return out;
}

}  // namespace reunite::match
