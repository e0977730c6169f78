#include "common/status.h"

namespace reunite {

namespace {
std::string Prefix(const SourceLocation& w) {
  std::string s = w.file.empty() ? std::string("<input>") : w.file;
  if (w.line > 0) s += ":" + std::to_string(w.line);
  if (w.column > 0) s += ":" + std::to_string(w.column);
  return s;
}
}  // namespace

std::string Status::ToString() const {
  if (ok()) return "OK";
  if (!where_) return message_;
  std::string s = Prefix(*where_) + ": ";
  if (!where_->field.empty()) s += where_->field + ": ";
  return s + message_;
}

std::string Diagnostic::ToString() const {
  std::string s = Prefix(where) + (severity == Severity::kError ? ": error: " : ": warning: ");
  if (!where.field.empty()) s += where.field + ": ";
  return s + message;
}

}  // namespace reunite
