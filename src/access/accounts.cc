#include "access/accounts.h"

#include "access/accounts_internal.h"
#include "access/login_throttle.h"
#include "store/storage_guard.h"

namespace reunite {

using namespace access_internal;

namespace {

Status CheckTeam(const std::string& team) {
  if (team.size() > 64) return Status::InvalidArgument("team name too long (64 characters at most)");
  return Status::Ok();
}

UserInfo InfoOf(const UserRow& row, const std::string& created_at) {
  const Principal& p = row.principal;
  return {row.id, p.username, p.org, p.role, p.team, p.language, row.active, p.must_change_password, created_at};
}

}  // namespace

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
  if (Status s = CheckNewPassword(user.password); !s.ok()) return s;
  if (user.language != "en" && user.language != "es")
    return Status::InvalidArgument("language '" + user.language + "': en or es");
  if (Status s = CheckTeam(user.team); !s.ok()) return s;
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
    int active = 0, must_change = 0;
    std::string role;
    soci::statement st = (db_.session().prepare
                              << "SELECT u.id, u.username, o.name, u.role, u.team, u.language, u.active, "
                                 "u.must_change_password, u.created_at FROM users u "
                                 "JOIN organisations o ON o.id = u.org_id ORDER BY u.username",
                          soci::into(id), soci::into(u.username), soci::into(u.org), soci::into(role),
                          soci::into(u.team), soci::into(u.language), soci::into(active), soci::into(must_change),
                          soci::into(u.created_at));
    std::vector<UserInfo> out;
    for (st.execute(); st.fetch();) {
      u.id = id;
      u.role = UserRoleFromString(role).value_or(UserRole::kAuditor);
      u.active = active != 0;
      u.must_change_password = must_change != 0;
      out.push_back(u);
    }
    return out;
  });
}

Result<UserInfo> Accounts::FindUser(const Principal& by, std::int64_t user_id) {
  if (!Allowed(by, Action::kManageUsers)) return Deny(db_, clock_, by, "read user " + std::to_string(user_id));
  return GuardStorage("find user", [&]() -> Result<UserInfo> {
    soci::session& sql = db_.session();
    std::optional<UserRow> user = user_id > 0 ? LoadUser(sql, "", user_id) : std::nullopt;
    if (!user) return Status::NotFound("no user " + std::to_string(user_id));
    std::string created_at;
    sql << "SELECT created_at FROM users WHERE id = :id", soci::use(user->id), soci::into(created_at);
    return InfoOf(*user, created_at);
  });
}

namespace {

// "role case_worker -> coordinator, team '' -> north": what `change` changes of `p`.
std::string ChangeDetail(const Principal& p, const UserChange& change) {
  std::string detail;
  if (change.role && *change.role != p.role) detail = "role " + ToString(p.role) + " -> " + ToString(*change.role);
  if (change.team && *change.team != p.team)
    detail += (detail.empty() ? "" : ", ") + std::string("team '") + p.team + "' -> '" + *change.team + "'";
  return detail;
}

}  // namespace

Status Accounts::UpdateUser(const Principal& by, const std::string& username, const UserChange& change) {
  if (!Allowed(by, Action::kManageUsers)) return Deny(db_, clock_, by, "change the role or team of " + username);
  if (!change.role && !change.team) return Status::InvalidArgument("nothing to change: give a role or a team");
  if (change.team)
    if (Status s = CheckTeam(*change.team); !s.ok()) return s;
  return GuardStorage("update user", [&]() -> Status {
    soci::session& sql = db_.session();
    soci::transaction tx(sql);
    std::optional<UserRow> user = LoadUser(sql, username);
    if (!user) return Status::NotFound("no user '" + username + "'");
    if (change.role && *change.role != user->principal.role && user->id == by.user_id)
      return Status::Conflict("role: you may not change your own role; another admin may");
    const std::string detail = ChangeDetail(user->principal, change);
    if (detail.empty()) return Status::Ok();  // as it was: nothing to write
    const std::string role = ToString(change.role.value_or(user->principal.role));
    const std::string team = change.team.value_or(user->principal.team);
    sql << "UPDATE users SET role = :r, team = :t WHERE id = :id", soci::use(role), soci::use(team),
        soci::use(user->id);
    // Pages and forms opened under the old role end with the session.
    sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(user->id);
    if (Status s = AppendAudit(db_, clock_, by, "change_user", "user", user->id, username + ": " + detail); !s.ok())
      return s;
    tx.commit();
    return Status::Ok();
  });
}

Status Accounts::SetActive(const Principal& by, const std::string& username, bool active) {
  if (!Allowed(by, Action::kManageUsers))
    return Deny(db_, clock_, by, (active ? "reactivate " : "deactivate ") + username);
  return GuardStorage("set active", [&]() -> Status {
    soci::session& sql = db_.session();
    soci::transaction tx(sql);
    std::optional<UserRow> user = LoadUser(sql, username);
    if (!user) return Status::NotFound("no user '" + username + "'");
    if (user->id == by.user_id) return Status::Conflict("you may not deactivate or reactivate your own account");
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

Status Accounts::ResetPassword(const Principal& by, const std::string& username, const std::string& temporary) {
  if (!Allowed(by, Action::kManageUsers)) return Deny(db_, clock_, by, "reset the password of " + username);
  if (Status s = CheckNewPassword(temporary); !s.ok()) return s;
  Result<std::string> hash = HashPassword(temporary);
  if (!hash.ok()) return hash.status();
  return GuardStorage("reset password", [&]() -> Status {
    soci::session& sql = db_.session();
    soci::transaction tx(sql);
    std::optional<UserRow> user = LoadUser(sql, username);
    if (!user) return Status::NotFound("no user '" + username + "'");
    sql << "UPDATE users SET password_hash = :h, must_change_password = 1 WHERE id = :id", soci::use(*hash),
        soci::use(user->id);
    // A reset password ends every session opened with the old one.
    sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(user->id);
    ForgiveAccount(sql, username);  // a locked-out user may sign in with the new one at once
    if (Status s = AppendAudit(db_, clock_, by, "reset_password", "user", user->id, username); !s.ok()) return s;
    tx.commit();
    return Status::Ok();
  });
}

}  // namespace reunite
