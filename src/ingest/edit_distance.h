// A bounded edit distance for the ingest layer's small misspelling rules (countries,
// Border Patrol places): the match layer has its own string comparators, which the
// ingest layer may not use.
#pragma once
#include <string_view>

namespace reunite {

// Optimal-string-alignment distance between a and b (insertions, deletions,
// substitutions, and transpositions of two adjacent characters, each counting 1),
// compared byte by byte, so callers pass folded ASCII keys. Returns max + 1 as soon
// as the distance is known to exceed max (so it costs O(len * max) at most).
int BoundedEditDistance(std::string_view a, std::string_view b, int max);

}  // namespace reunite
