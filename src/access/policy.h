// The one place that decides what a role may do and see. Every access/ service
// asks here; front ends never decide permissions themselves.
//
// What each role may do (Allowed):
//
//   action            admin coordinator case_worker field_searcher gov_liaison auditor
//   kReadPeople         y       y           y          team         y(w)      y(w)
//   kReadFamilies       y       y           y          team         y(w)      y(w)
//   kWriteCase          y       y           y          team          -         -
//   kReviewMatches      y       y           y           -            -         -
//   kImportLists        y       y           -           -            -         -
//   kAssignFamilies     y       y           -           -            -         -
//   kSetProtection      y       y           y           -            -         -
//   kManageUsers        y       -           -           -            -         -
//   kReadAudit          y       -           -           -            -         y
//   -- the tracing and reunification workflow (access/workflow_access.h) --
//   kTrace              y       y           y          team          -         -
//   kWorkSearchTasks    y       y           y          team          -         -
//   kAssignSearchTasks  y       y           y           -            -         -
//   kRecordDecisions    y       y           y           -            -         -
//   kFlagEligibility    y       y           y           -            -         -
//   kManageLogistics    y       y           y           -            -         -
//   kCloseFamilies      y       y           y           -            -         -
//   kManageDeadlines    y       y           y           -            -         -
//   kReadWorkflow       y       y           y          team          -         -
//   kReadReports        y       y           y          team          y         y
//   kRemoveProtection   y       y           -           -            -         -
//   kRunMatching        y       y           -           -            -         -
//
//   kTrace: log contacts (calls, visits, messages, child-parent calls) and move a
//   parent's tracing state. kWorkSearchTasks: open and close search tasks.
//   kAssignSearchTasks: give a task to an organisation and team. kReadWorkflow:
//   contacts, tasks, the search plan, decisions, eligibility, logistics, closure
//   and deadlines. kReadReports: the court reports (status, overdue); government
//   liaisons and auditors read only these. A field searcher's overdue report holds
//   only their team's families; the status report counts every family and cannot
//   be scoped to a team, so access/ReportAccess refuses team-scoped principals.
//   kRemoveProtection: take a person off "at risk" (kSetProtection marks them and
//   edits the notes), or reject a duplicate candidate that links a record to a
//   protected person; each needs a reason, is journaled and audited, and a removal
//   is shown on the person and to the other coordinators (dashboard).
//   kRunMatching: run the matcher over everyone (`reunite match run`), which fills
//   and withdraws review candidates for every family: those who import lists.
//
//   team: only families assigned to the user's team (a child assigned to the team,
//         and the adults linked to such a child); others read as not found.
//   (w):  with fields withheld (below).
//
// What each role sees of a person (Withheld), field groups "location", "phones",
// "protection_notes":
//   - government_liaison: never an adult's home-country location (country,
//     department, municipality, village, text; the US custody facility stays),
//     phones, nor anyone's protection notes.
//   - auditor: no protection notes (they audit access, not cases).
//   - a person at risk: location (all of it, the facility too) and phones only for
//     admins, coordinators and the field searchers of a team the person's family is
//     assigned to; withheld from everyone else. "At risk" protects the person, not
//     one record: every record found or accepted as the same person is protected
//     alike (access/protected_people.h), on every route.
//   - the country a person was removed (deported) to is part of the home location:
//     withheld wherever location.country is.
#pragma once
#include <string>
#include <vector>

#include "access/principal.h"
#include "model/person.h"

namespace reunite {

enum class Action {
  kReadPeople,
  kReadFamilies,
  kWriteCase,
  kReviewMatches,
  kImportLists,
  kAssignFamilies,
  kSetProtection,
  kManageUsers,
  kReadAudit,
  kTrace,
  kWorkSearchTasks,
  kAssignSearchTasks,
  kRecordDecisions,
  kFlagEligibility,
  kManageLogistics,
  kCloseFamilies,
  kManageDeadlines,
  kReadWorkflow,
  kReadReports,
  kRemoveProtection,
  kRunMatching,
};

std::string ToString(Action action);  // "read_people", "write_case", ...

// Whether the role may take the action at all (for field searchers: on the
// families of their team; scope is checked by the services). Nothing is allowed
// to a principal who must change their password first (an admin reset it).
bool Allowed(const Principal& principal, Action action);

// True when the role's reads and writes are limited to its team's families.
bool TeamScoped(const Principal& principal);

// What access/ knows about a person's protection when deciding what to withhold.
struct ProtectionFacts {
  bool at_risk = false;             // a protected person (access/protected_people.h)
  bool in_principals_team = false;  // the person's family is assigned to the principal's team
};

// The names of withheld field groups in PersonView::withheld.
inline constexpr const char* kWithheldLocation = "location";
inline constexpr const char* kWithheldPhones = "phones";
inline constexpr const char* kWithheldNotes = "protection_notes";

// What to withhold from one principal for one person.
struct Withholding {
  bool home_location = false;  // country, department, municipality, village, text; removal country
  bool facility = false;       // the US custody facility (withheld for people at risk)
  bool phones = false;
  bool notes = false;          // protection notes
  bool any() const { return home_location || facility || phones || notes; }
  // The withheld groups, for a page to say so: "location", "phones", "protection_notes".
  std::vector<std::string> Names() const;
  // Clears the withheld fields of `person` (protection notes live outside Person).
  void Apply(Person& person) const;
};

Withholding Withheld(const Principal& principal, const Person& person, const ProtectionFacts& facts);

}  // namespace reunite
