#include "match/settings.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace reunite::match {
namespace {

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(REUNITE_SOURCE_DIR) + "/" + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

constexpr const char* kMinimal = R"({
  "comparisons": [{"kind": "string", "column": "name", "levels": ["exact"]}],
  "blocking_rules": ["name"]
})";

// The error message of parsing `json`, or "" when it parses.
std::string ErrorOf(const std::string& json) {
  auto s = ParseSettings(json, "s.json");
  return s.ok() ? "" : s.status().message();
}

TEST(SettingsTest, MinimalDocumentTakesDefaults) {
  auto s = ParseSettings(kMinimal, "s.json");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->link_type, LinkType::kDedupe);
  EXPECT_EQ(s->unique_id_column, "record_id");
  ASSERT_EQ(s->comparisons.size(), 1u);
  EXPECT_EQ(s->comparisons[0].name, "name");  // defaults to the column
  EXPECT_EQ(s->comparisons[0].LevelLabels(), (std::vector<std::string>{"exact", "different"}));
  EXPECT_EQ(s->em.max_iterations, 1000);
  EXPECT_EQ(s->LeftColumns(), (std::vector<std::string>{"record_id", "name"}));
}

TEST(SettingsTest, FebrlExamplesParse) {
  for (const char* file : {"examples/febrl/febrl4.json", "examples/febrl/febrl3.json"}) {
    std::string text = ReadSource(file);
    ASSERT_FALSE(text.empty()) << file;
    auto s = ParseSettings(text, file);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->unique_id_column, "rec_id");
    EXPECT_TRUE(s->csv.trim_leading_space);
    EXPECT_GE(s->blocking_rules.size(), 5u);
  }
  EXPECT_EQ(ParseSettings(ReadSource("examples/febrl/febrl4.json"), "")->link_type, LinkType::kLink);
}

TEST(SettingsTest, EveryLevelAndKind) {
  auto s = ParseSettings(R"({
    "link_type": "link", "format": "csv", "unique_id_column": "id",
    "csv": {"delimiter": ";", "trim_leading_space": true},
    "comparisons": [
      {"name": "g", "kind": "string", "column": "given", "term_frequency_adjustment": true,
       "levels": ["exact", "nickname", "phonetic", {"jaro_winkler": 0.92}, {"damerau_levenshtein": 1}, {"prefix": 3}]},
      {"name": "s", "kind": "token_set", "columns": ["p", "m"], "fuzzy_threshold": 0.85},
      {"name": "d", "kind": "date", "column": "dob", "date_format": "dmy"},
      {"name": "ph", "kind": "identifier", "column": "phones", "list_separator": ";"},
      {"name": "n", "kind": "number", "left_column": "age", "right_column": "edad", "max_differences": [1, 5]}
    ],
    "blocking_rules": [["given.phonetic", "dob.year"], "phones.items", "p.prefix2+m.suffix3"],
    "threshold": 0.8, "one_to_one": true, "max_block_pairs": 1000,
    "em": {"max_u_pairs": 5000, "max_iterations": 10, "convergence": 0.001, "seed": 7, "fix_u": true}
  })", "s.json");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->csv.delimiter, ';');
  EXPECT_EQ(s->comparisons[0].LevelCount(), 7);
  EXPECT_EQ(s->comparisons[0].string_levels[3].label, "jaro_winkler >= 0.92");
  EXPECT_EQ(s->comparisons[0].ExactLevel(), 0);
  EXPECT_EQ(s->comparisons[1].left_columns, (std::vector<std::string>{"p", "m"}));
  EXPECT_EQ(s->comparisons[2].date_format.order(), DateOrder::kDayMonthYear);
  EXPECT_EQ(s->comparisons[4].LevelLabels(), (std::vector<std::string>{"equal", "within 1", "within 5", "different"}));
  EXPECT_EQ(s->comparisons[4].right_columns, (std::vector<std::string>{"edad"}));
  ASSERT_EQ(s->blocking_rules.size(), 3u);
  EXPECT_EQ(s->blocking_rules[0].text, "given.phonetic+dob.year");
  EXPECT_EQ(s->blocking_rules[2].parts[1].transform, BlockingPart::Transform::kSuffix);
  EXPECT_EQ(s->blocking_rules[2].parts[1].length, 3);
  EXPECT_EQ(s->em.seed, 7u);
  EXPECT_TRUE(s->one_to_one);
}

