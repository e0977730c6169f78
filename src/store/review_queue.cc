#include "store/review_queue.h"

#include "store/case_writer.h"
#include "store/repositories.h"
#include "store/storage_guard.h"

namespace reunite {

std::string ToString(CandidateKind kind) { return kind == CandidateKind::kDuplicate ? "duplicate" : "family_link"; }
std::string ToString(ReviewStatus status) {
  switch (status) {
    case ReviewStatus::kPending: return "pending";
    case ReviewStatus::kAccepted: return "accepted";
    case ReviewStatus::kRejected: return "rejected";
    case ReviewStatus::kWithdrawn: return "withdrawn";
  }
  return "pending";
}
std::optional<CandidateKind> CandidateKindFromString(const std::string& s) {
  if (s == "duplicate") return CandidateKind::kDuplicate;
  if (s == "family_link") return CandidateKind::kFamilyLink;
  return std::nullopt;
}
std::optional<ReviewStatus> ReviewStatusFromString(const std::string& s) {
  if (s == "pending") return ReviewStatus::kPending;
  if (s == "accepted") return ReviewStatus::kAccepted;
  if (s == "rejected") return ReviewStatus::kRejected;
  if (s == "withdrawn") return ReviewStatus::kWithdrawn;
  return std::nullopt;
}

namespace {

constexpr const char* kColumns =
    "id, kind, left_id, right_id, relationship, match_weight, probability, explanation, status, left_version, "
    "right_version, decided_by, decided_at, reason, created_at, updated_at, COALESCE(run_id, 0)";

// The statement's output buffers, bound once.
struct CandidateRow {
  long long id = 0, left = 0, right = 0, left_version = 0, right_version = 0, run_id = 0;
  std::string kind, relationship, explanation, status, decided_by, decided_at, reason, created_at, updated_at;
  double weight = 0, probability = 0;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(left));
    st.exchange(soci::into(right));
    st.exchange(soci::into(relationship));
    st.exchange(soci::into(weight));
    st.exchange(soci::into(probability));
    st.exchange(soci::into(explanation));
    st.exchange(soci::into(status));
    st.exchange(soci::into(left_version));
    st.exchange(soci::into(right_version));
    st.exchange(soci::into(decided_by));
    st.exchange(soci::into(decided_at));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(run_id));
  }
  Result<ReviewCandidate> Value() const {
    auto k = CandidateKindFromString(kind);
    auto s = ReviewStatusFromString(status);
    if (!k || !s) return Status::InvalidArgument("review candidate " + std::to_string(id) + ": unknown kind or status");
    return ReviewCandidate{id, *k, left, right, relationship, weight, probability, explanation, *s, left_version,
                           right_version, decided_by, decided_at, reason, created_at, updated_at, run_id};
  }
};

// Runs `sql` (selecting kColumns) with its text parameters, then its integer ones.
Result<std::vector<ReviewCandidate>> Select(soci::session& session, const std::string& sql,
                                            std::vector<std::string> text_params, std::vector<long long> int_params) {
  CandidateRow row;
  soci::statement st(session);
  row.Bind(st);
  for (auto& p : text_params) st.exchange(soci::use(p));
  for (auto& p : int_params) st.exchange(soci::use(p));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(false);
  std::vector<ReviewCandidate> out;
  while (st.fetch()) {
    auto value = row.Value();
    if (!value.ok()) return value.status();
    out.push_back(std::move(*value));
  }
  return out;
}

}  // namespace

Result<ReviewCandidate> ReviewQueue::Get(std::int64_t id) {
  return GuardStorage("review candidate", [&]() -> Result<ReviewCandidate> {
    auto rows = Select(db_.session(), std::string("SELECT ") + kColumns + " FROM review_candidates WHERE id = :id", {},
                       {static_cast<long long>(id)});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("no review candidate " + std::to_string(id));
    return rows->front();
  });
}

