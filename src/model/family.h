// A family is one child and the adults linked to that child. Each link says how
// the adult is related and how sure we are, because a wrong link sends a child
// to the wrong adult.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/person.h"

namespace reunite {

enum class Relationship { kFather, kMother, kLegalGuardian, kOtherRelative };

// How a link was established, weakest to strongest; kRejected records a link that
// was examined and found false, so it is never proposed again.
enum class Verification { kClaimed, kDocumented, kConfirmed, kRejected };

using FamilyLinkId = std::int64_t;

struct FamilyLink {
  FamilyLinkId id = 0;
  PersonId child_id = 0;
  PersonId adult_id = 0;
  Relationship relationship = Relationship::kOtherRelative;
  Verification verification = Verification::kClaimed;
  friend bool operator==(const FamilyLink&, const FamilyLink&) = default;
};

struct Family {
  PersonId child_id = 0;
  std::vector<FamilyLink> links;  // every adult linked to the child, rejected ones included
};

std::string ToString(Relationship r);  // "father", "mother", "legal_guardian", "other_relative"
std::string ToString(Verification v);  // "claimed", "documented", "confirmed", "rejected"
std::optional<Relationship> RelationshipFromString(const std::string& s);
std::optional<Verification> VerificationFromString(const std::string& s);

}  // namespace reunite
