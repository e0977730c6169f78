#include "common/csv_writer.h"

namespace reunite {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits from i on; returns how many.
std::size_t Digits(std::string_view s, std::size_t& i) {
  const std::size_t from = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i - from;
}

// "-12", "-0.75", "-.5", "-3.", "-1.5e-05": a negative decimal a spreadsheet reads
// as a number. Nothing else (no spaces, no second sign, no operators).
bool IsNegativeNumber(std::string_view s) {
  if (s.size() < 2 || s[0] != '-') return false;
  std::size_t i = 1;
  std::size_t mantissa = Digits(s, i);
  if (i < s.size() && s[i] == '.') {
    ++i;
    mantissa += Digits(s, i);
  }
  if (mantissa == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (Digits(s, i) == 0) return false;
  }
  return i == s.size();
}

bool IsFormulaStart(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

}  // namespace

bool NeedsFormulaGuard(std::string_view field) {
  if (IsNegativeNumber(field)) return false;
  // Spreadsheets skip leading spaces before deciding a cell is a formula.
  const std::size_t first = field.find_first_not_of(' ');
  return first != std::string_view::npos && IsFormulaStart(field[first]);
}

void AppendCsvField(std::string& out, std::string_view field, CsvCells cells) {
  const bool guard = cells == CsvCells::kSpreadsheet && NeedsFormulaGuard(field);
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out.push_back('"');
  if (guard) out.push_back('\'');
  if (!quote) {
    out.append(field);
    return;
  }
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void AppendCsvRecord(std::string& out, const std::vector<std::string>& fields, CsvCells cells) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    AppendCsvField(out, fields[i], cells);
  }
  out.push_back('\n');
}

void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields, CsvCells cells) {
  std::string line;
  AppendCsvRecord(line, fields, cells);
  out << line;
}

}  // namespace reunite
