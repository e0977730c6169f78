// reunite logistics plan|step|show and family close|reopen|show: moving a child
// home and closing the case (docs/workflow.md §6, §7).
#include <iostream>
#include <memory>

#include "cli/workflow_cli.h"
#include "workflow/vocabulary.h"

namespace reunite::cli {

namespace {

using namespace workflow;

void AddPlan(CLI::App* logistics, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string child, plan, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = logistics->add_subcommand("plan", "Set a family's reunification plan");
  cmd->add_option("--child", o->child, "The child's person id")->required();
  cmd->add_option("--plan", o->plan, "return_home (needs decision reunify_home) or reunion_us")->required();
  cmd->add_option("--reason", o->reason, "Why (required to change a plan)");
  cmd->footer("Example: reunite logistics plan --child 7 --plan return_home");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> child = ParseId(o->child);
      if (!child.ok()) return child.status();
      if (Status s = w.SetLogisticsPlan(*child, o->plan, o->reason); !s.ok()) return s;
      std::cout << "child " << *child << ": plan " << o->plan << "\n";
      return Status::Ok();
    });
  });
}

void AddStep(CLI::App* logistics, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string child, step, date, by, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = logistics->add_subcommand("step", "Mark the next logistics step done");
  cmd->add_option("--child", o->child, "The child's person id")->required();
  cmd->add_option("--step", o->step, "In order: " + JoinWords(LogisticsSteps()))->required();
  cmd->add_option("--date", o->date, "The date done (YYYY-MM-DD)")->required();
  cmd->add_option("--by", o->by, "Who did it (default: --actor)");
  cmd->add_option("--reason", o->reason, "Notes for the journal");
  cmd->footer("Example: reunite logistics step --child 7 --step travel_document --date 2018-08-01 --by \"Consulado GT\"");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> child = ParseId(o->child);
      if (!child.ok()) return child.status();
      if (Status s = w.RecordLogisticsStep(*child, o->step, o->date, o->by, o->reason); !s.ok()) return s;
      std::cout << "child " << *child << ": " << o->step << " done " << o->date << "\n";
      return Status::Ok();
    });
  });
}

void AddLogisticsShow(CLI::App* logistics, GlobalOptions& global, int* exit_code) {
  auto child_text = std::make_shared<std::string>();
  auto* cmd = logistics->add_subcommand("show", "A family's plan and the steps done");
  cmd->add_option("--child", *child_text, "The child's person id")->required();
  cmd->footer("Example: reunite logistics show --child 7");
  cmd->callback([child_text, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> child = ParseId(*child_text);
      if (!child.ok()) return child.status();
      Result<Logistics> l = w.Logistics(*child);
      if (!l.ok()) return l.status();
      std::cout << "plan\t" << (l->plan.empty() ? "none" : l->plan) << "\n";
      for (const auto& s : l->steps) std::cout << s.step << "\t" << s.done_on << "\t" << s.done_by << "\n";
      if (!l->next_step.empty()) std::cout << "next\t" << l->next_step << "\n";
      return Status::Ok();
    });
  });
}

void AddClose(CLI::App* family, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string child, reason, note;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = family->add_subcommand("close", "Close a family's case with a reason");
  cmd->add_option("child", o->child, "The child's person id")->required();
  cmd->add_option("--reason", o->reason,
                  "reunified (needs step reunified), parent_chose_waiver (needs decision waiver), parent_not_found "
                  "(needs every linked parent not_found), child_aged_out, other (needs --note)")
      ->required();
  cmd->add_option("--note", o->note, "Notes (required for other)");
  cmd->footer("Example: reunite family close 7 --reason reunified");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> child = ParseId(o->child);
      if (!child.ok()) return child.status();
      if (Status s = w.CloseFamily(*child, o->reason, o->note, o->note); !s.ok()) return s;
      std::cout << "family of child " << *child << " closed: " << o->reason << "\n";
      return Status::Ok();
    });
  });
}

void AddReopen(CLI::App* family, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string child, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = family->add_subcommand("reopen", "Reopen a closed family");
  cmd->add_option("child", o->child, "The child's person id")->required();
  cmd->add_option("--reason", o->reason, "Why (required)")->required();
  cmd->footer("Example: reunite family reopen 7 --reason \"parent found after all\"");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> child = ParseId(o->child);
      if (!child.ok()) return child.status();
      if (Status s = w.ReopenFamily(*child, o->reason); !s.ok()) return s;
      std::cout << "family of child " << *child << " reopened\n";
      return Status::Ok();
    });
  });
}

void AddFamilyShow(CLI::App* family, GlobalOptions& global, int* exit_code) {
  auto child_text = std::make_shared<std::string>();
  auto* cmd = family->add_subcommand("show", "Where a family stands: decision, plan, next step, closure");
  cmd->add_option("child", *child_text, "The child's person id")->required();
  cmd->footer("Example: reunite family show 7");
  cmd->callback([child_text, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> child = ParseId(*child_text);
      if (!child.ok()) return child.status();
      Result<std::optional<Decision>> decision = w.CurrentDecision(*child);
      if (!decision.ok()) return decision.status();
      Result<Logistics> l = w.Logistics(*child);
      if (!l.ok()) return l.status();
      Result<Closure> closure = w.Closure(*child);
      if (!closure.ok()) return closure.status();
      std::cout << "decision\t" << (*decision ? (*decision)->kind : "pending") << "\n"
                << "plan\t" << (l->plan.empty() ? "none" : l->plan) << "\n"
                << "next step\t" << (l->next_step.empty() ? "none" : l->next_step) << "\n"
                << "closure\t" << (closure->closed() ? "closed: " + closure->reason : "open") << "\n";
      return Status::Ok();
    });
  });
}

}  // namespace

void AddLogisticsCommands(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto* logistics = app.add_subcommand("logistics", "Reunification logistics: the plan and its checklist");
  logistics->require_subcommand(1);
  AddPlan(logistics, global, exit_code);
  AddStep(logistics, global, exit_code);
  AddLogisticsShow(logistics, global, exit_code);
  auto* family = app.add_subcommand("family", "A family's case: list, show, close with a reason, reopen");
  family->require_subcommand(1);
  AddClose(family, global, exit_code);
  AddReopen(family, global, exit_code);
  AddFamilyShow(family, global, exit_code);
  AddFamilyList(family, global, exit_code);
}

}  // namespace reunite::cli
