#include "store/migrations.h"

#include "store/chain_migration.h"

namespace reunite {

namespace {

// Version 1: people, family links, provenance and the change journal. Person
// columns follow store/person_fields.cc (all text; see that header for formats).
Migration InitialSchema() {
  return {1, "people, family links, provenance, journal", {
      R"(CREATE TABLE people (
        id ${ID},
        role TEXT NOT NULL,
        name_as_recorded TEXT NOT NULL DEFAULT '',
        given_names TEXT NOT NULL DEFAULT '',
        paternal_surname TEXT NOT NULL DEFAULT '',
        maternal_surname TEXT NOT NULL DEFAULT '',
        married_surname TEXT NOT NULL DEFAULT '',
        birth_date TEXT NOT NULL DEFAULT '',
        birth_precision TEXT NOT NULL DEFAULT 'unknown',
        birth_january_first_default TEXT NOT NULL DEFAULT '0',
        sex TEXT NOT NULL DEFAULT '',
        nationality TEXT NOT NULL DEFAULT '',
        a_number TEXT NOT NULL DEFAULT '',
        languages TEXT NOT NULL DEFAULT '',
        interpreter_needed TEXT NOT NULL DEFAULT '0',
        phones TEXT NOT NULL DEFAULT '',
        location_facility TEXT NOT NULL DEFAULT '',
        location_country TEXT NOT NULL DEFAULT '',
        location_department TEXT NOT NULL DEFAULT '',
        location_municipality TEXT NOT NULL DEFAULT '',
        location_village TEXT NOT NULL DEFAULT '',
        location_text TEXT NOT NULL DEFAULT '',
        custody_status TEXT NOT NULL DEFAULT 'unknown',
        removal_date TEXT NOT NULL DEFAULT '',
        removal_country TEXT NOT NULL DEFAULT '',
        apprehension_date TEXT NOT NULL DEFAULT '',
        apprehension_place TEXT NOT NULL DEFAULT '',
        reported_relatives TEXT NOT NULL DEFAULT '',
        search_key TEXT NOT NULL DEFAULT '')
      )",
      "CREATE INDEX people_a_number ON people (a_number)",
      "CREATE INDEX people_role ON people (role, id)",
      R"(CREATE TABLE family_links (
        id ${ID},
        child_id BIGINT NOT NULL REFERENCES people (id),
        adult_id BIGINT NOT NULL REFERENCES people (id),
        relationship TEXT NOT NULL,
        verification TEXT NOT NULL,
        UNIQUE (child_id, adult_id))
      )",
      "CREATE INDEX family_links_adult ON family_links (adult_id)",
      // Append-only: every imported row verbatim, so a fact traces to file and line.
      R"(CREATE TABLE source_rows (
        id ${ID},
        source TEXT NOT NULL,
        record_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        line BIGINT NOT NULL,
        raw TEXT NOT NULL,
        row_hash TEXT NOT NULL,
        person_id BIGINT NOT NULL REFERENCES people (id),
        imported_at TEXT NOT NULL)
      )",
      "CREATE INDEX source_rows_person ON source_rows (person_id, id)",
      // The current state of each source record: which person it is and the hash
      // of its latest row, so a re-import updates rather than duplicates.
      R"(CREATE TABLE source_records (
        source TEXT NOT NULL,
        record_id TEXT NOT NULL,
        person_id BIGINT NOT NULL REFERENCES people (id),
        row_hash TEXT NOT NULL,
        last_row_id BIGINT NOT NULL REFERENCES source_rows (id),
        PRIMARY KEY (source, record_id))
      )",
      "CREATE INDEX source_records_person ON source_records (person_id)",
      R"(CREATE TABLE journal (
        id ${ID},
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id BIGINT NOT NULL,
        field TEXT NOT NULL,
        before_value TEXT NOT NULL,
        after_value TEXT NOT NULL,
        reason TEXT NOT NULL)
      )",
      "CREATE INDEX journal_entity ON journal (entity, entity_id, id)",
  }};
}

