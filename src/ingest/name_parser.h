// Parsing of Hispanic and Maya names into given names and paternal and maternal
// surnames, keeping particles (de, del, de la, de los, y) with the surname they
// belong to.
#pragma once
#include <string>
#include <string_view>

#include "model/person.h"

namespace reunite {

// Parses a full name written either "SURNAMES, GIVEN NAMES" (a comma means the
// surnames come first: "VALIENTE VELAZQUEZ, JUAN") or "Given Names Surnames"
// ("Juan Valiente Velazquez"). Without a comma, surnames come first when the
// embedded name tables leave no doubt: the first word is only ever a surname and the
// last only ever a given name ("MENDEZ MATEO MARIO"; one surname when the middle of
// three is only a given name). Otherwise, without a comma: 2 words are given + paternal;
// 3 words are given + paternal + maternal; 4+ words are given names + the last two
// surnames, where particles join the word after them ("María de la Cruz López" ->
// given "María", paternal "de la Cruz", maternal "López"). A trailing "de X"
// after two surnames (or "viuda de X") is a married surname. Case is normalised to
// title case when the input is all upper or all lower case ("VALIENTE" ->
// "Valiente", keeping particles lower case); mixed case is kept. Accents are kept.
// as_recorded is set to the text as given.
// Details: case is judged word by word ("Juan VALIENTE" -> "Juan Valiente",
// "DeLeon" kept). Units, not words, are counted: a particle (de, del, la, las, los, y,
// da, das, do, dos, van, von, der, den, and San/Santa, which keep their capital)
// binds to the next word. With 3 units, a known given-name complement in second place
// ("del Carmen", "de Jesús", "de los Ángeles") makes two given names. A trailing
// "de X" is married when at least a given name and a surname precede it, except for
// common "de" surnames (de León, de Paz, de Jesús, ...); "Rosa María López de García"
// reads two given names when the middle word is a common given name. In the
// "SURNAMES, GIVEN" form, the surnames part follows ParseNameParts' rules (hyphen
// split, "de X" after one surname is married). Runs of white space (and U+00A0)
// count as one space.
PersonName ParseFullName(std::string_view text);

// Parses separate given-names and surnames cells. The surnames cell is split into
// paternal and maternal surnames with the same particle rules; a hyphen between two
// surnames ("Lopez-Garcia") also separates them. as_recorded is "given surnames"
// as written (each cell trimmed). With three or more surname units the first is
// paternal and the rest maternal.
PersonName ParseNameParts(std::string_view given_names, std::string_view surnames);

// Title-cases a word or phrase, keeping particles lower case ("DE LA CRUZ" -> "de la
// Cruz", "mc" untouched) and handling apostrophes in Maya names ("K'ICHE'" ->
// "K'iche'"). UTF-8 aware (ICU).
std::string TitleCaseName(std::string_view text);

}  // namespace reunite
