#include "synth/place_pool.h"

#include <map>
#include <sstream>

#include "synth/data_table.h"

namespace reunite::synth {

namespace {

// Departments list only the non-Spanish languages spoken there, with national
// weights. Spanish's national weight is divided by this in a department where a
// Maya or other language is spoken, so that, e.g., most Huehuetenango families
// speak Mam, K'iche' or Q'anjob'al rather than Spanish.
constexpr double kSpanishShareInLanguageAreas = 0.25;

int CountryIndex(const std::string& code) {
  for (int c = 0; c < kCountryCount; ++c)
    if (code == kCountryCodes[c]) return c;
  return -1;
}

}  // namespace

Result<PlacePool> PlacePool::Load() {
  PlacePool pool;
  for (Status s : {pool.LoadDepartments(), pool.LoadMunicipalities(), pool.LoadLanguages(),
                   pool.LoadVillagesAndFacilities(), pool.LoadBorderPosts()})
    if (!s.ok()) return s;
  return pool;
}

Status PlacePool::LoadDepartments() {
  Result<DataTable> t =
      LoadDataTable("places/departments.csv", {"country", "iso_code", "name", "weight"});
  if (!t.ok()) return t.status();
  for (const auto& r : t->rows) {
    int c = CountryIndex(r[0]);
    if (c < 0) return Status::InvalidArgument("places/departments.csv: unknown country " + r[0]);
    Result<double> w = ParseWeight(r[3], "places/departments.csv: " + r[1]);
    if (!w.ok()) return w.status();
    by_country_[c].push_back(static_cast<int>(departments_.size()));
    department_weights_[c].Add(*w);
    Department d;
    d.code = r[1], d.name = r[2];
    departments_.push_back(std::move(d));
  }
  for (int c = 0; c < kCountryCount; ++c)
    if (by_country_[c].empty())
      return Status::InvalidArgument(std::string("places/departments.csv: no departments for ") +
                                     kCountryCodes[c]);
  return Status::Ok();
}

Status PlacePool::LoadMunicipalities() {
  Result<DataTable> t =
      LoadDataTable("places/municipalities.csv", {"country", "department_code", "municipality"});
  if (!t.ok()) return t.status();
  for (const auto& r : t->rows) {
    bool found = false;
    for (Department& d : departments_)
      if (d.code == r[1]) {
        d.municipalities.push_back(r[2]);
        found = true;
      }
    if (!found) return Status::InvalidArgument("places/municipalities.csv: unknown department " + r[1]);
  }
  for (const Department& d : departments_)
    if (d.municipalities.empty())
      return Status::InvalidArgument("places/municipalities.csv: no municipality for " + d.code);
  return Status::Ok();
}

Status PlacePool::LoadLanguages() {
  Result<DataTable> t = LoadDataTable(
      "places/languages.csv", {"language", "weight", "country", "needs_interpreter", "departments"});
  if (!t.ok()) return t.status();
  std::vector<double> spanish_weight(kCountryCount, 0.0);
  std::vector<std::vector<std::string>> areas;
  for (const auto& r : t->rows) {
    Result<double> w = ParseWeight(r[1], "places/languages.csv: " + r[0]);
    if (!w.ok()) return w.status();
    int c = CountryIndex(r[2]);
    if (c < 0) continue;  // a country the generator does not draw families from
    if (r[0] == "Spanish") {
      spanish_weight[c] = *w;
      continue;
    }
    bool maya = c == static_cast<int>(Country::kGT) && r[0] != "Garifuna" && r[0] != "English";
    int index = static_cast<int>(languages_.size());
    languages_.push_back(Language{r[0], r[3] == "yes", maya});
    std::istringstream codes(r[4]);
    for (std::string code; codes >> code;)
      for (Department& d : departments_)
        if (d.code == code) {
          d.languages.push_back(index);
          d.language_weights.Add(*w);
          d.maya_area = d.maya_area || maya;
        }
  }
  int spanish = static_cast<int>(languages_.size());
  languages_.push_back(Language{"Spanish", false, false});
  for (Department& d : departments_) {
    double w = spanish_weight[CountryIndex(d.code.substr(0, 2))];
    if (w <= 0) return Status::InvalidArgument("places/languages.csv: no Spanish row for " + d.code);
    d.languages.push_back(spanish);
    d.language_weights.Add(d.languages.size() > 1 ? w * kSpanishShareInLanguageAreas : w);
  }
  return Status::Ok();
}

Status PlacePool::LoadVillagesAndFacilities() {
  Result<DataTable> v = LoadDataTable("places/village_parts.csv", {"kind", "part"});
  if (!v.ok()) return v.status();
  for (const auto& r : v->rows) {
    if (r[0] != "prefix" && r[0] != "name" && r[0] != "maya_name")
      return Status::InvalidArgument("places/village_parts.csv: unknown kind " + r[0]);
    (r[0] == "prefix" ? village_prefixes_ : r[0] == "name" ? village_names_ : village_maya_names_).push_back(r[1]);
  }
  if (village_prefixes_.empty() || village_names_.empty())
    return Status::InvalidArgument("places/village_parts.csv: needs prefixes and names");
  Result<DataTable> f = LoadDataTable("places/facilities.csv", {"kind", "name", "state"});
  if (!f.ok()) return f.status();
  for (const auto& r : f->rows) {
    int k = r[0] == "station" ? 0 : r[0] == "detention" ? 1 : r[0] == "shelter" ? 2 : -1;
    if (k < 0) return Status::InvalidArgument("places/facilities.csv: unknown kind " + r[0]);
    facilities_[k].push_back(r[1]);
  }
  for (const auto& list : facilities_)
    if (list.empty()) return Status::InvalidArgument("places/facilities.csv: a facility kind is empty");
  return Status::Ok();
}

const Department& PlacePool::PickDepartment(Country country, Rng& rng) const {
  int c = static_cast<int>(country);
  return departments_[by_country_[c][department_weights_[c].Pick(rng)]];
}

const std::string& PlacePool::PickMunicipality(const Department& d, Rng& rng) const {
  // The head municipality (listed first) holds the most people.
  if (rng.Chance(0.25)) return d.municipalities.front();
  return rng.Choose(d.municipalities);
}

std::string PlacePool::PickVillage(const Department& d, Rng& rng) const {
  bool maya = d.maya_area && !village_maya_names_.empty() && rng.Chance(0.6);
  return rng.Choose(village_prefixes_) + " " + rng.Choose(maya ? village_maya_names_ : village_names_);
}

const Language& PlacePool::PickLanguage(const Department& d, Rng& rng) const {
  return languages_[d.languages[d.language_weights.Pick(rng)]];
}

Status PlacePool::LoadBorderPosts() {
  const std::string name = "places/border_patrol.csv";
  Result<DataTable> t = LoadDataTable(name, {"kind", "id", "sector", "name", "city", "state", "codes", "aliases"});
  if (!t.ok()) return t.status();
  std::map<std::string, std::string> sector_names;
  for (const auto& r : t->rows)
    if (r[0] == "sector") sector_names[r[1]] = r[3];
  std::map<std::string, int> posts_in_sector;
  for (const auto& r : t->rows) {
    if (r[0] != "station" && r[0] != "port") continue;
    if (!sector_names.count(r[2])) return Status::InvalidArgument(name + ": unknown sector " + r[2]);
    BorderPost p;
    p.name = r[3], p.city = r[4], p.state = r[5], p.sector_code = r[2], p.sector_name = sector_names[r[2]];
    p.code = r[6].substr(0, r[6].find(';'));
    p.port = r[0] == "port";
    border_posts_.push_back(std::move(p));
    ++posts_in_sector[r[2]];
  }
  // Rough shares of 2018's family apprehensions by sector; a sector not listed gets 0.03.
  static const std::map<std::string, double> kSectorShare = {
      {"RGV", 0.45}, {"EPT", 0.12}, {"YUM", 0.10}, {"TCA", 0.08}, {"SDC", 0.06},
      {"DRT", 0.06}, {"ELC", 0.05}, {"LRT", 0.04}, {"BBT", 0.04}};
  for (const BorderPost& p : border_posts_) {
    auto share = kSectorShare.find(p.sector_code);
    border_post_weights_.Add((share == kSectorShare.end() ? 0.03 : share->second) / posts_in_sector[p.sector_code]);
  }
  if (border_posts_.empty()) return Status::InvalidArgument(name + ": no stations or ports");
  return Status::Ok();
}

const BorderPost& PlacePool::PickBorderPost(Rng& rng) const {
  return border_posts_[border_post_weights_.Pick(rng)];
}

const std::string& PlacePool::PickFacility(FacilityKind kind, Rng& rng) const {
  return rng.Choose(facilities_[static_cast<int>(kind)]);
}

}  // namespace reunite::synth
