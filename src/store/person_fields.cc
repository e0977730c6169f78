#include "store/person_fields.h"

#include <algorithm>

#include <cstdio>

#include "ingest/encoding.h"
#include "ingest/fold.h"

namespace reunite {

namespace {

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += kListSeparator;
    out += items[i];
  }
  return out;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  size_t start = 0;
  for (size_t sep; (sep = text.find(kListSeparator, start)) != std::string::npos; start = sep + 1)
    out.push_back(text.substr(start, sep - start));
  out.push_back(text.substr(start));
  return out;
}

bool ParseDateText(const std::string& text, Date& out) {
  if (text.empty()) {
    out = Date{};
    return true;
  }
  // "YYYY-MM-DD" by hand: sscanf cost a list of 100,000 children a tenth of its time.
  auto digits = [&](size_t from, size_t n, int& v) {
    v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, y) || !digits(5, 2, m) ||
      !digits(8, 2, d))
    return false;
  out = Date{y, m, d};
  return true;
}

bool ParseFlag(const std::string& text, bool& out) {
  if (text != "0" && text != "1") return false;
  out = text == "1";
  return true;
}

// Parses an enum stored as its ToString form into `out`.
template <typename E, typename Parse>
bool ParseEnum(const std::string& text, E& out, Parse parse) {
  auto v = parse(text);
  if (v) out = *v;
  return v.has_value();
}

// Why a value cannot be stored and read back alike on both back ends, or nullptr:
// PostgreSQL refuses text with NUL or invalid UTF-8, which SQLite would keep.
const char* TextProblem(const std::string& text) {
  if (text.find('\0') != std::string::npos) return "holds a NUL character";
  if (!IsValidUtf8(text)) return "is not valid UTF-8";
  return nullptr;
}

const char* ListProblem(const std::vector<std::string>& items) {
  for (const auto& item : items)
    if (const char* problem = TextProblem(item)) return problem;
  return nullptr;
}

// An empty date (year 0) is stored as ""; any other must fit "YYYY-MM-DD" with
// month and day 0 (unknown) or in the calendar's range. Checked on the numbers:
// formatting every date to check it doubled the check's cost.
const char* DateProblem(const Date& date) {
  if (date.empty()) return nullptr;
  const bool fits = date.year >= 1 && date.year <= 9999 && date.month >= 0 && date.month <= 12 &&
                    date.day >= 0 && date.day <= 31;
  return fits ? nullptr : "is not a date of year 1 to 9999, month 0 to 12, day 0 to 31";
}

struct Column {
  const char* name;
  bool is_list;
  std::string (*get)(const Person&);
  bool (*set)(Person&, const std::string&);  // false when the text does not parse
  const char* (*problem)(const Person&);      // see TextProblem
};

const char* NoProblem(const Person&) { return nullptr; }

#define TEXT_COLUMN(col, member)                                         \
  Column {                                                               \
    col, false, [](const Person& p) { return p.member; },                \
        [](Person& p, const std::string& v) { return p.member = v, true; }, \
        [](const Person& p) { return TextProblem(p.member); }             \
  }
#define LIST_COLUMN(col, member)                                                    \
  Column {                                                                          \
    col, true, [](const Person& p) { return JoinList(p.member); },                  \
        [](Person& p, const std::string& v) { return p.member = SplitList(v), true; }, \
        [](const Person& p) { return ListProblem(p.member); }                       \
  }
#define DATE_COLUMN(col, member)                                              \
  Column {                                                                    \
    col, false, [](const Person& p) { return p.member.ToIso(); },             \
        [](Person& p, const std::string& v) { return ParseDateText(v, p.member); }, \
        [](const Person& p) { return DateProblem(p.member); }                  \
  }
#define FLAG_COLUMN(col, member)                                                 \
  Column {                                                                       \
    col, false, [](const Person& p) { return std::string(p.member ? "1" : "0"); }, \
        [](Person& p, const std::string& v) { return ParseFlag(v, p.member); },  \
        NoProblem                                                                \
  }
#define ENUM_COLUMN(col, member, parse)                                              \
  Column {                                                                           \
    col, false, [](const Person& p) { return ToString(p.member); },                  \
        [](Person& p, const std::string& v) { return ParseEnum(v, p.member, parse); }, \
        NoProblem                                                                     \
  }

const std::vector<Column>& Columns() {
  static const std::vector<Column> columns = {
      ENUM_COLUMN("role", role, RoleFromString),
      TEXT_COLUMN("name_as_recorded", name.as_recorded),
      LIST_COLUMN("given_names", name.given_names),
      TEXT_COLUMN("paternal_surname", name.paternal_surname),
      TEXT_COLUMN("maternal_surname", name.maternal_surname),
      TEXT_COLUMN("married_surname", name.married_surname),
      DATE_COLUMN("birth_date", birth.date),
      ENUM_COLUMN("birth_precision", birth.precision, DatePrecisionFromString),
      FLAG_COLUMN("birth_january_first_default", birth.january_first_default),
      ENUM_COLUMN("sex", sex, SexFromString),
      TEXT_COLUMN("nationality", nationality),
      TEXT_COLUMN("a_number", a_number),
      LIST_COLUMN("languages", languages),
      FLAG_COLUMN("interpreter_needed", interpreter_needed),
      LIST_COLUMN("phones", phones),
      TEXT_COLUMN("location_facility", location.facility),
      TEXT_COLUMN("location_country", location.country),
      TEXT_COLUMN("location_department", location.department),
      TEXT_COLUMN("location_municipality", location.municipality),
      TEXT_COLUMN("location_village", location.village),
      TEXT_COLUMN("location_text", location.text),
      ENUM_COLUMN("custody_status", custody.status, CustodyStatusFromString),
      DATE_COLUMN("removal_date", custody.removal_date),
      TEXT_COLUMN("removal_country", custody.removal_country),
      DATE_COLUMN("apprehension_date", apprehension_date),
      TEXT_COLUMN("apprehension_place", apprehension_place),
      TEXT_COLUMN("reported_relatives", reported_relatives),
  };
  return columns;
}

