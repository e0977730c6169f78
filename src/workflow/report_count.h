// Counting the category tree (workflow/report_tree.h) over the facts replayed from
// the journal (workflow/report_facts.h): each node's number of children or
// parents, broken down by country and by department.
//
// Breakdown keys: a child by its nationality and by the department of its first
// linked parent (lowest link id) that has one; a parent by its country
// (location country, else removal country, else nationality) and its location
// department. "unknown" when there is none.
//
// A Disclosure limits what the counts say to a reader who may not see some
// people's places (access/ReportAccess decides who): those people are left out of
// the breakdowns (a parent's country and department, a child's department when one
// of its parents is such a person), counted under "undisclosed" when a category
// has kUndisclosedMinimum of them or more and under "unknown" otherwise, and their
// places read as unknown in the tree's conditions; and counts below `fewer_than`
// are shown as "fewer than N" by every renderer (workflow/report_format.h).
#pragma once
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "workflow/report_facts.h"
#include "workflow/report_tree.h"

namespace reunite::report {

inline constexpr const char* kUnknownKey = "unknown";
inline constexpr const char* kUndisclosedKey = "undisclosed";
inline constexpr long kUndisclosedMinimum = 5;

struct Disclosure {
  const std::set<PersonId>* hidden_places = nullptr;  // nullptr: every place shows
  long fewer_than = 0;                                // 0: every count as it is
};

struct NodeCount {
  std::string id;
  std::string parent;  // "" at the top
  int depth = 0;
  std::string label_en, label_es;
  Unit unit = Unit::kChildren;
  long count = 0;
  // (key, count) sorted by key, "undisclosed" then "unknown" last; only keys with a count.
  std::vector<std::pair<std::string, long>> by_country, by_department;
};

struct StatusReport {
  std::string as_of;        // ISO 8601 UTC, the last millisecond counted
  std::string tree_source;  // "default" or the tree file
  long journal_entries = 0; // entries replayed (at <= as_of)
  std::vector<NodeCount> nodes;  // the tree's order
  // Every key of the breakdowns, sorted as in NodeCount (for table columns).
  std::vector<std::string> countries, departments;
  long fewer_than = 0;  // Disclosure::fewer_than: counts below it are not shown exactly

  // True when `count` is to be shown as "fewer than N" rather than as a number.
  bool Suppressed(long count) const { return fewer_than > 0 && count < fewer_than; }
};

// Counts `tree` over `facts`. The result's as_of, tree_source and
// journal_entries are filled from the arguments and facts.
StatusReport CountStatus(const ReportFacts& facts, const CategoryTree& tree, const std::string& as_of,
                         const Disclosure& disclosure = {});

}  // namespace reunite::report
