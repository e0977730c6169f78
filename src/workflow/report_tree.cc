#include "workflow/report_tree.h"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/embedded_data.h"
#include "model/family.h"
#include "workflow/report_facts.h"

namespace reunite::report {

namespace {

using nlohmann::json;

std::vector<std::string> CustodyValues() {
  std::vector<std::string> v;
  for (auto s : {CustodyStatus::kUnknown, CustodyStatus::kInCare, CustodyStatus::kDischarged,
                 CustodyStatus::kDetained, CustodyStatus::kReleased, CustodyStatus::kRemoved})
    v.push_back(ToString(s));
  return v;
}

const std::vector<std::string> kYesNo = {"false", "true"};

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// Where in the file a node is, for messages: "node 'ID' (nodes[0].children[2])".
struct NodeWhere {
  std::string source, id, path;
  Status Error(const std::string& why) const {
    std::string node = id.empty() ? "node " + path : "node '" + id + "' (" + path + ")";
    return Status::InvalidArgument(source + ": " + node + ": " + why);
  }
};

class TreeParser {
 public:
  explicit TreeParser(std::string source) : source_(std::move(source)) {}
  Result<CategoryTree> Parse(std::string_view text);

 private:
  Status ParseNodes(const json& nodes, const std::string& path, int parent, int depth);
  Status ParseNode(const json& node, const std::string& path, int parent, int depth);
  Status ParseLabel(const json& node, const NodeWhere& where, TreeNode& out);
  Result<Condition> ParseCondition(const json& c, const NodeWhere& where, int depth);
  Result<Condition> ParseFactCondition(const json& c, const NodeWhere& where);

