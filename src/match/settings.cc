#include "match/settings.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "match/settings_internal.h"

namespace reunite::match {
namespace {

using internal::FormatNumber;
using nlohmann::json;

// Reads a JSON document, remembering the first error with the path where it is.
class SettingsReader {
 public:
  explicit SettingsReader(std::string_view file) : file_(file) {}

  bool Fail(const std::string& path, const std::string& why) {
    if (error_.empty()) error_ = file_ + ": " + path + ": " + why;
    return false;
  }
  const std::string& error() const { return error_; }

  bool String(const json& j, const std::string& path, std::string* out) {
    if (!j.is_string()) return Fail(path, "expected a string");
    *out = j.get<std::string>();
    return true;
  }
  bool Number(const json& j, const std::string& path, double lo, double hi, double* out) {
    if (!j.is_number()) return Fail(path, "expected a number");
    double v = j.get<double>();
    if (v < lo || v > hi) return Fail(path, FormatNumber(v) + " is outside [" + FormatNumber(lo) + ", " + FormatNumber(hi) + "]");
    *out = v;
    return true;
  }
  bool Bool(const json& j, const std::string& path, bool* out) {
    if (!j.is_boolean()) return Fail(path, "expected true or false");
    *out = j.get<bool>();
    return true;
  }
  // Refuses keys outside `known`, so a typo does not silently fall back to a default.
  bool KnownKeys(const json& obj, const std::string& path, std::initializer_list<const char*> known) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      if (std::none_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; })) {
        return Fail(path, "unknown key '" + it.key() + "'");
      }
    }
    return true;
  }
  bool Columns(const json& c, const std::string& path, ComparisonSpec* spec);
  bool StringLevels(const json& levels, const std::string& path, ComparisonSpec* spec);
  bool Comparison(const json& c, const std::string& path, ComparisonSpec* spec);
  bool EstimationKeys(const json& c, const std::string& path, ComparisonSpec* spec);
  bool Prior(const json& c, const std::string& path, ComparisonSpec* spec);
  bool Veto(const json& c, const std::string& path, ComparisonSpec* spec);
  bool VetoUnless(const json& comps, LinkSettings* s);
  bool VetoLift(const json& v, const std::string& path, size_t i, LinkSettings* s,
                std::vector<ComparisonSpec::VetoLift>* into);
  bool Blocking(const json& rules, const std::string& path, std::vector<BlockingRule>* out);
  bool Em(const json& em, const std::string& path, EmSettings* out);
  bool Csv(const json& csv, const std::string& path, CsvOptions* out);
  bool Top(const json& doc, LinkSettings* s);

 private:
  std::string file_;
  std::string error_;
};

bool SettingsReader::Columns(const json& c, const std::string& path, ComparisonSpec* spec) {
  auto read = [&](const char* key, std::vector<std::string>* out) {
    if (!c.contains(key)) return true;
    const json& v = c[key];
    std::string p = path + "." + key;
    if (v.is_string()) {
      out->push_back(v.get<std::string>());
      return true;
    }
    if (!v.is_array() || v.empty()) return Fail(p, "expected a column name or a non-empty list of them");
    for (size_t i = 0; i < v.size(); ++i) {
      std::string col;
      if (!String(v[i], p + "[" + std::to_string(i) + "]", &col)) return false;
      out->push_back(col);
    }
    return true;
  };
  std::vector<std::string> both;
  if (!read("column", &both) || !read("columns", &both)) return false;
  if (!read("left_column", &spec->left_columns) || !read("right_column", &spec->right_columns)) return false;
  if (!both.empty()) {
    if (!spec->left_columns.empty() || !spec->right_columns.empty()) {
      return Fail(path, "give either column(s) or left_column and right_column, not both");
    }
    spec->left_columns = spec->right_columns = both;
  }
  if (spec->left_columns.empty() || spec->right_columns.empty()) {
    return Fail(path, "missing \"column\" (or \"left_column\" and \"right_column\")");
  }
  return true;
}

