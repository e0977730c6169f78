#include <iostream>

#include "access/case_access.h"
#include "cli/cli.h"

namespace reunite::cli {

namespace {

struct LinkArgs {
  std::string child;
  std::string adult;
  std::string relationship;
  std::string verification = "claimed";
  std::string reason;
};

// Adds the link, or changes an existing link of the same pair, through CaseAccess
// as the local operator (journaled and audited).
Status WriteLink(Database& db, const LinkArgs& args, const GlobalOptions& global) {
  auto child = ParseId(args.child);
  if (!child.ok()) return child.status();
  auto adult = ParseId(args.adult);
  if (!adult.ok()) return adult.status();
  FamilyLink link;
  link.child_id = *child;
  link.adult_id = *adult;
  link.relationship = *RelationshipFromString(args.relationship);
  link.verification = *VerificationFromString(args.verification);
  auto outcome = CaseAccess(db, Principal::LocalOperator(global.actor)).LinkFamily(link, args.reason);
  if (!outcome.ok()) return outcome.status();
  if (outcome->created)
    std::cout << "linked: " << ToString(link.relationship) << " " << *adult << " of child " << *child << " (link "
              << outcome->id << ", " << args.verification << ")\n";
  else
    std::cout << "link " << outcome->id << ": " << outcome->fields_changed << " fields changed\n";
  return Status::Ok();
}

}  // namespace

void AddLinkCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto args = std::make_shared<LinkArgs>();
  auto* cmd = app.add_subcommand("link", "Link a child to an adult, or change that link's relationship or verification");
  cmd->add_option("child", args->child, "The child's person id")->required();
  cmd->add_option("adult", args->adult, "The adult's person id")->required();
  cmd->add_option("--relationship", args->relationship, "father, mother, legal_guardian or other_relative")
      ->required()->check(CLI::IsMember({"father", "mother", "legal_guardian", "other_relative"}));
  cmd->add_option("--verification", args->verification, "claimed, documented, confirmed or rejected")
      ->check(CLI::IsMember({"claimed", "documented", "confirmed", "rejected"}))->capture_default_str();
  cmd->add_option("--reason", args->reason, "Why (written to the change journal)")->required();
  cmd->footer("Example: reunite link 12 345 --relationship mother --verification documented --reason \"birth certificate\"");
  cmd->callback([args, &global, exit_code] {
    auto db = OpenDatabase(global);
    if (!db.ok()) return void(*exit_code = Fail(db.status()));
    try {
      if (Status s = WriteLink(**db, *args, global); !s.ok()) *exit_code = Fail(s);
    } catch (const std::exception& e) {
      *exit_code = Fail(Status::StorageError(e.what()));
    }
  });
}

}  // namespace reunite::cli
