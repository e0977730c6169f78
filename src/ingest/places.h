// Resolving the free-text location of a list ("Aldea Chuicacá, Momostenango,
// Totonicapán" or "Port Isabel Detention Center") into structured parts, using the
// department and municipality tables compiled into the binary (data/places).
#pragma once
#include <string>
#include <string_view>

#include "model/person.h"

namespace reunite {

// Fills a Location from the text of a list's location cell. `country` (ISO alpha-2,
// may be empty) narrows the search for departments. In custody (in care, detained),
// or when the text names a known US facility or uses a word only facilities use
// ("Detention", "Processing Center", "Shelter", "Station"), it names a facility. Otherwise the comma-separated parts are read from the
// end: a part naming a department of the country sets department (ISO 3166-2 code),
// a known municipality of it sets municipality, a part starting with a village word
// (aldea, caserío, cantón, colonia, barrio, paraje, finca, comunidad) sets village.
// Unrecognised text stays in `text` only. Never fails.
Location ResolveLocation(std::string_view text, std::string_view country, CustodyStatus custody);

// ISO 3166-2 code of a department named in text (accents and case ignored), or "".
std::string FindDepartment(std::string_view name, std::string_view country);

// The name of the department with ISO 3166-2 code `code` ("GT-AV" -> "Alta
// Verapaz"), as the department table writes it; "" for a code it does not hold.
std::string DepartmentName(std::string_view code);

}  // namespace reunite