bool SettingsReader::StringLevels(const json& levels, const std::string& path, ComparisonSpec* spec) {
  if (!levels.is_array() || levels.empty()) return Fail(path, "expected a non-empty list of levels");
  for (size_t i = 0; i < levels.size(); ++i) {
    std::string p = path + "[" + std::to_string(i) + "]";
    const json& l = levels[i];
    std::string name, label;
    const json* arg = nullptr;
    const bool labelled = l.is_object() && l.size() == 2 && l.contains("label");
    if (l.is_string()) {
      name = l.get<std::string>();
    } else if (l.is_object() && (l.size() == 1 || labelled)) {
      for (auto it = l.begin(); it != l.end(); ++it) {
        if (it.key() == "label") continue;
        name = it.key();
        arg = &it.value();
      }
      if (labelled && !String(l["label"], p + ".label", &label)) return false;
      if (labelled && (label.empty() || label == "different")) {
        return Fail(p + ".label", "expected a name for the level, not '" + label + "'");
      }
    } else {
      return Fail(p, "expected a level name or a one-key object like {\"jaro_winkler\": 0.92} (and \"label\")");
    }
    StringLevel level;
    using T = StringLevel::Test;
    if (name == "exact" || name == "nickname" || name == "phonetic") {
      level.test = name == "exact" ? T::kExact : name == "nickname" ? T::kNickname : T::kPhonetic;
      if (arg && !(arg->is_boolean() && arg->get<bool>())) return Fail(p + "." + name, "takes no value (or true)");
      level.label = name;
    } else if (name == "jaro_winkler") {
      if (!arg) return Fail(p, "jaro_winkler needs a threshold, e.g. {\"jaro_winkler\": 0.92}");
      level.test = T::kJaroWinkler;
      if (!Number(*arg, p + ".jaro_winkler", 0.0, 1.0, &level.threshold)) return false;
      level.label = "jaro_winkler >= " + FormatNumber(level.threshold);
    } else if (name == "damerau_levenshtein" || name == "prefix") {
      if (!arg) return Fail(p, name + " needs a number, e.g. {\"" + name + "\": 2}");
      level.test = name == "prefix" ? T::kPrefix : T::kDamerauLevenshtein;
      if (!Number(*arg, p + "." + name, name == "prefix" ? 1 : 0, 100, &level.threshold)) return false;
      level.label = name == "prefix" ? "prefix " + FormatNumber(level.threshold)
                                     : "damerau_levenshtein <= " + FormatNumber(level.threshold);
    } else {
      return Fail(p, "unknown level '" + name + "' (exact, nickname, phonetic, jaro_winkler, damerau_levenshtein, prefix)");
    }
    if (!label.empty()) level.label = label;  // how reviewers read it: "same sector"
    spec->string_levels.push_back(level);
  }
  if (static_cast<int>(spec->string_levels.size()) + 1 > kMaxLevels) {
    return Fail(path, "at most " + std::to_string(kMaxLevels - 1) + " levels");
  }
  return true;
}

