// The protected service over the review queue (store/review_queue.h) that front
// ends use: every call checks that the principal may review matches
// (Action::kReviewMatches), refusals are audited as "denied", decisions are
// audited as "review_accept" / "review_reject", and the two people of a pair are
// read through CaseAccess so that withholding (and its audit) applies to them.
// One candidate comes with its explanation decoded (match/explanation_json.h) and
// the health of the models of the run that scored it (store/match_store.h), so the
// front ends show both without reading JSON themselves.
//
// Explanations copy the records' values (phones, home places): every candidate
// returned, listed or single, carries its explanation with the values the reader
// may not see of either record withheld (access/review_explanation.h), the groups
// withheld, and whether it touches a protected person (access/protected_people.h).
// A read that shows a person's phones or location through an explanation is
// audited ("read_protected", entity person), as CaseAccess audits person reads.
//
// Rejecting a duplicate candidate that touches a protected person takes protection
// away from a record (it no longer is the same person), so it needs
// Action::kRemoveProtection, as taking a person off "at risk" does.
//
// Not thread-safe: one ReviewAccess per request, on that request's Database.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "access/case_access.h"
#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "match/explain.h"
#include "match/model_health.h"
#include "store/database.h"
#include "store/match_store.h"
#include "store/review_queue.h"

namespace reunite {

// What the reader may see of one candidate, beside the candidate itself.
struct CandidateProtection {
  std::vector<std::string> withheld;  // groups withheld from the explanation ("location", "phones")
  bool touches_protected = false;     // a record of the pair is a protected person
};

struct ReviewItem {
  ReviewCandidate candidate;  // explanation: as withheld for the reader
  CandidateProtection protection;
  PersonView left, right;  // as the principal may see them
  // The candidate's explanation; empty, with explanation_error saying why, when the
  // stored text does not read.
  std::optional<match::Explanation> explanation;
  std::string explanation_error;
  // The run that scored the candidate and the health of its models; no run for a
  // candidate scored before runs were recorded. Health that does not read is one
  // entry whose problem says so.
  std::optional<MatchRunRecord> run;
  std::vector<match::ModelHealth> health;
  // A model behind the score was unhealthy (it had problems: safe priors were used
  // instead, or it was forced): the front ends show a warning.
  bool health_warning = false;
};

struct ReviewPage {
  std::vector<ReviewCandidate> items;  // explanations as withheld for the reader ("" in kSummary)
  std::vector<CandidateProtection> protection;  // one per item, in the same order
  long total = 0;  // candidates matching the kind and status, before limit and offset
};

// kSummary leaves the explanations out (the queue page, finding the next
// candidate): nothing of a person is read, so nothing is audited.
enum class ReviewListDetail { kWithExplanations, kSummary };

class ReviewAccess {
 public:
  ReviewAccess(Database& db, Principal principal, Clock& clock = DefaultClock());

  Result<ReviewPage> List(const ReviewQuery& query, ReviewListDetail detail = ReviewListDetail::kWithExplanations);
  // How many candidates have the kind and status (either absent: any), for the
  // dashboard: nothing of a person is read.
  Result<long> Count(std::optional<CandidateKind> kind, std::optional<ReviewStatus> status);
  // The candidate, both people, its explanation and its run's model health. Errors:
  // PermissionDenied, NotFound, StorageError; an explanation or health that does not
  // read is reported in the item, not as an error.
  Result<ReviewItem> Get(std::int64_t id);
  Result<AcceptResult> Accept(std::int64_t id, const AcceptOptions& options);
  Status Reject(std::int64_t id, const std::string& reason);

 private:
  Status Check(const std::string& what);
  Status AddRunHealth(ReviewItem* item);
  // Withholds what the reader may not see in `c`'s explanation (re-encoded into
  // c->explanation; "" when it does not read), records in `shown` the groups of each
  // person that still show, and says whether the pair touches a protected person.
  // `decoded`, when given, receives the withheld explanation or the decoding error.
  Result<CandidateProtection> Protect(CaseAccess& people, ReviewCandidate* c,
                                      std::map<PersonId, std::set<std::string>>* shown,
                                      ReviewItem* decoded = nullptr);
  Result<bool> TouchesProtected(CaseAccess& people, const ReviewCandidate& c);
  // One "read_protected" entry per person and groups, written together.
  Status AuditShown(const std::map<PersonId, std::set<std::string>>& shown, const std::string& where);

  Database& db_;
  Principal principal_;
  Clock& clock_;
};

}  // namespace reunite
