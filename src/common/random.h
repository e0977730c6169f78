// The project's random source: SplitMix64 with hand-written distributions, because
// std::uniform_*_distribution output differs between standard libraries, and
// synthetic lists and randomised tests must be the same everywhere for a seed.
#pragma once
#include <cstdint>
#include <vector>

namespace reunite {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); 0 when n is 0. Multiply-shift, so no modulo bias worth noting.
  std::uint64_t Below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  // Uniform integer in [lo, hi]; requires lo <= hi.
  long Between(long lo, long hi) { return lo + static_cast<long>(Below(static_cast<std::uint64_t>(hi - lo) + 1)); }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // True with probability p (p <= 0: never; p >= 1: always).
  bool Chance(double p) { return Unit() < p; }
  // True one time in n on average (n > 0).
  bool OneIn(std::uint64_t n) { return Below(n) == 0; }
  // An element of a non-empty vector, uniformly.
  template <typename T>
  const T& Choose(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  std::uint64_t state_;
};

}  // namespace reunite
