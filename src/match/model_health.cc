#include "match/model_health.h"

#include <nlohmann/json.hpp>

namespace reunite::match {
namespace {

nlohmann::json ToDoc(const ModelHealth& h) {
  return {{"model", h.model},       {"converged", h.converged}, {"iterations", h.iterations},
          {"problems", h.problems}, {"notes", h.notes},         {"fallback", h.fallback},
          {"forced", h.forced}};
}

ModelHealth FromDoc(const nlohmann::json& doc) {
  ModelHealth h;
  h.model = doc.at("model").get<std::string>();
  h.converged = doc.at("converged").get<bool>();
  h.iterations = doc.at("iterations").get<int>();
  h.problems = doc.at("problems").get<std::vector<std::string>>();
  h.notes = doc.at("notes").get<std::vector<std::string>>();
  h.fallback = doc.at("fallback").get<bool>();
  h.forced = doc.at("forced").get<bool>();
  return h;
}

}  // namespace

std::string HealthToJson(const ModelHealth& health) { return ToDoc(health).dump(); }

std::string HealthsToJson(const std::vector<ModelHealth>& healths) {
  nlohmann::json doc = nlohmann::json::array();
  for (const auto& h : healths) doc.push_back(ToDoc(h));
  return doc.dump();
}

Result<ModelHealth> HealthFromJson(std::string_view json) {
  try {
    return FromDoc(nlohmann::json::parse(json));
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("model health: ") + e.what());
  }
}

Result<std::vector<ModelHealth>> HealthsFromJson(std::string_view json) {
  try {
    auto doc = nlohmann::json::parse(json);
    if (!doc.is_array()) return Status::InvalidArgument("model health: not an array");
    std::vector<ModelHealth> out;
    for (const auto& d : doc) out.push_back(FromDoc(d));
    return out;
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("model health: ") + e.what());
  }
}

std::string DescribeHealth(const ModelHealth& h) {
  std::string out = h.model + ": ";
  if (h.ok()) {
    out += "healthy (EM " + std::string(h.converged ? "converged" : "did not converge") + " in " +
           std::to_string(h.iterations) + " iterations)";
  } else {
    out += "UNHEALTHY";
    if (h.fallback) out += ", safe priors used";
    if (h.forced) out += ", used anyway (forced)";
    out += ":";
    for (size_t i = 0; i < h.problems.size(); ++i) out += (i ? "; " : " ") + h.problems[i];
  }
  out += "\n";
  for (const auto& n : h.notes) out += "  note: " + n + "\n";
  return out;
}

}  // namespace reunite::match
