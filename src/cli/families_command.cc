// reunite match families|families-explain: which adult is which child's father,
// mother or other relative, on canonical CSV lists, without a database.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "common/csv_writer.h"
#include "match/family_explain.h"
#include "match/family_linker.h"
#include "match/linker.h"

namespace reunite::cli {
namespace {

struct FamiliesOptions {
  std::string children, adults, out, settings, suggestions;
  std::string child_id, adult_id;
  double threshold = 0.8;
  double lone_child_threshold = 0.3;
  int threads = 2;
  bool verbose = false;
  std::string date_order = "mdy";
};

// Reads a canonical list in the given role; a file with errors is refused, listing
// the first ten.
Result<std::vector<ListRow>> ReadList(const std::string& path, Role role, const std::string& date_order) {
  auto order = DateOrderFromString(date_order);
  if (!order.ok()) return order.status();
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  ListOptions options;
  options.role = role;
  options.file_name = path;
  options.date_order = *order;
  AgencyList list = ReadAgencyList(*bytes, options);
  if (list.errors() == 0) return std::move(list.rows);
  std::string msg = path + ": " + std::to_string(list.errors()) + " errors in the " + ToString(role) + " list";
  int shown = 0;
  for (const auto& d : list.diagnostics) {
    if (d.severity != Diagnostic::Severity::kError) continue;
    if (shown++ == 10) break;
    msg += "\n  " + d.ToString();
  }
  return Status::InvalidArgument(msg);
}

struct Loaded {
  std::vector<ListRow> children, adults;
  match::LinkSettings adult_settings;
  std::unique_ptr<match::FamilyLinkage> linkage;
};

Status Load(const FamiliesOptions& o, Loaded* loaded) {
  auto start = std::chrono::steady_clock::now();
  auto children = ReadList(o.children, Role::kChild, o.date_order);
  if (!children.ok()) return children.status();
  auto adults = ReadList(o.adults, Role::kAdult, o.date_order);
  if (!adults.ok()) return adults.status();
  loaded->children = std::move(*children);
  loaded->adults = std::move(*adults);
  match::FamilyLinkOptions options;
  options.threshold = o.threshold;
  options.lone_child_threshold = o.lone_child_threshold;
  options.threads = o.threads;
  options.em.max_u_pairs = 200'000;
  if (!o.settings.empty()) {
    auto text = ReadFile(o.settings);
    if (!text.ok()) return text.status();
    auto settings = match::ParseSettings(*text, o.settings);
    if (!settings.ok()) return settings.status();
    if (settings->format != match::InputFormat::kCanonical) {
      return Status::InvalidArgument(o.settings + ": the adult dedupe of match families needs \"format\": \"canonical\"");
    }
    loaded->adult_settings = std::move(*settings);
    options.adult_settings = &loaded->adult_settings;
  }
  if (o.verbose) {
    std::cerr << "read         " << match::MillisecondsSince(start) << " ms\n";
    options.log = [](const std::string& line) { std::cerr << line << "\n"; };
  }
  auto linkage = match::FamilyLinkage::Run(loaded->children, loaded->adults, options);
  if (!linkage.ok()) return linkage.status();
  loaded->linkage = std::move(*linkage);
  if (o.verbose) std::cerr << match::DescribeModel(loaded->linkage->model());
  if (!loaded->linkage->health().ok()) {
    std::cerr << "reunite: warning: " << match::DescribeHealth(loaded->linkage->health());
  }
  return Status::Ok();
}

// What made a pair's weight, one comparison after another, the nulls left out:
// "surname_line: child paternal = man's first surname +5.0; ...".
std::string Evidence(const match::Explanation& e) {
  std::string out;
  char weight[32];
  for (const auto& step : e.steps) {
    if (step.level == match::kNull) continue;
    std::snprintf(weight, sizeof weight, " %+.1f", step.weight);
    out += (out.empty() ? "" : "; ") + step.comparison + ": " + step.level_label + weight;
  }
  return out;
}

// Each child's top candidates (every record of each candidate adult), for measuring
// what a reviewer is shown first (recall at 3).
Status WriteSuggestions(const std::string& path, const Loaded& loaded) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IOError("cannot write " + path);
  const auto& clusters = loaded.linkage->adult_clusters();
  std::vector<std::vector<std::uint32_t>> members(clusters.size());
  for (std::uint32_t a = 0; a < clusters.size(); ++a) members[clusters[a]].push_back(a);
  WriteCsvRecord(out, {"child_record_id", "rank", "adult_record_id", "relationship", "probability", "evidence"});
  for (const auto& mine : loaded.linkage->suggestions()) {
    for (size_t rank = 0; rank < mine.size(); ++rank) {
      char p[32];
      std::snprintf(p, sizeof p, "%.6f", mine[rank].probability);
      const std::string evidence = Evidence(loaded.linkage->Explain(mine[rank].child, mine[rank].adult));
      for (std::uint32_t a : members[clusters[mine[rank].adult]]) {
        WriteCsvRecord(out, {loaded.children[mine[rank].child].record_id, std::to_string(rank + 1),
                             loaded.adults[a].record_id, ToString(mine[rank].role), p, evidence});
      }
    }
  }
  out.flush();
  return out ? Status::Ok() : Status::IOError("cannot write " + path);
}

int Families(const FamiliesOptions& o) {
  auto start = std::chrono::steady_clock::now();
  Loaded loaded;
  Status status = Load(o, &loaded);
  if (!status.ok()) return Fail(status);
  std::ofstream out(o.out, std::ios::binary);
  if (!out) return Fail(Status::IOError("cannot write " + o.out));
  WriteCsvRecord(out, {"child_record_id", "adult_record_id", "relationship", "probability"});
  for (const auto& l : loaded.linkage->links()) {
    char p[32];
    std::snprintf(p, sizeof p, "%.6f", l.probability);
    WriteCsvRecord(out, {loaded.children[l.child].record_id, loaded.adults[l.adult].record_id, ToString(l.role), p});
  }
  out.flush();
  if (!out) return Fail(Status::IOError("cannot write " + o.out));
  if (!o.suggestions.empty()) {
    Status written = WriteSuggestions(o.suggestions, loaded);
    if (!written.ok()) return Fail(written);
  }
  if (o.verbose) std::cerr << "total        " << match::MillisecondsSince(start) << " ms\n";
  std::cout << "wrote " << o.out << ": " << loaded.linkage->links().size() << " child-adult links for "
            << loaded.children.size() << " children\n";
  return kExitOk;
}

long FindRow(const std::vector<ListRow>& rows, const std::string& id) {
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].record_id == id) return static_cast<long>(i);
  return -1;
}

