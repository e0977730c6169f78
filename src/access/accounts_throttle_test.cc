// Issue 13, item 7: the login throttle holds under parallel guesses (one atomic
// check and count per username and per address) and password hashes are capped.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

#include "access/accounts.h"
#include "access/test_cases.h"
#include "access/audit.h"
#include "access/password_gate.h"
#include "store/test_postgres.h"

namespace reunite {
namespace {

constexpr const char* kStart = "2018-07-26T00:00:00.000Z";
constexpr const char* kPassword = "correct horse battery";

class AccountsThrottleTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    Accounts accounts(*db_, clock_);
    ASSERT_TRUE(accounts.CreateOrganisation(admin_, "Kids in Need").ok());
    ASSERT_TRUE(accounts.CreateUser(admin_, {"ana", "Kids in Need", UserRole::kCaseWorker, kPassword, "", "en"}).ok());
  }

  long AuditCount(const std::string& action) { return testing::CountAudits(*db_, action); }

  // Sends every login at once, each on its own connection, as a server's workers
  // would; the outcome of each, by status code.
  std::map<StatusCode, int> InParallel(const std::vector<std::pair<std::string, std::string>>& user_and_remote,
                                       const std::string& password) {
    std::vector<StatusCode> codes(user_and_remote.size());
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (size_t i = 0; i < user_and_remote.size(); ++i)
      threads.emplace_back([&, i] {
        auto db = Database::Open(url_);
        if (!db.ok()) return void(codes[i] = StatusCode::kStorageError);
        FixedClock clock(kStart);
        Accounts accounts(**db, clock);
        // Everyone starts together, so each check races the others' counts.
        ++ready;
        while (ready.load() < static_cast<int>(codes.size())) std::this_thread::yield();
        codes[i] = accounts.Login(user_and_remote[i].first, password, user_and_remote[i].second).status().code();
      });
    for (auto& t : threads) t.join();
    std::map<StatusCode, int> by_code;
    for (StatusCode c : codes) ++by_code[c];
    return by_code;
  }

  FixedClock clock_{kStart};
  Principal admin_ = Principal::LocalOperator("root");
};

// The issue's case: 20 concurrent guesses at one username got 19 processed.
TEST_P(AccountsThrottleTest, Issue13Item7ParallelGuessesAtOneUsernameStopAtTheLimit) {
  std::vector<std::pair<std::string, std::string>> guesses;
  for (int i = 0; i < 20; ++i) guesses.push_back({"ana", "10.0.0." + std::to_string(i)});  // 20 addresses
  auto by_code = InParallel(guesses, "wrong guess");
  EXPECT_EQ(by_code[StatusCode::kUnauthenticated], kMaxLoginFailures);
  EXPECT_EQ(by_code[StatusCode::kTooManyAttempts], 20 - kMaxLoginFailures);
  EXPECT_EQ(AuditCount("login_failed"), kMaxLoginFailures);  // processed: the password was checked
  EXPECT_EQ(AuditCount("login_throttled"), 20 - kMaxLoginFailures);
  // The right password is refused too until the window has passed.
  Accounts accounts(*db_, clock_);
  EXPECT_EQ(accounts.Login("ana", kPassword, "10.9.9.9").status().code(), StatusCode::kTooManyAttempts);
  clock_.AdvanceSeconds(kThrottleWindowSeconds - 60);
  EXPECT_EQ(accounts.Login("ana", kPassword, "10.9.9.9").status().code(), StatusCode::kTooManyAttempts);
  clock_.AdvanceSeconds(61);
  EXPECT_TRUE(accounts.Login("ana", kPassword, "10.9.9.9").ok());
}

