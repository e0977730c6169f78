// The health of a fitted Fellegi-Sunter model: whether its estimation converged and
// whether its weights keep the rules a sound model keeps (a closer level never weighs
// less than a looser one; "different" never counts for a match). A model with
// problems is not used to write links: the caller falls back to safe priors, or
// refuses unless forced. The health is stored with each match run and shown with the
// candidates it produced, so a reviewer knows what the scores rest on.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace reunite::match {

struct ModelHealth {
  std::string model;             // which model: "identity_adult", "family", a settings file's name
  bool converged = true;         // every EM session converged
  int iterations = 0;            // EM iterations over all sessions
  std::vector<std::string> problems;  // each makes the fitted model unfit to write links
  std::vector<std::string> notes;     // what was adjusted or is worth knowing (levels pooled, ...)
  bool fallback = false;  // the fitted model had problems and safe priors were used instead
  bool forced = false;    // the fitted model had problems and was used anyway (--force)

  bool ok() const { return problems.empty(); }
};

// {"model","converged","iterations","problems","notes","fallback","forced"}.
std::string HealthToJson(const ModelHealth& health);
std::string HealthsToJson(const std::vector<ModelHealth>& healths);  // a JSON array
// InvalidArgument for text that is not such a document (or array). Never throws.
Result<ModelHealth> HealthFromJson(std::string_view json);
Result<std::vector<ModelHealth>> HealthsFromJson(std::string_view json);

// "identity_adult: healthy (EM converged in 12 iterations)" or
// "family: UNHEALTHY, safe priors used: <problem>; <problem>", then a line per note.
std::string DescribeHealth(const ModelHealth& health);

}  // namespace reunite::match
