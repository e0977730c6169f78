#include "match/model_json.h"

#include <nlohmann/json.hpp>

namespace reunite::match {

std::string ModelToJson(const FellegiSunterModel& model) {
  nlohmann::json doc;
  doc["lambda"] = model.lambda;
  doc["tf_minimum_u"] = model.tf_minimum_u;
  doc["comparisons"] = nlohmann::json::array();
  for (const auto& c : model.comparisons) {
    doc["comparisons"].push_back({{"name", c.name},
                                  {"labels", c.labels},
                                  {"m", c.m},
                                  {"u", c.u},
                                  {"exact_level", c.exact_level},
                                  {"term_frequency_adjustment", c.term_frequency_adjustment}});
  }
  return doc.dump();
}

Result<FellegiSunterModel> ModelFromJson(std::string_view json) {
  try {
    auto doc = nlohmann::json::parse(json);
    FellegiSunterModel model;
    model.lambda = doc.at("lambda").get<double>();
    model.tf_minimum_u = doc.at("tf_minimum_u").get<double>();
    for (const auto& c : doc.at("comparisons")) {
      ComparisonParameters p;
      p.name = c.at("name").get<std::string>();
      p.labels = c.at("labels").get<std::vector<std::string>>();
      p.m = c.at("m").get<std::vector<double>>();
      p.u = c.at("u").get<std::vector<double>>();
      p.exact_level = c.at("exact_level").get<int>();
      p.term_frequency_adjustment = c.at("term_frequency_adjustment").get<bool>();
      if (p.m.size() != p.labels.size() || p.u.size() != p.labels.size())
        return Status::InvalidArgument("model: comparison '" + p.name + "': m and u do not match its levels");
      model.comparisons.push_back(std::move(p));
    }
    if (!(model.lambda > 0 && model.lambda < 1)) return Status::InvalidArgument("model: lambda out of (0, 1)");
    return model;
  } catch (const std::exception& e) {
    return Status::InvalidArgument(std::string("model: ") + e.what());
  }
}

}  // namespace reunite::match
