#include "access/review_access.h"

#include "access/audit.h"
#include "access/policy.h"
#include "match/explanation_json.h"

namespace reunite {

ReviewAccess::ReviewAccess(Database& db, Principal principal, Clock& clock)
    : db_(db), principal_(std::move(principal)), clock_(clock) {}

// Same wording and audit as CaseAccess::Deny, so refusals read alike in the log.
Status ReviewAccess::Check(const std::string& what) {
  if (Allowed(principal_, Action::kReviewMatches)) return Status::Ok();
  (void)AppendAudit(db_, clock_, principal_, "denied", "", 0, what);
  return Status::PermissionDenied(ToString(principal_.role) + " " + principal_.username + " may not " + what);
}

Result<ReviewPage> ReviewAccess::List(const ReviewQuery& query) {
  if (Status s = Check("review matches"); !s.ok()) return s;
  ReviewQueue queue(db_, clock_);
  Result<std::vector<ReviewCandidate>> items = queue.List(query);
  if (!items.ok()) return items.status();
  Result<long> total = queue.Count(query.kind, query.status);
  if (!total.ok()) return total.status();
  return ReviewPage{std::move(*items), *total};
}

Result<ReviewItem> ReviewAccess::Get(std::int64_t id) {
  if (Status s = Check("review matches"); !s.ok()) return s;
  Result<ReviewCandidate> candidate = ReviewQueue(db_, clock_).Get(id);
  if (!candidate.ok()) return candidate.status();
  CaseAccess people(db_, principal_, clock_);
  Result<PersonView> left = people.GetPerson(candidate->left_id);
  if (!left.ok()) return left.status();
  Result<PersonView> right = people.GetPerson(candidate->right_id);
  if (!right.ok()) return right.status();
  ReviewItem item;
  item.candidate = std::move(*candidate);
  item.left = std::move(*left);
  item.right = std::move(*right);
  auto explanation = match::ExplanationFromJson(item.candidate.explanation);
  if (explanation.ok()) {
    item.explanation = std::move(*explanation);
  } else {
    item.explanation_error = explanation.status().message();
  }
  if (Status s = AddRunHealth(&item); !s.ok()) return s;
  return item;
}

// The run that scored the candidate, and its models' health.
Status ReviewAccess::AddRunHealth(ReviewItem* item) {
  if (item->candidate.run_id == 0) return Status::Ok();
  Result<MatchRunRecord> run = GetMatchRun(db_, item->candidate.run_id);
  if (!run.ok()) return run.status();
  auto health = match::HealthsFromJson(run->model_health);
  if (health.ok()) {
    item->health = std::move(*health);
  } else {
    match::ModelHealth unreadable;
    unreadable.model = "match run " + std::to_string(run->id);
    unreadable.problems.push_back("its model health does not read: " + health.status().message());
    item->health.push_back(std::move(unreadable));
  }
  item->run = std::move(*run);
  for (const auto& h : item->health) item->health_warning = item->health_warning || !h.ok();
  return Status::Ok();
}

// The queue commits its own transaction (SOCI transactions do not nest), so the
// audit entry follows the decision; a failed audit write is reported, not hidden.
Result<AcceptResult> ReviewAccess::Accept(std::int64_t id, const AcceptOptions& options) {
  if (Status s = Check("accept review candidates"); !s.ok()) return s;
  Result<AcceptResult> result = ReviewQueue(db_, clock_).Accept(id, principal_.username, options);
  if (!result.ok()) return result;
  std::string detail = "verification " + ToString(options.verification);
  if (options.relationship) detail += ", relationship " + ToString(*options.relationship);
  if (!options.reason.empty()) detail += ": " + options.reason;
  if (Status s = AppendAudit(db_, clock_, principal_, "review_accept", "review_candidate", id, detail); !s.ok())
    return s;
  return result;
}

Status ReviewAccess::Reject(std::int64_t id, const std::string& reason) {
  if (Status s = Check("reject review candidates"); !s.ok()) return s;
  if (Status s = ReviewQueue(db_, clock_).Reject(id, principal_.username, reason); !s.ok()) return s;
  return AppendAudit(db_, clock_, principal_, "review_reject", "review_candidate", id, reason);
}

}  // namespace reunite
