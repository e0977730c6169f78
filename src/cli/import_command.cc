#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "access/import_access.h"
#include "cli/cli.h"
#include "store/importer.h"

namespace reunite::cli {

namespace {

struct ImportArgs {
  std::string source;
  std::string kind;
  std::string file;
  std::string mapping;
  std::string date_order = "mdy";
  std::string encoding = "auto";
  bool dry_run = false;
  bool quiet = false;
  std::uint64_t max_bytes = kDefaultMaxImportBytes;
};

// A progress bar on stderr, drawn only when stderr is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  ~ProgressBar() { Clear(); }
  void Clear() {
    if (drawn_) std::fprintf(stderr, "\r%*s\r", 60, "");
    drawn_ = false;
  }
  void Update(double fraction) {
    if (!enabled_) return;
    int percent = static_cast<int>(fraction * 100);
    if (percent == last_) return;
    last_ = percent;
    drawn_ = true;
    int filled = percent * 40 / 100;
    std::fprintf(stderr, "\r[%-40.*s] %3d%%", filled, "========================================", percent);
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  int last_ = -1;
};

// Crash injection for the crash-recovery test: REUNITE_CRASH_AT_ROW=N kills the
// process (SIGKILL, no clean-up) just before row N is written, as a power cut would.
std::function<Status(long)> CrashInjection() {
  const char* at = std::getenv("REUNITE_CRASH_AT_ROW");
  if (!at || !*at) return {};
  long row = std::atol(at);
  return [row](long i) {
    if (i == row) std::raise(SIGKILL);
    return Status::Ok();
  };
}

Result<ImportOptions> BuildOptions(const ImportArgs& args, const GlobalOptions& global) {
  ImportOptions opt;
  opt.source = args.source;
  opt.dry_run = args.dry_run;
  opt.max_bytes = static_cast<std::size_t>(args.max_bytes);
  opt.actor = global.actor;
  opt.before_write = CrashInjection();
  opt.list.role = args.kind == "child" ? Role::kChild : Role::kAdult;
  opt.list.file_name = args.file;
  auto order = DateOrderFromString(args.date_order);
  if (!order.ok()) return order.status();
  opt.list.date_order = *order;
  auto encoding = EncodingFromString(args.encoding);
  if (!encoding.ok()) return encoding.status();
  opt.list.encoding = *encoding;
  if (!args.mapping.empty()) {
    auto text = ReadFile(args.mapping);
    if (!text.ok()) return text.status();
    auto mapping = ParseColumnMapping(*text, args.mapping);
    if (!mapping.ok()) return mapping.status();
    opt.list.mapping = *mapping;
  }
  return opt;
}

void PrintReport(const ImportReport& r, const ImportArgs& args) {
  for (const auto& d : r.list.diagnostics)
    if (!args.quiet || d.severity == Diagnostic::Severity::kError) std::cerr << d.ToString() << "\n";
  const char* verb = r.written ? "imported" : args.dry_run ? "would import" : "not imported";
  std::cout << args.file << ": " << r.list.data_rows << " rows (" << ToString(r.list.detected) << "), "
            << r.list.errors() << " errors, " << r.list.warnings() << " warnings\n";
  if (r.list.errors() > 0) {
    std::cout << "nothing was written: fix the errors above and import again\n";
    return;
  }
  std::cout << verb << " into source '" << args.source << "': " << r.created << " new, " << r.updated
            << " updated (" << r.fields_changed << " fields), " << r.unchanged << " unchanged\n";
}

}  // namespace

void AddImportCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand("import", "Import an agency list (CSV) of children or adults");
  cmd->add_option("--source", args->source, "Name of the list's source, e.g. ORR or ICE-removals")->required();
  cmd->add_option("--kind", args->kind, "Whether the list holds children or adults")
      ->required()->check(CLI::IsMember({"child", "adult"}));
  cmd->add_option("file", args->file, "The CSV file")->required();
  cmd->add_option("--mapping", args->mapping, "Mapping file for headers the canonical and Spanish names miss");
  cmd->add_option("--date-order", args->date_order, "How slashed dates are written: mdy (US), dmy or iso")
      ->check(CLI::IsMember({"iso", "mdy", "dmy"}))->capture_default_str();
  cmd->add_option("--encoding", args->encoding, "auto, utf-8 or windows-1252")->capture_default_str();
  cmd->add_flag("--dry-run", args->dry_run, "Check the file and report what would change; write nothing");
  cmd->add_flag("--quiet,-q", args->quiet, "Print errors only, not warnings");
  cmd->add_option("--max-bytes", args->max_bytes,
                  "Refuse a larger file before reading it (e.g. 512M, 2G); parsing takes about ten times "
                  "the file's size in memory")
      ->transform(CLI::AsSizeValue(false))->default_str("128M");
  cmd->footer("Example: reunite import --source ORR --kind child children.csv\n"
              "Exit codes: 0 imported, 1 the file has errors or is over --max-bytes (nothing written),\n"
              "4 database error, 5 the file cannot be read (missing, not allowed, a directory, FIFO or device).");
  cmd->callback([args, &global, exit_code] {
    auto options = BuildOptions(*args, global);
    if (!options.ok()) return void(*exit_code = Fail(options.status()));
    auto bytes = ReadFile(args->file, options->max_bytes);
    if (!bytes.ok()) return void(*exit_code = Fail(bytes.status()));
    auto db = OpenDatabase(global);
    if (!db.ok()) return void(*exit_code = Fail(db.status()));
    ProgressBar bar(bytes->size() > (1 << 20));
    options->progress = [&bar](double f) { bar.Update(f); };
    // As the local operator, so the import is audited as it is on the web.
    auto report = ImportAccess(**db, Principal::LocalOperator(global.actor)).Import(*bytes, *options);
    bar.Clear();
    if (!report.ok()) return void(*exit_code = Fail(report.status()));
    PrintReport(*report, *args);
    *exit_code = report->list.errors() > 0 ? kExitInputErrors : kExitOk;
  });
}

}  // namespace reunite::cli
