// End-to-end tests of WriteSyntheticLists: determinism, file shapes, truth
// consistency, clean output at noise 0, and noise rates that rise with the level.
#include "synth/synth.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "ingest/agency_list.h"
#include "ingest/border_places.h"
#include "synth/calendar.h"
#include "synth/data_table.h"
#include "synth/name_pool.h"
#include "synth/noise.h"
#include "synth/render.h"

namespace reunite {
namespace {

namespace fs = std::filesystem;
using synth::DataTable;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Lists {
  SynthSummary summary;
  DataTable children, adults, links, entities;
  std::map<std::string, std::vector<std::string>> by_id;  // record id -> row
  std::map<std::string, Person> parsed;                   // record id -> as the importer reads it
  int import_warnings = 0;
};

// Reads a list back with Reunite's importer; every row must parse without error.
void Import(const std::string& bytes, Role role, const char* file, Lists* l) {
  ListOptions opt;
  opt.role = role, opt.file_name = file, opt.today = "2018-07-26";
  AgencyList list = ReadAgencyList(bytes, opt);
  EXPECT_EQ(list.errors(), 0) << file << ": " << (list.diagnostics.empty() ? "" : list.diagnostics[0].ToString());
  EXPECT_EQ(static_cast<long>(list.rows.size()), list.data_rows) << file;
  l->import_warnings += list.warnings();
  for (ListRow& row : list.rows) l->parsed[row.record_id] = std::move(row.person);
}

// One folder per process: test runs of several checkouts share /tmp.
std::string DirPrefix() { return "synth_test_" + std::to_string(::getpid()) + "_"; }
fs::path Dir(const std::string& name) { return fs::path(::testing::TempDir()) / (DirPrefix() + name); }

// Removes this process's folders when the tests end.
class RemoveDirs : public ::testing::Environment {
  void TearDown() override {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(::testing::TempDir(), ec))
      if (e.path().filename().string().rfind(DirPrefix(), 0) == 0) fs::remove_all(e.path(), ec);
  }
};
[[maybe_unused]] ::testing::Environment* const kRemoveDirs = ::testing::AddGlobalTestEnvironment(new RemoveDirs);

Lists Generate(const std::string& name, long families, double noise, std::uint64_t seed = 7) {
  SynthOptions o;
  o.families = families, o.noise = noise, o.seed = seed;
  fs::remove_all(Dir(name));
  Result<SynthSummary> r = WriteSyntheticLists(o, Dir(name).string());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  Lists l;
  if (!r.ok()) return l;
  l.summary = *r;
  auto parse = [&](const char* file) {
    Result<DataTable> t = synth::ParseDataTable(ReadFile(Dir(name) / file), file);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : DataTable{};
  };
  l.children = parse("children.csv"), l.adults = parse("adults.csv");
  l.links = parse("truth_links.csv"), l.entities = parse("truth_entities.csv");
  for (const auto* t : {&l.children, &l.adults})
    for (const auto& row : t->rows) l.by_id[row[0]] = row;
  Import(ReadFile(Dir(name) / "children.csv"), Role::kChild, "children.csv", &l);
  Import(ReadFile(Dir(name) / "adults.csv"), Role::kAdult, "adults.csv", &l);
  return l;
}

bool IsIce(const std::string& record_id) { return record_id.rfind("ICE-", 0) == 0; }
std::string Folded(const std::string& s) { return synth::CapitalsWithoutAccents(s); }

const synth::NamePool& Names() {
  static const synth::NamePool pool = *synth::NamePool::Load();
  return pool;
}

// Splits "de la Cruz López de Pérez" into pool surnames by longest match; returns
// false when some part is not a known surname.
bool SplitSurnames(const std::string& text, std::vector<std::string>* out) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  out->clear();
  for (std::size_t i = 0; i < words.size();) {
    std::size_t taken = 0;
    for (std::size_t k = std::min<std::size_t>(3, words.size() - i); k >= 1 && !taken; --k) {
      std::string s = words[i];
      for (std::size_t j = 1; j < k; ++j) s += " " + words[i + j];
      if (Names().IsSurname(s)) out->push_back(s), taken = k;
    }
    if (!taken && words[i] == "de" && i + 1 < words.size()) taken = 1;  // married "de <surname>"
    if (!taken) return false;
    i += taken;
  }
  return true;
}

TEST(Synth, SameSeedSameBytesOtherSeedDiffers) {
  Generate("det_a", 300, 1.0);
  Generate("det_b", 300, 1.0);
  Generate("det_c", 300, 1.0, 8);
  for (const char* f : {"children.csv", "adults.csv", "truth_links.csv", "truth_entities.csv"})
    EXPECT_EQ(ReadFile(Dir("det_a") / f), ReadFile(Dir("det_b") / f)) << f;
  EXPECT_NE(ReadFile(Dir("det_a") / "children.csv"), ReadFile(Dir("det_c") / "children.csv"));
}

