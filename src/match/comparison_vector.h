// Comparison vectors ("gamma patterns"): the level of every comparison for one pair
// of records, packed into 64 bits so that millions of pairs reduce to a few thousand
// distinct patterns for expectation maximisation.
#pragma once
#include <cstdint>
#include <vector>

#include "match/blocking.h"
#include "match/dataset.h"
#include "match/settings.h"

namespace reunite::match {

// 4 bits per comparison (settings allow at most kMaxComparisons): 0 for kNull, else
// level + 1.
using Gamma = std::uint64_t;
inline int GammaLevel(Gamma g, int comparison) { return static_cast<int>((g >> (4 * comparison)) & 0xf) - 1; }
inline Gamma WithLevel(Gamma g, int comparison, int level) {
  return g | (static_cast<Gamma>(level + 1) << (4 * comparison));
}

// Compares records of two prepared datasets (the same one twice for a dedupe). Holds
// references: the settings and datasets must outlive it. Thread-safe (read-only).
class PairComparator {
 public:
  PairComparator(const LinkSettings& settings, const PreparedDataset& left, const PreparedDataset& right);

  int comparisons() const { return static_cast<int>(settings_.comparisons.size()); }
  const LinkSettings& settings() const { return settings_; }
  const PreparedDataset& left() const { return left_; }
  const PreparedDataset& right() const { return right_; }

  // The level of comparison c for left row l and right row r, or kNull.
  int Level(int c, std::uint32_t l, std::uint32_t r) const;
  Gamma Compare(std::uint32_t l, std::uint32_t r) const;
  // The larger relative frequency of the two values of comparison c (for TF
  // adjustment); 0 when the comparison has no TF.
  double TermFrequency(int c, std::uint32_t l, std::uint32_t r) const;

 private:
  const LinkSettings& settings_;
  const PreparedDataset& left_;
  const PreparedDataset& right_;
};

// The comparison vector of every pair, computed on `threads` threads, each over one
// contiguous slice; the result does not depend on the number of threads.
std::vector<Gamma> CompareAll(const PairComparator& comparator, const std::vector<PairKey>& pairs, int threads);

}  // namespace reunite::match
