#include "match/comparison_vector.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace reunite::match {
namespace {

// The best (lowest) level over every pair of items; kNull when a side has none.
template <typename Item, typename Compare>
int BestOverItems(const std::vector<Item>& a, const std::vector<Item>& b, Compare compare) {
  int best = kNull;
  for (const auto& x : a) {
    for (const auto& y : b) {
      int level = compare(x, y);
      if (level != kNull && (best == kNull || level < best)) best = level;
      if (best == 0) return 0;
    }
  }
  return best;
}

}  // namespace

PairComparator::PairComparator(const LinkSettings& settings, const PreparedDataset& left, const PreparedDataset& right)
    : settings_(settings), left_(left), right_(right) {}

int PairComparator::Level(int c, std::uint32_t l, std::uint32_t r) const {
  const ComparisonSpec& spec = settings_.comparisons[c];
  const PreparedComparison& a = left_.comparisons[c];
  const PreparedComparison& b = right_.comparisons[c];
  switch (spec.kind) {
    case ComparisonKind::kString:
      if (spec.list_separator.empty()) return CompareStrings(a.strings[l], b.strings[r], spec.string_levels);
      return BestOverItems(a.string_items[l], b.string_items[r], [&](const PreparedString& x, const PreparedString& y) {
        return CompareStrings(x, y, spec.string_levels);
      });
    case ComparisonKind::kTokenSet: return CompareTokenSets(a.tokens[l], b.tokens[r], spec.fuzzy_threshold);
    case ComparisonKind::kDate: return CompareDates(a.dates[l], b.dates[r]);
    case ComparisonKind::kIdentifier:
      return BestOverItems(a.identifiers[l], b.identifiers[r],
                           [](const std::string& x, const std::string& y) { return CompareIdentifiers(x, y); });
    case ComparisonKind::kNumber: return CompareNumbers(a.numbers[l], b.numbers[r], spec.max_differences);
  }
  return kNull;
}

Gamma PairComparator::Compare(std::uint32_t l, std::uint32_t r) const {
  Gamma g = 0;
  for (int c = 0; c < comparisons(); ++c) {
    int level = Level(c, l, r);
    // A kind answering beyond its ladder would corrupt the packing; clamp defensively.
    level = std::min(level, kMaxLevels - 1);
    g = WithLevel(g, c, level);
  }
  return g;
}

double PairComparator::TermFrequency(int c, std::uint32_t l, std::uint32_t r) const {
  const auto& a = left_.comparisons[c].tf;
  const auto& b = right_.comparisons[c].tf;
  if (a.empty() || b.empty()) return 0;
  return std::max(a[l], b[r]);
}

std::vector<Gamma> CompareAll(const PairComparator& comparator, const std::vector<PairKey>& pairs, int threads) {
  std::vector<Gamma> out(pairs.size());
  auto work = [&](size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) out[k] = comparator.Compare(PairLeft(pairs[k]), PairRight(pairs[k]));
  };
  threads = std::max(1, threads);
  if (threads == 1 || pairs.size() < 2048) {
    work(0, pairs.size());
    return out;
  }
  std::vector<std::thread> pool;
  size_t slice = (pairs.size() + threads - 1) / threads;
  for (int t = 0; t < threads; ++t) {
    size_t begin = std::min(pairs.size(), slice * t), end = std::min(pairs.size(), begin + slice);
    pool.emplace_back(work, begin, end);
  }
  for (auto& th : pool) th.join();
  return out;
}

}  // namespace reunite::match
