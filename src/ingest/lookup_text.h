// What someone types into a search box besides a name: an A-number, a phone number,
// a list's record id or a person's id, each in the forms people type them. A search
// reads the box with ReadLookupText and looks each identifier up exactly before (or
// instead of) searching names, so "A094763778", "094-763-778", "A# 094 763 778",
// "+502 5555-1234" and "UAC3049356" all find their person.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reunite {

struct LookupText {
  std::string a_number;             // 9 digits (NormalizeANumber), "" when the text is no A-number
  std::vector<std::string> phones;  // E.164 numbers the text may be ("55551234": +502, +503, +504)
  std::string record_id;            // the text as a list's record id (one word with a digit), ""
  std::optional<long long> person_id;  // digits only, at most 18
  // Whether the text is an identifier and nothing else: no name search is due.
  bool identifier_only = false;

  bool empty() const { return a_number.empty() && phones.empty() && record_id.empty() && !person_id; }
};

// Reads a search box. Text without a digit is a name: an empty result. Text with a
// digit is read every way it can be (a 9-digit number is both an A-number and a
// person id); `identifier_only` is set when it holds no word of two letters or more
// other than a record id's.
LookupText ReadLookupText(std::string_view text);

}  // namespace reunite
