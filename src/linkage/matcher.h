// Internal to linkage/: the matching half of a match run (linkage/match_run.h). From
// everyone in the database and the stored state it decides which pairs to propose,
// which pending pairs to withdraw and why, which models to store, and the health of
// every model it trained or loaded. It writes nothing: RunMatching hands its outcome
// to store/match_store.h.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ingest/agency_list.h"
#include "linkage/match_run.h"
#include "match/family_linker.h"
#include "match/linker.h"
#include "match/model.h"
#include "match/model_health.h"
#include "store/match_store.h"

namespace reunite {

// Everyone of one role, as the engine's rows (record_id = the person id).
struct RoleRows {
  std::vector<ListRow> rows;
  std::vector<PersonId> ids;
  std::unordered_map<PersonId, std::uint32_t> index;  // person -> row

  void Add(Person person);
  std::optional<std::uint32_t> Row(PersonId id) const;
};

class Matcher {
 public:
  // Everything given must outlive the matcher; it fills *outcome (not its
  // started_at, model_health or candidates_* counts).
  Matcher(const MatchState& state, const RoleRows& children, const RoleRows& adults, const MatchRunOptions& options,
          MatchRunOutcome* outcome);

  // Deduplicates one role: in full (and the model stored) when asked or when no model
  // is stored for it, else the changed people against everyone with the stored model.
  Status Dedupe(Role role);
  // People of a role too small to dedupe count as matched (call after Dedupe).
  void MatchSmallRoles();
  // Child-adult links: in full when a role was retrained or no family model is
  // stored, else the neighbourhood of the compared people.
  Status Families();
  // Withdraws the pending pairs no step gave a reason for, and lists the compared
  // people. Call last.
  void Finish();

  const std::vector<match::ModelHealth>& health() const { return health_; }

 private:
  using Key = std::tuple<CandidateKind, PersonId, PersonId>;
  // A pair's probability scored now, or nothing when the scorer does not cover it.
  using Scorer = std::function<std::optional<double>(PersonId, PersonId)>;

  match::RunOptions EngineOptions() const;
  Status DedupeInFull(Role role, const RoleRows& all);
  Status DedupeChanged(Role role, const RoleRows& all);
  Status LoadModel(const std::string& name, std::optional<match::FellegiSunterModel>* out);
  void Trained(const std::string& name, const match::FellegiSunterModel& model, match::ModelHealth health,
               long long records);
  void Collect(const match::Linkage& run, const std::vector<PersonId>& left_ids,
               const std::vector<PersonId>& right_ids);
  Status FamiliesInFull(const match::FamilyLinkOptions& options);
  Status FamiliesNearChanges(match::FamilyLinkOptions options, const match::FellegiSunterModel& family);
  void Propose(const match::FamilyLinkage& run, const RoleRows& children, const RoleRows& adults,
               bool only_compared);
  void Withdraw(CandidateKind kind, const Scorer& score, const std::string& above_threshold);
  void WithdrawFamilyLinks(const match::FellegiSunterModel& model, const match::FamilyFrequencies* frequencies);

  const MatchState& state_;
  const RoleRows& children_;
  const RoleRows& adults_;
  const MatchRunOptions& options_;
  MatchRunOutcome* out_;
  std::unordered_set<PersonId> compared_;
  std::set<Key> proposed_, withdrawn_;
  std::vector<match::ModelHealth> health_;
};

}  // namespace reunite
