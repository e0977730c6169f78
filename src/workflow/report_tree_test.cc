#include "workflow/report_tree.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>

#include <unistd.h>

#include "workflow/report_count.h"
#include "workflow/report_test_support.h"

namespace reunite::report {
namespace {

// A tree of one node with `node` spliced in as its only child.
std::string WithChild(const std::string& node) {
  return R"({"format": "reunite-status-tree/1", "nodes": [
    {"id": "top", "label": {"en": "All", "es": "Todos"}, "unit": "parents", "children": [)" +
         node + "]}]}";
}

std::string Error(const std::string& text) {
  auto tree = ParseCategoryTree(text, "filing.json");
  EXPECT_FALSE(tree.ok()) << text;
  if (tree.ok()) return "";
  EXPECT_EQ(tree.status().code(), StatusCode::kInvalidArgument);
  return tree.status().message();
}

void ExpectError(const std::string& text, const std::string& want) {
  std::string got = Error(text);
  EXPECT_NE(got.find("filing.json: "), std::string::npos) << got;
  EXPECT_NE(got.find(want), std::string::npos) << "want '" << want << "' in: " << got;
}

TEST(CategoryTreeTest, DefaultTreeParsesWithBothUnitsAndNestedCategories) {
  auto tree = DefaultCategoryTree();
  ASSERT_TRUE(tree.ok()) << tree.status().ToString();
  EXPECT_EQ(tree->source, "default");
  bool children = false, parents = false;
  for (const auto& n : tree->nodes) {
    (n.unit == Unit::kChildren ? children : parents) = true;
    EXPECT_FALSE(n.label_en.empty());
    EXPECT_FALSE(n.label_es.empty());
    if (n.parent >= 0) {
      EXPECT_EQ(n.depth, tree->nodes[n.parent].depth + 1);
    }
  }
  EXPECT_TRUE(children && parents);
  // outside the US -> contacted -> decided -> reunified abroad
  std::vector<std::string> path;
  for (int i = [&] {
         for (size_t j = 0; j < tree->nodes.size(); ++j)
           if (tree->nodes[j].id == "parents_reunified_abroad") return static_cast<int>(j);
         return -1;
       }();
       i >= 0; i = tree->nodes[i].parent)
    path.insert(path.begin(), tree->nodes[i].id);
  EXPECT_EQ(path, (std::vector<std::string>{"parents", "parents_outside_us", "parents_outside_contacted",
                                            "parents_outside_decided_home", "parents_reunified_abroad"}));
}

TEST(CategoryTreeTest, ParsesConditionsOfEveryKind) {
  auto tree = ParseCategoryTree(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children",
      "when": {"all": [{"fact": "parent.whereabouts", "in": ["outside_us", "unknown"]},
                       {"not": {"fact": "parent.located", "equals": true}},
                       {"any": [{"fact": "parent.flag", "contains": "not_parent"},
                                {"fact": "family.step", "contains_any": ["departed", "arrived"]},
                                {"fact": "parent.country", "equals": "GT"}]}]}})"),
                                "t.json");
  ASSERT_TRUE(tree.ok()) << tree.status().ToString();
  ASSERT_EQ(tree->nodes.size(), 2u);
  const Condition& c = tree->nodes[1].when;
  EXPECT_EQ(c.op, Condition::Op::kAll);
  ASSERT_EQ(c.children.size(), 3u);
  EXPECT_EQ(c.children[0].op, Condition::Op::kChoice);
  EXPECT_EQ(c.children[1].op, Condition::Op::kNot);
  EXPECT_EQ(c.children[2].children[1].op, Condition::Op::kListAny);
  EXPECT_EQ(c.children[2].children[2].texts, std::vector<std::string>{"GT"});
}

TEST(CategoryTreeTest, ErrorsNameTheFileTheNodeAndWhy) {
  ExpectError("{\"format\": ", "not valid JSON");
  ExpectError("[]", "must be a JSON object");
  ExpectError(R"({"format": "v2", "nodes": []})", "\"format\" must be");
  ExpectError(R"({"format": "reunite-status-tree/1", "nodes": []})", "non-empty list of nodes");
  ExpectError(R"({"format": "reunite-status-tree/1", "nodes": [], "title": "x"})", "unknown key 'title'");
  ExpectError(WithChild(R"({"label": {"en": "A", "es": "A"}, "unit": "children"})"),
              "node nodes[0].children[0]: \"id\" is required");
  ExpectError(WithChild(R"({"id": "top", "label": {"en": "A", "es": "A"}, "unit": "children"})"),
              "node 'top' (nodes[0].children[0]): the id is used by another node");
  ExpectError(WithChild(R"({"id": "Bad-Id", "label": {"en": "A", "es": "A"}, "unit": "children"})"),
              "a-z, 0-9 and _");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A"}, "unit": "children"})"),
              "node 'a' (nodes[0].children[0]): the label has no \"es\" text");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "families"})"),
              "\"unit\" must be \"children\" or \"parents\"");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children", "colour": 1})"),
              "unknown key 'colour'");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children",
                            "when": {"fact": "parent.contacted", "equals": true}})"),
              "node 'a' (nodes[0].children[0]): unknown fact 'parent.contacted'");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children",
                            "when": {"fact": "family.decision", "equals": "reunify"}})"),
              "family.decision cannot be 'reunify' (values: pending, reunify_home, waiver, undecided)");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children",
                            "when": {"fact": "parent.flag", "equals": "not_parent"}})"),
              "parent.flag: use contains or contains_any, not equals");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children",
                            "when": {"fact": "parent.located", "equals": "yes"}})"),
              "compare it with true or false");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children",
                            "when": {"fact": "parent.located", "greater": 1}})"),
              "unknown operator 'greater'");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children",
                            "when": {"all": []}})"),
              "\"all\" needs a non-empty list");
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children",
                            "when": {"either": []}})"),
              "unknown condition 'either'");
  // The error is in a deeper node: its path says where.
  ExpectError(WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children", "children": [
                            {"id": "b", "label": {"en": "B", "es": "B"}, "unit": "kids"}]})"),
              "node 'b' (nodes[0].children[0].children[0])");
}

