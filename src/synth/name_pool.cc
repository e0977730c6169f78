#include "synth/name_pool.h"

#include "synth/data_table.h"

namespace reunite::synth {

namespace {

// How much more often a surname appears in the country it is biased to, and how
// much less in the others, relative to its listed weight.
constexpr double kBiasHome = 3.0;
constexpr double kBiasAway = 0.3;

const std::vector<std::string> kNoNicknames;

std::string Where(const std::string& file, std::size_t row) {
  return file + ":" + std::to_string(row + 2);  // +1 header, +1 one-based
}

}  // namespace

Result<NamePool> NamePool::Load() {
  NamePool pool;
  Result<DataTable> given = LoadDataTable("names/given_names.csv", {"name", "sex", "weight"});
  if (!given.ok()) return given.status();
  for (std::size_t i = 0; i < given->rows.size(); ++i) {
    const auto& r = given->rows[i];
    Result<double> w = ParseWeight(r[2], Where("names/given_names.csv", i));
    if (!w.ok()) return w.status();
    if (r[1] != "F" && r[1] != "M")
      return Status::InvalidArgument(Where("names/given_names.csv", i) + ": sex must be F or M");
    Pool& p = r[1] == "F" ? pool.female_ : pool.male_;
    p.names.push_back(r[0]);
    p.weights.Add(*w);
    pool.given_set_.insert(r[0]);
  }
  Result<DataTable> sur =
      LoadDataTable("names/surnames.csv", {"surname", "origin", "weight", "country_bias"});
  if (!sur.ok()) return sur.status();
  for (std::size_t i = 0; i < sur->rows.size(); ++i) {
    const auto& r = sur->rows[i];
    Result<double> w = ParseWeight(r[2], Where("names/surnames.csv", i));
    if (!w.ok()) return w.status();
    pool.surname_set_.insert(r[0]);
    if (r[1] == "maya") {
      pool.maya_.names.push_back(r[0]);
      pool.maya_.weights.Add(*w);
      pool.maya_set_.insert(r[0]);
      continue;
    }
    if (r[1] != "hispanic")
      return Status::InvalidArgument(Where("names/surnames.csv", i) + ": origin must be hispanic or maya");
    for (int c = 0; c < kCountryCount; ++c) {
      double factor = r[3] == "all" ? 1.0 : r[3] == kCountryCodes[c] ? kBiasHome : kBiasAway;
      pool.hispanic_[c].names.push_back(r[0]);
      pool.hispanic_[c].weights.Add(*w * factor);
    }
  }
  Result<DataTable> nick = LoadDataTable("names/nicknames.csv", {"formal", "nickname"});
  if (!nick.ok()) return nick.status();
  for (const auto& r : nick->rows) pool.nicknames_[r[0]].push_back(r[1]);
  if (pool.female_.names.empty() || pool.male_.names.empty() || pool.maya_.names.empty() ||
      pool.hispanic_[0].names.empty())
    return Status::InvalidArgument("names/: a name pool is empty");
  return pool;
}

const std::string& NamePool::Given(Sex sex, Rng& rng) const {
  const Pool& p = sex == Sex::kFemale ? female_ : male_;
  return p.names[p.weights.Pick(rng)];
}

const std::string& NamePool::Surname(Country country, bool maya, Rng& rng) const {
  const Pool& p = maya && country == Country::kGT ? maya_ : hispanic_[static_cast<int>(country)];
  return p.names[p.weights.Pick(rng)];
}

const std::vector<std::string>& NamePool::Nicknames(const std::string& formal) const {
  auto it = nicknames_.find(formal);
  return it == nicknames_.end() ? kNoNicknames : it->second;
}

}  // namespace reunite::synth
