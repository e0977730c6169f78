// Splitting work over a few threads (the linkage runs on 2 by default). The callers'
// results never depend on the number of threads or on which thread took what: each
// item is written by exactly one thread, and anything summed across threads is a
// whole number.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace reunite::match {

// Runs work(t, begin, end) for t in [0, threads): thread t takes the t-th of equal
// contiguous slices of [0, n); the calling thread takes slice 0. Below `min_split`
// items, one slice.
template <typename Work>
void ForEachSlice(size_t n, int threads, Work work, size_t min_split = 2048) {
  const size_t count = n < min_split ? 1 : static_cast<size_t>(std::max(1, threads));
  const size_t slice = (n + count - 1) / count;
  std::vector<std::thread> pool;
  for (size_t t = 1; t < count; ++t) {
    const size_t begin = std::min(n, slice * t);
    pool.emplace_back(work, t, begin, std::min(n, begin + slice));
  }
  work(size_t{0}, size_t{0}, std::min(n, slice));
  for (auto& th : pool) th.join();
}

// Runs work(k) for every k in [0, n), each thread taking the next item not yet taken
// (for a few items of uneven cost, such as columns or rules).
template <typename Work>
void ForEachItem(size_t n, int threads, Work work) {
  const size_t count = std::clamp<size_t>(static_cast<size_t>(std::max(1, threads)), 1, std::max<size_t>(n, 1));
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t k = next++; k < n; k = next++) work(k);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < count; ++t) pool.emplace_back(run);
  run();
  for (auto& th : pool) th.join();
}

}  // namespace reunite::match
