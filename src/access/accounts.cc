#include "access/accounts.h"

#include "access/accounts_internal.h"
#include "store/storage_guard.h"

namespace reunite {

using namespace access_internal;

Result<std::int64_t> Accounts::CreateOrganisation(const Principal& by, const std::string& name) {
  if (!Allowed(by, Action::kManageUsers)) return Deny(db_, clock_, by, "create organisations");
  if (name.empty() || name.size() > 200) return Status::InvalidArgument("an organisation needs a name (up to 200 characters)");
  return GuardStorage("create organisation", [&]() -> Result<std::int64_t> {
    soci::session& sql = db_.session();
    soci::transaction tx(sql);
    long long existing = 0;
    sql << "SELECT COUNT(*) FROM organisations WHERE name = :n", soci::use(name), soci::into(existing);
    if (existing) return Status::AlreadyExists("organisation '" + name + "' already exists");
    const std::string now = clock_.NowIso();
    long long id = 0;
    sql << "INSERT INTO organisations (name, created_at) VALUES (:n, :at) RETURNING id", soci::use(name),
        soci::use(now), soci::into(id);
    if (Status s = AppendAudit(db_, clock_, by, "create_organisation", "organisation", id, name); !s.ok()) return s;
    tx.commit();
    return static_cast<std::int64_t>(id);
  });
}

Result<std::int64_t> Accounts::CreateUser(const Principal& by, const NewUser& user) {
  if (!Allowed(by, Action::kManageUsers)) return Deny(db_, clock_, by, "create users");
  if (!ValidUsername(user.username))
    return Status::InvalidArgument("username '" + user.username +
                                   "': use 1 to 64 letters, digits, '.', '_', '-' or '@'");
  if (user.password.size() < kMinPasswordLength)
    return Status::InvalidArgument("password too short: at least " + std::to_string(kMinPasswordLength) +
                                   " characters");
  if (user.language != "en" && user.language != "es")
    return Status::InvalidArgument("language '" + user.language + "': en or es");
  if (user.team.size() > 64) return Status::InvalidArgument("team name too long (64 characters at most)");
  Result<std::string> hash = HashPassword(user.password);
  if (!hash.ok()) return hash.status();
  return GuardStorage("create user", [&]() -> Result<std::int64_t> {
    soci::session& sql = db_.session();
    soci::transaction tx(sql);
    long long org_id = 0, taken = 0;
    sql << "SELECT id FROM organisations WHERE name = :n", soci::use(user.org), soci::into(org_id);
    if (!sql.got_data()) return Status::NotFound("no organisation '" + user.org + "' (reunite org add)");
    sql << "SELECT COUNT(*) FROM users WHERE username = :u", soci::use(user.username), soci::into(taken);
    if (taken) return Status::AlreadyExists("user '" + user.username + "' already exists");
    const std::string now = clock_.NowIso(), role = ToString(user.role);
    long long id = 0;
    sql << "INSERT INTO users (username, org_id, role, team, language, password_hash, active, created_at) "
           "VALUES (:u, :o, :r, :t, :l, :h, 1, :at) RETURNING id",
        soci::use(user.username), soci::use(org_id), soci::use(role), soci::use(user.team),
        soci::use(user.language), soci::use(*hash), soci::use(now), soci::into(id);
    const std::string detail = user.username + " org=" + user.org + " role=" + role + " team=" + user.team;
    if (Status s = AppendAudit(db_, clock_, by, "create_user", "user", id, detail); !s.ok()) return s;
    tx.commit();
    return static_cast<std::int64_t>(id);
  });
}

Result<std::vector<UserInfo>> Accounts::ListUsers(const Principal& by) {
  if (!Allowed(by, Action::kManageUsers)) return Deny(db_, clock_, by, "list users");
  return GuardStorage("list users", [&]() -> Result<std::vector<UserInfo>> {
    UserInfo u;
    long long id = 0;
    int active = 0;
    std::string role;
    soci::statement st = (db_.session().prepare
                              << "SELECT u.id, u.username, o.name, u.role, u.team, u.language, u.active, "
                                 "u.created_at FROM users u JOIN organisations o ON o.id = u.org_id ORDER BY u.username",
                          soci::into(id), soci::into(u.username), soci::into(u.org), soci::into(role),
                          soci::into(u.team), soci::into(u.language), soci::into(active), soci::into(u.created_at));
    std::vector<UserInfo> out;
    for (st.execute(); st.fetch();) {
      u.id = id;
      u.role = UserRoleFromString(role).value_or(UserRole::kAuditor);
      u.active = active != 0;
      out.push_back(u);
    }
    return out;
  });
}

Status Accounts::SetPassword(const Principal& by, const std::string& username, const std::string& password) {
  if (!Allowed(by, Action::kManageUsers) && by.username != username)
    return Deny(db_, clock_, by, "set the password of " + username);
  if (password.size() < kMinPasswordLength)
    return Status::InvalidArgument("password too short: at least " + std::to_string(kMinPasswordLength) +
                                   " characters");
  Result<std::string> hash = HashPassword(password);
  if (!hash.ok()) return hash.status();
  return GuardStorage("set password", [&]() -> Status {
    soci::session& sql = db_.session();
    soci::transaction tx(sql);
    std::optional<UserRow> user = LoadUser(sql, username);
    if (!user) return Status::NotFound("no user '" + username + "'");
    sql << "UPDATE users SET password_hash = :h WHERE id = :id", soci::use(*hash), soci::use(user->id);
    // A changed password ends every session opened with the old one.
    sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(user->id);
    if (Status s = AppendAudit(db_, clock_, by, "set_password", "user", user->id, username); !s.ok()) return s;
    tx.commit();
    return Status::Ok();
  });
}

Status Accounts::SetActive(const Principal& by, const std::string& username, bool active) {
  if (!Allowed(by, Action::kManageUsers)) return Deny(db_, clock_, by, "deactivate users");
  return GuardStorage("set active", [&]() -> Status {
    soci::session& sql = db_.session();
    soci::transaction tx(sql);
    std::optional<UserRow> user = LoadUser(sql, username);
    if (!user) return Status::NotFound("no user '" + username + "'");
    const int flag = active ? 1 : 0;
    sql << "UPDATE users SET active = :a WHERE id = :id", soci::use(flag), soci::use(user->id);
    if (!active) sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(user->id);
    if (Status s = AppendAudit(db_, clock_, by, active ? "activate_user" : "deactivate_user", "user", user->id,
                               username);
        !s.ok())
      return s;
    tx.commit();
    return Status::Ok();
  });
}

}  // namespace reunite
