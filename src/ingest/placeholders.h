// Placeholders: what a list writes in a cell when it does not know the value ("N/A",
// "UNKNOWN", "desconocido", "000000000", "(915) 555-0134"). A placeholder is no value,
// so two records that both carry one must never count as agreeing on it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace reunite {

// What a cell holds, for the rules that depend on it.
enum class CellKind {
  kText,        // country, place, language, ...: placeholder words and symbols only
  kName,        // names: also FNU/LNU ("first/last name unknown"), NN, "sin nombre"
  kIdentifier,  // A-numbers and other id numbers: also numbers made of one digit
                // ("000000000", "A999999999"), runs of digits ("123456789", "12345678",
                // "987654321") and "AXXXXXXXX"
  kPhone,       // one phone number: also one digit repeated, runs of digits, US numbers
                // with the fictional 555 exchange or area code ("(915) 555-0134"), and
                // 8-digit Guatemalan, Honduran or Salvadoran numbers made of a repeated
                // pattern of 1, 2 or 4 digits ("5555-5555", "1212-1212", "1234-1234")
  kDate,        // also all-zero or all-nine dates ("00/00/0000"), the 1900-01-01 and
                // 1899-12-30/31 defaults of databases and spreadsheets, and unfilled
                // templates ("mm/dd/yyyy", "dd/mm/aaaa", "XX/XX/XXXX")
};

// Why the cell is a placeholder ("no-value word", "symbols only", "zeros only", "one
// digit repeated", "run of digits", "US 555 number", "repeated pattern", "default
// date", "date template"), or "" when it is a real value (or empty). In every kind the
// placeholder words are, in any case and with or without accents and punctuation:
// N/A, NA, N.A., NONE, NULL, NIL, NAN, UNKNOWN, UNK, TBD, TBA, PENDING, BLANK, MISSING,
// NOT KNOWN/AVAILABLE/APPLICABLE/PROVIDED/GIVEN/REPORTED, NO DATA, NO INFO, DESCONOCIDO/A,
// NO SABE, NO SE SABE, SIN DATO(S), SIN INFORMACIÓN, SIN NÚMERO, SIN TELÉFONO, NINGUNO/A,
// NO TIENE, NO HAY, NO APLICA, NO DISPONIBLE, PENDIENTE, POR DETERMINAR, IGNORADO/A,
// SE IGNORA, N/D, S/D, S/N, S/I, NS/NC and the like; "X", "XX", "XXX"...; and cells
// made of symbols only ("-", "--", "?", "??", ".", "*", "#"). A cell of zeros only is a
// placeholder in every kind.
std::string_view PlaceholderReason(std::string_view cell, CellKind kind);

inline bool IsPlaceholder(std::string_view cell, CellKind kind) { return !PlaceholderReason(cell, kind).empty(); }

// The words US government forms write for a name part they do not know: FNU, LNU,
// MNU ("first/last/middle name unknown"), NFN, NLN, NMN ("no first/last/middle name").
// Removes each from a name cell ("JUAN LNU" -> "JUAN", "PEREZ, FNU" -> "PEREZ,", "JOSE
// NMN PEREZ" -> "JOSE PEREZ"), appending the words removed to *removed (may be null);
// other text is unchanged. In a `full_name` written given names first, a leading FNU or
// NFN leaves surnames only, so they are marked as such: "FNU PEREZ" -> "PEREZ,".
std::string RemoveNamePlaceholders(std::string_view cell, bool full_name, std::vector<std::string>* removed);

}  // namespace reunite
