// `reunite match run`: links what is in the database and fills the review queue
// (store/review_queue.h) with candidate duplicates and candidate child-parent links.
// This layer joins the matcher (match/) and the store (store/match_store.h): it reads
// everyone, runs the engine, and hands the store what to write.
//
// Full run (options.full, or no stored model for a role): the adults and the children
// are each deduplicated with the built-in identity model (CanonicalSettings), whose
// trained model is stored; every pair at or above the threshold is proposed; the
// family model is trained over everyone and stored. Incremental run: only the people
// new or changed since they were last matched (store/match_store.h) are blocked
// against everyone of their role (Linkage in link mode) and scored with the stored
// model, nothing is retrained, so the work grows with the changes, not with all pairs;
// family links are linked again only in the neighbourhood of the changed people
// (match/family_candidates.h FamilyNeighbourhood) with the stored family and identity
// models, and only links involving a changed person are proposed. Pairs already in
// family_links (any verification) are not proposed.
//
// A pending candidate involving a compared person that the run does not propose is
// withdrawn, with the reason scored now (below the threshold, linked already, or not
// kept by the family linker); how proposals meet the queue is store/match_store.h's.
// Every candidate keeps its explanation (match/explanation_json.h) and the run that
// scored it; the run keeps the health of every model it trained or loaded.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "match/model_health.h"
#include "store/database.h"
#include "store/match_store.h"

namespace reunite {

struct MatchRunOptions {
  bool full = false;       // rescore everyone and retrain every model
  double threshold = 0.5;  // lowest probability proposed for review
  int threads = 2;
  long max_u_pairs = 0;  // random pairs sampled to estimate u; 0: the engine's default (tests use fewer)
  std::function<void(const std::string&)> log;  // timing lines; may be empty
};

struct MatchRunReport : MatchRunCounts {
  std::int64_t run_id = 0;                 // the run's row in match_runs
  std::vector<match::ModelHealth> health;  // every model trained or loaded, in the order used
  double seconds = 0;
};

// Runs the matching and writes the queue, the match state, the models and the run's
// record in one transaction (nothing is written on error). Errors: StorageError from
// the database; InvalidArgument when a stored person or model does not read back.
Result<MatchRunReport> RunMatching(Database& db, const std::string& actor, const MatchRunOptions& options,
                                   Clock& clock = DefaultClock());

}  // namespace reunite