int FamiliesExplain(const FamiliesOptions& o) {
  Loaded loaded;
  Status status = Load(o, &loaded);
  if (!status.ok()) return Fail(status);
  long c = FindRow(loaded.children, o.child_id), a = FindRow(loaded.adults, o.adult_id);
  if (c < 0) return Fail(Status::NotFound("no record '" + o.child_id + "' in " + o.children));
  if (a < 0) return Fail(Status::NotFound("no record '" + o.adult_id + "' in " + o.adults));
  auto child = static_cast<std::uint32_t>(c), adult = static_cast<std::uint32_t>(a);
  // A link's explanation adds what made its weight beyond the pair's own comparisons
  // (another record of the adult, a sibling's support).
  const match::FamilyLinkResult* link = nullptr;
  for (const auto& l : loaded.linkage->links())
    if (l.child == child && l.adult == adult) link = &l;
  match::Explanation e = link ? match::FamilyLinkExplainer(*loaded.linkage, loaded.children).Explain(*link)
                              : loaded.linkage->Explain(child, adult);
  std::cout << match::FormatExplanation(e);  // with the role reason
  std::string linked = link ? "linked as " + match::ToString(link->role) : "not linked";
  std::cout << "result: " << linked << " (threshold " << o.threshold << ")\n";
  return kExitOk;
}

void Common(CLI::App* cmd, FamiliesOptions& o) {
  cmd->add_option("children", o.children, "Children's list (canonical CSV)")->required();
  cmd->add_option("adults", o.adults, "Adults' list (canonical CSV)")->required();
  cmd->add_option("--settings", o.settings, "Settings of the adult dedupe (canonical format); default: built in");
  cmd->add_option("--threshold", o.threshold, "Probability at which a child and an adult are linked")
      ->check(CLI::Range(0.0, 1.0))->capture_default_str();
  cmd->add_option("--lone-child-threshold", o.lone_child_threshold,
                  "A child with no link at --threshold gets its clearly best candidate at or above this "
                  "probability (0: never)")
      ->check(CLI::Range(0.0, 1.0))->capture_default_str();
  cmd->add_option("--threads", o.threads, "Threads for comparing pairs")->check(CLI::Range(1, 64))->capture_default_str();
  cmd->add_flag("--verbose", o.verbose, "Print timings and the family model (m and u of every level) to stderr");
  cmd->add_option("--date-order", o.date_order, "How slashed dates are written, mdy (US), dmy or iso (ISO and "
                                                 "YYYYMMDD are always read)")
      ->check(CLI::IsMember({"mdy", "dmy", "iso"}))->capture_default_str();
}

}  // namespace

void AddFamiliesCommands(CLI::App* match, int* exit_code) {
  auto o = std::make_shared<FamiliesOptions>();
  auto* families = match->add_subcommand("families", "Link children to their father, mother and other relatives");
  Common(families, *o);
  families->add_option("--out", o->out, "Output CSV: child_record_id, adult_record_id, relationship, probability")
      ->required();
  families->add_option("--suggestions", o->suggestions,
                       "Also write each child's 3 most probable candidate adults, linked or not (child_record_id, "
                       "rank, adult_record_id, relationship, probability, evidence), as a reviewer would see them "
                       "first; evidence lists each comparison's level and weight");
  families->footer("Example: reunite match families children.csv adults.csv --out links.csv\n"
                   "relationship: father, mother, legal_guardian, other_relative or unknown; every record of a\n"
                   "linked adult (the adults are deduplicated first) gets the link.");
  families->callback([o, exit_code] { *exit_code = Families(*o); });

  auto* explain = match->add_subcommand("families-explain", "Show how one child-adult pair scored and its role");
  Common(explain, *o);
  explain->add_option("--child-id", o->child_id, "Record id in the children's list")->required();
  explain->add_option("--adult-id", o->adult_id, "Record id in the adults' list")->required();
  explain->footer("Example: reunite match families-explain children.csv adults.csv --child-id ORR-1 --adult-id ICE-7");
  explain->callback([o, exit_code] { *exit_code = FamiliesExplain(*o); });
}

}  // namespace reunite::cli
