#include "ingest/csv_reader.h"

namespace reunite {

namespace {
bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

CsvReader::CsvReader(std::string_view text, std::string file_name, CsvOptions options)
    : text_(text), file_name_(std::move(file_name)), options_(options) {}

double CsvReader::progress() const {
  return text_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(text_.size());
}

std::size_t CsvReader::LineEndLength() const {
  if (pos_ >= text_.size()) return 0;
  if (text_[pos_] == '\n') return 1;
  if (text_[pos_] != '\r') return 0;
  return pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n' ? 2 : 1;
}

void CsvReader::StartLine(std::size_t pos) {
  column_pos_ = pos;
  column_ = 1;
}

int CsvReader::ColumnAt(std::size_t pos) {
  // Fields are visited left to right, so counting from the last answer keeps a
  // record's cost linear in its length however many fields it has.
  for (; column_pos_ < pos; ++column_pos_) {
    if (!IsUtf8Continuation(text_[column_pos_])) ++column_;
  }
  return column_;
}

bool CsvReader::Fail(const char* message, long line, int column) {
  status_ = Status::InvalidArgument(message);
  status_.At({file_name_, line, column, ""});
  return false;
}

bool CsvReader::ReadUnquoted(std::string* field) {
  const std::size_t start = pos_;
  const char delim = options_.delimiter;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == delim || c == '\n' || c == '\r') break;
    if (c == '"') return Fail("bare quote in unquoted field", line_, ColumnAt(pos_));
    if (c == '\0') return Fail(kNulByteMessage, line_, ColumnAt(pos_));
    ++pos_;
  }
  field->append(text_.data() + start, pos_ - start);
  return true;
}

bool CsvReader::ReadQuoted(std::string* field, int column) {
  const long open_line = line_;
  ++pos_;  // the opening quote
  for (;;) {
    const std::size_t run = pos_;
    while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\n' && text_[pos_] != '\r' &&
           text_[pos_] != '\0') {
      ++pos_;
    }
    field->append(text_.data() + run, pos_ - run);
    if (pos_ < text_.size() && text_[pos_] == '\0') return Fail(kNulByteMessage, line_, ColumnAt(pos_));
    if (pos_ >= text_.size()) {
      return Fail("quoted field is never closed (its quote opens here)", open_line, column);
    }
    if (text_[pos_] == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        field->push_back('"');
        pos_ += 2;
        continue;
      }
      ++pos_;
      break;
    }
    // A line break inside quotes is data, kept as written.
    const std::size_t len = LineEndLength();
    field->append(text_.data() + pos_, len);
    pos_ += len;
    ++line_;
    StartLine(pos_);
  }
  if (pos_ < text_.size() && text_[pos_] != options_.delimiter && LineEndLength() == 0) {
    if (text_[pos_] == '\0') return Fail(kNulByteMessage, line_, ColumnAt(pos_));
    return Fail("unexpected character after closing quote (expected a delimiter or line end)",
                line_, ColumnAt(pos_));
  }
  return true;
}

bool CsvReader::Next(CsvRecord* record) {
  if (!status_.ok()) return false;
  for (std::size_t len; (len = LineEndLength()) != 0; pos_ += len) ++line_;  // blank lines
  if (pos_ >= text_.size()) return false;

  const std::size_t start = pos_;
  record->line = line_;
  StartLine(pos_);
  std::size_t count = 0;
  for (;;) {
    if (options_.trim_leading_space && count > 0) {
      while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    }
    // Strings of earlier records are reused so that their capacity is too.
    if (count == record->fields.size()) record->fields.emplace_back();
    if (count == record->columns.size()) record->columns.push_back(0);
    std::string* field = &record->fields[count];
    field->clear();
    const int column = ColumnAt(pos_);
    record->columns[count] = column;
    ++count;
    const bool ok = pos_ < text_.size() && text_[pos_] == '"' ? ReadQuoted(field, column)
                                                              : ReadUnquoted(field);
    if (!ok) return false;
    if (pos_ < text_.size() && text_[pos_] == options_.delimiter) {
      ++pos_;
      continue;
    }
    break;
  }
  record->fields.resize(count);
  record->columns.resize(count);
  record->end_line = line_;
  record->raw = text_.substr(start, pos_ - start);
  if (const std::size_t len = LineEndLength(); len != 0) {
    pos_ += len;
    ++line_;
  }
  return true;
}

}  // namespace reunite