bool SettingsReader::Comparison(const json& c, const std::string& path, ComparisonSpec* spec) {
  if (!c.is_object()) return Fail(path, "expected an object");
  if (!KnownKeys(c, path, {"name", "kind", "column", "columns", "left_column", "right_column", "levels",
                           "term_frequency_adjustment", "fuzzy_threshold", "date_format", "list_separator",
                           "max_differences", "blocking_columns", "m_prior", "ordered_levels", "veto_levels",
                           "veto_unless_agree", "veto_unless_weight", "veto_unless_near",
                           "veto_near_agree"})) {
    return false;
  }
  if (!c.contains("kind")) return Fail(path, "missing \"kind\"");
  std::string kind;
  if (!String(c["kind"], path + ".kind", &kind)) return false;
  static const std::vector<std::pair<std::string, ComparisonKind>> kinds = {
      {"string", ComparisonKind::kString}, {"token_set", ComparisonKind::kTokenSet},
      {"date", ComparisonKind::kDate}, {"identifier", ComparisonKind::kIdentifier},
      {"number", ComparisonKind::kNumber}};
  auto k = std::find_if(kinds.begin(), kinds.end(), [&](const auto& e) { return e.first == kind; });
  if (k == kinds.end()) return Fail(path + ".kind", "unknown kind '" + kind + "' (string, token_set, date, identifier, number)");
  spec->kind = k->second;
  if (!Columns(c, path, spec)) return false;
  spec->name = spec->left_columns.front();
  if (c.contains("name") && !String(c["name"], path + ".name", &spec->name)) return false;
  if (c.contains("term_frequency_adjustment") &&
      !Bool(c["term_frequency_adjustment"], path + ".term_frequency_adjustment", &spec->term_frequency_adjustment)) {
    return false;
  }
  if (c.contains("list_separator") && !String(c["list_separator"], path + ".list_separator", &spec->list_separator)) return false;
  if (!EstimationKeys(c, path, spec)) return false;
  if (c.contains("date_format")) {
    if (spec->kind != ComparisonKind::kDate) {
      return Fail(path + ".date_format", "only date comparisons take a date_format");
    }
    std::string f;
    if (!String(c["date_format"], path + ".date_format", &f)) return false;
    auto format = DateFormat::Parse(f);
    if (!format.ok()) return Fail(path + ".date_format", format.status().message());
    spec->date_format = *format;
  }
  if (spec->kind == ComparisonKind::kString) {
    if (!c.contains("levels")) return Fail(path, "a string comparison needs \"levels\"");
    return StringLevels(c["levels"], path + ".levels", spec) && Prior(c, path, spec) && Veto(c, path, spec);
  }
  if (c.contains("levels")) return Fail(path + ".levels", "only string comparisons take levels; " + kind + " has a fixed ladder");
  if (c.contains("fuzzy_threshold") && !Number(c["fuzzy_threshold"], path + ".fuzzy_threshold", 0, 1, &spec->fuzzy_threshold)) return false;
  if (c.contains("max_differences")) {
    const json& d = c["max_differences"];
    if (!d.is_array()) return Fail(path + ".max_differences", "expected a list of numbers");
    for (size_t i = 0; i < d.size(); ++i) {
      double v;
      if (!Number(d[i], path + ".max_differences[" + std::to_string(i) + "]", 0, 1e12, &v)) return false;
      spec->max_differences.push_back(v);
    }
    if (static_cast<int>(d.size()) + 2 > kMaxLevels) return Fail(path + ".max_differences", "too many levels");
  }
  return Prior(c, path, spec) && Veto(c, path, spec);
}

// The keys that shape estimation: blocking_columns and ordered_levels.
bool SettingsReader::EstimationKeys(const json& c, const std::string& path, ComparisonSpec* spec) {
  if (c.contains("blocking_columns")) {
    const json& v = c["blocking_columns"];
    if (!v.is_array()) return Fail(path + ".blocking_columns", "expected a list of column names");
    for (size_t i = 0; i < v.size(); ++i) {
      std::string col;
      if (!String(v[i], path + ".blocking_columns[" + std::to_string(i) + "]", &col)) return false;
      spec->blocking_columns.push_back(col);
    }
  }
  return !c.contains("ordered_levels") || Bool(c["ordered_levels"], path + ".ordered_levels", &spec->ordered_levels);
}

// m_prior: one probability per level ("different" included), normalised.
bool SettingsReader::Prior(const json& c, const std::string& path, ComparisonSpec* spec) {
  if (!c.contains("m_prior")) return true;
  const json& v = c["m_prior"];
  const std::string p = path + ".m_prior";
  const int levels = spec->LevelCount();
  if (!v.is_array() || static_cast<int>(v.size()) != levels) {
    return Fail(p, "expected a list of " + std::to_string(levels) + " probabilities, one per level (different last)");
  }
  double total = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    double m;
    if (!Number(v[i], p + "[" + std::to_string(i) + "]", 1e-9, 1, &m)) return false;
    spec->m_prior.push_back(m);
    total += m;
  }
  for (double& m : spec->m_prior) m /= total;
  return true;
}

