#include "ingest/agency_list.h"

#include <array>
#include <optional>
#include <unordered_map>

#include "ingest/csv_reader.h"
#include "ingest/field_guard.h"
#include "ingest/fold.h"
#include "ingest/identifiers.h"
#include "ingest/name_parser.h"
#include "ingest/places.h"
#include "ingest/placeholders.h"

namespace reunite {

namespace {

constexpr int kMaxErrors = 1000;
constexpr size_t kColumnCount = 16;

// Which CSV field holds each canonical column (-1: absent).
using ColumnIndex = std::array<int, kColumnCount>;

// Collects diagnostics for one list, capping errors so a wrong file does not
// print a million lines.
class Report {
 public:
  Report(AgencyList& list, std::string file) : list_(list), file_(std::move(file)) {}
  void Error(long line, int column, std::string_view field, std::string msg) {
    Add(Diagnostic::Severity::kError, line, column, field, std::move(msg));
  }
  void Warning(long line, int column, std::string_view field, std::string msg) {
    Add(Diagnostic::Severity::kWarning, line, column, field, std::move(msg));
  }
  // An error a front end words in the reader's language: it keeps the code and values.
  void Error(long line, int column, std::string_view field, const std::string& code, std::string msg,
             std::vector<std::pair<std::string, std::string>> args = {}) {
    Add(Diagnostic::Severity::kError, line, column, field, std::move(msg));
    if (errors_ > kMaxErrors) return;
    list_.diagnostics.back().code = code;
    list_.diagnostics.back().args = std::move(args);
  }
  int errors() const { return errors_; }
  void Finish() {
    if (errors_ <= kMaxErrors) return;
    Diagnostic more;
    more.where.file = file_;
    more.message = std::to_string(errors_ - kMaxErrors) + " more errors not listed";
    list_.diagnostics.push_back(std::move(more));
  }

 private:
  void Add(Diagnostic::Severity sev, long line, int column, std::string_view field, std::string msg) {
    bool error = sev == Diagnostic::Severity::kError;
    if (error && ++errors_ > kMaxErrors) return;
    Diagnostic d;
    d.severity = sev;
    d.where = {file_, line, column, std::string(field)};
    d.message = std::move(msg);
    list_.diagnostics.push_back(std::move(d));
  }
  AgencyList& list_;
  std::string file_;
  int errors_ = 0;
};

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

std::optional<Sex> ParseSex(const std::string& text) {
  std::string f = FoldForSearch(text);
  if (f.empty() || f == "u" || f == "unknown" || f == "desconocido") return Sex::kUnknown;
  for (const char* s : {"f", "female", "femenino", "mujer", "nina", "fem", "w", "woman", "girl"})
    if (f == s) return Sex::kFemale;
  for (const char* s : {"m", "male", "masculino", "hombre", "nino", "masc", "h", "man", "boy"})
    if (f == s) return Sex::kMale;
  return std::nullopt;
}

std::vector<std::string> SplitLanguages(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t sep = text.find_first_of(";,/", start);
    if (sep == std::string::npos) sep = text.size();
    std::string part = Trim(std::string_view(text).substr(start, sep - start));
    if (!part.empty()) out.push_back(part);
    start = sep + 1;
  }
  return out;
}

bool NeedsInterpreter(const std::vector<std::string>& languages) {
  for (const auto& lang : languages) {
    std::string f = FoldForSearch(lang);
    if (f != "spanish" && f != "espanol" && f != "english" && f != "ingles" && f != "castellano")
      return true;
  }
  return false;
}

// Maps header fields to canonical columns; reports unknown and repeated headers.
std::optional<ColumnIndex> MapHeaders(const CsvRecord& header, const ListOptions& opt, Report& report) {
  ColumnIndex index;
  index.fill(-1);
  for (size_t i = 0; i < header.fields.size(); ++i) {
    auto column = ResolveHeader(header.fields[i], opt.mapping);
    if (!column) {
      report.Warning(header.line, header.columns[i], header.fields[i],
                     "unknown column, ignored (map it with --mapping to use it)");
      continue;
    }
    int& slot = index[static_cast<size_t>(*column)];
    if (slot >= 0) {
      report.Error(header.line, header.columns[i], header.fields[i],
                   "second column for " + std::string(ColumnName(*column)));
      continue;
    }
    slot = static_cast<int>(i);
  }
  auto has = [&](Column c) { return index[static_cast<size_t>(c)] >= 0; };
  bool ok = true;
  if (!has(Column::kRecordId)) {
    report.Error(header.line, 1, "record_id", "no record_id column (every row needs its source's id)");
    ok = false;
  }
  if (!has(Column::kFullName) && !(has(Column::kGivenNames) || has(Column::kSurnames))) {
    report.Error(header.line, 1, "given_names",
                 "no name columns (need given_names and surnames, or full_name)");
    ok = false;
  }
  return ok ? std::optional(index) : std::nullopt;
}

// What each field of a record may hold (field_guard.h), and its name for diagnostics:
// the canonical column's, or the header as written for a column the import ignores
// (its cells are still kept in the verbatim row, so they are limited too).
class CellGuard {
 public:
  CellGuard(const CsvRecord& header, const ColumnIndex& index) {
    for (const auto& name : header.fields) fields_.push_back({name, {FieldKind::kFreeText, false}});
    for (Column c : AllColumns()) {
      const int i = index[static_cast<size_t>(c)];
      if (i >= 0) fields_[static_cast<size_t>(i)] = {std::string(ColumnName(c)), RuleFor(c)};
    }
  }

