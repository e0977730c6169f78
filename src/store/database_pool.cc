#include "store/database_pool.h"

#include <algorithm>

namespace reunite {

Result<std::unique_ptr<DatabasePool>> DatabasePool::Open(const std::string& url, int size) {
  std::unique_ptr<DatabasePool> pool(new DatabasePool());
  for (int i = 0; i < std::max(1, size); ++i) {
    auto db = Database::Open(url);
    if (!db.ok()) return db.status();
    pool->free_.push_back(db->get());
    pool->all_.push_back(std::move(*db));
  }
  return pool;
}

DatabasePool::Lease DatabasePool::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (waiters_.empty() && !free_.empty()) {
    Database* db = free_.back();
    free_.pop_back();
    return Lease(this, db);
  }
  Waiter me;
  waiters_.push_back(&me);
  me.handed.wait(lock, [&] { return me.db != nullptr; });
  return Lease(this, me.db);
}

void DatabasePool::Release(Database* db) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (waiters_.empty()) {
    free_.push_back(db);
    return;
  }
  Waiter* next = waiters_.front();
  waiters_.pop_front();
  next->db = db;
  // Under the lock: `next` lives on its thread's stack until it sees db set.
  next->handed.notify_one();
}

}  // namespace reunite
