// Issue 13, item 8: tokens expire and are revoked, users are deactivated and
// reactivated, change role or team, get a reset password they must change, and
// change their own; every action is audited.
#include <gtest/gtest.h>

#include "access/accounts.h"
#include "access/audit.h"
#include "access/policy.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

constexpr const char* kPassword = "correct horse battery";

class AccountsLifecycleTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    accounts_ = std::make_unique<Accounts>(*db_, clock_);
    ASSERT_TRUE(accounts_->CreateOrganisation(root_, "Kids in Need").ok());
    for (auto [name, role] : {std::pair{"ana", UserRole::kCaseWorker}, {"boss", UserRole::kAdmin}})
      ASSERT_TRUE(accounts_->CreateUser(root_, {name, "Kids in Need", role, kPassword, "", "en"}).ok());
  }

  Session SignIn(const std::string& name, const std::string& password = kPassword) {
    auto session = accounts_->Login(name, password, "10.0.0.7");
    EXPECT_TRUE(session.ok()) << name << ": " << session.status().ToString();
    return session.ok() ? *session : Session{};
  }

  // The newest audit entry of `action`.
  AuditEntry LastAudit(const std::string& action) {
    AuditQuery q;
    q.action = action;
    q.limit = 1;
    auto entries = QueryAudit(*db_, q);
    EXPECT_TRUE(entries.ok() && !entries->empty()) << "no " << action << " in the audit log";
    return entries.ok() && !entries->empty() ? entries->front() : AuditEntry{};
  }

  StatusCode SessionCode(const Session& s) { return accounts_->Authenticate(s.token, "").status().code(); }
  StatusCode TokenCode(const ApiToken& t) { return accounts_->AuthenticateToken(t.token, "10.1.1.1").status().code(); }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  Principal root_ = Principal::LocalOperator("root");
  std::unique_ptr<Accounts> accounts_;
};

