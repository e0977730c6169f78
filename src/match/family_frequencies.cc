#include "match/family_frequencies.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace reunite::match {

void ValueFrequencies::Finish() {
  if (total_ == 0) return;
  double squares = 0, cubes = 0;
  for (auto& [key, n] : counts_) {
    n /= total_;
    squares += n * n;
    cubes += n * n * n;
  }
  mean_agreeing_ = cubes / squares;
}

double ValueFrequencies::Weight(const std::string& key, double low, double high) const {
  if (mean_agreeing_ <= 0 || key.empty()) return 0;
  auto it = counts_.find(key);
  double tf = it == counts_.end() ? 1 / total_ : it->second;
  return std::clamp(std::log2(mean_agreeing_ / tf), low, high);
}

namespace {

void CountGivenNames(const FamilyRecord& r, ValueFrequencies* into) {
  std::set<std::string> seen;
  for (const auto& g : r.given)
    if (!g.text.phonetic.empty() && seen.insert(g.text.phonetic).second) into->Count(g.text.phonetic);
}

}  // namespace

FamilyFrequencies::FamilyFrequencies(const std::vector<FamilyRecord>& children,
                                     const std::vector<FamilyRecord>& adults) {
  for (const auto& a : adults) {
    if (!a.paternal.phonetic.empty()) adult_surnames_.Count(a.paternal.phonetic);
    CountGivenNames(a, &adult_given_);
  }
  for (const auto& c : children) CountGivenNames(c, &child_given_);
  adult_surnames_.Finish();
  adult_given_.Finish();
  child_given_.Finish();
}

double FamilyFrequencies::Adjustment(int c, int level, const FamilyRecord& child, const FamilyRecord& adult) const {
  if (level == kNull) return 0;
  switch (c) {
    case kSurnameLine:
      // Only a common surname counts for less; a rare one is not allowed to carry a
      // link on its own.
      switch (level) {
        case kPaternalExact: case kPaternalExactWoman: case kMarried:
          return adult_surnames_.Weight(child.paternal.phonetic, -6, 0);
        case kMaternalExact: case kMaternalExactMan:
          return adult_surnames_.Weight(child.maternal.phonetic, -6, 0);
        default: return 0;
      }
    case kChildNamed:
      if (const FamilyName* name = ChildMentionName(child, adult)) return adult_given_.Weight(name->text.phonetic, -3, 0);
      return 0;
    case kAdultNamed:
      if (const FamilyName* name = AdultMentionName(child, adult)) return child_given_.Weight(name->text.phonetic, -3, 0);
      return 0;
    default: return 0;
  }
}

double FamilyTermAdjustment(const FellegiSunterModel& model, const FamilyFrequencies& frequencies, int c, int level,
                            const FamilyRecord& child, const FamilyRecord& adult) {
  if (level == kNull) return 0;
  double crowd = 0;
  if (c == kApprehension) {
    crowd = level == kSameStationDays ? child.station_crowd : level == kSameSectorDays ? child.sector_crowd : 0;
  } else if (c == kANumberGap) {
    crowd = level < static_cast<int>(kANumberGaps.size()) ? child.a_number_crowd[level] : 0;
  } else {
    return frequencies.Adjustment(c, level, child, adult);
  }
  if (crowd <= 0) return 0;
  return std::clamp(std::log2(model.comparisons[c].u[level] / crowd), -6.0, kMaxAdjustment);
}

double FamilyPairWeight(const FellegiSunterModel& model, const FamilyFrequencies& frequencies,
                        const FamilyRecord& child, const FamilyRecord& adult, Gamma gamma) {
  double w = model.Weight(gamma);
  for (int c : {kSurnameLine, kChildNamed, kAdultNamed, kApprehension, kANumberGap}) {
    w += FamilyTermAdjustment(model, frequencies, c, GammaLevel(gamma, c), child, adult);
  }
  return w;
}

}  // namespace reunite::match