  // Reports every refused cell of `rec` (of the header's width); false when there is one.
  bool Check(const CsvRecord& rec, Report& report) const {
    bool ok = true;
    for (size_t i = 0; i < rec.fields.size() && i < fields_.size(); ++i) {
      const Field& f = fields_[i];
      if (auto problem = CheckField(rec.fields[i], f.rule.kind, f.rule.identity)) {
        report.Error(rec.line, rec.columns[i], f.name, problem->code, problem->message, std::move(problem->args));
        ok = false;
      }
    }
    return ok;
  }

  // Header cells are names; a refused one stops the file, as a broken header does.
  static bool CheckHeader(const CsvRecord& header, Report& report) {
    bool ok = true;
    for (size_t i = 0; i < header.fields.size(); ++i) {
      if (auto problem = CheckField(header.fields[i], FieldKind::kName, false)) {
        report.Error(header.line, header.columns[i], "header", problem->code, problem->message,
                     std::move(problem->args));
        ok = false;
      }
    }
    return ok;
  }

 private:
  struct Field {
    std::string name;
    FieldRule rule;
  };
  std::vector<Field> fields_;
};

// Parses one data record into a row; returns false when the row has errors.
class RowParser {
 public:
  RowParser(const ColumnIndex& index, const ListOptions& opt, DateOrder order, Report& report)
      : index_(index), opt_(opt), order_(order), report_(report) {}

  bool Parse(const CsvRecord& rec, ListRow* row);

 private:
  const std::string& Cell(Column c) const {
    static const std::string kEmpty;
    int i = index_[static_cast<size_t>(c)];
    return i < 0 ? kEmpty : rec_->fields[i];
  }
  int Col(Column c) const {
    int i = index_[static_cast<size_t>(c)];
    return i < 0 ? 1 : rec_->columns[i];
  }
  void Error(Column c, std::string msg) {
    report_.Error(rec_->line, Col(c), ColumnName(c), std::move(msg));
    ok_ = false;
  }
  void Warning(Column c, std::string msg) { report_.Warning(rec_->line, Col(c), ColumnName(c), std::move(msg)); }
  // The trimmed cell, or "" (with a warning naming it) when it is a placeholder: a
  // placeholder is no value, and the verbatim row keeps what was written.
  std::string Value(Column c, CellKind kind);
  std::string NameValue(Column c, bool full_name);
  Date ParseDateCell(Column c);
  void ParseNames(Person& p);
  void ParseIdentity(Person& p);
  void ParseCustody(Person& p);

