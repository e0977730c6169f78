#include "web/refusal_audit.h"

#include "access/audit.h"
#include "web/case_request.h"
#include "web/client_address.h"
#include "store/database_pool.h"

namespace reunite::web {

namespace {

// "POST /families/12/team: missing or wrong CSRF token". The path only: a query
// may hold a person's name.
std::string Detail(const httplib::Request& req, const std::string& why) {
  return req.method + " " + req.path + ": " + why;
}

// At most 100 bytes of what a stranger typed, cut on a character boundary.
std::string Claimed(const std::string& typed) {
  if (typed.size() <= 100) return typed;
  std::size_t cut = 100;
  while (cut > 0 && (static_cast<unsigned char>(typed[cut]) & 0xC0) == 0x80) --cut;
  return typed.substr(0, cut);
}

}  // namespace

void AuditRefusal(CaseRequest& cr, const httplib::Request& req, const std::string& why) {
  // The authenticator set the client's address (behind --trusted-proxy too).
  cr.services.AuditRefusal(Detail(req, why), req.remote_addr);
}

void AuditRefusal(const RouteContext& ctx, const httplib::Request& req, const reunite::Principal& who,
                  const std::string& why) {
  if (!ctx.pool) return;
  auto db = ctx.pool->Acquire();
  AccessServices(*db, who).AuditRefusal(Detail(req, why), req.remote_addr);
}

void AuditAnonymousRefusal(const RouteContext& ctx, const httplib::Request& req, const std::string& claimed,
                           const std::string& why) {
  if (!ctx.pool) return;
  auto db = ctx.pool->Acquire();
  AuditEntry e;
  e.actor = Claimed(claimed);
  e.action = "denied";
  e.entity = "request";
  e.detail = Detail(req, why);
  e.remote = ClientAddress(req, ctx.trusted_proxy);
  (void)AppendAuditEntry(*db, DefaultClock(), std::move(e));
}

}  // namespace reunite::web
