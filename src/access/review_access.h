// The protected service over the review queue (store/review_queue.h) that front
// ends use: every call checks that the principal may review matches
// (Action::kReviewMatches), refusals are audited as "denied", decisions are
// audited as "review_accept" / "review_reject", and the two people of a pair are
// read through CaseAccess so that withholding (and its audit) applies to them.
// One candidate comes with its explanation decoded (match/explanation_json.h) and
// the health of the models of the run that scored it (store/match_store.h), so the
// front ends show both without reading JSON themselves.
//
// Not thread-safe: one ReviewAccess per request, on that request's Database.
#pragma once
#include <cstdint>
#include <optional>
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

struct ReviewItem {
  ReviewCandidate candidate;
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
  std::vector<ReviewCandidate> items;
  long total = 0;  // candidates matching the kind and status, before limit and offset
};

class ReviewAccess {
 public:
  ReviewAccess(Database& db, Principal principal, Clock& clock = DefaultClock());

  Result<ReviewPage> List(const ReviewQuery& query);
  // The candidate, both people, its explanation and its run's model health. Errors:
  // PermissionDenied, NotFound, StorageError; an explanation or health that does not
  // read is reported in the item, not as an error.
  Result<ReviewItem> Get(std::int64_t id);
  Result<AcceptResult> Accept(std::int64_t id, const AcceptOptions& options);
  Status Reject(std::int64_t id, const std::string& reason);

 private:
  Status Check(const std::string& what);
  Status AddRunHealth(ReviewItem* item);

  Database& db_;
  Principal principal_;
  Clock& clock_;
};

}  // namespace reunite
