#include "access/search_service.h"

#include "store/repositories.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

long long LatestJournalId(soci::session& sql) {
  long long id = 0;
  sql << "SELECT COALESCE(MAX(id), 0) FROM journal", soci::into(id);
  return id;
}

}  // namespace

Status SearchService::Build() {
  // The version is read first: a change made while the index builds is applied
  // again by the next refresh, which is harmless (Update is idempotent).
  Result<long long> version = GuardStorage("search version", [&]() -> Result<long long> {
    return LatestJournalId(db_.session());
  });
  if (!version.ok()) return version.status();
  match::PersonSearchIndex index;
  Status read = PersonRepository(db_).ForEach([&](Person&& p) { return index.Add(p); });
  if (!read.ok()) return read;
  index_ = std::move(index);
  version_ = *version;
  built_ = true;
  return Status::Ok();
}

Status SearchService::ApplyNewer() {
  return GuardStorage("refresh search index", [&]() -> Status {
    soci::session& sql = db_.session();
    const long long since = version_.load();
    const long long latest = LatestJournalId(sql);
    if (latest <= since) return Status::Ok();
    std::set<PersonId> changed;
    long long id = 0;
    soci::statement st = (sql.prepare << "SELECT DISTINCT entity_id FROM journal WHERE entity = 'person' AND id > :v "
                                         "AND id <= :latest",
                          soci::use(since), soci::use(latest), soci::into(id));
    for (st.execute(); st.fetch();) changed.insert(id);
    PersonRepository people(db_);
    for (PersonId person_id : changed) {
      Result<Person> p = people.Get(person_id);
      if (!p.ok()) {
        if (p.status().code() == StatusCode::kNotFound) (void)index_.Remove(person_id);
        continue;
      }
      Status s = index_.Update(*p);
      if (s.code() == StatusCode::kNotFound) s = index_.Add(*p);
      if (!s.ok()) return s;
    }
    version_ = latest;
    return Status::Ok();
  });
}

Status SearchService::Refresh() {
  std::unique_lock lock(mutex_);
  std::lock_guard db_lock(db_mutex_);
  return built_ ? ApplyNewer() : Build();
}

bool SearchService::Behind(Database* reader) {
  if (!built_) return true;
  Result<long long> latest = GuardStorage("search version", [&]() -> Result<long long> {
    if (reader) return LatestJournalId(reader->session());
    std::lock_guard db_lock(db_mutex_);
    return LatestJournalId(db_.session());
  });
  return !latest.ok() || *latest > version_.load();
}

Result<std::vector<match::SearchHit>> SearchService::Search(const match::SearchQuery& query, Database* reader) {
  Status refreshed = Behind(reader) ? Refresh() : Status::Ok();
  std::shared_lock lock(mutex_);
  if (!refreshed.ok() && !built_) return refreshed;
  turns_.Enter();
  struct Leave {
    Turns& turns;
    ~Leave() { turns.Leave(); }
  } leave{turns_};
  return index_.Search(query);
}

void SearchService::Turns::Enter() {
  std::unique_lock lock(mutex_);
  if (free_ > 0 && waiting_.empty()) {
    --free_;
    return;
  }
  Waiter me;
  waiting_.push_back(&me);
  me.cv.wait(lock, [&] { return me.admitted; });
}

void SearchService::Turns::Leave() {
  std::lock_guard lock(mutex_);
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->admitted = true;
  next->cv.notify_one();  // under the lock: `next` lives on its waiting thread's stack
}

Result<std::set<PersonId>> SearchService::TeamScope(const std::string& team) {
  std::lock_guard db_lock(db_mutex_);
  return GuardStorage("team scope", [&]() -> Result<std::set<PersonId>> {
    std::set<PersonId> out;
    long long id = 0;
    soci::statement st = (db_.session().prepare
                              << "SELECT child_id FROM family_assignments WHERE team = :t1 UNION "
                                 "SELECT l.adult_id FROM family_links l JOIN family_assignments a ON a.child_id = l.child_id "
                                 "WHERE a.team = :t2 AND l.verification <> 'rejected'",
                          soci::use(team), soci::use(team), soci::into(id));
    for (st.execute(); st.fetch();) out.insert(id);
    return out;
  });
}

std::int64_t SearchService::version() const {
  std::shared_lock lock(mutex_);
  return version_;
}

std::size_t SearchService::size() const {
  std::shared_lock lock(mutex_);
  return index_.size();
}

}  // namespace reunite
