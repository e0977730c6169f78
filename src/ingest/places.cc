#include "ingest/places.h"

#include <map>
#include <vector>

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"
#include "ingest/fold.h"

namespace reunite {

namespace {

struct PlaceTables {
  // folded department name -> (country, code); several countries share names.
  std::multimap<std::string, std::pair<std::string, std::string>> departments;
  std::map<std::string, std::string, std::less<>> department_names;  // code -> name as in the table
  // (department code, folded municipality) -> municipality as written in the table
  std::map<std::pair<std::string, std::string>, std::string> municipalities;
  std::map<std::string, std::string> facilities;  // folded name -> name as in the table
};

// Reads an embedded CSV into rows keyed by header name.
std::vector<std::map<std::string, std::string>> ReadTable(std::string_view path) {
  std::vector<std::map<std::string, std::string>> rows;
  auto text = EmbeddedFile(path);
  if (!text) return rows;
  CsvReader reader(*text, std::string(path));
  CsvRecord header, record;
  if (!reader.Next(&header)) return rows;
  while (reader.Next(&record)) {
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.fields.size() && i < record.fields.size(); ++i)
      row[header.fields[i]] = record.fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

const PlaceTables& Tables() {
  static const PlaceTables kTables = [] {
    PlaceTables t;
    for (auto& row : ReadTable("places/departments.csv")) {
      t.departments.emplace(FoldForSearch(row["name"]), std::make_pair(row["country"], row["iso_code"]));
      t.department_names[row["iso_code"]] = row["name"];
    }
    for (auto& row : ReadTable("places/facilities.csv")) t.facilities[FoldForSearch(row["name"])] = row["name"];
    for (auto& row : ReadTable("places/municipalities.csv"))
      t.municipalities[{row["department_code"], FoldForSearch(row["municipality"])}] = row["municipality"];
    return t;
  }();
  return kTables;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

std::vector<std::string> SplitCommas(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string part = Trim(text.substr(start, comma - start));
    if (!part.empty()) parts.push_back(part);
    start = comma + 1;
  }
  return parts;
}

bool StartsWithVillageWord(const std::string& folded) {
  for (const char* word : {"aldea ", "caserio ", "canton ", "colonia ", "barrio ", "paraje ",
                           "finca ", "comunidad ", "caserio", "lotificacion ", "sector "})
    if (folded.rfind(word, 0) == 0) return true;
  return false;
}

// US custody places: a known facility, or a name with a word only facilities use.
bool NamesUsFacility(const std::string& folded) {
  if (Tables().facilities.count(folded)) return true;
  for (const char* word : {"detention", "processing center", "correctional", "residential center",
                           "shelter", "station", "children's home", "childrens home", "casa padre",
                           "southwest key", "port of entry", "service processing", "ice ", "cbp ", "orr "})
    if (folded.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

std::string FindDepartment(std::string_view name, std::string_view country) {
  std::string folded = FoldForSearch(Trim(name));
  for (const char* prefix : {"departamento de ", "depto. de ", "depto ", "dept. "})
    if (folded.rfind(prefix, 0) == 0) folded = folded.substr(std::string_view(prefix).size());
  auto [begin, end] = Tables().departments.equal_range(folded);
  std::string any;
  for (auto it = begin; it != end; ++it) {
    if (it->second.first == country) return it->second.second;
    if (any.empty()) any = it->second.second;
  }
  return country.empty() ? any : "";
}

std::string DepartmentName(std::string_view code) {
  const auto& names = Tables().department_names;
  auto it = names.find(code);
  return it == names.end() ? "" : it->second;
}

Location ResolveLocation(std::string_view text, std::string_view country, CustodyStatus custody) {
  Location loc;
  loc.text = Trim(text);
  if (loc.text.empty()) return loc;
  // In custody the place is a facility whatever its name; after custody (a discharged
  // child, a released adult) the last known place may still be one.
  if (custody == CustodyStatus::kInCare || custody == CustodyStatus::kDetained ||
      NamesUsFacility(FoldForSearch(loc.text))) {
    loc.facility = loc.text;
    loc.country = "US";
    return loc;
  }
  loc.country = std::string(country);
  std::vector<std::string> parts = SplitCommas(loc.text);
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    std::string folded = FoldForSearch(*it);
    if (loc.department.empty()) {
      std::string code = FindDepartment(*it, loc.country);
      if (!code.empty()) {
        loc.department = code;
        if (loc.country.empty()) loc.country = code.substr(0, 2);
        continue;
      }
    }
    if (!loc.department.empty() && loc.municipality.empty()) {
      auto m = Tables().municipalities.find({loc.department, folded});
      if (m != Tables().municipalities.end()) {
        loc.municipality = m->second;
        continue;
      }
    }
    if (loc.village.empty() && StartsWithVillageWord(folded)) loc.village = *it;
  }
  return loc;
}

}  // namespace reunite
