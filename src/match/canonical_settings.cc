// The built-in model for Reunite's canonical person files, written as a settings
// document like any other so it can be read, copied and tuned as a file.
#include <cstdlib>
#include <iostream>

#include "match/settings.h"

namespace reunite::match {
namespace {

// Blocking for Hispanic names: surnames get dropped, swapped or misspelt and given
// names shortened, so every rule leans on a different field: the paternal surname's
// sound with the birth year, sex and given name's initial, or with the day of birth (a
// wrong year); the first given name's sound with either surname's sound (a swapped or
// dropped surname); identifiers; the date of birth with the given name's initial (a
// bare date of birth makes blocks too large on big lists), or with any one surname
// (surnames swapped or moved into the given names, with a different given name
// written first: "Norma Godínez Vásquez" and "VASQUEZ GODINEZ, LESLY NORMA"; it found
// 1 more true pair of 459 at 2,000 families and 27 of 12,791 at 50,000, high noise,
// for 1.5% more candidate pairs); and the apprehension (date
// and place) with the given name's first two letters, for records with neither a date
// of birth nor a usable surname. The initial on the first rule and the second letter
// on the last took a 300,000-record synth list from 8.2 to 4.7 million candidate pairs
// and the independent generator's 50,000 families from 828,000 to 500,000, finding
// the same true pairs but one.
// (With the given name's sound instead of its initial the apprehension rule gives a
// ninth of the pairs on big lists, but a small list then gives EM too few pairs of
// different people: family_linker_test's 85 adults merged a mother with a father.)
// Two different A-numbers keep two records apart (a veto) unless the name and birth
// date, or the birth date, a phone and the given name, agree, or the pair weighs at
// least 8 with the A-numbers' disagreement counted: agencies sometimes issue a second
// A-number in error. On the independent generator's 50,000 families (high noise), pairs
// with two A-numbers weighing 7 to 8 were 41 true and 2 not, 8 to 10: 96 and 3, over
// 10: 1,334 and 2 (moderate noise, over 8: 810 and 2); the lift at 8 took the adults'
// dedupe recall from 0.9627 to 0.9676 at 0.9999 precision. A-numbers are issued in
// order, so one issued in error days later is near the first: two numbers at most
// 10,000 apart lift the veto too, when the birth dates agree (up to one component:
// sisters processed together also get near numbers). That took the adults' dedupe F1
// from 0.9846 to 0.9869 at 50,000 families and 0.9879 to 0.9890 at 2,000 (high
// noise), precision 0.9998 and 1.0; without the birth date condition two sisters
// merged.
// The apprehension is compared as two agencies write it: the place as the Border
// Patrol gazetteer resolves it (the same station; the same sector, its first three
// letters) and the day (the same, within 3 days, within 30: a book-in can be days after
// the apprehension), not as one string that two systems never write alike.
// Beyond names, agencies' records of one person share the apprehension, the custody
// facility or home place and the removal date; a second given name tells apart the
// many Marías born on one day.
//
// A key whose block would give more than 2,000 pairs (about 64 records: a common
// surname with one birth year and sex, or María with a common surname, on a list of a
// million) is skipped; the pair then has to come from another rule. On a synthetic
// list of a million records (scripts/bench_dedupe_growth.sh) a cap of 5,000 gave 56.2
// million candidate pairs instead of 88.9 million with a cap of 20,000, and found
// 231,011 of the 231,222 true pairs instead of 231,137 (recall 0.9991 instead of
// 0.9996, precision 1.0000 both). With the rules below, 2,000 instead of 5,000 took
// that list from 36.5 to 29.8 million pairs (recall 0.9982 instead of 0.9983); a
// 300,000-record synth list and the independent generator's 50,000 families lost no
// true pair (4.7 to 4.1 million pairs, and 500,000 to 437,000).
constexpr const char* kCanonicalSettings = R"json({
  "format": "canonical",
  "unique_id_column": "record_id",
  "comparisons": [
    {"name": "given_name", "kind": "string", "column": "first_given_name",
     "levels": ["exact", "nickname", "phonetic", {"jaro_winkler": 0.92}, {"jaro_winkler": 0.8}],
     "term_frequency_adjustment": true, "m_prior": [0.78, 0.04, 0.08, 0.05, 0.03, 0.02]},
    {"name": "surnames", "kind": "token_set", "column": "surnames", "term_frequency_adjustment": true,
     "blocking_columns": ["paternal_surname", "maternal_surname"], "m_prior": [0.6, 0.05, 0.2, 0.07, 0.05, 0.03]},
    {"name": "date_of_birth", "kind": "date", "column": "date_of_birth", "date_format": "iso",
     "m_prior": [0.8, 0.03, 0.03, 0.05, 0.02, 0.04, 0.02, 0.01], "veto_levels": ["different"]},
    {"name": "a_number", "kind": "identifier", "column": "a_number", "m_prior": [0.9, 0.04, 0.06],
     "veto_levels": ["different"], "veto_unless_weight": 8, "veto_unless_near": 10000,
     "veto_near_agree": {"date_of_birth": "one component differs"},
     "veto_unless_agree": [
       {"date_of_birth": ["exact", "day and month swapped", "year off by one", "one component differs"],
        "given_name": "jaro_winkler >= 0.92", "surnames": "fuzzy match token by token"},
       {"date_of_birth": ["exact", "day and month swapped"], "phones": "equal", "given_name": "jaro_winkler >= 0.8",
        "surnames": "a token in common"}]},
    {"name": "phones", "kind": "identifier", "column": "phones", "list_separator": ";", "m_prior": [0.6, 0.05, 0.35]},
    {"name": "country", "kind": "string", "column": "country", "levels": ["exact"], "m_prior": [0.95, 0.05]},
    {"name": "sex", "kind": "string", "column": "sex", "levels": ["exact"], "m_prior": [0.97, 0.03],
     "veto_levels": ["different"], "veto_unless_agree": ["given_name", {"a_number": "equal"}]},
    {"name": "other_given_names", "kind": "token_set", "column": "other_given_names",
     "m_prior": [0.6, 0.05, 0.15, 0.1, 0.05, 0.05]},
    {"name": "apprehension_place", "kind": "string", "column": "apprehension_place",
     "levels": [{"exact": true, "label": "same station"}, {"prefix": 3, "label": "same sector"}],
     "m_prior": [0.5, 0.4, 0.1]},
    {"name": "apprehension_day", "kind": "number", "column": "apprehension_day", "max_differences": [3, 30],
     "m_prior": [0.4, 0.4, 0.15, 0.05]},
    {"name": "location", "kind": "string", "column": "location", "levels": ["exact", {"jaro_winkler": 0.9}],
     "m_prior": [0.5, 0.1, 0.4]},
    {"name": "removal_date", "kind": "date", "column": "removal_date", "date_format": "iso",
     "m_prior": [0.7, 0.02, 0.02, 0.05, 0.02, 0.04, 0.05, 0.1]}
  ],
  "blocking_rules": [
    "paternal_surname.phonetic+date_of_birth.year+sex+first_given_name.prefix1",
    "paternal_surname.phonetic+date_of_birth.month_day",
    "first_given_name.phonetic+maternal_surname.phonetic",
    "first_given_name.phonetic+paternal_surname.phonetic",
    "a_number",
    "a_number.prefix5+first_given_name.phonetic",
    "phones.items",
    "date_of_birth+first_given_name.prefix1",
    "date_of_birth+surnames.words",
    "apprehension+first_given_name.prefix2"
  ],
  "threshold": 0.9,
  "max_block_pairs": 2000,
  "em": {"max_u_pairs": 100000, "max_iterations": 1000, "convergence": 1e-6, "seed": 42}
})json";

}  // namespace

LinkSettings CanonicalSettings(LinkType link_type) {
  auto parsed = ParseSettings(kCanonicalSettings, "built-in canonical settings");
  if (!parsed.ok()) {  // a programming error, caught by settings_test
    std::cerr << parsed.status().ToString() << "\n";
    std::abort();
  }
  LinkSettings settings = std::move(*parsed);
  settings.link_type = link_type;
  return settings;
}

}  // namespace reunite::match
