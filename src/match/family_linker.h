// Family linking: which adult on an adults' list is which child's father, mother or
// other relative. Identity linkage asks "same person?"; this asks "same family, and
// in what role?", from the child's surnames against the adult's (the paternal surname
// is the father's first, the maternal the mother's first), the names each reported of
// the other, the same apprehension, country and home place, and the age gap.
//
// Pipeline (deterministic for the same input and options, whatever `threads`):
//   1. the adults are deduplicated with the identity model (CanonicalSettings, or
//      the given settings), so every record of one adult gets the same links;
//   2. candidate child-adult pairs by blocking (family_candidates.h): the same
//      apprehension (station or sector, days apart); a surname line in the same
//      weeks; a parent's name as the child reported it with the child's surname
//      against the adult's given name and first surname; the child's given name and
//      surname against a child the adult reported; A-numbers close together; a
//      phone number in common (not one many records share);
//   3. a Fellegi-Sunter model over the family comparisons (family_features.h): u
//      from random child-adult pairs, m by EM in one session per blocking rule and
//      lambda over all child-adult pairs (estimate.h, family_training.cc); no labels
//      are used; surnames and names get term-frequency adjustments
//      (family_frequencies.h); a fit that fails its health check gives way to
//      built-in priors;
//   4. each adult (cluster) gets the probability of its best record; the role comes
//      from the relation words that matched, the adult's sex, which surname line
//      matched and the age gap;
//   5. siblings (children of one apprehension whose surnames fit one pair of
//      parents, LikelySiblings) share parents: an adult linked to one with
//      probability >= 0.99 is evidence (+8 bits, up to the sibling's weight) for
//      another whose own probability is at least 0.05;
//   6. assignment: a child has at most one father and one mother (the most probable;
//      a runner-up above the threshold stays linked as other_relative when a name
//      ties it to the child, and is dropped otherwise), any number of other
//      relatives; an adult may be the parent of several children (siblings). An
//      adult who would be parent to children of several apprehensions keeps the one
//      with the strongest link (weaker links below 0.99 to others are dropped: more
//      likely a namesake of a parent who was not apprehended). Every record of a
//      linked adult's cluster is linked;
//   7. lone children: a child still without a link gets its most probable
//      candidate when that reaches lone_child_threshold and is at least 4 times as
//      likely as the next (every child on a separated children's list came with
//      someone);
//   8. a family stays a handful of people: at most 3 relatives besides the
//      parents per child, at most 10 children per adult, the strongest kept.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "ingest/agency_list.h"
#include "match/blocking.h"
#include "match/estimate.h"
#include "match/explain.h"
#include "match/family_features.h"
#include "match/family_frequencies.h"
#include "match/family_roles.h"
#include "match/model.h"
#include "match/model_health.h"
#include "match/settings.h"

namespace reunite::match {

struct FamilyLinkOptions {
  double threshold = 0.8;  // probability at which a child and an adult are linked
  // A child with no adult at the threshold gets its most probable candidate when that
  // is at least this probable and clearly ahead of the next; 0 turns this off.
  double lone_child_threshold = 0.3;
  int threads = 2;
  bool dedupe_adults = true;
  // Identity model for the adult dedupe; null: CanonicalSettings(kDedupe). Not owned.
  const LinkSettings* adult_settings = nullptr;
  EmSettings em;  // max_u_pairs, iterations, convergence and seed of the family model
  // Incremental linking of a part of the lists (linkage/match_run.h): when set, nothing
  // is estimated; the family model, the adult dedupe's identity model (comparisons of
  // CanonicalSettings or adult_settings) and the name frequencies counted over
  // everyone are used as given. Not owned.
  const FellegiSunterModel* model = nullptr;
  const FellegiSunterModel* adult_model = nullptr;
  const FamilyFrequencies* frequencies = nullptr;
  std::function<void(const std::string&)> log;  // timings (--verbose); may be empty
};

struct FamilyLinkResult {
  std::uint32_t child = 0, adult = 0;  // rows of the children's and adults' lists
  FamilyRole role = FamilyRole::kUnknown;
  double weight = 0, probability = 0;
};

// Runs the pipeline. The row vectors must outlive the result. Errors: InvalidArgument
// from the adult dedupe settings (a column the canonical files lack).
class FamilyLinkage {
 public:
  static Result<std::unique_ptr<FamilyLinkage>> Run(const std::vector<ListRow>& children,
                                                   const std::vector<ListRow>& adults,
                                                   const FamilyLinkOptions& options);

