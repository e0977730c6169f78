#include "store/case_writer.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include <optional>

#include "store/case_writer_impl.h"
#include "store/chain.h"
#include "store/person_fields.h"
#include "store/row_readers.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

// ":p0, :p1, ..." for n placeholders.
std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i ? ", :p" : ":p") + std::to_string(i);
  return out;
}

std::string LinkSnapshot(const FamilyLink& link) {
  nlohmann::json json = {{"id", link.id},
                         {"child_id", link.child_id},
                         {"adult_id", link.adult_id},
                         {"relationship", ToString(link.relationship)},
                         {"verification", ToString(link.verification)}};
  return json.dump();
}


}  // namespace

soci::statement& CaseWriter::Impl::InsertPersonStmt() {
  if (!insert_person) {
    std::vector<std::string> columns = PersonColumns();
    columns.push_back("search_key");
    std::string names;
    for (const auto& c : columns) names += (names.empty() ? "" : ", ") + c;
    insert_person = PrepareStatement(session,
        "INSERT INTO people (" + names + ") VALUES (" + Placeholders(columns.size()) + ")" + Returning(),
        [&](soci::statement& st) {
          BindPerson(st);
          BindNewId(st, person_id);
        });
  }
  return *insert_person;
}

// Writes the whole row: simpler than per-column statements, and an update is
// rare next to the journal entries it produces.
soci::statement& CaseWriter::Impl::UpdatePersonStmt() {
  if (!update_person) {
    std::vector<std::string> columns = PersonColumns();
    columns.push_back("search_key");
    std::string sets;
    for (size_t i = 0; i < columns.size(); ++i)
      sets += (i ? ", " : "") + columns[i] + " = :p" + std::to_string(i);
    update_person = PrepareStatement(session, "UPDATE people SET " + sets + " WHERE id = :id",
        [&](soci::statement& st) { BindPerson(st); st.exchange(soci::use(person_id)); });
  }
  return *update_person;
}

void CaseWriter::Impl::Journal(const std::string& entity, long long id, const std::string& field,
                               std::string before, std::string after, const std::string& reason) {
  pending_journal.push_back({0, actor, clock.NowIso(), entity, id, field, std::move(before), std::move(after), reason});
  if (!batching_journal) WriteJournal();
}

// An entry needs its predecessor's hash, so the chain is locked before the first
// is hashed; outside a transaction one is opened for the entries.
void CaseWriter::Impl::WriteJournal() {
  std::vector<JournalEntry> entries;
  entries.swap(pending_journal);  // taken even if writing them fails: they belong to the failed call
  if (entries.empty()) return;
  if (!insert_journal)
    insert_journal = PrepareStatement(session,
        "INSERT INTO journal (id, seq, hash, actor, at, entity, entity_id, field, before_value, after_value, reason) "
        "VALUES (:id, :seq, :hash, :actor, :at, :entity, :entity_id, :field, :before, :after, :reason)",
        [&](soci::statement& st) {
          st.exchange(soci::use(entry_id));
          st.exchange(soci::use(entry_seq));
          st.exchange(soci::use(entry_hash));
          st.exchange(soci::use(entry.actor));
          st.exchange(soci::use(entry.at));
          st.exchange(soci::use(entry.entity));
          st.exchange(soci::use(entry_entity_id));
          st.exchange(soci::use(entry.field));
          st.exchange(soci::use(entry.before));
          st.exchange(soci::use(entry.after));
          st.exchange(soci::use(entry.reason));
        });
  std::optional<soci::transaction> own;
  if (!InTransaction(db)) own.emplace(session);
  ChainAppender& chain = ChainAppender::For(db, JournalChain());
  chain.Reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    entry = std::move(entries[i]);
    entry_entity_id = entry.entity_id;
    entry_id = chain.id(i);
    entry_seq = chain.seq(i);
    entry_hash = chain.Link(JournalFields(entry, std::to_string(entry.entity_id)));
    insert_journal->execute(true);
  }
  if (own) own->commit();
}

soci::statement& CaseWriter::Impl::InsertRowStmt() {
  if (!insert_row)
    insert_row = PrepareStatement(session,
        "INSERT INTO source_rows (source, record_id, file_name, line, raw, row_hash, person_id, imported_at) "
        "VALUES (:source, :record_id, :file_name, :line, :raw, :row_hash, :person_id, :imported_at)" +
            Returning(),
        [&](soci::statement& st) {
          st.exchange(soci::use(row.source));
          st.exchange(soci::use(row.record_id));
          st.exchange(soci::use(row.file_name));
          st.exchange(soci::use(row_line));
          st.exchange(soci::use(row.raw));
          st.exchange(soci::use(row_hash));
          st.exchange(soci::use(row_person));
          st.exchange(soci::use(row.imported_at));
          BindNewId(st, row_id);
        });
  return *insert_row;
}