TEST(SettingsTest, ErrorsNameTheJsonPath) {
  EXPECT_NE(ErrorOf("{").find("s.json: not valid JSON"), std::string::npos);
  EXPECT_EQ(ErrorOf("[]"), "s.json: $: expected an object");
  EXPECT_EQ(ErrorOf(R"({"blocking_rules": ["a"]})"), "s.json: $: missing \"comparisons\"");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "string", "column": "a", "levels": ["exact", "jaro"]}],
                        "blocking_rules": ["a"]})"),
            "s.json: $.comparisons[0].levels[1]: unknown level 'jaro' (exact, nickname, phonetic, jaro_winkler, "
            "damerau_levenshtein, prefix)");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "string", "column": "a", "levels": [{"jaro_winkler": 1.5}]}],
                        "blocking_rules": ["a"]})"),
            "s.json: $.comparisons[0].levels[0].jaro_winkler: 1.5 is outside [0, 1]");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "strin", "column": "a"}], "blocking_rules": ["a"]})"),
            "s.json: $.comparisons[0].kind: unknown kind 'strin' (string, token_set, date, identifier, number)");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "columns": "d", "date_format": "ymd"}], "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[0].date_format: unknown date format 'ymd': the year must be YYYY (two-digit years "
            "are ambiguous) (a name: iso, YYYYMMDD, mdy, dmy; or a pattern such as %d/%m/%Y or DD/MM/YYYY)");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "string", "column": "d", "levels": ["exact"], "date_format": "dmy"}],
                        "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[0].date_format: only date comparisons take a date_format");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date"}], "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[0]: missing \"column\" (or \"left_column\" and \"right_column\")");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d", "levels": ["exact"]}], "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[0].levels: only string comparisons take levels; date has a fixed ladder");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d", "colour": 1}], "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[0]: unknown key 'colour'");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"}, {"kind": "identifier", "column": "d"}],
                        "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[1].name: repeated comparison name 'd'");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"}], "blocking_rules": ["d", "d.soundex"]})"),
            "s.json: $.blocking_rules[1]: unknown transform 'soundex' in 'd.soundex' (exact, phonetic, prefixN, "
            "suffixN, first_token, last_token, items, words, digits, digits_sorted, year, month, month_day)");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"}], "blocking_rules": [["d", 3]]})"),
            "s.json: $.blocking_rules[0][1]: expected a string");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"}], "blocking_rules": ["d"], "link_type": "merge"})"),
            "s.json: $.link_type: expected \"dedupe\" or \"link\", not 'merge'");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"}], "blocking_rules": ["d"], "em": {"seed": -1}})"),
            "s.json: $.em.seed: expected a non-negative integer");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"}], "blocking_rules": ["d"], "csv": {"delimiter": ";;"}})"),
            "s.json: $.csv.delimiter: expected one character");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"},
                        {"kind": "string", "column": "s", "levels": ["exact"], "veto_levels": ["different"],
                         "veto_unless_agree": ["d", {"d": "exact"}, 3]}], "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[1].veto_unless_agree[2]: expected a comparison name, an object of comparison "
            "names and levels, or a list of these");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"},
                        {"kind": "string", "column": "s", "levels": ["exact"], "veto_levels": ["different"],
                         "veto_unless_agree": [{"d": "close"}]}], "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[1].veto_unless_agree[0].d: no level 'close'");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"},
                        {"kind": "string", "column": "s", "levels": ["exact"], "veto_unless_weight": 10}],
                        "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[1]: veto_unless_weight needs veto_levels");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"},
                        {"kind": "string", "column": "s", "levels": ["exact"], "veto_levels": ["different"],
                         "veto_unless_weight": "high"}], "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[1].veto_unless_weight: expected a number");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "string", "column": "s",
                         "levels": [{"prefix": 3, "label": "different"}]}], "blocking_rules": ["s"]})"),
            "s.json: $.comparisons[0].levels[0].label: expected a name for the level, not 'different'");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "string", "column": "s",
                         "levels": [{"prefix": 3, "exact": true}]}], "blocking_rules": ["s"]})"),
            "s.json: $.comparisons[0].levels[0]: expected a level name or a one-key object like "
            "{\"jaro_winkler\": 0.92} (and \"label\")");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"},
                        {"kind": "string", "column": "s", "levels": ["exact"], "veto_levels": ["different"],
                         "veto_unless_near": 10}], "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[1].veto_unless_near: only for identifiers");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"},
                        {"kind": "identifier", "column": "s", "veto_levels": ["different"],
                         "veto_near_agree": {"d": "exact"}}], "blocking_rules": ["d"]})"),
            "s.json: $.comparisons[1]: veto_near_agree needs veto_unless_near");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"}], "blocking_rules": ["d"], "widen_blocking": 1})"),
            "s.json: $.widen_blocking: expected true or false");
}

