// Nicknames and short forms of given names (Chepe, Pepe -> José; Lupe -> Guadalupe),
// from data/names/nicknames.csv compiled into the binary.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace reunite::match {

// The formal names a folded given name may stand for: itself first, then the formal
// names it is a nickname of ("chepe" -> {"chepe", "jose"}; "lupe" -> {"lupe",
// "guadalupe"}). Folded. Thread-safe; the table is read once.
std::vector<std::string> FormalNames(std::string_view folded_given_name);

// True when the two folded given names are the same name or one is a nickname of
// the other, or both are nicknames of the same formal name.
bool SameGivenNameOrNickname(std::string_view a, std::string_view b);

}  // namespace reunite::match
