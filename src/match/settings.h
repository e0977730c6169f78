// Linkage settings: the declarative description of one Fellegi-Sunter model, in
// Splink's shape. The code holds comparison *kinds* (comparisons.h); a settings file
// chooses the columns, each comparison's kind and levels, the blocking rules, the
// threshold and the EM parameters. Reunite's canonical person files need no file:
// CanonicalSettings() is the built-in model for them.
//
// JSON shape (every key but "comparisons" and "blocking_rules" optional):
//   {
//     "link_type": "dedupe" | "link",
//     "format": "csv" | "canonical",          // canonical: read with ingest's agency-list reader
//     "unique_id_column": "rec_id",
//     "csv": {"delimiter": ",", "trim_leading_space": true},
//     "comparisons": [
//       {"name": "given_name", "kind": "string", "column": "given_name",
//        "levels": ["exact", "nickname", "phonetic", {"jaro_winkler": 0.92}, {"damerau_levenshtein": 1},
//                   {"prefix": 3, "label": "same first 3 letters"}],
//        "term_frequency_adjustment": true},   (a "label" names a level in explanations)
//       {"name": "surnames", "kind": "token_set", "columns": ["paternal", "maternal"], "fuzzy_threshold": 0.9},
//       {"name": "dob", "kind": "date", "column": "date_of_birth", "date_format": "%d/%m/%Y"},
//       {"name": "phones", "kind": "identifier", "column": "phones", "list_separator": ";"},
//       {"name": "street_number", "kind": "number", "column": "street_number", "max_differences": [1, 10]},
//       {"name": "surnames", "kind": "token_set", "column": "surnames",
//        "blocking_columns": ["paternal_surname"], "m_prior": [0.7, 0.08, 0.1, 0.05, 0.04, 0.03]}
//     ],
//     "blocking_rules": ["given_name.phonetic+surname.prefix2", ["date_of_birth"], ...],
//     "threshold": 0.5,              // match probability at which a pair is a match
//     "one_to_one": false,           // link only: each record in at most one predicted pair
//     "max_block_pairs": 50000,      // a blocking key giving more pairs than this is skipped
//     "widen_blocking": true,        // add single-column rules when the given ones miss matches
//     "em": {"max_u_pairs": 1000000, "max_iterations": 1000, "convergence": 1e-6, "seed": 42,
//            "tf_minimum_u": 1e-6}
//   }
// Estimation (estimate.h): u from random pairs (then fixed), m by EM in one session
// per blocking rule, leaving out the comparisons the rule fixes (those reading one of
// the rule's columns, or naming it in "blocking_columns"), then lambda over all pairs.
// A fitted model that fails its health check (model_health.h) is not used: the
// comparisons' "m_prior" values are used instead when every comparison gives them,
// else the run is refused unless forced (--force). At most 16 blocking rules.
// "fix_u": true is accepted for old files (u is always fixed); false is refused.
// Clustering (cluster.h): "veto_levels": ["different"] on a comparison refuses to
// cluster two records at that level; "veto_unless_agree" lifts it when other
// comparisons agree: "given_name" (at its first level), or {"surnames": "fuzzy match
// token by token", "date_of_birth": ["exact", "year off by one"]} (each at that level
// or closer, or at one of the levels listed), or a list of such alternatives, any of
// which lifts it: ["given_name", {"a_number": "equal"}]; "veto_unless_weight": 10 lifts
// it when the pair's match weight is at least 10 all the same; "veto_unless_near": 10000
// (identifiers) when two of the numbers are at most 10,000 apart and the comparisons of
// "veto_near_agree" (one alternative, as above) agree or cannot be compared (a value
// missing: the near numbers are the evidence, the condition only guards against a
// known contradiction);
// "max_cluster_size" (default 50) caps a cluster.
// A comparison reads "column" (or "columns", joined with a space) on both sides, or
// "left_column"/"right_column" when the two sides name it differently.
//
// Dates (ingest/dates.h) may have any year from 1 to 9999 (1066-10-14, 0800-12-25).
// "date_format", for date comparisons only, says how the column writes them:
//   - a name: "iso" (the default) or "YYYYMMDD": ISO 2018-06-21 and compact 20180621;
//     "mdy" or "dmy": slashed, dashed or dotted dates in that order, and ISO and compact;
//   - a pattern, which only dates written exactly so fit: strftime-style "%Y-%m-%d",
//     "%d/%m/%Y", "%m/%d/%Y", "%Y%m%d", "%d.%m.%Y", "%d-%b-%Y", or spelled "DD/MM/YYYY",
//     "YYYY-MM-DD", "DD-MON-YYYY", "D.M.YYYY". %Y/YYYY is four digits (0800); %m and %d
//     one or two digits (exactly two next to another number); %b/%B/MON/MMM a month
//     name or abbreviation in English or Spanish (Oct, OCT, ene, agosto), any case.
//     Two-digit years (%y, YY) are refused: the century is a guess.
// In every format a bare year ("1850") is a year-only date and "unknown", "n/a", "-"
// are missing. Any other value that does not fit is unreadable: it counts as missing
// for the model, and the column check (column_check.h; the CLI prints it) warns when
// more than 5% of a column's values are unreadable, or more than half its records are
// empty, and refuses a comparison column with no usable value at all. An impossible
// date written in the format's shape (month 13) is unreadable too, but comparisons
// still weigh its numbers (a typo).
//
// Blocking advice: a pair no rule produces is never compared, so give rules that
// each need little to agree: each identifying column alone ("surname", "dob",
// "email") is a good start, since a key whose block would exceed max_block_pairs is
// skipped (a common surname costs nothing); add pairs of columns for what the single
// ones skip. The engine estimates the share of matching pairs the rules bring
// together (capture-recapture over the rules, estimate.h) and warns under 90%. Under
// 90%, unless "widen_blocking" is false, it runs again with a rule on each column a
// comparison reads, alone, added (the keys of a block over max_block_pairs skipped),
// and keeps that run, with a note naming the rules added, when it stays within
// a budget of candidate pairs (linker.h).
//
// Blocking key language: a rule is a list of parts (or one string joining them with
// '+'); records that agree on every part of a rule become a candidate pair. A part is
// "column" or "column.transform" with transform one of: exact (the default: folded,
// spaces collapsed), phonetic, prefixN, suffixN, first_token, last_token, items (one
// key per ';'-separated item), words (one key per word: swapped surnames meet), digits, digits_sorted, year, month, month_day (dates are
// read in the format of the column's date comparison, else ISO/YYYYMMDD). A record
// whose part is empty takes no part in that rule.
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/csv_reader.h"
#include "ingest/dates.h"
#include "match/comparisons.h"