TEST(Synth, HeadersAndIdsAreExact) {
  Lists l = Generate("headers", 200, 1.0);
  const std::vector<std::string> header = {
      "record_id", "given_names", "surnames", "sex", "date_of_birth", "country", "a_number", "phones", "language",
      "apprehension_date", "apprehension_place", "location", "status", "removal_date", "reported_relatives"};
  EXPECT_EQ(l.children.header, synth::kOrrColumns);
  EXPECT_EQ(l.adults.header, header);
  EXPECT_EQ(l.links.header, (std::vector<std::string>{"child_record_id", "adult_record_id", "relationship"}));
  EXPECT_EQ(l.entities.header, (std::vector<std::string>{"list", "record_id", "person_id"}));
  auto digits = [](const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; };
  for (const auto& row : l.children.rows)
    EXPECT_TRUE(row[0].size() == 10 && row[0].rfind("ORR-", 0) == 0 && digits(row[0].substr(4))) << row[0];
  for (const auto& row : l.adults.rows) {
    bool ice = row[0].size() == 11 && row[0].rfind("ICE-", 0) == 0;
    bool cbp = row[0].size() == 10 && row[0].rfind("CBP-", 0) == 0;
    EXPECT_TRUE((ice || cbp) && digits(row[0].substr(4))) << row[0];
  }
  EXPECT_EQ(l.by_id.size(), l.children.rows.size() + l.adults.rows.size()) << "record ids repeat";
}

TEST(Synth, CountsAgreeWithTruthFiles) {
  Lists l = Generate("counts", 500, 1.0);
  EXPECT_EQ(l.summary.children, static_cast<long>(l.children.rows.size()));
  EXPECT_EQ(l.summary.adult_records, static_cast<long>(l.adults.rows.size()));
  EXPECT_EQ(l.summary.links, static_cast<long>(l.links.rows.size()));
  EXPECT_EQ(l.entities.rows.size(), l.children.rows.size() + l.adults.rows.size());
  std::set<std::string> adult_people, linked_adults, linked_children;
  std::map<std::string, std::string> list_of;
  for (const auto& row : l.entities.rows) {
    list_of[row[1]] = row[0];
    if (row[0] == "adults") adult_people.insert(row[2]);
  }
  EXPECT_EQ(static_cast<long>(adult_people.size()), l.summary.adults);
  EXPECT_GT(l.summary.adult_records, l.summary.adults);  // some duplicates
  for (const auto& row : l.links.rows) {
    EXPECT_EQ(list_of[row[0]], "children") << row[0];
    EXPECT_EQ(list_of[row[1]], "adults") << row[1];
    linked_children.insert(row[0]), linked_adults.insert(row[1]);
    static const std::set<std::string> kinds = {"father", "mother", "legal_guardian", "other_relative"};
    EXPECT_TRUE(kinds.count(row[2])) << row[2];
  }
  for (const auto& row : l.adults.rows) EXPECT_TRUE(linked_adults.count(row[0])) << row[0];
  for (const auto& row : l.children.rows) EXPECT_TRUE(linked_children.count(row[0])) << row[0];
  for (const auto& row : l.adults.rows) EXPECT_TRUE(list_of.count(row[0])) << row[0];
}

