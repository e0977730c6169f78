#include "model/family.h"

namespace reunite {

std::string ToString(Relationship r) {
  switch (r) {
    case Relationship::kFather: return "father";
    case Relationship::kMother: return "mother";
    case Relationship::kLegalGuardian: return "legal_guardian";
    default: return "other_relative";
  }
}
std::string ToString(Verification v) {
  switch (v) {
    case Verification::kDocumented: return "documented";
    case Verification::kConfirmed: return "confirmed";
    case Verification::kRejected: return "rejected";
    default: return "claimed";
  }
}
std::optional<Relationship> RelationshipFromString(const std::string& s) {
  for (auto r : {Relationship::kFather, Relationship::kMother, Relationship::kLegalGuardian,
                 Relationship::kOtherRelative})
    if (ToString(r) == s) return r;
  return std::nullopt;
}
std::optional<Verification> VerificationFromString(const std::string& s) {
  for (auto v : {Verification::kClaimed, Verification::kDocumented, Verification::kConfirmed,
                 Verification::kRejected})
    if (ToString(v) == s) return v;
  return std::nullopt;
}

}  // namespace reunite