TEST(CategoryTreeTest, LoadsAFileAndNamesAMissingOne) {
  auto missing = LoadCategoryTree("/nonexistent/tree.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIOError);
  EXPECT_NE(missing.status().message().find("/nonexistent/tree.json"), std::string::npos);

  char path[] = "/tmp/reunite-tree-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  std::ofstream(path) << WithChild(R"({"id": "a", "label": {"en": "A", "es": "A"}, "unit": "children"})");
  auto tree = LoadCategoryTree(path);
  std::remove(path);
  ASSERT_TRUE(tree.ok()) << tree.status().ToString();
  EXPECT_EQ(tree->source, path);
  EXPECT_EQ(tree->nodes[1].id, "a");
}

// A custom tree over hand-made facts: a filing that counted parents of Guatemala
// by relationship.
TEST(CategoryTreeTest, CustomTreeCountsOverFacts) {
  auto tree = ParseCategoryTree(R"({"format": "reunite-status-tree/1", "nodes": [
      {"id": "gt_mothers", "label": {"en": "Mothers in GT", "es": "Madres en GT"}, "unit": "parents",
       "when": {"all": [{"fact": "parent.country", "equals": "GT"},
                        {"fact": "link.relationship", "equals": "mother"}]},
       "children": [{"id": "their_children", "label": {"en": "Their children", "es": "Sus hijos"},
                     "unit": "children"}]}]})",
                                "f.json");
  ASSERT_TRUE(tree.ok()) << tree.status().ToString();
  ReportFacts facts;
  auto person = [&](PersonId id, bool child, const char* country) {
    PersonFacts p;
    p.child = child;
    p.location_country = facts.text.Id(country);
    facts.people[id] = p;
  };
  person(1, true, "");
  person(2, true, "");
  person(3, true, "");
  person(10, false, "GT");
  person(11, false, "HN");
  facts.links[1] = {1, 10, 1, 0};  // mother in GT of children 1 and 2
  facts.links[2] = {2, 10, 1, 0};
  facts.links[3] = {3, 11, 1, 0};  // mother in HN
  facts.links[4] = {3, 10, 1, 3};  // rejected
  StatusReport r = CountStatus(facts, *tree, "2018-08-01T23:59:59.999Z");
  EXPECT_EQ(testing::Count(r, "gt_mothers"), 1);
  EXPECT_EQ(testing::Count(r, "their_children"), 2);
  EXPECT_EQ(r.tree_source, "f.json");
}

TEST(CategoryTreeTest, FactsHaveUniqueNamesAndMeanings) {
  std::set<std::string> names;
  for (const auto& f : Facts()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name;
    EXPECT_FALSE(f.meaning.empty()) << f.name;
  }
  EXPECT_EQ(Facts().size(), static_cast<size_t>(kFactCount));
  EXPECT_EQ(FactIndex("family.decision"), kFamilyDecision);
}

}  // namespace
}  // namespace reunite::report
