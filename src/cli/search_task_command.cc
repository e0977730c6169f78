// reunite search-task add|assign|close|list|plan: field searches for parents not
// reachable by phone (docs/workflow.md §3).
#include <iostream>
#include <memory>

#include "cli/workflow_cli.h"
#include "common/csv_writer.h"
#include "workflow/vocabulary.h"

namespace reunite::cli {

namespace {

using namespace workflow;

void AddTaskAdd(CLI::App* tasks, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string adult, reason;
    SearchTask t;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = tasks->add_subcommand("add", "Open a search task for a parent (one open task per parent)");
  cmd->add_option("--adult", o->adult, "The parent's person id")->required();
  cmd->add_option("--country", o->t.country, "ISO 3166-1 alpha-2 (GT); with no place given, the parent's recorded place");
  cmd->add_option("--department", o->t.department, "ISO 3166-2 (GT-QC)");
  cmd->add_option("--municipality", o->t.municipality, "Municipality");
  cmd->add_option("--village", o->t.village, "Village (aldea, caserío)");
  cmd->add_option("--org", o->t.organisation, "The organisation doing the search");
  cmd->add_option("--team", o->t.team, "The team doing the search");
  cmd->add_option("--reason", o->reason, "Why, for the journal");
  cmd->footer("Example: reunite search-task add --adult 42 --country GT --department GT-QC --municipality Chichicastenango "
              "--village Chuichop --org ICRC --team north");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> adult = ParseId(o->adult);
      if (!adult.ok()) return adult.status();
      o->t.adult_id = *adult;
      Result<std::int64_t> id = w.AddSearchTask(o->t, o->reason);
      if (!id.ok()) return id.status();
      std::cout << "search task " << *id << " opened\n";
      return Status::Ok();
    });
  });
}

void AddTaskAssign(CLI::App* tasks, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string task, org, team, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = tasks->add_subcommand("assign", "Give an open task to an organisation and team");
  cmd->add_option("task", o->task, "The task id")->required();
  cmd->add_option("--org", o->org, "The organisation (unchanged when not given)");
  cmd->add_option("--team", o->team, "The team (unchanged when not given)");
  cmd->add_option("--reason", o->reason, "Why, for the journal");
  cmd->footer("Example: reunite search-task assign 3 --org ICRC --team north");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<std::int64_t> id = ParseRecordId(o->task, "task");
      if (!id.ok()) return id.status();
      Result<int> changed = w.AssignSearchTask(*id, o->org, o->team, o->reason);
      if (!changed.ok()) return changed.status();
      std::cout << "search task " << *id << ": " << *changed << " fields changed\n";
      return Status::Ok();
    });
  });
}

void AddTaskClose(CLI::App* tasks, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string task, status = "done", result, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = tasks->add_subcommand("close", "Close an open task: done with a result, or cancelled");
  cmd->add_option("task", o->task, "The task id")->required();
  cmd->add_option("--status", o->status, "done or cancelled")->capture_default_str();
  cmd->add_option("--result", o->result, "done: located, not_found, moved_away or refused");
  cmd->add_option("--reason", o->reason, "Why, for the journal");
  cmd->footer("Example: reunite search-task close 3 --result not_found --reason \"village searched, neighbours say moved\"");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<std::int64_t> id = ParseRecordId(o->task, "task");
      if (!id.ok()) return id.status();
      if (Status s = w.CloseSearchTask(*id, o->status, o->result, o->reason); !s.ok()) return s;
      std::cout << "search task " << *id << " " << o->status << (o->result.empty() ? "" : " (" + o->result + ")")
                << "\n";
      return Status::Ok();
    });
  });
}

void AddTaskList(CLI::App* tasks, GlobalOptions& global, int* exit_code) {
  struct Options {
    TaskQuery q;
    std::string status = "open";
    bool csv = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = tasks->add_subcommand("list", "List search tasks by place: a team's worklist");
  cmd->add_option("--country", o->q.country, "Only this country (ISO alpha-2)");
  cmd->add_option("--department", o->q.department, "Only this department (ISO 3166-2)");
  cmd->add_option("--team", o->q.team, "Only this team's tasks");
  cmd->add_option("--status", o->status, "open, done, cancelled or all")
      ->capture_default_str()
      ->check(CLI::IsMember({"open", "done", "cancelled", "all"}));
  cmd->add_flag("--csv", o->csv, "CSV with a header row, for a spreadsheet or a printed worklist");
  cmd->footer("Columns: id, adult, country, department, municipality, village, organisation, team, status, result,\n"
              "created, last attempt (the parent's latest visit).\n"
              "Example: reunite search-task list --team north --csv > north.csv");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      o->q.status = o->status == "all" ? "" : o->status;
      Result<std::vector<SearchTask>> tasks = w.SearchTasks(o->q);
      if (!tasks.ok()) return tasks.status();
      if (o->csv)
        WriteCsvRecord(std::cout, {"id", "adult", "country", "department", "municipality", "village", "organisation",
                                   "team", "status", "result", "created", "last_attempt"});
      for (const SearchTask& t : *tasks) {
        std::vector<std::string> row = {std::to_string(t.id), std::to_string(t.adult_id), t.country, t.department,
                                        t.municipality, t.village, t.organisation, t.team, t.status, t.result,
                                        t.created_at, t.last_attempt};
        if (o->csv) {
          WriteCsvRecord(std::cout, row);
        } else {
          for (size_t i = 0; i < row.size(); ++i) std::cout << (i ? "\t" : "") << row[i];
          std::cout << "\n";
        }
      }
      std::cerr << tasks->size() << " search tasks\n";
      return Status::Ok();
    });
  });
}

void AddTaskPlan(CLI::App* tasks, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string team;
    bool csv = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = tasks->add_subcommand("plan", "The search plan: open tasks per place with counts and the last attempt");
  cmd->add_option("--team", o->team, "Only this team's tasks");
  cmd->add_flag("--csv", o->csv, "CSV with a header row");
  cmd->footer("Columns: country, department, municipality, village, open tasks, last attempt.\n"
              "Example: reunite search-task plan --team north");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<std::vector<SearchPlanRow>> plan = w.SearchPlan(o->team);
      if (!plan.ok()) return plan.status();
      if (o->csv)
        WriteCsvRecord(std::cout, {"country", "department", "municipality", "village", "open_tasks", "last_attempt"});
      for (const SearchPlanRow& r : *plan) {
        std::vector<std::string> row = {r.country, r.department, r.municipality, r.village,
                                        std::to_string(r.open_tasks), r.last_attempt};
        if (o->csv) {
          WriteCsvRecord(std::cout, row);
        } else {
          for (size_t i = 0; i < row.size(); ++i) std::cout << (i ? "\t" : "") << row[i];
          std::cout << "\n";
        }
      }
      return Status::Ok();
    });
  });
}

}  // namespace

void AddSearchTaskCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto* tasks = app.add_subcommand("search-task", "Field search tasks for parents not reachable by phone");
  tasks->require_subcommand(1);
  AddTaskAdd(tasks, global, exit_code);
  AddTaskAssign(tasks, global, exit_code);
  AddTaskClose(tasks, global, exit_code);
  AddTaskList(tasks, global, exit_code);
  AddTaskPlan(tasks, global, exit_code);
}

}  // namespace reunite::cli
