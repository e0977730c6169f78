#include "access/services.h"

#include "access/audit.h"

namespace reunite {

AccessServices::AccessServices(Database& db, Principal principal, Clock& clock, AuditWriter* reads)
    : db_(db), clock_(clock), cases_(db, std::move(principal), clock, reads) {}

void AccessServices::AuditRefusal(const std::string& detail, const std::string& remote) {
  Principal p = principal();
  if (p.remote.empty()) p.remote = remote;
  // A failure to write it is the storage's, which the next write will meet too.
  (void)AppendAudit(db_, clock_, p, "denied", "request", 0, detail);
}

}  // namespace reunite
