#include "match/explanation_json.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace reunite::match {
namespace {

using nlohmann::json;

constexpr int kVersion = 2;

json StepDoc(const ExplanationStep& s) {
  return {{"comparison", s.comparison},
          {"left", s.left_value},
          {"right", s.right_value},
          {"level_index", s.level},
          {"level", s.level_label},
          {"m", s.m},
          {"u", s.u},
          {"tf_adjusted", s.tf_adjusted},
          {"term_frequency", s.term_frequency},
          {"weight", s.weight}};
}

// Reads doc[key] into *out when present; a wrong type throws. JSON
// has no infinities (nlohmann writes them as null), so a null number reads as NaN.
template <typename T>
void Read(const json& doc, const char* key, T* out) {
  auto it = doc.find(key);
  if (it == doc.end()) return;
  if constexpr (std::is_same_v<T, double>) {
    if (it->is_null()) return void(*out = std::numeric_limits<double>::quiet_NaN());
    if (!it->is_number()) throw std::invalid_argument(std::string(key) + " is not a number");
  }
  *out = it->template get<T>();
}

ExplanationStep StepFrom(const json& doc) {
  if (!doc.is_object()) throw std::invalid_argument("a step is not an object");
  ExplanationStep s;
  Read(doc, "comparison", &s.comparison);
  Read(doc, "left", &s.left_value);
  Read(doc, "right", &s.right_value);
  Read(doc, "level", &s.level_label);
  s.level = s.level_label == "null" ? kNull : 0;
  Read(doc, "level_index", &s.level);
  Read(doc, "m", &s.m);
  Read(doc, "u", &s.u);
  Read(doc, "tf_adjusted", &s.tf_adjusted);
  Read(doc, "term_frequency", &s.term_frequency);
  Read(doc, "weight", &s.weight);
  return s;
}

Explanation FromDoc(const json& doc) {
  if (!doc.is_object()) throw std::invalid_argument("not an object");
  int version = 1;
  Read(doc, "version", &version);
  if (version > kVersion)
    throw std::invalid_argument("version " + std::to_string(version) + " is newer than this program reads");
  Explanation e;
  Read(doc, "left_id", &e.left_id);
  Read(doc, "right_id", &e.right_id);
  Read(doc, "lambda", &e.lambda);
  Read(doc, "prior_weight", &e.prior_weight);
  if (auto steps = doc.find("steps"); steps != doc.end()) {
    if (!steps->is_array()) throw std::invalid_argument("steps is not an array");
    for (const json& s : *steps) e.steps.push_back(StepFrom(s));
  }
  if (auto support = doc.find("sibling_support"); support != doc.end()) {
    if (!support->is_object()) throw std::invalid_argument("sibling_support is not an object");
    Read(*support, "sibling_id", &e.sibling_support.sibling_id);
    Read(*support, "sibling_weight", &e.sibling_support.sibling_weight);
    Read(*support, "weight", &e.sibling_support.weight);
  }
  Read(doc, "role_reason", &e.role_reason);
  Read(doc, "total_weight", &e.total_weight);
  Read(doc, "probability", &e.probability);
  return e;
}

}  // namespace

std::string ExplanationToJson(const Explanation& e) {
  json doc = {{"version", kVersion},        {"left_id", e.left_id},
              {"right_id", e.right_id},     {"lambda", e.lambda},
              {"prior_weight", e.prior_weight}, {"steps", json::array()}};
  for (const auto& s : e.steps) doc["steps"].push_back(StepDoc(s));
  if (e.sibling_support.weight != 0 || !e.sibling_support.sibling_id.empty()) {
    doc["sibling_support"] = {{"sibling_id", e.sibling_support.sibling_id},
                              {"sibling_weight", e.sibling_support.sibling_weight},
                              {"weight", e.sibling_support.weight}};
  }
  if (!e.role_reason.empty()) doc["role_reason"] = e.role_reason;
  doc["total_weight"] = e.total_weight;
  doc["probability"] = e.probability;
  return doc.dump();
}

Result<Explanation> ExplanationFromJson(std::string_view text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::InvalidArgument("explanation: not JSON");
  try {
    return FromDoc(doc);
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("explanation: ") + e.what());
  }
}

}  // namespace reunite::match
