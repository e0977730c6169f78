// Departments, municipalities, village-name parts, US custody facilities and
// languages from data/places/*.csv, parsed once into weighted pools.
#pragma once
#include <string>
#include <vector>

#include "common/status.h"
#include "synth/name_pool.h"
#include "synth/random.h"

namespace reunite::synth {

struct Language {
  std::string name;         // "K'iche'", "Spanish"
  bool needs_interpreter = false;
  bool maya = false;        // a Guatemalan language other than Spanish, Garifuna or English
};

struct Department {
  std::string code;  // ISO 3166-2, "GT-QC"
  std::string name;  // "Quiché"
  std::vector<std::string> municipalities;
  std::vector<int> languages;  // indexes into PlacePool languages spoken here
  WeightedIndex language_weights;
  bool maya_area = false;  // some Maya language is spoken here
};

enum class FacilityKind { kStation = 0, kDetention = 1, kShelter = 2 };

// A Border Patrol station or port of entry of data/places/border_patrol.csv, with
// what an agency may write for it: its name, city and state, station code and sector.
struct BorderPost {
  std::string name;         // "Chula Vista", "San Ysidro"
  std::string city, state;  // "Chula Vista", "CA"
  std::string code;         // station code ("CHU"), "" when the gazetteer has none
  std::string sector_code;  // "SDC"
  std::string sector_name;  // "San Diego"
  bool port = false;        // a port of entry, not a station
  std::string FullName() const { return name + (port ? " Port of Entry" : " Station"); }
};

class PlacePool {
 public:
  // Parses the embedded place files. Returns the first error found (missing file,
  // bad header or field count, non-positive weight, unknown country or department,
  // a department without municipalities, an empty facility kind).
  static Result<PlacePool> Load();

  const Department& PickDepartment(Country country, Rng& rng) const;
  const std::string& PickMunicipality(const Department& d, Rng& rng) const;
  // "Aldea El Zapote", "Caserío Chuicacá": a village no registry lists. Maya-language
  // names only where a Maya language is spoken.
  std::string PickVillage(const Department& d, Rng& rng) const;
  // A language of the department: Spanish or one listed as spoken there.
  const Language& PickLanguage(const Department& d, Rng& rng) const;
  const std::string& PickFacility(FacilityKind kind, Rng& rng) const;
  // Where a group was apprehended; Rio Grande Valley, where most families crossed
  // in 2018, more often than the other sectors.
  const BorderPost& PickBorderPost(Rng& rng) const;
  const Language& Spanish() const { return languages_.back(); }
  const std::vector<std::string>& Facilities(FacilityKind kind) const {
    return facilities_[static_cast<int>(kind)];
  }

 private:
  Status LoadDepartments();
  Status LoadMunicipalities();
  Status LoadLanguages();
  Status LoadVillagesAndFacilities();
  Status LoadBorderPosts();

  std::vector<Department> departments_;
  std::vector<int> by_country_[kCountryCount];  // department indexes
  WeightedIndex department_weights_[kCountryCount];
  std::vector<Language> languages_;  // Spanish last
  std::vector<BorderPost> border_posts_;
  WeightedIndex border_post_weights_;
  std::vector<std::string> village_prefixes_, village_names_, village_maya_names_;
  std::vector<std::string> facilities_[3];
};

}  // namespace reunite::synth
