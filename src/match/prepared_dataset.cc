// Preparing a dataset's values for comparison (dataset.h): each distinct value once,
// records by id.
#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <unordered_map>

#include "match/dataset.h"
#include "match/huge_pages.h"
#include "match/parallel.h"

namespace reunite::match {
namespace {

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string JoinColumns(const Dataset& d, const std::vector<int>& cols, size_t row) {
  if (cols.size() == 1) return d.columns[cols[0]][row];
  std::string out;
  for (int c : cols) {
    const std::string& v = d.columns[c][row];
    if (v.empty()) continue;
    if (!out.empty()) out += ' ';
    out += v;
  }
  return out;
}

std::vector<std::string_view> SplitItems(std::string_view text, std::string_view sep) {
  std::vector<std::string_view> items;
  if (sep.empty()) {
    if (!text.empty()) items.push_back(text);
    return items;
  }
  size_t start = 0;
  while (start <= text.size()) {
    size_t at = text.find(sep, start);
    std::string_view item = TrimView(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (!item.empty()) items.push_back(item);
    if (at == std::string_view::npos) break;
    start = at + sep.size();
  }
  return items;
}

std::string Digits(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d += c;
  }
  return d;
}

// Up to PackedIds::kMax items of up to 15 digits, each as its digit count and then 4
// bits a digit; all zero when the items do not fit.
PreparedComparison::PackedIds PackDigits(const std::vector<std::string>& items) {
  PreparedComparison::PackedIds out;
  if (items.size() > PreparedComparison::PackedIds::kMax) return out;
  for (const std::string& item : items) {
    if (item.empty() || item.size() > 15) return {};
  }
  for (size_t k = 0; k < items.size(); ++k) {
    std::uint64_t packed = items[k].size();
    for (size_t i = 0; i < items[k].size(); ++i) packed |= static_cast<std::uint64_t>(items[k][i] - '0') << (4 + 4 * i);
    out.items[k] = packed;
  }
  return out;
}

// One comparison's value table under construction. A cell text seen before takes its
// earlier id; a new one is prepared and takes the id of the value with the same key,
// or a new id.
class Interner {
 public:
  // Id 0, the empty value: no real value has an empty key. The tables the comparator
  // reads at random get room for a value per record, in huge pages.
  Interner(const ComparisonSpec& spec, PreparedComparison* pc, size_t rows) : spec_(spec), pc_(*pc) {
    if (spec.kind == ComparisonKind::kString && spec.list_separator.empty()) ReserveHuge(pc_.strings, rows + 1);
    if (spec.kind == ComparisonKind::kTokenSet) ReserveHuge(pc_.token_ids, rows + 1);
    if (spec.kind == ComparisonKind::kIdentifier) ReserveHuge(pc_.packed_ids, rows + 1);
    Add("", "", [this] { PushEmpty(); });
  }

  // `raw` must outlive the interner (a dataset cell, or text kept in `joined_`).
  std::uint32_t Id(std::string_view raw) {
    if (raw.empty()) return 0;
    auto [it, fresh] = by_raw_.try_emplace(raw, 0);
    if (fresh) it->second = Prepare(std::string(raw));
    return it->second;
  }
  // The same for text joined from several columns, kept only when new.
  std::uint32_t IdOfJoined(std::string&& raw) {
    if (raw.empty()) return 0;
    if (auto it = by_raw_.find(raw); it != by_raw_.end()) return it->second;
    return Id(joined_.emplace_back(std::move(raw)));
  }

 private:
  // Id of the value with this key; a new value (made by `push`) when none has it yet.
  template <typename Push>
  std::uint32_t Add(const std::string& key, std::string tf_key, Push push) {
    auto [it, fresh] = by_key_.try_emplace(key, static_cast<std::uint32_t>(pc_.counts.size()));
    if (!fresh) return it->second;
    push();
    pc_.tf_keys.push_back(std::move(tf_key));
    pc_.counts.push_back(0);
    return it->second;
  }
  void PushEmpty() {
    switch (spec_.kind) {
      case ComparisonKind::kString:
        if (spec_.list_separator.empty()) pc_.strings.emplace_back();
        else pc_.string_items.emplace_back();
        break;
      case ComparisonKind::kTokenSet:
        pc_.tokens.emplace_back();
        pc_.token_ids.emplace_back();
        pc_.vocabulary.emplace_back();  // token number 0: none
        break;
      case ComparisonKind::kDate: pc_.dates.emplace_back(); break;
      case ComparisonKind::kIdentifier:
        pc_.identifiers.emplace_back();
        pc_.packed_ids.emplace_back();
        break;
      case ComparisonKind::kNumber: pc_.numbers.push_back(std::numeric_limits<double>::quiet_NaN()); break;
    }
  }
  std::uint32_t Prepare(const std::string& raw);
  std::uint32_t PrepareItems(const std::string& raw);
  PreparedComparison::TokenIds TokenNumbers(const PreparedTokens& v);

