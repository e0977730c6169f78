// The one mapping between a Person and its stored columns. INSERT, UPDATE, the
// update diff, the creation snapshot and every read go through this table, so a
// new Person field is added in one place.
//
// Every value is text: dates as ISO "YYYY-MM-DD" (with "00" for an unknown month
// or day, "" when empty), enums as their model ToString form, booleans as "0"/"1",
// and lists joined by kListSeparator (U+001F, which never occurs in decoded text;
// an empty list is "", so a list holding one empty string reads back empty).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "model/person.h"

namespace reunite {

inline constexpr char kListSeparator = '\x1f';

// (column, stored value) pairs in column order; the id is not included.
using FieldList = std::vector<std::pair<std::string, std::string>>;

// Column names in the order ToFields emits them.
const std::vector<std::string>& PersonColumns();

FieldList ToFields(const Person& person);

// Builds a Person from stored values given in PersonColumns() order (id left 0).
// InvalidArgument naming the column when a value does not parse (an enum string
// or a date the model does not know), which means the row was not written by us.
Result<Person> PersonFromValues(const std::vector<std::string>& values);
// PersonFromValues for some of the columns, looked up once for a whole read: for
// reads that need a few fields of many people. The other fields keep their defaults.
class PartialPersonReader {
 public:
  // Internal when a name is not a person column.
  static Result<PartialPersonReader> For(const std::vector<std::string>& columns);
  // `values` in the order of the columns given to For.
  Result<Person> Read(const std::vector<std::string>& values) const;

 private:
  std::vector<std::size_t> columns_;  // indexes into the column table
};

// OK when every field of `person` can be stored and read back alike on both back
// ends: text valid UTF-8 without NUL (PostgreSQL refuses such text, which SQLite
// would keep) and dates empty or with year 1 to 9999, month 0 to 12 and day 0 to
// 31 (0: unknown), which "YYYY-MM-DD" holds. Otherwise InvalidArgument naming the
// column (not the value, which may be unprintable). Allocates nothing, so a bulk
// write can check every row first.
Status CheckStorable(const Person& person);

// A value as a person reads it in the journal: lists become a JSON array, the
// rest is the stored text.
std::string JournalValue(const std::string& column, const std::string& stored);

// Every field as JSON object text {"id":..., column: value, ...} in column order,
// lists as arrays. Invalid UTF-8 is replaced by U+FFFD rather than refused, so a
// snapshot never fails. Written by hand, not with nlohmann::json: building and
// dumping a json object cost ~4 us per person, a sixth of a bulk import's time.
std::string PersonSnapshotJson(PersonId id, const FieldList& fields);

// Appends `text` as a JSON string literal (quoted and escaped, U+FFFD for
// invalid UTF-8).
void AppendJsonString(std::string& out, std::string_view text);

// The text PersonQuery.text is matched against: folded name forms and A-number.
std::string PersonSearchKey(const Person& person);

}  // namespace reunite