namespace reunite::match {

enum class LinkType { kDedupe, kLink };
enum class InputFormat { kCsv, kCanonical };
enum class ComparisonKind { kString, kTokenSet, kDate, kIdentifier, kNumber };

// Packed comparison vectors (model.h) hold 4 bits per comparison.
inline constexpr int kMaxComparisons = 16;
inline constexpr int kMaxLevels = 15;  // including the last, "different" level

struct ComparisonSpec {
  std::string name;
  ComparisonKind kind = ComparisonKind::kString;
  std::vector<std::string> left_columns, right_columns;  // joined with a space when several
  std::vector<StringLevel> string_levels;                // kString
  double fuzzy_threshold = 0.9;                          // kTokenSet
  DateFormat date_format;                                // kDate, and blocking on its column
  std::string list_separator;                            // kString/kIdentifier: best level over items
  std::vector<double> max_differences;                   // kNumber
  bool term_frequency_adjustment = false;
  // Columns besides the ones it reads whose use in a blocking rule fixes this
  // comparison's level (a "surnames" comparison is fixed by blocking on
  // "paternal_surname"): EM leaves the comparison out of that rule's session.
  std::vector<std::string> blocking_columns;
  // Safe m per level (LevelCount() values, normalised), used when the fitted model
  // fails its health check; empty: none (then a failed fit is refused unless forced).
  std::vector<double> m_prior;
  // false: the levels are alternatives, not closer to looser (only "different" must
  // weigh least).
  bool ordered_levels = true;
  // Levels at which two records cannot be one person (strong contrary evidence: two
  // A-numbers more than a typo apart): a dedupe never puts them in one cluster. For a
  // date comparison only when both dates are exact (not a January-1 default or a
  // year alone). Lifted when, in one of the veto_unless_agree alternatives, every
  // comparison is at one of its levels: a sex that differs while the given names or
  // the A-numbers agree is a typo; a second A-number issued in error comes with the
  // same name and birth date, or the same birth date, phone and given name.
  std::vector<int> veto_levels;
  using VetoLift = std::vector<std::pair<int, std::uint32_t>>;  // (comparison index, levels as bits), all hold
  std::vector<VetoLift> veto_unless_agree;                       // alternatives: one lifts the veto
  // Lifts the veto too when the pair's match weight, this comparison's level
  // included, is at least this: the rest of the evidence outweighs the contrary
  // level many times over (a second A-number issued in error on a record that agrees
  // on everything else). Infinite: never.
  double veto_unless_weight = std::numeric_limits<double>::infinity();
  // Identifiers only: not a veto when two of the values, read as numbers, are at most
  // this far apart (0: never). A second A-number issued in error days later is near the
  // first, as numbers are issued in order.
  double veto_unless_near = 0;
  // ...and then only when these agree too (one alternative, as in veto_unless_agree;
  // empty: none needed): sisters apprehended together get numbers a few apart too.
  std::vector<VetoLift> veto_near_agree;