Result<std::vector<ReviewCandidate>> ReviewQueue::List(const ReviewQuery& query) {
  return GuardStorage("review list", [&]() -> Result<std::vector<ReviewCandidate>> {
    std::string sql = std::string("SELECT ") + kColumns + " FROM review_candidates WHERE 1 = 1";
    std::vector<std::string> text;
    if (query.kind) {
      sql += " AND kind = :kind";
      text.push_back(ToString(*query.kind));
    }
    if (query.status) {
      sql += " AND status = :status";
      text.push_back(ToString(*query.status));
    }
    sql += " ORDER BY probability DESC, id LIMIT :limit OFFSET :offset";
    return Select(db_.session(), sql, std::move(text),
                  {static_cast<long long>(std::max(0, query.limit)), static_cast<long long>(std::max(0, query.offset))});
  });
}

Result<long> ReviewQueue::Count(std::optional<CandidateKind> kind, std::optional<ReviewStatus> status) {
  return GuardStorage("review count", [&]() -> Result<long> {
    std::string k = kind ? ToString(*kind) : "", s = status ? ToString(*status) : "";
    long long n = 0;
    db_.session() << "SELECT COUNT(*) FROM review_candidates WHERE (:k1 = '' OR kind = :k2) AND "
                     "(:s1 = '' OR status = :s2)",
        soci::use(k), soci::use(k), soci::use(s), soci::use(s), soci::into(n);
    return static_cast<long>(n);
  });
}

Result<AcceptResult> ReviewQueue::Accept(std::int64_t id, const std::string& actor, const AcceptOptions& options) {
  if (options.verification == Verification::kRejected)
    return Status::InvalidArgument("an accepted link is claimed, documented or confirmed; use reject to reject it");
  auto candidate = Get(id);
  if (!candidate.ok()) return candidate.status();
  if (candidate->status == ReviewStatus::kAccepted)
    return Status::Conflict("review candidate " + std::to_string(id) + " is already accepted");
  FamilyLink link;
  if (candidate->kind == CandidateKind::kFamilyLink) {
    std::optional<Relationship> relationship = options.relationship;
    if (!relationship) relationship = RelationshipFromString(candidate->relationship);
    if (!relationship)
      return Status::InvalidArgument("review candidate " + std::to_string(id) + ": the relationship is '" +
                                     candidate->relationship + "'; say which with --relationship");
    link.child_id = candidate->left_id;
    link.adult_id = candidate->right_id;
    link.relationship = *relationship;
    link.verification = options.verification;
  }
  std::string reason = options.reason.empty() ? "review candidate " + std::to_string(id) + " accepted" : options.reason;
  return GuardStorage("accept review candidate", [&]() -> Result<AcceptResult> {
    soci::transaction tx(db_.session());
    CaseWriter writer(db_, actor, clock_);
    AcceptResult result;
    if (candidate->kind == CandidateKind::kFamilyLink) {
      for (const auto& existing : PersonRepository(db_).GetFamily(link.child_id).links)
        if (existing.adult_id == link.adult_id) link.id = existing.id;
      if (link.id == 0) {
        auto added = writer.AddFamilyLink(link, reason);
        if (!added.ok()) return added.status();
        result.link_id = *added;
      } else {
        auto changed = writer.UpdateFamilyLink(link, reason);
        if (!changed.ok()) return changed.status();
        result.link_id = link.id;
        result.link_existed = true;
      }
    }
    auto set = writer.SetReviewStatus(id, "accepted", reason);
    if (!set.ok()) return set.status();
    tx.commit();
    return result;
  });
}

Status ReviewQueue::Reject(std::int64_t id, const std::string& actor, const std::string& reason) {
  if (reason.empty()) return Status::InvalidArgument("a rejection needs a reason");
  auto candidate = Get(id);
  if (!candidate.ok()) return candidate.status();
  if (candidate->status == ReviewStatus::kRejected)
    return Status::Conflict("review candidate " + std::to_string(id) + " is already rejected");
  return GuardStorage("reject review candidate", [&]() -> Status {
    soci::transaction tx(db_.session());
    CaseWriter writer(db_, actor, clock_);
    auto set = writer.SetReviewStatus(id, "rejected", reason);
    if (!set.ok()) return set.status();
    tx.commit();
    return Status::Ok();
  });
}

}  // namespace reunite
