// Records to link, as columns of text, and their values prepared once for comparison.
// A Dataset is read from any header-first CSV (the settings name the id column and
// the CSV options) or from a Reunite canonical person file, which ingest's agency-list
// reader parses so names, dates, A-numbers and phones are read as everywhere else.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/agency_list.h"
#include "match/comparisons.h"
#include "match/settings.h"

namespace reunite::match {

// Column-major text: columns[c][row]. Only the columns the settings read are kept.
struct Dataset {
  std::string name;                  // file name, for messages
  std::vector<std::string> ids;      // unique record ids
  std::vector<std::string> column_names;
  std::vector<std::vector<std::string>> columns;
  size_t size() const { return ids.size(); }
  int ColumnIndex(std::string_view column) const;  // -1 when absent
  // Row of a record id; -1 when absent.
  long Find(std::string_view id) const;
};

// Reads a CSV with a header. Refuses (InvalidArgument, file:line:column): a missing
// id column or any column in `needed`, a row with the wrong number of fields, an empty
// or repeated id, and broken quoting. Values are trimmed of surrounding spaces.
Result<Dataset> ReadCsvDataset(std::string_view text, const std::string& file_name, const CsvOptions& options,
                               const std::string& id_column, const std::vector<std::string>& needed);

// The derived columns of a canonical person file: record_id, given_names,
// first_given_name, surnames, paternal_surname, maternal_surname, sex, date_of_birth
// (ISO, or the bare year when only the year is known), country, a_number, phones
// (';'-separated E.164), other_given_names (after the first), apprehension (date and
// place, empty unless both are known), location (custody facility, else village,
// municipality, department), removal_date (ISO), apprehension_day (days since
// 1970-01-01) and apprehension_place (the Border Patrol sector and station the
// gazetteer resolves it to: "RGV weslaco", "RGV"; empty when it names no known place).
const std::vector<std::string>& CanonicalColumns();

// Reads a canonical person file with ReadAgencyList (trying the adult role, then the
// child role, whichever the status column fits), slashed dates in `date_order` (ISO
// and YYYYMMDD always). Refuses a file with errors, listing the first ones. A file
// without errors is read in chunks on `threads` threads (the result does not depend
// on them).
Result<Dataset> ReadCanonicalDataset(std::string_view bytes, const std::string& file_name, int threads = 1,
                                     DateOrder date_order = DateOrder::kMonthDayYear);
// The same from already parsed rows (for callers that hold people, such as the store).
Dataset DatasetFromRows(const std::vector<ListRow>& rows, const std::string& name);

// Reads a file's bytes as the settings say (format, CSV options, columns needed on
// the given side); `date_order` is for canonical files' slashed dates.
Result<Dataset> ReadDataset(std::string_view bytes, const std::string& file_name, const LinkSettings& settings,
                            bool left_side, int threads = 1, DateOrder date_order = DateOrder::kMonthDayYear);

// One comparison's distinct values, each prepared once (names and places repeat
// across a big list), in tables indexed by value id; records refer to them by id
// (PreparedDataset::Id). Id 0 is the empty value, which every kind compares as kNull.
// Within one dataset two records share an id exactly when they have the same folded
// text (strings), tokens (token sets), date parts, identifier digits or number text,
// so the comparator can decide exact levels on ids and memoise costly ones per pair
// of ids (comparison_vector.h).
struct PreparedComparison {
  std::vector<PreparedString> strings;                    // kString without list_separator
  std::vector<std::vector<PreparedString>> string_items;  // kString with list_separator
  std::vector<PreparedTokens> tokens;                     // kTokenSet
  std::vector<PreparedDate> dates;                        // kDate
  std::vector<std::vector<std::string>> identifiers;      // kIdentifier: digits of each item
  std::vector<double> numbers;                            // kNumber
  // Compact forms for comparing without chasing pointers (a million records' values
  // do not stay in cache): a token set's tokens as numbers of this dataset's
  // vocabulary, and up to three identifiers of up to 15 digits each packed in 64 bits
  // (the digit count, then 4 bits a digit).
  struct TokenIds {
    static constexpr size_t kMax = 4;
    std::uint32_t size = 0;  // 0: more than kMax tokens, compare `tokens`
    std::uint32_t text[kMax] = {}, sound[kMax] = {};  // sound 0: no phonetic key
  };
  std::vector<TokenIds> token_ids;        // kTokenSet
  std::vector<std::string> vocabulary;    // kTokenSet: the folded text of each token number
  struct PackedIds {
    static constexpr size_t kMax = 3;
    std::uint64_t items[kMax] = {};  // in order, then zeros; all zero: not packed, compare `identifiers`
  };
  std::vector<PackedIds> packed_ids;  // kIdentifier
  // Term-frequency adjustment, per value: the value as TF counts it (freed once
  // counted), the records holding it, and its relative frequency (0 for id 0).
  std::vector<std::string> tf_keys;
  std::vector<std::uint32_t> counts;
  std::vector<float> tf;
};

struct PreparedDataset {
  const Dataset* data = nullptr;  // not owned
  std::vector<PreparedComparison> comparisons;  // one per settings comparison
  // Record-major value ids, so that one record's values share a cache line or two:
  // ids[row * comparisons.size() + c].
  std::vector<std::uint32_t> ids;
  std::uint32_t Id(size_t row, size_t c) const { return ids[row * comparisons.size() + c]; }
};

// Prepares every comparison's values, comparisons spread over `threads` threads (the
// result does not depend on them). Refuses (InvalidArgument) a comparison column the
// dataset lacks.
Result<PreparedDataset> PrepareDataset(const Dataset& data, const LinkSettings& settings, bool left_side,
                                       int threads = 1);

// Fills tf for comparisons that ask for term-frequency adjustment: the frequency of
// each value among the non-empty values of all the given datasets together, then
// frees the keys it counted (call it once).
void ComputeTermFrequencies(const LinkSettings& settings, const std::vector<PreparedDataset*>& datasets);

// A date cell as linkage reads it, in its column's format, any year from 1 to 9999:
// empty (blank, or "unknown", "n/a" and the like), a date (a bare year is a year-only
// date), or unreadable. An impossible date written in the format's shape (month 13, a
// typo) is unreadable but keeps its numbers in `date`, which comparisons still weigh.
struct DateCell {
  PreparedDate date;
  bool unreadable = false;
};
DateCell ReadDateCell(std::string_view text, const DateFormat& format);
// ReadDateCell(...).date. Shared by comparison preparation and blocking keys.
PreparedDate ReadDateValue(std::string_view text, const DateFormat& format);

// A number cell as a number comparison reads it: NaN when empty or not a number
// (the whole trimmed text must be one, as strtod reads it).
double ReadNumberValue(std::string_view text);

}  // namespace reunite::match
