// String similarity measures for record linkage. Inputs are expected folded
// (ingest/fold.h: lower case, no accents), so they are compared byte by byte;
// multi-byte characters left after folding count as several bytes, which only
// lowers similarity slightly and never raises it.
#pragma once
#include <string_view>

namespace reunite::match {

// Jaro-Winkler similarity in [0, 1] with the standard prefix scale 0.1 and a
// prefix of at most 4. Both empty: 1. One empty: 0. Allocation-free for strings
// up to 64 bytes.
double JaroWinkler(std::string_view a, std::string_view b);
// At least JaroWinkler(a, b), at a fraction of its cost: Jaro with as many matches as
// the bytes the two have in common (window or not) and no transpositions, and the
// same common prefix. A pair whose bound is below a level's threshold fails it
// without the full computation (most pairs of a block have different places).
double JaroWinklerBound(std::string_view a, std::string_view b);

// Jaro similarity in [0, 1] (no prefix bonus).
double Jaro(std::string_view a, std::string_view b);

// Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
// substitutions and transpositions of adjacent characters). When the distance is
// greater than max_distance, returns max_distance + 1 early (cheap for the common
// "is it within 1 or 2?" question). Allocation-free for strings up to 64 bytes.
int DamerauLevenshtein(std::string_view a, std::string_view b, int max_distance = 1 << 20);

}  // namespace reunite::match
