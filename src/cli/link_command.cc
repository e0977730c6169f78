#include <iostream>

#include "cli/cli.h"
#include "store/case_writer.h"
#include "store/repositories.h"

namespace reunite::cli {

namespace {

struct LinkArgs {
  std::string child;
  std::string adult;
  std::string relationship;
  std::string verification = "claimed";
  std::string reason;
};

// Adds the link, or changes an existing link of the same pair.
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
  for (const auto& existing : PersonRepository(db).GetFamily(*child).links)
    if (existing.adult_id == *adult) link.id = existing.id;
  soci::transaction tx(db.session());
  CaseWriter writer(db, global.actor);
  if (link.id == 0) {
    auto id = writer.AddFamilyLink(link, args.reason);
    if (!id.ok()) return id.status();
    std::cout << "linked: " << ToString(link.relationship) << " " << *adult << " of child " << *child
              << " (link " << *id << ", " << args.verification << ")\n";
  } else {
    auto changed = writer.UpdateFamilyLink(link, args.reason);
    if (!changed.ok()) return changed.status();
    std::cout << "link " << link.id << ": " << *changed << " fields changed\n";
  }
  tx.commit();
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
