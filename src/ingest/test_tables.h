// Table-driven test data for the ingest tests (after DuckDB's test files): cases live
// in tests/data as tab-separated lines, so adding a case needs no C++.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace reunite::testing {

inline std::string TestDataPath(std::string_view relative) {
  return std::string(REUNITE_SOURCE_DIR) + "/tests/data/" + std::string(relative);
}

// The file's bytes, or "" when it cannot be read (the caller asserts on cases).
inline std::string ReadTestFile(std::string_view relative) {
  std::ifstream in(TestDataPath(relative), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Undoes the escapes the tables use for characters a TSV cell cannot hold.
inline std::string Unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char c = s[++i];
    out.push_back(c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c);
  }
  return out;
}

inline std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\\') out += "\\\\";
    else out.push_back(c);
  }
  return out;
}

struct TableRow {
  int line = 0;                    // in the table file, for failure messages
  std::vector<std::string> cells;  // unescaped; trailing empty cells kept
  const std::string& operator[](std::size_t i) const {
    static const std::string kEmpty;
    return i < cells.size() ? cells[i] : kEmpty;
  }
};

// Rows of a table file; lines starting with '#' and blank lines are skipped.
inline std::vector<TableRow> ReadTable(std::string_view relative) {
  std::vector<TableRow> rows;
  std::istringstream in(ReadTestFile(relative));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    TableRow row{n, {}};
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      row.cells.push_back(Unescape(std::string_view(line).substr(start, tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Splits "a|b|c" ("" gives no parts).
inline std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  for (std::size_t bar; (bar = s.find('|', start)) != std::string::npos; start = bar + 1) {
    out.push_back(s.substr(start, bar - start));
  }
  out.push_back(s.substr(start));
  return out;
}

}  // namespace reunite::testing