TEST_P(AccountsLifecycleTest, Issue13Item8TokensExpireAndEveryRefusalIsAudited) {
  auto month = accounts_->CreateApiToken(root_, "ana", "sync", 30);
  auto standard = accounts_->CreateApiToken(root_, "ana", "report");
  auto forever = accounts_->CreateApiToken(root_, "ana", "archive", 0);
  ASSERT_TRUE(month.ok() && standard.ok() && forever.ok());
  EXPECT_EQ(month->expires_at.substr(0, 16), "2018-08-25T00:00");  // 30 days on (the test clock ticks)
  EXPECT_EQ(standard->expires_at.substr(0, 10), "2018-10-24");  // kDefaultTokenExpiryDays
  EXPECT_EQ(forever->expires_at, "");
  EXPECT_EQ(LastAudit("create_api_token").detail, "ana: archive (never expires)");
  EXPECT_EQ(accounts_->CreateApiToken(root_, "ana", "x", -1).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts_->CreateApiToken(root_, "ana", "x", kMaxTokenExpiryDays + 1).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(TokenCode(*month), StatusCode::kOk);

  clock_.AdvanceSeconds(30LL * 24 * 3600);
  EXPECT_EQ(TokenCode(*month), StatusCode::kUnauthenticated);
  AuditEntry refused = LastAudit("token_refused");
  EXPECT_EQ(refused.detail, "API token expired");
  EXPECT_EQ(refused.actor, "ana");
  EXPECT_EQ(refused.entity_id, month->id);
  EXPECT_EQ(refused.remote, "10.1.1.1");
  EXPECT_EQ(TokenCode(*standard), StatusCode::kOk);

  ASSERT_TRUE(accounts_->RevokeToken(root_, standard->id).ok());
  EXPECT_EQ(LastAudit("revoke_api_token").detail, "ana: report");
  EXPECT_EQ(TokenCode(*standard), StatusCode::kUnauthenticated);
  EXPECT_EQ(LastAudit("token_refused").detail, "API token revoked");
  EXPECT_EQ(accounts_->AuthenticateToken("rnt_forged", "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(LastAudit("token_refused").detail, "unknown API token");

  clock_.AdvanceSeconds(20LL * 365 * 24 * 3600);
  EXPECT_EQ(TokenCode(*forever), StatusCode::kOk);
  auto listed = accounts_->ListApiTokens(root_, "ana");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].state, "active");  // newest first: archive, report, sync
  EXPECT_EQ((*listed)[1].state, "revoked");
  EXPECT_EQ((*listed)[2].state, "expired");
  EXPECT_EQ(accounts_->RevokeToken(root_, 999).code(), StatusCode::kNotFound);
  // A case worker lists and revokes only their own.
  Session ana = SignIn("ana");
  EXPECT_EQ(accounts_->ListApiTokens(ana.principal).status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(accounts_->ListApiTokens(ana.principal, "ana").ok());
  auto boss_token = accounts_->CreateApiToken(root_, "boss", "ops");
  EXPECT_EQ(accounts_->RevokeToken(ana.principal, boss_token->id).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(accounts_->RevokeToken(ana.principal, forever->id).ok());
}

TEST_P(AccountsLifecycleTest, Issue13Item8DeactivationStopsSessionsAndTokensAtOnce) {
  Session ana = SignIn("ana");
  auto token = accounts_->CreateApiToken(root_, "ana", "sync");
  ASSERT_TRUE(token.ok());
  Session boss = SignIn("boss");
  ASSERT_TRUE(accounts_->SetActive(boss.principal, "ana", false).ok());
  EXPECT_EQ(SessionCode(ana), StatusCode::kUnauthenticated);
  EXPECT_EQ(TokenCode(*token), StatusCode::kUnauthenticated);
  EXPECT_EQ(LastAudit("token_refused").detail, "account deactivated");
  EXPECT_EQ(accounts_->Login("ana", kPassword, "").status().code(), StatusCode::kUnauthenticated);
  AuditEntry e = LastAudit("deactivate_user");
  EXPECT_EQ(e.actor, "boss");
  EXPECT_EQ(e.remote, "10.0.0.7");
  EXPECT_EQ(e.detail, "ana");
  auto users = accounts_->ListUsers(root_);
  ASSERT_TRUE(users.ok());
  EXPECT_FALSE((*users)[0].active);  // ana, first by name

  ASSERT_TRUE(accounts_->SetActive(boss.principal, "ana", true).ok());
  EXPECT_EQ(LastAudit("activate_user").actor, "boss");
  EXPECT_EQ(TokenCode(*token), StatusCode::kOk);
  EXPECT_EQ(SessionCode(ana), StatusCode::kUnauthenticated) << "ended sessions stay ended";
  SignIn("ana");
  EXPECT_EQ(accounts_->SetActive(boss.principal, "boss", false).code(), StatusCode::kConflict);
  EXPECT_EQ(accounts_->SetActive(boss.principal, "nobody", false).code(), StatusCode::kNotFound);
  EXPECT_EQ(accounts_->SetActive(SignIn("ana").principal, "boss", false).code(), StatusCode::kPermissionDenied);
}

TEST_P(AccountsLifecycleTest, Issue13Item8ARoleOrTeamChangeEndsTheSessions) {
  Session ana = SignIn("ana");
  auto token = accounts_->CreateApiToken(root_, "ana", "sync");
  Session boss = SignIn("boss");
  ASSERT_TRUE(accounts_->UpdateUser(boss.principal, "ana", {UserRole::kFieldSearcher, "north"}).ok());
  EXPECT_EQ(SessionCode(ana), StatusCode::kUnauthenticated);
  EXPECT_EQ(LastAudit("change_user").detail, "ana: role case_worker -> field_searcher, team '' -> 'north'");
  auto by_token = accounts_->AuthenticateToken(token->token, "");
  ASSERT_TRUE(by_token.ok());
  EXPECT_EQ(by_token->role, UserRole::kFieldSearcher);  // tokens act under the new role at once
  EXPECT_EQ(by_token->team, "north");
  Session again = SignIn("ana");
  EXPECT_EQ(again.principal.role, UserRole::kFieldSearcher);

  ASSERT_TRUE(accounts_->UpdateUser(boss.principal, "ana", {std::nullopt, "south"}).ok());  // the team alone
  EXPECT_EQ(SessionCode(again), StatusCode::kUnauthenticated);
  EXPECT_EQ(LastAudit("change_user").detail, "ana: team 'north' -> 'south'");
  auto found = accounts_->FindUser(boss.principal, again.principal.user_id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->role, UserRole::kFieldSearcher);
  EXPECT_EQ(found->team, "south");

  EXPECT_EQ(accounts_->UpdateUser(boss.principal, "ana", {}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts_->UpdateUser(boss.principal, "ana", {std::nullopt, std::string(65, 'x')}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts_->UpdateUser(boss.principal, "boss", {UserRole::kAuditor, std::nullopt}).code(),
            StatusCode::kConflict);
  EXPECT_EQ(accounts_->UpdateUser(SignIn("ana").principal, "ana", {UserRole::kAdmin, std::nullopt}).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(LastAudit("denied").actor, "ana");
}

TEST_P(AccountsLifecycleTest, Issue13Item8AResetPasswordMustBeChangedBeforeAnythingElse) {
  Session ana = SignIn("ana");
  Session boss = SignIn("boss");
  EXPECT_EQ(accounts_->ResetPassword(boss.principal, "ana", "short").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(accounts_->ResetPassword(boss.principal, "ana", "temporary password 1").ok());
  EXPECT_EQ(LastAudit("reset_password").actor, "boss");
  EXPECT_EQ(SessionCode(ana), StatusCode::kUnauthenticated);
  EXPECT_EQ(accounts_->Login("ana", kPassword, "").status().code(), StatusCode::kUnauthenticated);

  Session pending = SignIn("ana", "temporary password 1");
  EXPECT_TRUE(pending.principal.must_change_password);
  auto who = accounts_->Authenticate(pending.token, "");
  ASSERT_TRUE(who.ok());
  EXPECT_TRUE(who->must_change_password);
  for (Action a : {Action::kReadPeople, Action::kReadFamilies, Action::kWriteCase, Action::kReadReports})
    EXPECT_FALSE(Allowed(*who, a)) << ToString(a);
  EXPECT_EQ(accounts_->CreateApiToken(*who, "ana", "mine").status().code(), StatusCode::kPermissionDenied);

  // The same password again is no change; then the real one.
  EXPECT_EQ(accounts_->ChangeOwnPassword("ana", "temporary password 1", "temporary password 1", "10.0.0.7",
                                         who->csrf_token).code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(accounts_->ChangeOwnPassword("ana", "temporary password 1", "ana's own passphrase", "10.0.0.7",
                                           who->csrf_token).ok());
  auto after = accounts_->Authenticate(pending.token, "");
  ASSERT_TRUE(after.ok()) << "the session that changed it goes on";
  EXPECT_FALSE(after->must_change_password);
  EXPECT_TRUE(Allowed(*after, Action::kReadPeople));
  EXPECT_FALSE(SignIn("ana", "ana's own passphrase").principal.must_change_password);
}

TEST_P(AccountsLifecycleTest, Issue13Item8AResetLiftsALockout) {
  for (int i = 0; i < kMaxLoginFailures; ++i) (void)accounts_->Login("ana", "guess", "10.0.0.9");
  EXPECT_EQ(accounts_->Login("ana", kPassword, "10.0.0.8").status().code(), StatusCode::kTooManyAttempts);
  ASSERT_TRUE(accounts_->ResetPassword(root_, "ana", "temporary password 1").ok());
  EXPECT_TRUE(accounts_->Login("ana", "temporary password 1", "10.0.0.8").ok());
}

TEST_P(AccountsLifecycleTest, Issue13Item8ChangingOnesPasswordNeedsTheCurrentAndEndsOtherSessions) {
  Session here = SignIn("ana");
  Session elsewhere = SignIn("ana");
  EXPECT_EQ(accounts_->ChangeOwnPassword("ana", kPassword, "short", "10.0.0.7", here.csrf_token).code(),
            StatusCode::kInvalidArgument);
  auto wrong = accounts_->ChangeOwnPassword("ana", "not my password", "a brand new passphrase", "10.0.0.7",
                                            here.csrf_token);
  EXPECT_EQ(wrong.code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(LastAudit("change_password_failed").remote, "10.0.0.7");
  EXPECT_EQ(SessionCode(elsewhere), StatusCode::kOk);

  ASSERT_TRUE(accounts_->ChangeOwnPassword("ana", kPassword, "a brand new passphrase", "10.0.0.7", here.csrf_token).ok());
  EXPECT_EQ(SessionCode(here), StatusCode::kOk);
  EXPECT_EQ(SessionCode(elsewhere), StatusCode::kUnauthenticated);
  AuditEntry e = LastAudit("change_password");
  EXPECT_EQ(e.actor, "ana");
  EXPECT_EQ(e.remote, "10.0.0.7");
  EXPECT_EQ(accounts_->Login("ana", kPassword, "").status().code(), StatusCode::kUnauthenticated);
  SignIn("ana", "a brand new passphrase");
}

// Guessing the current password is guessing a login: it is throttled as one.
TEST_P(AccountsLifecycleTest, Issue13Item8WrongCurrentPasswordsAreThrottled) {
  for (int i = 0; i < kMaxLoginFailures; ++i)
    EXPECT_EQ(accounts_->ChangeOwnPassword("ana", "guess " + std::to_string(i), "a brand new passphrase", "10.0.0.7")
                  .code(),
              StatusCode::kUnauthenticated);
  EXPECT_EQ(accounts_->ChangeOwnPassword("ana", kPassword, "a brand new passphrase", "10.0.0.7").code(),
            StatusCode::kTooManyAttempts);
  EXPECT_EQ(accounts_->Login("ana", kPassword, "10.0.0.8").status().code(), StatusCode::kTooManyAttempts);
}

REUNITE_ON_BOTH_BACKENDS(AccountsLifecycleTest);

}  // namespace
}  // namespace reunite
