#include "access/accounts.h"

#include <gtest/gtest.h>

#include "access/audit.h"
#include "access/test_cases.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

class AccountsTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    accounts_ = std::make_unique<Accounts>(*db_, clock_);
    ASSERT_TRUE(accounts_->CreateOrganisation(admin_, "Kids in Need").ok());
    NewUser ana{"ana", "Kids in Need", UserRole::kCaseWorker, "correct horse battery", "", "es"};
    ASSERT_TRUE(accounts_->CreateUser(admin_, ana).ok());
  }

  long AuditCount(const std::string& action) { return testing::CountAudits(*db_, action); }

  FixedClock clock_{"2018-07-26T00:00:00.000Z"};
  Principal admin_ = Principal::LocalOperator("root");
  std::unique_ptr<Accounts> accounts_;
};

TEST_P(AccountsTest, LoginWithRightPasswordOnly) {
  auto session = accounts_->Login("ana", "correct horse battery", "10.0.0.1");
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_EQ(session->principal.role, UserRole::kCaseWorker);
  EXPECT_EQ(session->principal.language, "es");
  EXPECT_EQ(session->principal.org, "Kids in Need");
  EXPECT_GE(session->token.size(), 43u);
  auto wrong = accounts_->Login("ana", "wrong horse battery", "10.0.0.1");
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthenticated);
  auto nobody = accounts_->Login("nobody", "correct horse battery", "10.0.0.1");
  EXPECT_EQ(nobody.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong.status().message(), nobody.status().message());  // no hint who exists
  EXPECT_EQ(AuditCount("login"), 1);
  EXPECT_EQ(AuditCount("login_failed"), 2);
}

TEST_P(AccountsTest, StoresOnlyHashes) {
  auto session = accounts_->Login("ana", "correct horse battery", "");
  ASSERT_TRUE(session.ok());
  std::string password_hash, token_hash;
  db_->session() << "SELECT password_hash FROM users WHERE username = 'ana'", soci::into(password_hash);
  db_->session() << "SELECT token_hash FROM sessions", soci::into(token_hash);
  EXPECT_EQ(password_hash.rfind("$argon2id$", 0), 0u) << password_hash;
  EXPECT_EQ(token_hash.find(session->token), std::string::npos);
  EXPECT_EQ(token_hash.size(), 64u);
}