  const ComparisonSpec& spec_;
  PreparedComparison& pc_;
  // Cell texts by view: a million cells are looked up without copying each.
  std::unordered_map<std::string_view, std::uint32_t> by_raw_;
  std::deque<std::string> joined_;  // stable addresses for the views
  std::unordered_map<std::string, std::uint32_t> by_key_;
  std::unordered_map<std::string, std::uint32_t> texts_, sounds_;  // token numbers
};

PreparedComparison::TokenIds Interner::TokenNumbers(const PreparedTokens& v) {
  PreparedComparison::TokenIds out;
  if (v.tokens.size() > PreparedComparison::TokenIds::kMax) return out;
  out.size = static_cast<std::uint32_t>(v.tokens.size());
  for (size_t i = 0; i < v.tokens.size(); ++i) {
    auto [text, fresh] = texts_.try_emplace(v.tokens[i].folded, static_cast<std::uint32_t>(pc_.vocabulary.size()));
    if (fresh) pc_.vocabulary.push_back(v.tokens[i].folded);
    out.text[i] = text->second;
    if (v.tokens[i].phonetic.empty()) continue;
    const auto next = static_cast<std::uint32_t>(sounds_.size() + 1);
    out.sound[i] = sounds_.try_emplace(v.tokens[i].phonetic, next).first->second;
  }
  return out;
}

std::uint32_t Interner::Prepare(const std::string& raw) {
  switch (spec_.kind) {
    case ComparisonKind::kString: {
      if (!spec_.list_separator.empty()) return PrepareItems(raw);
      PreparedString v = PrepareString(raw);
      if (v.empty()) return 0;
      const std::string key = v.folded;
      return Add(key, key, [&] { pc_.strings.push_back(std::move(v)); });
    }
    case ComparisonKind::kTokenSet: {
      PreparedTokens v = PrepareTokens(raw);
      if (v.empty()) return 0;
      std::string key;
      for (const auto& t : v.tokens) key += (key.empty() ? "" : " ") + t.folded;
      return Add(key, key, [&] {
        pc_.token_ids.push_back(TokenNumbers(v));
        pc_.tokens.push_back(std::move(v));
      });
    }
    case ComparisonKind::kDate: {
      PreparedDate d = ReadDateValue(raw, spec_.date_format);
      if (d.empty()) return 0;
      std::string tf_key = std::to_string(d.year * 10000 + d.month * 100 + d.day);
      return Add(tf_key + (d.january_first_default ? "j" : ""), tf_key, [&] { pc_.dates.push_back(d); });
    }
    case ComparisonKind::kIdentifier: return PrepareItems(raw);
    case ComparisonKind::kNumber: {
      double v = ReadNumberValue(raw);
      if (std::isnan(v)) return 0;
      const std::string key(TrimView(raw));
      return Add(key, key, [&] { pc_.numbers.push_back(v); });
    }
  }
  return 0;
}

// Lists ("a;b"): strings compared item by item, identifiers' digits. TF counts the
// first item.
std::uint32_t Interner::PrepareItems(const std::string& raw) {
  std::string key;
  if (spec_.kind == ComparisonKind::kString) {
    std::vector<PreparedString> items;
    for (auto item : SplitItems(raw, spec_.list_separator)) {
      items.push_back(PrepareString(item));
      key += items.back().folded + '\x1f';
    }
    if (items.empty()) return 0;
    std::string tf_key = items.front().folded;
    return Add(key, std::move(tf_key), [&] { pc_.string_items.push_back(std::move(items)); });
  }
  std::vector<std::string> items;
  for (auto item : SplitItems(raw, spec_.list_separator)) {
    std::string digits = Digits(item);
    if (digits.empty()) continue;
    key += digits + ';';
    items.push_back(std::move(digits));
  }
  if (items.empty()) return 0;
  std::string tf_key = items.front();
  return Add(key, std::move(tf_key), [&] {
    pc_.packed_ids.push_back(PackDigits(items));
    pc_.identifiers.push_back(std::move(items));
  });
}

// The value id of every record for one comparison.
std::vector<std::uint32_t> PrepareColumn(const Dataset& data, const std::vector<int>& cols, const ComparisonSpec& spec,
                                         PreparedComparison* pc) {
  Interner interner(spec, pc, data.size());
  std::vector<std::uint32_t> ids(data.size());
  for (size_t row = 0; row < data.size(); ++row) {
    ids[row] = cols.size() == 1 ? interner.Id(data.columns[cols[0]][row])
                                : interner.IdOfJoined(JoinColumns(data, cols, row));
    ++pc->counts[ids[row]];
  }
  if (!spec.term_frequency_adjustment) pc->tf_keys = {};
  return ids;
}

}  // namespace

DateCell ReadDateCell(std::string_view text, const DateFormat& format) {
  text = TrimView(text);
  if (text.empty()) return {};
  auto birth = ParseBirthDate(text, format, "", YearRange{});
  if (birth.ok()) return {PrepareDate(*birth), false};
  DateCell cell;
  cell.unreadable = true;
  DateParts p;
  if (SplitDate(text, format, &p)) cell.date = {p.year, p.month, p.day, false};
  return cell;
}

PreparedDate ReadDateValue(std::string_view text, const DateFormat& format) { return ReadDateCell(text, format).date; }

double ReadNumberValue(std::string_view text) {
  std::string t(TrimView(text));
  if (t.empty()) return std::numeric_limits<double>::quiet_NaN();
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  return end && *end == '\0' ? v : std::numeric_limits<double>::quiet_NaN();
}

Result<PreparedDataset> PrepareDataset(const Dataset& data, const LinkSettings& settings, bool left_side, int threads) {
  PreparedDataset out;
  out.data = &data;
  const size_t width = settings.comparisons.size();
  std::vector<std::vector<int>> cols(width);
  for (size_t c = 0; c < width; ++c) {
    const ComparisonSpec& spec = settings.comparisons[c];
    for (const auto& name : left_side ? spec.left_columns : spec.right_columns) {
      int col = data.ColumnIndex(name);
      if (col < 0) return Status::InvalidArgument(data.name + ": no column '" + name + "' for comparison '" + spec.name + "'");
      cols[c].push_back(col);
    }
  }
  out.comparisons.resize(width);
  // Comparisons are independent, each prepared by one thread.
  std::vector<std::vector<std::uint32_t>> column_ids(width);
  ForEachItem(width, threads, [&](size_t c) {
    column_ids[c] = PrepareColumn(data, cols[c], settings.comparisons[c], &out.comparisons[c]);
  });
  ReserveHuge(out.ids, data.size() * width);
  out.ids.resize(data.size() * width);
  for (size_t c = 0; c < width; ++c) {
    for (size_t row = 0; row < data.size(); ++row) out.ids[row * width + c] = column_ids[c][row];
    column_ids[c] = {};
  }
  return out;
}

void ComputeTermFrequencies(const LinkSettings& settings, const std::vector<PreparedDataset*>& datasets) {
  for (size_t c = 0; c < settings.comparisons.size(); ++c) {
    if (!settings.comparisons[c].term_frequency_adjustment) continue;
    std::unordered_map<std::string_view, long> counts;
    long total = 0;
    for (const PreparedDataset* d : datasets) {
      const PreparedComparison& pc = d->comparisons[c];
      for (size_t v = 1; v < pc.tf_keys.size(); ++v) {
        if (pc.tf_keys[v].empty()) continue;
        counts[pc.tf_keys[v]] += pc.counts[v];
        total += pc.counts[v];
      }
    }
    for (PreparedDataset* d : datasets) {
      PreparedComparison& pc = d->comparisons[c];
      pc.tf.assign(pc.tf_keys.size(), 0.0f);
      for (size_t v = 1; v < pc.tf_keys.size(); ++v) {
        if (!pc.tf_keys[v].empty()) pc.tf[v] = static_cast<float>(static_cast<double>(counts[pc.tf_keys[v]]) / total);
      }
    }
    counts.clear();  // it views the keys freed next
    for (PreparedDataset* d : datasets) d->comparisons[c].tf_keys = {};
  }
}

}  // namespace reunite::match
