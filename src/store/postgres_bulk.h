// Internal to store/: many rows into one PostgreSQL table per statement, straight
// through libpq, for CaseWriter's batch calls.
//
// Why not SOCI: PostgreSQL charges a network round trip per statement; SOCI's
// vector binding still runs one statement per row there; and multi-row VALUES
// bound through SOCI copy every value into a buffer of SOCI's own, which for the
// ~4 million values of a 100,000-row import cost more client time than the server
// spent writing (import end to end: 40 s a row at a time, 8.3 s with multi-row
// VALUES through SOCI, 4.2 s with these).
//
// Both classes take values column by column, row after row, and throw
// soci::soci_error with the server's message when a write fails. The session must
// be a PostgreSQL one and outlive them.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "store/soci_includes.h"

struct pg_conn;  // libpq's PGconn

namespace reunite {

// COPY t (a, b) FROM STDIN (FORMAT binary): the cheapest way in for new rows (no
// statement per row, no text to escape or parse, and the server inserts whole
// pages at a time). It cannot upsert.
//
// Rows are buffered until Start; after Start they stream to the server as they
// are added, so it inserts while the caller builds the next rows, and no other
// statement can run on the session until Finish.
class PostgresCopy {
 public:
  PostgresCopy(soci::session& session, const std::string& table, const std::vector<std::string>& columns);
  // An unfinished COPY is aborted (the server discards it and fails the statement).
  ~PostgresCopy();
  PostgresCopy(const PostgresCopy&) = delete;
  PostgresCopy& operator=(const PostgresCopy&) = delete;

  void Start();
  // Room for `bytes` of rows, for a caller that buffers many rows before Start.
  void Reserve(std::size_t bytes);
  // Appends the current row's next value (columns in constructor order, text
  // valid in the connection's encoding); EndRow closes the row. Throw when a row
  // gets more or fewer values than there are columns.
  void Add(std::string_view text);
  void Add(long long value);
  void EndRow();
  // Starts if not started, sends what is left and ends the COPY.
  void Finish();

 private:
  void OpenField(std::size_t bytes);
  void Send();

  soci::session& session_;
  pg_conn* conn_ = nullptr;  // libpq's PGconn, once started
  const std::string sql_;
  const std::size_t columns_;
  std::string buffer_;
  std::size_t fields_in_row_ = 0;
  bool started_ = false;
};

// INSERT INTO t (a, b) SELECT * FROM unnest($1::bigint[], $2::text[]) <tail>, each
// column's values sent as one array parameter: for upserts, which COPY cannot do.
// One statement text serves every row count, so nothing is prepared per size.
class PostgresArrayInsert {
 public:
  enum class Kind { kText, kBigint };
  struct Column {
    std::string name;
    Kind kind;
  };

  // `tail` follows the SELECT (e.g. an ON CONFLICT clause).
  PostgresArrayInsert(soci::session& session, const std::string& table, std::vector<Column> columns,
                      const std::string& tail = "");

  // Appends the next row's value of `column` (constructor order); text must hold
  // no NUL.
  void Add(std::size_t column, std::string_view text);
  void Add(std::size_t column, long long value);

  // Inserts every row added since the last Execute, then starts afresh (also when
  // it fails). Also throws when the columns were given different numbers of values.
  void Execute();

 private:
  void Clear();

  soci::session& session_;
  const std::vector<Column> columns_;
  std::string sql_;
  std::vector<std::string> arrays_;   // per column: an array literal without its closing brace
  std::vector<std::size_t> counts_;  // per column: values added
};

}  // namespace reunite
