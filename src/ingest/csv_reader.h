// A strict RFC 4180 reader that knows where every record and field starts, so that
// every input problem can be reported as file:line:column.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace reunite {

struct CsvRecord {
  std::vector<std::string> fields;
  std::vector<int> columns;  // 1-based column (in characters) where each field starts
  long line = 0;             // 1-based line where the record starts
  long end_line = 0;         // line where it ends (> line when a quoted field holds newlines)
  std::string_view raw;      // the record's text, verbatim, without its line ending
};

struct CsvOptions {
  char delimiter = ',';
  // FEBRL-style files put a space after each comma; when set, spaces and tabs after a
  // delimiter (outside quotes) are skipped.
  bool trim_leading_space = false;
};

// Reads records one at a time from UTF-8 text that the caller keeps alive.
// Accepts LF, CRLF and lone CR line endings and a last line with no ending. Blank
// lines (no characters at all) are skipped. A quoted field may hold delimiters,
// doubled quotes and line breaks.
// Refuses, with InvalidArgument located at the offending line and column:
//   - a quote inside an unquoted field ("bare quote in unquoted field"),
//   - characters after a closing quote other than a delimiter or line end,
//   - a quoted field still open at end of input (located where the quote opened),
//   - a NUL byte anywhere (kNulByteMessage): RFC 4180 text holds none, and a file
//     that does is binary or UTF-16, whose every other byte is NUL.
// The reader does not check the number of fields; that is the caller's schema.
inline constexpr const char* kNulByteMessage =
    "NUL byte (a binary file, or one saved as UTF-16? save the list as CSV in UTF-8)";

class CsvReader {
 public:
  CsvReader(std::string_view text, std::string file_name, CsvOptions options = {});

  // Reads the next record into *record. Returns false at end of input or on error;
  // after false, status() tells which (OK at end of input). No record is read after
  // an error, because a broken quote leaves no trustworthy record boundary.
  bool Next(CsvRecord* record);
  const Status& status() const { return status_; }
  // Fraction of the input consumed, for progress bars.
  double progress() const;

 private:
  std::string_view text_;
  std::string file_name_;
  CsvOptions options_;
  bool ReadQuoted(std::string* field, int column);
  bool ReadUnquoted(std::string* field);
  bool Fail(const char* message, long line, int column);
  std::size_t LineEndLength() const;  // 1 or 2 at a line break, else 0
  void StartLine(std::size_t pos);
  int ColumnAt(std::size_t pos);      // counts code points incrementally along the line

  std::size_t pos_ = 0;
  long line_ = 1;
  std::size_t column_pos_ = 0;  // a position on the current line and its column
  int column_ = 1;
  Status status_;
};

}  // namespace reunite
