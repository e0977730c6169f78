// `reunite report status`: the court status report (workflow/report_*.h) as of a
// date or time, read through access/ReportAccess as the local operator (audited).
// `reunite report overdue` (deadline_commands.cc) registers under the same
// `report` command through ReportCommand() (workflow_cli.cc).
#include <fstream>
#include <iostream>

#include "access/report_access.h"
#include "cli/cli.h"
#include "workflow/report_format.h"

namespace reunite::cli {

namespace {

struct StatusArgs {
  std::string as_of, format = "md", out, tree, lang = "en";
};

Status WriteText(const std::string& text, const std::string& path) {
  if (path.empty()) {
    std::cout << text;
    return Status::Ok();
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Status::IOError("cannot create " + path);
  file << text;
  file.close();
  if (!file) return Status::IOError("cannot write " + path);
  return Status::Ok();
}

Status Render(const report::StatusReport& r, report::ReportFormat format, const StatusArgs& args) {
  switch (format) {
    case report::ReportFormat::kMarkdown: return WriteText(report::RenderMarkdown(r, args.lang), args.out);
    case report::ReportFormat::kCsv: return WriteText(report::RenderCsv(r), args.out);
    case report::ReportFormat::kJson: return WriteText(report::RenderJson(r), args.out);
    case report::ReportFormat::kHtml: return WriteText(report::RenderHtml(r, args.lang), args.out);
    case report::ReportFormat::kXlsx: return report::WriteXlsx(r, args.out);
  }
  return Status::Internal("unknown report format");
}

int RunStatus(GlobalOptions& global, const StatusArgs& args) {
  Result<report::ReportFormat> format = report::ParseReportFormat(args.format);
  if (!format.ok()) return Fail(format.status());
  if (*format == report::ReportFormat::kXlsx && args.out.empty()) {
    std::cerr << "reunite: --format xlsx needs --out FILE (a workbook is not written to the terminal)\n";
    return kExitUsage;
  }
  Result<report::CategoryTree> tree =
      args.tree.empty() ? report::DefaultCategoryTree() : report::LoadCategoryTree(args.tree);
  if (!tree.ok()) return Fail(tree.status());
  auto db = OpenDatabase(global);
  if (!db.ok()) return Fail(db.status());
  ReportAccess access(**db, Principal::LocalOperator(global.actor));
  Result<report::StatusReport> built = access.CourtStatus(args.as_of, *tree);
  if (!built.ok()) return Fail(built.status());
  if (Status s = Render(*built, *format, args); !s.ok()) return Fail(s);
  if (!args.out.empty())
    std::cout << "status report as of " << built->as_of << " (" << built->nodes.size() << " categories) written to "
              << args.out << "\n";
  return kExitOk;
}

}  // namespace

void AddReportStatusCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<StatusArgs>();
  auto* cmd = ReportCommand(app)->add_subcommand(
      "status", "The court status report: children and parents by category, country and department, "
                "rebuilt from the change journal as of a date or time");
  cmd->add_option("--as-of", args->as_of,
                  "YYYY-MM-DD (the end of that day, UTC) or a UTC time YYYY-MM-DDTHH:MM[:SS[.mmm]][Z]; "
                  "default: now");
  cmd->add_option("--format", args->format, "md, csv, json, html or xlsx (xlsx needs --out)")
      ->capture_default_str()
      ->check(CLI::IsMember({"md", "csv", "json", "html", "xlsx"}));
  cmd->add_option("--out", args->out, "Write to FILE instead of standard output");
  cmd->add_option("--tree", args->tree,
                  "Category tree file (JSON, format reunite-status-tree/1) instead of the built-in one");
  cmd->add_option("--lang", args->lang, "Labels and headings of md and html: en or es")
      ->capture_default_str()
      ->check(CLI::IsMember({"en", "es"}));
  cmd->footer("Examples:\n  reunite report status --as-of 2018-07-26\n"
              "  reunite report status --as-of 2018-08-20T12:00Z --format xlsx --out status.xlsx\n"
              "  reunite report status --tree filing-2018-07.json --format csv");
  cmd->callback([&global, args, exit_code] { *exit_code = RunStatus(global, *args); });
}

}  // namespace reunite::cli
