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

// One number of a phones cell, as ReadPhoneCell read it.
struct PhoneItem {
  std::string written;      // as written, trimmed ("(915) 555-0134 ext. 12")
  std::string e164;         // "+19155550134"; "" when not recognised
  std::string why;          // why it was not recognised, when it was not
  std::string placeholder;  // why it is a placeholder (PlaceholderReason), "" when it is not
  std::string extension;    // the extension's digits ("12"), "" for none
};

struct PhoneCell {
  std::vector<PhoneItem> items;  // in the order written
  // The numbers that are not placeholders: E.164 where recognised, else as written.
  std::vector<std::string> Phones() const;
};

// Reads a phones cell. Numbers are separated by ';', '/', ',', '|', '&', tabs, line
// breaks or the words " y ", " o ", " or ", " and " (a '/' between letters, as in
// "N/A" or "S/N", does not separate), or follow one another with spaces only when
// their digits can be grouped into whole numbers one way only ("5555-1234
// 5555-4321"). Each is normalised to E.164: +502/+503/+504 followed by 8 digits, +1
// followed by 10. Accepted: "+502 5555-1234", "00502 5555 1234", "011 502 ...",
// "502 55551234", "(502) 5555-1234", dots, dashes and spaces anywhere; US numbers as
// "(915) 555-0134", "915.555.0134", "1-915-555-0134", "+1 915 555 0134", "001 915 ...",
// "011 1 915 ...". A bare 8-digit number takes the country of an earlier
// +502/+503/+504 number in the same cell ("+502 5555-1234 / 5555-4321"), else the
// prefix of `country_hint` (ISO alpha-2 "GT", "HN", "SV", or a name NormalizeCountry
// knows); a bare 10-digit number is taken as US. An extension ("x12", "x 12",
// "ext. 12", "ext12", "extension 12", "#12") is cut off into `extension`: the E.164
// number is the line's. Placeholders (PlaceholderReason, CellKind::kPhone: "N/A",
// "000-000-0000", "(915) 555-0134", "5555-5555", ...) are marked, not dropped.
PhoneCell ReadPhoneCell(std::string_view cell, std::string_view country_hint);

// The numbers of a phones cell (ReadPhoneCell), placeholders included: E.164 where
// recognised; a number that cannot be recognised is kept as written (trimmed) and a
// description ("\"<as written>\": why") is appended to *unrecognised (may be null), so
// no data is lost. Extensions are dropped (the verbatim row keeps them).
std::vector<std::string> NormalizePhones(std::string_view cell, std::string_view country_hint,
                                         std::vector<std::string>* unrecognised);

// Country as written to ISO 3166-1 alpha-2, from data/places/countries.csv: any
// country's English or Spanish name, short or official ("Guatemala", "República de
// Guatemala", "Estados Unidos", "Viet Nam"); and for the countries the lists hold
// (Guatemala, Honduras, El Salvador, Mexico, the US, Brazil, Romania, Nicaragua,
// Ecuador, Colombia, Venezuela, Cuba, Haiti, India, China and others) also the ISO
// alpha-2 and alpha-3 codes ("GT", "GTM"), the capital ("Tegucigalpa", "Ciudad de
// Guatemala"), demonyms ("guatemalteca", "hondureño", "Salvadoran") and abbreviations
// ("Guate", "EE.UU.", "El Sal"); a trailing "C.A." (Central America) is ignored.
// Accents, case and punctuation do not matter. A name, capital or demonym of 6 letters
// or more may be misspelt by one letter, of 9 or more by two ("Guatamala", "Hondruas",
// "El Salavdor"), when exactly one country is that close; every real country's name is
// known exactly, so a real name is never taken for a neighbour's (Niger, Nigeria), and
// a given name, surname or home place the tables know is never taken for a misspelt
// country (IsKnownOtherWord: "Olivia" is not Bolivia, "Masagua" not Managua).
// "ES" alone is refused (El Salvador or Spain?); "E.S." is El Salvador. "" for empty
// text; NotFound when unrecognised or ambiguous.
Result<std::string> NormalizeCountry(std::string_view text);

}  // namespace reunite