// Version 2: the review queue that `reunite match run` fills (store/review_queue.h,
// linkage/match_run.h). A candidate's versions are the journal ids of the last change
// of each person when it was scored, so a decision is reconsidered only when a
// record changes. person_match_state says at which version each person was last
// matched (incremental runs take the others); match_models keeps the model of the
// last full run, with which incremental runs score.
Migration ReviewQueueSchema() {
  return {2, "review queue, match state, match models", {
      R"(CREATE TABLE review_candidates (
        id ${ID},
        kind TEXT NOT NULL,
        left_id BIGINT NOT NULL REFERENCES people (id),
        right_id BIGINT NOT NULL REFERENCES people (id),
        relationship TEXT NOT NULL DEFAULT '',
        match_weight DOUBLE PRECISION NOT NULL,
        probability DOUBLE PRECISION NOT NULL,
        explanation TEXT NOT NULL,
        status TEXT NOT NULL,
        left_version BIGINT NOT NULL,
        right_version BIGINT NOT NULL,
        decided_by TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (kind, left_id, right_id))
      )",
      "CREATE INDEX review_candidates_status ON review_candidates (status, kind, id)",
      "CREATE INDEX review_candidates_right ON review_candidates (right_id)",
      R"(CREATE TABLE person_match_state (
        person_id BIGINT PRIMARY KEY REFERENCES people (id),
        version BIGINT NOT NULL,
        matched_at TEXT NOT NULL)
      )",
      R"(CREATE TABLE match_models (
        name TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        records BIGINT NOT NULL,
        trained_at TEXT NOT NULL)
      )",
  }};
}

// Version 3: accounts and protection (access/). Users belong to an organisation and
// have one role; sessions and API tokens are stored only as hashes of the secret;
// login_failures drives throttling; audit_log is append-only, enforced by triggers
// on both back ends so that no role (nor a bug) can edit or delete what was logged.
// family_assignments gives a child's family to a field team; person_protection
// marks a person at risk, which narrows who sees their location and phones.
Migration AccessSchema() {
  return {3, "organisations, users, sessions, api tokens, audit log, assignments, protection", {
      R"(CREATE TABLE organisations (
        id ${ID},
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL)
      )",
      R"(CREATE TABLE users (
        id ${ID},
        username TEXT NOT NULL UNIQUE,
        org_id BIGINT NOT NULL REFERENCES organisations (id),
        role TEXT NOT NULL,
        team TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT 'en',
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL)
      )",
      R"(CREATE TABLE sessions (
        id ${ID},
        token_hash TEXT NOT NULL UNIQUE,
        user_id BIGINT NOT NULL REFERENCES users (id),
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        remote TEXT NOT NULL DEFAULT '')
      )",
      R"(CREATE TABLE api_tokens (
        id ${ID},
        user_id BIGINT NOT NULL REFERENCES users (id),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT NOT NULL DEFAULT '')
      )",
      R"(CREATE TABLE login_failures (
        username TEXT NOT NULL,
        at TEXT NOT NULL,
        remote TEXT NOT NULL DEFAULT '')
      )",
      "CREATE INDEX login_failures_user ON login_failures (username, at)",
      R"(CREATE TABLE audit_log (
        id ${ID},
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL DEFAULT '',
        entity_id BIGINT NOT NULL DEFAULT 0,
        detail TEXT NOT NULL DEFAULT '',
        remote TEXT NOT NULL DEFAULT '')
      )",
      "CREATE INDEX audit_log_actor ON audit_log (actor, id)",
      "CREATE INDEX audit_log_action ON audit_log (action, id)",
      R"(CREATE TABLE family_assignments (
        child_id BIGINT PRIMARY KEY REFERENCES people (id),
        team TEXT NOT NULL,
        assigned_at TEXT NOT NULL,
        assigned_by TEXT NOT NULL)
      )",
      "CREATE INDEX family_assignments_team ON family_assignments (team)",
      R"(CREATE TABLE person_protection (
        person_id BIGINT PRIMARY KEY REFERENCES people (id),
        at_risk INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL)
      )",
    },
    {
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
      "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
      "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
      "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    },
    {
      "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
      "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
      "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
      "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
      // TRUNCATE bypasses row triggers.
      "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
      "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
    }};
}