  const ColumnIndex& index_;
  const ListOptions& opt_;
  DateOrder order_;
  Report& report_;
  const CsvRecord* rec_ = nullptr;
  bool ok_ = true;
};

std::string RowParser::Value(Column c, CellKind kind) {
  std::string value = Trim(Cell(c));
  if (std::string_view why = PlaceholderReason(value, kind); !why.empty()) {
    Warning(c, "placeholder '" + value + "' (" + std::string(why) + "), read as empty");
    value.clear();
  }
  return value;
}

std::string RowParser::NameValue(Column c, bool full_name) {
  if (Value(c, CellKind::kName).empty()) return "";
  std::vector<std::string> removed;
  std::string value = RemoveNamePlaceholders(Cell(c), full_name, &removed);  // the cell itself when none
  for (const auto& word : removed) Warning(c, "placeholder '" + word + "' (name unknown), left out of the name");
  return value;
}

Date RowParser::ParseDateCell(Column c) {
  auto date = ParseDate(Value(c, CellKind::kDate), order_);
  if (!date.ok()) {
    Error(c, date.status().message());
    return {};
  }
  return *date;
}

void RowParser::ParseNames(Person& p) {
  const std::string full = NameValue(Column::kFullName, true);
  const std::string given = NameValue(Column::kGivenNames, false);
  const std::string surnames = NameValue(Column::kSurnames, false);
  if (Trim(given).empty() && Trim(surnames).empty()) {
    p.name = ParseFullName(full);
  } else {
    p.name = ParseNameParts(given, surnames);
  }
  if (p.name.given_names.empty() && p.name.paternal_surname.empty())
    Error(index_[static_cast<size_t>(Column::kFullName)] >= 0 ? Column::kFullName : Column::kGivenNames,
          "no name in this row");
}

void RowParser::ParseIdentity(Person& p) {
  if (auto sex = ParseSex(Trim(Cell(Column::kSex)))) {
    p.sex = *sex;
  } else {
    Warning(Column::kSex, "unrecognised sex '" + Cell(Column::kSex) + "', recorded as unknown");
  }
  std::string country = Value(Column::kCountry, CellKind::kText);
  if (auto code = NormalizeCountry(country); code.ok()) {
    p.nationality = *code;
  } else {
    Warning(Column::kCountry, "unrecognised country '" + country + "'");
  }
  auto birth = ParseBirthDate(Value(Column::kDateOfBirth, CellKind::kDate), order_, opt_.today);
  if (birth.ok()) {
    p.birth = *birth;
  } else {
    Error(Column::kDateOfBirth, birth.status().message());
  }
  auto a_number = NormalizeANumber(Value(Column::kANumber, CellKind::kIdentifier));
  if (a_number.ok()) {
    p.a_number = *a_number;
  } else {
    Error(Column::kANumber, a_number.status().message());
  }
  const PhoneCell phones = ReadPhoneCell(Cell(Column::kPhones), p.nationality);
  for (const PhoneItem& item : phones.items) {
    if (!item.placeholder.empty()) {
      Warning(Column::kPhones, "placeholder '" + item.written + "' (" + item.placeholder + "), read as empty");
    } else if (item.e164.empty()) {
      Warning(Column::kPhones, "\"" + item.written + "\": " + item.why);
    }
  }
  p.phones = phones.Phones();
  p.languages = SplitLanguages(Value(Column::kLanguage, CellKind::kText));
  p.interpreter_needed = NeedsInterpreter(p.languages);
}

void RowParser::ParseCustody(Person& p) {
  std::string status = Trim(Cell(Column::kStatus));
  if (!status.empty()) {
    auto custody = ParseCustodyStatus(status);
    if (!custody.ok()) {
      Error(Column::kStatus, "unknown status '" + status + "'");
    } else if (!CustodyFitsRole(*custody, p.role)) {
      Error(Column::kStatus, "status '" + status + "' is not possible for a" +
                                 (p.role == Role::kChild ? " child" : "n adult"));
    } else {
      p.custody.status = *custody;
    }
  }
  Date removal = ParseDateCell(Column::kRemovalDate);
  if (!removal.empty()) {
    if (p.custody.status != CustodyStatus::kRemoved) {
      Warning(Column::kRemovalDate, "removal date on a person whose status is not removed");
    }
    p.custody.removal_date = removal;
  }
  if (p.custody.status == CustodyStatus::kRemoved) p.custody.removal_country = p.nationality;
  p.apprehension_date = ParseDateCell(Column::kApprehensionDate);
  p.apprehension_place = Value(Column::kApprehensionPlace, CellKind::kText);
  p.location = ResolveLocation(Value(Column::kLocation, CellKind::kText), p.nationality, p.custody.status);
  p.reported_relatives = Trim(Cell(Column::kReportedRelatives));
}

bool RowParser::Parse(const CsvRecord& rec, ListRow* row) {
  rec_ = &rec;
  ok_ = true;
  row->line = rec.line;
  row->raw.assign(rec.raw);
  row->record_id = Trim(Cell(Column::kRecordId));
  if (row->record_id.empty()) Error(Column::kRecordId, "missing record_id");
  Person& p = row->person;
  p = Person{};
  p.role = opt_.role;
  ParseNames(p);
  ParseIdentity(p);
  ParseCustody(p);
  return ok_;
}

// Bytes that decoding would only copy: UTF-8 without a byte order mark. Read in place,
// a large list is not held twice.
bool IsPlainUtf8(std::string_view bytes, Encoding encoding) {
  return encoding != Encoding::kWindows1252 && bytes.substr(0, 3) != "\xEF\xBB\xBF" && IsValidUtf8(bytes);
}

}  // namespace

