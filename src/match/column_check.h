// Checking, before linking, that the columns a settings file reads hold what it says
// they hold. A date column read in the wrong format, a number column of words or a
// column left empty by an export do not fail a linkage: the values count as missing
// and the model quietly learns from less, or nothing. This unit finds such columns
// so that front ends can warn, naming the file, the column, the share and examples.
//
// Each column a comparison or a blocking rule reads is checked once for what it must
// hold: a date in the column's date_format (date comparisons, and the year, month and
// month_day transforms), a number (number comparisons), digits (identifier
// comparisons, the digits and digits_sorted transforms), or any text. A comparison
// over several columns is checked on their values joined, as it reads them.
#pragma once
#include <string>
#include <vector>

#include "match/dataset.h"
#include "match/settings.h"

namespace reunite::match {

struct ColumnCheckOptions {
  double max_empty_share = 0.5;        // of the records
  double max_unreadable_share = 0.05;  // of the non-empty values
};

struct ColumnWarning {
  enum class Kind {
    kMostlyEmpty,  // more than max_empty_share of the records are empty
    kUnreadable,   // more than max_unreadable_share of the non-empty values cannot be read
  };
  Kind kind = Kind::kMostlyEmpty;
  std::string file;                  // the dataset's name
  std::vector<std::string> columns;  // one, or the columns a comparison joins
  std::string used_by;               // "comparison 'dob'", "blocking rule 'dob.year'"
  std::string expected;              // kUnreadable: "dates in format '%d/%m/%Y'", "numbers", ...
  long count = 0;                    // empty records, or unreadable values
  long total = 0;                    // records, or non-empty values
  std::vector<std::string> examples;  // kUnreadable: up to three distinct values as written
  // A comparison column with no usable value at all: every record empty or
  // unreadable. Linking on it learns nothing from the comparison; front ends refuse
  // it unless told otherwise.
  bool no_usable_value = false;

  // One line, e.g. "people.csv: column 'dob' (comparison 'dob'): 50,000 of 50,000
  // values (100%) do not parse as dates in format '%d/%m/%Y', e.g. "1891-03-07",
  // "1902-11-30"", with "; no usable value" when no_usable_value.
  std::string ToString() const;
};

// Checks the columns `data` holds for `settings` on one side (left_side: the left
// columns of each comparison, else the right ones; blocking columns on both), in the
// order comparisons then blocking rules name them, each column and expectation once
// (named after its first user). Columns the dataset lacks are not reported here
// (reading and preparing refuse them). Never fails; an empty dataset gives nothing.
std::vector<ColumnWarning> CheckColumns(const Dataset& data, const LinkSettings& settings, bool left_side,
                                        const ColumnCheckOptions& options = {});

}  // namespace reunite::match
