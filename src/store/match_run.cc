#include "store/match_run.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "match/dataset.h"
#include "match/family_candidates.h"
#include "match/family_linker.h"
#include "match/linker.h"
#include "match/model_json.h"
#include "store/case_writer.h"
#include "store/repositories.h"
#include "store/review_queue.h"
#include "store/storage_guard.h"

namespace reunite {
namespace {

// A pair the matcher proposes for review.
struct Proposal {
  CandidateKind kind = CandidateKind::kDuplicate;
  PersonId left = 0, right = 0;
  std::string relationship;
  double weight = 0, probability = 0;
  std::string explanation;
};

// Everyone of one role, as the engine's rows (record_id = the person id).
struct RoleRows {
  std::vector<ListRow> rows;
  std::vector<PersonId> ids;
};

std::string ExplanationJson(const match::Explanation& e, const std::string& role_reason = "") {
  nlohmann::json doc;
  doc["prior_weight"] = e.prior_weight;
  doc["total_weight"] = e.total_weight;
  doc["probability"] = e.probability;
  doc["steps"] = nlohmann::json::array();
  for (const auto& s : e.steps) {
    doc["steps"].push_back({{"comparison", s.comparison},
                            {"left", s.left_value},
                            {"right", s.right_value},
                            {"level", s.level_label},
                            {"weight", s.weight}});
  }
  if (!role_reason.empty()) doc["role_reason"] = role_reason;
  return doc.dump();
}

// Random pairs for estimating u: the engine's default, but no more than a few times
// the pairs there are (a small database has few; sampling more only costs time).
long UPairs(const MatchRunOptions& options, double possible_pairs, long engine_default) {
  if (options.max_u_pairs > 0) return options.max_u_pairs;
  return static_cast<long>(std::min<double>(engine_default, std::max(20'000.0, 4 * possible_pairs)));
}

const char* ModelName(Role role) { return role == Role::kChild ? "identity_child" : "identity_adult"; }

// Reads the state the run starts from.
struct Snapshot {
  RoleRows children, adults;
  std::unordered_map<PersonId, long long> version;  // last journal id per person
  std::unordered_map<PersonId, long long> matched;  // person_match_state
  std::map<std::string, std::string> models;        // match_models
  std::set<std::pair<PersonId, PersonId>> linked;   // family_links (child, adult)
};

Status ReadSnapshot(Database& db, Snapshot* s) {
  Status read = PersonRepository(db).ForEach([&](Person&& p) {
    RoleRows& target = p.role == Role::kChild ? s->children : s->adults;
    target.ids.push_back(p.id);
    ListRow row;
    row.record_id = std::to_string(p.id);
    row.person = std::move(p);
    target.rows.push_back(std::move(row));
    return Status::Ok();
  });
  if (!read.ok()) return read;
  return GuardStorage("match state", [&]() -> Status {
    soci::session& session = db.session();
    long long a = 0, b = 0;
    std::string name, text;
    soci::statement versions = (session.prepare << "SELECT entity_id, MAX(id) FROM journal WHERE entity = 'person' "
                                                   "GROUP BY entity_id",
                                soci::into(a), soci::into(b));
    versions.execute();
    while (versions.fetch()) s->version[a] = b;
    soci::statement matched =
        (session.prepare << "SELECT person_id, version FROM person_match_state", soci::into(a), soci::into(b));
    matched.execute();
    while (matched.fetch()) s->matched[a] = b;
    soci::statement models = (session.prepare << "SELECT name, model FROM match_models", soci::into(name), soci::into(text));
    models.execute();
    while (models.fetch()) s->models[name] = text;
    soci::statement links =
        (session.prepare << "SELECT child_id, adult_id FROM family_links", soci::into(a), soci::into(b));
    links.execute();
    while (links.fetch()) s->linked.insert({a, b});
    return Status::Ok();
  });
}

class Matcher {
 public:
  Matcher(const Snapshot& snapshot, const MatchRunOptions& options, MatchRunReport* report)
      : s_(snapshot), options_(options), report_(report) {}

  bool Changed(PersonId id) const {
    auto v = s_.version.find(id);
    auto m = s_.matched.find(id);
    return m == s_.matched.end() || m->second != (v == s_.version.end() ? 0 : v->second);
  }

  // Deduplicates one role; full when asked or when no model is stored.
  Status Dedupe(Role role, const RoleRows& all) {
    if (all.rows.size() < 2) return Status::Ok();
    std::optional<match::FellegiSunterModel> stored;
    if (auto it = s_.models.find(ModelName(role)); it != s_.models.end() && !options_.full) {
      auto model = match::ModelFromJson(it->second);
      if (!model.ok()) return model.status();
      stored = std::move(*model);
    }
    match::Dataset everyone = match::DatasetFromRows(all.rows, ToString(role));
    match::RunOptions run_options;
    run_options.threads = options_.threads;
    run_options.log = options_.log;
    if (!stored) {  // full: dedupe everyone and keep the model
      report_->full = true;
      match::LinkSettings settings = match::CanonicalSettings(match::LinkType::kDedupe);
      const double n = static_cast<double>(all.rows.size());
      settings.em.max_u_pairs = UPairs(options_, n * (n - 1) / 2, settings.em.max_u_pairs);
      auto run = match::Linkage::Run(settings, everyone, nullptr, run_options);
      if (!run.ok()) return run.status();
      models_[ModelName(role)] = {match::ModelToJson((*run)->model()), static_cast<long long>(all.rows.size())};
      Collect(**run, all.ids, all.ids);
      for (PersonId id : all.ids) compared_.insert(id);
      return Status::Ok();
    }
    RoleRows changed;
    for (size_t i = 0; i < all.rows.size(); ++i) {
      if (!Changed(all.ids[i])) continue;
      changed.rows.push_back(all.rows[i]);
      changed.ids.push_back(all.ids[i]);
    }
    if (changed.rows.empty()) return Status::Ok();
    for (PersonId id : changed.ids) compared_.insert(id);
    match::Dataset left = match::DatasetFromRows(changed.rows, ToString(role) + " (changed)");
    const match::LinkSettings settings = match::CanonicalSettings(match::LinkType::kLink);
    run_options.model = &*stored;
    auto run = match::Linkage::Run(settings, left, &everyone, run_options);
    if (!run.ok()) return run.status();
    Collect(**run, changed.ids, all.ids);
    return Status::Ok();
  }

  // Child-adult links. Full: trains the family model over everyone and stores it.
  // Incremental: only the neighbourhood of the changed people (FamilyNeighbourhood) is
  // linked, with the stored family and identity models and name frequencies counted
  // over everyone; only links touching a changed person are proposed.
  Status Families(bool full) {
    if (s_.children.rows.empty() || s_.adults.rows.empty()) return Status::Ok();
    if (!full && compared_.empty()) return Status::Ok();
    match::FamilyLinkOptions options;
    options.threshold = options_.threshold;
    options.threads = options_.threads;
    options.log = options_.log;
    options.em.max_u_pairs = UPairs(options_, static_cast<double>(s_.children.rows.size()) * s_.adults.rows.size(),
                                    options.em.max_u_pairs);
    std::optional<match::FellegiSunterModel> family, adult;
    if (!full) {
      if (Status s = LoadModel("family", &family); !s.ok()) return s;
      if (Status s = LoadModel(ModelName(Role::kAdult), &adult); !s.ok()) return s;
    }
    if (!family) {
      auto run = match::FamilyLinkage::Run(s_.children.rows, s_.adults.rows, options);
      if (!run.ok()) return run.status();
      models_["family"] = {match::ModelToJson((*run)->model()),
                           static_cast<long long>(s_.children.rows.size() + s_.adults.rows.size())};
      Propose(**run, s_.children.ids, s_.adults.ids, /*only_changed=*/false);
      return Status::Ok();
    }
    std::vector<match::FamilyRecord> children, adults;
    std::vector<std::uint32_t> changed_children, changed_adults;
    Prepare(s_.children, &children, &changed_children);
    Prepare(s_.adults, &adults, &changed_adults);
    match::FamilyFrequencies frequencies(children, adults);
    // The weakest pair the linker keeps as a candidate (family_linker.cc).
    const double floor = std::min(options.threshold, 0.05);
    auto scope = match::FamilyNeighbourhood(children, adults, s_.children.rows, s_.adults.rows, changed_children,
                                            changed_adults, *family, frequencies, floor);
    if (!scope.ok()) return scope.status();
    report_->family_scope_people = static_cast<long>(scope->children.size() + scope->adults.size());
    if (scope->children.empty() || scope->adults.empty()) return Status::Ok();
    options.model = &*family;
    options.adult_model = adult ? &*adult : nullptr;
    options.frequencies = &frequencies;
    RoleRows part_children = Part(s_.children, scope->children), part_adults = Part(s_.adults, scope->adults);
    auto run = match::FamilyLinkage::Run(part_children.rows, part_adults.rows, options);
    if (!run.ok()) return run.status();
    Propose(**run, part_children.ids, part_adults.ids, /*only_changed=*/true);
    return Status::Ok();
  }

  std::vector<Proposal> proposals_;
  std::unordered_set<PersonId> compared_;
  std::map<std::string, std::pair<std::string, long long>> models_;  // name -> (json, records)

 private:
  void Collect(const match::Linkage& run, const std::vector<PersonId>& left_ids,
               const std::vector<PersonId>& right_ids) {
    report_->duplicate_pairs += static_cast<long>(run.pairs().size());
    for (size_t k = 0; k < run.pairs().size(); ++k) {
      std::uint32_t l = match::PairLeft(run.pairs()[k]), r = match::PairRight(run.pairs()[k]);
      PersonId a = left_ids[l], b = right_ids[r];
      if (a == b) continue;
      double p = match::WeightToProbability(run.weights()[k]);
      if (p < options_.threshold) continue;
      if (!seen_.insert({std::min(a, b), std::max(a, b)}).second) continue;  // both records changed
      match::Explanation e = run.Explain(l, r);
      if (a > b) {
        std::swap(a, b);
        for (auto& step : e.steps) std::swap(step.left_value, step.right_value);
      }
      proposals_.push_back({CandidateKind::kDuplicate, a, b, "", run.weights()[k], p, ExplanationJson(e)});
    }
  }

  // A stored model, or nothing when none is stored under `name`.
  Status LoadModel(const std::string& name, std::optional<match::FellegiSunterModel>* out) const {
    auto it = s_.models.find(name);
    if (it == s_.models.end()) return Status::Ok();
    auto model = match::ModelFromJson(it->second);
    if (!model.ok()) return model.status();
    *out = std::move(*model);
    return Status::Ok();
  }

  void Prepare(const RoleRows& all, std::vector<match::FamilyRecord>* records,
               std::vector<std::uint32_t>* changed) const {
    records->reserve(all.rows.size());
    for (std::uint32_t i = 0; i < all.rows.size(); ++i) {
      records->push_back(match::PrepareFamilyRecord(all.rows[i].person));
      if (compared_.count(all.ids[i])) changed->push_back(i);
    }
  }

  static RoleRows Part(const RoleRows& all, const std::vector<std::uint32_t>& rows) {
    RoleRows part;
    for (std::uint32_t r : rows) {
      part.rows.push_back(all.rows[r]);
      part.ids.push_back(all.ids[r]);
    }
    return part;
  }

  void Propose(const match::FamilyLinkage& run, const std::vector<PersonId>& child_ids,
               const std::vector<PersonId>& adult_ids, bool only_changed) {
    for (const auto& link : run.links()) {
      PersonId child = child_ids[link.child], adult = adult_ids[link.adult];
      if (only_changed && !compared_.count(child) && !compared_.count(adult)) continue;
      ++report_->family_pairs;
      if (s_.linked.count({child, adult})) continue;
      proposals_.push_back({CandidateKind::kFamilyLink, child, adult, match::ToString(link.role), link.weight,
                            link.probability,
                            ExplanationJson(run.Explain(link.child, link.adult), run.RoleReason(link.child, link.adult))});
    }
  }

  const Snapshot& s_;
  const MatchRunOptions& options_;
  MatchRunReport* report_;
  std::set<std::pair<PersonId, PersonId>> seen_;
};

struct Existing {
  long long id = 0;
  std::string status;
  long long left_version = 0, right_version = 0;
};

// Writes the proposals into the queue, the match state and the models.
Status Write(Database& db, const std::string& actor, Clock& clock, const Snapshot& s, const Matcher& m,
             MatchRunReport* report) {
  soci::session& session = db.session();
  std::map<std::tuple<std::string, PersonId, PersonId>, Existing> existing;
  {
    Existing e;
    std::string kind;
    long long left = 0, right = 0;
    soci::statement st = (session.prepare << "SELECT id, kind, left_id, right_id, status, left_version, right_version "
                                             "FROM review_candidates",
                          soci::into(e.id), soci::into(kind), soci::into(left), soci::into(right),
                          soci::into(e.status), soci::into(e.left_version), soci::into(e.right_version));
    st.execute();
    while (st.fetch()) existing[{kind, left, right}] = e;
  }
  const std::string now = clock.NowIso();
  std::string kind, relationship, explanation;
  long long id = 0, left = 0, right = 0, lv = 0, rv = 0;
  double weight = 0, probability = 0;
  soci::statement insert = (session.prepare << "INSERT INTO review_candidates (kind, left_id, right_id, relationship, "
                                               "match_weight, probability, explanation, status, left_version, "
                                               "right_version, created_at, updated_at) VALUES (:kind, :l, :r, :rel, "
                                               ":w, :p, :e, 'pending', :lv, :rv, :c, :u)",
                            soci::use(kind), soci::use(left), soci::use(right), soci::use(relationship),
                            soci::use(weight), soci::use(probability), soci::use(explanation), soci::use(lv),
                            soci::use(rv), soci::use(now), soci::use(now));
  soci::statement rescore = (session.prepare << "UPDATE review_candidates SET relationship = :rel, match_weight = :w, "
                                                "probability = :p, explanation = :e, left_version = :lv, "
                                                "right_version = :rv, updated_at = :u WHERE id = :id",
                             soci::use(relationship), soci::use(weight), soci::use(probability),
                             soci::use(explanation), soci::use(lv), soci::use(rv), soci::use(now), soci::use(id));
  CaseWriter writer(db, actor, clock);
  auto version = [&](PersonId p) {
    auto it = s.version.find(p);
    return it == s.version.end() ? 0LL : it->second;
  };
  std::set<std::tuple<std::string, PersonId, PersonId>> proposed;
  for (const Proposal& p : m.proposals_) {
    kind = ToString(p.kind);
    proposed.insert({kind, p.left, p.right});
    left = p.left;
    right = p.right;
    relationship = p.relationship;
    weight = p.weight;
    probability = p.probability;
    explanation = p.explanation;
    lv = version(p.left);
    rv = version(p.right);
    auto it = existing.find({kind, p.left, p.right});
    if (it == existing.end()) {
      insert.execute(true);
      ++report->candidates_new;
      continue;
    }
    const Existing& e = it->second;
    id = e.id;
    if (e.status == "pending") {
      rescore.execute(true);
      ++report->candidates_refreshed;
    } else if (e.status == "rejected" && (e.left_version != lv || e.right_version != rv)) {
      rescore.execute(true);
      auto set = writer.SetReviewStatus(e.id, "pending", "reopened by match run: a record changed since the rejection");
      if (!set.ok()) return set.status();
      ++report->candidates_reopened;
    } else if (e.status == "withdrawn") {
      rescore.execute(true);
      auto set = writer.SetReviewStatus(e.id, "pending", "proposed again by match run");
      if (!set.ok()) return set.status();
      ++report->candidates_reopened;
    } else {
      ++report->candidates_kept;
    }
  }
  // A pending pair this run scored again (one of its people was compared) but did not
  // propose no longer reaches the threshold: withdrawn, so reviewers do not decide on
  // a stale score.
  for (const auto& [key, e] : existing) {
    const auto& [what, left_id, right_id] = key;
    if (e.status != "pending" || proposed.count(key)) continue;
    if (!m.compared_.count(left_id) && !m.compared_.count(right_id)) continue;
    auto set = writer.SetReviewStatus(e.id, "withdrawn", "withdrawn by match run: no longer proposed after a change (below the threshold, or linked already)");
    if (!set.ok()) return set.status();
    ++report->candidates_withdrawn;
  }
  long long person = 0, at_version = 0;
  soci::statement state =
      (session.prepare << "INSERT INTO person_match_state (person_id, version, matched_at) VALUES (:p, :v, :at) "
                          "ON CONFLICT (person_id) DO UPDATE SET version = excluded.version, "
                          "matched_at = excluded.matched_at",
       soci::use(person), soci::use(at_version), soci::use(now));
  for (PersonId p : m.compared_) {
    person = p;
    at_version = version(p);
    state.execute(true);
  }
  for (const auto& [name, model] : m.models_) {
    session << "INSERT INTO match_models (name, model, records, trained_at) VALUES (:n, :m, :r, :at) "
               "ON CONFLICT (name) DO UPDATE SET model = excluded.model, records = excluded.records, "
               "trained_at = excluded.trained_at",
        soci::use(name), soci::use(model.first), soci::use(model.second), soci::use(now);
  }
  return Status::Ok();
}

}  // namespace

Result<MatchRunReport> RunMatching(Database& db, const std::string& actor, const MatchRunOptions& options,
                                   Clock& clock) {
  auto start = std::chrono::steady_clock::now();
  MatchRunReport report;
  Snapshot snapshot;
  if (Status s = ReadSnapshot(db, &snapshot); !s.ok()) return s;
  report.people = static_cast<long>(snapshot.children.rows.size() + snapshot.adults.rows.size());
  Matcher matcher(snapshot, options, &report);
  if (Status s = matcher.Dedupe(Role::kAdult, snapshot.adults); !s.ok()) return s;
  if (Status s = matcher.Dedupe(Role::kChild, snapshot.children); !s.ok()) return s;
  // Roles too small to dedupe still count as matched.
  for (const RoleRows* rows : {&snapshot.adults, &snapshot.children}) {
    if (rows->rows.size() >= 2) continue;
    for (PersonId id : rows->ids)
      if (options.full || matcher.Changed(id)) matcher.compared_.insert(id);
  }
  if (Status s = matcher.Families(report.full); !s.ok()) return s;
  report.compared_people = static_cast<long>(matcher.compared_.size());
  Status written = GuardStorage("match run", [&]() -> Status {
    soci::transaction tx(db.session());
    if (Status s = Write(db, actor, clock, snapshot, matcher, &report); !s.ok()) return s;
    tx.commit();
    return Status::Ok();
  });
  if (!written.ok()) return written;
  report.seconds = match::MillisecondsSince(start) / 1000.0;
  return report;
}

}  // namespace reunite