soci::statement& CaseWriter::Impl::UpsertRecordStmt() {
  if (!upsert_record)
    upsert_record = PrepareStatement(session,
        std::string("INSERT INTO source_records (source, record_id, person_id, row_hash, last_row_id) "
                    "VALUES (:source, :record_id, :person_id, :row_hash, :row_id) ") + kRecordUpsert,
        [&](soci::statement& st) {
          st.exchange(soci::use(row.source));
          st.exchange(soci::use(row.record_id));
          st.exchange(soci::use(row_person));
          st.exchange(soci::use(row_hash));
          st.exchange(soci::use(row_id));
        });
  return *upsert_record;
}

Result<PersonId> CaseWriter::Impl::CreatePerson(const Person& p, const std::string& reason) {
  if (Status s = CheckStorable(p); !s.ok()) return s;
  return InsertPerson(p, reason);
}

Result<PersonId> CaseWriter::Impl::InsertPerson(const Person& p, const std::string& reason) {
  const FieldList fields = ToFields(p);
  SetPerson(p, fields);
  if (!ExecuteInsert(InsertPersonStmt(), "people", person_id)) return Status::Internal("no id for new person");
  const PersonId id = person_id;
  Journal("person", id, "*", "", PersonSnapshotJson(id, fields), reason);
  return id;
}

Result<int> CaseWriter::Impl::UpdatePerson(const Person& p, const std::string& reason) {
  if (Status s = CheckStorable(p); !s.ok()) return s;
  const long long id = p.id;
  Result<std::vector<Person>> stored = SelectPeople(session, "WHERE id = :id", BindId(id));
  if (!stored.ok()) return stored.status();
  if (stored->empty()) return Status::NotFound("no person " + std::to_string(id));
  const FieldList before = ToFields(stored->front()), after = ToFields(p);
  std::vector<size_t> changed;
  for (size_t i = 0; i < before.size(); ++i)
    if (before[i].second != after[i].second) changed.push_back(i);
  if (changed.empty()) return 0;
  if (p.role != stored->front().role) {
    // A link's ends are checked by role when it is made; a role change would
    // silently invalidate the links already made.
    long long links = 0, a = id, b = id;
    session << "SELECT COUNT(*) FROM family_links WHERE child_id = :a OR adult_id = :b", soci::use(a),
        soci::use(b), soci::into(links);
    if (links > 0) return Status::Conflict("person " + std::to_string(id) + " has family links; role kept");
  }
  SetPerson(p, after);
  person_id = id;
  UpdatePersonStmt().execute(true);
  JournalBatch batch(*this);
  for (size_t i : changed) {
    const std::string& column = before[i].first;
    Journal("person", id, column, JournalValue(column, before[i].second), JournalValue(column, after[i].second),
            reason);
  }
  batch.Write();
  return static_cast<int>(changed.size());
}

Status CaseWriter::Impl::CheckLinkEnds(const FamilyLink& link) {
  for (auto [id, want] : {std::pair{link.child_id, Role::kChild}, std::pair{link.adult_id, Role::kAdult}}) {
    std::optional<Role> role = StoredRole(session, id);
    if (!role) return Status::InvalidArgument("no person " + std::to_string(id));
    if (*role != want)
      return Status::InvalidArgument("person " + std::to_string(id) + " is not " +
                                     (want == Role::kChild ? "a child" : "an adult"));
  }
  return Status::Ok();
}

Result<FamilyLinkId> CaseWriter::Impl::AddFamilyLink(const FamilyLink& link, const std::string& reason) {
  if (Status s = CheckLinkEnds(link); !s.ok()) return s;
  long long child = link.child_id, adult = link.adult_id, id = 0;
  auto existing = SelectLinks(session, "WHERE child_id = :c AND adult_id = :a", [&](soci::statement& st) {
    st.exchange(soci::use(child));
    st.exchange(soci::use(adult));
  });
  if (!existing.ok()) return existing.status();
  if (!existing->empty())
    return Status::AlreadyExists("child " + std::to_string(child) + " and adult " + std::to_string(adult) +
                                 " are already linked (link " + std::to_string(existing->front().id) + ")");
  std::string rel = ToString(link.relationship), ver = ToString(link.verification);
  session << "INSERT INTO family_links (child_id, adult_id, relationship, verification) "
             "VALUES (:c, :a, :r, :v) RETURNING id",
      soci::use(child), soci::use(adult), soci::use(rel), soci::use(ver), soci::into(id);
  FamilyLink stored = link;
  stored.id = id;
  Journal("family_link", id, "*", "", LinkSnapshot(stored), reason);
  return id;
}

