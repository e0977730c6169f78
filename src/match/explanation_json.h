// The stored form of an Explanation (explain.h): the one encoder and decoder of the
// explanation a review candidate keeps (store/review_queue.h), so that the review
// page, the API, `reunite review show` and the access layer read one typed value
// instead of parsing JSON by hand.
//
// The document carries every term that made the weight:
//   {"version": 2, "left_id", "right_id", "lambda", "prior_weight",
//    "steps": [{"comparison", "left", "right", "level_index", "level", "m", "u",
//               "tf_adjusted", "term_frequency", "weight"}],
//    "sibling_support": {"sibling_id", "sibling_weight", "weight"},  (family links with support)
//    "role_reason",                                                   (family links)
//    "total_weight", "probability"}
// Version 1, written before this unit, had only prior_weight, total_weight,
// probability, role_reason and per step comparison, left, right, level (the label)
// and weight; it decodes with the missing terms at zero.
#pragma once
#include <string>
#include <string_view>

#include "common/status.h"
#include "match/explain.h"

namespace reunite::match {

// The document above (compact JSON). Numbers round-trip exactly.
std::string ExplanationToJson(const Explanation& explanation);

// Reads a document of either version. Absent fields keep their defaults; version 1
// stored no level index, so a step's level is kNull when its label is "null" and 0
// otherwise (go by level_label there). InvalidArgument for text
// that is not a JSON object, a field of the wrong type, a step that is not an
// object, or a version newer than 2. Never throws.
Result<Explanation> ExplanationFromJson(std::string_view json);

}  // namespace reunite::match
