// CaseWriter's review-queue decisions: the status of a review candidate changes only
// here, journaled like every other change to case data.
#include "store/case_writer.h"
#include "store/case_writer_impl.h"
#include "store/storage_guard.h"

namespace reunite {

Result<std::string> CaseWriter::SetReviewStatus(std::int64_t candidate_id, const std::string& status,
                                                const std::string& reason) {
  return GuardStorage("set review status", [&]() -> Result<std::string> {
    soci::session& session = impl_->session;
    long long id = candidate_id;
    std::string before;
    session << "SELECT status FROM review_candidates WHERE id = :id", soci::into(before), soci::use(id);
    if (!session.got_data()) return Status::NotFound("no review candidate " + std::to_string(candidate_id));
    std::string now = impl_->clock.NowIso();
    session << "UPDATE review_candidates SET status = :status, decided_by = :actor, decided_at = :at, "
               "reason = :reason, updated_at = :updated WHERE id = :id",
        soci::use(status), soci::use(impl_->actor), soci::use(now), soci::use(reason), soci::use(now),
        soci::use(id);
    impl_->Journal("review_candidate", id, "status", before, status, reason);
    return before;
  });
}

}  // namespace reunite
