// Test support (header-only, included by the report tests only): people made to
// measure for the status report, and reading a node's counts by id.
#pragma once
#include <gtest/gtest.h>

#include <string>

#include "model/person.h"
#include "workflow/report_count.h"

namespace reunite::report::testing {

inline Person ReportChild(const std::string& nationality) {
  Person p;
  p.role = Role::kChild;
  p.name.given_names = {"Ángel"};
  p.name.paternal_surname = "Xoc";
  p.nationality = nationality;
  p.custody.status = CustodyStatus::kInCare;
  return p;
}

// An adult in US detention, released into the US, removed to `country`, or of
// unknown custody located in `country` (department `department`).
inline Person ReportAdult(CustodyStatus custody, const std::string& country, const std::string& department = "") {
  Person p;
  p.role = Role::kAdult;
  p.name.given_names = {"María"};
  p.name.paternal_surname = "Xoc";
  p.nationality = "GT";
  p.custody.status = custody;
  if (custody == CustodyStatus::kRemoved) p.custody.removal_country = country;
  if (custody != CustodyStatus::kDetained) {
    p.location.country = country;
    p.location.department = department;
  } else {
    p.location.facility = "Port Isabel Detention Center";
  }
  return p;
}

inline const NodeCount* Node(const StatusReport& r, const std::string& id) {
  for (const auto& n : r.nodes)
    if (n.id == id) return &n;
  ADD_FAILURE() << "no node " << id;
  return nullptr;
}

inline long Count(const StatusReport& r, const std::string& id) {
  const NodeCount* n = Node(r, id);
  return n ? n->count : -1;
}

// A node's count for one country or department key; 0 when the key is absent.
inline long CountBy(const StatusReport& r, const std::string& id, const std::string& key, bool department = false) {
  const NodeCount* n = Node(r, id);
  if (!n) return -1;
  for (const auto& [k, c] : department ? n->by_department : n->by_country)
    if (k == key) return c;
  return 0;
}

}  // namespace reunite::report::testing
