#include "match/comparison_vector.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string_view>

#include "match/huge_pages.h"
#include "match/parallel.h"
#include "match/strings.h"

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

bool ExactOnly(const ComparisonSpec& spec) {
  return spec.kind == ComparisonKind::kString && spec.list_separator.empty() &&
         std::all_of(spec.string_levels.begin(), spec.string_levels.end(),
                     [](const StringLevel& level) { return level.test == StringLevel::Test::kExact; });
}

// Token sets and string ladders with nickname, Jaro-Winkler or edit-distance tests;
// exact, phonetic and prefix tests cost less than a memo lookup.
bool Costly(const ComparisonSpec& spec) {
  if (spec.kind == ComparisonKind::kTokenSet) return true;
  if (spec.kind != ComparisonKind::kString || !spec.list_separator.empty()) return false;
  using Test = StringLevel::Test;
  return std::any_of(spec.string_levels.begin(), spec.string_levels.end(), [](const StringLevel& level) {
    return level.test == Test::kNickname || level.test == Test::kJaroWinkler || level.test == Test::kDamerauLevenshtein;
  });
}

// CompareIdentifiers on two packed items (PackDigits) without unpacking them: the
// digits as nibbles (digit i at nibble i), the shorter moved up so that both end
// together (CompareIdentifiers pads the shorter with leading zeros), and the nibbles
// that differ counted at once. Identifiers are compared for nearly every candidate
// pair, and walking their digits one by one was a fifth of the comparing.
int PackedIdentifierLevel(std::uint64_t a, std::uint64_t b) {
  const unsigned na = a & 0xf, nb = b & 0xf, n = std::max(na, nb);
  std::uint64_t x = a >> 4, y = b >> 4;
  if (x == 0 || y == 0) return kNull;  // zeros only: a placeholder, no identifier
  x <<= 4 * (n - na);
  y <<= 4 * (n - nb);
  const std::uint64_t d = x ^ y;
  const std::uint64_t differing = (d | d >> 1 | d >> 2 | d >> 3) & 0x1111111111111111ull;  // bit 0 of each nibble
  if (differing == 0) return 0;
  // Without the lowest difference: none left is one difference; more than one left is
  // more than two. (No popcount: the portable build makes it a library call.)
  const std::uint64_t rest = differing & (differing - 1);
  if (rest == 0) return 1;
  const int first = std::countr_zero(differing) / 4, second = std::countr_zero(rest) / 4;
  if ((rest & (rest - 1)) != 0 || second != first + 1) return 2;
  auto digit = [](std::uint64_t v, int i) { return (v >> (4 * i)) & 0xf; };
  return digit(x, first) == digit(y, second) && digit(x, second) == digit(y, first) ? 1 : 2;
}

// BestOverItems of CompareIdentifiers over two packed lists, in the same order.
int PackedLevel(const PreparedComparison::PackedIds& x, const PreparedComparison::PackedIds& y) {
  int best = kNull;
  for (std::uint64_t i : x.items) {
    if (i == 0) break;
    for (std::uint64_t j : y.items) {
      if (j == 0) break;
      const int level = PackedIdentifierLevel(i, j);
      if (level != kNull && (best == kNull || level < best)) best = level;
      if (best == 0) return 0;
    }
  }
  return best;
}

// CompareTokenSets on two token sets of one dataset, by their tokens' numbers. The
// ladder only asks whether two tokens are at least fuzzy_threshold alike; the answer
// is remembered in `memo` (may be null) per pair of token numbers, under comparison
// c + kMaxComparisons: a block on the paternal surname compares the same maternal
// surnames again and again, and Jaro-Winkler was a sixth of the comparing.
int TokenLevel(const PreparedComparison& pc, std::uint32_t a, std::uint32_t b, double fuzzy_threshold, int c,
               LevelMemo* memo) {
  const PreparedComparison::TokenIds& x = pc.token_ids[a];
  const PreparedComparison::TokenIds& y = pc.token_ids[b];
  auto alike = [&](size_t i, size_t j) {
    const std::uint32_t s = x.text[i], t = y.text[j];
    int known;
    if (memo && memo->Find(c + kMaxComparisons, s, t, &known)) return static_cast<double>(known);
    const std::string &u = pc.vocabulary[s], &v = pc.vocabulary[t];
    const bool yes = JaroWinklerBound(u, v) >= fuzzy_threshold - 1e-9 && JaroWinkler(u, v) >= fuzzy_threshold;
    if (memo) memo->Remember(c + kMaxComparisons, s, t, yes);
    return yes ? 1.0 : 0.0;
  };
  return TokenSetLadder(
      x.size, y.size, [&](size_t i, size_t j) { return x.text[i] == y.text[j]; },
      [&](size_t i, size_t j) { return x.sound[i] != 0 && x.sound[i] == y.sound[j]; }, alike, 1.0);
}

}  // namespace

