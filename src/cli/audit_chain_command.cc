// reunite audit verify, audit anchor: the journal's and the audit log's hash chains
// (store/chain.h, docs/audit_chain.md), as the local operator.
#include <fstream>
#include <iostream>
#include <sstream>

#include "access/audit_chain.h"
#include "cli/cli.h"

namespace reunite::cli {

namespace {

struct ChainArgs {
  std::vector<std::string> anchor_files;
  std::string out;
};

// Every anchor line of `path` (blank lines and # comments skipped); a line that is
// not an anchor is an error naming the file and line.
Result<std::vector<Anchor>> ReadAnchors(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<Anchor> anchors;
  std::stringstream in(*text);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    Result<Anchor> anchor = ParseAnchor(line);
    if (!anchor.ok())
      return Status::InvalidArgument(path + ":" + std::to_string(number) + ": " + anchor.status().message());
    anchors.push_back(*anchor);
  }
  if (anchors.empty()) return Status::InvalidArgument(path + ": no anchor in it");
  return anchors;
}

void PrintPoint(const std::string& label, const ChainPoint& p) {
  std::cout << label << " sequence " << p.seq << ", id " << p.id << ", at " << (p.at.empty() ? "-" : p.at)
            << ", hash " << p.hash << "\n";
}

int Verify(const GlobalOptions& global, const ChainArgs& args) {
  std::vector<Anchor> anchors;
  for (const std::string& path : args.anchor_files) {
    Result<std::vector<Anchor>> read = ReadAnchors(path);
    if (!read.ok()) return Fail(read.status());
    anchors.insert(anchors.end(), read->begin(), read->end());
  }
  auto db = OpenDatabase(global);
  if (!db.ok()) return Fail(db.status());
  Result<VerifyReport> report =
      VerifyAuditChains(**db, DefaultClock(), Principal::LocalOperator(global.actor), anchors);
  if (!report.ok()) return Fail(report.status());
  for (const ChainSummary& c : report->chains) {
    if (report->broken && report->broken->table == c.last.table) {
      std::cout << c.last.table << ": broken after " << c.entries << " intact entries\n";
      PrintPoint("  last intact:", c.last);
    } else {
      std::cout << c.last.table << ": intact, " << c.entries << " entries\n";
      PrintPoint("  latest:", c.last);
    }
  }
  if (report->broken) {
    const ChainBreak& b = *report->broken;
    std::cout << b.table << " broken at id " << b.id << " (" << b.kind << "): " << b.why << "\n";
    std::cerr << "reunite: " << b.table << " broken at id " << b.id << " (" << b.kind << "): " << b.why << "\n";
    return kExitBroken;
  }
  std::cout << "anchors: " << report->anchors_checked << " checked, all held\n";
  return kExitOk;
}

int AnchorNow(const GlobalOptions& global, const ChainArgs& args) {
  auto db = OpenDatabase(global);
  if (!db.ok()) return Fail(db.status());
  Result<Anchor> anchor = RecordAnchorNow(**db, DefaultClock(), Principal::LocalOperator(global.actor));
  if (!anchor.ok()) return Fail(anchor.status());
  const std::string line = FormatAnchor(*anchor);
  std::cout << line << "\n";
  if (!args.out.empty()) {
    std::ofstream out(args.out, std::ios::app);
    out << line << "\n";
    if (!out.flush()) return Fail(Status::IOError("cannot write " + args.out));
  }
  return kExitOk;
}

}  // namespace

void AddAuditChainCommands(CLI::App* audit, GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<ChainArgs>();
  audit->fallthrough();  // so that `audit verify --db X` reaches the global --db
  auto* verify = audit->add_subcommand(
      "verify", "Check the hash chains of the journal and the audit log, and anchors; report the first broken link");
  verify->add_option("--anchor", args->anchor_files,
                     "A file of anchor lines (reunite audit anchor) each of which the chains must still hold")
      ->check(CLI::ExistingFile);
  verify->fallthrough();
  verify->footer("Exit 0 when every chain and anchor holds, 7 at the first broken link (table, id, why).\n"
                 "Example: reunite audit verify --anchor anchors.txt");
  verify->callback([args, &global, exit_code] { *exit_code = Verify(global, *args); });

  auto* anchor = audit->add_subcommand(
      "anchor", "Print the latest place and hash of each chain as one line, and record it in the database");
  anchor->add_option("--out", args->out, "Also append the line to this file");
  anchor->fallthrough();
  anchor->footer("Keep the lines outside the database (mail, print, other storage); `audit verify --anchor FILE`\n"
                 "then catches a chain rewritten since. Example: reunite audit anchor --out /mnt/offsite/anchors.txt");
  anchor->callback([args, &global, exit_code] { *exit_code = AnchorNow(global, *args); });
}

}  // namespace reunite::cli
