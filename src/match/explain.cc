#include "match/explain.h"

#include <cstdio>

namespace reunite::match {
namespace {

std::string ValueOf(const Dataset& data, const std::vector<std::string>& columns, std::uint32_t row) {
  std::string out;
  for (const auto& name : columns) {
    int c = data.ColumnIndex(name);
    if (c < 0 || data.columns[c][row].empty()) continue;
    out += (out.empty() ? "" : " ") + data.columns[c][row];
  }
  return out;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// s cut to `width` code points (with "..." when cut) and padded with spaces to it.
std::string Cell(const std::string& s, size_t width) {
  std::string out;
  size_t n = 0;
  const bool cut = CodePoints(s) > width;
  for (size_t i = 0; i < s.size(); ++i) {
    bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (lead && cut && n == width - 3) break;
    n += lead;
    out += s[i];
  }
  if (cut) {
    out += "...";
    n += 3;
  }
  return out + std::string(width - std::min(width, n), ' ');
}

}  // namespace

Explanation ExplainPair(const FellegiSunterModel& model, const PairComparator& comparator, std::uint32_t l,
                        std::uint32_t r) {
  const Dataset& left = *comparator.left().data;
  const Dataset& right = *comparator.right().data;
  Explanation e;
  e.left_id = left.ids[l];
  e.right_id = right.ids[r];
  e.lambda = model.lambda;
  e.prior_weight = model.PriorWeight();
  e.total_weight = e.prior_weight;
  for (int c = 0; c < comparator.comparisons(); ++c) {
    const ComparisonSpec& spec = comparator.settings().comparisons[c];
    const ComparisonParameters& p = model.comparisons[c];
    ExplanationStep step;
    step.comparison = spec.name;
    step.left_value = ValueOf(left, spec.left_columns, l);
    step.right_value = ValueOf(right, spec.right_columns, r);
    step.level = comparator.Level(c, l, r);
    if (step.level == kNull) {
      step.level_label = "null";
    } else {
      step.level_label = p.labels[step.level];
      step.m = p.m[step.level];
      double tf = comparator.TermFrequency(c, l, r);
      step.weight = model.ContributionWeight(c, step.level, tf, &step.u);
      step.tf_adjusted = p.term_frequency_adjustment && step.level == p.exact_level && tf > 0;
      if (step.tf_adjusted) step.term_frequency = tf;
    }
    e.total_weight += step.weight;
    e.steps.push_back(std::move(step));
  }
  e.probability = WeightToProbability(e.total_weight);
  return e;
}

std::string FormatExplanation(const Explanation& e) {
  char line[512];
  std::string out = "pair " + e.left_id + " ~ " + e.right_id + "\n";
  std::snprintf(line, sizeof line, "%-16s %-22s %-22s %-26s %9s %10s %8s %8s\n", "comparison", "left", "right",
                "level", "m", "u", "weight", "running");
  out += line;
  double running = e.prior_weight;
  std::snprintf(line, sizeof line, "%-16s %-22s %-22s %-26s %9s %10.6f %+8.2f %+8.2f\n", "prior", "", "",
                "lambda", "", e.lambda, e.prior_weight, running);
  out += line;
  for (const auto& s : e.steps) {
    running += s.weight;
    out += Cell(s.comparison, 16) + " " + Cell(s.left_value, 22) + " " + Cell(s.right_value, 22) + " " +
           Cell(s.level_label + (s.tf_adjusted ? " (tf)" : ""), 26);
    if (s.level == kNull) {
      std::snprintf(line, sizeof line, " %9s %10s %+8.2f %+8.2f\n", "-", "-", 0.0, running);
    } else {
      std::snprintf(line, sizeof line, " %9.5f %10.6f %+8.2f %+8.2f\n", s.m, s.u, s.weight, running);
    }
    out += line;
  }
  if (e.sibling_support.weight != 0) {
    running += e.sibling_support.weight;
    char weight[32];
    std::snprintf(weight, sizeof weight, "%+.2f", e.sibling_support.sibling_weight);
    out += Cell("sibling support", 16) + " " + Cell("sibling " + e.sibling_support.sibling_id, 22) + " " +
           Cell("", 22) + " " + Cell(std::string("its own weight ") + weight, 26);
    std::snprintf(line, sizeof line, " %9s %10s %+8.2f %+8.2f\n", "-", "-", e.sibling_support.weight, running);
    out += line;
  }
  std::snprintf(line, sizeof line, "match weight %+.3f, probability %.6f\n", e.total_weight, e.probability);
  out += line;
  return out + e.role_reason;
}

}  // namespace reunite::match
