// The fuzzy person search index, kept resident by a server across requests. Built
// lazily on first use over every person; Refresh applies the people created or
// changed since (their journal entries newer than the index's version), so a
// server calls it after its writes or on a timer instead of rebuilding. Searches
// go through CaseAccess::SearchPeople, which checks the role and filters by team.
//
// Thread-safe: searches share a lock, Refresh takes it alone, and only when the
// journal has moved past the index (so concurrent searches do not queue behind a
// refresh that has nothing to do). The service's Database is used under a mutex of
// its own; a server gives the service a connection of its own.
#pragma once
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "match/person_search.h"
#include "store/database.h"

namespace reunite {

class SearchService {
 public:
  explicit SearchService(Database& db) : db_(db) {}

  // Builds the index if it is not built yet, else applies the journal entries of
  // people newer than version().
  Status Refresh();
  // Searches the index, refreshing it first when the journal is newer than the
  // index (a failed refresh searches what is indexed). `reader`, when given, is the
  // caller's own connection, used to read the journal's latest id without taking
  // the service's connection (which every search would otherwise queue for).
  Result<std::vector<match::SearchHit>> Search(const match::SearchQuery& query, Database* reader = nullptr);
  // The people of a team's families: its assigned children and the adults linked
  // to them (rejected links aside).
  Result<std::set<PersonId>> TeamScope(const std::string& team);

  // The journal id up to which the index is current (0 before the first build).
  std::int64_t version() const;
  std::size_t size() const;

 private:
  Status Build();  // callers hold mutex_ exclusively
  Status ApplyNewer();
  // Whether the journal holds entries newer than the index (true when unsure).
  bool Behind(Database* reader);

  Database& db_;
  // Searches running at once, at most one per core; the rest wait their turn
  // asleep, first come first served, rather than share the cores mid-search (which
  // kept every search's scratch memory going cold and stretched all of them).
  class Turns {
   public:
    explicit Turns(unsigned slots) : free_(slots) {}
    void Enter();
    void Leave();

   private:
    struct Waiter {
      bool admitted = false;
      std::condition_variable cv;
    };
    std::mutex mutex_;
    unsigned free_;
    std::deque<Waiter*> waiting_;  // oldest first
  };
  Turns turns_{std::max(1u, std::thread::hardware_concurrency())};
  mutable std::shared_mutex mutex_;
  std::mutex db_mutex_;
  std::atomic<bool> built_{false};
  std::atomic<std::int64_t> version_{0};
  match::PersonSearchIndex index_;
};

}  // namespace reunite