PairComparator::PairComparator(const LinkSettings& settings, const PreparedDataset& left, const PreparedDataset& right)
    : settings_(settings), left_(left), right_(right), one_dataset_(&left == &right) {
  for (const ComparisonSpec& spec : settings.comparisons) {
    // Token sets of one dataset compare by token numbers, about as fast as a memo
    // lookup: surname pairs rarely repeat (a third of lookups hit), and the misses
    // would only push the names and places that do out of the memo.
    const bool by_numbers = one_dataset_ && spec.kind == ComparisonKind::kTokenSet;
    routes_.push_back(one_dataset_ && ExactOnly(spec) ? Route::kIds
                      : Costly(spec) && !by_numbers   ? Route::kMemo
                                                      : Route::kCompute);
    // Within one dataset an equal id is an equal value: a token set's first level, or a
    // string ladder's that starts with "exact", with no lookup (blocking makes many
    // pairs share a surname, a given name or a facility).
    const bool exact_first = spec.kind == ComparisonKind::kTokenSet ||
                             (spec.kind == ComparisonKind::kString && spec.list_separator.empty() &&
                              !spec.string_levels.empty() && spec.string_levels[0].test == StringLevel::Test::kExact);
    equal_is_exact_.push_back(one_dataset_ && exact_first);
  }
}

// At most 2^18 entries of 12 bytes (3 MB a thread): enough for the value pairs that
// repeat, small enough to stay mostly in cache.
LevelMemo::LevelMemo(std::size_t pairs) {
  int bits = 10;
  while (bits < 18 && (std::size_t{1} << bits) < pairs) ++bits;
  shift_ = 64 - bits;
  ReserveHuge(entries_, std::size_t{1} << bits);
  entries_.resize(std::size_t{1} << bits);
}

int PairComparator::ValueLevel(int c, std::uint32_t a, std::uint32_t b, LevelMemo* memo) const {
  if (a == 0 || b == 0) return kNull;  // id 0 is the empty value
  const ComparisonSpec& spec = settings_.comparisons[c];
  const PreparedComparison& x = left_.comparisons[c];
  const PreparedComparison& y = right_.comparisons[c];
  switch (spec.kind) {
    case ComparisonKind::kString:
      if (spec.list_separator.empty()) return CompareStrings(x.strings[a], y.strings[b], spec.string_levels);
      return BestOverItems(x.string_items[a], y.string_items[b], [&](const PreparedString& s, const PreparedString& t) {
        return CompareStrings(s, t, spec.string_levels);
      });
    case ComparisonKind::kTokenSet:
      if (one_dataset_ && x.token_ids[a].size && y.token_ids[b].size) {
        return TokenLevel(x, a, b, spec.fuzzy_threshold, c, memo);
      }
      return CompareTokenSets(x.tokens[a], y.tokens[b], spec.fuzzy_threshold);
    case ComparisonKind::kDate: return CompareDates(x.dates[a], y.dates[b]);
    case ComparisonKind::kIdentifier:
      if (x.packed_ids[a].items[0] && y.packed_ids[b].items[0]) return PackedLevel(x.packed_ids[a], y.packed_ids[b]);
      return BestOverItems(x.identifiers[a], y.identifiers[b],
                           [](const std::string& s, const std::string& t) { return CompareIdentifiers(s, t); });
    case ComparisonKind::kNumber: return CompareNumbers(x.numbers[a], y.numbers[b], spec.max_differences);
  }
  return kNull;
}

int PairComparator::Level(int c, std::uint32_t l, std::uint32_t r) const {
  return ValueLevel(c, left_.Id(l, c), right_.Id(r, c));
}

// Whether two of the identifiers of comparison c, read as numbers, are within its
// veto_unless_near.
bool PairComparator::Near(int c, std::uint32_t l, std::uint32_t r) const {
  const double near = settings_.comparisons[c].veto_unless_near;
  if (near <= 0) return false;
  auto number = [](const std::string& digits) { return digits.size() <= 15 ? std::stod(digits) : -1.0; };
  for (const auto& a : left_.comparisons[c].identifiers[left_.Id(l, c)]) {
    for (const auto& b : right_.comparisons[c].identifiers[right_.Id(r, c)]) {
      if (a.empty() || b.empty()) continue;
      const double x = number(a), y = number(b);
      if (x >= 0 && y >= 0 && std::fabs(x - y) <= near) return true;
    }
  }
  return false;
}

