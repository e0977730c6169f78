#include "store/match_store.h"

#include <tuple>

#include "store/case_writer.h"
#include "store/storage_guard.h"

namespace reunite {

std::int64_t MatchState::Version(PersonId id) const {
  auto it = version.find(id);
  return it == version.end() ? 0 : it->second;
}

bool MatchState::Changed(PersonId id) const {
  auto it = matched.find(id);
  return it == matched.end() || it->second != Version(id);
}

Result<MatchState> ReadMatchState(Database& db) {
  return GuardStorage("match state", [&]() -> Result<MatchState> {
    MatchState s;
    soci::session& session = db.session();
    long long a = 0, b = 0, id = 0;
    std::string name, text, health, at, kind;
    soci::statement versions = (session.prepare << "SELECT entity_id, MAX(id) FROM journal WHERE entity = 'person' "
                                                   "GROUP BY entity_id",
                                soci::into(a), soci::into(b));
    versions.execute();
    while (versions.fetch()) s.version[a] = b;
    soci::statement matched =
        (session.prepare << "SELECT person_id, version FROM person_match_state", soci::into(a), soci::into(b));
    matched.execute();
    while (matched.fetch()) s.matched[a] = b;
    soci::statement models = (session.prepare << "SELECT name, model, records, health, trained_at FROM match_models",
                              soci::into(name), soci::into(text), soci::into(a), soci::into(health), soci::into(at));
    models.execute();
    while (models.fetch()) s.models[name] = {name, text, a, health, at};
    soci::statement links =
        (session.prepare << "SELECT child_id, adult_id FROM family_links", soci::into(a), soci::into(b));
    links.execute();
    while (links.fetch()) s.linked.insert({a, b});
    soci::statement pending = (session.prepare << "SELECT id, kind, left_id, right_id FROM review_candidates "
                                                  "WHERE status = 'pending'",
                               soci::into(id), soci::into(kind), soci::into(a), soci::into(b));
    pending.execute();
    while (pending.fetch()) {
      auto k = CandidateKindFromString(kind);
      if (!k) return Status::InvalidArgument("review candidate " + std::to_string(id) + ": unknown kind " + kind);
      s.pending.push_back({id, *k, a, b});
    }
    return s;
  });
}

namespace {

constexpr const char* kRunColumns =
    "id, started_at, finished_at, actor, mode, people, compared_people, duplicate_pairs, family_pairs, "
    "family_scope_people, candidates_new, candidates_refreshed, candidates_reopened, candidates_kept, "
    "candidates_withdrawn, model_health";

// match_runs' columns as statement buffers, bound once.
struct RunRow {
  long long id = 0;
  std::string started_at, finished_at, actor, mode, model_health;
  long long n[10] = {};  // people ... candidates_withdrawn, in column order

