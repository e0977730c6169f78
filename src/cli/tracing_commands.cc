// reunite tracing set|show and contact add|list: locating a parent (docs/workflow.md §1, §2).
#include <iostream>
#include <memory>

#include "cli/workflow_cli.h"
#include "workflow/vocabulary.h"

namespace reunite::cli {

namespace {

using namespace workflow;

void AddTracingSet(CLI::App* tracing, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string adult, to, contact, task, reason;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = tracing->add_subcommand("set", "Move a parent's tracing state, justified by a logged contact or a search task");
  cmd->add_option("adult", o->adult, "The parent's person id")->required();
  cmd->add_option("--to", o->to, "The new state: " + JoinWords(TracingStateNames()))->required();
  auto* contact = cmd->add_option("--contact", o->contact, "The contact that justifies the move (contact add prints its id)");
  auto* task = cmd->add_option("--task", o->task, "The search task that justifies the move");
  contact->excludes(task);
  cmd->add_option("--reason", o->reason, "Why, for the journal");
  cmd->footer("Examples: reunite tracing set 42 --to phone_attempted --contact 7\n"
              "          reunite tracing set 42 --to field_search --task 3\n"
              "The legal moves and the events they need are in docs/workflow.md.");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> adult = ParseId(o->adult);
      if (!adult.ok()) return adult.status();
      Result<TracingState> to = ParseTracingState("to", o->to);
      if (!to.ok()) return to.status();
      if (o->contact.empty() && o->task.empty())
        return Status::InvalidArgument("name the justifying event: --contact ID or --task ID");
      TracingEventRef ref;
      if (!o->contact.empty()) {
        Result<std::int64_t> id = ParseRecordId(o->contact, "contact");
        if (!id.ok()) return id.status();
        ref.contact_id = *id;
      } else {
        Result<std::int64_t> id = ParseRecordId(o->task, "task");
        if (!id.ok()) return id.status();
        ref.task_id = *id;
      }
      Result<TracingState> before = w.SetTracingState(*adult, *to, ref, o->reason);
      if (!before.ok()) return before.status();
      std::cout << "parent " << *adult << ": " << ToString(*before) << " -> " << ToString(*to) << "\n";
      return Status::Ok();
    });
  });
}

void AddTracingShow(CLI::App* tracing, GlobalOptions& global, int* exit_code) {
  auto adult_text = std::make_shared<std::string>();
  auto* cmd = tracing->add_subcommand("show", "Print a parent's tracing state");
  cmd->add_option("adult", *adult_text, "The parent's person id")->required();
  cmd->footer("Example: reunite tracing show 42");
  cmd->callback([adult_text, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> adult = ParseId(*adult_text);
      if (!adult.ok()) return adult.status();
      Result<TracingState> state = w.Tracing(*adult);
      if (!state.ok()) return state.status();
      std::cout << ToString(*state) << "\n";
      return Status::Ok();
    });
  });
}

void AddContactAdd(CLI::App* contact, GlobalOptions& global, int* exit_code) {
  struct Options {
    std::string adult, child;
    Contact c;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = contact->add_subcommand("add", "Log a call, visit, message or child-parent call");
  cmd->add_option("--adult", o->adult, "The parent's person id")->required();
  cmd->add_option("--kind", o->c.kind, "call, visit, message or child_parent_call")->required();
  cmd->add_option("--result", o->c.result,
                  "call: no_answer, wrong_number, reached_parent, reached_relative; visit: located, not_found, "
                  "moved_away, refused; message: sent, reply_received, no_reply; child_parent_call: completed, failed")
      ->required();
  cmd->add_option("--number", o->c.number, "call: the number used (required)");
  cmd->add_option("--place", o->c.place, "visit: where (required)");
  cmd->add_option("--team", o->c.team, "visit: the team that went (required)");
  cmd->add_option("--through", o->c.through, "message: the community contact it went through (required)");
  cmd->add_option("--child", o->child, "child_parent_call: the child's person id (required)");
  cmd->add_option("--at", o->c.at, "When it happened, UTC (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]); default now");
  cmd->add_option("--notes", o->c.notes, "Notes");
  cmd->footer("Examples: reunite contact add --adult 42 --kind call --result no_answer --number +50255551234\n"
              "          reunite contact add --adult 42 --kind visit --result located --place \"Aldea Chuichop\" "
              "--team north --at 2018-07-30T10:00");
  cmd->callback([o, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> adult = ParseId(o->adult);
      if (!adult.ok()) return adult.status();
      o->c.adult_id = *adult;
      if (!o->child.empty()) {
        Result<PersonId> child = ParseId(o->child);
        if (!child.ok()) return child.status();
        o->c.child_id = *child;
      }
      Result<std::int64_t> id = w.AddContact(o->c);
      if (!id.ok()) return id.status();
      std::cout << "contact " << *id << " added\n";
      return Status::Ok();
    });
  });
}

void AddContactList(CLI::App* contact, GlobalOptions& global, int* exit_code) {
  auto adult_text = std::make_shared<std::string>();
  auto* cmd = contact->add_subcommand("list", "List a parent's contacts, oldest first (tab-separated)");
  cmd->add_option("--adult", *adult_text, "The parent's person id")->required();
  cmd->footer("Columns: id, at, kind, result, number/place/team/through/child, recorded by, notes.\n"
              "Example: reunite contact list --adult 42");
  cmd->callback([adult_text, &global, exit_code] {
    WithWorkflow(global, exit_code, [&](WorkflowAccess& w) -> Status {
      Result<PersonId> adult = ParseId(*adult_text);
      if (!adult.ok()) return adult.status();
      Result<std::vector<Contact>> contacts = w.Contacts(*adult);
      if (!contacts.ok()) return contacts.status();
      for (const Contact& c : *contacts) {
        std::string detail;
        if (!c.number.empty()) detail += "number " + c.number;
        if (!c.place.empty()) detail += (detail.empty() ? "" : ", ") + ("place " + c.place);
        if (!c.team.empty()) detail += (detail.empty() ? "" : ", ") + ("team " + c.team);
        if (!c.through.empty()) detail += (detail.empty() ? "" : ", ") + ("through " + c.through);
        if (c.child_id) detail += (detail.empty() ? "" : ", ") + ("child " + std::to_string(c.child_id));
        std::cout << c.id << "\t" << c.at << "\t" << c.kind << "\t" << c.result << "\t" << detail << "\t"
                  << c.recorded_by << "\t" << c.notes << "\n";
      }
      std::cerr << contacts->size() << " contacts\n";
      return Status::Ok();
    });
  });
}

}  // namespace

void AddTracingCommands(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto* tracing = app.add_subcommand("tracing", "A parent's tracing state (unknown ... in_contact, located, not_found)");
  tracing->require_subcommand(1);
  AddTracingSet(tracing, global, exit_code);
  AddTracingShow(tracing, global, exit_code);
  auto* contact = app.add_subcommand("contact", "The contact log: calls, visits, messages, child-parent calls");
  contact->require_subcommand(1);
  AddContactAdd(contact, global, exit_code);
  AddContactList(contact, global, exit_code);
}

}  // namespace reunite::cli
