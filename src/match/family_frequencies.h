// Term-frequency adjustment of the family model (family_linker.h): a child and an
// adult of one apprehension who share "López", or a child who says "mamá María", tell
// far less than a shared "Tzunún" or "mamá Lucrecia". The model's u of such a level is
// an average over all values; these tables replace it by the value's own frequency,
// as Splink's term-frequency adjustment does for identity links.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "match/family_features.h"
#include "match/model.h"

namespace reunite::match {

// Shares of one kind of value (by phonetic key) among the records they were counted
// over, and the weight that replaces an average u by a value's own.
class ValueFrequencies {
 public:
  void Count(const std::string& key) { ++counts_[key], ++total_; }
  void Finish();
  // log2(mean agreeing frequency / the key's frequency), within [low, high]; 0 when
  // nothing was counted or the key is empty.
  double Weight(const std::string& key, double low, double high) const;

 private:
  std::unordered_map<std::string, double> counts_;  // counts, then shares after Finish
  double total_ = 0;
  double mean_agreeing_ = 0;  // sum tf^3 / sum tf^2: the frequency a random agreement has
};

class FamilyFrequencies {
 public:
  FamilyFrequencies() = default;
  FamilyFrequencies(const std::vector<FamilyRecord>& children, const std::vector<FamilyRecord>& adults);

  // What to add to the weight of comparison c at `level` for this pair (0 when c or
  // the level has no adjustment).
  double Adjustment(int c, int level, const FamilyRecord& child, const FamilyRecord& adult) const;

 private:
  ValueFrequencies adult_surnames_;  // adults' first surnames
  ValueFrequencies adult_given_;     // adults' given names (each name once per adult)
  ValueFrequencies child_given_;     // children's given names
};

// What to add to the model's weight of comparison c at `level` for this pair: the
// frequency adjustment of a shared surname or name (FamilyFrequencies), and for a
// shared station or sector, log2(u / the share of adults apprehended there within 3
// days of the child), within [-6, 3]: a crowded day makes it weak evidence; likewise
// for A-numbers close together, by the share of adults whose numbers are that close.
double FamilyTermAdjustment(const FellegiSunterModel& model, const FamilyFrequencies& frequencies, int c, int level,
                            const FamilyRecord& child, const FamilyRecord& adult);
// The most the adjustments can add to a pair's weight.
inline constexpr double kMaxAdjustment = 3;

// The weight of a child-adult pair: the model's, with the adjustments.
double FamilyPairWeight(const FellegiSunterModel& model, const FamilyFrequencies& frequencies,
                        const FamilyRecord& child, const FamilyRecord& adult, Gamma gamma);

}  // namespace reunite::match
