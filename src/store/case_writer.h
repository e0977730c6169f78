// The one path through which case data changes. Every create, update and link
// appends to the change journal: actor, time, entity, entity id, field, value
// before, value after, reason. Nothing else in the code base writes the case
// tables (people, family_links); repositories only read them.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "model/family.h"
#include "model/person.h"
#include "model/provenance.h"
#include "store/database.h"

namespace reunite {

struct JournalEntry {
  std::int64_t id = 0;
  std::string actor;
  std::string at;         // ISO 8601 UTC from the Clock
  std::string entity;     // "person", "family_link"
  std::int64_t entity_id = 0;
  std::string field;      // column name; "*" for creation (after = JSON snapshot)
  std::string before;
  std::string after;
  std::string reason;
};

// Writes case data and its journal. Statements are prepared once per writer, so a
// writer used for a whole import is fast. The caller owns transactions (wrap a
// batch in soci::transaction); the writer never commits on its own, and a call
// that fails part-way (StorageError) may leave part of its writes in the open
// transaction, which the caller then rolls back. Ids are assigned by the database
// (SQLite rowid, PostgreSQL identity column), so writers on different connections
// never collide and need no table lock.
class CaseWriter {
 public:
  CaseWriter(Database& db, std::string actor, Clock& clock = DefaultClock());
  ~CaseWriter();

  // Inserts the person (person.id is ignored) and one journal entry with field "*"
  // whose `after` is a JSON snapshot of every field. Returns the new id.
  Result<PersonId> CreatePerson(const Person& person, const std::string& reason);

  // Stores `person` (person.id must exist) and journals each field whose stored
  // value differs, one entry per field with before and after. Returns the number
  // of fields changed (0 when nothing differed: no write, no journal).
  Result<int> UpdatePerson(const Person& person, const std::string& reason);

  // Adds a link between a child and an adult (both must exist with those roles);
  // AlreadyExists if that pair is already linked.
  Result<FamilyLinkId> AddFamilyLink(const FamilyLink& link, const std::string& reason);
  // Changes a link's relationship or verification, journaling each changed field.
  Result<int> UpdateFamilyLink(const FamilyLink& link, const std::string& reason);

  // Appends a provenance row (verbatim source row) and returns its id, and points
  // the record key (row.source, row.record_id) at row.person_id and this row's
  // RowHash. row.person_id must name a stored person (InvalidArgument when 0);
  // imported_at defaults to the clock's now. Provenance is append-only and is its
  // own record, so it is not journaled.
  Result<std::int64_t> AddSourceRow(const SourceRow& row);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Hex of the BLAKE2b-256 (libsodium crypto_generichash) digest of a source row's
// verbatim text: the RecordKey.row_hash an unchanged re-imported row will match.
std::string RowHash(std::string_view raw);

// Makes concurrent importers queue rather than interleave: call first inside the
// import's transaction; the lock is held until it commits or rolls back. Readers
// are not blocked. (PostgreSQL: a self-conflicting lock on source_records;
// SQLite: takes the database's single write lock now instead of at the first
// write.) StorageError if the lock cannot be had (SQLite: after the busy timeout).
Status LockForImport(Database& db);

}  // namespace reunite
