// The protected service over the review queue (store/review_queue.h) that front
// ends use: every call checks that the principal may review matches
// (Action::kReviewMatches), refusals are audited as "denied", decisions are
// audited as "review_accept" / "review_reject", and the two people of a pair are
// read through CaseAccess so that withholding (and its audit) applies to them.
//
// Not thread-safe: one ReviewAccess per request, on that request's Database.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "access/case_access.h"
#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"
#include "store/review_queue.h"

namespace reunite {

struct ReviewItem {
  ReviewCandidate candidate;
  PersonView left, right;  // as the principal may see them
};

struct ReviewPage {
  std::vector<ReviewCandidate> items;
  long total = 0;  // candidates matching the kind and status, before limit and offset
};

class ReviewAccess {
 public:
  ReviewAccess(Database& db, Principal principal, Clock& clock = DefaultClock());

  Result<ReviewPage> List(const ReviewQuery& query);
  Result<ReviewItem> Get(std::int64_t id);
  Result<AcceptResult> Accept(std::int64_t id, const AcceptOptions& options);
  Status Reject(std::int64_t id, const std::string& reason);

 private:
  Status Check(const std::string& what);

  Database& db_;
  Principal principal_;
  Clock& clock_;
};

}  // namespace reunite
