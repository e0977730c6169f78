#include "synth/agency_style.h"

#include "synth/noise.h"

namespace reunite::synth {

const std::vector<std::string> kOrrColumns = {
    "Case Number", "First Name", "Last Name", "Gender", "DOB", "Country of Origin", "A#", "Phone",
    "Primary Language", "Date of Apprehension", "Apprehension Location", "Facility", "Status", "Removal Date",
    "Relatives"};

namespace {

std::string Pad2(int n) {
  char out[3] = {static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10), 0};
  return out;
}

struct CountryForms {
  const char* name;
  const char* alpha3;
  std::vector<std::string> misspellings;
};

const CountryForms& FormsOf(Country c) {
  static const CountryForms kForms[] = {
      {"Guatemala", "GTM", {"Guatamala", "Guatemal", "Guatemla"}},
      {"Honduras", "HND", {"Hondura", "Hondruas", "Honduaras"}},
      {"El Salvador", "SLV", {"Salvador", "El Salvadro", "El Slavador"}},
  };
  return kForms[static_cast<int>(c)];
}

}  // namespace

std::string WriteDate(const Date& d, Agency agency, Rng& rng) {
  if (d.empty()) return "";
  switch (agency) {
    case Agency::kOrr: return std::to_string(d.month) + "/" + std::to_string(d.day) + "/" + std::to_string(d.year);
    case Agency::kIce: return Pad2(d.month) + "/" + Pad2(d.day) + "/" + std::to_string(d.year);
    case Agency::kCbp: break;
  }
  if (rng.Chance(0.5)) return d.ToIso();
  return std::to_string(d.year) + Pad2(d.month) + Pad2(d.day);
}

std::string WriteSex(Sex sex, Agency agency) {
  if (sex == Sex::kUnknown) return "";
  if (agency == Agency::kOrr) return sex == Sex::kFemale ? "Female" : "Male";
  return ToString(sex);
}

std::string WriteCountry(Country country, Agency agency, bool misspell, Rng& rng) {
  const CountryForms& forms = FormsOf(country);
  std::string name = misspell ? rng.Choose(forms.misspellings) : std::string(forms.name);
  switch (agency) {
    case Agency::kOrr: return name;
    case Agency::kIce: return CapitalsWithoutAccents(name);
    case Agency::kCbp: break;
  }
  if (misspell) return CapitalsWithoutAccents(name);  // typed in the free-text field, not picked from the code list
  return rng.Chance(0.5) ? kCountryCodes[static_cast<int>(country)] : forms.alpha3;
}

std::string WriteApprehensionPlace(const BorderPost& post, Agency agency, Rng& rng) {
  const std::string kind = post.port ? " Port of Entry" : " Station";
  switch (agency) {
    case Agency::kOrr:
      switch (rng.Below(4)) {
        case 0: return post.sector_name + " Sector";
        case 1: return post.city + ", " + post.state;
        case 2: return post.name + kind;
        default: return post.name;
      }
    case Agency::kIce:
      switch (rng.Below(3)) {
        case 0: return post.sector_code + " - " + CapitalsWithoutAccents(post.name) + (post.port ? " POE" : "");
        case 1: return CapitalsWithoutAccents(post.name + (post.port ? " POE" : " Station"));
        default: return post.sector_code;
      }
    case Agency::kCbp: break;
  }
  std::uint64_t form = rng.Below(3);
  if (form == 0 && !post.code.empty()) return post.sector_code + "/" + post.code;
  if (form == 1) return post.sector_code;
  return post.name + (post.port ? " POE" : " Stn");
}

std::string WritePhone(const std::string& e164, Agency agency, bool vary, Rng& rng) {
  if (agency == Agency::kCbp) return e164;
  return FormatPhone(e164, vary, rng);
}

std::string PlaceholderANumber(Rng& rng) {
  static const std::vector<std::string> kForms = {"000000000", "N/A", "UNKNOWN", "A000000000"};
  return rng.Choose(kForms);
}

std::string PlaceholderPhone(Rng& rng) {
  static const std::vector<std::string> kForms = {"N/A", "000-000-0000", "(915) 555-0100", "NONE", "0000-0000"};
  return rng.Choose(kForms);
}

std::string SharedPhone(Rng& rng) {
  // Made up: a shelter's, two consulates', a legal aid line's and a church's.
  static const std::vector<std::string> kNumbers = {"+19152250813", "+50222605000", "+50422365000",
                                                    "+12104764190", "+15206902377"};
  return rng.Choose(kNumbers);
}

}  // namespace reunite::synth
