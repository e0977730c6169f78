#include "access/audit.h"

#include <algorithm>

#include "store/storage_guard.h"

namespace reunite {

Status AppendAuditEntry(Database& db, Clock& clock, AuditEntry e) {
  return GuardStorage("audit log", [&]() -> Status {
    e.at = clock.NowIso();
    const long long id = e.entity_id;
    db.session() << "INSERT INTO audit_log (at, actor, role, action, entity, entity_id, detail, remote) "
                    "VALUES (:at, :actor, :role, :action, :entity, :eid, :detail, :remote)",
        soci::use(e.at), soci::use(e.actor), soci::use(e.role), soci::use(e.action), soci::use(e.entity),
        soci::use(id), soci::use(e.detail), soci::use(e.remote);
    return Status::Ok();
  });
}

Status AppendAudit(Database& db, Clock& clock, const Principal& principal, const std::string& action,
                   const std::string& entity, std::int64_t entity_id, const std::string& detail) {
  AuditEntry e;
  e.actor = principal.username;
  e.role = ToString(principal.role);
  e.action = action;
  e.entity = entity;
  e.entity_id = entity_id;
  e.detail = detail;
  e.remote = principal.remote;
  return AppendAuditEntry(db, clock, std::move(e));
}

Result<std::vector<AuditEntry>> QueryAudit(Database& db, const AuditQuery& query) {
  return GuardStorage("read audit log", [&]() -> Result<std::vector<AuditEntry>> {
    // Every filter is always bound; an empty one matches everything, so the SQL
    // text is fixed and the placeholders never depend on which filters are set.
    std::string sql =
        "SELECT id, at, actor, role, action, entity, entity_id, detail, remote FROM audit_log "
        "WHERE (:a1 = '' OR actor = :a2) AND (:c1 = '' OR action = :c2) AND (:e1 = '' OR entity = :e2) "
        "AND (:s1 = '' OR at >= :s2) AND (:u1 = '' OR at < :u2) ORDER BY id DESC LIMIT " +
        std::to_string(std::max(query.limit, 0)) + " OFFSET " + std::to_string(std::max(query.offset, 0));
    AuditEntry e;
    long long id = 0, entity_id = 0;
    soci::statement st = (db.session().prepare << sql, soci::into(id), soci::into(e.at), soci::into(e.actor),
                          soci::into(e.role), soci::into(e.action), soci::into(e.entity), soci::into(entity_id),
                          soci::into(e.detail), soci::into(e.remote), soci::use(query.actor),
                          soci::use(query.actor), soci::use(query.action), soci::use(query.action),
                          soci::use(query.entity), soci::use(query.entity), soci::use(query.since),
                          soci::use(query.since), soci::use(query.until), soci::use(query.until));
    std::vector<AuditEntry> out;
    for (st.execute(); st.fetch();) {
      e.id = id;
      e.entity_id = entity_id;
      out.push_back(e);
    }
    return out;
  });
}

Result<long> CountAudit(Database& db, const AuditQuery& query) {
  return GuardStorage("count audit log", [&]() -> Result<long> {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM audit_log WHERE (:a1 = '' OR actor = :a2) AND (:c1 = '' OR action = :c2) "
                    "AND (:e1 = '' OR entity = :e2) AND (:s1 = '' OR at >= :s2) AND (:u1 = '' OR at < :u2)",
        soci::use(query.actor), soci::use(query.actor), soci::use(query.action), soci::use(query.action),
        soci::use(query.entity), soci::use(query.entity), soci::use(query.since), soci::use(query.since),
        soci::use(query.until), soci::use(query.until), soci::into(n);
    return static_cast<long>(n);
  });
}

}  // namespace reunite