#undef TEXT_COLUMN
#undef LIST_COLUMN
#undef DATE_COLUMN
#undef FLAG_COLUMN
#undef ENUM_COLUMN

// Length of the well-formed UTF-8 sequence starting at text[i] (a non-ASCII
// lead byte), or 0 when it is malformed, overlong, a surrogate or past U+10FFFF.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  unsigned char lead = byte(0);
  size_t n = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
  if (lead > 0xF4) n = 0;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead == 0xE0) lo = 0xA0;
  if (lead == 0xED) hi = 0x9F;
  if (lead == 0xF0) lo = 0x90;
  if (lead == 0xF4) hi = 0x8F;
  if (n == 0 || byte(1) < lo || byte(1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
  return n;
}

bool IsListColumn(const std::string& name) {
  for (const auto& c : Columns())
    if (c.is_list && name == c.name) return true;
  return false;
}

// A stored list as a JSON array of strings.
void AppendJsonList(std::string& out, const std::string& stored) {
  out += '[';
  bool first = true;
  for (const auto& item : SplitList(stored)) {
    if (!first) out += ',';
    first = false;
    AppendJsonString(out, item);
  }
  out += ']';
}

}  // namespace

const std::vector<std::string>& PersonColumns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& c : Columns()) out.push_back(c.name);
    return out;
  }();
  return names;
}

FieldList ToFields(const Person& person) {
  FieldList out;
  out.reserve(Columns().size());
  for (const auto& c : Columns()) out.emplace_back(c.name, c.get(person));
  return out;
}

Result<Person> PersonFromValues(const std::vector<std::string>& values) {
  const auto& columns = Columns();
  if (values.size() != columns.size())
    return Status::Internal("person row has " + std::to_string(values.size()) + " values, expected " +
                            std::to_string(columns.size()));
  Person person;
  for (size_t i = 0; i < columns.size(); ++i)
    if (!columns[i].set(person, values[i]))
      return Status::InvalidArgument(std::string("stored ") + columns[i].name + " is not valid: '" +
                                     values[i] + "'");
  return person;
}

Result<PartialPersonReader> PartialPersonReader::For(const std::vector<std::string>& columns) {
  const auto& all = Columns();
  PartialPersonReader reader;
  for (const std::string& name : columns) {
    auto c = std::find_if(all.begin(), all.end(), [&](const auto& col) { return name == col.name; });
    if (c == all.end()) return Status::Internal("no person column " + name);
    reader.columns_.push_back(static_cast<std::size_t>(c - all.begin()));
  }
  return reader;
}

Result<Person> PartialPersonReader::Read(const std::vector<std::string>& values) const {
  const auto& all = Columns();
  Person person;
  for (size_t i = 0; i < columns_.size() && i < values.size(); ++i) {
    const auto& c = all[columns_[i]];
    if (!c.set(person, values[i]))
      return Status::InvalidArgument(std::string("stored ") + c.name + " is not valid: '" + values[i] + "'");
  }
  return person;
}

Status CheckStorable(const Person& person) {
  for (const auto& c : Columns())
    if (const char* problem = c.problem(person)) return Status::InvalidArgument(std::string(c.name) + " " + problem);
  return Status::Ok();
}

std::string JournalValue(const std::string& column, const std::string& stored) {
  if (!IsListColumn(column)) return stored;
  std::string out;
  AppendJsonList(out, stored);
  return out;
}

std::string PersonSnapshotJson(PersonId id, const FieldList& fields) {
  std::string out = "{\"id\":" + std::to_string(id);
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto& [column, value] = fields[i];
    out += ",\"";
    out += column;  // column names are plain ASCII identifiers
    out += "\":";
    // Fields come from ToFields, in Columns() order.
    if (i < Columns().size() && Columns()[i].is_list)
      AppendJsonList(out, value);
    else
      AppendJsonString(out, value);
  }
  return out + "}";
}

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t n = Utf8SequenceLength(text, i);
      out.append(n ? text.substr(i, n) : std::string_view("\xEF\xBF\xBD"));  // U+FFFD
      i += n ? n : 1;
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += '"';
}

std::string PersonSearchKey(const Person& p) {
  // Both the parsed name and the text as recorded, so a search matches however the
  // list spelled the name; spaces separate forms so a match never spans two.
  std::string key = p.name.Display();
  if (p.name.as_recorded != key) key += " " + p.name.as_recorded;
  if (!p.a_number.empty()) key += " " + p.a_number;
  return FoldForSearch(key);
}

}  // namespace reunite
