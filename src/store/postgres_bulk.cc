#include "store/postgres_bulk.h"

#include <soci/postgresql/soci-postgresql.h>

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <memory>

namespace reunite {

namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// The session's libpq connection (SOCI's documented way to the native API).
PGconn* Connection(soci::session& session) {
  if (session.get_backend_name() != "postgresql")
    throw soci::soci_error("bulk write needs a PostgreSQL session");
  return static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

std::string ErrorText(PGconn* conn, const PGresult* result) {
  std::string text = result ? PQresultErrorMessage(result) : "";
  return text.empty() ? PQerrorMessage(conn) : text;
}

// Reads every result of the statement in flight (libpq requires it before the
// next) and throws with the first error.
void ExpectCommandOk(PGconn* conn, const std::string& what) {
  std::string error;
  while (PGresult* raw = PQgetResult(conn)) {
    ResultPtr result(raw, &PQclear);
    if (error.empty() && PQresultStatus(raw) != PGRES_COMMAND_OK) error = ErrorText(conn, raw);
  }
  if (!error.empty()) throw soci::soci_error(what + ": " + error);
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out.append(out.empty() ? "" : ", ").append(n);
  return out;
}

void AppendDigits(std::string& out, long long value) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void AppendBigEndian(std::string& out, std::uint64_t value, int bytes) {
  for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xff);
}

// Rows stream once this much is buffered: big enough that sends are few, small
// enough that the server starts inserting early.
constexpr std::size_t kSendAt = 256 * 1024;

}  // namespace

PostgresCopy::PostgresCopy(soci::session& session, const std::string& table,
                           const std::vector<std::string>& columns)
    : session_(session),
      sql_("COPY " + table + " (" + JoinNames(columns) + ") FROM STDIN (FORMAT binary)"),
      columns_(columns.size()) {
  buffer_.reserve(kSendAt + kSendAt / 4);  // rows stream out before this fills
  // The binary format's signature, flags (none) and header extension length (0).
  buffer_.append("PGCOPY\n\377\r\n\0", 11);
  AppendBigEndian(buffer_, 0, 4);
  AppendBigEndian(buffer_, 0, 4);
}

void PostgresCopy::Reserve(std::size_t bytes) { buffer_.reserve(bytes); }

PostgresCopy::~PostgresCopy() {
  if (!started_) return;
  PGconn* conn = conn_;
  // Leaves the connection usable; the failed COPY fails the caller's transaction.
  PQputCopyEnd(conn, "aborted by the client");
  while (PGresult* raw = PQgetResult(conn)) PQclear(raw);
}

void PostgresCopy::Start() {
  if (started_) return;
  PGconn* conn = Connection(session_);
  ResultPtr result(PQexec(conn, sql_.c_str()), &PQclear);
  if (!result || PQresultStatus(result.get()) != PGRES_COPY_IN)
    throw soci::soci_error(sql_ + ": " + ErrorText(conn, result.get()));
  conn_ = conn;
  started_ = true;
  Send();
}

// COPY's binary format: per row a 16-bit field count, then per field a 32-bit
// length and the bytes (text as is, bigint as 8 bytes), all big-endian. Neither
// side escapes or parses text, which makes it cheaper than the text format for both.
void PostgresCopy::Add(std::string_view text) {
  OpenField(text.size());
  buffer_.append(text);
}

void PostgresCopy::Add(long long value) {
  OpenField(8);
  AppendBigEndian(buffer_, static_cast<std::uint64_t>(value), 8);
}

void PostgresCopy::OpenField(std::size_t bytes) {
  if (fields_in_row_ == 0) AppendBigEndian(buffer_, columns_, 2);
  if (++fields_in_row_ > columns_ || bytes > 0x7fffffff)
    throw soci::soci_error(sql_ + ": a row has too many fields, or a field over 2 GB");
  AppendBigEndian(buffer_, bytes, 4);
}

void PostgresCopy::EndRow() {
  if (fields_in_row_ != columns_)
    throw soci::soci_error(sql_ + ": a row has " + std::to_string(fields_in_row_) + " fields, not " +
                           std::to_string(columns_));
  fields_in_row_ = 0;
  if (started_ && buffer_.size() >= kSendAt) Send();
}

void PostgresCopy::Send() {
  PGconn* conn = Connection(session_);
  // PQputCopyData takes an int length, so a large buffer goes in pieces.
  for (std::size_t at = 0; at < buffer_.size(); at += kSendAt) {
    const std::size_t n = std::min(kSendAt, buffer_.size() - at);
    if (PQputCopyData(conn, buffer_.data() + at, static_cast<int>(n)) != 1)
      throw soci::soci_error(sql_ + ": " + PQerrorMessage(conn));
  }
  buffer_.clear();
}

void PostgresCopy::Finish() {
  Start();
  AppendBigEndian(buffer_, 0xffff, 2);  // the trailer: a field count of -1
  Send();
  PGconn* conn = Connection(session_);
  started_ = false;  // ended below whatever happens, so the destructor has nothing to abort
  if (PQputCopyEnd(conn, nullptr) != 1) throw soci::soci_error(sql_ + ": " + PQerrorMessage(conn));
  ExpectCommandOk(conn, sql_);
}

PostgresArrayInsert::PostgresArrayInsert(soci::session& session, const std::string& table,
                                         std::vector<Column> columns, const std::string& tail)
    : session_(session), columns_(std::move(columns)), arrays_(columns_.size()), counts_(columns_.size()) {
  std::vector<std::string> names;
  std::string arrays;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    names.push_back(columns_[c].name);
    arrays.append(c ? ", $" : "$").append(std::to_string(c + 1));
    arrays.append(columns_[c].kind == Kind::kText ? "::text[]" : "::bigint[]");
  }
  sql_ = "INSERT INTO " + table + " (" + JoinNames(names) + ") SELECT * FROM unnest(" + arrays + ")";
  if (!tail.empty()) sql_.append(" ").append(tail);
  Clear();
}

// An array element in double quotes, so that text holding commas, braces, quotes
// or white space, or spelling NULL, reads back as itself.
void PostgresArrayInsert::Add(std::size_t column, std::string_view text) {
  std::string& out = arrays_[column];
  out += counts_[column]++ ? ",\"" : "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void PostgresArrayInsert::Add(std::size_t column, long long value) {
  std::string& out = arrays_[column];
  if (counts_[column]++) out += ',';
  AppendDigits(out, value);
}

void PostgresArrayInsert::Clear() {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    arrays_[c].assign(1, '{');
    counts_[c] = 0;
  }
}

void PostgresArrayInsert::Execute() {
  std::vector<std::string> arrays(columns_.size());
  arrays.swap(arrays_);
  arrays_.resize(columns_.size());
  const std::vector<std::size_t> counts = counts_;
  Clear();
  if (columns_.empty() || counts[0] == 0) return;
  std::vector<const char*> values;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (counts[c] != counts[0])
      throw soci::soci_error("bulk insert: column " + columns_[c].name + " has " + std::to_string(counts[c]) +
                             " values, column " + columns_[0].name + " " + std::to_string(counts[0]));
    arrays[c] += '}';
    values.push_back(arrays[c].c_str());
  }
  PGconn* conn = Connection(session_);
  if (!PQsendQueryParams(conn, sql_.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                         nullptr, 0))
    throw soci::soci_error("bulk insert: " + std::string(PQerrorMessage(conn)));
  ExpectCommandOk(conn, "bulk insert");
}

}  // namespace reunite