int AgencyList::errors() const {
  int n = 0;
  for (const auto& d : diagnostics) n += d.severity == Diagnostic::Severity::kError;
  return n;
}

int AgencyList::warnings() const { return static_cast<int>(diagnostics.size()) - errors(); }

Result<CustodyStatus> ParseCustodyStatus(std::string_view text) {
  std::string f = FoldForSearch(Trim(text));
  for (char& c : f)
    if (c == '-' || c == ' ') c = '_';
  static const std::unordered_map<std::string, CustodyStatus> kWords = {
      {"in_care", CustodyStatus::kInCare}, {"in_orr_care", CustodyStatus::kInCare},
      {"en_albergue", CustodyStatus::kInCare}, {"en_cuidado", CustodyStatus::kInCare},
      {"sheltered", CustodyStatus::kInCare}, {"discharged", CustodyStatus::kDischarged},
      {"released_to_sponsor", CustodyStatus::kDischarged}, {"egresado", CustodyStatus::kDischarged},
      {"dado_de_alta", CustodyStatus::kDischarged}, {"detained", CustodyStatus::kDetained},
      {"in_custody", CustodyStatus::kDetained}, {"detenido", CustodyStatus::kDetained},
      {"detenida", CustodyStatus::kDetained}, {"released", CustodyStatus::kReleased},
      {"liberado", CustodyStatus::kReleased}, {"liberada", CustodyStatus::kReleased},
      {"removed", CustodyStatus::kRemoved}, {"deported", CustodyStatus::kRemoved},
      {"deportado", CustodyStatus::kRemoved}, {"deportada", CustodyStatus::kRemoved},
      {"removido", CustodyStatus::kRemoved}, {"unknown", CustodyStatus::kUnknown},
      {"desconocido", CustodyStatus::kUnknown}};
  auto it = kWords.find(f);
  if (it == kWords.end()) return Status::NotFound("unknown status '" + std::string(text) + "'");
  return it->second;
}

AgencyList ReadAgencyList(std::string_view bytes, const ListOptions& opt,
                          const std::function<void(double)>& progress) {
  AgencyList list;
  Report report(list, opt.file_name);
  Encoding encoding = opt.mapping.encoding.value_or(opt.encoding);
  DateOrder order = opt.mapping.date_order.value_or(opt.date_order);
  // Undecodable bytes, NUL bytes and broken quoting are reported where they are.
  auto located_error = [&report](const Status& status) {
    const auto& w = status.where();
    const bool nul = status.message() == kNulByteMessage;
    report.Error(w ? w->line : 0, w ? w->column : 0, "", nul ? "nul_byte" : "", status.message());
  };
  std::string_view text = bytes;
  Decoded decoded;  // kept only when the bytes are not already UTF-8 without a BOM
  if (!IsPlainUtf8(bytes, encoding)) {
    auto result = DecodeToUtf8(bytes, encoding, opt.file_name);
    if (!result.ok()) {
      located_error(result.status());
      return list;
    }
    decoded = std::move(*result);
    text = decoded.text;
    list.detected = decoded.detected;
  }
  CsvReader reader(text, opt.file_name);
  CsvRecord record;
  if (!reader.Next(&record)) {
    if (!reader.status().ok()) located_error(reader.status());
    else report.Error(1, 1, "", "the file is empty (expected a header row)");
    return list;
  }
  list.headers = record.fields;
  if (!CellGuard::CheckHeader(record, report)) return list;
  auto index = MapHeaders(record, opt, report);
  if (!index) return list;
  const CellGuard guard(record, *index);
  RowParser parser(*index, opt, order, report);
  std::unordered_map<std::string, long> first_line;  // record_id -> line
  const size_t width = list.headers.size();
  ListRow row;
  while (reader.Next(&record)) {
    ++list.data_rows;
    if (progress && list.data_rows % 4096 == 0) progress(reader.progress());
    if (record.fields.size() != width) {
      report.Error(record.line, 1, "", "wrong number of fields: expected " + std::to_string(width) +
                                           ", found " + std::to_string(record.fields.size()));
      continue;
    }
    if (!guard.Check(record, report) || !parser.Parse(record, &row)) continue;
    auto [it, inserted] = first_line.emplace(row.record_id, record.line);
    if (!inserted) {
      report.Error(record.line, record.columns[(*index)[0]], "record_id",
                   "record_id '" + row.record_id + "' repeats the row on line " + std::to_string(it->second));
      continue;
    }
    list.rows.push_back(std::move(row));
  }
  if (!reader.status().ok()) located_error(reader.status());
  if (progress) progress(1.0);
  report.Finish();
  return list;
}

}  // namespace reunite
