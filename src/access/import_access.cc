#include "access/import_access.h"

#include "access/audit.h"
#include "access/policy.h"

namespace reunite {

namespace {

std::string Detail(const ImportOptions& options, const ImportReport& report) {
  return "source " + options.source + ", file " + options.list.file_name + (options.dry_run ? ", dry run" : "") +
         ": rows " + std::to_string(report.list.data_rows) + ", created " + std::to_string(report.created) +
         ", updated " + std::to_string(report.updated) + ", unchanged " + std::to_string(report.unchanged) +
         ", errors " + std::to_string(report.list.errors()) + ", warnings " +
         std::to_string(report.list.warnings()) + (report.written ? ", written" : ", not written");
}

}  // namespace

ImportAccess::ImportAccess(Database& db, Principal principal, Clock& clock)
    : db_(db), principal_(std::move(principal)), clock_(clock) {}

Result<ImportReport> ImportAccess::Import(std::string_view bytes, ImportOptions options) {
  if (!Allowed(principal_, Action::kImportLists)) {
    (void)AppendAudit(db_, clock_, principal_, "denied", "", 0, "import lists");
    return Status::PermissionDenied(ToString(principal_.role) + " " + principal_.username + " may not import lists");
  }
  // The journal names who imported, not the generic "import".
  options.actor = principal_.username;
  Result<ImportReport> report = ImportAgencyList(db_, bytes, options, clock_);
  if (!report.ok()) {
    (void)AppendAudit(db_, clock_, principal_, "import", "list", 0,
                      "source " + options.source + ", file " + options.list.file_name + ": failed: " +
                          report.status().ToString());
    return report;
  }
  if (Status s = AppendAudit(db_, clock_, principal_, "import", "list", 0, Detail(options, *report)); !s.ok())
    return s;
  return report;
}

}  // namespace reunite
