#include "access/audit.h"

#include <algorithm>
#include <optional>

#include "store/chain.h"
#include "store/storage_guard.h"

namespace reunite {

Status InsertAuditEntries(Database& db, const std::vector<const AuditEntry*>& entries) {
  if (entries.empty()) return Status::Ok();
  return GuardStorage("audit log", [&]() -> Status {
    soci::session& sql = db.session();
    AuditEntry e;
    long long id = 0, seq = 0, entity_id = 0;
    std::string hash;
    std::optional<soci::transaction> own;  // the chain stays locked until the entries are in
    if (!InTransaction(db)) own.emplace(sql);
    soci::statement insert =
        (sql.prepare << "INSERT INTO audit_log (id, seq, hash, at, actor, role, action, entity, entity_id, "
                        "detail, remote) VALUES (:id, :seq, :hash, :at, :actor, :role, :action, :entity, :eid, "
                        ":detail, :remote)",
         soci::use(id), soci::use(seq), soci::use(hash), soci::use(e.at), soci::use(e.actor), soci::use(e.role),
         soci::use(e.action), soci::use(e.entity), soci::use(entity_id), soci::use(e.detail), soci::use(e.remote));
    ChainAppender& chain = ChainAppender::For(db, AuditChain());
    chain.Reserve(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
      e = *entries[i];
      entity_id = e.entity_id;
      id = chain.id(i);
      seq = chain.seq(i);
      const std::string eid = std::to_string(entity_id);
      // AuditChain()'s fields, in its order.
      hash = chain.Link({e.at, e.actor, e.role, e.action, e.entity, eid, e.detail, e.remote});
      insert.execute(true);
    }
    if (own) own->commit();
    return Status::Ok();
  });
}

Status AppendAuditEntry(Database& db, Clock& clock, AuditEntry e) {
  e.at = clock.NowIso();
  return InsertAuditEntries(db, {&e});
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
