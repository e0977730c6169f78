// The canonical columns of an agency list, the header names recognised for each
// (English and Spanish), and mapping files that map any other headers.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/dates.h"
#include "ingest/encoding.h"

namespace reunite {

enum class Column {
  kRecordId, kGivenNames, kSurnames, kFullName, kSex, kDateOfBirth, kCountry, kANumber,
  kPhones, kLanguage, kApprehensionDate, kApprehensionPlace, kLocation, kStatus,
  kRemovalDate, kReportedRelatives,
};

// Canonical name of a column, e.g. "date_of_birth".
std::string_view ColumnName(Column c);
// Every canonical column in documentation order.
const std::vector<Column>& AllColumns();

// How one source writes its lists: header names that differ from the canonical and
// Spanish ones, and the source's date order and encoding when not detected.
struct ColumnMapping {
  std::map<std::string, Column> headers;  // folded header -> column
  std::optional<DateOrder> date_order;
  std::optional<Encoding> encoding;
};

// Parses a mapping file:
//   # comment
//   [options]
//   date_order = mdy          (iso | mdy | dmy)
//   encoding = windows-1252   (auto | utf-8 | windows-1252)
//   [columns]
//   Alien Number = a_number   (a header as written in the list = a canonical column)
// Errors name file:line and why (unknown section, unknown column, missing '=').
Result<ColumnMapping> ParseColumnMapping(std::string_view text, const std::string& file_name);

// The column a header names: first the mapping, then canonical names and the
// built-in English and Spanish aliases. Headers are compared folded (case, accents,
// spaces, hyphens and dots do not matter: "Fecha de Nacimiento" = "fecha_nacimiento").
std::optional<Column> ResolveHeader(std::string_view header, const ColumnMapping& mapping);

// Lower-case, accents removed, runs of non-alphanumerics turned into one '_', trimmed.
std::string FoldHeader(std::string_view header);

}  // namespace reunite