// veto_levels: labels of this comparison's levels.
bool SettingsReader::Veto(const json& c, const std::string& path, ComparisonSpec* spec) {
  if (!c.contains("veto_levels")) {
    for (const char* key : {"veto_unless_weight", "veto_unless_near", "veto_near_agree"}) {
      if (c.contains(key)) return Fail(path, std::string(key) + " needs veto_levels");
    }
    return !c.contains("veto_unless_agree") || Fail(path, "veto_unless_agree needs veto_levels");
  }
  if (c.contains("veto_unless_weight") &&
      !Number(c["veto_unless_weight"], path + ".veto_unless_weight", -1000, 1000, &spec->veto_unless_weight)) {
    return false;
  }
  if (c.contains("veto_unless_near")) {
    if (spec->kind != ComparisonKind::kIdentifier) return Fail(path + ".veto_unless_near", "only for identifiers");
    if (!Number(c["veto_unless_near"], path + ".veto_unless_near", 0, 1e15, &spec->veto_unless_near)) return false;
  }
  if (c.contains("veto_near_agree") && !c.contains("veto_unless_near")) {
    return Fail(path, "veto_near_agree needs veto_unless_near");
  }
  const json& v = c["veto_levels"];
  const std::vector<std::string> labels = spec->LevelLabels();
  if (!v.is_array()) return Fail(path + ".veto_levels", "expected a list of level labels");
  for (size_t i = 0; i < v.size(); ++i) {
    std::string label;
    if (!String(v[i], path + ".veto_levels[" + std::to_string(i) + "]", &label)) return false;
    auto it = std::find(labels.begin(), labels.end(), label);
    if (it == labels.end()) return Fail(path + ".veto_levels[" + std::to_string(i) + "]", "no level '" + label + "'");
    spec->veto_levels.push_back(static_cast<int>(it - labels.begin()));
  }
  return true;
}

// veto_unless_agree names other comparisons, each with the levels that lift the veto:
// a label (that level or closer), a list of labels (those levels), or nothing (the
// first level); or a list of such alternatives. Resolved once all are read.
bool SettingsReader::VetoUnless(const json& comps, LinkSettings* s) {
  for (size_t i = 0; i < comps.size(); ++i) {
    if (comps[i].contains("veto_near_agree")) {
      const std::string p = "$.comparisons[" + std::to_string(i) + "].veto_near_agree";
      if (!VetoLift(comps[i]["veto_near_agree"], p, i, s, &s->comparisons[i].veto_near_agree)) return false;
    }
    if (!comps[i].contains("veto_unless_agree")) continue;
    const std::string p = "$.comparisons[" + std::to_string(i) + "].veto_unless_agree";
    const json& v = comps[i]["veto_unless_agree"];
    if (v.is_array() && !v.empty()) {
      for (size_t a = 0; a < v.size(); ++a) {
        if (!VetoLift(v[a], p + "[" + std::to_string(a) + "]", i, s, &s->comparisons[i].veto_unless_agree)) return false;
      }
    } else if (!VetoLift(v, p, i, s, &s->comparisons[i].veto_unless_agree)) {
      return false;
    }
  }
  return true;
}

// One alternative of comparison i's veto_unless_agree (or its veto_near_agree), added to `into`.
bool SettingsReader::VetoLift(const json& v, const std::string& p, size_t i, LinkSettings* s,
                              std::vector<ComparisonSpec::VetoLift>* into) {
  std::vector<std::pair<std::string, json>> wanted;  // name, its levels (null = the first)
  if (v.is_string()) {
    wanted.push_back({v.get<std::string>(), nullptr});
  } else if (v.is_object() && !v.empty()) {
    for (auto it = v.begin(); it != v.end(); ++it) wanted.push_back({it.key(), it.value()});
  } else {
    return Fail(p, "expected a comparison name, an object of comparison names and levels, or a list of these");
  }
  ComparisonSpec::VetoLift lift;
  for (const auto& [name, levels] : wanted) {
    auto it = std::find_if(s->comparisons.begin(), s->comparisons.end(), [&](const auto& c) { return c.name == name; });
    if (it == s->comparisons.end() || it - s->comparisons.begin() == static_cast<long>(i)) {
      return Fail(p, "expected the name of another comparison, not '" + name + "'");
    }
    const std::vector<std::string> labels = it->LevelLabels();
    auto index = [&](const json& label, const std::string& at, int* out) {
      std::string text;
      if (!String(label, at, &text)) return false;
      auto found = std::find(labels.begin(), labels.end(), text);
      if (found == labels.end()) return Fail(at, "no level '" + text + "'");
      *out = static_cast<int>(found - labels.begin());
      return true;
    };
    std::uint32_t mask = 1;  // the first level
    int level = 0;
    if (levels.is_string()) {
      if (!index(levels, p + "." + name, &level)) return false;
      mask = (2u << level) - 1;  // that level or closer
    } else if (levels.is_array() && !levels.empty()) {
      mask = 0;
      for (size_t k = 0; k < levels.size(); ++k) {
        if (!index(levels[k], p + "." + name + "[" + std::to_string(k) + "]", &level)) return false;
        mask |= 1u << level;
      }
    } else if (!levels.is_null()) {
      return Fail(p + "." + name, "expected a level label or a list of them");
    }
    lift.push_back({static_cast<int>(it - s->comparisons.begin()), mask});
  }
  into->push_back(std::move(lift));
  return true;
}

