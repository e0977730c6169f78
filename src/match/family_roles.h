// Which role a linked adult has for a child (father, mother, legal guardian, other
// relative): the evidence each role gets, weighed as a reviewer would.
#pragma once
#include <string>

#include "match/family_features.h"

namespace reunite::match {

// kLegalGuardian: an adult who calls the child "menor" and shares no surname;
// kUnknown: linked, but the evidence does not say in what role.
enum class FamilyRole { kFather, kMother, kLegalGuardian, kOtherRelative, kUnknown };
std::string ToString(FamilyRole role);  // "father", "mother", "legal_guardian", "other_relative", "unknown"

struct RoleScores {
  double father = 0, mother = 0, guardian = 0, other = 0;
};

// Evidence for each role: the relation words that matched by name, then the adult's
// sex, the surname line (SurnameLine, not the comparison) and the age gap.
RoleScores ScoreRoles(const FamilyRecord& child, const FamilyRecord& adult, int surname_line);
// The role with the highest positive score; kUnknown when none is positive.
FamilyRole BestRole(const RoleScores& s);

}  // namespace reunite::match
