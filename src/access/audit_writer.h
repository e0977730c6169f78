// Group commit for the audit entries of protected reads. A busy server reads
// people on many threads at once, and each read must be audited before its answer
// leaves; one write transaction per read would queue every request on the
// database's write lock (SQLite has one writer at a time; PostgreSQL pays a
// commit per read). Instead one process-wide appender, on a connection of its
// own, writes whatever entries are waiting in one transaction; each request
// waits until the transaction holding its entries has committed (or failed:
// then the request fails too, so no read goes out unaudited).
//
// Entries are plain audit_log rows, so the append-only triggers apply as to any
// other. Writes to case data do not use this: their entries commit in the
// write's own transaction (AppendAudit).
//
// Thread-safe. Works on SQLite and PostgreSQL alike.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "access/audit.h"
#include "store/database.h"

namespace reunite {

class AuditWriter {
 public:
  // `db` is the writer's own connection; it must outlive the writer.
  explicit AuditWriter(Database& db);
  // Writes what is queued, then stops.
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Appends `entries` (their `at` as given; ids from the database) and returns once
  // they are committed: OK, or the error that rolled their transaction back, in
  // which case none of them is written.
  Status Append(std::vector<AuditEntry> entries);

  // Transactions committed or rolled back so far (fewer than Append calls when
  // requests share them).
  std::uint64_t transactions() const;

 private:
  struct Ticket {
    Status status;
    bool done = false;
  };
  struct Waiting {
    std::vector<AuditEntry> entries;
    Ticket* ticket;
  };
  void Run();

  Database& db_;
  mutable std::mutex mutex_;
  std::condition_variable work_, finished_;
  std::vector<Waiting> queue_;
  bool stopping_ = false;
  std::uint64_t transactions_ = 0;
  std::thread thread_;
};

}  // namespace reunite
