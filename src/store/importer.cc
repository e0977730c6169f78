#include "store/importer.h"

#include <unordered_map>
#include <vector>

#include "ingest/field_guard.h"
#include "store/case_writer.h"
#include "store/repositories.h"

namespace reunite {

namespace {

// What the source already holds, and what a row of the new list means against it.
class KnownRecords {
 public:
  enum class Fate { kNew, kUnchanged, kChanged };

  KnownRecords(Database& db, const std::string& source) {
    for (auto& key : PersonRepository(db).RecordKeys(source))
      known_[key.record_id] = {key.person_id, std::move(key.row_hash)};
  }

  // The row's fate; for a row already known, *person is the person it points to.
  Fate Of(const ListRow& row, PersonId* person) const {
    auto it = known_.find(row.record_id);
    if (it == known_.end()) return Fate::kNew;
    *person = it->second.person_id;
    return it->second.row_hash == RowHash(row.raw) ? Fate::kUnchanged : Fate::kChanged;
  }

 private:
  struct Known {
    PersonId person_id;
    std::string row_hash;
  };
  std::unordered_map<std::string, Known> known_;
};

class ImportRun {
 public:
  ImportRun(Database& db, const ImportOptions& opt, Clock& clock, ImportReport& report)
      : db_(db), opt_(opt), clock_(clock), report_(report), writer_(db, opt.actor, clock),
        known_(db, opt.source) {}

  Status WriteAll() {
    const auto& rows = report_.list.rows;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (opt_.before_write) {
        Status s = opt_.before_write(static_cast<long>(i));
        if (!s.ok()) return s;
      }
      Status s = WriteRow(rows[i]);
      if (!s.ok()) return s;
      if (opt_.progress && i % 4096 == 0) opt_.progress(0.5 + 0.5 * i / rows.size());
    }
    return CreateQueued();
  }

 private:
  // New rows are queued and written in batches (PostgreSQL charges a round trip
  // and a statement's setup per statement); a batch is written before any other
  // row, so rows are still written in file order. Past a few thousand rows the
  // batch size barely matters (2,048 to 32,768 measured alike within noise).
  static constexpr size_t kBatch = 8192;

  Status WriteRow(const ListRow& row) {
    PersonId person = 0;
    switch (known_.Of(row, &person)) {
      case KnownRecords::Fate::kNew:
        queued_.push_back(&row);
        return queued_.size() < kBatch ? Status::Ok() : CreateQueued();
      case KnownRecords::Fate::kUnchanged:
        ++report_.unchanged;
        return Status::Ok();
      case KnownRecords::Fate::kChanged:
        break;
    }
    if (Status s = CreateQueued(); !s.ok()) return s;
    return Update(row, person);
  }

  Status CreateQueued() {
    if (queued_.empty()) return Status::Ok();
    std::vector<Person> people;
    std::vector<std::string> reasons;
    people.reserve(queued_.size());
    reasons.reserve(queued_.size());
    for (const ListRow* row : queued_) {
      people.push_back(row->person);
      reasons.push_back(Reason(*row));
    }
    auto ids = writer_.CreatePeople(people, reasons);
    if (!ids.ok()) return ids.status();
    std::vector<SourceRow> rows;
    rows.reserve(queued_.size());
    for (size_t i = 0; i < queued_.size(); ++i) rows.push_back(Provenance(*queued_[i], (*ids)[i]));
    if (Status s = writer_.AddSourceRows(rows).status(); !s.ok()) return s;
    report_.created += static_cast<long>(queued_.size());
    queued_.clear();
    return Status::Ok();
  }

  Status Update(const ListRow& row, PersonId id) {
    PersonRepository people(db_);
    auto stored = people.Get(id);
    if (!stored.ok()) return stored.status();
    if (stored->role != row.person.role)
      return Status::Conflict("record '" + row.record_id + "' of source '" + opt_.source + "' is a " +
                              ToString(stored->role) + ", not a " + ToString(row.person.role))
          .At({opt_.list.file_name, row.line, 1, "record_id"});
    Person updated = row.person;
    updated.id = id;
    auto changed = writer_.UpdatePerson(updated, Reason(row));
    if (!changed.ok()) return changed.status();
    report_.fields_changed += *changed;
    ++report_.updated;
    return writer_.AddSourceRow(Provenance(row, id)).status();
  }

  SourceRow Provenance(const ListRow& row, PersonId id) {
    SourceRow source_row;
    source_row.source = opt_.source;
    source_row.record_id = row.record_id;
    source_row.file_name = opt_.list.file_name;
    source_row.line = row.line;
    source_row.raw = row.raw;
    source_row.person_id = id;
    source_row.imported_at = clock_.NowIso();
    return source_row;
  }

  std::string Reason(const ListRow& row) const {
    return "import " + opt_.source + " " + opt_.list.file_name + ":" + std::to_string(row.line);
  }

  Database& db_;
  const ImportOptions& opt_;
  Clock& clock_;
  ImportReport& report_;
  CaseWriter writer_;
  KnownRecords known_;
  std::vector<const ListRow*> queued_;  // new rows not yet written, in file order
};

// Counts what a write would do, for dry runs.
void CountDryRun(Database& db, const ImportOptions& opt, ImportReport& report) {
  KnownRecords known(db, opt.source);
  PersonId ignored = 0;
  for (const auto& row : report.list.rows) {
    switch (known.Of(row, &ignored)) {
      case KnownRecords::Fate::kNew: ++report.created; break;
      case KnownRecords::Fate::kUnchanged: ++report.unchanged; break;
      case KnownRecords::Fate::kChanged: ++report.updated; break;
    }
  }
}

}  // namespace

Result<ImportReport> ImportAgencyList(Database& db, std::string_view bytes, const ImportOptions& opt,
                                      Clock& clock) {
  if (opt.source.empty()) return Status::InvalidArgument("a source name is required");
  ImportReport report;
  ListOptions list_options = opt.list;
  if (list_options.today.empty()) list_options.today = clock.TodayIso();
  auto parse_progress = [&](double f) {
    if (opt.progress) opt.progress(0.5 * f);
  };
  if (bytes.size() > opt.max_bytes) {
    FieldProblem too_large = TooLargeProblem(bytes.size(), opt.max_bytes);
    Diagnostic d;
    d.where.file = opt.list.file_name;
    d.message = std::move(too_large.message);
    d.code = std::move(too_large.code);
    d.args = std::move(too_large.args);
    report.list.diagnostics.push_back(std::move(d));
    return report;
  }
  report.list = ReadAgencyList(bytes, list_options, parse_progress);
  if (report.list.errors() > 0) return report;
  try {
    if (opt.dry_run) {
      CountDryRun(db, opt, report);
      return report;
    }
    soci::transaction tx(db.session());
    LockForImport(db);
    ImportRun run(db, opt, clock, report);
    Status s = run.WriteAll();
    if (!s.ok()) return s;  // the transaction rolls back as it goes out of scope
    tx.commit();
    report.written = true;
    if (opt.progress) opt.progress(1.0);
    return report;
  } catch (const std::exception& e) {
    return Status::StorageError(std::string("import failed, nothing was written: ") + e.what());
  }
}

}  // namespace reunite