bool PairComparator::Contradicts(std::uint32_t l, std::uint32_t r, const std::function<double()>& weight) const {
  double pair_weight = std::numeric_limits<double>::quiet_NaN();
  for (int c = 0; c < comparisons(); ++c) {
    const ComparisonSpec& spec = settings_.comparisons[c];
    if (spec.veto_levels.empty()) continue;
    const int level = Level(c, l, r);
    if (std::find(spec.veto_levels.begin(), spec.veto_levels.end(), level) == spec.veto_levels.end()) continue;
    if (spec.kind == ComparisonKind::kDate) {
      auto exact = [](const PreparedDate& d) { return d.month > 0 && d.day > 0 && !d.january_first_default; };
      if (!exact(left_.comparisons[c].dates[left_.Id(l, c)]) || !exact(right_.comparisons[c].dates[right_.Id(r, c)])) continue;
    }
    // Whether every comparison of a lift agrees at one of its levels; one that cannot
    // be made (a value missing) counts as `unknown_agrees` says.
    auto holds = [&](const ComparisonSpec::VetoLift& lift, bool unknown_agrees) {
      return std::all_of(lift.begin(), lift.end(), [&](const auto& need) {
        const int agree = Level(need.first, l, r);
        return agree == kNull ? unknown_agrees : (need.second >> agree & 1u) != 0;
      });
    };
    const auto& unless = spec.veto_unless_agree;
    if (std::any_of(unless.begin(), unless.end(), [&](const auto& lift) { return holds(lift, false); })) continue;
    // Near identifiers are the evidence themselves: their condition only guards
    // against a known contradiction, so a value missing on one side does not stop it.
    const auto& near = spec.veto_near_agree;
    if (Near(c, l, r) && std::all_of(near.begin(), near.end(), [&](const auto& lift) { return holds(lift, true); })) continue;
    if (weight && std::isfinite(spec.veto_unless_weight)) {
      if (std::isnan(pair_weight)) pair_weight = weight();
      if (pair_weight >= spec.veto_unless_weight) continue;
    }
    return true;
  }
  return false;
}

Gamma PairComparator::Compare(std::uint32_t l, std::uint32_t r, LevelMemo* memo) const {
  Gamma g = 0;
  const std::uint32_t* a = &left_.ids[l * routes_.size()];
  const std::uint32_t* b = &right_.ids[r * routes_.size()];
  for (int c = 0; c < comparisons(); ++c) {
    int level;
    if (a[c] == 0 || b[c] == 0) {
      level = kNull;
    } else if (a[c] == b[c] && equal_is_exact_[c]) {
      level = 0;
    } else if (routes_[c] == Route::kIds) {
      level = a[c] == b[c] ? 0 : static_cast<int>(settings_.comparisons[c].string_levels.size());
    } else if (routes_[c] == Route::kMemo && memo) {
      if (!memo->Find(c, a[c], b[c], &level)) {
        level = ValueLevel(c, a[c], b[c]);
        memo->Remember(c, a[c], b[c], level);
      }
    } else {
      level = ValueLevel(c, a[c], b[c], memo);
    }
    // A kind answering beyond its ladder would corrupt the packing; clamp defensively.
    level = std::min(level, kMaxLevels - 1);
    g = WithLevel(g, c, level);
  }
  return g;
}

void PairComparator::Prefetch(std::uint32_t l, std::uint32_t r, const LevelMemo& memo) const {
  const std::uint32_t* a = &left_.ids[l * routes_.size()];
  const std::uint32_t* b = &right_.ids[r * routes_.size()];
  for (size_t c = 0; c < routes_.size(); ++c) {
    if (a[c] == 0 || b[c] == 0 || (a[c] == b[c] && equal_is_exact_[c])) continue;
    if (routes_[c] == Route::kMemo) memo.Prefetch(static_cast<int>(c), a[c], b[c]);
    // The right value, which a memo miss or an identifier comparison reads.
    const PreparedComparison& y = right_.comparisons[c];
    if (!y.packed_ids.empty()) __builtin_prefetch(&y.packed_ids[b[c]]);
    if (!y.token_ids.empty()) __builtin_prefetch(&y.token_ids[b[c]]);
    if (routes_[c] == Route::kMemo && !y.strings.empty()) __builtin_prefetch(&y.strings[b[c]]);
  }
}

