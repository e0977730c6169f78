// The one CSV writer for every file Reunite exports (CLI reports and lists, the
// web worklist and report downloads, match outputs, synthetic lists).
//
// Quoting (RFC 4180): a field is quoted only when it holds a comma, quote, CR or
// LF; quotes inside are doubled. Records end with LF rather than the RFC's CRLF,
// which every spreadsheet and our own reader accept, so generated files diff
// cleanly.
//
// Formula guard (OWASP "CSV Injection"): names, places, titles and record ids come
// from imported agency lists and from users, and a spreadsheet runs a cell that
// starts with = + - @ TAB or CR as a formula (=HYPERLINK(...) can leak data or
// lure a searcher to a site). In CsvCells::kSpreadsheet such a cell, and one
// where such a character follows leading spaces, gets a single quote prefixed,
// which makes the spreadsheet show it as text: "=1" is written '=1.
//
// Numbers: a plain negative decimal number (-12, -0.75, -1.5e-05) is not guarded:
// a spreadsheet reads it as a number, never as a formula, and a user summing
// weights or probabilities expects a number. Only '-' gets this exemption. A
// leading '+' is always guarded: Reunite never writes '+' on a number, so such a
// cell is a phone number (+502 5555 1234, +50255551234), and the quote also keeps
// a spreadsheet from turning it into a number or a #NAME? error, dropping the '+'.
//
// CsvCells::kVerbatim writes every field unchanged. It is only for files that
// Reunite itself generates from its own data to be read back by programs
// byte-for-byte (the synthetic agency lists an import must see exactly); every
// file a person may open, including the match outputs (their record ids come
// from imported lists, their numbers pass unchanged by the rule above), uses the
// default.
#pragma once
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace reunite {

enum class CsvCells {
  kSpreadsheet,  // formula guard on (the default, for anything a person may open)
  kVerbatim,     // no guard: generated data read back by programs only
};

// True when a spreadsheet could run the field as a formula (see above).
bool NeedsFormulaGuard(std::string_view field);

// Appends one field, guarded (per cells) and quoted if needed, to out.
void AppendCsvField(std::string& out, std::string_view field, CsvCells cells = CsvCells::kSpreadsheet);

// Appends one record (fields joined by commas, then "\n") to out.
void AppendCsvRecord(std::string& out, const std::vector<std::string>& fields,
                     CsvCells cells = CsvCells::kSpreadsheet);

// Writes one record (fields joined by commas, then "\n").
void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields,
                    CsvCells cells = CsvCells::kSpreadsheet);

}  // namespace reunite
