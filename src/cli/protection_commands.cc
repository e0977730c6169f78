// assign (a child's family to a field team) and protect (mark a person at risk, with
// protection notes): the CLI's way to the writes the web's family and person pages
// offer, through CaseAccess as the local operator, so they are journaled and audited.
#include <iostream>

#include "access/case_access.h"
#include "cli/cli.h"

namespace reunite::cli {

namespace {

struct AssignArgs {
  std::string child;
  std::string team;
  bool unassign = false;
  std::string reason;
};

struct ProtectArgs {
  std::string id;
  bool at_risk = false;
  bool not_at_risk = false;
  std::optional<std::string> notes;
  std::string reason;
};

Status Assign(Database& db, const AssignArgs& args, const GlobalOptions& global) {
  auto child = ParseId(args.child);
  if (!child.ok()) return child.status();
  const std::string team = args.unassign ? "" : args.team;
  Status s = CaseAccess(db, Principal::LocalOperator(global.actor)).AssignFamily(*child, team, args.reason);
  if (!s.ok()) return s;
  if (team.empty()) std::cout << "family of child " << *child << ": unassigned\n";
  else std::cout << "family of child " << *child << ": team " << team << "\n";
  return Status::Ok();
}

Status Protect(Database& db, const ProtectArgs& args, const GlobalOptions& global) {
  auto id = ParseId(args.id);
  if (!id.ok()) return id.status();
  Status s = CaseAccess(db, Principal::LocalOperator(global.actor)).SetAtRisk(*id, args.at_risk, args.notes, args.reason);
  if (!s.ok()) return s;
  std::cout << "person " << *id << ": " << (args.at_risk ? "at risk" : "not at risk")
            << (args.notes ? " (notes set)" : " (notes kept)") << "\n";
  return Status::Ok();
}

// Runs `body` on the database, turning its Status into the exit code.
template <typename Body>
void RunOnDatabase(const GlobalOptions& global, int* exit_code, Body&& body) {
  auto db = OpenDatabase(global);
  if (!db.ok()) return void(*exit_code = Fail(db.status()));
  if (Status s = body(**db); !s.ok()) *exit_code = Fail(s);
}

void AddAssignCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<AssignArgs>();
  auto* cmd = app.add_subcommand("assign", "Give a child's family to a field team (its field searchers then see it)");
  cmd->add_option("child", args->child, "The child's person id")->required();
  auto* team = cmd->add_option("--team", args->team, "The field team, as in `user add --team`");
  auto* none = cmd->add_flag("--unassign", args->unassign, "Take the family away from its team");
  team->excludes(none);
  cmd->add_option("--reason", args->reason, "Why (written to the change journal)")->required();
  cmd->footer("Example: reunite assign 12 --team north --reason \"last seen near Cobán\"");
  cmd->callback([args, team, none, &global, exit_code] {
    if (team->count() == 0 && none->count() == 0) {
      std::cerr << "reunite: assign needs --team TEAM or --unassign\n";
      return void(*exit_code = kExitUsage);
    }
    RunOnDatabase(global, exit_code, [&](Database& db) { return Assign(db, *args, global); });
  });
}

void AddProtectCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<ProtectArgs>();
  auto* cmd = app.add_subcommand(
      "protect", "Mark a person at risk or not: an at-risk person's location and phones are shown only to "
                 "coordinators, admins and the family's field team");
  cmd->add_option("id", args->id, "Person id")->required();
  auto* yes = cmd->add_flag("--at-risk", args->at_risk, "Mark the person at risk");
  auto* no = cmd->add_flag("--no-at-risk", args->not_at_risk, "Mark the person not at risk");
  yes->excludes(no);
  cmd->add_option("--notes", args->notes, "Protection notes (replace the stored ones; \"\" clears them; "
                                          "left out, they stay)");
  cmd->add_option("--reason", args->reason, "Why (written to the change journal)")->required();
  cmd->footer("Example: reunite protect 345 --at-risk --notes \"threatened by the smuggler\" --reason \"call 2018-07-02\"");
  cmd->callback([args, yes, no, &global, exit_code] {
    if (yes->count() == 0 && no->count() == 0) {
      std::cerr << "reunite: protect needs --at-risk or --no-at-risk\n";
      return void(*exit_code = kExitUsage);
    }
    RunOnDatabase(global, exit_code, [&](Database& db) { return Protect(db, *args, global); });
  });
}

}  // namespace

void AddProtectionCommands(CLI::App& app, GlobalOptions& global, int* exit_code) {
  AddAssignCommand(app, global, exit_code);
  AddProtectCommand(app, global, exit_code);
}

}  // namespace reunite::cli
