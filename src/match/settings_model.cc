// The settings model's own parts: the blocking key language, level labels, the
// columns a model reads. settings.cc reads the JSON document into them.
#include <algorithm>
#include <cstdio>

#include "match/settings.h"
#include "match/settings_internal.h"

namespace reunite::match {
namespace internal {

std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace internal

namespace {

using internal::FormatNumber;

bool ParseLength(std::string_view text, int* n) {
  if (text.empty() || text.size() > 3) return false;
  *n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    *n = *n * 10 + (c - '0');
  }
  return *n > 0;
}

Result<BlockingPart> ParseBlockingPart(std::string_view text) {
  using T = BlockingPart::Transform;
  BlockingPart part;
  auto dot = text.rfind('.');
  part.column = std::string(text.substr(0, dot));
  std::string_view t = dot == std::string_view::npos ? "exact" : text.substr(dot + 1);
  if (part.column.empty()) return Status::InvalidArgument("blocking part '" + std::string(text) + "' names no column");
  static const std::vector<std::pair<std::string_view, T>> names = {
      {"exact", T::kExact}, {"phonetic", T::kPhonetic}, {"first_token", T::kFirstToken},
      {"last_token", T::kLastToken}, {"items", T::kItems}, {"words", T::kWords},
      {"digits", T::kDigits},
      {"digits_sorted", T::kDigitsSorted}, {"year", T::kYear}, {"month", T::kMonth}, {"month_day", T::kMonthDay}};
  for (const auto& [name, transform] : names) {
    if (t == name) {
      part.transform = transform;
      return part;
    }
  }
  for (auto [prefix, transform] : {std::pair{std::string_view("prefix"), T::kPrefix}, {"suffix", T::kSuffix}}) {
    if (t.substr(0, prefix.size()) == prefix && ParseLength(t.substr(prefix.size()), &part.length)) {
      part.transform = transform;
      return part;
    }
  }
  return Status::InvalidArgument("unknown transform '" + std::string(t) + "' in '" + std::string(text) +
                                 "' (exact, phonetic, prefixN, suffixN, first_token, last_token, items, words, "
                                 "digits, digits_sorted, year, month, month_day)");
}

}  // namespace

Result<BlockingRule> ParseBlockingRule(std::string_view text) {
  BlockingRule rule;
  rule.text = std::string(text);
  size_t start = 0;
  while (start <= text.size()) {
    size_t plus = text.find('+', start);
    std::string_view piece = text.substr(start, plus == std::string_view::npos ? std::string_view::npos : plus - start);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    if (piece.empty()) return Status::InvalidArgument("empty part in blocking rule '" + rule.text + "'");
    auto part = ParseBlockingPart(piece);
    if (!part.ok()) return part.status();
    rule.parts.push_back(*part);
    if (plus == std::string_view::npos) break;
    start = plus + 1;
  }
  return rule;
}

int ComparisonSpec::LevelCount() const { return static_cast<int>(LevelLabels().size()); }

std::vector<std::string> ComparisonSpec::LevelLabels() const {
  std::vector<std::string> labels;
  switch (kind) {
    case ComparisonKind::kString:
      for (const auto& l : string_levels) labels.push_back(l.label);
      labels.push_back("different");
      return labels;
    case ComparisonKind::kTokenSet: return TokenSetLevelLabels();
    case ComparisonKind::kDate: return DateLevelLabels();
    case ComparisonKind::kIdentifier: return IdentifierLevelLabels();
    case ComparisonKind::kNumber:
      labels.push_back("equal");
      for (double d : max_differences) labels.push_back("within " + FormatNumber(d));
      labels.push_back("different");
      return labels;
  }
  return labels;
}

bool ComparisonSpec::FixedBy(const std::string& column) const {
  for (const auto* list : {&left_columns, &right_columns, &blocking_columns}) {
    if (std::find(list->begin(), list->end(), column) != list->end()) return true;
  }
  return false;
}

int ComparisonSpec::ExactLevel() const {
  if (kind != ComparisonKind::kString) return 0;
  for (size_t i = 0; i < string_levels.size(); ++i) {
    if (string_levels[i].test == StringLevel::Test::kExact) return static_cast<int>(i);
  }
  return -1;
}

namespace {
std::vector<std::string> ColumnsOf(const LinkSettings& s, bool left) {
  std::vector<std::string> cols = {s.unique_id_column};
  auto add = [&](const std::string& c) {
    if (std::find(cols.begin(), cols.end(), c) == cols.end()) cols.push_back(c);
  };
  for (const auto& c : s.comparisons) {
    for (const auto& col : left ? c.left_columns : c.right_columns) add(col);
  }
  for (const auto& r : s.blocking_rules) {
    for (const auto& p : r.parts) add(p.column);
  }
  return cols;
}
}  // namespace

std::vector<std::string> LinkSettings::LeftColumns() const { return ColumnsOf(*this, true); }
std::vector<std::string> LinkSettings::RightColumns() const { return ColumnsOf(*this, false); }

std::string ToString(LinkType t) { return t == LinkType::kLink ? "link" : "dedupe"; }

std::string ToString(ComparisonKind k) {
  switch (k) {
    case ComparisonKind::kString: return "string";
    case ComparisonKind::kTokenSet: return "token_set";
    case ComparisonKind::kDate: return "date";
    case ComparisonKind::kIdentifier: return "identifier";
    case ComparisonKind::kNumber: return "number";
  }
  return "?";
}

}  // namespace reunite::match
