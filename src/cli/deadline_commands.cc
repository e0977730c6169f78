// reunite deadline add|done|list and report overdue: court deadlines, internal
// targets and the built-in first-contact rule (docs/workflow.md §8).
#include <iostream>
#include <memory>

#include "cli/workflow_cli.h"
#include "common/clock.h"
#include "common/csv_writer.h"

namespace reunite::cli {

namespace {

using namespace workflow;

std::string Person(const char* label, PersonId id) { return id ? std::string(label) + " " + std::to_string(id) : ""; }

void AddDeadlineAdd(CLI::App* deadline, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string child, adult, reason;
    Deadline d;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = deadline->add_subcommand("add", "Add a court deadline or an internal target");
  cmd->add_option("--title", o->d.title, "What is due")->required();
  cmd->add_option("--kind", o->d.kind, "court or internal")->required();
  cmd->add_option("--due", o->d.due_at, "When, UTC: YYYY-MM-DD (the end of that day) or YYYY-MM-DDTHH:MM")->required();
  cmd->add_option("--child", o->child, "The family it concerns (child's person id)");
  cmd->add_option("--adult", o->adult, "The parent it concerns");
  cmd->add_option("--reason", o->reason, "Where it comes from (an order, a policy), for the journal");
  cmd->footer("Example: reunite deadline add --title \"Reunify children under 5\" --kind court --due 2018-07-10");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      for (auto [text, id] : {std::pair{&o->child, &o->d.child_id}, std::pair{&o->adult, &o->d.adult_id}}) {
        if (text->empty()) continue;
        Result<PersonId> parsed = ParseId(*text);
        if (!parsed.ok()) return parsed.status();
        *id = *parsed;
      }
      Result<std::int64_t> id = w.AddDeadline(o->d, o->reason);
      if (!id.ok()) return id.status();
      std::cout << "deadline " << *id << " added\n";
      return Status::Ok();
    });
  });
}

void AddDeadlineDone(CLI::App* deadline, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string id, at, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = deadline->add_subcommand("done", "Mark a deadline met");
  cmd->add_option("id", o->id, "The deadline id")->required();
  cmd->add_option("--at", o->at, "When it was met (default now)");
  cmd->add_option("--reason", o->reason, "Notes for the journal");
  cmd->footer("Example: reunite deadline done 3 --reason \"filed with the court\"");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<std::int64_t> id = ParseRecordId(o->id, "deadline");
      if (!id.ok()) return id.status();
      if (Status s = w.CompleteDeadline(*id, o->at, o->reason); !s.ok()) return s;
      std::cout << "deadline " << *id << " done\n";
      return Status::Ok();
    });
  });
}

void AddDeadlineList(CLI::App* deadline, GlobalOptions& global, int* exit_code) {
  auto all = std::make_shared<bool>(false);
  auto* cmd = deadline->add_subcommand("list", "List deadlines, soonest first (open ones unless --all)");
  cmd->add_flag("--all", *all, "Include the ones done");
  cmd->footer("Columns: id, due, kind, title, child, adult, done.\nExample: reunite deadline list");
  cmd->callback([all, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<std::vector<Deadline>> list = w.Deadlines(!*all);
      if (!list.ok()) return list.status();
      for (const Deadline& d : *list)
        std::cout << d.id << "\t" << d.due_at << "\t" << d.kind << "\t" << d.title << "\t" << Person("child", d.child_id)
                  << "\t" << Person("adult", d.adult_id) << "\t" << (d.done_at.empty() ? "open" : "done " + d.done_at)
                  << "\n";
      return Status::Ok();
    });
  });
}

void AddReportOverdue(CLI::App* report, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string as_of;
    int within = 7;
    bool csv = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = report->add_subcommand("overdue", "Overdue items and items due soon: deadlines and the first-contact rule");
  cmd->add_option("--as-of", o->as_of, "As of this time, UTC (a date means its end; default now)");
  cmd->add_option("--within", o->within, "Also list what falls due within this many days")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--csv", o->csv, "CSV with a header row");
  cmd->footer("Rule: a parent's first contact attempt is due within 7 days of entering the list.\n"
              "Columns: overdue|due, due time, kind (court, internal, rule), title, child, adult, deadline id.\n"
              "Example: reunite report overdue --as-of 2018-07-26 --within 7");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<std::vector<DueItem>> items = w.Due(o->as_of, o->within);
      if (!items.ok()) return items.status();
      if (o->csv) WriteCsvRecord(std::cout, {"status", "due_at", "kind", "title", "child", "adult", "deadline"});
      long overdue = 0;
      for (const DueItem& d : *items) {
        overdue += d.overdue;
        std::vector<std::string> row = {d.overdue ? "overdue" : "due", d.due_at, d.kind, d.title,
                                        d.child_id ? std::to_string(d.child_id) : "",
                                        d.adult_id ? std::to_string(d.adult_id) : "",
                                        d.deadline_id ? std::to_string(d.deadline_id) : ""};
        if (o->csv) {
          WriteCsvRecord(std::cout, row);
        } else {
          for (size_t i = 0; i < row.size(); ++i) std::cout << (i ? "\t" : "") << row[i];
          std::cout << "\n";
        }
      }
      std::cerr << overdue << " overdue, " << items->size() - overdue << " due within " << o->within << " days\n";
      return Status::Ok();
    });
  });
}

}  // namespace

void AddDeadlineCommands(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto* deadline = app.add_subcommand("deadline", "Court deadlines and internal targets");
  deadline->require_subcommand(1);
  AddDeadlineAdd(deadline, global, exit_code);
  AddDeadlineDone(deadline, global, exit_code);
  AddDeadlineList(deadline, global, exit_code);
  AddReportOverdue(ReportCommand(app), global, exit_code);
}

}  // namespace reunite::cli
