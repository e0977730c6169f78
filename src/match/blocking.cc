#include "match/blocking.h"

#include <algorithm>
#include <unordered_map>

#include "ingest/fold.h"
#include "match/phonetic.h"

namespace reunite::match {
namespace {

using Transform = BlockingPart::Transform;

// Folded, trimmed, inner white space collapsed to one space.
std::string Normalise(std::string_view raw) {
  std::string folded = FoldForSearch(raw);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

DateOrder DateOrderOf(const LinkSettings& settings, const std::string& column) {
  for (const auto& c : settings.comparisons) {
    if (c.kind == ComparisonKind::kDate && c.left_columns.size() == 1 && c.left_columns[0] == column) return c.date_order;
  }
  return DateOrder::kIso;
}

// The values one part gives for one cell (none, one, or several for `items`).
std::vector<std::string> PartValues(const BlockingPart& part, std::string_view cell, DateOrder order) {
  std::vector<std::string> out;
  auto add = [&](std::string v) {
    if (!v.empty()) out.push_back(std::move(v));
  };
  if (part.transform == Transform::kItems) {
    size_t start = 0;
    while (start <= cell.size()) {
      size_t at = cell.find(';', start);
      add(Normalise(cell.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
      if (at == std::string_view::npos) break;
      start = at + 1;
    }
    return out;
  }
  if (part.transform == Transform::kYear || part.transform == Transform::kMonth || part.transform == Transform::kMonthDay) {
    PreparedDate d = ReadDateValue(cell, order);
    if (d.empty()) return out;
    if (part.transform == Transform::kYear) add(std::to_string(d.year));
    if (part.transform == Transform::kMonth && d.month) add(std::to_string(d.month));
    if (part.transform == Transform::kMonthDay && d.month && d.day) add(std::to_string(d.month * 100 + d.day));
    return out;
  }
  if (part.transform == Transform::kDigits || part.transform == Transform::kDigitsSorted) {
    std::string digits;
    for (char c : cell) {
      if (c >= '0' && c <= '9') digits += c;
    }
    if (part.transform == Transform::kDigitsSorted) std::sort(digits.begin(), digits.end());
    add(std::move(digits));
    return out;
  }
  std::string v = Normalise(cell);
  switch (part.transform) {
    case Transform::kPhonetic: add(PhoneticKey(v)); break;
    case Transform::kPrefix: add(v.substr(0, static_cast<size_t>(part.length))); break;
    case Transform::kSuffix:
      add(v.size() <= static_cast<size_t>(part.length) ? v : v.substr(v.size() - part.length));
      break;
    case Transform::kFirstToken: add(v.substr(0, v.find(' '))); break;
    case Transform::kLastToken: add(v.substr(v.rfind(' ') + 1)); break;
    default: add(std::move(v)); break;
  }
  return out;
}

// Column indexes of a rule's parts in a dataset.
Result<std::vector<int>> RuleColumns(const BlockingRule& rule, const Dataset& data) {
  std::vector<int> cols;
  for (const auto& part : rule.parts) {
    int c = data.ColumnIndex(part.column);
    if (c < 0) return Status::InvalidArgument(data.name + ": no column '" + part.column + "' for blocking rule '" + rule.text + "'");
    cols.push_back(c);
  }
  return cols;
}

std::vector<std::string> KeysAt(const BlockingRule& rule, const std::vector<int>& cols,
                                const std::vector<DateOrder>& orders, const Dataset& data, size_t row) {
  std::vector<std::string> keys = {""};
  for (size_t p = 0; p < rule.parts.size(); ++p) {
    auto values = PartValues(rule.parts[p], data.columns[cols[p]][row], orders[p]);
    if (values.empty()) return {};
    std::vector<std::string> next;
    for (const auto& k : keys) {
      for (const auto& v : values) next.push_back(p ? k + '\x1f' + v : v);
    }
    keys = std::move(next);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

using Blocks = std::unordered_map<std::string, std::vector<std::uint32_t>>;

Result<Blocks> GroupByKey(const BlockingRule& rule, const Dataset& data, const LinkSettings& settings) {
  auto cols = RuleColumns(rule, data);
  if (!cols.ok()) return cols.status();
  std::vector<DateOrder> orders;
  for (const auto& part : rule.parts) orders.push_back(DateOrderOf(settings, part.column));
  Blocks blocks;
  for (size_t row = 0; row < data.size(); ++row) {
    for (auto& key : KeysAt(rule, *cols, orders, data, row)) blocks[std::move(key)].push_back(static_cast<std::uint32_t>(row));
  }
  return blocks;
}

void NoteSkipped(BlockingReport::Rule& report, const std::string& key, long pairs) {
  if (pairs > report.largest_skipped_pairs || (pairs == report.largest_skipped_pairs && key < report.largest_skipped_key)) {
    report.largest_skipped_pairs = pairs;
    report.largest_skipped_key = key;
  }
  ++report.skipped_keys;
  report.skipped_pairs += pairs;
}

}  // namespace

std::vector<std::string> BlockingKeys(const BlockingRule& rule, const Dataset& data, size_t row,
                                      const LinkSettings& settings) {
  auto cols = RuleColumns(rule, data);
  if (!cols.ok()) return {};
  std::vector<DateOrder> orders;
  for (const auto& part : rule.parts) orders.push_back(DateOrderOf(settings, part.column));
  auto keys = KeysAt(rule, *cols, orders, data, row);
  for (auto& k : keys) std::replace(k.begin(), k.end(), '\x1f', '+');
  return keys;
}

Result<CandidatePairs> BlockPairs(const LinkSettings& settings, const Dataset& left, const Dataset* right) {
  CandidatePairs out;
  for (const BlockingRule& rule : settings.blocking_rules) {
    BlockingReport::Rule report;
    report.text = rule.text;
    auto left_blocks = GroupByKey(rule, left, settings);
    if (!left_blocks.ok()) return left_blocks.status();
    if (right == nullptr) {
      for (const auto& [key, rows] : *left_blocks) {
        long n = static_cast<long>(rows.size());
        long pairs = n * (n - 1) / 2;
        if (pairs > settings.max_block_pairs) {
          NoteSkipped(report, key, pairs);
          continue;
        }
        for (size_t a = 0; a < rows.size(); ++a) {
          for (size_t b = a + 1; b < rows.size(); ++b) out.pairs.push_back(MakePair(rows[a], rows[b]));
        }
        report.pairs += pairs;
      }
    } else {
      auto right_blocks = GroupByKey(rule, *right, settings);
      if (!right_blocks.ok()) return right_blocks.status();
      for (const auto& [key, lrows] : *left_blocks) {
        auto it = right_blocks->find(key);
        if (it == right_blocks->end()) continue;
        long pairs = static_cast<long>(lrows.size()) * static_cast<long>(it->second.size());
        if (pairs > settings.max_block_pairs) {
          NoteSkipped(report, key, pairs);
          continue;
        }
        for (auto l : lrows) {
          for (auto r : it->second) out.pairs.push_back(MakePair(l, r));
        }
        report.pairs += pairs;
      }
    }
    std::replace(report.largest_skipped_key.begin(), report.largest_skipped_key.end(), '\x1f', '+');
    out.report.rules.push_back(std::move(report));
  }
  std::sort(out.pairs.begin(), out.pairs.end());
  out.pairs.erase(std::unique(out.pairs.begin(), out.pairs.end()), out.pairs.end());
  out.report.candidate_pairs = static_cast<long>(out.pairs.size());
  return out;
}

}  // namespace reunite::match
