// reunite match dedupe|link|explain: record linkage on CSV files, without a database.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/cli.h"
#include "common/csv_writer.h"
#include "match/column_check.h"
#include "match/linker.h"
#include "match/scored_pairs.h"

namespace reunite::cli {
namespace {

using match::Dataset;
using match::LinkSettings;
using match::LinkType;

struct MatchOptions {
  std::string left, right, out, settings, pairs;
  std::string left_id, right_id;
  bool all = false;
  bool verbose = false;
  bool force = false;
  bool allow_empty_columns = false;
  int threads = 2;
  std::string date_order = "mdy";
};

Result<LinkSettings> LoadSettings(const MatchOptions& o, LinkType type) {
  if (o.settings.empty()) return match::CanonicalSettings(type);
  auto text = ReadFile(o.settings);
  if (!text.ok()) return text.status();
  auto settings = match::ParseSettings(*text, o.settings);
  if (!settings.ok()) return settings.status();
  if (settings->link_type != type) {
    std::cerr << "reunite: warning: " << o.settings << " is for link_type " << match::ToString(settings->link_type)
              << "; running " << match::ToString(type) << "\n";
    settings->link_type = type;
  }
  return settings;
}

// Reads one input and checks the columns the settings read in it (a settings file's
// CSV only: a canonical file's columns are derived by ingest, which reports its own
// errors, and many of them are optional). Warnings go to stderr; a comparison column
// with no usable value is an error unless allowed.
Result<Dataset> LoadDataset(const MatchOptions& o, const std::string& path, const LinkSettings& settings,
                            bool left_side) {
  auto order = DateOrderFromString(o.date_order);
  if (!order.ok()) return order.status();
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  auto data = match::ReadDataset(*bytes, path, settings, left_side, o.threads, *order);
  if (!data.ok() && settings.format == match::InputFormat::kCanonical) {
    return Status::InvalidArgument(data.status().ToString() +
                                   "\n(read as a canonical person file; for another layout give --settings)");
  }
  if (!data.ok() || settings.format != match::InputFormat::kCsv) return data;
  std::string refused;
  for (const auto& w : match::CheckColumns(*data, settings, left_side)) {
    if (w.no_usable_value && !o.allow_empty_columns) {
      refused += (refused.empty() ? "" : "\n") + w.ToString();
    } else {
      std::cerr << "reunite: warning: " << w.ToString() << "\n";
    }
  }
  if (!refused.empty()) {
    return Status::InvalidArgument(refused + "\n(a comparison column with no usable value cannot weigh anything; "
                                             "fix the column or its date_format, or give --allow-empty-columns)");
  }
  return data;
}

void ReportBlocking(const match::BlockingReport& report, bool verbose) {
  for (const auto& r : report.rules) {
    if (verbose) std::cerr << "  rule " << r.text << (r.added ? " (added)" : "") << ": " << r.pairs << " pairs\n";
    if (r.skipped_keys > 0 && !r.added) {  // an added rule skips common keys by design
      std::cerr << "reunite: warning: blocking rule '" << r.text << "': skipped " << r.skipped_keys
                << " keys over max_block_pairs (" << r.skipped_pairs << " pairs); largest '" << r.largest_skipped_key
                << "' (" << r.largest_skipped_pairs << " pairs)\n";
    }
  }
}

// Loads settings and data and runs the model; *settings and the datasets must outlive
// the returned Linkage.
Result<std::unique_ptr<match::Linkage>> RunModel(const MatchOptions& o, LinkType type, LinkSettings* settings,
                                                 Dataset* left, Dataset* right) {
  match::Stopwatch watch;
  auto s = LoadSettings(o, type);
  if (!s.ok()) return s.status();
  *settings = std::move(*s);
  auto l = LoadDataset(o, o.left, *settings, true);
  if (!l.ok()) return l.status();
  *left = std::move(*l);
  if (type == LinkType::kLink) {
    auto r = LoadDataset(o, o.right, *settings, false);
    if (!r.ok()) return r.status();
    *right = std::move(*r);
  }
  match::RunOptions run;
  run.threads = o.threads;
  run.force = o.force;
  run.name = o.settings.empty() ? "identity (built-in model)" : o.settings;
  if (o.verbose) {
    std::cerr << watch.Lap("read") << "\n";
    run.log = [](const std::string& line) { std::cerr << line << "\n"; };
  }
  auto linkage = match::Linkage::Run(*settings, *left, type == LinkType::kLink ? right : nullptr, run);
  if (!linkage.ok()) return linkage.status();
  ReportBlocking((*linkage)->blocking(), o.verbose);
  const match::ModelHealth& health = (*linkage)->health();
  if (o.verbose) {
    std::cerr << match::DescribeEstimation((*linkage)->model(), (*linkage)->estimation());
    std::cerr << match::DescribeModel((*linkage)->model());
  }
  const bool poor_blocking = (*linkage)->estimation().blocking_recall < match::kWidenBelowBlockingRecall ||
                             !(*linkage)->AddedRules().empty();
  if (o.verbose || !health.ok() || poor_blocking) {
    std::cerr << (health.ok() && !poor_blocking ? "" : "reunite: warning: ") << match::DescribeHealth(health);
  }
  return linkage;
}

// Match outputs are data for scripts but also get opened in spreadsheets: their
// record ids come from imported lists, so they keep the writer's formula guard, and
// their weights and probabilities, plain numbers, pass unchanged (common/csv_writer.h).
Status WriteRows(const std::string& path, const std::vector<std::vector<std::string>>& rows) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IOError("cannot write " + path);
  for (const auto& row : rows) WriteCsvRecord(out, row);
  out.flush();
  if (!out) return Status::IOError("cannot write " + path);
  return Status::Ok();
}

// --pairs: every scored candidate pair, streamed (there may be millions).
Status WritePairs(const MatchOptions& o, const match::Linkage& linkage, const LinkSettings& settings,
                  const Dataset& left, const Dataset* right, const match::PairOutcomes& outcomes) {
  if (o.pairs.empty()) return Status::Ok();
  std::ofstream out(o.pairs, std::ios::binary);
  if (!out) return Status::IOError("cannot write " + o.pairs);
  long rows = -1;
  match::ForEachScoredPair(linkage, settings, left, right, outcomes, [&](const std::vector<std::string>& row) {
    WriteCsvRecord(out, row);
    ++rows;
  });
  out.flush();
  if (!out) return Status::IOError("cannot write " + o.pairs);
  std::cout << "wrote " << o.pairs << ": " << rows << " scored pairs\n";
  return Status::Ok();
}

std::string FormatDouble(double v, const char* format) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

int Dedupe(const MatchOptions& o) {
  auto start = std::chrono::steady_clock::now();
  LinkSettings settings;
  Dataset left, right;
  auto linkage = RunModel(o, LinkType::kDedupe, &settings, &left, &right);
  if (!linkage.ok()) return Fail(linkage.status());
  match::Stopwatch watch;
  match::ClusterStats stats;
  auto clusters = (*linkage)->Clusters(&stats);
  const std::string clustered = watch.Lap("cluster");
  std::vector<std::vector<std::string>> rows = {{"record_id", "cluster_id"}};
  size_t distinct = 0;
  for (size_t i = 0; i < clusters.size(); ++i) {
    distinct += clusters[i] == i;
    rows.push_back({left.ids[i], left.ids[clusters[i]]});
  }
  Status written = WriteRows(o.out, rows);
  if (written.ok()) written = WritePairs(o, **linkage, settings, left, nullptr, {&clusters, nullptr});
  if (!written.ok()) return Fail(written);
  std::cerr << match::DescribeClusterSizes(match::MeasureClusters(clusters),
                                          [&](std::uint32_t r) { return left.ids[r]; });
  if (o.verbose) {
    std::cerr << clustered << "\n" << watch.Lap("write") << "\n";
    std::cerr << "cluster: " << stats.merges << " merges, " << stats.refused_incoherent << " refused as incoherent, "
              << stats.refused_contrary << " for contrary evidence, " << stats.refused_too_large << " as too large, "
              << stats.scored_on_demand << " pairs scored on demand\n";
    std::cerr << "total      " << match::MillisecondsSince(start) << " ms\n";
  }
  std::cout << "wrote " << o.out << ": " << left.size() << " records in " << distinct << " clusters\n";
  return kExitOk;
}

int Link(const MatchOptions& o) {
  auto start = std::chrono::steady_clock::now();
  LinkSettings settings;
  Dataset left, right;
  auto linkage = RunModel(o, LinkType::kLink, &settings, &left, &right);
  if (!linkage.ok()) return Fail(linkage.status());
  auto links = (*linkage)->Links(o.all);
  std::vector<std::vector<std::string>> rows = {{"left_id", "right_id", "match_weight", "probability"}};
  for (const auto& p : links) {
    rows.push_back({left.ids[p.left], right.ids[p.right], FormatDouble(p.weight, "%.4f"), FormatDouble(p.probability, "%.6f")});
  }
  Status written = WriteRows(o.out, rows);
  if (written.ok() && !o.pairs.empty()) {
    const auto matched = o.all ? (*linkage)->Links(false) : std::vector<match::LinkedPair>{};
    written = WritePairs(o, **linkage, settings, left, &right, {nullptr, o.all ? &matched : &links});
  }
  if (!written.ok()) return Fail(written);
  if (o.verbose) std::cerr << "total      " << match::MillisecondsSince(start) << " ms\n";
  std::cout << "wrote " << o.out << ": " << links.size() << (o.all ? " scored pairs" : " matched pairs") << "\n";
  return kExitOk;
}

int Explain(MatchOptions o) {
  LinkType type = o.right.empty() ? LinkType::kDedupe : LinkType::kLink;
  LinkSettings settings;
  Dataset left, right;
  auto linkage = RunModel(o, type, &settings, &left, &right);
  if (!linkage.ok()) return Fail(linkage.status());
  const Dataset& other = type == LinkType::kLink ? right : left;
  long l = left.Find(o.left_id), r = other.Find(o.right_id);
  if (l < 0) return Fail(Status::NotFound("no record '" + o.left_id + "' in " + left.name));
  if (r < 0) return Fail(Status::NotFound("no record '" + o.right_id + "' in " + other.name));
  if (type == LinkType::kDedupe && l == r) return Fail(Status::InvalidArgument("--left-id and --right-id name the same record"));
  std::cout << match::FormatExplanation((*linkage)->Explain(static_cast<std::uint32_t>(l), static_cast<std::uint32_t>(r)));
  return kExitOk;
}

void CommonOptions(CLI::App* cmd, MatchOptions& o) {
  cmd->add_option("--settings", o.settings, "Linkage settings (JSON); default: the built-in model for canonical person files");
  cmd->add_option("--threads", o.threads, "Threads for comparing pairs")->check(CLI::Range(1, 64))->capture_default_str();
  cmd->add_flag("--verbose", o.verbose, "Print timings, blocking, the EM sessions, the model (m and u of every level) "
                                        "and its health check to stderr");
  cmd->add_option("--date-order", o.date_order, "Canonical files: how slashed dates are written, mdy (US), dmy or "
                                                 "iso (ISO and YYYYMMDD are always read)")
      ->check(CLI::IsMember({"mdy", "dmy", "iso"}))->capture_default_str();
  cmd->add_flag("--force", o.force, "Use a fitted model that fails its health check even when the settings give no "
                                    "m priors to fall back on");
  cmd->add_flag("--allow-empty-columns", o.allow_empty_columns,
                "Link even when a comparison column has no usable value (empty, or unreadable in its format)");
}

void PairsOption(CLI::App* cmd, MatchOptions& o) {
  cmd->add_option("--pairs", o.pairs,
                  "Also write every scored candidate pair (ids, match_weight, probability, what became of it, each "
                  "comparison's level), by descending weight");
}

}  // namespace

void AddMatchCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<MatchOptions>();
  auto* match = app.add_subcommand("match", "Link records in CSV files: find duplicates, link two lists, link children to parents, explain a pair");
  match->require_subcommand(1);

  auto* dedupe = match->add_subcommand("dedupe", "Cluster the records of one file that are the same person");
  dedupe->add_option("input", o->left, "CSV file")->required();
  dedupe->add_option("--out", o->out, "Output CSV: record_id, cluster_id for every record")->required();
  CommonOptions(dedupe, *o);
  PairsOption(dedupe, *o);
  dedupe->footer("Example: reunite match dedupe adults.csv --out clusters.csv");
  dedupe->callback([o, exit_code] { *exit_code = Dedupe(*o); });

  auto* link = match->add_subcommand("link", "Link the records of one file to those of another");
  link->add_option("left", o->left, "Left CSV file")->required();
  link->add_option("right", o->right, "Right CSV file")->required();
  link->add_option("--out", o->out, "Output CSV: left_id, right_id, match_weight, probability")->required();
  link->add_flag("--all", o->all, "Write every scored candidate pair, not only matches");
  CommonOptions(link, *o);
  PairsOption(link, *o);
  link->footer("Example: reunite match link a.csv b.csv --settings examples/febrl/febrl4.json --out pairs.csv");
  link->callback([o, exit_code] { *exit_code = Link(*o); });

  auto* explain = match->add_subcommand("explain", "Show how one pair's match weight is made up (a waterfall)");
  explain->add_option("left", o->left, "CSV file (dedupe), or the left file of a link")->required();
  explain->add_option("right", o->right, "Right CSV file of a link");
  explain->add_option("--left-id", o->left_id, "Record id in the left file")->required();
  explain->add_option("--right-id", o->right_id, "Record id in the right file (the same file for a dedupe)")->required();
  CommonOptions(explain, *o);
  explain->footer("Example: reunite match explain adults.csv --left-id ICE-1 --right-id CBP-7");
  explain->callback([o, exit_code] { *exit_code = Explain(*o); });

  AddFamiliesCommands(match, exit_code);
}

}  // namespace reunite::cli
