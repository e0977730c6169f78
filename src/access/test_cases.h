// Test support (header-only, included by tests only): a few families with the
// cases the access rules turn on (a family assigned to team "north", an adult at
// risk, an unassigned family) and review candidates over them, shared by the
// access tests and the web API tests.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "access/audit.h"
#include "common/clock.h"
#include "store/case_writer.h"
#include "store/database.h"

namespace reunite::testing {

struct SeededCases {
  PersonId c1 = 0, a1 = 0, a2 = 0;  // family of c1 (team north): a1 father, a2 mother at risk
  PersonId c2 = 0, a3 = 0;          // family of c2 (unassigned): a3 father
  std::int64_t duplicate = 0;       // pending duplicate candidate (a1, a3)
  std::int64_t family_link = 0;     // pending family-link candidate (c2, a1), relationship father
};

// A signed-in user of `role` on `team` ("" for none), named "<role>[_<team>]",
// calling from 10.0.0.9.
inline Principal MakePrincipal(UserRole role, const std::string& team = "") {
  Principal p;
  p.user_id = 1;
  p.username = ToString(role) + (team.empty() ? "" : "_" + team);
  p.role = role;
  p.team = team;
  p.remote = "10.0.0.9";
  return p;
}

// Audit entries with `action` (and `actor`, when given).
inline long CountAudits(Database& db, const std::string& action, const std::string& actor = "") {
  AuditQuery q;
  q.action = action;
  q.actor = actor;
  q.limit = 1000;
  auto entries = QueryAudit(db, q);
  return entries.ok() ? static_cast<long>(entries->size()) : -1;
}

// The audit entries of `action` by `actor` about person `id`.
inline std::vector<AuditEntry> AuditsAbout(Database& db, const std::string& action, const std::string& actor,
                                           PersonId id) {
  AuditQuery q;
  q.action = action;
  q.actor = actor;
  q.limit = 1000;
  auto entries = QueryAudit(db, q);
  EXPECT_TRUE(entries.ok());
  std::vector<AuditEntry> out;
  if (entries.ok()) {
    for (const AuditEntry& e : *entries) {
      if (e.entity == "person" && e.entity_id == id) out.push_back(e);
    }
  }
  return out;
}

inline Person MakeCasePerson(Role role, const char* given, const char* surname, const char* phone) {
  Person p;
  p.role = role;
  p.name.given_names = {given};
  p.name.paternal_surname = surname;
  p.nationality = "GT";
  if (role == Role::kChild) {
    p.location.facility = "Casa Padre";
    p.location.text = "Casa Padre";
    p.birth = {{2012, 3, 4}, DatePrecision::kExact, false};
  } else {
    p.location = {"", "GT", "GT-AV", "Cobán", "Chamelco", "Aldea Chamelco, Cobán, Alta Verapaz"};
    p.phones = {phone};
    p.birth = {{1985, 0, 0}, DatePrecision::kYearOnly, false};
  }
  return p;
}

// A candidate written straight into the queue, as `match run` would.
inline std::int64_t InsertCandidate(Database& db, const std::string& kind, PersonId left, PersonId right,
                                    const std::string& relationship) {
  soci::session& sql = db.session();
  const long long l = left, r = right;
  sql << "INSERT INTO review_candidates (kind, left_id, right_id, relationship, match_weight, probability, "
         "explanation, status, left_version, right_version, created_at, updated_at) VALUES (:k, :l, :r, :rel, 7.5, "
         "0.9, '{\"steps\": []}', 'pending', 0, 0, '2018-07-01T00:00:00Z', '2018-07-01T00:00:00Z')",
      soci::use(kind), soci::use(l), soci::use(r), soci::use(relationship);
  long long id = 0;
  sql << "SELECT id FROM review_candidates WHERE kind = :k AND left_id = :l AND right_id = :r", soci::use(kind),
      soci::use(l), soci::use(r), soci::into(id);
  return id;
}

inline SeededCases SeedCases(Database& db, Clock& clock) {
  SeededCases s;
  CaseWriter writer(db, "seed", clock);
  s.c1 = *writer.CreatePerson(MakeCasePerson(Role::kChild, "Ana", "Xol", ""), "seed");
  s.a1 = *writer.CreatePerson(MakeCasePerson(Role::kAdult, "José", "Xol", "+50255550001"), "seed");
  s.a2 = *writer.CreatePerson(MakeCasePerson(Role::kAdult, "María", "Caal", "+50255550002"), "seed");
  s.c2 = *writer.CreatePerson(MakeCasePerson(Role::kChild, "Luis", "Pop", ""), "seed");
  s.a3 = *writer.CreatePerson(MakeCasePerson(Role::kAdult, "Pedro", "Pop", "+50255550003"), "seed");
  EXPECT_TRUE(writer.AddFamilyLink({0, s.c1, s.a1, Relationship::kFather, Verification::kClaimed}, "seed").ok());
  EXPECT_TRUE(writer.AddFamilyLink({0, s.c1, s.a2, Relationship::kMother, Verification::kClaimed}, "seed").ok());
  EXPECT_TRUE(writer.AddFamilyLink({0, s.c2, s.a3, Relationship::kFather, Verification::kClaimed}, "seed").ok());
  EXPECT_TRUE(writer.SetFamilyAssignment(s.c1, "north", "seed").ok());
  EXPECT_TRUE(writer.SetPersonProtection(s.a2, true, "threatened by the smuggler", "seed").ok());
  s.duplicate = InsertCandidate(db, "duplicate", s.a1, s.a3, "");
  s.family_link = InsertCandidate(db, "family_link", s.c2, s.a1, "father");
  return s;
}

// a2's phone digits (SeedCases) and the village the issue 13 tests move her to: the
// values that must not leak.
inline constexpr const char* kA2PhoneDigits = "55550002";
inline constexpr const char* kA2Village = "Xecoxol";

inline bool Has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace reunite::testing
