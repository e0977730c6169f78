// What the workflow says of each family, for the coordinators' families list: the
// furthest tracing state a parent reached, the child's decision, the parents'
// eligibility, the next open deadline, reunification under way, closure, and each
// linked adult's department. Read in a few queries for every family (or for a page
// of them), never one query per family.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/family.h"
#include "model/person.h"
#include "store/database.h"

namespace reunite {

struct FamilyFacts {
  std::vector<FamilyLink> links;  // the child's links, rejected ones left out, oldest first
  std::string tracing;           // the furthest state of a parent (TracingRank), "" without parents
  std::string decision = "pending";  // the child's current decision kind, "pending" when none
  std::string eligibility;       // the worst of the parents' (ineligible, under_review, eligible), "" none
  bool contested = false;        // a parent has an open, contested eligibility flag
  std::string next_deadline;     // the earliest open deadline of the child or a parent, "" none
  bool reunifying = false;       // a logistics plan and no closure
  bool closed = false;
  std::map<PersonId, std::string> adult_departments;  // ISO 3166-2, stored (the caller withholds)
};

// How far a tracing state has gone, for "the family's furthest": located 6,
// in_contact 5, field_search 4, not_found 3, not_reachable 2, phone_attempted 1,
// unknown (or anything else) 0.
int TracingRank(const std::string& state);
// Whether a parent in `state` has been reached (in contact or located).
bool Reached(const std::string& state);

// The facts of every child (`children` null) or of `children`, by child id. Throws
// soci errors (callers run it under GuardStorage).
std::map<PersonId, FamilyFacts> ReadFamilyFacts(Database& db, const std::vector<PersonId>* children);

}  // namespace reunite
