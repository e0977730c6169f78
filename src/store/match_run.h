// `reunite match run`: links what is in the database and fills the review queue
// (store/review_queue.h) with candidate duplicates and candidate child-parent links.
//
// A person's version is the id of the last journal entry about them (every change
// goes through CaseWriter, which journals it). person_match_state records the version
// each person was last matched at; people whose version differs are "new or changed".
//
// Full run (options.full, or no stored model for a role): the adults and the
// children are each deduplicated with the built-in identity model
// (CanonicalSettings), whose trained model is stored in match_models; every pair at
// or above the threshold is proposed. Incremental run: only the new or changed people
// are blocked against everyone of their role (Linkage in link mode) and scored with
// the stored model, so the work grows with the number of changed records, not with
// all pairs. Family links (match/family_linker.h): a full run trains the family model
// over everyone and stores it; an incremental run links only the neighbourhood of the
// changed people (match/family_candidates.h FamilyNeighbourhood: their candidates and
// the children apprehended with them) with the stored family and identity models, and
// proposes only links involving a changed person. Pairs already in family_links (any
// verification) are not proposed.
//
// Proposals meet the queue as follows: a new pair is added as pending; a pending one
// gets its score, explanation and versions refreshed; an accepted one is left alone;
// a rejected one stays rejected unless either record's version differs from the one
// it was scored on, in which case it is rescored and reopened (pending, journaled); a
// withdrawn one is pending again. A pending pair involving a compared person that the
// run does not propose is withdrawn (journaled): its score is stale.
#pragma once
#include <functional>
#include <string>

#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"

namespace reunite {

struct MatchRunOptions {
  bool full = false;       // rescore everyone and retrain the identity models
  double threshold = 0.5;  // lowest probability proposed for review
  int threads = 2;
  long max_u_pairs = 0;  // random pairs sampled to estimate u; 0: the engine's default (tests use fewer)
  std::function<void(const std::string&)> log;  // timing lines; may be empty
};

struct MatchRunReport {
  bool full = false;            // a full run for at least one role
  long people = 0;              // people in the database
  long compared_people = 0;     // people matched this run (new or changed; everyone on a full run)
  long duplicate_pairs = 0;     // record pairs scored by the identity model
  long family_pairs = 0;        // child-adult links found that involve a compared person
  long family_scope_people = 0;   // incremental: children and adults family-linked again (0 on a full run)
  long candidates_new = 0;      // pairs added to the queue
  long candidates_refreshed = 0;  // pending pairs rescored
  long candidates_reopened = 0;   // rejected pairs reopened because a record changed
  long candidates_kept = 0;       // decided pairs left as they were
  long candidates_withdrawn = 0;  // pending pairs no longer proposed
  double seconds = 0;
};

// Runs the matching and writes the queue, the match state and the models in one
// transaction (nothing is written on error). Errors: StorageError from the database;
// InvalidArgument when a stored person or model does not read back.
Result<MatchRunReport> RunMatching(Database& db, const std::string& actor, const MatchRunOptions& options,
                                   Clock& clock = DefaultClock());

}  // namespace reunite
