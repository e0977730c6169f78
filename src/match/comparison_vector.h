// Comparison vectors ("gamma patterns"): the level of every comparison for one pair
// of records, packed into 64 bits so that millions of pairs reduce to a few thousand
// distinct patterns for expectation maximisation.
#pragma once
#include <cstdint>
#include <functional>
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

class LevelMemo;

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
  Gamma Compare(std::uint32_t l, std::uint32_t r) const { return Compare(l, r, nullptr); }
  // The same, looking up and remembering costly levels in `memo` (may be null).
  Gamma Compare(std::uint32_t l, std::uint32_t r, LevelMemo* memo) const;
  // Asks the memory for what Compare(l, r, memo) will read beyond the two records'
  // ids (which should be in cache by then): memo entries and values.
  void Prefetch(std::uint32_t l, std::uint32_t r, const LevelMemo& memo) const;
  // Asks the memory for right record r's value ids.
  void PrefetchRecord(std::uint32_t r) const { __builtin_prefetch(&right_.ids[r * routes_.size()]); }
  // Whether left row l and right row r cannot be one person: a comparison at one of
  // its veto_levels (dates only when both are exact), unless its veto_unless_agree
  // comparison agrees exactly, or `weight` (the pair's match weight, asked for only
  // then; may be empty) reaches its veto_unless_weight (settings.h).
  bool Contradicts(std::uint32_t l, std::uint32_t r, const std::function<double()>& weight = {}) const;
  // The larger relative frequency of the two values of comparison c (for TF
  // adjustment); 0 when the comparison has no TF.
  double TermFrequency(int c, std::uint32_t l, std::uint32_t r) const;

 private:
  bool Near(int c, std::uint32_t l, std::uint32_t r) const;
  // How a comparison's level is found, fastest first.
  enum class Route : std::uint8_t {
    kIds,      // a dedupe's exact-only string ladder: equal ids, level 0; else "different"
    kMemo,     // costly (fuzzy strings, token sets): remembered per pair of value ids
    kCompute,  // cheap enough to compute every time
  };
  // The level of comparison c for left value a and right value b; `memo` (may be
  // null) serves the parts of a level that are remembered on their own.
  int ValueLevel(int c, std::uint32_t a, std::uint32_t b, LevelMemo* memo = nullptr) const;

  const LinkSettings& settings_;
  const PreparedDataset& left_;
  const PreparedDataset& right_;
  // Ids and token numbers tell values apart only within one dataset: a dedupe
  // compares one with itself.
  const bool one_dataset_;
  std::vector<Route> routes_;
  std::vector<char> equal_is_exact_;  // equal ids give level 0
};

// Levels of costly comparisons remembered per pair of value ids: the blocks of a big
// list repeat the same pairs of common names and places, so most are looked up
// instead of recomputed. A direct-mapped table: a collision overwrites, so levels are
// the same with or without it. One per thread (not thread-safe).
class LevelMemo {
 public:
  // Sized for about `pairs` comparisons, so small runs do not clear a big table.
  explicit LevelMemo(std::size_t pairs);
  // The remembered level of comparison c for value ids (a, b), or false.
  bool Find(int c, std::uint32_t a, std::uint32_t b, int* level) const {
    const Entry& e = entries_[Slot(c, a, b)];
    if (e.comparison != c || e.a != a || e.b != b) return false;
    *level = e.level;
    return true;
  }
  void Remember(int c, std::uint32_t a, std::uint32_t b, int level) {
    entries_[Slot(c, a, b)] = {a, b, static_cast<std::int16_t>(c), static_cast<std::int16_t>(level)};
  }
  void Prefetch(int c, std::uint32_t a, std::uint32_t b) const { __builtin_prefetch(&entries_[Slot(c, a, b)]); }

 private:
  struct Entry {
    std::uint32_t a = 0, b = 0;
    std::int16_t comparison = -1, level = 0;
  };
  std::size_t Slot(int c, std::uint32_t a, std::uint32_t b) const {
    const std::uint64_t ab = static_cast<std::uint64_t>(a) << 32 | b;
    const std::uint64_t h = (ab + static_cast<std::uint64_t>(c) * 0xC2B2AE3D27D4EB4Full) * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(h >> shift_);
  }
  int shift_;
  std::vector<Entry> entries_;
};

// The comparison vector of every pair, computed on `threads` threads, each over one
// contiguous slice; the result does not depend on the number of threads.
std::vector<Gamma> CompareAll(const PairComparator& comparator, const std::vector<PairKey>& pairs, int threads);

// Distinct patterns numbered in order of first sight. An open-addressing table: there
// are tens of thousands of patterns among a hundred million pairs, and a node-based map
// spent seconds allocating and chasing them.
class PatternIds {
 public:
  std::uint32_t Id(Gamma g) {
    if ((patterns_.size() + 1) * 2 > slots_.size()) Grow();
    for (size_t i = Home(g);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == 0) {
        patterns_.push_back(g);
        slots_[i] = static_cast<std::uint32_t>(patterns_.size());
        return slots_[i] - 1;
      }
      if (patterns_[slots_[i] - 1] == g) return slots_[i] - 1;
    }
  }
  const std::vector<Gamma>& patterns() const { return patterns_; }

 private:
  size_t Home(Gamma g) const { return static_cast<size_t>((g * 0x9E3779B97F4A7C15ull) >> shift_); }
  void Grow();
  int shift_ = 64 - 10;
  std::vector<std::uint32_t> slots_ = std::vector<std::uint32_t>(size_t{1} << 10);  // id + 1; 0 empty
  std::vector<Gamma> patterns_;
};

// The comparison vectors of many pairs as indexes into their distinct patterns: 4 bytes
// a pair instead of 8, and the counts EM needs come for free.
struct PatternVectors {
  std::vector<Gamma> patterns;       // distinct, ascending
  std::vector<double> counts;        // pairs with each pattern
  std::vector<std::uint32_t> index;  // per pair, its pattern
};
// Computed on `threads` threads; the result does not depend on them.
PatternVectors ComparePatterns(const PairComparator& comparator, const std::vector<PairKey>& pairs, int threads);

}  // namespace reunite::match