TEST_P(AccountsThrottleTest, Issue13Item7ParallelGuessesFromOneAddressStopAtItsLimit) {
  std::vector<std::pair<std::string, std::string>> guesses;
  for (int i = 0; i < 30; ++i) guesses.push_back({"user" + std::to_string(i), "6.6.6.6"});  // 30 usernames
  auto by_code = InParallel(guesses, "wrong guess");
  EXPECT_EQ(by_code[StatusCode::kUnauthenticated] + by_code[StatusCode::kUnavailable], 30 - by_code[StatusCode::kTooManyAttempts]);
  EXPECT_LE(by_code[StatusCode::kUnauthenticated], kMaxLoginFailuresPerAddress);
  EXPECT_LE(AuditCount("login_failed"), kMaxLoginFailuresPerAddress);
  // Attempts the busy server refused were never counted; fill the address up to its limit.
  Accounts accounts(*db_, clock_);
  for (long n = AuditCount("login_failed"); n < kMaxLoginFailuresPerAddress; ++n)
    ASSERT_EQ(accounts.Login("user" + std::to_string(100 + n), "wrong guess", "6.6.6.6").status().code(),
              StatusCode::kUnauthenticated);
  EXPECT_EQ(AuditCount("login_failed"), kMaxLoginFailuresPerAddress);
  // Now the address is refused whoever it names, even with the right password ...
  auto refused = accounts.Login("ana", kPassword, "6.6.6.6");
  EXPECT_EQ(refused.status().code(), StatusCode::kTooManyAttempts);
  EXPECT_NE(refused.status().message().find("this address"), std::string::npos) << refused.status().message();
  // ... while another address signs in.
  EXPECT_TRUE(accounts.Login("ana", kPassword, "10.0.0.1").ok());
  clock_.AdvanceSeconds(kThrottleWindowSeconds + 1);
  EXPECT_TRUE(accounts.Login("ana", kPassword, "6.6.6.6").ok());
}

// A right password forgives the username's failures, not the address's: one valid
// account cannot launder guesses at others.
TEST_P(AccountsThrottleTest, Issue13Item7ASuccessForgivesTheUsernameNotTheAddress) {
  Accounts accounts(*db_, clock_);
  for (int i = 0; i < kMaxLoginFailures - 1; ++i)
    EXPECT_EQ(accounts.Login("ana", "wrong guess", "6.6.6.6").status().code(), StatusCode::kUnauthenticated);
  ASSERT_TRUE(accounts.Login("ana", kPassword, "6.6.6.6").ok());
  for (int i = 0; i < kMaxLoginFailures - 1; ++i)  // the username counts afresh
    EXPECT_EQ(accounts.Login("ana", "wrong guess", "6.6.6.6").status().code(), StatusCode::kUnauthenticated);
  long failures = 2 * (kMaxLoginFailures - 1);
  for (int i = 0; failures < kMaxLoginFailuresPerAddress; ++i, ++failures)
    EXPECT_EQ(accounts.Login("other" + std::to_string(i), "wrong guess", "6.6.6.6").status().code(),
              StatusCode::kUnauthenticated);
  EXPECT_EQ(accounts.Login("ana", kPassword, "6.6.6.6").status().code(), StatusCode::kTooManyAttempts);
}

REUNITE_ON_BOTH_BACKENDS(AccountsThrottleTest);

// At most `slots` hold a permit at once, however many ask.
TEST(PasswordGateTest, Issue13Item7NoMoreThanTheCapHashAtOnce) {
  PasswordGate gate(2, 4, std::chrono::milliseconds(2000));
  std::atomic<int> inside{0}, most{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i)
    threads.emplace_back([&] {
      auto permit = gate.Enter();
      if (!permit) return void(++refused);
      const int now = ++inside;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
      --inside;
    });
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 2);
  EXPECT_GE(most.load(), 1);
  EXPECT_GE(refused.load(), 1) << "16 at once: 2 run, at most 4 wait, the rest are turned away";
}

// A full queue refuses at once; a waiter gets the slot when it frees, or gives up.
TEST(PasswordGateTest, Issue13Item7AFullQueueRefusesAndWaitersTimeOut) {
  PasswordGate gate(1, 1, std::chrono::milliseconds(3000));
  std::optional<PasswordGate::Permit> held = gate.Enter();
  ASSERT_TRUE(held);
  std::atomic<bool> waiter_got{false};
  std::thread waiter([&] { waiter_got = gate.Enter().has_value(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the waiter is queued
  EXPECT_FALSE(gate.Enter()) << "the one queue place is taken";
  held.reset();
  waiter.join();
  EXPECT_TRUE(waiter_got);

  PasswordGate brief(1, 1, std::chrono::milliseconds(50));
  auto only = brief.Enter();
  ASSERT_TRUE(only);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(brief.Enter());  // waited 50 ms, then gave up
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(50));
}

}  // namespace
}  // namespace reunite