  // Linked pairs, by child row then adult row; one per record of each linked adult.
  const std::vector<FamilyLinkResult>& links() const { return links_; }
  const FellegiSunterModel& model() const { return model_; }
  // Whether the family model is sound (model_health.h), and how it was estimated.
  const ModelHealth& health() const { return health_; }
  const Estimation& estimation() const { return estimation_; }
  // Cluster representative (smallest row) of each adult row.
  const std::vector<std::uint32_t>& adult_clusters() const { return adult_cluster_; }
  long candidate_pairs() const { return candidate_pairs_; }

  // Each child's most probable candidate adults (clusters, by their best record),
  // best first, at most kSuggestions, whether linked or not: what a reviewer would be
  // shown first. Weights include sibling support.
  static constexpr size_t kSuggestions = 3;
  const std::vector<std::vector<FamilyLinkResult>>& suggestions() const { return suggestions_; }

  // Weight and probability of any child-adult record pair, scored now.
  FamilyLinkResult Score(std::uint32_t child, std::uint32_t adult) const;
  // The waterfall of one pair (explain.h), the role it would get and why.
  Explanation Explain(std::uint32_t child, std::uint32_t adult) const;
  std::string RoleReason(std::uint32_t child, std::uint32_t adult) const;

 private:
  FamilyLinkage(const std::vector<ListRow>& children, const std::vector<ListRow>& adults)
      : children_(children), adults_(adults) {}
  Status DedupeAdults(const FamilyLinkOptions& options);
  Status Train(const CandidatePairs& candidates, const std::vector<std::uint64_t>& gammas,
               const FamilyLinkOptions& options);
  void Assign(const std::vector<std::uint64_t>& pairs, const std::vector<std::uint64_t>& gammas,
              const FamilyLinkOptions& options);
  FamilyRole Role(std::uint32_t child, std::uint32_t adult) const;
  double Weight(std::uint32_t child, std::uint32_t adult, std::uint64_t gamma) const;
  struct Candidate;  // an adult (cluster) considered for a child
  void AssignRoles(std::uint32_t child, std::map<std::uint32_t, Candidate>* chosen) const;
  std::vector<std::map<std::uint32_t, double>> SiblingSupport(
      const std::vector<std::map<std::uint32_t, Candidate>>& by_child, double threshold) const;
  void LinkLoneChildren(const std::vector<std::map<std::uint32_t, Candidate>>& by_child,
                        const FamilyLinkOptions& options, std::vector<std::map<std::uint32_t, Candidate>>* chosen) const;
  void DropCompetingFamilies(std::vector<std::map<std::uint32_t, Candidate>>* chosen) const;
  void KeepAHandful(std::vector<std::map<std::uint32_t, Candidate>>* chosen) const;

  const std::vector<ListRow>& children_;
  const std::vector<ListRow>& adults_;
  std::vector<FamilyRecord> child_records_, adult_records_;
  std::vector<std::uint32_t> adult_cluster_;
  FamilyFrequencies frequencies_;
  FellegiSunterModel model_;
  Estimation estimation_;
  ModelHealth health_;
  long candidate_pairs_ = 0;
  std::vector<FamilyLinkResult> links_;
  std::vector<std::vector<FamilyLinkResult>> suggestions_;
};

}  // namespace reunite::match
