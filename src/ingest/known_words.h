// Words the embedded tables know as something other than a country or a Border Patrol
// place: given names, surnames, and the departments and municipalities of Guatemala,
// Honduras and El Salvador. The misspelling rules of NormalizeCountry and
// ResolveBorderPlace never take such a word for a misspelt name ("Olivia" is not
// "Bolivia", "Masagua" not "Managua", "Yolanda" not "Holanda").
#pragma once
#include <string_view>

namespace reunite {

// `key`: folded (FoldForSearch), letters and digits only, words run together
// ("sanmartin", "olivia").
bool IsKnownOtherWord(std::string_view key);

// Whether the embedded name tables know a word, as written ("MATEO", "Hernández"), as a
// given name, a surname, both ("Mateo", "Lucas") or neither.
enum class NameWordKind { kUnknown, kGiven, kSurname, kBoth };
NameWordKind KindOfNameWord(std::string_view word);

}  // namespace reunite