  explicit RunRow(const MatchRunRecord& r = {}) : id(r.id), started_at(r.started_at), finished_at(r.finished_at),
        actor(r.actor), mode(r.counts.full ? "full" : "incremental"), model_health(r.model_health) {
    const MatchRunCounts& c = r.counts;
    long values[10] = {c.people, c.compared_people, c.duplicate_pairs, c.family_pairs, c.family_scope_people,
                       c.candidates_new, c.candidates_refreshed, c.candidates_reopened, c.candidates_kept,
                       c.candidates_withdrawn};
    for (int i = 0; i < 10; ++i) n[i] = values[i];
  }
  MatchRunRecord Value() const {
    MatchRunRecord r{id, started_at, finished_at, actor, {}, model_health};
    r.counts = {mode == "full", static_cast<long>(n[0]), static_cast<long>(n[1]), static_cast<long>(n[2]),
                static_cast<long>(n[3]), static_cast<long>(n[4]), static_cast<long>(n[5]), static_cast<long>(n[6]),
                static_cast<long>(n[7]), static_cast<long>(n[8]), static_cast<long>(n[9])};
    return r;
  }
  // The columns after id, for writing (use) or reading (into). soci::use and
  // soci::into keep a reference to their name argument, so each is called within
  // the exchange's full expression.
  void Use(soci::statement& st) {
    for (std::string* s : {&started_at, &finished_at, &actor, &mode}) st.exchange(soci::use(*s));
    for (long long& v : n) st.exchange(soci::use(v));
    st.exchange(soci::use(model_health));
  }
  void Into(soci::statement& st) {
    for (std::string* s : {&started_at, &finished_at, &actor, &mode}) st.exchange(soci::into(*s));
    for (long long& v : n) st.exchange(soci::into(v));
    st.exchange(soci::into(model_health));
  }
};

// Inserts the run's row (counts to come) and returns its id.
long long InsertRun(Database& db, RunRow& row) {
  soci::session& session = db.session();
  const bool postgres = db.backend() == Backend::kPostgres;
  soci::statement st(session);
  row.Use(st);
  long long id = 0;
  if (postgres) st.exchange(soci::into(id));
  st.alloc();
  std::string sql = std::string("INSERT INTO match_runs (") + (kRunColumns + 4) +
                    ") VALUES (:s, :f, :a, :m, :n0, :n1, :n2, :n3, :n4, :n5, :n6, :n7, :n8, :n9, :h)" +
                    (postgres ? " RETURNING id" : "");
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  if (!postgres) session.get_last_insert_id("match_runs", id);
  return id;
}

struct Existing {
  long long id = 0;
  std::string status;
  long long left_version = 0, right_version = 0;
};
using PairKey = std::tuple<std::string, PersonId, PersonId>;

std::map<PairKey, Existing> ReadQueue(soci::session& session) {
  std::map<PairKey, Existing> existing;
  Existing e;
  std::string kind;
  long long left = 0, right = 0;
  soci::statement st = (session.prepare << "SELECT id, kind, left_id, right_id, status, left_version, right_version "
                                           "FROM review_candidates",
                        soci::into(e.id), soci::into(kind), soci::into(left), soci::into(right),
                        soci::into(e.status), soci::into(e.left_version), soci::into(e.right_version));
  st.execute();
  while (st.fetch()) existing[{kind, left, right}] = e;
  return existing;
}

// The proposals meet the queue (RecordMatchRun's rules); then the withdrawals.
Status ApplyToQueue(Database& db, CaseWriter& writer, long long run, const std::string& now,
                    const MatchState& state, const MatchRunOutcome& outcome, MatchRunCounts* counts) {
  soci::session& session = db.session();
  std::map<PairKey, Existing> existing = ReadQueue(session);
  const std::string by = "match run " + std::to_string(run);
  std::string kind, relationship, explanation;
  long long id = 0, left = 0, right = 0, lv = 0, rv = 0;
  double weight = 0, probability = 0;
  soci::statement insert = (session.prepare << "INSERT INTO review_candidates (kind, left_id, right_id, relationship, "
                                               "match_weight, probability, explanation, status, left_version, "
                                               "right_version, created_at, updated_at, run_id) VALUES (:kind, :l, "
                                               ":r, :rel, :w, :p, :e, 'pending', :lv, :rv, :c, :u, :run)",
                            soci::use(kind), soci::use(left), soci::use(right), soci::use(relationship),
                            soci::use(weight), soci::use(probability), soci::use(explanation), soci::use(lv),
                            soci::use(rv), soci::use(now), soci::use(now), soci::use(run));
  soci::statement rescore = (session.prepare << "UPDATE review_candidates SET relationship = :rel, match_weight = :w, "
                                                "probability = :p, explanation = :e, left_version = :lv, "
                                                "right_version = :rv, updated_at = :u, run_id = :run WHERE id = :id",
                             soci::use(relationship), soci::use(weight), soci::use(probability),
                             soci::use(explanation), soci::use(lv), soci::use(rv), soci::use(now), soci::use(run),
                             soci::use(id));
  auto set_status = [&](long long candidate, const char* status, const std::string& reason) {
    return writer.SetReviewStatus(candidate, status, reason).status();
  };
  for (const CandidateProposal& p : outcome.proposals) {
    kind = ToString(p.kind);
    left = p.left, right = p.right;
    relationship = p.relationship;
    weight = p.weight, probability = p.probability;
    explanation = p.explanation;
    lv = state.Version(p.left), rv = state.Version(p.right);
    auto it = existing.find({kind, p.left, p.right});
    if (it == existing.end()) {
      insert.execute(true);
      ++counts->candidates_new;
      continue;
    }
    Existing& e = it->second;
    id = e.id;
    Status set;
    if (e.status == "pending") {
      ++counts->candidates_refreshed;
    } else if (e.status == "rejected" && (e.left_version != lv || e.right_version != rv)) {
      set = set_status(e.id, "pending", "reopened by " + by + ": a record changed since the rejection");
      ++counts->candidates_reopened;
    } else if (e.status == "withdrawn") {
      set = set_status(e.id, "pending", "proposed again by " + by);
      ++counts->candidates_reopened;
    } else {
      ++counts->candidates_kept;
      continue;
    }
    if (!set.ok()) return set;
    rescore.execute(true);
    e.status = "proposed";  // a withdrawal of the same pair does not apply
  }
  for (const CandidateWithdrawal& w : outcome.withdrawals) {
    auto it = existing.find({ToString(w.kind), w.left, w.right});
    if (it == existing.end() || it->second.status != "pending") continue;
    if (Status s = set_status(it->second.id, "withdrawn", "withdrawn by " + by + ": " + w.reason); !s.ok()) return s;
    it->second.status = "withdrawn";
    ++counts->candidates_withdrawn;
  }
  return Status::Ok();
}

void WriteMatchState(soci::session& session, const std::string& now, const MatchState& state,
                     const MatchRunOutcome& outcome) {
  long long person = 0, at_version = 0;
  soci::statement st =
      (session.prepare << "INSERT INTO person_match_state (person_id, version, matched_at) VALUES (:p, :v, :at) "
                          "ON CONFLICT (person_id) DO UPDATE SET version = excluded.version, "
                          "matched_at = excluded.matched_at",
       soci::use(person), soci::use(at_version), soci::use(now));
  for (PersonId p : outcome.compared) {
    person = p;
    at_version = state.Version(p);
    st.execute(true);
  }
  for (const StoredModel& m : outcome.models) {
    session << "INSERT INTO match_models (name, model, records, trained_at, health) VALUES (:n, :m, :r, :at, :h) "
               "ON CONFLICT (name) DO UPDATE SET model = excluded.model, records = excluded.records, "
               "trained_at = excluded.trained_at, health = excluded.health",
        soci::use(m.name), soci::use(m.model), soci::use(m.records), soci::use(now), soci::use(m.health);
  }
}

}  // namespace

Result<MatchRunRecord> RecordMatchRun(Database& db, const std::string& actor, const MatchState& state,
                                      const MatchRunOutcome& outcome, Clock& clock) {
  return GuardStorage("match run", [&]() -> Result<MatchRunRecord> {
    soci::transaction tx(db.session());
    MatchRunRecord record{0, outcome.started_at, outcome.started_at, actor, outcome.counts, outcome.model_health};
    MatchRunCounts& counts = record.counts;
    counts.candidates_new = counts.candidates_refreshed = counts.candidates_reopened = 0;
    counts.candidates_kept = counts.candidates_withdrawn = 0;
    RunRow inserted(record);
    record.id = InsertRun(db, inserted);
    const std::string now = clock.NowIso();
    CaseWriter writer(db, actor, clock);
    if (Status s = ApplyToQueue(db, writer, record.id, now, state, outcome, &counts); !s.ok()) return s;
    WriteMatchState(db.session(), now, state, outcome);
    record.finished_at = clock.NowIso();
    RunRow finished(record);
    soci::statement st(db.session());
    finished.Use(st);
    st.exchange(soci::use(finished.id));
    st.alloc();
    st.prepare("UPDATE match_runs SET started_at = :s, finished_at = :f, actor = :a, mode = :m, people = :n0, "
               "compared_people = :n1, duplicate_pairs = :n2, family_pairs = :n3, family_scope_people = :n4, "
               "candidates_new = :n5, candidates_refreshed = :n6, candidates_reopened = :n7, candidates_kept = :n8, "
               "candidates_withdrawn = :n9, model_health = :h WHERE id = :id");
    st.define_and_bind();
    st.execute(true);
    tx.commit();
    return record;
  });
}

Result<MatchRunRecord> GetMatchRun(Database& db, std::int64_t id) {
  return GuardStorage("match run", [&]() -> Result<MatchRunRecord> {
    RunRow row;
    long long wanted = id;
    soci::statement st(db.session());
    st.exchange(soci::into(row.id));
    row.Into(st);
    st.exchange(soci::use(wanted));
    st.alloc();
    st.prepare(std::string("SELECT ") + kRunColumns + " FROM match_runs WHERE id = :id");
    st.define_and_bind();
    st.execute(false);
    if (!st.fetch()) return Status::NotFound("no match run " + std::to_string(id));
    return row.Value();
  });
}

}  // namespace reunite
