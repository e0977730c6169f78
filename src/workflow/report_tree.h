// The court status report's category tree: which categories it counts, how they
// nest, and in which unit (children or parents). Filings counted sometimes
// children and sometimes parents and changed their categories over time, so the
// tree is data: data/report/status_tree.json is embedded as the default and
// `--tree FILE` replaces it.
//
// Format (JSON):
//   {"format": "reunite-status-tree/1",
//    "nodes": [ NODE, ... ]}
//   NODE = {"id": "parents_outside_us",            // [a-z0-9_]+, unique in the tree
//           "label": {"en": "...", "es": "..."},   // both required, non-empty
//           "unit": "children" | "parents",
//           "when": CONDITION,                     // optional: every case
//           "children": [ NODE, ... ]}             // optional
//   CONDITION = {"fact": F, "equals": V}           // V a string; true/false for yes/no facts
//             | {"fact": F, "in": [V, ...]}
//             | {"fact": F, "contains": V}         // list facts (parent.flag, family.step, ...)
//             | {"fact": F, "contains_any": [V, ...]}
//             | {"all": [CONDITION, ...]} | {"any": [CONDITION, ...]} | {"not": CONDITION}
//
// Conditions are read over a *case*: one child with one linked parent (a child
// with no linked parent is one case with no parent; rejected links are no
// links). A node holds the cases that meet its condition and every ancestor's, so
// categories nest (outside the US -> contacted -> decided -> reunified abroad). A
// child counts in a node when one of its cases is in it; a parent likewise. The
// facts are listed by Facts() (name, values, meaning) and in docs/workflow.md.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace reunite::report {

enum class FactType { kChoice, kYesNo, kList, kText };

struct FactInfo {
  std::string name;                 // "parent.whereabouts"
  FactType type;
  std::vector<std::string> values;  // kChoice, kList: the allowed values; kYesNo: false, true
  std::string meaning;              // one line, for --help and docs
};

// The facts, by index into Facts() and a case's values (workflow/report_count.cc).
enum Fact : int {
  kParentLinked, kParentWhereabouts, kParentCustody, kParentTracing, kParentLocated, kParentInContact,
  kParentEligibility, kParentFlag, kParentIneligibleReason, kParentCountry, kParentDepartment,
  kParentDecided, kLinkRelationship, kLinkVerification, kChildNationality, kFamilyDecision, kFamilyPlan,
  kFamilyStep, kFamilyReunified, kFamilyClosure, kFamilyClosed, kFamilyRemaining, kFactCount
};

// Every fact a condition may name, in Fact order.
const std::vector<FactInfo>& Facts();
// The index of a fact by name, or -1.
int FactIndex(std::string_view name);

struct Condition {
  enum class Op { kAlways, kAll, kAny, kNot, kChoice, kListAll, kListAny, kText };
  Op op = Op::kAlways;
  int fact = -1;
  std::uint64_t mask = 0;          // kChoice: bit per accepted value; kList*: bit per named value
  std::vector<std::string> texts;  // kText: accepted values
  std::vector<Condition> children; // kAll, kAny, kNot
};

enum class Unit { kChildren, kParents };
std::string ToString(Unit unit);  // "children", "parents"

struct TreeNode {
  std::string id;
  std::string label_en, label_es;
  Unit unit = Unit::kChildren;
  Condition when;
  int parent = -1;  // index in CategoryTree::nodes; -1 at the top
  int depth = 0;
};

struct CategoryTree {
  std::string source;           // the file name, or "default" for the embedded tree
  std::vector<TreeNode> nodes;  // depth first: a node before its children
};

// Parses and checks a tree. InvalidArgument "SOURCE: WHY" for JSON that does not
// parse, and "SOURCE: node 'ID' (nodes[0].children[2]): WHY" for a node that is
// wrong: missing or duplicate id, missing label, unknown unit, unknown fact, an
// operator that does not fit the fact, a value the fact cannot take.
Result<CategoryTree> ParseCategoryTree(std::string_view json_text, const std::string& source);

// The embedded data/report/status_tree.json.
Result<CategoryTree> DefaultCategoryTree();

// Reads and parses a tree file: IOError naming the file when it cannot be read.
Result<CategoryTree> LoadCategoryTree(const std::string& path);

}  // namespace reunite::report
