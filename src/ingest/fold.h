// Folding for comparison and search: one definition, used by header matching,
// country names, the store's search key and (later) name matching.
#pragma once
#include <string>
#include <string_view>

namespace reunite {

// Lower-cases UTF-8 text and removes accents and other diacritics ("Peñate Ñuñez,
// JOSÉ" -> "penate nunez, jose"; "Ü" -> "u"); combining marks are dropped, so
// decomposed input folds the same as composed. Other characters, punctuation and
// spacing are kept. Invalid UTF-8 bytes are dropped. Thread-safe and allocation-light.
std::string FoldForSearch(std::string_view text);

}  // namespace reunite
