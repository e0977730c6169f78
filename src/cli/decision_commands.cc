// reunite decision set|show and eligibility flag|review|resolve|show: what a
// parent decides and whether the parent may receive the child (docs/workflow.md §4, §5).
#include <iostream>
#include <memory>

#include "cli/workflow_cli.h"
#include "workflow/vocabulary.h"

namespace reunite::cli {

namespace {

using namespace workflow;

void PrintDecision(const Decision& d) {
  std::cout << d.id << "\t" << d.kind << "\tadult " << d.adult_id << "\t" << d.decided_on << "\t" << d.language
            << "\tinterpreter " << (d.interpreter_used ? d.interpreter : "none") << "\twitness "
            << (d.witness.empty() ? "none" : d.witness) << "\t" << (d.signed_form ? "signed" : "not signed") << "\t"
            << d.recorded_by << "\t" << d.reason << "\n";
}

void AddDecisionSet(CLI::App* decision, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string child, adult;
    Decision d;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = decision->add_subcommand("set", "Record a family's decision (a change needs --reason; history is kept)");
  cmd->add_option("--child", o->child, "The child's person id")->required();
  cmd->add_option("--adult", o->adult, "The deciding parent (linked to the child, in_contact or located)")->required();
  cmd->add_option("--kind", o->d.kind, "reunify_home, waiver or undecided")->required();
  cmd->add_option("--language", o->d.language, "The language the decision was made in")->required();
  cmd->add_option("--interpreter", o->d.interpreter, "Who interpreted (when an interpreter was used)");
  cmd->add_option("--witness", o->d.witness, "The lawyer or witness present");
  cmd->add_option("--date", o->d.decided_on, "The date decided (YYYY-MM-DD)")->required();
  cmd->add_flag("--signed", o->d.signed_form, "The parent signed the decision form");
  cmd->add_option("--reason", o->d.reason, "Why (required to change an earlier decision)");
  cmd->footer("Example: reunite decision set --child 7 --adult 42 --kind reunify_home --language K'iche' "
              "--interpreter \"Juana Tum\" --witness \"Lic. Pérez\" --date 2018-07-30 --signed");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> child = ParseId(o->child), adult = ParseId(o->adult);
      if (!child.ok()) return child.status();
      if (!adult.ok()) return adult.status();
      o->d.child_id = *child;
      o->d.adult_id = *adult;
      o->d.interpreter_used = !o->d.interpreter.empty();
      Result<std::int64_t> id = w.SetDecision(o->d);
      if (!id.ok()) return id.status();
      std::cout << "decision " << *id << " recorded: child " << *child << " " << o->d.kind << "\n";
      return Status::Ok();
    });
  });
}

void AddDecisionShow(CLI::App* decision, GlobalOptions& global, int* exit_code) {
  auto child_text = std::make_shared<std::string>();
  auto* cmd = decision->add_subcommand("show", "A family's decisions, oldest first (the last is current)");
  cmd->add_option("--child", *child_text, "The child's person id")->required();
  cmd->footer("Example: reunite decision show --child 7");
  cmd->callback([child_text, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> child = ParseId(*child_text);
      if (!child.ok()) return child.status();
      Result<std::vector<Decision>> history = w.DecisionHistory(*child);
      if (!history.ok()) return history.status();
      if (history->empty()) std::cout << "pending\n";
      for (const Decision& d : *history) PrintDecision(d);
      return Status::Ok();
    });
  });
}

void AddFlag(CLI::App* eligibility, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string adult, contested = "no", reason;
    EligibilityFlag f;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = eligibility->add_subcommand("flag", "Raise a red flag on a parent");
  cmd->add_option("--adult", o->adult, "The parent's person id")->required();
  cmd->add_option("--kind", o->f.kind, JoinWords(FlagKinds()))->required();
  cmd->add_option("--evidence", o->f.evidence, "What the flag rests on")->required();
  cmd->add_option("--reviewer", o->f.reviewer, "Who reviewed the evidence")->required();
  cmd->add_option("--finality", o->f.finality, "provisional or final")->capture_default_str();
  cmd->add_option("--contested", o->contested, "yes or no")->capture_default_str();
  cmd->add_option("--outcome", o->f.outcome, "pending, upheld or overturned (a contested flag's)")->capture_default_str();
  cmd->add_option("--reassess-by", o->f.reassess_by,
                  "Date to reassess (YYYY-MM-DD); required for criminal_custody and communicable_disease");
  cmd->add_option("--reason", o->reason, "Why, for the journal");
  cmd->footer("Example: reunite eligibility flag --adult 42 --kind criminal_custody --evidence \"county jail roster\" "
              "--reviewer \"HHS ORR\" --reassess-by 2018-09-01");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> adult = ParseId(o->adult);
      if (!adult.ok()) return adult.status();
      Result<bool> contested = ParseYesNo("contested", o->contested);
      if (!contested.ok()) return contested.status();
      o->f.adult_id = *adult;
      o->f.contested = *contested;
      Result<std::int64_t> id = w.AddEligibilityFlag(o->f, o->reason);
      if (!id.ok()) return id.status();
      Result<EligibilityView> view = w.Eligibility(*adult);
      std::cout << "flag " << *id << " raised; parent " << *adult << " is "
                << (view.ok() ? view->status : std::string("?")) << "\n";
      return Status::Ok();
    });
  });
}

