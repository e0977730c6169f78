#include "match/family_linker.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "match/family_candidates.h"
#include "match/linker.h"

namespace reunite::match {
namespace {

using Clock = std::chrono::steady_clock;

// A phone number on more records than this belongs to an institution, not a family.
constexpr int kSharedPhoneRecords = 5;

void Log(const FamilyLinkOptions& o, const std::string& step, Clock::time_point start, const std::string& what) {
  if (!o.log) return;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%-12s %9.1f ms  ", step.c_str(), MillisecondsSince(start));
  o.log(buf + what);
}

std::string RecordText(const Person& p) { return p.name.Display(); }

// "2018-06-03 McAllen Station (RGV/mcallen)": as written, then as resolved.
std::string Apprehension(const Person& p, const FamilyRecord& r) {
  std::string out = p.apprehension_date.ToIso() + " " + p.apprehension_place;
  if (!r.sector.empty()) out += " (" + r.sector + (r.station.empty() ? "" : "/" + r.station) + ")";
  return out;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

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
  DropSharedPhones(&f->child_records_, &f->adult_records_, kSharedPhoneRecords);
  MeasureCrowds(&f->child_records_, f->adult_records_);
  Log(options, "prepare", start, std::to_string(children.size()) + " children, " + std::to_string(adults.size()) + " adult records");
  f->frequencies_ = options.frequencies ? *options.frequencies : FamilyFrequencies(f->child_records_, f->adult_records_);
  Status deduped = f->DedupeAdults(options);
  if (!deduped.ok()) return deduped;

  start = Clock::now();
  auto candidates = FamilyCandidatePairs(f->child_records_, f->adult_records_, children, adults, options.threads);
  if (!candidates.ok()) return candidates.status();
  const std::vector<PairKey>& pairs = candidates->pairs;
  f->candidate_pairs_ = static_cast<long>(pairs.size());
  std::string rules;
  for (const auto& r : candidates->report.rules) {
    rules += "; " + r.text + " " + std::to_string(r.pairs);
    if (r.skipped_keys) rules += " (" + std::to_string(r.skipped_keys) + " keys skipped)";
  }
  Log(options, "block", start, std::to_string(pairs.size()) + " candidate pairs" + rules);

  start = Clock::now();
  std::vector<Gamma> gammas = CompareFamilyPairs(f->child_records_, f->adult_records_, pairs, options.threads);
  Log(options, "compare", start, std::to_string(options.threads) + " threads");
  if (options.model) {
    f->model_ = *options.model;
    f->health_ = CheckModel("family", f->model_, f->estimation_, static_cast<double>(children.size()));
  } else {
    Status trained = f->Train(*candidates, gammas, options);
    if (!trained.ok()) return trained;
  }
  start = Clock::now();
  f->Assign(pairs, gammas, options);
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
constexpr size_t kMaxOtherRelatives = 3, kMaxChildrenPerAdult = 10;

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
  // The adjustments of a pair's weight add at most kMaxAdjustment (a quiet station;
  // names and surnames only lower it), so most pairs are dropped on the model's
  // weight alone, without matching names again.
  const double floor_weight = std::log2(floor / (1 - floor)) - kMaxAdjustment;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (model_.Weight(gammas[i]) < floor_weight) continue;
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
  suggestions_.assign(children_.size(), {});
  for (std::uint32_t child = 0; child < children_.size(); ++child) {
    for (auto [cluster, c] : by_child[child]) {
      auto supported = support[child].find(cluster);
      if (supported != support[child].end()) {
        c.weight = std::max(c.weight, std::min(supported->second, c.weight + kSiblingEvidence));
      }
      suggestions_[child].push_back({child, c.adult, Role(child, c.adult), c.weight, WeightToProbability(c.weight)});
      if (WeightToProbability(c.weight) >= options.threshold) chosen[child].emplace(cluster, c);
    }
    auto& mine = suggestions_[child];
    std::stable_sort(mine.begin(), mine.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
    if (mine.size() > kSuggestions) mine.resize(kSuggestions);
    AssignRoles(child, &chosen[child]);
  }
  DropCompetingFamilies(&chosen);
  LinkLoneChildren(by_child, options, &chosen);
  KeepAHandful(&chosen);
  links_.clear();
  for (std::uint32_t child = 0; child < children_.size(); ++child) {
    for (const auto& [cluster, c] : chosen[child]) {
      for (std::uint32_t adult : members[cluster]) {
        links_.push_back({child, adult, c.role, c.weight, WeightToProbability(c.weight)});
      }
    }
  }
}

// A family is a handful of people, never hundreds (a model gone wrong linked 1,236
// adults to one child): a child keeps its father, its mother and at most
// kMaxOtherRelatives others; an adult is linked to at most kMaxChildrenPerAdult
// children; the strongest links are kept.
void FamilyLinkage::KeepAHandful(std::vector<std::map<std::uint32_t, Candidate>>* chosen) const {
  auto by_weight = [](const auto& a, const auto& b) { return a.first > b.first; };
  for (auto& mine : *chosen) {
    std::vector<std::pair<double, std::uint32_t>> others;
    for (const auto& [cluster, c] : mine) {
      if (c.role != FamilyRole::kFather && c.role != FamilyRole::kMother) others.push_back({c.weight, cluster});
    }
    std::sort(others.begin(), others.end(), by_weight);
    for (size_t k = kMaxOtherRelatives; k < others.size(); ++k) mine.erase(others[k].second);
  }
  std::map<std::uint32_t, std::vector<std::pair<double, std::uint32_t>>> children_of;  // cluster -> (weight, child)
  for (std::uint32_t child = 0; child < chosen->size(); ++child) {
    for (const auto& [cluster, c] : (*chosen)[child]) children_of[cluster].push_back({c.weight, child});
  }
  for (auto& [cluster, kids] : children_of) {
    std::sort(kids.begin(), kids.end(), by_weight);
    for (size_t k = kMaxChildrenPerAdult; k < kids.size(); ++k) (*chosen)[kids[k].second].erase(cluster);
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
// for determinism); a runner-up is another relative at most. Another relative (or an
// adult whose role is unclear) needs a tie beyond the surname (TieBeyondSurnames): on
// big lists most others are namesakes, and the child has one mother, so a second
// woman matching "mamá María" is one. "Uncle Juan Hernández" is one man: of the
// namesakes tied by that mention alone, the most probable stays.
void FamilyLinkage::AssignRoles(std::uint32_t child, std::map<std::uint32_t, Candidate>* chosen) const {
  std::map<FamilyRole, std::pair<double, std::uint32_t>> parent;
  for (auto& [cluster, c] : *chosen) {
    c.role = Role(child, c.adult);
    if (c.role != FamilyRole::kFather && c.role != FamilyRole::kMother) continue;
    auto it = parent.find(c.role);
    if (it == parent.end() || c.weight > it->second.first) parent[c.role] = {c.weight, cluster};
  }
  for (auto& [cluster, c] : *chosen) {
    auto it = parent.find(c.role);
    if (it != parent.end() && it->second.second != cluster) c.role = FamilyRole::kOtherRelative;
  }
  const FamilyRecord& kid = child_records_[child];
  std::map<std::uint32_t, const FamilyName*> only_by;             // cluster -> the mention that alone ties it
  std::map<const FamilyName*, std::pair<double, std::uint32_t>> best;  // mention -> (weight, cluster)
  for (auto c = chosen->begin(); c != chosen->end();) {
    if (c->second.role != FamilyRole::kOtherRelative && c->second.role != FamilyRole::kUnknown) {
      ++c;
      continue;
    }
    const FamilyTie tie = TieBeyondSurnames(kid, adult_records_[c->second.adult]);
    if (!tie.tied) {
      c = chosen->erase(c);
      continue;
    }
    if (tie.only_by) {
      only_by[c->first] = tie.only_by;
      auto [it, fresh] = best.try_emplace(tie.only_by, c->second.weight, c->first);
      if (!fresh && c->second.weight > it->second.first) it->second = {c->second.weight, c->first};
    }
    ++c;
  }
  for (const auto& [cluster, mention] : only_by) {
    if (best.at(mention).second != cluster) chosen->erase(cluster);
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
      {Apprehension(cp, c), Apprehension(ap, a)},
      {cp.nationality, ap.nationality},
      {HomePlace(cp.location), HomePlace(ap.location)},
      {cp.birth.date.ToIso(), ap.birth.date.ToIso()},
      {cp.a_number, ap.a_number},
      {Joined(c.phones), Joined(a.phones)},
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
      double adjust = FamilyTermAdjustment(model_, frequencies_, k, s.level, c, a);
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