// Version 4: the tracing and reunification workflow (src/workflow, docs/workflow.md).
// Current state per adult or family, with the events that justify it; every change
// is journaled (entities "tracing", "contact", "search_task", "decision",
// "eligibility", "eligibility_flag", "logistics", "logistics_step", "closure",
// "deadline"), so reports for a past time replay the journal, not these tables.
// Times are ISO 8601 UTC text, dates "YYYY-MM-DD"; flags are INTEGER 0/1; a
// missing person reference is 0 (child_id on a contact, the concerned person on a
// deadline), as foreign keys cannot hold 0 these columns carry none.
Migration WorkflowSchema() {
  return {4, "tracing, contacts, search tasks, decisions, eligibility, logistics, closure, deadlines", {
      R"(CREATE TABLE tracing_states (
        adult_id BIGINT PRIMARY KEY REFERENCES people (id),
        state TEXT NOT NULL,
        event_kind TEXT NOT NULL,
        event_id BIGINT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL)
      )",
      R"(CREATE TABLE contacts (
        id ${ID},
        adult_id BIGINT NOT NULL REFERENCES people (id),
        child_id BIGINT NOT NULL DEFAULT 0,
        kind TEXT NOT NULL,
        result TEXT NOT NULL,
        number TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        team TEXT NOT NULL DEFAULT '',
        through TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '')
      )",
      "CREATE INDEX contacts_adult ON contacts (adult_id, at)",
      R"(CREATE TABLE search_tasks (
        id ${ID},
        adult_id BIGINT NOT NULL REFERENCES people (id),
        country TEXT NOT NULL DEFAULT '',
        department TEXT NOT NULL DEFAULT '',
        municipality TEXT NOT NULL DEFAULT '',
        village TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        team TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        closed_at TEXT NOT NULL DEFAULT '')
      )",
      "CREATE INDEX search_tasks_adult ON search_tasks (adult_id)",
      // One open task per adult, also under concurrent writers (a partial index:
      // SQLite >= 3.8 and PostgreSQL alike).
      "CREATE UNIQUE INDEX search_tasks_one_open ON search_tasks (adult_id) WHERE status = 'open'",
      "CREATE INDEX search_tasks_place ON search_tasks (status, country, department, municipality, village)",
      R"(CREATE TABLE decisions (
        child_id BIGINT PRIMARY KEY REFERENCES people (id),
        history_id BIGINT NOT NULL)
      )",
      // Every decision recorded, oldest first; decisions points at the current one.
      R"(CREATE TABLE decision_history (
        id ${ID},
        child_id BIGINT NOT NULL REFERENCES people (id),
        adult_id BIGINT NOT NULL REFERENCES people (id),
        kind TEXT NOT NULL,
        language TEXT NOT NULL,
        interpreter_used INTEGER NOT NULL DEFAULT 0,
        interpreter TEXT NOT NULL DEFAULT '',
        witness TEXT NOT NULL DEFAULT '',
        decided_on TEXT NOT NULL,
        signed INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL)
      )",
      "CREATE INDEX decision_history_child ON decision_history (child_id, id)",
      R"(CREATE TABLE eligibility (
        adult_id BIGINT PRIMARY KEY REFERENCES people (id),
        status TEXT NOT NULL,
        updated_at TEXT NOT NULL)
      )",
      R"(CREATE TABLE eligibility_flags (
        id ${ID},
        adult_id BIGINT NOT NULL REFERENCES people (id),
        kind TEXT NOT NULL,
        evidence TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        finality TEXT NOT NULL,
        contested INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL DEFAULT 'pending',
        reassess_by TEXT NOT NULL DEFAULT '',
        is_open INTEGER NOT NULL DEFAULT 1,
        resolution TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        resolved_at TEXT NOT NULL DEFAULT '',
        resolved_by TEXT NOT NULL DEFAULT '')
      )",
      "CREATE INDEX eligibility_flags_adult ON eligibility_flags (adult_id, id)",
      R"(CREATE TABLE logistics_plans (
        child_id BIGINT PRIMARY KEY REFERENCES people (id),
        plan TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL)
      )",
      R"(CREATE TABLE logistics_steps (
        child_id BIGINT NOT NULL REFERENCES people (id),
        step TEXT NOT NULL,
        position INTEGER NOT NULL,
        done_on TEXT NOT NULL,
        done_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        PRIMARY KEY (child_id, step))
      )",
      R"(CREATE TABLE closures (
        child_id BIGINT PRIMARY KEY REFERENCES people (id),
        reason TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL)
      )",
      R"(CREATE TABLE deadlines (
        id ${ID},
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        due_at TEXT NOT NULL,
        child_id BIGINT NOT NULL DEFAULT 0,
        adult_id BIGINT NOT NULL DEFAULT 0,
        done_at TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL)
      )",
      "CREATE INDEX deadlines_due ON deadlines (done_at, due_at)",
  }};
}

// Version 5: the dashboard's and the families list's counts (access/
// case_access_families.cc) read this index alone instead of every child's row:
// children by custody status and nationality.
Migration FamilyCountsIndex() {
  return {5, "index for counting children by custody status and nationality", {
      "CREATE INDEX people_child_counts ON people (role, custody_status, nationality)",
  }};
}

