#include "match/dataset.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "ingest/encoding.h"

namespace reunite::match {
namespace {

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Status Located(const std::string& file, long line, int column, const std::string& why) {
  return Status::InvalidArgument(why).At({file, line, column, ""});
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

double ReadNumber(std::string_view text) {
  std::string t(TrimView(text));
  if (t.empty()) return std::numeric_limits<double>::quiet_NaN();
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  return end && *end == '\0' ? v : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

int Dataset::ColumnIndex(std::string_view column) const {
  for (size_t i = 0; i < column_names.size(); ++i) {
    if (column_names[i] == column) return static_cast<int>(i);
  }
  return -1;
}

long Dataset::Find(std::string_view id) const {
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == id) return static_cast<long>(i);
  }
  return -1;
}

Result<Dataset> ReadCsvDataset(std::string_view text, const std::string& file_name, const CsvOptions& options,
                               const std::string& id_column, const std::vector<std::string>& needed) {
  CsvReader reader(text, file_name, options);
  CsvRecord rec;
  if (!reader.Next(&rec)) {
    if (!reader.status().ok()) return reader.status();
    return Status::InvalidArgument(file_name + ": empty file (a header line is needed)");
  }
  Dataset d;
  d.name = file_name;
  std::vector<int> source;  // header position of each kept column
  int id_at = -1;
  for (size_t i = 0; i < rec.fields.size(); ++i) {
    std::string h(TrimView(rec.fields[i]));
    if (h == id_column) id_at = static_cast<int>(i);
    if (std::find(needed.begin(), needed.end(), h) != needed.end() && d.ColumnIndex(h) < 0) {
      d.column_names.push_back(h);
      source.push_back(static_cast<int>(i));
    }
  }
  if (id_at < 0) return Located(file_name, 1, 1, "no id column '" + id_column + "' in the header");
  for (const auto& col : needed) {
    if (d.ColumnIndex(col) < 0 && col != id_column) return Located(file_name, 1, 1, "no column '" + col + "' in the header");
  }
  const size_t width = rec.fields.size();
  d.columns.resize(source.size());
  std::unordered_map<std::string, long> seen;
  while (reader.Next(&rec)) {
    if (rec.fields.size() != width) {
      return Located(file_name, rec.line, 1, "expected " + std::to_string(width) + " fields, found " + std::to_string(rec.fields.size()));
    }
    std::string id(TrimView(rec.fields[id_at]));
    if (id.empty()) return Located(file_name, rec.line, rec.columns[id_at], "empty " + id_column);
    auto [it, fresh] = seen.emplace(id, rec.line);
    if (!fresh) return Located(file_name, rec.line, rec.columns[id_at], id_column + " '" + id + "' repeats line " + std::to_string(it->second));
    d.ids.push_back(std::move(id));
    for (size_t c = 0; c < source.size(); ++c) d.columns[c].emplace_back(TrimView(rec.fields[source[c]]));
  }
  if (!reader.status().ok()) return reader.status();
  return d;
}

namespace {

// Given names after the first ("Luis" of "José Luis"): tells apart the many Marías
// who share a date of birth, and holds a surname a US form moved into the given names.
std::string OtherGivenNames(const PersonName& name) {
  std::string out;
  for (size_t i = 1; i < name.given_names.size(); ++i) out += (out.empty() ? "" : " ") + name.given_names[i];
  return out;
}

// Date and place of apprehension as one value: Border Patrol's event, which every
// agency's record of the same person repeats. Empty unless both are known, since a
// date alone is shared by whole busloads.
std::string ApprehensionKey(const Person& p) {
  if (p.apprehension_date.empty() || p.apprehension_place.empty()) return "";
  return p.apprehension_date.ToIso() + " " + p.apprehension_place;
}

// The custody facility, else the home place from the village up.
std::string LocationKey(const Location& l) {
  if (!l.facility.empty()) return l.facility;
  std::string out;
  for (const std::string* part : {&l.village, &l.municipality, &l.department}) {
    if (!part->empty()) out += (out.empty() ? "" : ", ") + *part;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& CanonicalColumns() {
  static const std::vector<std::string> cols = {
      "record_id", "given_names", "first_given_name", "surnames", "paternal_surname", "maternal_surname",
      "sex", "date_of_birth", "country", "a_number", "phones", "other_given_names", "apprehension", "location",
      "removal_date"};
  return cols;
}

Dataset DatasetFromRows(const std::vector<ListRow>& rows, const std::string& name) {
  Dataset d;
  d.name = name;
  d.column_names = CanonicalColumns();
  d.columns.assign(d.column_names.size(), {});
  for (auto& col : d.columns) col.reserve(rows.size());
  for (const ListRow& row : rows) {
    const Person& p = row.person;
    d.ids.push_back(row.record_id);
    std::string dob = p.birth.precision == DatePrecision::kExact      ? p.birth.date.ToIso()
                      : p.birth.precision == DatePrecision::kYearOnly ? std::to_string(p.birth.date.year)
                                                                      : "";
    std::string phones;
    for (const auto& ph : p.phones) phones += (phones.empty() ? "" : ";") + ph;
    std::vector<std::string> values = {
        row.record_id, p.name.GivenNames(), p.name.given_names.empty() ? "" : p.name.given_names.front(),
        p.name.Surnames(), p.name.paternal_surname, p.name.maternal_surname, ToString(p.sex), dob,
        p.nationality, p.a_number, phones, OtherGivenNames(p.name), ApprehensionKey(p), LocationKey(p.location),
        p.custody.removal_date.ToIso()};
    for (size_t c = 0; c < values.size(); ++c) d.columns[c].push_back(std::move(values[c]));
  }
  return d;
}

Result<Dataset> ReadCanonicalDataset(std::string_view bytes, const std::string& file_name) {
  ListOptions options;
  options.file_name = file_name;
  options.date_order = DateOrder::kIso;
  AgencyList best;
  for (Role role : {Role::kAdult, Role::kChild}) {
    options.role = role;
    AgencyList list = ReadAgencyList(bytes, options);
    if (role == Role::kAdult || list.errors() < best.errors()) best = std::move(list);
    if (best.errors() == 0) break;
  }
  if (best.errors() > 0) {
    std::string msg = file_name + ": " + std::to_string(best.errors()) + " errors in the file";
    int shown = 0;
    for (const auto& d : best.diagnostics) {
      if (d.severity != Diagnostic::Severity::kError) continue;
      if (shown++ == 10) break;
      msg += "\n  " + d.ToString();
    }
    return Status::InvalidArgument(msg);
  }
  return DatasetFromRows(best.rows, file_name);
}

Result<Dataset> ReadDataset(std::string_view bytes, const std::string& file_name, const LinkSettings& settings,
                            bool left_side) {
  if (settings.format == InputFormat::kCanonical) return ReadCanonicalDataset(bytes, file_name);
  auto utf8 = DecodeToUtf8(bytes, Encoding::kAuto, file_name);
  if (!utf8.ok()) return utf8.status();
  return ReadCsvDataset(utf8->text, file_name, settings.csv, settings.unique_id_column,
                        left_side ? settings.LeftColumns() : settings.RightColumns());
}

PreparedDate ReadDateValue(std::string_view text, DateOrder order) {
  text = TrimView(text);
  if (text.empty()) return {};
  auto birth = ParseBirthDate(text, order, "");
  if (birth.ok()) return PrepareDate(*birth);
  // An impossible date (a typo such as month 13) still carries comparable parts.
  PreparedDate d;
  if (text.size() == 8 && Digits(text).size() == 8) {
    d.year = std::stoi(std::string(text.substr(0, 4)));
    d.month = std::stoi(std::string(text.substr(4, 2)));
    d.day = std::stoi(std::string(text.substr(6, 2)));
  }
  return d;
}

Result<PreparedDataset> PrepareDataset(const Dataset& data, const LinkSettings& settings, bool left_side) {
  PreparedDataset out;
  out.data = &data;
  const size_t n = data.size();
  for (const ComparisonSpec& spec : settings.comparisons) {
    std::vector<int> cols;
    for (const auto& name : left_side ? spec.left_columns : spec.right_columns) {
      int c = data.ColumnIndex(name);
      if (c < 0) return Status::InvalidArgument(data.name + ": no column '" + name + "' for comparison '" + spec.name + "'");
      cols.push_back(c);
    }
    PreparedComparison pc;
    pc.tf_keys.resize(n);
    for (size_t i = 0; i < n; ++i) {
      std::string value = JoinColumns(data, cols, i);
      switch (spec.kind) {
        case ComparisonKind::kString:
          if (spec.list_separator.empty()) {
            pc.strings.push_back(PrepareString(value));
            pc.tf_keys[i] = pc.strings.back().folded;
          } else {
            auto& items = pc.string_items.emplace_back();
            for (auto item : SplitItems(value, spec.list_separator)) items.push_back(PrepareString(item));
            if (!items.empty()) pc.tf_keys[i] = items.front().folded;
          }
          break;
        case ComparisonKind::kTokenSet: {
          pc.tokens.push_back(PrepareTokens(value));
          std::string& key = pc.tf_keys[i];
          for (const auto& t : pc.tokens.back().tokens) key += (key.empty() ? "" : " ") + t.folded;
          break;
        }
        case ComparisonKind::kDate: {
          PreparedDate d = ReadDateValue(value, spec.date_order);
          pc.dates.push_back(d);
          if (!d.empty()) pc.tf_keys[i] = std::to_string(d.year * 10000 + d.month * 100 + d.day);
          break;
        }
        case ComparisonKind::kIdentifier: {
          auto& items = pc.identifiers.emplace_back();
          for (auto item : SplitItems(value, spec.list_separator)) {
            std::string digits = Digits(item);
            if (!digits.empty()) items.push_back(std::move(digits));
          }
          if (!items.empty()) pc.tf_keys[i] = items.front();
          break;
        }
        case ComparisonKind::kNumber: {
          double v = ReadNumber(value);
          pc.numbers.push_back(v);
          if (!std::isnan(v)) pc.tf_keys[i] = std::string(TrimView(value));
          break;
        }
      }
    }
    if (!spec.term_frequency_adjustment) pc.tf_keys.clear();
    out.comparisons.push_back(std::move(pc));
  }
  return out;
}

void ComputeTermFrequencies(const LinkSettings& settings, const std::vector<PreparedDataset*>& datasets) {
  for (size_t c = 0; c < settings.comparisons.size(); ++c) {
    if (!settings.comparisons[c].term_frequency_adjustment) continue;
    std::unordered_map<std::string_view, long> counts;
    long total = 0;
    for (const PreparedDataset* d : datasets) {
      for (const auto& key : d->comparisons[c].tf_keys) {
        if (key.empty()) continue;
        ++counts[key];
        ++total;
      }
    }
    for (PreparedDataset* d : datasets) {
      PreparedComparison& pc = d->comparisons[c];
      pc.tf.assign(pc.tf_keys.size(), 0.0f);
      for (size_t i = 0; i < pc.tf_keys.size(); ++i) {
        if (!pc.tf_keys[i].empty()) pc.tf[i] = static_cast<float>(static_cast<double>(counts[pc.tf_keys[i]]) / total);
      }
    }
  }
}

}  // namespace reunite::match
