// Blocking: the candidate pairs worth comparing, from the union of several blocking
// rules (multi-pass blocking), each pair once. Without blocking, 5,000 x 5,000
// records are 25 million pairs; with it, a few tens of thousands.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "match/dataset.h"
#include "match/settings.h"

namespace reunite::match {

// A candidate pair packed as (left row << 32) | right row. In a dedupe both rows are
// of the same dataset and left < right.
using PairKey = std::uint64_t;
inline PairKey MakePair(std::uint32_t left, std::uint32_t right) {
  return (static_cast<std::uint64_t>(left) << 32) | right;
}
inline std::uint32_t PairLeft(PairKey p) { return static_cast<std::uint32_t>(p >> 32); }
inline std::uint32_t PairRight(PairKey p) { return static_cast<std::uint32_t>(p & 0xffffffffu); }

struct BlockingReport {
  struct Rule {
    std::string text;
    bool added = false;     // added by the engine (BlockingRule::added)
    long pairs = 0;         // pairs the rule produced (before removing repeats)
    long skipped_keys = 0;  // keys whose block exceeded max_block_pairs
    long skipped_pairs = 0;
    std::string largest_skipped_key;  // for the warning ('+' between parts)
    long largest_skipped_pairs = 0;
  };
  std::vector<Rule> rules;
  long candidate_pairs = 0;  // distinct pairs over all rules
};

// Which rules produced a pair: bit r for settings.blocking_rules[r] (at most
// kMaxBlockingRules), so that each rule's pairs can train the model on their own.
using RuleMask = std::uint16_t;
inline constexpr int kMaxBlockingRules = 16;

struct CandidatePairs {
  std::vector<PairKey> pairs;  // sorted, distinct
  std::vector<RuleMask> rules;  // per pair, the rules that produced it
  BlockingReport report;
};

// The blocking keys of one record under one rule (several when a part uses `items`;
// none when a part is empty). Exposed for tests and for incremental matching.
std::vector<std::string> BlockingKeys(const BlockingRule& rule, const Dataset& data, size_t row,
                                      const LinkSettings& settings);

// Candidate pairs from every rule of the settings. `right` is null for a dedupe of
// `left`. A key whose block would give more than settings.max_block_pairs pairs is
// skipped and counted in the report (its pairs may still come from other rules).
// Pairs are gathered on `threads` threads; the result does not depend on them.
// Refuses (InvalidArgument) a rule naming a column that a dataset lacks.
Result<CandidatePairs> BlockPairs(const LinkSettings& settings, const Dataset& left, const Dataset* right,
                                  int threads = 1);

}  // namespace reunite::match
