// Given names, surnames and nicknames from data/names/*.csv, parsed once into
// weighted pools for the synthetic generator.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "model/person.h"
#include "synth/random.h"

namespace reunite::synth {

// Home countries the generator draws families from, in the order of kCountryCodes.
enum class Country { kGT = 0, kHN = 1, kSV = 2 };
inline constexpr const char* kCountryCodes[] = {"GT", "HN", "SV"};
inline constexpr int kCountryCount = 3;

class NamePool {
 public:
  // Parses the embedded name files. Returns the first parse or validation error
  // (missing file, bad header, wrong field count, bad sex/origin, non-positive weight).
  static Result<NamePool> Load();

  // A given name for sex kFemale or kMale, drawn by weight.
  const std::string& Given(Sex sex, Rng& rng) const;
  // A surname drawn by weight: Maya when `maya` (only Guatemala has a Maya pool;
  // elsewhere falls back to Hispanic), else Hispanic, favouring the country's bias.
  const std::string& Surname(Country country, bool maya, Rng& rng) const;
  // Nicknames for a formal given name; empty when none is known.
  const std::vector<std::string>& Nicknames(const std::string& formal) const;

  bool IsGivenName(const std::string& name) const { return given_set_.count(name) > 0; }
  bool IsSurname(const std::string& name) const { return surname_set_.count(name) > 0; }
  bool IsMayaSurname(const std::string& name) const { return maya_set_.count(name) > 0; }

 private:
  struct Pool {
    std::vector<std::string> names;
    WeightedIndex weights;
  };
  Pool female_, male_;
  Pool hispanic_[kCountryCount];
  Pool maya_;
  std::map<std::string, std::vector<std::string>> nicknames_;
  std::set<std::string> given_set_, surname_set_, maya_set_;
};

}  // namespace reunite::synth
