#include "cli/workflow_cli.h"

namespace reunite::cli {

void WithWorkflow(const GlobalOptions& global, int* exit_code, const std::function<Status(WorkflowAccess&)>& body) {
  auto db = OpenDatabase(global);
  if (!db.ok()) return void(*exit_code = Fail(db.status()));
  WorkflowAccess access(**db, Principal::LocalOperator(global.actor));
  if (Status s = body(access); !s.ok()) *exit_code = Fail(s);
}

Result<std::int64_t> ParseRecordId(const std::string& text, const std::string& what) {
  try {
    size_t used = 0;
    long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return static_cast<std::int64_t>(id);
  } catch (...) {
  }
  return Status::InvalidArgument(what + ": '" + text + "' is not an id (a positive number)");
}

Result<bool> ParseYesNo(const std::string& field, const std::string& text) {
  if (text == "yes" || text == "true" || text == "1") return true;
  if (text == "no" || text == "false" || text == "0") return false;
  return Status::InvalidArgument(field + ": '" + text + "' is not yes or no");
}

CLI::App* ReportCommand(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App* a) { return a->get_name() == "report"; })) return sub;
  auto* report = app.add_subcommand("report", "Reports for the court and the team");
  report->require_subcommand(1);
  return report;
}

}  // namespace reunite::cli
