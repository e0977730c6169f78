// The synthetic generator's random source. SplitMix64 with hand-written
// distributions, because std::uniform_*_distribution output differs between
// standard libraries and synthetic lists must be byte-identical everywhere.
#pragma once
#include <cstdint>
#include <vector>

namespace reunite::synth {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n must be > 0. Multiply-shift, so no modulo bias worth noting.
  std::uint64_t Below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  // Uniform integer in [lo, hi]; requires lo <= hi.
  long Between(long lo, long hi) { return lo + static_cast<long>(Below(static_cast<std::uint64_t>(hi - lo) + 1)); }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // True with probability p (p <= 0: never; p >= 1: always).
  bool Chance(double p) { return Unit() < p; }
  // An element of a non-empty vector, uniformly.
  template <typename T>
  const T& Choose(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  std::uint64_t state_;
};

// Weighted choice of an index by binary search over cumulative weights.
class WeightedIndex {
 public:
  WeightedIndex() = default;
  void Add(double weight) { cumulative_.push_back(total() + weight); }
  bool empty() const { return cumulative_.empty(); }
  std::size_t size() const { return cumulative_.size(); }
  double total() const { return cumulative_.empty() ? 0.0 : cumulative_.back(); }
  // Requires !empty() and a positive total.
  std::size_t Pick(Rng& rng) const;

 private:
  std::vector<double> cumulative_;
};

}  // namespace reunite::synth