bool SettingsReader::Blocking(const json& rules, const std::string& path, std::vector<BlockingRule>* out) {
  if (!rules.is_array() || rules.empty()) return Fail(path, "expected a non-empty list of rules");
  if (rules.size() > 16) return Fail(path, std::to_string(rules.size()) + " rules: at most 16");
  for (size_t i = 0; i < rules.size(); ++i) {
    std::string p = path + "[" + std::to_string(i) + "]";
    std::string text;
    if (rules[i].is_string()) {
      text = rules[i].get<std::string>();
    } else if (rules[i].is_array() && !rules[i].empty()) {
      for (size_t k = 0; k < rules[i].size(); ++k) {
        std::string part;
        if (!String(rules[i][k], p + "[" + std::to_string(k) + "]", &part)) return false;
        text += (k ? "+" : "") + part;
      }
    } else {
      return Fail(p, "expected a rule: \"col.transform+col2\" or a list of parts");
    }
    auto rule = ParseBlockingRule(text);
    if (!rule.ok()) return Fail(p, rule.status().message());
    out->push_back(*rule);
  }
  return true;
}

bool SettingsReader::Em(const json& em, const std::string& path, EmSettings* out) {
  if (!em.is_object()) return Fail(path, "expected an object");
  if (!KnownKeys(em, path, {"max_u_pairs", "max_iterations", "convergence", "seed", "fix_u", "tf_minimum_u"})) return false;
  double v;
  if (em.contains("max_u_pairs")) {
    if (!Number(em["max_u_pairs"], path + ".max_u_pairs", 1000, 1e9, &v)) return false;
    out->max_u_pairs = static_cast<long>(v);
  }
  if (em.contains("max_iterations")) {
    if (!Number(em["max_iterations"], path + ".max_iterations", 1, 100000, &v)) return false;
    out->max_iterations = static_cast<int>(v);
  }
  if (em.contains("convergence") && !Number(em["convergence"], path + ".convergence", 0, 1, &out->convergence)) return false;
  if (em.contains("seed")) {
    if (!em["seed"].is_number_unsigned()) return Fail(path + ".seed", "expected a non-negative integer");
    out->seed = em["seed"].get<std::uint64_t>();
  }
  if (em.contains("fix_u")) {  // old files: u is now always fixed
    bool fix_u = true;
    if (!Bool(em["fix_u"], path + ".fix_u", &fix_u)) return false;
    if (!fix_u) return Fail(path + ".fix_u", "u is always estimated from random pairs and kept fixed; remove \"fix_u\"");
  }
  if (em.contains("tf_minimum_u") && !Number(em["tf_minimum_u"], path + ".tf_minimum_u", 0, 1, &out->tf_minimum_u)) return false;
  return true;
}

bool SettingsReader::Csv(const json& csv, const std::string& path, CsvOptions* out) {
  if (!csv.is_object()) return Fail(path, "expected an object");
  if (!KnownKeys(csv, path, {"delimiter", "trim_leading_space"})) return false;
  if (csv.contains("delimiter")) {
    std::string d;
    if (!String(csv["delimiter"], path + ".delimiter", &d)) return false;
    if (d.size() != 1 || d[0] == '"' || d[0] == '\n' || d[0] == '\r') return Fail(path + ".delimiter", "expected one character");
    out->delimiter = d[0];
  }
  if (csv.contains("trim_leading_space") && !Bool(csv["trim_leading_space"], path + ".trim_leading_space", &out->trim_leading_space)) {
    return false;
  }
  return true;
}

