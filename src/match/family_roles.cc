#include "match/family_roles.h"

#include <cmath>
#include <utility>

namespace reunite::match {
namespace {

bool SaidWordOnly(const FamilyRecord& child, RelativeKind kind) {
  for (const auto& m : child.mentions)
    if (m.kind == kind && m.names.empty()) return true;
  return false;
}

}  // namespace

RoleScores ScoreRoles(const FamilyRecord& child, const FamilyRecord& adult, int surname_line) {
  RoleScores s;
  bool no_surname = surname_line == kNoneShared;
  switch (MatchedAdultMention(child, adult)) {
    case RelativeKind::kChild:
      if (adult.sex == Sex::kMale) s.father += 3;
      else if (adult.sex == Sex::kFemale) s.mother += 3;
      else s.father += 1.5, s.mother += 1.5;
      break;
    case RelativeKind::kWard: (no_surname ? s.guardian : s.other) += 3; break;
    case RelativeKind::kOtherRelative: s.other += 3; break;
    default: break;
  }
  switch (MatchedChildMention(child, adult)) {
    case RelativeKind::kFather: s.father += 3; break;
    case RelativeKind::kMother: s.mother += 3; break;
    // Children call a carer "tía" or "tío" too.
    case RelativeKind::kOtherRelative: (no_surname ? s.guardian : s.other) += 2, s.other += 1; break;
    case RelativeKind::kWard: s.guardian += 3; break;
    default: break;
  }
  if (adult.sex == Sex::kMale && SaidWordOnly(child, RelativeKind::kFather)) s.father += 0.5;
  if (adult.sex == Sex::kFemale && SaidWordOnly(child, RelativeKind::kMother)) s.mother += 0.5;
  if (adult.sex == Sex::kMale) s.mother -= 10;
  if (adult.sex == Sex::kFemale) s.father -= 10;
  if (surname_line == kPaternalExact || surname_line == kPaternalExactWoman || surname_line == kPaternalFuzzy) {
    s.father += 1;
  }
  if (surname_line == kMaternalExact || surname_line == kMaternalExactMan || surname_line == kMaternalFuzzy ||
      surname_line == kMarried) {
    s.mother += 1;
  }
  if (no_surname) s.father -= 1, s.mother -= 1;
  double gap = AgeGap(child, adult);
  if (!std::isnan(gap) && (gap < 14 || gap > 55)) s.father -= 3, s.mother -= 3, s.other += 1;
  return s;
}

FamilyRole BestRole(const RoleScores& s) {
  std::pair<double, FamilyRole> best = {0, FamilyRole::kUnknown};
  for (auto [score, role] : {std::pair{s.father, FamilyRole::kFather}, std::pair{s.mother, FamilyRole::kMother},
                             std::pair{s.other, FamilyRole::kOtherRelative},
                             std::pair{s.guardian, FamilyRole::kLegalGuardian}}) {
    if (score > best.first) best = {score, role};
  }
  return best.second;
}

std::string ToString(FamilyRole role) {
  switch (role) {
    case FamilyRole::kFather: return "father";
    case FamilyRole::kMother: return "mother";
    case FamilyRole::kLegalGuardian: return "legal_guardian";
    case FamilyRole::kOtherRelative: return "other_relative";
    case FamilyRole::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace reunite::match