  // Whether blocking on `column` fixes this comparison (a column it reads, or one of
  // blocking_columns).
  bool FixedBy(const std::string& column) const;

  int LevelCount() const;                       // levels excluding null, "different" included
  std::vector<std::string> LevelLabels() const;  // LevelCount() labels
  // The level at which values are equal (TF adjustment applies there); -1 if none.
  int ExactLevel() const;
};

struct BlockingPart {
  enum class Transform {
    kExact, kPhonetic, kPrefix, kSuffix, kFirstToken, kLastToken, kItems, kWords, kDigits, kDigitsSorted,
    kYear, kMonth, kMonthDay,
  };
  std::string column;
  Transform transform = Transform::kExact;
  int length = 0;  // prefix/suffix length
};

struct BlockingRule {
  std::vector<BlockingPart> parts;
  std::string text;  // as written, for reports
  bool added = false;  // by the engine when it widened the blocking (linker.h), not written
};

struct EmSettings {
  long max_u_pairs = 1'000'000;  // random pairs sampled to estimate u
  int max_iterations = 1000;     // per EM session
  double convergence = 1e-6;     // stop when no parameter moves more than this
  std::uint64_t seed = 42;
  double tf_minimum_u = 1e-6;    // floor of a term-frequency-adjusted u
};

struct LinkSettings {
  LinkType link_type = LinkType::kDedupe;
  InputFormat format = InputFormat::kCsv;
  std::string unique_id_column = "record_id";
  CsvOptions csv;
  std::vector<ComparisonSpec> comparisons;
  std::vector<BlockingRule> blocking_rules;
  double threshold = 0.5;
  bool one_to_one = false;
  long max_block_pairs = 50'000;
  long max_cluster_size = 50;
  bool widen_blocking = true;
  EmSettings em;

  // Every column the model reads (comparisons, blocking, id), left or right side.
  std::vector<std::string> LeftColumns() const;
  std::vector<std::string> RightColumns() const;
};

// Parses and validates a settings document. Errors are InvalidArgument with the
// file name and the JSON path of the offending value, e.g.
// "febrl4.json: $.comparisons[2].levels[1]: unknown level 'jaro'". Never throws.
Result<LinkSettings> ParseSettings(std::string_view json_text, std::string_view file_name);

// Parses one blocking rule ("surname.phonetic+date_of_birth.year").
Result<BlockingRule> ParseBlockingRule(std::string_view text);

// The built-in model for Reunite's canonical person files (format kCanonical), whose
// derived columns are listed by CanonicalColumns() (dataset.h).
LinkSettings CanonicalSettings(LinkType link_type);

std::string ToString(LinkType t);
std::string ToString(ComparisonKind k);

}  // namespace reunite::match
