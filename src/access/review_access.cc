#include "access/review_access.h"

#include "access/audit.h"
#include "access/policy.h"
#include "access/review_explanation.h"
#include "match/explanation_json.h"
#include "store/storage_guard.h"

namespace reunite {

ReviewAccess::ReviewAccess(Database& db, Principal principal, Clock& clock)
    : db_(db), principal_(std::move(principal)), clock_(clock) {}

// Same wording and audit as CaseAccess::Deny, so refusals read alike in the log.
Status ReviewAccess::Check(const std::string& what) {
  if (Allowed(principal_, Action::kReviewMatches)) return Status::Ok();
  (void)AppendAudit(db_, clock_, principal_, "denied", "", 0, what);
  return Status::PermissionDenied(ToString(principal_.role) + " " + principal_.username + " may not " + what);
}

namespace {

Withholding Everything() {
  Withholding w;
  w.home_location = w.facility = w.phones = w.notes = true;
  return w;
}

void Merge(Withholding& into, const Withholding& w) {
  into.home_location |= w.home_location;
  into.facility |= w.facility;
  into.phones |= w.phones;
  into.notes |= w.notes;
}

// The records whose values one side of a candidate shows: the pair's own and, for
// a family link scored on another record of the adult, that record too.
std::vector<PersonId> SideRecords(PersonId candidate_id, const std::string& explained) {
  std::vector<PersonId> ids{candidate_id};
  const PersonId other = ExplanationRecord(explained);
  if (other && other != candidate_id) ids.push_back(other);
  return ids;
}

// What a person view just read (and CaseAccess audited) takes out of `shown`.
void AlreadyAudited(std::map<PersonId, std::set<std::string>>& shown, const PersonView& view) {
  auto it = shown.find(view.person.id);
  if (it == shown.end()) return;
  const Location& l = view.person.location;
  if (!(l.facility.empty() && l.country.empty() && l.department.empty() && l.municipality.empty() &&
        l.village.empty() && l.text.empty()))
    it->second.erase(kWithheldLocation);
  if (!view.person.phones.empty()) it->second.erase(kWithheldPhones);
  if (it->second.empty()) shown.erase(it);
}

}  // namespace

Result<bool> ReviewAccess::TouchesProtected(CaseAccess& people, const ReviewCandidate& c) {
  Result<const std::set<PersonId>*> protected_people = people.ProtectedSet();
  if (!protected_people.ok()) return protected_people.status();
  std::vector<PersonId> ids{c.left_id, c.right_id};
  auto explanation = match::ExplanationFromJson(c.explanation);
  if (explanation.ok())
    for (const std::string& record : {explanation->left_id, explanation->right_id})
      if (PersonId id = ExplanationRecord(record)) ids.push_back(id);
  for (PersonId id : ids)
    if ((*protected_people)->count(id)) return true;
  return false;
}

Result<CandidateProtection> ReviewAccess::Protect(CaseAccess& people, ReviewCandidate* c,
                                                  std::map<PersonId, std::set<std::string>>* shown,
                                                  ReviewItem* decoded) {
  CandidateProtection out;
  auto explanation = match::ExplanationFromJson(c->explanation);
  if (!explanation.ok()) {
    // Text that does not read cannot be vouched for: none of it is passed on.
    Result<bool> touches = TouchesProtected(people, *c);
    if (!touches.ok()) return touches.status();
    out.touches_protected = *touches;
    c->explanation.clear();
    if (decoded) decoded->explanation_error = explanation.status().message();
    return out;
  }
  match::Explanation& e = *explanation;
  Withholding sides[2];
  const PersonId pair[2] = {c->left_id, c->right_id};
  const std::string* records[2] = {&e.left_id, &e.right_id};
  for (int side = 0; side < 2; ++side) {
    for (PersonId id : SideRecords(pair[side], *records[side])) {
      Result<CaseAccess::PersonWithholding> w = people.WithholdingFor(id);
      if (!w.ok() && w.status().code() != StatusCode::kNotFound) return w.status();
      // A record that is gone cannot say what may be shown of it: nothing is.
      Merge(sides[side], w.ok() ? w->withheld : Everything());
      out.touches_protected = out.touches_protected || (w.ok() && w->protected_person);
    }
  }
  out.withheld = WithholdExplanation(e, sides[0], sides[1]);
  if (shown)
    for (int side = 0; side < 2; ++side) {
      const PersonId record = ExplanationRecord(*records[side]) ? ExplanationRecord(*records[side]) : pair[side];
      for (const std::string& group : ShownExplanationGroups(e, side == 0)) (*shown)[record].insert(group);
    }
  c->explanation = match::ExplanationToJson(e);
  if (decoded) decoded->explanation = std::move(e);
  return out;
}

Status ReviewAccess::AuditShown(const std::map<PersonId, std::set<std::string>>& shown, const std::string& where) {
  if (shown.empty()) return Status::Ok();
  return GuardStorage("audit", [&]() -> Status {
    soci::transaction tx(db_.session());
    for (const auto& [person, groups] : shown) {
      std::string detail;
      for (const std::string& g : groups) detail += (detail.empty() ? "" : ",") + g;
      if (Status s = AppendAudit(db_, clock_, principal_, "read_protected", "person", person,
                                 detail + " (" + where + ")");
          !s.ok())
        return s;
    }
    tx.commit();
    return Status::Ok();
  });
}

Result<ReviewPage> ReviewAccess::List(const ReviewQuery& query, ReviewListDetail detail) {
  if (Status s = Check("review matches"); !s.ok()) return s;
  ReviewQueue queue(db_, clock_);
  Result<std::vector<ReviewCandidate>> items = queue.List(query);
  if (!items.ok()) return items.status();
  Result<long> total = queue.Count(query.kind, query.status);
  if (!total.ok()) return total.status();
  ReviewPage page{std::move(*items), {}, *total};
  CaseAccess people(db_, principal_, clock_);
  std::map<PersonId, std::set<std::string>> shown;
  for (ReviewCandidate& c : page.items) {
    if (detail == ReviewListDetail::kSummary) {
      Result<bool> touches = TouchesProtected(people, c);
      if (!touches.ok()) return touches.status();
      c.explanation.clear();
      page.protection.push_back({{}, *touches});
      continue;
    }
    Result<CandidateProtection> protection = Protect(people, &c, &shown);
    if (!protection.ok()) return protection.status();
    page.protection.push_back(std::move(*protection));
  }
  if (Status s = AuditShown(shown, "review list"); !s.ok()) return s;
  return page;
}

Result<long> ReviewAccess::Count(std::optional<CandidateKind> kind, std::optional<ReviewStatus> status) {
  if (Status s = Check("review matches"); !s.ok()) return s;
  return ReviewQueue(db_, clock_).Count(kind, status);
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
  std::map<PersonId, std::set<std::string>> shown;
  Result<CandidateProtection> protection = Protect(people, &item.candidate, &shown, &item);
  if (!protection.ok()) return protection.status();
  item.protection = std::move(*protection);
  AlreadyAudited(shown, item.left);
  AlreadyAudited(shown, item.right);
  if (Status s = AuditShown(shown, "review candidate " + std::to_string(id)); !s.ok()) return s;
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
  Result<ReviewCandidate> candidate = ReviewQueue(db_, clock_).Get(id);
  if (!candidate.ok()) return candidate.status();
  // "Not the same person" lifts protection from the record that had it through the pair.
  if (candidate->kind == CandidateKind::kDuplicate && candidate->status != ReviewStatus::kRejected &&
      !Allowed(principal_, Action::kRemoveProtection)) {
    CaseAccess people(db_, principal_, clock_);
    Result<bool> touches = TouchesProtected(people, *candidate);
    if (!touches.ok()) return touches.status();
    if (*touches) {
      (void)AppendAudit(db_, clock_, principal_, "denied", "review_candidate", id,
                        "reject a duplicate of a protected person");
      return Status::PermissionDenied(ToString(principal_.role) + " " + principal_.username +
                                      " may not reject a duplicate of a protected person (coordinators and admins may)");
    }
  }
  if (Status s = ReviewQueue(db_, clock_).Reject(id, principal_.username, reason); !s.ok()) return s;
  return AppendAudit(db_, clock_, principal_, "review_reject", "review_candidate", id, reason);
}

}  // namespace reunite
