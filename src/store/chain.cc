#include "store/chain.h"

#include <sodium.h>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

namespace reunite {

namespace {

void AddEncoded(crypto_generichash_state& state, std::string_view bytes) {
  unsigned char length[8];
  const unsigned long long n = bytes.size();
  for (int i = 0; i < 8; ++i) length[i] = static_cast<unsigned char>(n >> (8 * (7 - i)));
  crypto_generichash_update(&state, length, sizeof length);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

// The 32 bytes a stored hash stands for; a malformed one (an edited row) reads as
// zeros, which can only make the next entry's hash not match.
void HashBytes(const std::string& hex, unsigned char (&out)[32]) {
  std::fill(std::begin(out), std::end(out), 0);
  size_t used = 0;
  if (hex.size() != 64 || sodium_hex2bin(out, sizeof out, hex.data(), hex.size(), nullptr, &used, nullptr) != 0 ||
      used != sizeof out)
    std::fill(std::begin(out), std::end(out), 0);
}


}  // namespace

const ChainTable& JournalChain() {
  static const ChainTable table{"journal",
                                "reunite/journal/1",
                                {"actor", "at", "entity", "entity_id", "field", "before_value", "after_value",
                                 "reason"},
                                {"entity_id"}};
  return table;
}

const ChainTable& AuditChain() {
  static const ChainTable table{"audit_log",
                                "reunite/audit_log/1",
                                {"at", "actor", "role", "action", "entity", "entity_id", "detail", "remote"},
                                {"entity_id"}};
  return table;
}

const std::vector<const ChainTable*>& AllChains() {
  static const std::vector<const ChainTable*> all = {&JournalChain(), &AuditChain()};
  return all;
}

const std::string& GenesisHash() {
  static const std::string zeros(64, '0');
  return zeros;
}

std::string ChainHash(const ChainTable& table, const std::string& previous, long long seq, long long id,
                      const std::vector<std::string_view>& fields) {
  static const int sodium_ready = sodium_init();  // picks the fastest code; hashing works without it
  (void)sodium_ready;
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  unsigned char prev[32];
  HashBytes(previous, prev);
  crypto_generichash_update(&state, prev, sizeof prev);
  AddEncoded(state, table.tag);
  AddEncoded(state, std::to_string(seq));
  AddEncoded(state, std::to_string(id));
  for (std::string_view f : fields) AddEncoded(state, f);
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::vector<StoredChainEntry> ReadChainEntries(soci::session& session, const ChainTable& table, long long after,
                                               std::size_t limit) {
  std::string columns;
  for (const std::string& f : table.fields) {
    const bool integer = std::find(table.integer_fields.begin(), table.integer_fields.end(), f) !=
                         table.integer_fields.end();
    columns += ", " + (integer ? "CAST(" + f + " AS TEXT)" : f);
  }
  StoredChainEntry e;
  e.fields.resize(table.fields.size());
  soci::statement st = PrepareStatement(session,
      "SELECT id, seq, hash" + columns + " FROM " + table.name + " WHERE id > :after ORDER BY id LIMIT " +
          std::to_string(limit),
      [&](soci::statement& s) {
        s.exchange(soci::into(e.id));
        s.exchange(soci::into(e.seq));
        s.exchange(soci::into(e.hash));
        for (std::string& f : e.fields) s.exchange(soci::into(f));
        s.exchange(soci::use(after));
      });
  std::vector<StoredChainEntry> out;
  out.reserve(limit);
  for (st.execute(); st.fetch();) out.push_back(e);
  return out;
}

bool InTransaction(Database& db) {
  if (db.backend() == Backend::kPostgres) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(db.session().get_backend());
    return PQtransactionStatus(backend->conn_) != PQTRANS_IDLE;
  }
  auto* backend = static_cast<soci::sqlite3_session_backend*>(db.session().get_backend());
  return sqlite_api::sqlite3_get_autocommit(backend->conn_) == 0;
}

ChainAppender& ChainAppender::For(Database& db, const ChainTable& table) {
  std::shared_ptr<void>& slot = db.Prepared("chain_appender." + table.name);
  if (!slot) slot = std::make_shared<ChainAppender>(db, table);
  return *static_cast<ChainAppender*>(slot.get());
}

// PostgreSQL: one round trip, reunite_chain_reserve (migration 8) locks, reads the
// last entry and draws the ids from the id column's own sequence. SQLite: a write
// statement that changes nothing takes the database's write lock (before the read,
// so that the read sees the latest commit), then the last entry gives the place,
// the hash and, being the highest id, the next ids (SQLite's rowid rule).
ChainAppender::ChainAppender(Database& db, const ChainTable& table)
    : db_(db), table_(table), reserve_(db.session()), lock_(db.session()) {
  soci::session& sql = db.session();
  const std::string& name = table.name;
  if (db.backend() == Backend::kPostgres) {
    reserve_ = PrepareStatement(sql,
                                "SELECT last_seq, last_hash, new_id FROM reunite_chain_reserve('" + name + "', :n)",
                                [&](soci::statement& st) {
                                  st.exchange(soci::use(n_));
                                  st.exchange(soci::into(last_seq_));
                                  st.exchange(soci::into(last_hash_));
                                  st.exchange(soci::into(last_id_));
                                });
  } else {
    lock_ = PrepareStatement(sql, "DELETE FROM chain_locks WHERE 1 = 0", [](soci::statement&) {});
    reserve_ = PrepareStatement(sql,
        "SELECT COALESCE(MAX(seq), 0), COALESCE(MAX(hash), ''), COALESCE(MAX(id), 0) FROM (SELECT seq, hash, id FROM " +
            name + " ORDER BY id DESC LIMIT 1)",
        [&](soci::statement& st) {
          st.exchange(soci::into(last_seq_));
          st.exchange(soci::into(last_hash_));
          st.exchange(soci::into(last_id_));
        });
  }
}

void ChainAppender::Reserve(std::size_t n) {
  n_ = static_cast<long long>(n);
  ids_.clear();
  linked_ = 0;
  if (n == 0) return;
  // Outside a transaction the lock would end with the statement that takes it.
  if (!InTransaction(db_)) throw soci::soci_error(table_.name + ": chained outside a transaction");
  const bool postgres = db_.backend() == Backend::kPostgres;
  if (!postgres) lock_.execute(true);
  // Read to the end: an SQLite statement left mid-result keeps its read
  // transaction (and a stale snapshot) open past the commit.
  for (reserve_.execute(false); reserve_.fetch();) ids_.push_back(last_id_);
  if (postgres) {
    std::sort(ids_.begin(), ids_.end());
  } else {
    ids_.resize(n);
    for (std::size_t i = 0; i < n; ++i) ids_[i] = last_id_ + 1 + static_cast<long long>(i);
  }
  if (ids_.size() != n) throw soci::soci_error(table_.name + ": could not reserve places in its chain");
  first_seq_ = last_seq_ + 1;
  // An empty chain, or one whose last entry was written around Reunite, follows
  // the genesis hash (ChainHash reads a malformed hash as zeros).
  previous_ = last_hash_.empty() ? GenesisHash() : last_hash_;
}

std::string ChainAppender::Link(const std::vector<std::string_view>& fields) {
  std::string hash = ChainHash(table_, previous_, seq(linked_), ids_.at(linked_), fields);
  ++linked_;
  previous_ = hash;
  return hash;
}

}  // namespace reunite