// A level may carry the name a reviewer reads in explanations.
TEST(SettingsTest, AStringLevelMayBeNamed) {
  auto s = ParseSettings(R"({"comparisons": [{"kind": "string", "column": "place",
      "levels": [{"exact": true, "label": "same station"}, {"prefix": 3, "label": "same sector"}, "phonetic"]}],
      "blocking_rules": ["place"]})", "s.json");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->comparisons[0].LevelLabels(),
            (std::vector<std::string>{"same station", "same sector", "phonetic", "different"}));
  EXPECT_EQ(s->comparisons[0].string_levels[1].test, StringLevel::Test::kPrefix);
  EXPECT_EQ(s->comparisons[0].string_levels[1].threshold, 3);
}

TEST(SettingsTest, EstimationKeys) {
  auto s = ParseSettings(R"({"comparisons": [
      {"name": "surnames", "kind": "token_set", "column": "surnames", "blocking_columns": ["paternal"],
       "m_prior": [0.3, 0.05, 0.05, 0.05, 0.025, 0.025], "ordered_levels": false}],
    "blocking_rules": ["paternal"], "em": {"fix_u": true}})", "s.json");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const ComparisonSpec& c = s->comparisons[0];
  EXPECT_TRUE(c.FixedBy("paternal"));
  EXPECT_TRUE(c.FixedBy("surnames"));
  ASSERT_EQ(c.m_prior.size(), 6u);
  EXPECT_DOUBLE_EQ(c.m_prior[0], 0.6);  // normalised
  EXPECT_FALSE(c.ordered_levels);
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "string", "column": "a", "levels": ["exact"], "m_prior": [1]}],
                        "blocking_rules": ["a"]})"),
            "s.json: $.comparisons[0].m_prior: expected a list of 2 probabilities, one per level (different last)");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "string", "column": "a", "levels": ["exact"], "m_prior": [1, 0]}],
                        "blocking_rules": ["a"]})"),
            "s.json: $.comparisons[0].m_prior[1]: 0 is outside [1e-09, 1]");
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"}], "blocking_rules": ["d"], "em": {"fix_u": false}})"),
            "s.json: $.em.fix_u: u is always estimated from random pairs and kept fixed; remove \"fix_u\"");
  std::string rules;
  for (int i = 0; i < 17; ++i) rules += std::string(i ? "," : "") + "\"d\"";
  EXPECT_EQ(ErrorOf(R"({"comparisons": [{"kind": "date", "column": "d"}], "blocking_rules": [)" + rules + "]}"),
            "s.json: $.blocking_rules: 17 rules: at most 16");
}

TEST(SettingsTest, DateFormatsByNameOrPattern) {
  for (const char* f : {"%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%Y%m%d", "%d.%m.%Y", "%d-%b-%Y", "DD/MM/YYYY", "iso",
                        "YYYYMMDD", "mdy", "dmy"}) {
    auto s = ParseSettings(std::string(R"({"comparisons": [{"kind": "date", "column": "d", "date_format": ")") + f +
                               R"("}], "blocking_rules": ["d.year"]})",
                           "s.json");
    ASSERT_TRUE(s.ok()) << f << ": " << s.status().ToString();
    EXPECT_EQ(s->comparisons[0].date_format.name(), f);
  }
  auto s = ParseSettings(R"({"comparisons": [{"kind": "date", "column": "d"}], "blocking_rules": ["d"]})", "s.json");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->comparisons[0].date_format.name(), "iso");  // the default
}

TEST(SettingsTest, BlockingRuleLanguage) {
  auto rule = ParseBlockingRule("date_of_birth.year + surname.prefix2+phones.items");
  ASSERT_TRUE(rule.ok());
  ASSERT_EQ(rule->parts.size(), 3u);
  EXPECT_EQ(rule->parts[0].column, "date_of_birth");
  EXPECT_EQ(rule->parts[0].transform, BlockingPart::Transform::kYear);
  EXPECT_EQ(rule->parts[1].transform, BlockingPart::Transform::kPrefix);
  EXPECT_EQ(rule->parts[1].length, 2);
  EXPECT_EQ(rule->parts[2].transform, BlockingPart::Transform::kItems);
  EXPECT_EQ(ParseBlockingRule("postcode")->parts[0].transform, BlockingPart::Transform::kExact);
  EXPECT_FALSE(ParseBlockingRule("a+").ok());
  EXPECT_FALSE(ParseBlockingRule("a.prefix0").ok());
  EXPECT_FALSE(ParseBlockingRule(".phonetic").ok());
}

TEST(SettingsTest, CanonicalSettingsAreValid) {
  LinkSettings s = CanonicalSettings(LinkType::kLink);  // aborts if the built-in document is broken
  EXPECT_EQ(s.link_type, LinkType::kLink);
  EXPECT_EQ(s.format, InputFormat::kCanonical);
  EXPECT_GE(s.comparisons.size(), 6u);
  EXPECT_GE(s.blocking_rules.size(), 4u);
}

}  // namespace
}  // namespace reunite::match
