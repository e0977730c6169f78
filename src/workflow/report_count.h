// Counting the category tree (workflow/report_tree.h) over the facts replayed from
// the journal (workflow/report_facts.h): each node's number of children or
// parents, broken down by country and by department.
//
// Breakdown keys: a child by its nationality and by the department of its first
// linked parent (lowest link id) that has one; a parent by its country
// (location country, else removal country, else nationality) and its location
// department. "unknown" when there is none.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "workflow/report_facts.h"
#include "workflow/report_tree.h"

namespace reunite::report {

inline constexpr const char* kUnknownKey = "unknown";

struct NodeCount {
  std::string id;
  std::string parent;  // "" at the top
  int depth = 0;
  std::string label_en, label_es;
  Unit unit = Unit::kChildren;
  long count = 0;
  // (key, count) sorted by key, "unknown" last; only keys with a count.
  std::vector<std::pair<std::string, long>> by_country, by_department;
};

struct StatusReport {
  std::string as_of;        // ISO 8601 UTC, the last millisecond counted
  std::string tree_source;  // "default" or the tree file
  long journal_entries = 0; // entries replayed (at <= as_of)
  std::vector<NodeCount> nodes;  // the tree's order
  // Every key of the breakdowns, sorted as in NodeCount (for table columns).
  std::vector<std::string> countries, departments;
};

// Counts `tree` over `facts`. The result's as_of, tree_source and
// journal_entries are filled from the arguments and facts.
StatusReport CountStatus(const ReportFacts& facts, const CategoryTree& tree, const std::string& as_of);

}  // namespace reunite::report
