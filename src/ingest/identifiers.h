// A-numbers, phone numbers and countries, normalised from the many ways lists write them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace reunite {

// A-number: "A" then 8 or 9 digits, written with or without the A, with dashes,
// spaces or dots ("A 012-345-678", "a12345678", "012345678"). Returns 9 digits
// (8-digit numbers padded with a leading zero), "" for empty text. Refuses other
// digit counts, letters other than a leading A, and all-zero numbers.
Result<std::string> NormalizeANumber(std::string_view text);

// Splits a phones cell (numbers separated by ';', '/', ',', line breaks or the words
// " y ", " o ", " or ") and normalises each to E.164: +502/+503/+504 followed by 8
// digits, +1 followed by 10; a leading "00" counts as "+". A bare 8-digit number takes
// the country of an earlier +502/+503/+504 number in the same cell ("+502 5555-1234 /
// 5555-4321"), else the prefix of `country_hint` (ISO alpha-2 "GT", "HN", "SV", or a
// name NormalizeCountry knows); a bare 10-digit number is taken as US. A number that
// cannot be recognised is kept as written (trimmed) and a description ("\"<as written>\":
// why") is appended to *unrecognised (may be null), so no data is lost.
std::vector<std::string> NormalizePhones(std::string_view cell, std::string_view country_hint,
                                         std::vector<std::string>* unrecognised);

// Country as written ("Guatemala", "GUATEMALA", "guate", "GT", "GTM", "Honduras",
// "El Salvador", "Salvador", "SV", "México", "Estados Unidos", "USA", ...) to ISO
// 3166-1 alpha-2. Accents and case do not matter. "" for empty text; NotFound when
// unrecognised.
Result<std::string> NormalizeCountry(std::string_view text);

}  // namespace reunite
