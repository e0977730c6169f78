// The database side of a match run (the run itself is linkage/match_run.h): the state
// a run starts from, and the one transaction that writes what it found: proposals
// meeting the review queue (store/review_queue.h), withdrawals, the match state, the
// models it trained, and the record of the run (match_runs) with its counts and the
// health of its models. The store knows nothing of the matcher: models, their health
// and explanations are text here, written and read by match/model_json.h,
// match/model_health.h and match/explanation_json.h.
//
// A person's version is the id of the last journal entry about them (every change
// goes through CaseWriter, which journals it); person_match_state keeps the version
// each person was last matched at, so a person whose version differs is new or changed.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "model/person.h"
#include "store/database.h"
#include "store/review_queue.h"

namespace reunite {

// What a run did, as `reunite match run` prints it and match_runs keeps it.
struct MatchRunCounts {
  bool full = false;            // a full run for at least one role
  long people = 0;              // people in the database
  long compared_people = 0;     // people matched this run (new or changed; everyone on a full run)
  long duplicate_pairs = 0;     // record pairs scored by the identity model
  long family_pairs = 0;        // child-adult links found that involve a compared person
  long family_scope_people = 0;   // incremental: children and adults family-linked again (0 on a full run)
  long candidates_new = 0;      // pairs added to the queue
  long candidates_refreshed = 0;  // pending pairs rescored
  long candidates_reopened = 0;   // rejected or withdrawn pairs pending again
  long candidates_kept = 0;       // decided pairs left as they were
  long candidates_withdrawn = 0;  // pending pairs no longer proposed
};

// One row of match_runs.
struct MatchRunRecord {
  std::int64_t id = 0;
  std::string started_at, finished_at, actor;
  MatchRunCounts counts;
  std::string model_health;  // a JSON array (match/model_health.h HealthsToJson)
};

// A model kept between runs (match_models); incremental runs score with it.
struct StoredModel {
  std::string name;       // "identity_adult", "identity_child", "family"
  std::string model;      // match/model_json.h
  long long records = 0;  // records it was trained on
  std::string health;     // match/model_health.h HealthToJson; "" when trained before health was kept
  std::string trained_at;
};

// A pending candidate, as a run finds the queue.
struct QueuedCandidate {
  std::int64_t id = 0;
  CandidateKind kind = CandidateKind::kDuplicate;
  PersonId left = 0, right = 0;
};

struct MatchState {
  std::unordered_map<PersonId, std::int64_t> version;  // last journal id per person
  std::unordered_map<PersonId, std::int64_t> matched;  // version each was last matched at
  std::map<std::string, StoredModel> models;           // by name
  std::set<std::pair<PersonId, PersonId>> linked;      // family_links (child, adult), any verification
  std::vector<QueuedCandidate> pending;

  std::int64_t Version(PersonId id) const;  // 0 for a person never journaled
  bool Changed(PersonId id) const;          // never matched, or changed since
};

// Reads the state (not the people: PersonRepository::ForEach reads them). StorageError.
Result<MatchState> ReadMatchState(Database& db);

// A pair the matcher proposes for review: left < right for a duplicate, child and
// adult for a family link.
struct CandidateProposal {
  CandidateKind kind = CandidateKind::kDuplicate;
  PersonId left = 0, right = 0;
  std::string relationship;  // family links
  double weight = 0, probability = 0;
  std::string explanation;   // match/explanation_json.h
};

// A pending pair the matcher no longer proposes, and why ("after a change, the pair
// scores 0.12, below the threshold 0.50").
struct CandidateWithdrawal {
  CandidateKind kind = CandidateKind::kDuplicate;
  PersonId left = 0, right = 0;
  std::string reason;
};

struct MatchRunOutcome {
  std::string started_at;
  MatchRunCounts counts;  // the candidates_* counts are RecordMatchRun's to fill
  std::vector<CandidateProposal> proposals;
  std::vector<CandidateWithdrawal> withdrawals;
  std::vector<PersonId> compared;   // now matched, at their version in the state
  std::vector<StoredModel> models;  // trained this run; trained_at is set to the run's end
  std::string model_health;         // every model the run trained or loaded (HealthsToJson)
};

// Writes the outcome in one transaction (nothing on error), as run `id` of match_runs:
//   - a proposal of a new pair is queued pending; a pending one gets its score,
//     explanation, versions and run refreshed; an accepted one is kept as it is; a
//     rejected one stays rejected unless either person's version differs from the one
//     it was scored on, when it is rescored and reopened (pending); a withdrawn one is
//     rescored and pending again;
//   - a withdrawal of a pair still pending sets it withdrawn (others are ignored);
//   - every status change goes through CaseWriter::SetReviewStatus, journaled by
//     `actor` with a reason that names the run ("withdrawn by match run 7: ...");
//   - person_match_state takes the compared people's versions, match_models the models.
// Returns the run's record with the candidates_* counts. StorageError.
Result<MatchRunRecord> RecordMatchRun(Database& db, const std::string& actor, const MatchState& state,
                                      const MatchRunOutcome& outcome, Clock& clock = DefaultClock());

// One run; NotFound when there is none with that id. StorageError.
Result<MatchRunRecord> GetMatchRun(Database& db, std::int64_t id);

}  // namespace reunite
