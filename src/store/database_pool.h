// A fixed set of connections to one database, for a server whose requests run on
// several threads: a SOCI session is not thread-safe, so each request leases a
// connection of its own and gives it back when done. Leases are granted first come,
// first served: a returned connection goes to the longest waiter, never to a thread
// that happens to ask at that moment (which under load starved some requests for
// seconds).
#pragma once
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace reunite {

class DatabasePool {
 public:
  // Opens `size` (at least 1) connections to `url` (Database::Open; migrations run on
  // the first).
  static Result<std::unique_ptr<DatabasePool>> Open(const std::string& url, int size);

  // A connection, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(DatabasePool* pool, Database* db) : pool_(pool), db_(db) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), db_(other.db_) { other.db_ = nullptr; }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (db_) pool_->Release(db_);
    }
    Database& operator*() const { return *db_; }
    Database* operator->() const { return db_; }

   private:
    DatabasePool* pool_;
    Database* db_;
  };

  // Waits for a free connection (in order of arrival).
  Lease Acquire();
  int size() const { return static_cast<int>(all_.size()); }

 private:
  DatabasePool() = default;
  void Release(Database* db);

  std::vector<std::unique_ptr<Database>> all_;
  struct Waiter {
    Database* db = nullptr;  // set by Release when handed over
    std::condition_variable handed;
  };
  std::vector<Database*> free_;
  std::deque<Waiter*> waiters_;  // oldest first
  std::mutex mutex_;
};

}  // namespace reunite