  std::string source_;
  CategoryTree tree_;
  std::set<std::string> ids_;
};

Result<CategoryTree> TreeParser::Parse(std::string_view text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Parse again for the message, which says where the syntax breaks.
    try {
      json again = json::parse(text);
    } catch (const json::parse_error& e) {
      return Status::InvalidArgument(source_ + ": not valid JSON: " + e.what());
    }
    return Status::InvalidArgument(source_ + ": not valid JSON");
  }
  if (!doc.is_object()) return Status::InvalidArgument(source_ + ": the tree must be a JSON object");
  for (const auto& [key, value] : doc.items())
    if (key != "format" && key != "nodes")
      return Status::InvalidArgument(source_ + ": unknown key '" + key + "' (keys: format, nodes)");
  if (doc.value("format", json()) != "reunite-status-tree/1")
    return Status::InvalidArgument(source_ + ": \"format\" must be \"reunite-status-tree/1\"");
  if (!doc.contains("nodes") || !doc["nodes"].is_array() || doc["nodes"].empty())
    return Status::InvalidArgument(source_ + ": \"nodes\" must be a non-empty list of nodes");
  tree_.source = source_;
  if (Status s = ParseNodes(doc["nodes"], "nodes", -1, 0); !s.ok()) return s;
  return std::move(tree_);
}

Status TreeParser::ParseNodes(const json& nodes, const std::string& path, int parent, int depth) {
  for (size_t i = 0; i < nodes.size(); ++i)
    if (Status s = ParseNode(nodes[i], path + "[" + std::to_string(i) + "]", parent, depth); !s.ok()) return s;
  return Status::Ok();
}

Status TreeParser::ParseNode(const json& node, const std::string& path, int parent, int depth) {
  NodeWhere where{source_, "", path};
  if (!node.is_object()) return where.Error("a node must be a JSON object");
  if (depth >= 16) return where.Error("nodes nest deeper than 16 levels");
  const json id = node.value("id", json());
  if (!id.is_string() || id.get<std::string>().empty()) return where.Error("\"id\" is required (a text)");
  where.id = id.get<std::string>();
  for (char c : where.id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      return where.Error("an id has only a-z, 0-9 and _");
  if (!ids_.insert(where.id).second) return where.Error("the id is used by another node");
  for (const auto& [key, value] : node.items())
    if (key != "id" && key != "label" && key != "unit" && key != "when" && key != "children")
      return where.Error("unknown key '" + key + "' (keys: id, label, unit, when, children)");
  TreeNode out;
  out.id = where.id;
  out.parent = parent;
  out.depth = depth;
  if (Status s = ParseLabel(node, where, out); !s.ok()) return s;
  const json unit = node.value("unit", json());
  if (unit == "children") out.unit = Unit::kChildren;
  else if (unit == "parents") out.unit = Unit::kParents;
  else return where.Error("\"unit\" must be \"children\" or \"parents\"");
  if (node.contains("when")) {
    Result<Condition> when = ParseCondition(node["when"], where, 0);
    if (!when.ok()) return when.status();
    out.when = std::move(*when);
  }
  const int index = static_cast<int>(tree_.nodes.size());
  tree_.nodes.push_back(std::move(out));
  if (!node.contains("children")) return Status::Ok();
  if (!node["children"].is_array()) return where.Error("\"children\" must be a list of nodes");
  return ParseNodes(node["children"], path + ".children", index, depth + 1);
}

Status TreeParser::ParseLabel(const json& node, const NodeWhere& where, TreeNode& out) {
  const json label = node.value("label", json());
  if (!label.is_object()) return where.Error("\"label\" must be {\"en\": \"...\", \"es\": \"...\"}");
  for (const char* lang : {"en", "es"}) {
    const json text = label.value(lang, json());
    if (!text.is_string() || text.get<std::string>().empty())
      return where.Error(std::string("the label has no \"") + lang + "\" text");
  }
  out.label_en = label["en"].get<std::string>();
  out.label_es = label["es"].get<std::string>();
  return Status::Ok();
}

Result<Condition> TreeParser::ParseCondition(const json& c, const NodeWhere& where, int depth) {
  if (depth > 32) return where.Error("the condition nests deeper than 32 levels");
  if (!c.is_object() || c.empty()) return where.Error("a condition must be a JSON object such as {\"fact\": ...}");
  if (c.contains("fact")) return ParseFactCondition(c, where);
  if (c.size() != 1) return where.Error("a condition has one of fact, all, any, not");
  Condition out;
  const std::string key = c.begin().key();
  const json& value = c.begin().value();
  if (key == "not") {
    out.op = Condition::Op::kNot;
    Result<Condition> inner = ParseCondition(value, where, depth + 1);
    if (!inner.ok()) return inner.status();
    out.children.push_back(std::move(*inner));
    return out;
  }
  if (key != "all" && key != "any") return where.Error("unknown condition '" + key + "' (fact, all, any, not)");
  if (!value.is_array() || value.empty()) return where.Error("\"" + key + "\" needs a non-empty list of conditions");
  out.op = key == "all" ? Condition::Op::kAll : Condition::Op::kAny;
  for (const auto& item : value) {
    Result<Condition> inner = ParseCondition(item, where, depth + 1);
    if (!inner.ok()) return inner.status();
    out.children.push_back(std::move(*inner));
  }
  return out;
}

// The values a fact condition names, as text (booleans as "false"/"true").
Result<std::vector<std::string>> ConditionValues(const json& value, bool list, const FactInfo& fact,
                                                 const NodeWhere& where) {
  std::vector<json> items;
  if (list) {
    if (!value.is_array() || value.empty()) return where.Error(fact.name + ": needs a non-empty list of values");
    items.assign(value.begin(), value.end());
  } else {
    items.push_back(value);
  }
  std::vector<std::string> out;
  for (const json& item : items) {
    if (fact.type == FactType::kYesNo) {
      if (!item.is_boolean()) return where.Error(fact.name + " is a yes/no fact: compare it with true or false");
      out.push_back(item.get<bool>() ? "true" : "false");
      continue;
    }
    if (!item.is_string()) return where.Error(fact.name + ": values are texts");
    out.push_back(item.get<std::string>());
    if (fact.type != FactType::kText && IndexOf(fact.values, out.back()) < 0)
      return where.Error(fact.name + " cannot be '" + out.back() + "' (values: " + Join(fact.values) + ")");
  }
  return out;
}

Result<Condition> TreeParser::ParseFactCondition(const json& c, const NodeWhere& where) {
  if (!c["fact"].is_string()) return where.Error("\"fact\" must name a fact");
  const std::string name = c["fact"].get<std::string>();
  const int fact = FactIndex(name);
  if (fact < 0) return where.Error("unknown fact '" + name + "'");
  const FactInfo& info = Facts()[fact];
  if (c.size() != 2) return where.Error(name + ": a fact condition has \"fact\" and one operator");
  auto it = c.begin();
  if (it.key() == "fact") ++it;
  const std::string op = it.key();
  const bool is_list = info.type == FactType::kList;
  const bool list_op = op == "contains" || op == "contains_any";
  if (op != "equals" && op != "in" && !list_op)
    return where.Error(name + ": unknown operator '" + op + "' (equals, in, contains, contains_any)");
  if (is_list != list_op)
    return where.Error(name + ": use " + (is_list ? "contains or contains_any" : "equals or in") + ", not " + op);
  Result<std::vector<std::string>> values = ConditionValues(*it, op == "in" || op == "contains_any", info, where);
  if (!values.ok()) return values.status();
  Condition out;
  out.fact = fact;
  if (info.type == FactType::kText) {
    out.op = Condition::Op::kText;
    out.texts = std::move(*values);
    return out;
  }
  for (const auto& v : *values) out.mask |= std::uint64_t{1} << IndexOf(info.values, v);
  out.op = !is_list ? Condition::Op::kChoice : op == "contains" ? Condition::Op::kListAll : Condition::Op::kListAny;
  return out;
}

}  // namespace

const std::vector<FactInfo>& Facts() {
  using T = FactType;
  static const std::vector<FactInfo> facts = {
      {"parent.linked", T::kYesNo, kYesNo, "the case has a linked parent"},
      {"parent.whereabouts", T::kChoice, {"in_us", "outside_us", "unknown"},
       "detained: in_us; removed: outside_us; else the location country (US or not); released: in_us"},
      {"parent.custody", T::kChoice, CustodyValues(), "the parent's custody status"},
      {"parent.tracing", T::kChoice, TracingStates(), "the parent's tracing state"},
      {"parent.located", T::kYesNo, kYesNo, "tracing state in_contact or located"},
      {"parent.in_contact", T::kYesNo, kYesNo, "tracing state in_contact"},
      {"parent.eligibility", T::kChoice, EligibilityStatuses(), "the parent's eligibility status"},
      {"parent.flag", T::kList, FlagKinds(), "kinds of the parent's open red flags"},
      {"parent.ineligible_reason", T::kList, FlagKinds(),
       "kinds of the parent's open final red flags not overturned"},
      {"parent.country", T::kText, {}, "location country, else removal country, else nationality"},
      {"parent.department", T::kText, {}, "location department (ISO 3166-2)"},
      {"parent.decided", T::kYesNo, kYesNo, "the parent is the one who made the family's decision"},
      {"link.relationship", T::kChoice, {"father", "mother", "legal_guardian", "other_relative"},
       "how the parent is related to the child"},
      {"link.verification", T::kChoice, {"claimed", "documented", "confirmed"}, "how the link was established"},
      {"child.nationality", T::kText, {}, "the child's nationality (ISO 3166-1 alpha-2)"},
      {"family.decision", T::kChoice, DecisionKinds(), "the family's decision (pending: none yet)"},
      {"family.plan", T::kChoice, LogisticsPlans(), "the reunification plan"},
      {"family.step", T::kList, LogisticsSteps(), "logistics steps done"},
      {"family.reunified", T::kYesNo, kYesNo, "step reunified done, or closed as reunified"},
      {"family.closure", T::kChoice, ClosureReasons(), "why the family was closed (open: not closed)"},
      {"family.closed", T::kYesNo, kYesNo, "the family is closed"},
      {"family.remaining", T::kYesNo, kYesNo, "neither reunified nor closed"},
  };
  return facts;
}

int FactIndex(std::string_view name) {
  const auto& facts = Facts();
  for (size_t i = 0; i < facts.size(); ++i)
    if (facts[i].name == name) return static_cast<int>(i);
  return -1;
}

std::string ToString(Unit unit) { return unit == Unit::kChildren ? "children" : "parents"; }

Result<CategoryTree> ParseCategoryTree(std::string_view json_text, const std::string& source) {
  return TreeParser(source).Parse(json_text);
}

Result<CategoryTree> DefaultCategoryTree() {
  std::optional<std::string_view> text = EmbeddedFile("report/status_tree.json");
  if (!text) return Status::Internal("the default status tree is not embedded (data/report/status_tree.json)");
  return ParseCategoryTree(*text, "default");
}

Result<CategoryTree> LoadCategoryTree(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open tree file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read tree file " + path);
  return ParseCategoryTree(text.str(), path);
}

}  // namespace reunite::report
