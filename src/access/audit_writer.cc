#include "access/audit_writer.h"

#include "store/storage_guard.h"

namespace reunite {

namespace {

// One transaction for every waiting entry, chained together.
Status WriteBatch(Database& db, const std::vector<std::vector<AuditEntry>*>& batch) {
  std::vector<const AuditEntry*> all;
  for (const std::vector<AuditEntry>* entries : batch)
    for (const AuditEntry& entry : *entries) all.push_back(&entry);
  return GuardStorage("audit log", [&]() -> Status {
    soci::transaction tx(db.session());
    if (Status s = InsertAuditEntries(db, all); !s.ok()) return s;
    tx.commit();
    return Status::Ok();
  });
}

}  // namespace

AuditWriter::AuditWriter(Database& db) : db_(db), thread_([this] { Run(); }) {}

AuditWriter::~AuditWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_.notify_one();
  thread_.join();
}

Status AuditWriter::Append(std::vector<AuditEntry> entries) {
  if (entries.empty()) return Status::Ok();
  Ticket ticket;
  std::unique_lock lock(mutex_);
  if (stopping_) return Status::StorageError("audit log: the writer has stopped");
  queue_.push_back({std::move(entries), &ticket});
  work_.notify_one();
  finished_.wait(lock, [&] { return ticket.done; });
  return ticket.status;
}

std::uint64_t AuditWriter::transactions() const {
  std::lock_guard lock(mutex_);
  return transactions_;
}

// Takes everything queued, writes it in one transaction, answers its waiters. While
// it writes, new entries queue up for the next transaction: the busier the server,
// the more entries share a commit.
void AuditWriter::Run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, nothing left
    std::vector<Waiting> batch;
    batch.swap(queue_);
    lock.unlock();
    std::vector<std::vector<AuditEntry>*> entries;
    for (Waiting& w : batch) entries.push_back(&w.entries);
    const Status status = WriteBatch(db_, entries);
    lock.lock();
    ++transactions_;
    for (Waiting& w : batch) {
      w.ticket->status = status;
      w.ticket->done = true;
    }
    finished_.notify_all();
  }
}

}  // namespace reunite
