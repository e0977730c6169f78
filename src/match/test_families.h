// Test support (header-only, for tests only): hand-made people and filler families
// for family-linking and review-queue tests, so both build their lists alike.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "model/person.h"

namespace reunite::testing {

inline Person MakePerson(Role role, const std::string& given, const std::string& paternal,
                         const std::string& maternal, Sex sex, Date born, Date apprehended,
                         const std::string& place, const std::string& reported) {
  Person p;
  p.role = role;
  std::string rest = given;
  for (size_t at; !rest.empty();) {
    at = rest.find(' ');
    p.name.given_names.push_back(rest.substr(0, at));
    rest = at == std::string::npos ? "" : rest.substr(at + 1);
  }
  p.name.as_recorded = given + " " + paternal + " " + maternal;
  p.name.paternal_surname = paternal;
  p.name.maternal_surname = maternal;
  p.sex = sex;
  p.birth.date = born;
  p.birth.precision = DatePrecision::kExact;
  p.nationality = "GT";
  p.apprehension_date = apprehended;
  p.apprehension_place = place;
  p.reported_relatives = reported;
  return p;
}

// `count` one-child families in two apprehension groups (10 and 11 May 2018), each
// a child and the one parent who came (the mother every third family), with
// distinct A-numbers, so a model has ordinary families to learn from.
inline std::vector<std::pair<Person, Person>> FillerFamilies(int count) {
  const char* given_m[] = {"Carlos", "Mario", "Luis", "Jorge", "Hugo", "Raúl", "Oscar", "Edwin", "Marvin", "Byron"};
  const char* given_f[] = {"Lucía", "Marta", "Elena", "Sofía", "Ruth", "Iris", "Olga", "Alba", "Nora", "Ana"};
  const char* surnames[] = {"Tzul", "Caal", "Choc", "Ixcoy", "Quej", "Cux", "Pop", "Tzoc", "Xol", "Coc", "Mejía",
                            "Orellana", "Villatoro", "Sandoval", "Barrios", "Estrada", "Galindo", "Rosales"};
  std::vector<std::pair<Person, Person>> families;
  for (int i = 0; i < count; ++i) {
    Date when{2018, 5, 10 + i % 2};
    std::string place = i % 2 ? "El Paso Station" : "Clint Station";
    std::string pat = surnames[i % 18], mat = surnames[(i * 7 + 3) % 18], other = surnames[(i * 5 + 1) % 18];
    bool mother_came = i % 3 == 0;
    std::string parent_given = mother_came ? given_f[i % 10] : given_m[i % 10];
    std::string child_given = i % 2 ? given_f[(i + 3) % 10] : given_m[(i + 3) % 10];
    Sex child_sex = i % 2 ? Sex::kFemale : Sex::kMale;
    Person child = MakePerson(Role::kChild, child_given, pat, mat, child_sex, {2008 + i % 9, 1 + i % 12, 1 + i % 28},
                              when, place, (mother_came ? "mamá " : "papá ") + parent_given);
    Person parent = MakePerson(Role::kAdult, parent_given, mother_came ? mat : pat, other,
                               mother_came ? Sex::kFemale : Sex::kMale, {1978 + i % 10, 1 + i % 12, 2 + i % 27}, when,
                               place, (child_sex == Sex::kFemale ? "hija " : "hijo ") + child_given);
    parent.a_number = std::to_string(260000000 + 7919 * i);  // distinct people have distinct A-numbers
    families.emplace_back(std::move(child), std::move(parent));
  }
  return families;
}

}  // namespace reunite::testing
