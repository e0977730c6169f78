#include "linkage/matcher.h"

#include <algorithm>
#include <cstdio>

#include "match/dataset.h"
#include "match/explanation_json.h"
#include "match/family_candidates.h"
#include "match/family_explain.h"
#include "match/family_frequencies.h"
#include "match/model_json.h"
#include "match/settings.h"

namespace reunite {
namespace {

constexpr const char* kFamilyModel = "family";
// Why a duplicate at the threshold is not proposed: only blocked pairs are scored.
constexpr const char* kNotBlocked = "blocking no longer pairs the two records";

const char* ModelName(Role role) { return role == Role::kChild ? "identity_child" : "identity_adult"; }

// Random pairs for estimating u: the engine's default, but no more than a few times
// the pairs there are (a small database has few; sampling more only costs time).
long UPairs(const MatchRunOptions& options, double possible_pairs, long engine_default) {
  if (options.max_u_pairs > 0) return options.max_u_pairs;
  return static_cast<long>(std::min<double>(engine_default, std::max(20'000.0, 4 * possible_pairs)));
}

std::string Fixed(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", p);
  return buf;
}

// The health a stored model was trained with.
match::ModelHealth StoredHealth(const StoredModel& stored) {
  if (!stored.health.empty()) {
    auto health = match::HealthFromJson(stored.health);
    if (health.ok()) return *health;
  }
  match::ModelHealth unknown;
  unknown.model = stored.name;
  unknown.converged = false;
  unknown.notes.push_back("trained " + stored.trained_at + ", before model health was recorded: its health is "
                          "unknown; `reunite match run --full` retrains it");
  return unknown;
}

std::vector<match::FamilyRecord> PrepareAll(const RoleRows& all) {
  std::vector<match::FamilyRecord> records;
  records.reserve(all.rows.size());
  for (const auto& row : all.rows) records.push_back(match::PrepareFamilyRecord(row.person));
  return records;
}

RoleRows Part(const RoleRows& all, const std::vector<std::uint32_t>& rows) {
  RoleRows part;
  for (std::uint32_t r : rows) part.Add(all.rows[r].person);
  return part;
}

}  // namespace

void RoleRows::Add(Person person) {
  index[person.id] = static_cast<std::uint32_t>(rows.size());
  ids.push_back(person.id);
  ListRow row;
  row.record_id = std::to_string(person.id);
  row.person = std::move(person);
  rows.push_back(std::move(row));
}

std::optional<std::uint32_t> RoleRows::Row(PersonId id) const {
  auto it = index.find(id);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

Matcher::Matcher(const MatchState& state, const RoleRows& children, const RoleRows& adults,
                 const MatchRunOptions& options, MatchRunOutcome* outcome)
    : state_(state), children_(children), adults_(adults), options_(options), out_(outcome) {}

Status Matcher::Dedupe(Role role) {
  const RoleRows& all = role == Role::kChild ? children_ : adults_;
  if (all.rows.size() < 2) return Status::Ok();
  if (options_.full || !state_.models.count(ModelName(role))) return DedupeInFull(role, all);
  return DedupeChanged(role, all);
}

match::RunOptions Matcher::EngineOptions() const {
  match::RunOptions run_options;
  run_options.threads = options_.threads;
  run_options.log = options_.log;
  return run_options;
}

// Trains the role's identity model over everyone, stores it and proposes every pair
// at the threshold.
Status Matcher::DedupeInFull(Role role, const RoleRows& all) {
  out_->counts.full = true;
  match::Dataset everyone = match::DatasetFromRows(all.rows, ToString(role));
  match::LinkSettings settings = match::CanonicalSettings(match::LinkType::kDedupe);
  const double n = static_cast<double>(all.rows.size());
  settings.em.max_u_pairs = UPairs(options_, n * (n - 1) / 2, settings.em.max_u_pairs);
  auto run = match::Linkage::Run(settings, everyone, nullptr, EngineOptions());
  if (!run.ok()) return run.status();
  Trained(ModelName(role), (*run)->model(), (*run)->health(), static_cast<long long>(all.rows.size()));
  Collect(**run, all.ids, all.ids);
  compared_.insert(all.ids.begin(), all.ids.end());
  Withdraw(CandidateKind::kDuplicate, [&](PersonId a, PersonId b) -> std::optional<double> {
    auto l = all.Row(a), r = all.Row(b);
    if (!l || !r) return std::nullopt;
    return (*run)->Score(*l, *r).probability;
  }, kNotBlocked);
  return Status::Ok();
}

// Blocks the new or changed people of the role against everyone of it and scores
// them with the stored model (nothing is estimated).
Status Matcher::DedupeChanged(Role role, const RoleRows& all) {
  RoleRows changed;
  for (size_t i = 0; i < all.rows.size(); ++i)
    if (state_.Changed(all.ids[i])) changed.Add(all.rows[i].person);
  if (changed.rows.empty()) return Status::Ok();
  std::optional<match::FellegiSunterModel> stored;
  if (Status s = LoadModel(ModelName(role), &stored); !s.ok()) return s;
  compared_.insert(changed.ids.begin(), changed.ids.end());
  match::Dataset everyone = match::DatasetFromRows(all.rows, ToString(role));
  match::Dataset left = match::DatasetFromRows(changed.rows, ToString(role) + " (changed)");
  const match::LinkSettings settings = match::CanonicalSettings(match::LinkType::kLink);
  match::RunOptions run_options = EngineOptions();
  run_options.model = &*stored;
  auto run = match::Linkage::Run(settings, left, &everyone, run_options);
  if (!run.ok()) return run.status();
  Collect(**run, changed.ids, all.ids);
  Withdraw(CandidateKind::kDuplicate, [&](PersonId a, PersonId b) -> std::optional<double> {
    if (!changed.Row(a)) std::swap(a, b);  // the changed record is on the left
    auto l = changed.Row(a), r = all.Row(b);
    if (!l || !r) return std::nullopt;
    return (*run)->Score(*l, *r).probability;
  }, kNotBlocked);
  return Status::Ok();
}

void Matcher::MatchSmallRoles() {
  for (const RoleRows* rows : {&adults_, &children_}) {
    if (rows->rows.size() >= 2) continue;
    for (PersonId id : rows->ids)
      if (options_.full || state_.Changed(id)) compared_.insert(id);
  }
}

Status Matcher::Families() {
  if (children_.rows.empty() || adults_.rows.empty()) return Status::Ok();
  const bool full = options_.full || out_->counts.full;  // a retrained role retrains the family model
  if (!full && compared_.empty()) return Status::Ok();
  match::FamilyLinkOptions options;
  options.threshold = options_.threshold;
  options.threads = options_.threads;
  options.log = options_.log;
  options.em.max_u_pairs = UPairs(options_, static_cast<double>(children_.rows.size()) * adults_.rows.size(),
                                  options.em.max_u_pairs);
  std::optional<match::FellegiSunterModel> family;
  if (!full) {
    if (Status s = LoadModel(kFamilyModel, &family); !s.ok()) return s;
  }
  if (!family) return FamiliesInFull(options);
  return FamiliesNearChanges(options, *family);
}

// Trains the family model over everyone, stores it and proposes every link.
Status Matcher::FamiliesInFull(const match::FamilyLinkOptions& options) {
  out_->counts.full = true;
  auto run = match::FamilyLinkage::Run(children_.rows, adults_.rows, options);
  if (!run.ok()) return run.status();
  Trained(kFamilyModel, (*run)->model(), (*run)->health(),
          static_cast<long long>(children_.rows.size() + adults_.rows.size()));
  Propose(**run, children_, adults_, /*only_compared=*/false);
  WithdrawFamilyLinks((*run)->model(), nullptr);
  return Status::Ok();
}

// Links only the neighbourhood of the compared people (FamilyNeighbourhood), with the
// stored family and identity models and name frequencies counted over everyone, and
// proposes only links touching a compared person.
Status Matcher::FamiliesNearChanges(match::FamilyLinkOptions options, const match::FellegiSunterModel& family) {
  std::optional<match::FellegiSunterModel> adult;
  if (Status s = LoadModel(ModelName(Role::kAdult), &adult); !s.ok()) return s;
  std::vector<match::FamilyRecord> children = PrepareAll(children_), adults = PrepareAll(adults_);
  std::vector<std::uint32_t> changed_children, changed_adults;
  for (std::uint32_t i = 0; i < children_.ids.size(); ++i)
    if (compared_.count(children_.ids[i])) changed_children.push_back(i);
  for (std::uint32_t i = 0; i < adults_.ids.size(); ++i)
    if (compared_.count(adults_.ids[i])) changed_adults.push_back(i);
  match::FamilyFrequencies frequencies(children, adults);
  // The weakest pair the linker keeps as a candidate (family_linker.cc).
  const double floor = std::min(options.threshold, 0.05);
  auto scope = match::FamilyNeighbourhood(children, adults, children_.rows, adults_.rows, changed_children,
                                          changed_adults, family, frequencies, floor);
  if (!scope.ok()) return scope.status();
  out_->counts.family_scope_people = static_cast<long>(scope->children.size() + scope->adults.size());
  if (!scope->children.empty() && !scope->adults.empty()) {
    options.model = &family;
    options.adult_model = adult ? &*adult : nullptr;
    options.frequencies = &frequencies;
    RoleRows part_children = Part(children_, scope->children), part_adults = Part(adults_, scope->adults);
    auto run = match::FamilyLinkage::Run(part_children.rows, part_adults.rows, options);
    if (!run.ok()) return run.status();
    Propose(**run, part_children, part_adults, /*only_compared=*/true);
  }
  WithdrawFamilyLinks(family, &frequencies);
  return Status::Ok();
}

void Matcher::Finish() {
  for (CandidateKind kind : {CandidateKind::kDuplicate, CandidateKind::kFamilyLink}) Withdraw(kind, nullptr, "");
  out_->compared.assign(compared_.begin(), compared_.end());
  std::sort(out_->compared.begin(), out_->compared.end());
  out_->counts.compared_people = static_cast<long>(compared_.size());
}

// A stored model, or nothing when none is stored under `name`; its health joins the run's.
Status Matcher::LoadModel(const std::string& name, std::optional<match::FellegiSunterModel>* out) {
  auto it = state_.models.find(name);
  if (it == state_.models.end()) return Status::Ok();
  auto model = match::ModelFromJson(it->second.model);
  if (!model.ok()) return model.status();
  *out = std::move(*model);
  match::ModelHealth health = StoredHealth(it->second);
  health.model = name;
  auto same = [&](const match::ModelHealth& h) { return h.model == name; };
  if (std::none_of(health_.begin(), health_.end(), same)) health_.push_back(std::move(health));
  return Status::Ok();
}

void Matcher::Trained(const std::string& name, const match::FellegiSunterModel& model, match::ModelHealth health,
                      long long records) {
  health.model = name;
  out_->models.push_back({name, match::ModelToJson(model), records, match::HealthToJson(health), ""});
  health_.push_back(std::move(health));
}

void Matcher::Collect(const match::Linkage& run, const std::vector<PersonId>& left_ids,
                      const std::vector<PersonId>& right_ids) {
  out_->counts.duplicate_pairs += static_cast<long>(run.pairs().size());
  for (size_t k = 0; k < run.pairs().size(); ++k) {
    std::uint32_t l = match::PairLeft(run.pairs()[k]), r = match::PairRight(run.pairs()[k]);
    PersonId a = left_ids[l], b = right_ids[r];
    if (a == b) continue;
    double p = match::WeightToProbability(run.weights()[k]);
    if (p < options_.threshold) continue;
    // Both records changed: the pair was scored from either side.
    if (!proposed_.insert({CandidateKind::kDuplicate, std::min(a, b), std::max(a, b)}).second) continue;
    match::Explanation e = run.Explain(l, r);
    if (a > b) {
      std::swap(a, b);
      std::swap(e.left_id, e.right_id);
      for (auto& step : e.steps) std::swap(step.left_value, step.right_value);
    }
    out_->proposals.push_back({CandidateKind::kDuplicate, a, b, "", run.weights()[k], p, match::ExplanationToJson(e)});
  }
}

void Matcher::Propose(const match::FamilyLinkage& run, const RoleRows& children, const RoleRows& adults,
                      bool only_compared) {
  match::FamilyLinkExplainer explainer(run, children.rows);
  for (const auto& link : run.links()) {
    PersonId child = children.ids[link.child], adult = adults.ids[link.adult];
    if (only_compared && !compared_.count(child) && !compared_.count(adult)) continue;
    ++out_->counts.family_pairs;
    if (state_.linked.count({child, adult})) continue;
    proposed_.insert({CandidateKind::kFamilyLink, child, adult});
    out_->proposals.push_back({CandidateKind::kFamilyLink, child, adult, match::ToString(link.role), link.weight,
                               link.probability, match::ExplanationToJson(explainer.Explain(link))});
  }
}

// Every pending pair of `kind` that involves a compared person, was not proposed and
// has no reason yet is withdrawn, with its probability scored now; a pair `score`
// does not cover waits for another step. Without a scorer: "no longer proposed".
void Matcher::Withdraw(CandidateKind kind, const Scorer& score, const std::string& above_threshold) {
  for (const QueuedCandidate& c : state_.pending) {
    Key key{c.kind, c.left, c.right};
    if (c.kind != kind || proposed_.count(key) || withdrawn_.count(key)) continue;
    if (!compared_.count(c.left) && !compared_.count(c.right)) continue;
    std::string reason = "no longer proposed after a change";
    if (kind == CandidateKind::kFamilyLink && state_.linked.count({c.left, c.right})) {
      reason = "the pair is a family link already";
    } else if (score) {
      std::optional<double> p = score(c.left, c.right);
      if (!p) continue;
      reason = *p < options_.threshold
                   ? "the pair now scores " + Fixed(*p) + ", below the threshold " + Fixed(options_.threshold)
                   : "the pair scores " + Fixed(*p) + " but " + above_threshold;
    }
    withdrawn_.insert(key);
    out_->withdrawals.push_back({c.kind, c.left, c.right, reason});
  }
}

// Pending family links to withdraw, each scored on its own (no sibling support) with
// the family model and the name frequencies over everyone (counted here if not given).
void Matcher::WithdrawFamilyLinks(const match::FellegiSunterModel& model, const match::FamilyFrequencies* given) {
  bool any = false;
  for (const QueuedCandidate& c : state_.pending) {
    any = any || (c.kind == CandidateKind::kFamilyLink && !proposed_.count({c.kind, c.left, c.right}) &&
                  (compared_.count(c.left) || compared_.count(c.right)));
  }
  if (!any) return;
  std::optional<match::FamilyFrequencies> counted;
  if (!given) given = &counted.emplace(PrepareAll(children_), PrepareAll(adults_));
  Withdraw(CandidateKind::kFamilyLink, [&](PersonId child, PersonId adult) -> std::optional<double> {
    auto c = children_.Row(child), a = adults_.Row(adult);
    if (!c || !a) return std::nullopt;
    match::FamilyRecord cr = match::PrepareFamilyRecord(children_.rows[*c].person);
    match::FamilyRecord ar = match::PrepareFamilyRecord(adults_.rows[*a].person);
    return match::WeightToProbability(match::FamilyPairWeight(model, *given, cr, ar, match::CompareFamilyPair(cr, ar)));
  }, "the family linker no longer proposes it (another adult is more probable in this role, or the adult is "
     "family in another apprehension)");
}

}  // namespace reunite