Result<int> CaseWriter::Impl::UpdateFamilyLink(const FamilyLink& link, const std::string& reason) {
  long long id = link.id;
  auto found = SelectLinks(session, "WHERE id = :id", BindId(id));
  if (!found.ok()) return found.status();
  if (found->empty()) return Status::NotFound("no family link " + std::to_string(id));
  const FamilyLink& old = found->front();
  if ((link.child_id && link.child_id != old.child_id) || (link.adult_id && link.adult_id != old.adult_id))
    return Status::InvalidArgument("a family link's child and adult cannot change; add a new link");
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> changes;
  if (link.relationship != old.relationship)
    changes.push_back({"relationship", {ToString(old.relationship), ToString(link.relationship)}});
  if (link.verification != old.verification)
    changes.push_back({"verification", {ToString(old.verification), ToString(link.verification)}});
  if (changes.empty()) return 0;
  std::string rel = ToString(link.relationship), ver = ToString(link.verification);
  session << "UPDATE family_links SET relationship = :r, verification = :v WHERE id = :id", soci::use(rel),
      soci::use(ver), soci::use(id);
  JournalBatch batch(*this);
  for (auto& [field, values] : changes) Journal("family_link", id, field, values.first, values.second, reason);
  batch.Write();
  return static_cast<int>(changes.size());
}

Result<std::int64_t> CaseWriter::Impl::AddSourceRow(const SourceRow& source_row) {
  if (source_row.person_id <= 0) return Status::InvalidArgument("a source row needs the person it describes");
  row = source_row;
  if (row.imported_at.empty()) row.imported_at = clock.NowIso();
  row_hash = RowHash(row.raw);
  row_line = row.line;
  row_person = row.person_id;
  if (!ExecuteInsert(InsertRowStmt(), "source_rows", row_id)) return Status::Internal("no id for source row");
  UpsertRecordStmt().execute(true);
  return static_cast<std::int64_t>(row_id);
}

std::string RowHash(std::string_view raw) {
  // sodium_init picks the fastest implementation for this CPU; generichash works
  // without it, so a failure here is not fatal.
  static const int sodium_ready = sodium_init();
  (void)sodium_ready;
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                     nullptr, 0);
  char hex[2 * crypto_generichash_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Status LockForImport(Database& db) {
  return GuardStorage("lock for import", [&]() -> Status {
    if (db.backend() == Backend::kPostgres)
      db.session() << "LOCK TABLE source_records IN SHARE ROW EXCLUSIVE MODE";
    else
      db.session() << "DELETE FROM source_records WHERE 1 = 0";  // a write statement takes the lock
    return Status::Ok();
  });
}

CaseWriter::CaseWriter(Database& db, std::string actor, Clock& clock)
    : impl_(std::make_unique<Impl>(db, std::move(actor), clock)) {}
CaseWriter::~CaseWriter() = default;

Result<PersonId> CaseWriter::CreatePerson(const Person& person, const std::string& reason) {
  return GuardStorage("create person", [&] { return impl_->CreatePerson(person, reason); });
}
Result<int> CaseWriter::UpdatePerson(const Person& person, const std::string& reason) {
  return GuardStorage("update person", [&] { return impl_->UpdatePerson(person, reason); });
}
Result<FamilyLinkId> CaseWriter::AddFamilyLink(const FamilyLink& link, const std::string& reason) {
  return GuardStorage("add family link", [&] { return impl_->AddFamilyLink(link, reason); });
}
Result<int> CaseWriter::UpdateFamilyLink(const FamilyLink& link, const std::string& reason) {
  return GuardStorage("update family link", [&] { return impl_->UpdateFamilyLink(link, reason); });
}
Status CaseWriter::AppendJournal(const std::string& entity, std::int64_t entity_id, const std::string& field,
                                 const std::string& before, const std::string& after, const std::string& reason) {
  return GuardStorage("journal", [&]() -> Status {
    impl_->Journal(entity, entity_id, field, before, after, reason);
    return Status::Ok();
  });
}
const std::string& CaseWriter::actor() const { return impl_->actor; }
Clock& CaseWriter::clock() { return impl_->clock; }
Result<std::int64_t> CaseWriter::AddSourceRow(const SourceRow& row) {
  return GuardStorage("add source row", [&] { return impl_->AddSourceRow(row); });
}

}  // namespace reunite
