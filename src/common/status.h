// Errors as values (after LevelDB's Status): every fallible library call returns a
// Status or a Result<T>. Exceptions never cross the library boundary; the CLI maps
// codes to exit codes and the server to JSON errors.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace reunite {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from a user or a file
  kNotFound,
  kAlreadyExists,
  kConflict,         // a change that contradicts the stored state
  kIOError,
  kStorageError,     // the database refused or failed
  kInternal,
  kUnauthenticated,   // no valid credentials: bad password, unknown or expired session or token
  kPermissionDenied,  // authenticated, but the role may not do this
  kTooManyAttempts,   // login refused for now: too many recent failures (throttling)
  kUnavailable,       // too busy right now (every password hashing slot taken); try again shortly
};

// Where an input problem is: file, 1-based line and column, and the field name.
struct SourceLocation {
  std::string file;
  long line = 0;
  int column = 0;
  std::string field;
};

class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {StatusCode::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status AlreadyExists(std::string msg) { return {StatusCode::kAlreadyExists, std::move(msg)}; }
  static Status Conflict(std::string msg) { return {StatusCode::kConflict, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status StorageError(std::string msg) { return {StatusCode::kStorageError, std::move(msg)}; }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }
  static Status Unauthenticated(std::string msg) { return {StatusCode::kUnauthenticated, std::move(msg)}; }
  static Status PermissionDenied(std::string msg) { return {StatusCode::kPermissionDenied, std::move(msg)}; }
  static Status TooManyAttempts(std::string msg) { return {StatusCode::kTooManyAttempts, std::move(msg)}; }
  static Status Unavailable(std::string msg) { return {StatusCode::kUnavailable, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "file:line:column: field: message" when a location is set, else the message.
  std::string ToString() const;

  Status& At(SourceLocation where) {
    where_ = std::move(where);
    return *this;
  }
  const std::optional<SourceLocation>& where() const { return where_; }

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::optional<SourceLocation> where_;
};

// A value or the Status that explains why there is none. A Result is never built
// from an OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Status error) : v_(std::move(error)) {}
  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // The error; OK when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

// A list of input problems, each with its location; used by parsers that report
// every problem in a file rather than stopping at the first.
struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  SourceLocation where;
  std::string message;
  // Set for the problems front ends word in the reader's language (the import guards):
  // a stable code ("nul_byte", "field_too_long", ...) and the values its message names.
  std::string code;
  std::vector<std::pair<std::string, std::string>> args;
  std::string ToString() const;  // "file:line:column: error: field: message"
};

}  // namespace reunite
