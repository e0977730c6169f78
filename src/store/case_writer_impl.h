// Internal to store/: CaseWriter's state, shared by case_writer.cc (one row per
// call) and case_writer_batch.cc (many rows per call). Member functions throw
// soci::soci_error; the public CaseWriter methods wrap them in GuardStorage.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/case_writer.h"
#include "store/person_fields.h"

namespace reunite {

// Statements are prepared on first use and kept for the writer's life; each call
// fills the member buffers they are bound to and executes.
struct CaseWriter::Impl {
  Impl(Database& db, std::string actor, Clock& clock)
      : db(db),
        session(db.session()),
        postgres(db.backend() == Backend::kPostgres),
        actor(std::move(actor)),
        clock(clock),
        person(PersonColumns().size() + 1) {}

  Database& db;
  soci::session& session;
  const bool postgres;
  const std::string actor;
  Clock& clock;

  // people: PersonColumns() values, then search_key. Sized once: the statements
  // hold references to its elements.
  std::vector<std::string> person;
  long long person_id = 0;
  std::optional<soci::statement> insert_person, update_person;

  // Journal entries are chained (store/chain.h) when written: one at a time, or
  // those of a whole call at once while a JournalBatch is open, so the chain is
  // locked and its last entry read once for them all.
  JournalEntry entry;
  long long entry_entity_id = 0, entry_id = 0, entry_seq = 0;
  std::string entry_hash;
  std::optional<soci::statement> insert_journal;
  std::vector<JournalEntry> pending_journal;
  bool batching_journal = false;

  SourceRow row;
  std::string row_hash;
  long long row_line = 0, row_person = 0, row_id = 0;
  std::optional<soci::statement> insert_row, upsert_record;

  std::map<std::string, std::string> id_sequences;  // PostgreSQL: table -> its id column's sequence

  // New ids: PostgreSQL returns them (INSERT ... RETURNING id, into `id`); on
  // SQLite the connection's last rowid is read instead, which costs a C call
  // where RETURNING costs a buffered result row and an extra step per insert.
  std::string Returning() const { return postgres ? " RETURNING id" : ""; }
  void BindNewId(soci::statement& st, long long& id) const {
    if (postgres) st.exchange(soci::into(id));
  }
  bool ExecuteInsert(soci::statement& st, const char* table, long long& id) {
    if (postgres) return st.execute(true);
    st.execute(true);
    return session.get_last_insert_id(table, id);
  }

  void BindPerson(soci::statement& st) {
    for (auto& v : person) st.exchange(soci::use(v));
  }
  void SetPerson(const Person& p, const FieldList& fields) {
    for (size_t i = 0; i < fields.size(); ++i) person[i] = fields[i].second;
    person.back() = PersonSearchKey(p);
  }

  soci::statement& InsertPersonStmt();
  soci::statement& UpdatePersonStmt();
  soci::statement& InsertRowStmt();
  soci::statement& UpsertRecordStmt();
  void Journal(const std::string& entity, long long id, const std::string& field, std::string before,
               std::string after, const std::string& reason);
  void WriteJournal();  // chains and inserts pending_journal

  Result<PersonId> CreatePerson(const Person& p, const std::string& reason);
  Result<PersonId> InsertPerson(const Person& p, const std::string& reason);  // p already checked
  Result<int> UpdatePerson(const Person& p, const std::string& reason);
  Result<FamilyLinkId> AddFamilyLink(const FamilyLink& link, const std::string& reason);
  Result<int> UpdateFamilyLink(const FamilyLink& link, const std::string& reason);
  Result<std::int64_t> AddSourceRow(const SourceRow& source_row);
  Status CheckLinkEnds(const FamilyLink& link);

  Result<std::vector<PersonId>> CreatePeople(const std::vector<Person>& people,
                                             const std::vector<std::string>& reasons);
  Result<std::vector<std::int64_t>> AddSourceRows(const std::vector<SourceRow>& rows);
  std::vector<PersonId> BulkCreatePeople(const std::vector<Person>& people, const std::vector<std::string>& reasons);
  std::vector<std::int64_t> BulkAddSourceRows(const std::vector<SourceRow>& rows);
  void BulkUpsertRecords(const std::vector<SourceRow>& rows, const std::vector<long long>& ids,
                         const std::vector<std::string>& hashes);
  std::vector<long long> ReserveIds(const std::string& table, size_t n);

  // Holds back the journal entries of one call until Write, which chains and inserts
  // them together; entries not written (an error part-way) are dropped.
  class JournalBatch {
   public:
    explicit JournalBatch(Impl& impl) : impl_(impl) {
      impl_.pending_journal.clear();
      impl_.batching_journal = true;
    }
    ~JournalBatch() {
      impl_.batching_journal = false;
      impl_.pending_journal.clear();
    }
    JournalBatch(const JournalBatch&) = delete;
    JournalBatch& operator=(const JournalBatch&) = delete;
    void Write() {
      impl_.batching_journal = false;
      impl_.WriteJournal();
    }

   private:
    Impl& impl_;
  };
};

// The fields of a journal entry that its hash covers, in JournalChain()'s order;
// `entity_id` is the entity id's decimal text.
inline std::vector<std::string_view> JournalFields(const JournalEntry& e, const std::string& entity_id) {
  return {e.actor, e.at, e.entity, entity_id, e.field, e.before, e.after, e.reason};
}

// The SQL of the source_records upsert's conflict clause: the record key follows
// the newest row of the record (portable to SQLite >= 3.24 and PostgreSQL >= 9.5).
inline constexpr const char* kRecordUpsert =
    "ON CONFLICT (source, record_id) DO UPDATE SET person_id = excluded.person_id, "
    "row_hash = excluded.row_hash, last_row_id = excluded.last_row_id";

}  // namespace reunite