TEST(Synth, CleanChildrenCarryParentsFirstSurnames) {
  Lists l = Generate("clean_surnames", 800, 0.0);
  int checked = 0;
  for (const auto& link : l.links.rows) {
    if ((link[2] != "father" && link[2] != "mother") || IsIce(link[1])) continue;
    std::vector<std::string> child, parent;
    ASSERT_TRUE(SplitSurnames(l.by_id[link[0]][2], &child)) << l.by_id[link[0]][2];
    ASSERT_TRUE(SplitSurnames(l.by_id[link[1]][2], &parent)) << l.by_id[link[1]][2];
    ASSERT_EQ(child.size(), 2u) << l.by_id[link[0]][2];
    ASSERT_GE(parent.size(), 2u);
    EXPECT_EQ(child[link[2] == "father" ? 0 : 1], parent[0]) << link[0] << " " << link[1];
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

TEST(Synth, CleanNamesComeStraightFromThePools) {
  Lists l = Generate("clean_names", 800, 0.0);
  EXPECT_EQ(l.import_warnings, 0);  // no placeholders, shared numbers or misspellings
  for (const auto* t : {&l.children, &l.adults})
    for (const auto& row : t->rows) {
      if (IsIce(row[0])) {
        EXPECT_EQ(row[1] + row[2], Folded(row[1] + row[2])) << "ICE writes capitals without accents";
        continue;
      }
      std::istringstream given(row[1]);
      for (std::string g; given >> g;) EXPECT_TRUE(Names().IsGivenName(g)) << row[0] << " " << g;
      std::vector<std::string> parts;
      EXPECT_TRUE(SplitSurnames(row[2], &parts)) << row[0] << " " << row[2];
      EXPECT_FALSE(row[3].empty());
      EXPECT_FALSE(row[4].empty());
    }
  // Duplicates of one adult, written by the two systems each its own way, read back
  // to the same facts.
  std::map<std::string, std::string> first_record;
  int duplicates = 0;
  for (const auto& e : l.entities.rows) {
    if (e[0] != "adults") continue;
    auto [it, inserted] = first_record.emplace(e[2], e[1]);
    if (inserted) continue;
    ++duplicates;
    const auto &a = l.by_id[it->second], &b = l.by_id[e[1]];
    EXPECT_NE(a, b);
    EXPECT_EQ(Folded(a[1] + "|" + a[2]), Folded(b[1] + "|" + b[2])) << e[1];
    const Person &pa = l.parsed[it->second], &pb = l.parsed[e[1]];
    EXPECT_EQ(pa.birth, pb.birth) << e[1];
    EXPECT_EQ(pa.sex, pb.sex) << e[1];
    EXPECT_EQ(pa.nationality, pb.nationality) << e[1];
    EXPECT_EQ(pa.a_number, pb.a_number) << e[1];
    EXPECT_EQ(pa.phones, pb.phones) << e[1];
    EXPECT_EQ(pa.apprehension_date, pb.apprehension_date) << e[1];
    EXPECT_EQ(ResolveBorderPlace(pa.apprehension_place).sector, ResolveBorderPlace(pb.apprehension_place).sector)
        << a[10] << " | " << b[10];
  }
  EXPECT_GT(duplicates, 50);
}

TEST(Synth, ChildrenShareApprehensionWithTheirAdults) {
  Lists l = Generate("groups", 600, 1.0);
  int shifted = 0, station_known = 0;
  for (const auto& link : l.links.rows) {
    const Person &child = l.parsed[link[0]], &adult = l.parsed[link[1]];
    // ORR may record the referral, a day to three after the apprehension.
    long days = synth::DaysFromCivil(child.apprehension_date) - synth::DaysFromCivil(adult.apprehension_date);
    EXPECT_TRUE(days >= 0 && days <= 3) << link[0] << " " << link[1];
    shifted += days > 0;
    BorderPlace c = ResolveBorderPlace(child.apprehension_place), a = ResolveBorderPlace(adult.apprehension_place);
    ASSERT_TRUE(c.resolved() && a.resolved()) << child.apprehension_place << " | " << adult.apprehension_place;
    EXPECT_EQ(c.sector, a.sector) << child.apprehension_place << " | " << adult.apprehension_place;
    if (c.station.empty() || a.station.empty()) continue;
    ++station_known;
    EXPECT_EQ(c.station, a.station) << child.apprehension_place << " | " << adult.apprehension_place;
  }
  EXPECT_GT(shifted, 0);
  EXPECT_GT(station_known, 100);
  for (const auto& [id, p] : l.parsed)
    EXPECT_TRUE(p.apprehension_date.ToIso() >= "2018-05-01" && p.apprehension_date.ToIso() <= "2018-06-23") << id;
}

TEST(Synth, EachAgencyWritesItsOwnWay) {
  Lists l = Generate("agencies", 1500, 1.0);
  auto share = [](const DataTable& t, auto&& has) {
    double n = 0;
    for (const auto& row : t.rows) n += has(row);
    return n / static_cast<double>(t.rows.size());
  };
  auto contains = [](const std::string& s, const char* part) { return s.find(part) != std::string::npos; };
  // ORR: US dates, sex spelt out, country names, places as a referral names them.
  EXPECT_GT(share(l.children, [&](auto& r) { return contains(r[4], "/"); }), 0.9);
  EXPECT_GT(share(l.children, [&](auto& r) { return r[3] == "Female" || r[3] == "Male"; }), 0.9);
  EXPECT_GT(share(l.children, [&](auto& r) { return contains(r[10], " Sector"); }), 0.15);
  EXPECT_GT(share(l.children, [&](auto& r) { return contains(r[10], ", "); }), 0.15);
  // ICE: capitals, MM/DD/YYYY, "SDC - CHULA VISTA"; CBP: ISO codes, YYYYMMDD, E.164, "SDC/CHU".
  DataTable ice, cbp;
  for (const auto& row : l.adults.rows) (IsIce(row[0]) ? ice : cbp).rows.push_back(row);
  EXPECT_EQ(share(ice, [&](auto& r) { return r[1] == Folded(r[1]); }), 1.0);
  EXPECT_GT(share(ice, [&](auto& r) { return contains(r[10], " - "); }), 0.2);
  EXPECT_GT(share(ice, [&](auto& r) { return r[5] == "GUATEMALA"; }), 0.4);
  EXPECT_GT(share(cbp, [&](auto& r) { return r[5].size() <= 3; }), 0.9);
  EXPECT_GT(share(cbp, [&](auto& r) { return r[4].size() == 8; }), 0.3);
  EXPECT_GT(share(cbp, [&](auto& r) { return contains(r[10], "/"); }), 0.005);
  EXPECT_GT(share(cbp, [&](auto& r) { return r[7].empty() || r[7][0] == '+'; }), 0.9);
  // Placeholders the importer flags, and numbers many unrelated adults share.
  EXPECT_GT(l.import_warnings, 50);
  std::map<std::string, std::set<std::string>> people_by_phone;
  std::map<std::string, std::string> person_of;
  for (const auto& e : l.entities.rows) person_of[e[1]] = e[2];
  for (const auto& row : l.adults.rows)
    for (const std::string& phone : l.parsed[row[0]].phones) people_by_phone[phone].insert(person_of[row[0]]);
  std::size_t most = 0;
  for (const auto& [phone, people] : people_by_phone) most = std::max(most, people.size());
  EXPECT_GT(most, 8u);
  // Countries read back whatever the form, misspellings included.
  for (const auto& [id, p] : l.parsed)
    EXPECT_TRUE(p.nationality == "GT" || p.nationality == "HN" || p.nationality == "SV") << id << " " << l.by_id[id][5];
}

struct Rates {
  double unknown_tokens = 0, caps = 0, jan_first = 0;
};

Rates Measure(const Lists& l) {
  Rates r;
  long tokens = 0, records = 0;
  for (const auto* t : {&l.children, &l.adults})
    for (const auto& row : t->rows) {
      if (IsIce(row[0])) continue;  // capitals without accents by convention, not by noise
      ++records;
      std::istringstream given(row[1]);
      for (std::string g; given >> g; ++tokens) r.unknown_tokens += !Names().IsGivenName(g);
      r.caps += row[1].find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
      const Date& dob = l.parsed.at(row[0]).birth.date;
      r.jan_first += dob.month == 1 && dob.day == 1;
    }
  r.unknown_tokens /= static_cast<double>(tokens);
  r.caps /= static_cast<double>(records);
  r.jan_first /= static_cast<double>(records);
  return r;
}

TEST(Synth, NoiseRatesRiseWithLevel) {
  Rates zero = Measure(Generate("noise0", 1500, 0.0));
  Rates one = Measure(Generate("noise1", 1500, 1.0));
  Rates two = Measure(Generate("noise2", 1500, 2.0));
  EXPECT_EQ(zero.unknown_tokens, 0);
  EXPECT_EQ(zero.caps, 0);
  EXPECT_GT(one.unknown_tokens, 0.01);
  EXPECT_GT(two.unknown_tokens, 1.5 * one.unknown_tokens);
  EXPECT_GT(one.caps, 0.05);
  EXPECT_GT(two.caps, 1.5 * one.caps);
  EXPECT_GT(two.jan_first, 1.4 * one.jan_first);
}

TEST(Synth, CountryMixIsRoughlyRealistic) {
  Lists l = Generate("mix", 2000, 1.0);
  std::map<std::string, double> share;
  for (const auto& row : l.children.rows)
    share[l.parsed[row[0]].nationality] += 1.0 / static_cast<double>(l.children.rows.size());
  EXPECT_NEAR(share["GT"], 0.55, 0.05);
  EXPECT_NEAR(share["HN"], 0.30, 0.05);
  EXPECT_NEAR(share["SV"], 0.15, 0.04);
}

TEST(Synth, RefusesBadOptionsAndUnwritableDirectory) {
  SynthOptions o;
  o.families = -1;
  EXPECT_EQ(WriteSyntheticLists(o, Dir("bad").string()).status().code(), StatusCode::kInvalidArgument);
  o.families = 1, o.reference_date = "2018-13-01";
  EXPECT_EQ(WriteSyntheticLists(o, Dir("bad").string()).status().code(), StatusCode::kInvalidArgument);
  o.reference_date = "2018-07-26";
  fs::path file = Dir("blocker");
  fs::remove_all(file);
  std::ofstream(file) << "x";
  EXPECT_EQ(WriteSyntheticLists(o, (file / "sub").string()).status().code(), StatusCode::kIOError);
}

TEST(Synth, ReportsProgressToCompletion) {
  SynthOptions o;
  o.families = 10;
  double last = -1;
  ASSERT_TRUE(WriteSyntheticLists(o, Dir("progress").string(), [&](double f) { last = f; }).ok());
  EXPECT_EQ(last, 1.0);
}

}  // namespace
}  // namespace reunite
