// reunite org add, user add|list|update|deactivate|reactivate|reset-password|
// change-password, token create|list|revoke, audit: accounts and the audit log.
// The command line acts as the local operator (Principal::LocalOperator): whoever
// can open the database holds every record anyway, and what they do is audited
// under --actor.
#include <iostream>
#include <memory>
#include <optional>

#include "access/accounts.h"
#include "access/case_access.h"
#include "cli/cli.h"

namespace reunite::cli {

namespace {

struct AccountArgs {
  std::string name, org, role, team, language = "en", user, label;
  std::optional<std::string> new_role, new_team;  // user update: what is given changes
  bool password_stdin = false;
  int expires_days = kDefaultTokenExpiryDays;
  std::int64_t token_id = 0;
  AuditQuery audit;
};

// The next line of standard input, without its line ending.
std::string ReadLine() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Status UnknownRole(const std::string& role) {
  return Status::InvalidArgument("unknown role '" + role +
                                 "': admin, coordinator, case_worker, field_searcher, government_liaison or auditor");
}

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
  if (!role) return UnknownRole(a.role);
  if (!a.password_stdin) return Status::InvalidArgument("give the password on standard input with --password-stdin");
  const std::string password = ReadLine();
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

Status UpdateUser(Accounts& accounts, const Principal& by, const AccountArgs& a) {
  UserChange change;
  if (a.new_role) {
    change.role = UserRoleFromString(*a.new_role);
    if (!change.role) return UnknownRole(*a.new_role);
  }
  change.team = a.new_team;
  if (Status s = accounts.UpdateUser(by, a.name, change); !s.ok()) return s;
  std::cout << "user " << a.name << " updated; their sessions ended\n";
  return Status::Ok();
}

Status ResetPassword(Accounts& accounts, const Principal& by, const AccountArgs& a) {
  if (!a.password_stdin)
    return Status::InvalidArgument("give the temporary password on standard input with --password-stdin");
  if (Status s = accounts.ResetPassword(by, a.name, ReadLine()); !s.ok()) return s;
  std::cout << "password of " << a.name << " reset; they must change it at their next sign-in\n";
  return Status::Ok();
}

// The user's own change: the current password proves it is theirs, as at sign-in.
Status ChangePassword(Accounts& accounts, const AccountArgs& a) {
  if (!a.password_stdin)
    return Status::InvalidArgument("give the current and the new password on standard input (two lines) "
                                   "with --password-stdin");
  const std::string current = ReadLine(), replacement = ReadLine();
  if (Status s = accounts.ChangeOwnPassword(a.name, current, replacement, "cli"); !s.ok()) return s;
  std::cout << "password of " << a.name << " changed; their sessions ended\n";
  return Status::Ok();
}

Status ListTokens(Accounts& accounts, const Principal& by, const std::string& user) {
  auto tokens = accounts.ListApiTokens(by, user);
  if (!tokens.ok()) return tokens.status();
  std::cout << "id\tuser\tname\tcreated\texpires\tstate\n";
  for (const ApiTokenInfo& t : *tokens)
    std::cout << t.id << "\t" << t.username << "\t" << t.name << "\t" << t.created_at << "\t"
              << (t.expires_at.empty() ? "never" : t.expires_at) << "\t" << t.state << "\n";
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

void AddUserLifecycleCommands(CLI::App* user, const std::shared_ptr<AccountArgs>& a, GlobalOptions& global,
                              int* exit_code) {
  auto run = [a, &global, exit_code](auto work) {
    return [a, &global, exit_code, work] {
      Run(global, exit_code, [&](Database&, Accounts& accounts, const Principal& by) { return work(accounts, by, *a); });
    };
  };
  auto* update = user->add_subcommand("update", "Change a user's role and/or team; their sessions end");
  update->add_option("name", a->name, "Username")->required();
  update->add_option("--role", a->new_role, "admin, coordinator, case_worker, field_searcher, government_liaison or auditor");
  update->add_option("--team", a->new_team, "Field team (\"\" for none)");
  update->footer("Example: reunite user update ana --role field_searcher --team north");
  update->callback(run(UpdateUser));
  auto* deactivate = user->add_subcommand("deactivate", "Deactivate a user: no sign-in, sessions end, tokens stop");
  deactivate->add_option("name", a->name, "Username")->required();
  deactivate->callback(run([](Accounts& accounts, const Principal& by, const AccountArgs& args) {
    Status s = accounts.SetActive(by, args.name, false);
    if (s.ok()) std::cout << "user " << args.name << " deactivated\n";
    return s;
  }));
  auto* reactivate = user->add_subcommand("reactivate", "Reactivate a deactivated user");
  reactivate->add_option("name", a->name, "Username")->required();
  reactivate->callback(run([](Accounts& accounts, const Principal& by, const AccountArgs& args) {
    Status s = accounts.SetActive(by, args.name, true);
    if (s.ok()) std::cout << "user " << args.name << " reactivated\n";
    return s;
  }));
  auto* reset = user->add_subcommand(
      "reset-password", "Set a temporary password (first line of stdin) the user must change at next sign-in");
  reset->add_option("name", a->name, "Username")->required();
  reset->add_flag("--password-stdin", a->password_stdin, "Read the temporary password from the first line of stdin");
  reset->footer("Example: echo 'a temporary passphrase' | reunite user reset-password ana --password-stdin");
  reset->callback(run(ResetPassword));
  auto* change = user->add_subcommand(
      "change-password", "A user changes their own password: stdin holds the current one, then the new one");
  change->add_option("name", a->name, "Username")->required();
  change->add_flag("--password-stdin", a->password_stdin, "Read the current and the new password from stdin");
  change->footer("Example: printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | reunite user change-password ana --password-stdin");
  change->callback(run([](Accounts& accounts, const Principal&, const AccountArgs& args) {
    return ChangePassword(accounts, args);
  }));
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
  AddUserLifecycleCommands(user, a, global, exit_code);

  auto* token = app.add_subcommand("token", "API tokens for integrations")->require_subcommand(1);
  auto* token_create = token->add_subcommand("create", "Create an API token acting as a user; printed once");
  token_create->add_option("--user", a->user, "The user the token acts as")->required();
  token_create->add_option("--name", a->label, "What the token is for")->required();
  token_create->add_option("--expires-days", a->expires_days, "Days until it expires (0: never)")
      ->check(CLI::Range(0, kMaxTokenExpiryDays))
      ->capture_default_str();
  token_create->footer("Example: reunite token create --user orr-sync --name \"ORR nightly sync\" --expires-days 30");
  token_create->callback([a, &global, exit_code] {
    Run(global, exit_code, [&](Database&, Accounts& accounts, const Principal& by) -> Status {
      auto t = accounts.CreateApiToken(by, a->user, a->label, a->expires_days);
      if (!t.ok()) return t.status();
      std::cout << t->token << "\n";
      std::cerr << "token " << t->id << " for " << a->user << " (expires "
                << (t->expires_at.empty() ? "never" : t->expires_at) << "): store it now, it is not shown again\n";
      return Status::Ok();
    });
  });
  auto* token_list = token->add_subcommand("list", "List API tokens (never the secret) with their expiry and state");
  token_list->add_option("--user", a->user, "Only this user's");
  token_list->callback([a, &global, exit_code] {
    Run(global, exit_code,
        [&](Database&, Accounts& accounts, const Principal& by) { return ListTokens(accounts, by, a->user); });
  });
  auto* token_revoke = token->add_subcommand("revoke", "Revoke an API token; it stops working at once");
  token_revoke->add_option("id", a->token_id, "The token's id (reunite token list)")->required();
  token_revoke->callback([a, &global, exit_code] {
    Run(global, exit_code, [&](Database&, Accounts& accounts, const Principal& by) -> Status {
      if (Status s = accounts.RevokeToken(by, a->token_id); !s.ok()) return s;
      std::cout << "token " << a->token_id << " revoked\n";
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
