#include "match/dataset.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "ingest/border_places.h"
#include "ingest/encoding.h"
#include "match/parallel.h"

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

// Where Border Patrol apprehended the person, as the gazetteer resolves it ("RGV -
// Weslaco", "Weslaco, TX" and "Weslaco Station" are "RGV weslaco"; a sector alone
// "RGV"); "" when the text names no known place.
std::string ResolvedPlace(const Person& p) {
  if (p.apprehension_place.empty()) return "";
  const BorderPlace place = ResolveBorderPlace(p.apprehension_place);
  if (!place.resolved()) return "";
  return place.station.empty() ? place.sector : place.sector + " " + place.station;
}

// Date and place of apprehension as one value: Border Patrol's event, which every
// agency's record of the same person repeats. Empty unless both are known, since a
// date alone is shared by whole busloads. The place as resolved, else as written.
std::string ApprehensionKey(const Person& p, const std::string& resolved) {
  if (p.apprehension_date.empty() || p.apprehension_place.empty()) return "";
  return p.apprehension_date.ToIso() + " " + (resolved.empty() ? p.apprehension_place : resolved);
}

// The apprehension's day as a number, for comparing dates a few days apart.
std::string ApprehensionDay(const Person& p) {
  if (p.apprehension_date.empty() || p.apprehension_date.day == 0) return "";
  return std::to_string(p.apprehension_date.DaysSinceEpoch());
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
      "removal_date", "apprehension_day", "apprehension_place"};
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
    // In CanonicalColumns() order; each value is built (or copied) once, straight into
    // its column: this runs for every record of a million-record list.
    size_t c = 0;
    auto add = [&](std::string value) { d.columns[c++].push_back(std::move(value)); };
    add(row.record_id);
    add(p.name.GivenNames());
    add(p.name.given_names.empty() ? "" : p.name.given_names.front());
    add(p.name.Surnames());
    add(p.name.paternal_surname);
    add(p.name.maternal_surname);
    add(ToString(p.sex));
    add(std::move(dob));
    add(p.nationality);
    add(p.a_number);
    add(std::move(phones));
    add(OtherGivenNames(p.name));
    std::string place = ResolvedPlace(p);
    add(ApprehensionKey(p, place));
    add(LocationKey(p.location));
    add(p.custody.removal_date.ToIso());
    add(ApprehensionDay(p));
    add(std::move(place));
  }
  return d;
}

namespace {

// Where records start: after a line end outside quotes (an even number of quotes
// before it, as RFC 4180 doubles quotes inside quoted fields). The first is after the
// header; then about every `chunk` bytes. Empty when the file has no data row.
std::vector<size_t> RecordStarts(std::string_view text, size_t chunk) {
  std::vector<size_t> starts;
  bool quoted = false;
  size_t next = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] != '\n' || quoted || i < next || i + 1 == text.size()) continue;
    starts.push_back(i + 1);
    next = i + 1 + chunk;
  }
  return starts;
}

// The parts' rows, in order. Each part is freed once moved: a million rows of sixteen
// strings are half a gigabyte of string headers alone.
Dataset Concatenate(std::vector<Dataset>& parts) {
  size_t rows = 0;
  for (const auto& part : parts) rows += part.size();
  Dataset all = std::move(parts[0]);
  all.ids.reserve(rows);
  for (auto& column : all.columns) column.reserve(rows);
  for (size_t k = 1; k < parts.size(); ++k) {
    Dataset part = std::move(parts[k]);
    all.ids.insert(all.ids.end(), std::make_move_iterator(part.ids.begin()), std::make_move_iterator(part.ids.end()));
    for (size_t c = 0; c < all.columns.size(); ++c) {
      all.columns[c].insert(all.columns[c].end(), std::make_move_iterator(part.columns[c].begin()),
                            std::make_move_iterator(part.columns[c].end()));
    }
  }
  return all;
}

// Reads a file without errors in chunks on `threads` threads: each chunk, behind a copy
// of the header, is read by ReadAgencyList and turned into columns at once, so the
// parsed people of only a few chunks are held at a time (a million of them take
// gigabytes). Nothing when any chunk has an error or a record id repeats across
// chunks: the caller then reads the whole file in one pass for its diagnostics.
std::optional<Dataset> ReadCleanInChunks(const std::string& text, const std::string& file_name, Role role,
                                         DateOrder date_order, int threads) {
  // Four chunks a thread or more, of 64 KB to 8 MB.
  const size_t per_thread = text.size() / (4 * static_cast<size_t>(std::max(1, threads)));
  const size_t chunk = std::clamp<size_t>(per_thread, 64 << 10, 8 << 20);
  std::vector<size_t> starts = RecordStarts(text, chunk);
  if (starts.empty()) return std::nullopt;
  const std::string_view header(text.data(), starts[0]);
  starts.push_back(text.size());
  const size_t chunks = starts.size() - 1;
  std::vector<Dataset> parts(chunks);
  std::vector<char> clean(chunks, 0);
  ListOptions options;
  options.file_name = file_name;
  options.date_order = date_order;
  options.encoding = Encoding::kUtf8;
  options.role = role;
  ForEachItem(chunks, threads, [&](size_t k) {
    std::string chunk(header);
    chunk.append(text, starts[k], starts[k + 1] - starts[k]);
    AgencyList list = ReadAgencyList(chunk, options);
    clean[k] = list.errors() == 0;
    if (clean[k]) parts[k] = DatasetFromRows(list.rows, file_name);
  });
  if (std::count(clean.begin(), clean.end(), 0) > 0) return std::nullopt;
  Dataset all = Concatenate(parts);
  std::unordered_set<std::string_view> seen(all.ids.size());
  for (const auto& id : all.ids) {
    if (!seen.insert(id).second) return std::nullopt;
  }
  return all;
}

}  // namespace

Result<Dataset> ReadCanonicalDataset(std::string_view bytes, const std::string& file_name, int threads,
                                     DateOrder date_order) {
  // The common case, a file without errors, read in parallel chunks as an adult list
  // or else as a child list; any error and the file is read again below, in one pass,
  // for the same choice of role and the same diagnostics as always.
  if (auto decoded = DecodeToUtf8(bytes, Encoding::kAuto, file_name); decoded.ok()) {
    for (Role role : {Role::kAdult, Role::kChild}) {
      if (auto data = ReadCleanInChunks(decoded->text, file_name, role, date_order, threads)) return std::move(*data);
    }
  }
  ListOptions options;
  options.file_name = file_name;
  options.date_order = date_order;
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
                            bool left_side, int threads, DateOrder date_order) {
  if (settings.format == InputFormat::kCanonical) return ReadCanonicalDataset(bytes, file_name, threads, date_order);
  auto utf8 = DecodeToUtf8(bytes, Encoding::kAuto, file_name);
  if (!utf8.ok()) return utf8.status();
  return ReadCsvDataset(utf8->text, file_name, settings.csv, settings.unique_id_column,
                        left_side ? settings.LeftColumns() : settings.RightColumns());
}

}  // namespace reunite::match
