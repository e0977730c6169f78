// A trained Fellegi-Sunter model as JSON text, so a store can keep the model of its
// last full run and score new records with it (incremental matching) instead of
// re-estimating over everything.
#pragma once
#include <string>
#include <string_view>

#include "common/status.h"
#include "match/model.h"

namespace reunite::match {

// {"lambda":..,"tf_minimum_u":..,"comparisons":[{"name","labels","m","u","exact_level",
// "term_frequency_adjustment"}]}; the estimation diagnostics are not kept.
std::string ModelToJson(const FellegiSunterModel& model);

// The model ModelToJson wrote. InvalidArgument (naming what is wrong) for text that is
// not such a document, or whose m and u lists do not match the labels. Never throws.
Result<FellegiSunterModel> ModelFromJson(std::string_view json);

}  // namespace reunite::match
