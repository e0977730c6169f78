// The change journal as a principal may read it: the values of a person's fields
// withheld from them (policy.h) read "[withheld]" in the person's entries, and what
// the entries still show, for the audit of the read. For CaseAccess's family
// timeline and person history; internal to access/.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "model/person.h"
#include "store/case_writer.h"

namespace reunite {

inline constexpr const char* kWithheldValue = "[withheld]";

// The journal columns of the withheld groups of a person view (PersonView::withheld);
// `shown` is the location the view still shows (a facility left to the reader).
std::vector<std::string> WithheldColumns(const std::vector<std::string>& withheld, const Location& shown);

// Withholds `columns` in one of a person's entries: a changed field's before and
// after, or the field in a creation's snapshot.
void RedactPersonEntry(JournalEntry& e, const std::vector<std::string>& columns);

// The groups ("location", "phones", "protection_notes") whose values entry `e` shows,
// not withheld and not empty: a person's field or snapshot, or protection notes.
std::set<std::string> ShownGroups(const JournalEntry& e);

}  // namespace reunite
