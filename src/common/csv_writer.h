// Writes RFC 4180 CSV: a field is quoted only when it holds a comma, quote, CR or LF.
// Records end with LF rather than the RFC's CRLF, which every spreadsheet and our
// own reader accept, so generated files diff cleanly.
#pragma once
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace reunite {

// Appends one field, quoted if needed, to out.
void AppendCsvField(std::string& out, std::string_view field);

// Writes one record (fields joined by commas, then "\n").
void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace reunite
