#include "match/block_index.h"

#include <algorithm>

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

const DateFormat& DateFormatOf(const LinkSettings& settings, const std::string& column) {
  static const DateFormat kDefault;
  for (const auto& c : settings.comparisons) {
    if (c.kind == ComparisonKind::kDate && c.left_columns.size() == 1 && c.left_columns[0] == column) {
      return c.date_format;
    }
  }
  return kDefault;
}

// The values one part gives for one cell (none, one, or several for `items` and `words`).
std::vector<std::string> ValuesOf(const BlockingPart& part, std::string_view cell, const DateFormat& format) {
  std::vector<std::string> out;
  auto add = [&](std::string v) {
    if (!v.empty()) out.push_back(std::move(v));
  };
  // `items` are ';'-separated, `words` separated by white space; each is normalised.
  if (part.transform == Transform::kItems || part.transform == Transform::kWords) {
    const std::string_view separators = part.transform == Transform::kItems ? ";" : " \t\n\r";
    for (size_t start = 0; start <= cell.size();) {
      const size_t at = std::min(cell.find_first_of(separators, start), cell.size());
      add(Normalise(cell.substr(start, at - start)));
      start = at + 1;
    }
    return out;
  }
  if (part.transform == Transform::kYear || part.transform == Transform::kMonth || part.transform == Transform::kMonthDay) {
    PreparedDate d = ReadDateValue(cell, format);
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

}  // namespace

IdLists PartIds(const BlockingPart& part, const std::vector<std::string>& cells, const DateFormat& format,
                PartValues* values) {
  IdLists out;
  out.offsets.reserve(cells.size() + 1);
  std::unordered_map<std::string_view, std::pair<std::uint32_t, std::uint32_t>> seen;  // cell -> (offset, count)
  std::vector<std::uint32_t> ids;
  for (const std::string& cell : cells) {
    auto [it, fresh] = seen.try_emplace(cell);
    if (fresh) {
      ids.clear();
      for (const auto& v : ValuesOf(part, cell, format)) {
        auto [number, added] = values->numbers.try_emplace(v, static_cast<std::uint32_t>(values->texts.size()));
        if (added) values->texts.push_back(v);
        ids.push_back(number->second);
      }
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      it->second = {static_cast<std::uint32_t>(out.ids.size()), static_cast<std::uint32_t>(ids.size())};
    } else {
      // The earlier cell's ids again, so that each record's list stays contiguous.
      ids.assign(out.ids.begin() + it->second.first, out.ids.begin() + it->second.first + it->second.second);
    }
    out.ids.insert(out.ids.end(), ids.begin(), ids.end());
    out.offsets.push_back(static_cast<std::uint32_t>(out.ids.size()));
  }
  return out;
}

namespace {

size_t KeySlot(std::uint32_t prefix, std::uint32_t value, size_t slots) {
  return static_cast<size_t>(((static_cast<std::uint64_t>(prefix) << 32 | value) * 0x9E3779B97F4A7C15ull) >> 32) &
         (slots - 1);
}

}  // namespace

std::uint32_t KeySpace::Key(std::uint32_t prefix, std::uint32_t value) {
  if (parts_.size() * 2 > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  for (size_t i = KeySlot(prefix, value, slots_.size());; i = (i + 1) & mask) {
    const std::uint32_t id = slots_[i];
    if (id == 0) {
      slots_[i] = static_cast<std::uint32_t>(parts_.size());
      parts_.emplace_back(prefix, value);
      return slots_[i];
    }
    if (parts_[id] == std::make_pair(prefix, value)) return id;
  }
}

void KeySpace::Grow() {
  slots_.assign(slots_.size() * 2, 0);
  const size_t mask = slots_.size() - 1;
  for (std::uint32_t id = 1; id < parts_.size(); ++id) {
    size_t i = KeySlot(parts_[id].first, parts_[id].second, slots_.size());
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = id;
  }
}

std::string KeySpace::Text(std::uint32_t key, const std::vector<const PartValues*>& parts, char separator) const {
  std::vector<std::uint32_t> values;
  for (; key != 0; key = parts_[key].first) values.push_back(parts_[key].second);
  std::string out;
  for (size_t p = 0; p < values.size(); ++p) {
    if (p) out += separator;
    out += parts[p]->texts[values[values.size() - 1 - p]];
  }
  return out;
}

IdLists RuleKeys(const std::vector<const IdLists*>& parts, size_t rows, KeySpace* space) {
  IdLists out;
  out.offsets.reserve(rows + 1);
  std::vector<std::uint32_t> keys, next;
  for (size_t row = 0; row < rows; ++row) {
    keys.assign(1, 0);
    for (const IdLists* part : parts) {
      next.clear();
      for (std::uint32_t k : keys) {
        for (const std::uint32_t* v = part->begin(row); v != part->end(row); ++v) next.push_back(space->Key(k, *v));
      }
      keys.swap(next);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    out.ids.insert(out.ids.end(), keys.begin(), keys.end());
    out.offsets.push_back(static_cast<std::uint32_t>(out.ids.size()));
  }
  return out;
}

const DateFormat& PartDateFormat(const LinkSettings& settings, const BlockingPart& part) {
  return DateFormatOf(settings, part.column);
}

Blocks GroupByKey(const IdLists& keys) {
  // (key, row) sorted: rows ascending within each key.
  std::vector<std::uint64_t> entries;
  entries.reserve(keys.ids.size());
  for (size_t row = 0; row < keys.size(); ++row) {
    for (const std::uint32_t* k = keys.begin(row); k != keys.end(row); ++k) {
      entries.push_back(static_cast<std::uint64_t>(*k) << 32 | row);
    }
  }
  std::sort(entries.begin(), entries.end());
  Blocks out;
  out.rows.reserve(entries.size());
  for (std::uint64_t e : entries) {
    const auto key = static_cast<std::uint32_t>(e >> 32);
    if (out.keys.empty() || out.keys.back() != key) {
      out.keys.push_back(key);
      out.starts.push_back(static_cast<std::uint32_t>(out.rows.size()));
    }
    out.rows.push_back(static_cast<std::uint32_t>(e));
  }
  out.starts.push_back(static_cast<std::uint32_t>(out.rows.size()));
  return out;
}

std::vector<std::string> RowKeyTexts(const BlockingRule& rule, const Dataset& data, size_t row,
                                     const LinkSettings& settings) {
  auto cols = RuleColumns(rule, data);
  if (!cols.ok()) return {};
  std::vector<std::string> keys = {""};
  for (size_t p = 0; p < rule.parts.size(); ++p) {
    auto values = ValuesOf(rule.parts[p], data.columns[(*cols)[p]][row], DateFormatOf(settings, rule.parts[p].column));
    if (values.empty()) return {};
    std::vector<std::string> next;
    for (const auto& k : keys) {
      for (const auto& v : values) next.push_back(p ? k + '\x1f' + v : v);
    }
    keys = std::move(next);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (auto& k : keys) std::replace(k.begin(), k.end(), '\x1f', '+');
  return keys;
}

}  // namespace reunite::match
