// Weighted sampling for the synthetic generator, on the project's Rng.
#pragma once
#include <cstdint>
#include <vector>

#include "common/random.h"

namespace reunite::synth {

using reunite::Rng;

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
