// Large tables read at random (a million records' value ids, the values, the memo)
// miss the TLB at nearly every read with 4 KB pages. Where the system offers
// transparent huge pages on request (madvise mode, Debian's default), a vector
// reserved through ReserveHuge asks for 2 MB pages before its memory is first
// touched; elsewhere it is a plain reserve. Arrays written and read in order (pairs,
// weights) gain nothing and pay for the huge pages' zeroing up front.
#pragma once
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace reunite::match {

template <typename T>
void ReserveHuge(std::vector<T>& v, size_t n) {
  v.reserve(n);
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = (reinterpret_cast<std::uintptr_t>(v.data()) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(v.data() + v.capacity())) & ~(kHuge - 1);
#ifdef MADV_HUGEPAGE
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

}  // namespace reunite::match
