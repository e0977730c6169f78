// `reunite family list`: the coordinators' families list (access/case_access.h's
// FamilyQuery), with its saved views and follow-up filters, as a table or CSV.
#include <iostream>
#include <memory>

#include "access/case_access.h"
#include "cli/cli.h"
#include "common/csv_writer.h"

namespace reunite::cli {

namespace {

struct FamilyListOptions {
  FamilyQuery query;
  std::string view, sort;
  std::optional<int> deadline_days;
  bool csv = false;
};

std::vector<std::string> Cells(const FamilySummary& f) {
  return {std::to_string(f.child_id), f.child_name, f.tracing, f.decision,
          f.eligibility + (f.contested ? (f.eligibility.empty() ? "contested" : ", contested") : ""),
          f.next_deadline, f.at_risk ? "yes" : "", f.reunifying ? "yes" : "", f.closed ? "yes" : "",
          f.nationality, f.department, f.team, std::to_string(f.adults)};
}

}  // namespace

void AddFamilyList(CLI::App* family, GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<FamilyListOptions>();
  auto* cmd = family->add_subcommand("list", "The families list: saved views and follow-up filters");
  cmd->add_option("--view", o->view, "A saved view")->check(CLI::IsMember(FamilyViews()));
  cmd->add_option("--name", o->query.name, "Part of the child's or a linked adult's name");
  cmd->add_option("--tracing", o->query.tracing, "A parent's furthest tracing state, reached or not_reached");
  cmd->add_option("--decision", o->query.decision, "The child's decision kind, or pending");
  cmd->add_option("--eligibility", o->query.eligibility,
                  "eligible, under_review, ineligible, contested or ineligible_or_contested");
  cmd->add_option("--deadline-days", o->deadline_days, "An open deadline due within this many days")
      ->check(CLI::Range(0, 3650));
  cmd->add_flag("--at-risk", o->query.at_risk, "Only families with a person at risk");
  cmd->add_flag("--reunifying", o->query.reunifying, "Only reunifications under way");
  cmd->add_option("--team", o->query.team, "Only this team's families");
  cmd->add_option("--sort", o->sort, "id, name, age or deadline")->check(CLI::IsMember({"id", "name", "age", "deadline"}));
  cmd->add_flag("--csv", o->csv, "CSV on stdout (with a header) instead of a table");
  cmd->footer("Example: reunite family list --view located_no_decision --csv > to_decide.csv");
  cmd->callback([o, &global, exit_code] {
    FamilyQuery q = o->query;
    if (!o->view.empty()) ApplyFamilyView(o->view, &q);
    if (o->deadline_days) q.deadline_within_days = o->deadline_days;
    if (o->sort == "name") q.sort = FamilySort::kChildName;
    if (o->sort == "age") q.sort = FamilySort::kChildAge;
    if (o->sort == "deadline") q.sort = FamilySort::kNextDeadline;
    auto db = OpenDatabase(global);
    if (!db.ok()) return void(*exit_code = Fail(db.status()));
    CaseAccess access(**db, Principal::LocalOperator(global.actor));
    auto page = access.ExportFamilies(q, o->csv ? "csv" : "table", o->view.empty() ? "" : "view=" + o->view);
    if (!page.ok()) return void(*exit_code = Fail(page.status()));
    const std::vector<std::string> header = {"child_id", "child",     "tracing", "decision", "eligibility",
                                             "next_deadline", "at_risk", "reunifying", "closed", "country",
                                             "department", "team", "adults"};
    if (o->csv) {
      WriteCsvRecord(std::cout, header);
      for (const FamilySummary& f : page->families) WriteCsvRecord(std::cout, Cells(f));
    } else {
      for (const FamilySummary& f : page->families) {
        std::vector<std::string> cells = Cells(f);
        std::string line;
        for (const std::string& c : cells) line += (line.empty() ? "" : "\t") + (c.empty() ? "-" : c);
        std::cout << line << "\n";
      }
    }
    std::cerr << page->families.size() << " families\n";
  });
}

}  // namespace reunite::cli
