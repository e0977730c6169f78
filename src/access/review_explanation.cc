#include "access/review_explanation.h"

#include <charconv>

namespace reunite {

std::string ExplanationStepGroup(const std::string& comparison) {
  if (comparison == "location" || comparison == "home_place") return kWithheldLocation;
  if (comparison == "phones" || comparison == "phone") return kWithheldPhones;
  return "";
}

namespace {

bool Hides(const Withholding& w, const std::string& group) {
  if (group == kWithheldLocation) return w.home_location || w.facility;  // the value may be either
  if (group == kWithheldPhones) return w.phones;
  return false;
}

}  // namespace

std::vector<std::string> WithholdExplanation(match::Explanation& e, const Withholding& left,
                                             const Withholding& right) {
  std::set<std::string> withheld;
  for (match::ExplanationStep& step : e.steps) {
    const std::string group = ExplanationStepGroup(step.comparison);
    if (group.empty()) continue;
    const bool left_hidden = !step.left_value.empty() && Hides(left, group);
    const bool right_hidden = !step.right_value.empty() && Hides(right, group);
    if (!left_hidden && !right_hidden) continue;
    // Both values go: with the level kept, the other side's value would say what the
    // withheld one is whenever the two agree.
    for (std::string* value : {&step.left_value, &step.right_value})
      if (!value->empty()) *value = kWithheldValue;
    withheld.insert(group);
  }
  return {withheld.begin(), withheld.end()};
}

std::set<std::string> ShownExplanationGroups(const match::Explanation& e, bool left) {
  std::set<std::string> shown;
  for (const match::ExplanationStep& step : e.steps) {
    const std::string group = ExplanationStepGroup(step.comparison);
    const std::string& value = left ? step.left_value : step.right_value;
    if (!group.empty() && !value.empty() && value != kWithheldValue) shown.insert(group);
  }
  return shown;
}

PersonId ExplanationRecord(const std::string& record_id) {
  PersonId id = 0;
  auto [end, ec] = std::from_chars(record_id.data(), record_id.data() + record_id.size(), id);
  return ec == std::errc() && end == record_id.data() + record_id.size() && id > 0 ? id : 0;
}

}  // namespace reunite
