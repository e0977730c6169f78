// Linkage runs the comparisons on hundreds of thousands of pairs a second, so their
// contract says they do not allocate. This counts global operator new calls around
// them. AddressSanitizer builds keep its own operator new (for its mismatch checks),
// so there the test is skipped.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "match/comparisons.h"
#include "match/nicknames.h"

#if defined(__SANITIZE_ADDRESS__)
#define REUNITE_COUNT_ALLOCATIONS 0
#else
#define REUNITE_COUNT_ALLOCATIONS 1

namespace {
thread_local long allocations = 0;
}

// GCC takes free() on what this very operator new returned for a mismatch.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop
#endif

namespace reunite::match {
namespace {

TEST(ComparisonsAllocationTest, PairComparisonsDoNotAllocate) {
  if (!REUNITE_COUNT_ALLOCATIONS) GTEST_SKIP() << "operator new belongs to AddressSanitizer here";
#if REUNITE_COUNT_ALLOCATIONS
  const PreparedTokens a = PrepareTokens("Hernández López de García"), b = PrepareTokens("Garcia Ernandes");
  const PreparedString s = PrepareString("José Luis"), t = PrepareString("Chepe");
  const PreparedDate d{1985, 6, 11, false}, e{1985, 11, 6, false};
  const std::vector<StringLevel> levels = {{StringLevel::Test::kExact, 0, ""},
                                           {StringLevel::Test::kNickname, 0, ""},
                                           {StringLevel::Test::kPhonetic, 0, ""},
                                           {StringLevel::Test::kJaroWinkler, 0.9, ""},
                                           {StringLevel::Test::kDamerauLevenshtein, 2, ""},
                                           {StringLevel::Test::kPrefix, 1, ""}};
  SameGivenNameOrNickname("chepe", "jose");  // loads the table once, outside the count
  const long before = allocations;
  int sum = 0;
  sum += CompareTokenSets(a, b);
  sum += CompareStrings(s, t, levels);
  sum += CompareDates(d, e);
  sum += CompareIdentifiers("A012-345-678", "12345687");
  sum += SameGivenNameOrNickname("beto", "tito");
  sum += SameGivenNameOrNickname("maria", "mario");
  EXPECT_GT(sum, 0);
  EXPECT_EQ(allocations, before);
#endif
}

}  // namespace
}  // namespace reunite::match
