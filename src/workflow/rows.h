// Internal to workflow/: reading the workflow tables into records, shared by the
// reader (workflow_reader.cc) and the writer (which checks the stored state
// before it writes). These functions throw soci::soci_error; callers wrap them in
// GuardStorage (store/storage_guard.h).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/soci_includes.h"

#include "model/family.h"
#include "workflow/records.h"
#include "workflow/tracing.h"

namespace reunite::workflow {

// Adds the use() bindings of a query's placeholders in order; the bound
// variables must outlive the query.
using Bind = std::function<void(soci::statement&)>;
Bind BindOne(const long long& id);
Bind BindNone();

// "WHERE ..." tails (with their bindings) for each table's SELECT.
std::vector<Contact> SelectContacts(soci::session& s, const std::string& tail, const Bind& bind);
std::vector<SearchTask> SelectTasks(soci::session& s, const std::string& tail, const Bind& bind);
std::vector<Decision> SelectDecisions(soci::session& s, const std::string& tail, const Bind& bind);
std::vector<EligibilityFlag> SelectFlags(soci::session& s, const std::string& tail, const Bind& bind);
std::vector<Deadline> SelectDeadlines(soci::session& s, const std::string& tail, const Bind& bind);

// The stored tracing state of an adult; kUnknown when there is no row.
TracingState LoadTracingState(soci::session& s, PersonId adult);
std::optional<Decision> LoadDecision(soci::session& s, PersonId child);
Logistics LoadLogistics(soci::session& s, PersonId child);
Closure LoadClosure(soci::session& s, PersonId child);
// The derived status (docs/workflow.md §5) of these flags.
std::string DeriveEligibility(const std::vector<EligibilityFlag>& flags);
// The stored eligibility status; "eligible" when none is stored.
std::string LoadEligibilityStatus(soci::session& s, PersonId adult);

// The adults linked to `child` (rejected links left out), and the children an
// adult is linked to.
std::vector<FamilyLink> ParentLinks(soci::session& s, PersonId child);
std::vector<PersonId> ChildrenOf(soci::session& s, PersonId adult);

// The role stored for a person, or nullopt when there is none.
std::optional<Role> RoleOf(soci::session& s, PersonId id);

// JSON snapshots for the journal's "*" entries.
std::string Snapshot(const Contact& c);
std::string Snapshot(const SearchTask& t);
std::string Snapshot(const Decision& d);
std::string Snapshot(const EligibilityFlag& f);
std::string Snapshot(const Deadline& d);

}  // namespace reunite::workflow
