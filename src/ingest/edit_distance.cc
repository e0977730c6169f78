#include "ingest/edit_distance.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

namespace reunite {

int BoundedEditDistance(std::string_view a, std::string_view b, int max) {
  if (max < 0) return 0;
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max) return max + 1;
  if (n == 0 || m == 0) return std::max(n, m);
  const int inf = max + 1;
  // Three rows of the dynamic programme, each limited to the band |i - j| <= max; on
  // the stack for the short keys callers pass.
  constexpr int kStack = 64;
  std::array<int, 3 * kStack> stack;
  std::vector<int> heap;
  int* rows = stack.data();
  if (m + 1 > kStack) {
    heap.resize(3 * static_cast<std::size_t>(m + 1));
    rows = heap.data();
  }
  const int width = m + 1 > kStack ? m + 1 : kStack;
  int* prev2 = rows;
  int* prev = rows + width;
  int* cur = rows + 2 * width;
  std::fill(prev2, prev2 + m + 1, inf);
  std::fill(prev, prev + m + 1, inf);
  for (int j = 0; j <= std::min(m, max); ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    std::fill(cur, cur + m + 1, inf);
    if (i <= max) cur[0] = i;
    const int lo = std::max(1, i - max), hi = std::min(m, i + max);
    int best = cur[0];
    for (int j = lo; j <= hi; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, prev2[j - 2] + 1);
      cur[j] = std::min(d, inf);
      best = std::min(best, cur[j]);
    }
    if (best > max) return inf;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], inf);
}

}  // namespace reunite