TEST_P(AccountsTest, RefusesBadUsers) {
  NewUser user{"bob", "Kids in Need", UserRole::kAuditor, "short", "", "en"};
  EXPECT_EQ(accounts_->CreateUser(admin_, user).status().code(), StatusCode::kInvalidArgument);
  user.password = "long enough password";
  user.org = "Nobody";
  EXPECT_EQ(accounts_->CreateUser(admin_, user).status().code(), StatusCode::kNotFound);
  user.org = "Kids in Need";
  user.username = "ana";
  EXPECT_EQ(accounts_->CreateUser(admin_, user).status().code(), StatusCode::kAlreadyExists);
  user.username = "bob smith";
  EXPECT_EQ(accounts_->CreateUser(admin_, user).status().code(), StatusCode::kInvalidArgument);
  user.username = "bob";
  user.language = "fr";
  EXPECT_EQ(accounts_->CreateUser(admin_, user).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(accounts_->CreateOrganisation(admin_, "Kids in Need").status().code(), StatusCode::kAlreadyExists);
}

TEST_P(AccountsTest, OnlyAdminsManageUsers) {
  auto ana = accounts_->Login("ana", "correct horse battery", "10.0.0.1");
  ASSERT_TRUE(ana.ok());
  NewUser user{"eve", "Kids in Need", UserRole::kAdmin, "long enough password", "", "en"};
  EXPECT_EQ(accounts_->CreateUser(ana->principal, user).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(accounts_->ListUsers(ana->principal).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(AuditCount("denied"), 2);
  auto users = accounts_->ListUsers(admin_);
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 1u);
  EXPECT_EQ((*users)[0].username, "ana");
  // A user may change their own password; it ends their other sessions.
  EXPECT_TRUE(accounts_->ChangeOwnPassword("ana", "correct horse battery", "another long password", "").ok());
  EXPECT_EQ(accounts_->Authenticate(ana->token, "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(accounts_->Login("ana", "another long password", "").ok());
}

TEST_P(AccountsTest, ThrottlesAfterFiveFailuresUntilTheWindowPasses) {
  for (int i = 0; i < kMaxLoginFailures; ++i)
    EXPECT_EQ(accounts_->Login("ana", "guess " + std::to_string(i), "6.6.6.6").status().code(),
              StatusCode::kUnauthenticated);
  // The sixth attempt is refused even with the right password.
  EXPECT_EQ(accounts_->Login("ana", "correct horse battery", "6.6.6.6").status().code(),
            StatusCode::kTooManyAttempts);
  EXPECT_EQ(AuditCount("login_throttled"), 1);
  clock_.AdvanceSeconds(kThrottleWindowSeconds + 1);
  EXPECT_TRUE(accounts_->Login("ana", "correct horse battery", "10.0.0.1").ok());
}

TEST_P(AccountsTest, SessionsExpireWhenIdleAndAtTheLatestAfterTwelveHours) {
  auto session = accounts_->Login("ana", "correct horse battery", "");
  ASSERT_TRUE(session.ok());
  auto who = accounts_->Authenticate(session->token, "10.0.0.2");
  ASSERT_TRUE(who.ok()) << who.status().ToString();
  EXPECT_EQ(who->username, "ana");
  EXPECT_EQ(who->remote, "10.0.0.2");
  EXPECT_TRUE(CsrfMatches(*who, session->csrf_token));
  EXPECT_FALSE(CsrfMatches(*who, session->csrf_token + "x"));
  EXPECT_FALSE(CsrfMatches(*who, ""));
  // Used every 20 minutes it stays alive until the absolute expiry.
  for (int i = 0; i < 35; ++i) {
    clock_.AdvanceSeconds(20 * 60);
    ASSERT_TRUE(accounts_->Authenticate(session->token, "").ok()) << i;
  }
  clock_.AdvanceSeconds(20 * 60);  // 12 h since login
  EXPECT_EQ(accounts_->Authenticate(session->token, "").status().code(), StatusCode::kUnauthenticated);

  auto idle = accounts_->Login("ana", "correct horse battery", "");
  ASSERT_TRUE(idle.ok());
  clock_.AdvanceSeconds(kSessionIdleSeconds + 1);
  EXPECT_EQ(accounts_->Authenticate(idle->token, "").status().code(), StatusCode::kUnauthenticated);
}

TEST_P(AccountsTest, LogoutEndsTheSession) {
  auto session = accounts_->Login("ana", "correct horse battery", "");
  ASSERT_TRUE(session.ok());
  EXPECT_TRUE(accounts_->Logout(session->token).ok());
  EXPECT_EQ(accounts_->Authenticate(session->token, "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(accounts_->Logout(session->token).ok());
  EXPECT_EQ(AuditCount("logout"), 1);
}

TEST_P(AccountsTest, ApiTokensAuthenticateUntilRevokedOrDeactivated) {
  auto token = accounts_->CreateApiToken(admin_, "ana", "sync with ORR");
  ASSERT_TRUE(token.ok()) << token.status().ToString();
  EXPECT_EQ(token->token.rfind("rnt_", 0), 0u);
  auto who = accounts_->AuthenticateToken(token->token, "10.1.1.1");
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->username, "ana");
  EXPECT_TRUE(who->csrf_token.empty());
  EXPECT_EQ(accounts_->AuthenticateToken("rnt_forged", "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(accounts_->SetActive(admin_, "ana", false).ok());
  EXPECT_EQ(accounts_->AuthenticateToken(token->token, "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(accounts_->Login("ana", "correct horse battery", "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(accounts_->SetActive(admin_, "ana", true).ok());
  EXPECT_TRUE(accounts_->AuthenticateToken(token->token, "").ok());
  EXPECT_TRUE(accounts_->RevokeToken(admin_, token->id).ok());
  EXPECT_EQ(accounts_->AuthenticateToken(token->token, "").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(AuditCount("create_api_token"), 1);
  EXPECT_EQ(AuditCount("revoke_api_token"), 1);
}

REUNITE_ON_BOTH_BACKENDS(AccountsTest);

}  // namespace
}  // namespace reunite
