#include "match/column_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "match/block_index.h"

namespace reunite::match {
namespace {

// What a use of a column needs its values to be.
enum class Need { kText, kDate, kNumber, kDigits };

struct Use {
  std::vector<std::string> columns;
  Need need = Need::kText;
  const DateFormat* format = nullptr;  // kDate
  std::string used_by;
  bool comparison = false;
};

// A use's counts over the records.
struct Tally {
  long records = 0, empty = 0, unreadable = 0;
  std::vector<std::string> examples;
};

std::string Key(const std::vector<std::string>& columns) {
  std::string key;
  for (const auto& c : columns) key += c + '\x1f';
  return key;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Need TransformNeed(BlockingPart::Transform t) {
  using T = BlockingPart::Transform;
  if (t == T::kYear || t == T::kMonth || t == T::kMonthDay) return Need::kDate;
  if (t == T::kDigits || t == T::kDigitsSorted) return Need::kDigits;
  return Need::kText;
}

Need ComparisonNeed(ComparisonKind k) {
  switch (k) {
    case ComparisonKind::kDate: return Need::kDate;
    case ComparisonKind::kNumber: return Need::kNumber;
    case ComparisonKind::kIdentifier: return Need::kDigits;
    default: return Need::kText;
  }
}

// Every use, comparisons first, each (columns, need, format) once.
std::vector<Use> UsesOf(const LinkSettings& settings, bool left_side) {
  std::vector<Use> uses;
  auto add = [&](Use use) {
    for (const Use& u : uses) {
      if (u.columns == use.columns && u.need == use.need && (u.need != Need::kDate || *u.format == *use.format)) return;
    }
    uses.push_back(std::move(use));
  };
  for (const auto& c : settings.comparisons) {
    add({left_side ? c.left_columns : c.right_columns, ComparisonNeed(c.kind), &c.date_format,
         "comparison '" + c.name + "'", true});
  }
  for (const auto& rule : settings.blocking_rules) {
    for (const auto& part : rule.parts) {
      add({{part.column}, TransformNeed(part.transform), &PartDateFormat(settings, part),
           "blocking rule '" + rule.text + "'", false});
    }
  }
  return uses;
}

enum class Outcome : char { kEmpty, kUsable, kUnreadable };

Outcome Classify(std::string_view text, const Use& use) {
  text = Trim(text);
  if (text.empty()) return Outcome::kEmpty;
  switch (use.need) {
    case Need::kText: return Outcome::kUsable;
    case Need::kDate: {
      DateCell cell = ReadDateCell(text, *use.format);
      if (cell.unreadable) return Outcome::kUnreadable;
      return cell.date.empty() ? Outcome::kEmpty : Outcome::kUsable;  // "unknown" and the like
    }
    case Need::kNumber: return std::isnan(ReadNumberValue(text)) ? Outcome::kUnreadable : Outcome::kUsable;
    case Need::kDigits:
      for (char c : text) {
        if (c >= '0' && c <= '9') return Outcome::kUsable;
      }
      return Outcome::kUnreadable;
  }
  return Outcome::kUsable;
}

// Counts a use's outcomes, each distinct cell classified once (values repeat).
Tally Count(const Dataset& data, const std::vector<int>& cols, const Use& use) {
  Tally t;
  t.records = static_cast<long>(data.size());
  std::unordered_map<std::string_view, Outcome> seen;
  std::string joined;
  for (size_t row = 0; row < data.size(); ++row) {
    std::string_view value;
    if (cols.size() == 1) {
      value = data.columns[cols[0]][row];
    } else {
      joined.clear();
      for (int c : cols) {
        if (Trim(data.columns[c][row]).empty()) continue;
        joined += (joined.empty() ? "" : " ") + data.columns[c][row];
      }
      value = joined;
    }
    Outcome o;
    if (cols.size() == 1) {
      auto [it, fresh] = seen.try_emplace(value, Outcome::kEmpty);
      if (fresh) it->second = Classify(value, use);
      o = it->second;
    } else {
      o = Classify(value, use);
    }
    if (o == Outcome::kEmpty) ++t.empty;
    if (o != Outcome::kUnreadable) continue;
    ++t.unreadable;
    std::string example(Trim(value));
    if (t.examples.size() < 3 && std::find(t.examples.begin(), t.examples.end(), example) == t.examples.end()) {
      t.examples.push_back(std::move(example));
    }
  }
  return t;
}

std::string Expected(const Use& use) {
  switch (use.need) {
    case Need::kDate: return "dates in format '" + use.format->name() + "'";
    case Need::kNumber: return "numbers";
    case Need::kDigits: return "identifiers (they hold no digit)";
    case Need::kText: break;
  }
  return "text";
}

std::string Thousands(long n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// "100%", "61%", "6.2%"; never 100% or 0% for a part.
std::string Share(long count, long total) {
  const double pct = total > 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0;
  char buf[16];
  if (count == total) return "100%";
  if (pct >= 99.5) return "99.9%";
  std::snprintf(buf, sizeof buf, pct < 10 ? "%.1f%%" : "%.0f%%", pct);
  return buf;
}

}  // namespace

std::string ColumnWarning::ToString() const {
  std::string out = file + ": column" + (columns.size() > 1 ? "s " : " ");
  for (size_t i = 0; i < columns.size(); ++i) out += (i ? ", '" : "'") + columns[i] + "'";
  out += " (" + used_by + "): " + Thousands(count) + " of " + Thousands(total);
  if (kind == Kind::kMostlyEmpty) {
    out += " records (" + Share(count, total) + ") are empty";
  } else {
    out += " values (" + Share(count, total) + ") do not parse as " + expected;
    for (size_t i = 0; i < examples.size(); ++i) out += (i ? ", \"" : ", e.g. \"") + examples[i] + "\"";
  }
  if (no_usable_value) out += "; no usable value";
  return out;
}

std::vector<ColumnWarning> CheckColumns(const Dataset& data, const LinkSettings& settings, bool left_side,
                                        const ColumnCheckOptions& options) {
  std::vector<ColumnWarning> out;
  if (data.size() == 0) return out;
  std::vector<std::string> empty_reported;  // column keys already counted for emptiness
  for (const Use& use : UsesOf(settings, left_side)) {
    std::vector<int> cols;
    for (const auto& name : use.columns) {
      if (data.ColumnIndex(name) >= 0) cols.push_back(data.ColumnIndex(name));
    }
    if (cols.size() != use.columns.size() || cols.empty()) continue;
    const Tally t = Count(data, cols, use);
    const long filled = t.records - t.empty;
    const bool none = use.comparison && filled - t.unreadable == 0;
    ColumnWarning w;
    w.file = data.name;
    w.columns = use.columns;
    w.used_by = use.used_by;
    const std::string key = Key(use.columns);
    const bool empty_seen = std::find(empty_reported.begin(), empty_reported.end(), key) != empty_reported.end();
    empty_reported.push_back(key);
    const bool all_empty = none && t.unreadable == 0;
    if ((!empty_seen && t.empty > options.max_empty_share * static_cast<double>(t.records)) || all_empty) {
      ColumnWarning e = w;
      e.count = t.empty;
      e.total = t.records;
      e.no_usable_value = all_empty;
      out.push_back(std::move(e));
    }
    if (t.unreadable > 0 && t.unreadable > options.max_unreadable_share * static_cast<double>(filled)) {
      w.kind = ColumnWarning::Kind::kUnreadable;
      w.expected = Expected(use);
      w.count = t.unreadable;
      w.total = filled;
      w.examples = t.examples;
      w.no_usable_value = none;
      out.push_back(std::move(w));
    }
  }
  return out;
}

}  // namespace reunite::match
