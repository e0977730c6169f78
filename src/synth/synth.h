// Synthetic agency lists for tests, demos and benchmarks: families separated at the
// border in 2018, written as an ORR children's list and a mixed ICE/CBP adults'
// list with realistic noise, plus the truth (which records are whom, and which
// adult records are a child's parent or relative) to score linkage against.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "common/status.h"

namespace reunite {

struct SynthOptions {
  long families = 1000;
  std::uint64_t seed = 1;
  double noise = 1.0;  // 0 = clean, 1 = default, 2 = harsh; rates scale linearly
  std::string reference_date = "2018-07-26";  // ages and removals are as of this day
};

struct SynthSummary {
  long children = 0;       // rows in children.csv
  long adults = 0;         // distinct adults
  long adult_records = 0;  // rows in adults.csv (adults plus their duplicates)
  long links = 0;          // rows in truth_links.csv
};

// Writes into out_dir (created, with parents, if missing; existing files replaced):
//   children.csv              - ORR's list, its own header (synth::kOrrColumns) and ways
//                               (agency_style.h); ORR- ids
//   adults.csv                - header record_id,given_names,surnames,sex,date_of_birth,
//                               country,a_number,phones,language,apprehension_date,
//                               apprehension_place,location,status,removal_date,
//                               reported_relatives; rows of ICE- and CBP- ids, each
//                               system writing its own way (agency_style.h)
//   truth_links.csv           - child_record_id,adult_record_id,relationship; one row per
//                               child and each record of each adult apprehended with it
//   truth_entities.csv        - list,record_id,person_id; one row per record; an adult's
//                               duplicate records share a person_id
// The same options give byte-identical files on every platform. Memory does not grow
// with `families`. `progress`, if set, is called with the fraction done (0..1).
// Returns InvalidArgument for families < 0, noise outside [0, 10] or a reference date
// that is not YYYY-MM-DD on or after 2018-05-01; IOError when out_dir or a file cannot
// be created or written; the data-file error if the embedded name/place data is bad.
Result<SynthSummary> WriteSyntheticLists(const SynthOptions& options, const std::string& out_dir,
                                         std::function<void(double)> progress = {});

}  // namespace reunite
