#include "match/strings.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace reunite::match {

namespace {

constexpr size_t kSmall = 64;

// Jaro over flags held in caller-provided buffers.
double JaroWith(std::string_view a, std::string_view b, bool* a_used, bool* b_used) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const size_t window = std::max<size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::fill(a_used, a_used + a.size(), false);
  std::fill(b_used, b_used + b.size(), false);
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t lo = i > window ? i - window : 0;
    size_t hi = std::min(i + window + 1, b.size());
    for (size_t j = lo; j < hi; ++j) {
      if (b_used[j] || a[i] != b[j]) continue;
      a_used[i] = b_used[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_used[i]) continue;
    while (!b_used[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  return (m / a.size() + m / b.size() + (m - transpositions / 2.0) / m) / 3.0;
}

// The same greedy matching as JaroWith with 64-bit masks, for strings of at most 64
// bytes: each byte of `a` takes the first unused equal byte of `b` inside the window,
// found as the lowest set bit of (positions of that byte in b) & ~used & window. So
// the matches, transpositions and result are JaroWith's, at a cost linear in the
// lengths rather than length times window (place names are 20 to 40 bytes).
double JaroBits(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  // Positions of each byte value in b; kept all zero between calls.
  thread_local std::array<std::uint64_t, 256> positions{};
  for (size_t j = 0; j < b.size(); ++j) positions[static_cast<unsigned char>(b[j])] |= std::uint64_t{1} << j;
  const size_t window = std::max<size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::uint64_t a_used = 0, b_used = 0;
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > window ? i - window : 0, hi = std::min(i + window + 1, b.size());
    if (lo >= hi) continue;
    const std::uint64_t span = hi - lo == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << (hi - lo)) - 1) << lo;
    const std::uint64_t free = positions[static_cast<unsigned char>(a[i])] & ~b_used & span;
    if (free == 0) continue;
    b_used |= free & (~free + 1);  // the lowest set bit
    a_used |= std::uint64_t{1} << i;
    ++matches;
  }
  for (char c : b) positions[static_cast<unsigned char>(c)] = 0;
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  for (std::uint64_t x = a_used, y = b_used; x != 0; x &= x - 1, y &= y - 1) {
    if (a[static_cast<size_t>(std::countr_zero(x))] != b[static_cast<size_t>(std::countr_zero(y))]) ++transpositions;
  }
  const double m = static_cast<double>(matches);
  return (m / a.size() + m / b.size() + (m - transpositions / 2.0) / m) / 3.0;
}

}  // namespace

double Jaro(std::string_view a, std::string_view b) {
  if (a.size() <= kSmall && b.size() <= kSmall) return JaroBits(a, b);
  std::vector<char> au(a.size()), bu(b.size());
  return JaroWith(a, b, reinterpret_cast<bool*>(au.data()), reinterpret_cast<bool*>(bu.data()));
}

double JaroWinkler(std::string_view a, std::string_view b) {
  double jaro = Jaro(a, b);
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

double JaroWinklerBound(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  if (a.size() > 0xffff) return 1.0;  // counts below are 16 bits
  std::array<std::uint16_t, 256> count{};
  for (char c : a) ++count[static_cast<unsigned char>(c)];
  size_t common = 0;
  for (char c : b) {
    std::uint16_t& n = count[static_cast<unsigned char>(c)];
    if (n == 0) continue;
    --n;
    ++common;
  }
  if (common == 0) return 0.0;
  // Jaro's formula with `common` matches and no transpositions, then Winkler's, both
  // increasing in their input: never below the real value.
  const double m = static_cast<double>(common);
  const double jaro = (m / a.size() + m / b.size() + 1.0) / 3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

int DamerauLevenshtein(std::string_view a, std::string_view b, int max_distance) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_distance) return max_distance + 1;
  if (n == 0 || m == 0) return std::max(n, m);
  // Three rolling rows: two back (for transpositions), previous, current.
  std::array<int, kSmall + 1> small[3];
  std::vector<int> big[3];
  int* rows[3];
  for (int r = 0; r < 3; ++r) {
    if (m <= static_cast<int>(kSmall)) {
      rows[r] = small[r].data();
    } else {
      big[r].resize(m + 1);
      rows[r] = big[r].data();
    }
  }
  int *two = rows[0], *prev = rows[1], *cur = rows[2];
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, two[j - 2] + 1);
      cur[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > max_distance) return max_distance + 1;
    int* old_two = two;
    two = prev;
    prev = cur;
    cur = old_two;
  }
  return std::min(prev[m], max_distance + 1);
}

}  // namespace reunite::match
