// Hash chains over the change journal and the audit log, so that an entry edited,
// removed, slipped in or moved in the database is noticed (issue 13, item 14).
//
// Each entry stores its place in its chain (`seq`: 1, 2, 3, ... without gaps, in id
// order) and `hash`: BLAKE2b-256 over the previous entry's hash and a canonical
// encoding of the entry's own fields, its seq and id included (docs/audit_chain.md
// defines the encoding byte for byte). store/chain_verify.h walks a chain and
// checks anchors.
//
// Order under concurrent writers: a chain is one line, so appends to it take turns.
// ChainAppender::Reserve locks the chain's row in `chain_locks` for the rest of the
// caller's transaction and only then reads the chain's last entry: on PostgreSQL a
// row lock (SELECT ... FOR UPDATE, inside a function so that the read after the
// lock sees what the previous holder committed: READ COMMITTED takes a snapshot per
// statement, and the function's statements run after the wait), on SQLite the
// database's one write lock. Ids are drawn under that lock too, so ids and places
// rise together, and no two writers chain to the same predecessor. A row lock, not
// a table lock: readers of the journal and the log never wait for it, and the
// journal's writers do not wait for the audit log's. Nothing is written to the lock
// row (a row updated at every append of a long transaction grows a chain of row
// versions that PostgreSQL walks at each update). The lock is held until commit, so
// a long transaction that journals (an import) makes other journal writers wait on
// PostgreSQL as they already do on SQLite; transactions that write both take the
// journal's lock before the audit log's (their audit entry comes last), so two of
// them cannot deadlock.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace reunite {

// A chained table and how its entries are encoded.
struct ChainTable {
  std::string name;                 // the table, also its row in chain_locks: "journal", "audit_log"
  std::string tag;                  // the encoding's first field: "reunite/journal/1", "reunite/audit_log/1"
  std::vector<std::string> fields;  // hashed columns after seq and id, in order
  std::vector<std::string> integer_fields;  // those of them stored as BIGINT (hashed as decimal text)
};
const ChainTable& JournalChain();  // actor, at, entity, entity_id, field, before_value, after_value, reason
const ChainTable& AuditChain();    // at, actor, role, action, entity, entity_id, detail, remote
const std::vector<const ChainTable*>& AllChains();

// The hash before the first entry: 64 zeros.
const std::string& GenesisHash();

// The hash (64 lowercase hex digits) of the entry at `seq` with `id` and `fields`
// (the table's fields in order, integers as decimal text), following `previous`.
std::string ChainHash(const ChainTable& table, const std::string& previous, long long seq, long long id,
                      const std::vector<std::string_view>& fields);

// An entry as stored: its id, place, hash and hashed fields (integers as text).
struct StoredChainEntry {
  long long id = 0;
  long long seq = 0;
  std::string hash;
  std::vector<std::string> fields;
  std::vector<std::string_view> Fields() const { return {fields.begin(), fields.end()}; }
};

// Up to `limit` entries of `table` with an id above `after`, in id order. Throws
// soci::soci_error.
std::vector<StoredChainEntry> ReadChainEntries(soci::session& session, const ChainTable& table, long long after,
                                               std::size_t limit);

// True when `db` is inside a transaction (SQLite: not in autocommit; PostgreSQL:
// the connection is not idle).
bool InTransaction(Database& db);

// Appends to one chain on one connection; cached per connection (For), its
// statements prepared once. Member functions throw soci::soci_error.
class ChainAppender {
 public:
  static ChainAppender& For(Database& db, const ChainTable& table);

  // Locks the chain until the caller's transaction ends (the caller must be in
  // one) and reserves `n` places: the entries the caller inserts next, in order,
  // with id(i), seq(i) and the hashes Link returns.
  void Reserve(std::size_t n);
  long long id(std::size_t i) const { return ids_[i]; }
  long long seq(std::size_t i) const { return first_seq_ + static_cast<long long>(i); }
  // The hash of the next reserved entry (0, 1, ... in turn) with `fields`.
  std::string Link(const std::vector<std::string_view>& fields);

  ChainAppender(Database& db, const ChainTable& table);

 private:
  Database& db_;
  const ChainTable& table_;
  soci::statement reserve_, lock_;
  long long n_ = 0, last_seq_ = 0, last_id_ = 0;
  std::string last_hash_;
  std::vector<long long> ids_;
  long long first_seq_ = 0;
  std::size_t linked_ = 0;
  std::string previous_;
};

}  // namespace reunite
