// reunite org add, user add|list, token create, audit: accounts and the audit log.
// The command line acts as the local operator (Principal::LocalOperator): whoever
// can open the database holds every record anyway, and what they do is audited
// under --actor.
#include <iostream>

#include "access/accounts.h"
#include "access/case_access.h"
#include "cli/cli.h"

namespace reunite::cli {

namespace {

struct AccountArgs {
  std::string name, org, role, team, language = "en", user, label;
  bool password_stdin = false;
  AuditQuery audit;
};

// Runs `work(accounts, operator)` on the opened database; its Status becomes the exit code.
template <typename Work>
void Run(const GlobalOptions& global, int* exit_code, Work&& work) {
  auto db = OpenDatabase(global);
  if (!db.ok()) return void(*exit_code = Fail(db.status()));
  Accounts accounts(**db);
  if (Status s = work(**db, accounts, Principal::LocalOperator(global.actor)); !s.ok()) *exit_code = Fail(s);
}

Status AddUser(Accounts& accounts, const Principal& by, const AccountArgs& a) {
  std::optional<UserRole> role = UserRoleFromString(a.role);
  if (!role)
    return Status::InvalidArgument("unknown role '" + a.role +
                                   "': admin, coordinator, case_worker, field_searcher, government_liaison or auditor");
  if (!a.password_stdin) return Status::InvalidArgument("give the password on standard input with --password-stdin");
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto id = accounts.CreateUser(by, {a.name, a.org, *role, password, a.team, a.language});
  if (!id.ok()) return id.status();
  std::cout << "user " << a.name << " (" << a.role << ", " << a.org << (a.team.empty() ? "" : ", team " + a.team)
            << ") created\n";
  return Status::Ok();
}

Status ListUsers(Accounts& accounts, const Principal& by) {
  auto users = accounts.ListUsers(by);
  if (!users.ok()) return users.status();
  std::cout << "username\torganisation\trole\tteam\tlanguage\tactive\n";
  for (const UserInfo& u : *users)
    std::cout << u.username << "\t" << u.org << "\t" << ToString(u.role) << "\t" << u.team << "\t" << u.language
              << "\t" << (u.active ? "yes" : "no") << "\n";
  return Status::Ok();
}

Status ShowAudit(Database& db, const Principal& by, const AuditQuery& query) {
  auto entries = CaseAccess(db, by).ListAudit(query);
  if (!entries.ok()) return entries.status();
  std::cout << "id\tat\tactor\trole\taction\tentity\tentity_id\tremote\tdetail\n";
  for (const AuditEntry& e : *entries)
    std::cout << e.id << "\t" << e.at << "\t" << e.actor << "\t" << e.role << "\t" << e.action << "\t" << e.entity
              << "\t" << e.entity_id << "\t" << e.remote << "\t" << e.detail << "\n";
  return Status::Ok();
}

}  // namespace

void AddAccountCommands(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto a = std::make_shared<AccountArgs>();
  auto* org = app.add_subcommand("org", "Organisations")->require_subcommand(1);
  auto* org_add = org->add_subcommand("add", "Add an organisation");
  org_add->add_option("name", a->name, "The organisation's name")->required();
  org_add->footer("Example: reunite org add \"Kids in Need of Defense\"");
  org_add->callback([a, &global, exit_code] {
    Run(global, exit_code, [&](Database&, Accounts& accounts, const Principal& by) -> Status {
      auto id = accounts.CreateOrganisation(by, a->name);
      if (id.ok()) std::cout << "organisation " << a->name << " created\n";
      return id.status();
    });
  });

  auto* user = app.add_subcommand("user", "User accounts")->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add a user; the password (12 characters or more) is read from stdin");
  user_add->add_option("name", a->name, "Username")->required();
  user_add->add_option("--org", a->org, "Organisation (reunite org add)")->required();
  user_add->add_option("--role", a->role,
                       "admin, coordinator, case_worker, field_searcher, government_liaison or auditor")->required();
  user_add->add_option("--team", a->team, "Field team (field searchers see only its families)");
  user_add->add_option("--language", a->language, "Language of the pages: en or es")->capture_default_str();
  user_add->add_flag("--password-stdin", a->password_stdin, "Read the password from the first line of stdin");
  user_add->footer("Example: echo 'a long passphrase' | reunite user add ana --org KIND --role case_worker --password-stdin");
  user_add->callback([a, &global, exit_code] {
    Run(global, exit_code, [&](Database&, Accounts& accounts, const Principal& by) { return AddUser(accounts, by, *a); });
  });
  auto* user_list = user->add_subcommand("list", "List users");
  user_list->callback([&global, exit_code] {
    Run(global, exit_code, [&](Database&, Accounts& accounts, const Principal& by) { return ListUsers(accounts, by); });
  });

  auto* token = app.add_subcommand("token", "API tokens for integrations")->require_subcommand(1);
  auto* token_create = token->add_subcommand("create", "Create an API token acting as a user; printed once");
  token_create->add_option("--user", a->user, "The user the token acts as")->required();
  token_create->add_option("--name", a->label, "What the token is for")->required();
  token_create->footer("Example: reunite token create --user orr-sync --name \"ORR nightly sync\"");
  token_create->callback([a, &global, exit_code] {
    Run(global, exit_code, [&](Database&, Accounts& accounts, const Principal& by) -> Status {
      auto t = accounts.CreateApiToken(by, a->user, a->label);
      if (!t.ok()) return t.status();
      std::cout << t->token << "\n";
      std::cerr << "token " << t->id << " for " << a->user << ": store it now, it is not shown again\n";
      return Status::Ok();
    });
  });

  auto* audit = app.add_subcommand("audit", "Read the audit log, newest first");
  audit->add_option("--actor", a->audit.actor, "Only this actor");
  audit->add_option("--action", a->audit.action, "Only this action (login, read_protected, update_person, denied, ...)");
  audit->add_option("--entity", a->audit.entity, "Only this entity (person, user, ...)");
  audit->add_option("--since", a->audit.since, "From this ISO time");
  audit->add_option("--until", a->audit.until, "Before this ISO time");
  audit->add_option("--limit", a->audit.limit, "At most this many")->capture_default_str();
  audit->add_option("--offset", a->audit.offset, "Skip this many");
  audit->footer("Example: reunite audit --action read_protected --limit 20");
  audit->callback([a, audit, &global, exit_code] {
    if (!audit->get_subcommands().empty()) return;  // audit verify or anchor ran instead
    Run(global, exit_code, [&](Database& db, Accounts&, const Principal& by) { return ShowAudit(db, by, a->audit); });
  });
  AddAuditChainCommands(audit, global, exit_code);
}

}  // namespace reunite::cli