void AddReview(CLI::App* eligibility, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string flag, finality, contested, outcome, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = eligibility->add_subcommand("review", "Change an open flag's finality, contest or outcome");
  cmd->add_option("flag", o->flag, "The flag id")->required();
  cmd->add_option("--finality", o->finality, "provisional or final");
  cmd->add_option("--contested", o->contested, "yes or no");
  cmd->add_option("--outcome", o->outcome, "pending, upheld or overturned");
  cmd->add_option("--reason", o->reason, "Why (required)")->required();
  cmd->footer("Example: reunite eligibility review 5 --contested yes --outcome overturned --reason \"wrong person\"");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<std::int64_t> id = ParseRecordId(o->flag, "flag");
      if (!id.ok()) return id.status();
      std::optional<bool> contested;
      if (!o->contested.empty()) {
        Result<bool> c = ParseYesNo("contested", o->contested);
        if (!c.ok()) return c.status();
        contested = *c;
      }
      Result<int> changed = w.ReviewEligibilityFlag(*id, o->finality, contested, o->outcome, o->reason);
      if (!changed.ok()) return changed.status();
      std::cout << "flag " << *id << ": " << *changed << " fields changed\n";
      return Status::Ok();
    });
  });
}

void AddResolve(CLI::App* eligibility, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string flag, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = eligibility->add_subcommand("resolve", "Resolve (close) an open flag");
  cmd->add_option("flag", o->flag, "The flag id")->required();
  cmd->add_option("--reason", o->reason, "How it was resolved (required)")->required();
  cmd->footer("Example: reunite eligibility resolve 5 --reason \"released from custody 2018-08-20\"");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<std::int64_t> id = ParseRecordId(o->flag, "flag");
      if (!id.ok()) return id.status();
      if (Status s = w.ResolveEligibilityFlag(*id, o->reason); !s.ok()) return s;
      std::cout << "flag " << *id << " resolved\n";
      return Status::Ok();
    });
  });
}

void AddShow(CLI::App* eligibility, GlobalOptions& global, int* exit_code) {
  auto adult_text = std::make_shared<std::string>();
  auto* cmd = eligibility->add_subcommand("show", "A parent's eligibility and flags");
  cmd->add_option("--adult", *adult_text, "The parent's person id")->required();
  cmd->footer("Flag columns: id, kind, finality, contested, outcome, reassess by, open/resolved, reviewer, evidence.\n"
              "Example: reunite eligibility show --adult 42");
  cmd->callback([adult_text, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> adult = ParseId(*adult_text);
      if (!adult.ok()) return adult.status();
      Result<EligibilityView> v = w.Eligibility(*adult);
      if (!v.ok()) return v.status();
      std::cout << "status\t" << v->status << "\n";
      for (const EligibilityFlag& f : v->flags)
        std::cout << f.id << "\t" << f.kind << "\t" << f.finality << "\t" << (f.contested ? "contested" : "uncontested")
                  << "\t" << f.outcome << "\t" << f.reassess_by << "\t" << (f.open ? "open" : "resolved: " + f.resolution)
                  << "\t" << f.reviewer << "\t" << f.evidence << "\n";
      return Status::Ok();
    });
  });
}

}  // namespace

void AddDecisionCommands(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto* decision = app.add_subcommand("decision", "A family's decision: reunify_home, waiver or undecided");
  decision->require_subcommand(1);
  AddDecisionSet(decision, global, exit_code);
  AddDecisionShow(decision, global, exit_code);
  auto* eligibility = app.add_subcommand("eligibility", "A parent's eligibility: red flags and the status they give");
  eligibility->require_subcommand(1);
  AddFlag(eligibility, global, exit_code);
  AddReview(eligibility, global, exit_code);
  AddResolve(eligibility, global, exit_code);
  AddShow(eligibility, global, exit_code);
}

}  // namespace reunite::cli