// Version 6: a record of every match run (linkage/match_run.h, store/match_store.h):
// when, by whom, full or incremental, its counts, and the health of every model it
// trained or loaded (match/model_health.h, a JSON array), so that a reviewer sees
// what a candidate's score rests on. review_candidates.run_id is the run whose score
// and explanation the candidate holds (NULL for those scored before runs were
// recorded); match_models.health is the health of a stored model when it was trained.
Migration MatchRunsSchema() {
  return {6, "match runs with their counts and model health", {
      R"(CREATE TABLE match_runs (
        id ${ID},
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        mode TEXT NOT NULL,
        people BIGINT NOT NULL,
        compared_people BIGINT NOT NULL,
        duplicate_pairs BIGINT NOT NULL,
        family_pairs BIGINT NOT NULL,
        family_scope_people BIGINT NOT NULL,
        candidates_new BIGINT NOT NULL,
        candidates_refreshed BIGINT NOT NULL,
        candidates_reopened BIGINT NOT NULL,
        candidates_kept BIGINT NOT NULL,
        candidates_withdrawn BIGINT NOT NULL,
        model_health TEXT NOT NULL)
      )",
      "ALTER TABLE review_candidates ADD COLUMN run_id BIGINT REFERENCES match_runs (id)",
      "ALTER TABLE match_models ADD COLUMN health TEXT NOT NULL DEFAULT ''",
  }};
}

// Version 7: the account lifecycle (access/accounts.h). A reset
// password must be changed at the next sign-in; API tokens expire ('' never: the
// tokens made before keep working until revoked); login_failures counts each
// attempt before its password is checked (`attempt` names the row while it is
// checked; `account_cleared` marks failures a right password forgave for the
// username, which still count for the address).
Migration AccountLifecycleSchema() {
  return {7, "password change on next sign-in, token expiry, login throttle per address", {
      "ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0",
      "ALTER TABLE api_tokens ADD COLUMN expires_at TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE login_failures ADD COLUMN attempt TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE login_failures ADD COLUMN account_cleared INTEGER NOT NULL DEFAULT 0",
      "CREATE INDEX login_failures_remote ON login_failures (remote, at)",
  }};
}

// Version 8: hash chains over the journal and the audit log (store/chain.h,
// docs/audit_chain.md). Each entry gets its place in its chain (seq) and its hash;
// chain_locks has a row per chain that the chain's writers lock to take turns
// (on PostgreSQL through reunite_chain_reserve, which locks, reads the last entry
// and draws ids in one round trip); chain_anchors keeps the anchors recorded
// (`reunite audit anchor`), each the line that was printed. Entries already written
// are chained in id order from the genesis hash, so an old database verifies.
Migration HashChainsSchema() {
  return {8, "hash chains over the journal and the audit log, anchors", {
      "ALTER TABLE journal ADD COLUMN seq BIGINT NOT NULL DEFAULT 0",
      "ALTER TABLE journal ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE audit_log ADD COLUMN seq BIGINT NOT NULL DEFAULT 0",
      "ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
      "CREATE TABLE chain_locks (chain TEXT PRIMARY KEY)",
      R"(CREATE TABLE chain_anchors (
        id ${ID},
        made_at TEXT NOT NULL,
        made_by TEXT NOT NULL,
        line TEXT NOT NULL)
      )",
    }, {}, {
      // The statements after the lock each see what was committed before it was
      // granted (READ COMMITTED: a snapshot per statement), so the last entry read
      // is the previous holder's last.
      R"(CREATE FUNCTION reunite_chain_reserve(chain_name TEXT, n BIGINT)
        RETURNS TABLE (last_seq BIGINT, last_hash TEXT, new_id BIGINT) LANGUAGE plpgsql AS $$
        DECLARE s BIGINT; h TEXT;
        BEGIN
          PERFORM 1 FROM chain_locks WHERE chain = chain_name FOR UPDATE;
          IF NOT FOUND THEN RAISE EXCEPTION 'chain % has no row in chain_locks', chain_name; END IF;
          IF chain_name = 'journal' THEN
            SELECT j.seq, j.hash INTO s, h FROM journal j ORDER BY j.id DESC LIMIT 1;
          ELSE
            SELECT a.seq, a.hash INTO s, h FROM audit_log a ORDER BY a.id DESC LIMIT 1;
          END IF;
          RETURN QUERY SELECT COALESCE(s, 0), COALESCE(h, ''), nextval(pg_get_serial_sequence(chain_name, 'id'))
                       FROM generate_series(1, n);
        END $$)",
    }, ChainExistingEntries};
}

// Version 9: a search box finds a person by any list's record id ("UAC3049356"),
// whatever the source (store/person_lookup.cc).
Migration RecordIdLookupIndex() {
  return {9, "index of source records by record id", {
      "CREATE INDEX source_records_record_id ON source_records (record_id)",
  }};
}

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> all = {InitialSchema(), ReviewQueueSchema(), AccessSchema(),
                                             WorkflowSchema(), FamilyCountsIndex(), MatchRunsSchema(),
                                             AccountLifecycleSchema(), HashChainsSchema(),
                                             RecordIdLookupIndex()};
  return all;
}

}  // namespace reunite