bool SettingsReader::Top(const json& doc, LinkSettings* s) {
  if (!doc.is_object()) return Fail("$", "expected an object");
  if (!KnownKeys(doc, "$", {"link_type", "format", "unique_id_column", "csv", "comparisons", "blocking_rules",
                            "threshold", "one_to_one", "max_block_pairs", "max_cluster_size", "widen_blocking", "em",
                            "description"})) {
    return false;
  }
  std::string text;
  if (doc.contains("link_type")) {
    if (!String(doc["link_type"], "$.link_type", &text)) return false;
    if (text != "dedupe" && text != "link") return Fail("$.link_type", "expected \"dedupe\" or \"link\", not '" + text + "'");
    s->link_type = text == "link" ? LinkType::kLink : LinkType::kDedupe;
  }
  if (doc.contains("format")) {
    if (!String(doc["format"], "$.format", &text)) return false;
    if (text != "csv" && text != "canonical") return Fail("$.format", "expected \"csv\" or \"canonical\", not '" + text + "'");
    s->format = text == "canonical" ? InputFormat::kCanonical : InputFormat::kCsv;
  }
  if (doc.contains("unique_id_column") && !String(doc["unique_id_column"], "$.unique_id_column", &s->unique_id_column)) return false;
  if (doc.contains("csv") && !Csv(doc["csv"], "$.csv", &s->csv)) return false;
  if (!doc.contains("comparisons")) return Fail("$", "missing \"comparisons\"");
  const json& comps = doc["comparisons"];
  if (!comps.is_array() || comps.empty()) return Fail("$.comparisons", "expected a non-empty list");
  if (comps.size() > kMaxComparisons) return Fail("$.comparisons", "at most " + std::to_string(kMaxComparisons) + " comparisons");
  std::set<std::string> names;
  for (size_t i = 0; i < comps.size(); ++i) {
    std::string p = "$.comparisons[" + std::to_string(i) + "]";
    ComparisonSpec spec;
    if (!Comparison(comps[i], p, &spec)) return false;
    if (!names.insert(spec.name).second) return Fail(p + ".name", "repeated comparison name '" + spec.name + "'");
    s->comparisons.push_back(std::move(spec));
  }
  if (!VetoUnless(comps, s)) return false;
  if (!doc.contains("blocking_rules")) return Fail("$", "missing \"blocking_rules\"");
  if (!Blocking(doc["blocking_rules"], "$.blocking_rules", &s->blocking_rules)) return false;
  if (doc.contains("threshold") && !Number(doc["threshold"], "$.threshold", 0, 1, &s->threshold)) return false;
  if (doc.contains("one_to_one") && !Bool(doc["one_to_one"], "$.one_to_one", &s->one_to_one)) return false;
  if (doc.contains("widen_blocking") && !Bool(doc["widen_blocking"], "$.widen_blocking", &s->widen_blocking)) {
    return false;
  }
  if (doc.contains("max_block_pairs")) {
    double v;
    if (!Number(doc["max_block_pairs"], "$.max_block_pairs", 1, 1e12, &v)) return false;
    s->max_block_pairs = static_cast<long>(v);
  }
  if (doc.contains("max_cluster_size")) {
    double v;
    if (!Number(doc["max_cluster_size"], "$.max_cluster_size", 2, 1e9, &v)) return false;
    s->max_cluster_size = static_cast<long>(v);
  }
  if (doc.contains("em") && !Em(doc["em"], "$.em", &s->em)) return false;
  return true;
}

}  // namespace

Result<LinkSettings> ParseSettings(std::string_view json_text, std::string_view file_name) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string(file_name) + ": not valid JSON: " + e.what());
  }
  SettingsReader reader(file_name);
  LinkSettings settings;
  bool ok = false;
  try {
    ok = reader.Top(doc, &settings);
  } catch (const json::exception& e) {  // defensive: every access above is type-checked
    return Status::InvalidArgument(std::string(file_name) + ": " + e.what());
  }
  if (!ok) return Status::InvalidArgument(reader.error());
  return settings;
}

}  // namespace reunite::match
