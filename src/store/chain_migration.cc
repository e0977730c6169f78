#include "store/chain_migration.h"

#include "store/chain.h"

namespace reunite {

namespace {

constexpr std::size_t kChunk = 2000;

// "{1,2,3}": a PostgreSQL array literal of values that need no quoting (numbers, hex).
template <typename T>
std::string ArrayLiteral(const std::vector<T>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    if constexpr (std::is_same_v<T, std::string>) out += values[i];
    else out += std::to_string(values[i]);
  }
  return out + "}";
}

// Writes the places and hashes of one chunk: a statement per row on SQLite (no
// round trip), one per chunk on PostgreSQL.
void StoreLinks(soci::session& session, Backend backend, const ChainTable& table, const std::vector<long long>& ids,
                const std::vector<long long>& seqs, const std::vector<std::string>& hashes) {
  if (backend == Backend::kPostgres) {
    const std::string id_list = ArrayLiteral(ids), seq_list = ArrayLiteral(seqs), hash_list = ArrayLiteral(hashes);
    session << "UPDATE " + table.name + " SET seq = v.seq, hash = v.hash FROM (SELECT unnest(CAST(:i AS BIGINT[])) AS id, "
               "unnest(CAST(:s AS BIGINT[])) AS seq, unnest(CAST(:h AS TEXT[])) AS hash) v WHERE " + table.name +
               ".id = v.id",
        soci::use(id_list), soci::use(seq_list), soci::use(hash_list);
    return;
  }
  long long id = 0, seq = 0;
  std::string hash;
  soci::statement update = (session.prepare << "UPDATE " + table.name + " SET seq = :s, hash = :h WHERE id = :id",
                            soci::use(seq), soci::use(hash), soci::use(id));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    id = ids[i];
    seq = seqs[i];
    hash = hashes[i];
    update.execute(true);
  }
}

void ChainTableEntries(soci::session& session, Backend backend, const ChainTable& table) {
  long long after = 0, seq = 0;
  std::string previous = GenesisHash();
  for (;;) {
    std::vector<StoredChainEntry> chunk = ReadChainEntries(session, table, after, kChunk);
    if (chunk.empty()) break;
    std::vector<long long> ids, seqs;
    std::vector<std::string> hashes;
    for (const StoredChainEntry& e : chunk) {
      previous = ChainHash(table, previous, ++seq, e.id, e.Fields());
      ids.push_back(e.id);
      seqs.push_back(seq);
      hashes.push_back(previous);
    }
    StoreLinks(session, backend, table, ids, seqs, hashes);
    after = chunk.back().id;
  }
  session << "INSERT INTO chain_locks (chain) VALUES (:c)", soci::use(table.name);
}

}  // namespace

void ChainExistingEntries(soci::session& session, Backend backend) {
  // The append-only triggers of migration 3 refuse the UPDATE that fills the new
  // columns; lifted for this transaction only.
  if (backend == Backend::kPostgres) {
    session << "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change";
  } else {
    session << "DROP TRIGGER audit_log_no_update";
    session << "DROP TRIGGER audit_log_no_delete";
  }
  for (const ChainTable* table : AllChains()) ChainTableEntries(session, backend, *table);
  if (backend == Backend::kPostgres) {
    session << "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change";
  } else {
    session << "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END";
    session << "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
               "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END";
  }
}

}  // namespace reunite