double PairComparator::TermFrequency(int c, std::uint32_t l, std::uint32_t r) const {
  const auto& a = left_.comparisons[c].tf;
  const auto& b = right_.comparisons[c].tf;
  if (a.empty() || b.empty()) return 0;
  return std::max(a[left_.Id(l, c)], b[right_.Id(r, c)]);
}

namespace {

// Compares pairs [begin, end), giving each comparison vector to `take(k, gamma)`.
template <typename Take>
void CompareSlice(const PairComparator& comparator, const std::vector<PairKey>& pairs, size_t begin, size_t end,
                  Take take) {
  const size_t width = static_cast<size_t>(comparator.comparisons());
  const std::uint32_t* right_ids = comparator.right().ids.data();
  LevelMemo memo(end - begin);
  // A pair's reads are mostly cache misses (a million records' values and the memo do
  // not fit in cache), so they are requested ahead in two steps: the right record's
  // ids (pairs run in left order, so the left one is in cache) 32 pairs ahead, then,
  // with those ids at hand, what the comparison will read 16 pairs ahead.
  constexpr size_t kIds = 32, kValues = 16;
  for (size_t k = begin; k < end; ++k) {
    if (k + kIds < end) __builtin_prefetch(right_ids + PairRight(pairs[k + kIds]) * width);
    if (k + kValues < end) comparator.Prefetch(PairLeft(pairs[k + kValues]), PairRight(pairs[k + kValues]), memo);
    take(k, comparator.Compare(PairLeft(pairs[k]), PairRight(pairs[k]), &memo));
  }
}

}  // namespace

std::vector<Gamma> CompareAll(const PairComparator& comparator, const std::vector<PairKey>& pairs, int threads) {
  std::vector<Gamma> out(pairs.size());
  ForEachSlice(pairs.size(), threads, [&](size_t, size_t begin, size_t end) {
    CompareSlice(comparator, pairs, begin, end, [&](size_t k, Gamma g) { out[k] = g; });
  });
  return out;
}

void PatternIds::Grow() {
  shift_ -= 1;
  slots_.assign(size_t{1} << (64 - shift_), 0);
  for (size_t id = 0; id < patterns_.size(); ++id) {
    size_t i = Home(patterns_[id]);
    while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = static_cast<std::uint32_t>(id + 1);
  }
}

PatternVectors ComparePatterns(const PairComparator& comparator, const std::vector<PairKey>& pairs, int threads) {
  PatternVectors out;
  out.index.resize(pairs.size());
  // Each slice numbers patterns as it meets them; the numbers are then replaced by the
  // rank of the pattern among all distinct ones, which does not depend on the slicing.
  // (ForEachSlice cuts the same slices for the same n and threads.)
  std::vector<PatternIds> local(static_cast<size_t>(std::max(1, threads)));
  ForEachSlice(pairs.size(), threads, [&](size_t t, size_t begin, size_t end) {
    CompareSlice(comparator, pairs, begin, end, [&](size_t k, Gamma g) { out.index[k] = local[t].Id(g); });
  });
  for (const auto& ids : local) out.patterns.insert(out.patterns.end(), ids.patterns().begin(), ids.patterns().end());
  std::sort(out.patterns.begin(), out.patterns.end());
  out.patterns.erase(std::unique(out.patterns.begin(), out.patterns.end()), out.patterns.end());
  std::vector<std::vector<double>> counts(local.size(), std::vector<double>(out.patterns.size(), 0.0));
  ForEachSlice(pairs.size(), threads, [&](size_t t, size_t begin, size_t end) {
    std::vector<std::uint32_t> rank;
    for (Gamma g : local[t].patterns()) {
      rank.push_back(static_cast<std::uint32_t>(std::lower_bound(out.patterns.begin(), out.patterns.end(), g) -
                                                out.patterns.begin()));
    }
    for (size_t k = begin; k < end; ++k) {
      out.index[k] = rank[out.index[k]];
      counts[t][out.index[k]] += 1;  // whole numbers: the sum does not depend on the slicing
    }
  });
  out.counts = std::move(counts[0]);
  for (size_t t = 1; t < counts.size(); ++t) {
    for (size_t i = 0; i < out.counts.size(); ++i) out.counts[i] += counts[t][i];
  }
  return out;
}

}  // namespace reunite::match
