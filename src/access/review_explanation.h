// What a reviewer may see of a candidate's explanation (match/explain.h). The
// stored explanation copies the two records' values at the time they were scored,
// phones and home places among them, so the access layer withholds those values
// as it withholds the same fields of the people themselves (policy.h): a withheld
// step keeps its comparison, level, m, u and weight, so the waterfall still adds
// up and explains, and its values read "[withheld]": both of them, since the
// level says whether the two agree and so would tell a withheld value from the
// other side's. Internal to access/.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "access/policy.h"
#include "match/explain.h"
#include "model/person.h"

namespace reunite {

// The field group whose values a step compares: "location" (the identity model's
// location, the family model's home place), "phones" (phones, phone), or "" for
// the rest (names, dates, A-numbers, nationality, apprehension, relatives named).
std::string ExplanationStepGroup(const std::string& comparison);

inline constexpr const char* kWithheldValue = "[withheld]";

// Replaces the values of steps that compare a withheld group of either side
// (`left`, `right`: what the reader may not see of that side's record). Returns the groups withheld from any
// step that had a value, sorted ("location", "phones").
std::vector<std::string> WithholdExplanation(match::Explanation& e, const Withholding& left,
                                             const Withholding& right);

// The groups whose values still show on one side (not empty, not withheld).
std::set<std::string> ShownExplanationGroups(const match::Explanation& e, bool left);

// The record id of an explanation side ("42"), or 0 when it is not a number.
PersonId ExplanationRecord(const std::string& record_id);

}  // namespace reunite
