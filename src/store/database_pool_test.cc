#include "store/database_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include <unistd.h>

namespace reunite {
namespace {

TEST(DatabasePoolTest, EachLeaseIsAConnectionOfItsOwnAndComesBack) {
  auto dir = std::filesystem::temp_directory_path() / ("pool-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto pool = DatabasePool::Open((dir / "pool.db").string(), 3);
  ASSERT_TRUE(pool.ok()) << pool.status().ToString();
  EXPECT_EQ((*pool)->size(), 3);
  {
    auto a = (*pool)->Acquire();
    auto b = (*pool)->Acquire();
    EXPECT_NE(&*a, &*b);
  }
  // Eight threads share three connections; every lease is exclusive while held.
  std::atomic<int> in_use{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        auto lease = (*pool)->Acquire();
        int now = ++in_use;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        long long one = 0;
        lease->session() << "SELECT 1", soci::into(one);
        EXPECT_EQ(one, 1);
        --in_use;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 3);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace reunite
