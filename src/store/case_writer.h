// The one path through which case data changes. Every create, update and link
// appends to the change journal: actor, time, entity, entity id, field, value
// before, value after, reason. Nothing else in the code base writes the case
// tables (people, family_links); repositories only read them. The workflow
// tables (migration 4) are written by workflow/WorkflowWriter, which journals
// each change through AppendJournal below, in the same transaction.
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
// writer used for a whole import is fast, and the batch calls (CreatePeople,
// AddSourceRows) spare PostgreSQL a round trip per row. The caller owns
// transactions (wrap a batch in soci::transaction); the writer never commits on
// its own, and a call that fails part-way (StorageError) may leave part of its
// writes in the open transaction, which the caller then rolls back. Ids are
// assigned by the database (SQLite rowid, PostgreSQL identity column and its
// sequence), so writers on different connections never collide and need no
// table lock.
class CaseWriter {
 public:
  CaseWriter(Database& db, std::string actor, Clock& clock = DefaultClock());
  ~CaseWriter();

  // Inserts the person (person.id is ignored) and one journal entry with field "*"
  // whose `after` is a JSON snapshot of every field. Returns the new id.
  // InvalidArgument, writing nothing, when a field cannot be stored alike on both
  // back ends (see CheckStorable in store/person_fields.h).
  Result<PersonId> CreatePerson(const Person& person, const std::string& reason);

  // CreatePerson for each of `people` in order, people[i] with reasons[i]: the
  // same rows, ids, journal entries and clock readings; returns the ids in input
  // order. InvalidArgument, writing nothing, when the sizes differ or any person
  // cannot be stored (the message names its index); StorageError part-way is
  // rolled back by the caller as for CreatePerson. On PostgreSQL each table gets
  // one statement per call, with ids drawn from the id column's own sequence
  // first; on SQLite, where a statement costs no round trip, it runs CreatePerson's
  // statements. Callers pass a few thousand people at a time: each call's rows
  // are buffered whole in memory on the way to PostgreSQL.
  Result<std::vector<PersonId>> CreatePeople(const std::vector<Person>& people,
                                             const std::vector<std::string>& reasons);

  // Stores `person` (person.id must exist) and journals each field whose stored
  // value differs, one entry per field with before and after. Returns the number
  // of fields changed (0 when nothing differed: no write, no journal).
  // InvalidArgument, writing nothing, when a field cannot be stored.
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

  // AddSourceRow for each of `rows` in order: the same rows, ids, record keys (a
  // record named twice points at its later row) and clock readings; returns the
  // ids in input order. InvalidArgument, writing nothing, when a row has no
  // person_id. Statements and ids as for CreatePeople.
  Result<std::vector<std::int64_t>> AddSourceRows(const std::vector<SourceRow>& rows);

  // Sets a review candidate's status ("pending", "accepted", "rejected"; see
  // store/review_queue.h) with decided_by = the actor, decided_at = now and `reason`,
  // and journals it (entity "review_candidate", field "status"). Returns the status
  // before. NotFound when there is no such candidate. (case_writer_review.cc)
  Result<std::string> SetReviewStatus(std::int64_t candidate_id, const std::string& status,
                                      const std::string& reason);

  // Gives the family of child `child_id` to field team `team` ("" removes the
  // assignment), journaled as entity "family_assignment" (id = the child), field
  // "team". Returns the team before ("" when none). InvalidArgument when the person
  // is not a child. (case_writer_access.cc)
  Result<std::string> SetFamilyAssignment(PersonId child_id, const std::string& team,
                                          const std::string& reason);

  // Marks person `person_id` at risk or not, with protection notes, journaled as
  // entity "person_protection" (id = the person), fields "at_risk" ("1"/"0") and
  // "notes", one entry per changed field. Returns the number of fields changed.
  // NotFound when there is no such person. (case_writer_access.cc)
  Result<int> SetPersonProtection(PersonId person_id, bool at_risk, const std::string& notes,
                                  const std::string& reason);

  // Appends one journal entry as this writer's actor at the clock's now, for the
  // layers above the store that own case tables of their own (src/workflow): they
  // write their rows in the caller's transaction and journal here, so that the
  // journal has one writer. `entity` and `field` follow docs/workflow.md.
  Status AppendJournal(const std::string& entity, std::int64_t entity_id, const std::string& field,
                       const std::string& before, const std::string& after, const std::string& reason);
  const std::string& actor() const;
  // The clock the journal reads (the same times on rows and entries).
  Clock& clock();

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
