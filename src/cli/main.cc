// reunite: the command-line face of the Reunite library.
#include <cstdlib>
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  using namespace reunite::cli;
  CLI::App app{"Reunite: find and reunite separated families.\n"
               "Case data lives in a database: an SQLite file (default reunite.db, or $REUNITE_DB)\n"
               "or PostgreSQL (--db postgresql://user@host/dbname)."};
  app.require_subcommand(1);
  GlobalOptions global;
  const char* user = std::getenv("USER");
  global.actor = user && *user ? user : "cli";
  app.add_option("--db", global.db, "Database: SQLite file path or postgresql:// URL")->envname("REUNITE_DB");
  app.add_option("--actor", global.actor, "Who is making changes (written to the change journal and the audit log)");
  int exit_code = kExitOk;
  AddInitCommand(app, global, &exit_code);
  AddImportCommand(app, global, &exit_code);
  AddPeopleCommands(app, global, &exit_code);
  AddLinkCommand(app, global, &exit_code);
  AddProtectionCommands(app, global, &exit_code);
  AddSynthCommand(app, &exit_code);
  AddMatchCommand(app, &exit_code);
  AddMatchRunCommand(app.get_subcommand("match"), global, &exit_code);
  AddReviewCommand(app, global, &exit_code);
  AddAccountCommands(app, global, &exit_code);
  AddReportStatusCommand(app, global, &exit_code);
  AddServeCommand(app, global, &exit_code);
  AddTracingCommands(app, global, &exit_code);
  AddSearchTaskCommand(app, global, &exit_code);
  AddDecisionCommands(app, global, &exit_code);
  AddLogisticsCommands(app, global, &exit_code);
  AddDeadlineCommands(app, global, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return exit_code;
}
