// The review queue: candidate duplicates and candidate child-parent links that
// `reunite match run` (linkage/match_run.h) proposes, with the explanation of each
// score and the run that scored it, and the reviewers' decisions on them. A match
// run writes the queue through store/match_store.h; this unit reads it and decides.
//
// A candidate is one pair: kind "duplicate" (left_id < right_id, two records that may
// be the same person) or "family_link" (left = child, right = adult, with the
// relationship the matcher suggests). Statuses: pending -> accepted | rejected, and
// withdrawn: a pending pair that a later match run no longer proposes (a record
// changed and the pair fell below the threshold); it is pending again if proposed
// again, and can still be accepted or rejected. An
// accepted family link becomes a FamilyLink (CaseWriter::AddFamilyLink, journaled)
// with verification claimed or better; an accepted duplicate stays recorded here (the
// two records are kept, nothing is merged or deleted). A rejected pair is not proposed
// again unless one of its records changes (match_store.h). Decisions are journaled
// (entity "review_candidate") through CaseWriter::SetReviewStatus.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "model/family.h"
#include "model/person.h"
#include "store/database.h"

namespace reunite {

enum class CandidateKind { kDuplicate, kFamilyLink };
enum class ReviewStatus { kPending, kAccepted, kRejected, kWithdrawn };

std::string ToString(CandidateKind kind);    // "duplicate", "family_link"
std::string ToString(ReviewStatus status);   // "pending", "accepted", "rejected", "withdrawn"
std::optional<CandidateKind> CandidateKindFromString(const std::string& s);
std::optional<ReviewStatus> ReviewStatusFromString(const std::string& s);

struct ReviewCandidate {
  std::int64_t id = 0;
  CandidateKind kind = CandidateKind::kDuplicate;
  PersonId left_id = 0, right_id = 0;
  std::string relationship;  // family_link: father, mother, legal_guardian, other_relative, unknown
  double match_weight = 0, probability = 0;
  // Why it scored so, as match/explanation_json.h writes it (read it with
  // ExplanationFromJson; the store keeps it as text).
  std::string explanation;
  ReviewStatus status = ReviewStatus::kPending;
  std::int64_t left_version = 0, right_version = 0;  // journal ids the pair was scored on
  std::string decided_by, decided_at, reason;        // the last status change
  std::string created_at, updated_at;
  // The match run whose score and explanation these are (store/match_store.h); 0 for
  // a candidate scored before runs were recorded.
  std::int64_t run_id = 0;
};

struct ReviewQuery {
  std::optional<CandidateKind> kind;
  std::optional<ReviewStatus> status;
  int limit = 50;  // negative reads as 0
  int offset = 0;
};

struct AcceptOptions {
  Verification verification = Verification::kClaimed;  // kRejected is refused
  // Family links: overrides the suggested relationship; required when it is "unknown".
  std::optional<Relationship> relationship;
  std::string reason;
};

struct AcceptResult {
  FamilyLinkId link_id = 0;  // the family link added or updated; 0 for a duplicate
  bool link_existed = false;  // the pair was already linked: the link was updated
};

class ReviewQueue {
 public:
  explicit ReviewQueue(Database& db, Clock& clock = DefaultClock()) : db_(db), clock_(clock) {}

  // NotFound when there is no such candidate; StorageError when the database fails.
  Result<ReviewCandidate> Get(std::int64_t id);
  // Candidates matching the query, most probable first (then by id).
  Result<std::vector<ReviewCandidate>> List(const ReviewQuery& query);
  // Number of candidates of the kind and status (either may be absent: any).
  Result<long> Count(std::optional<CandidateKind> kind, std::optional<ReviewStatus> status);

  // Accepts a pending or rejected candidate, in one transaction: for a family link,
  // adds the FamilyLink (or updates the pair's existing link) with the relationship
  // and verification; then sets the status, journaled. Refuses (InvalidArgument,
  // writing nothing) verification kRejected, a family link whose relationship is
  // "unknown" without options.relationship; Conflict when already accepted; NotFound.
  Result<AcceptResult> Accept(std::int64_t id, const std::string& actor, const AcceptOptions& options);
  // Rejects a pending or accepted candidate (an accepted family link's FamilyLink is
  // left as is: change it with `reunite link`). InvalidArgument for an empty reason;
  // Conflict when already rejected; NotFound.
  Status Reject(std::int64_t id, const std::string& actor, const std::string& reason);

 private:
  Database& db_;
  Clock& clock_;
};

}  // namespace reunite
