// The command-line front end: thin wrappers that parse arguments, call the library
// and turn its Status values into messages on stderr and exit codes.
#pragma once
#include <cstddef>
#include <limits>
#include <string>

#include <CLI/CLI.hpp>

#include "common/status.h"
#include "model/person.h"
#include "store/database.h"

namespace reunite::cli {

// Exit codes, documented in the README.
enum ExitCode : int {
  kExitOk = 0,
  kExitInputErrors = 1,  // the input (a file, an argument value) has errors
  kExitUsage = 2,        // wrong command-line usage
  kExitNotFound = 3,     // no such person or record
  kExitStorage = 4,      // the database failed or refused
  kExitIO = 5,           // a file could not be read or written
  kExitDenied = 6,       // not allowed: not logged in, role may not, or throttled
  kExitBroken = 7,       // audit verify: a hash chain or an anchor does not hold
};

struct GlobalOptions {
  std::string db;     // empty: REUNITE_DB or reunite.db
  std::string actor;  // who is making changes, for the journal
};

// Prints "reunite: <status>" on stderr and returns the exit code for its code.
int Fail(const Status& status);

// Opens the database named by --db, $REUNITE_DB or the default, migrating it.
Result<std::unique_ptr<Database>> OpenDatabase(const GlobalOptions& global);

// Reads a whole regular file. IOError "<path>: <why>" when it cannot be read: missing,
// not allowed, a directory, a FIFO, socket or device (refused, not waited on). Longer
// than max_bytes (an import's limit; checked before reading): InvalidArgument naming
// the size, the limit and --max-bytes.
Result<std::string> ReadFile(const std::string& path,
                             std::size_t max_bytes = std::numeric_limits<std::size_t>::max());

// Each registers its subcommand; the callback stores the exit code in *exit_code.
void AddInitCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
void AddImportCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
void AddPeopleCommands(CLI::App& app, GlobalOptions& global, int* exit_code);  // people, show, history
void AddLinkCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// assign (a family to a field team) and protect (a person at risk, with notes).
void AddProtectionCommands(CLI::App& app, GlobalOptions& global, int* exit_code);
void AddSynthCommand(CLI::App& app, int* exit_code);
void AddMatchCommand(CLI::App& app, int* exit_code);  // match dedupe, link, explain (CSV files, no database)
// match families, families-explain: child-to-adult family links (CSV files, no database).
void AddFamiliesCommands(CLI::App* match, int* exit_code);

// match run (fills the review queue from the database) and review list|show|accept|reject.
void AddMatchRunCommand(CLI::App* match, GlobalOptions& global, int* exit_code);
void AddReviewCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// org add, user add|list, token create, audit (access/).
void AddAccountCommands(CLI::App& app, GlobalOptions& global, int* exit_code);
// audit verify, audit anchor: the hash chains (audit_chain_command.cc), under `audit`.
void AddAuditChainCommands(CLI::App* audit, GlobalOptions& global, int* exit_code);

// report status: the court status report (report_command.cc), under ReportCommand().
void AddReportStatusCommand(CLI::App& app, GlobalOptions& global, int* exit_code);

// serve: the web workspace (src/web) over HTTP(S) until SIGINT or SIGTERM.
void AddServeCommand(CLI::App& app, GlobalOptions& global, int* exit_code);

// The tracing and reunification workflow (docs/workflow.md), through
// access/WorkflowAccess as the local operator:
// tracing set, contact add|list (tracing_commands.cc)
void AddTracingCommands(CLI::App& app, GlobalOptions& global, int* exit_code);
// search-task add|assign|close|list|plan (search_task_command.cc)
void AddSearchTaskCommand(CLI::App& app, GlobalOptions& global, int* exit_code);
// decision set|show, eligibility flag|review|resolve|show (decision_commands.cc)
void AddDecisionCommands(CLI::App& app, GlobalOptions& global, int* exit_code);
// logistics plan|step|show, family close|reopen (logistics_commands.cc)
void AddLogisticsCommands(CLI::App& app, GlobalOptions& global, int* exit_code);
// `family list`, a subcommand of `family` (family_list_command.cc).
void AddFamilyList(CLI::App* family, GlobalOptions& global, int* exit_code);
// deadline add|done|list, report overdue (deadline_commands.cc)
void AddDeadlineCommands(CLI::App& app, GlobalOptions& global, int* exit_code);

// The `report` command, created on first use, so that each report (overdue,
// status) registers its own subcommand under it.
CLI::App* ReportCommand(CLI::App& app);

// A person id as typed: a positive number, else InvalidArgument.
Result<PersonId> ParseId(const std::string& text);

}  // namespace reunite::cli
