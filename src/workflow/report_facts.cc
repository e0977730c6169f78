#include "workflow/report_facts.h"

#include <nlohmann/json.hpp>

#include "model/family.h"
#include "workflow/report_json.h"
#include "workflow/tracing.h"
#include "workflow/vocabulary.h"

namespace reunite::report {

std::uint32_t Interner::Id(std::string_view text) {
  if (text.empty()) return 0;
  auto it = ids_.find(std::string(text));
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(text);
  ids_.emplace(names_.back(), id);
  return id;
}

std::uint32_t Interner::Find(std::string_view text) const {
  if (text.empty()) return 0;
  auto it = ids_.find(std::string(text));
  return it == ids_.end() ? kMissing : it->second;
}

namespace {

// `values` with the report's default (the absence of a value) numbered 0 before them.
std::vector<std::string> WithDefault(const char* absent, const std::vector<std::string>& values) {
  std::vector<std::string> v = {absent};
  v.insert(v.end(), values.begin(), values.end());
  return v;
}

}  // namespace

// The workflow's own vocabularies (workflow/vocabulary.h, workflow/tracing.h), so
// the report reads exactly the values the workflow writes.
const std::vector<std::string>& TracingStates() { return workflow::TracingStateNames(); }
const std::vector<std::string>& EligibilityStatuses() { return workflow::EligibilityStatuses(); }
const std::vector<std::string>& FlagKinds() { return workflow::FlagKinds(); }
const std::vector<std::string>& DecisionKinds() {
  static const std::vector<std::string> v = WithDefault("pending", workflow::DecisionKinds());
  return v;
}
const std::vector<std::string>& LogisticsPlans() {
  static const std::vector<std::string> v = WithDefault("none", workflow::LogisticsPlans());
  return v;
}
const std::vector<std::string>& LogisticsSteps() { return workflow::LogisticsSteps(); }
const std::vector<std::string>& ClosureReasons() {
  static const std::vector<std::string> v = WithDefault("open", workflow::ClosureReasons());
  return v;
}

int IndexOf(const std::vector<std::string>& vocabulary, std::string_view value) {
  for (size_t i = 0; i < vocabulary.size(); ++i)
    if (vocabulary[i] == value) return static_cast<int>(i);
  return -1;
}

const std::vector<std::string>& ReportedEntities() {
  static const std::vector<std::string> v = {"person",   "family_link", "tracing",        "eligibility",
                                             "eligibility_flag", "decision", "logistics", "logistics_step",
                                             "closure"};
  return v;
}

Status EntryError(const JournalEntry& e, const std::string& why) {
  return Status::InvalidArgument("journal entry " + std::to_string(e.id) + " (" + e.entity + " " +
                                 std::to_string(e.entity_id) + ", field " + e.field + "): " + why);
}

namespace {

// Sets one person fact from a column's stored text; columns the report does not
// count are ignored.
Status SetPersonField(ReportFacts& facts, PersonFacts& p, const JournalEntry& e, const std::string& column,
                      const std::string& value) {
  if (column == "role") {
    auto role = RoleFromString(value);
    if (!role) return EntryError(e, "role '" + value + "' is neither child nor adult");
    p.child = *role == Role::kChild;
  } else if (column == "custody_status") {
    auto custody = CustodyStatusFromString(value);
    if (!custody) return EntryError(e, "unknown custody status '" + value + "'");
    p.custody = *custody;
  } else if (column == "nationality") {
    p.nationality = facts.text.Id(value);
  } else if (column == "location_country") {
    p.location_country = facts.text.Id(value);
  } else if (column == "location_department") {
    p.location_department = facts.text.Id(value);
  } else if (column == "removal_country") {
    p.removal_country = facts.text.Id(value);
  }
  return Status::Ok();
}

Status ApplyPersonSnapshot(ReportFacts& facts, const JournalEntry& e) {
  Result<JsonObject> snapshot = ParseSnapshot(e);
  if (!snapshot.ok()) return snapshot.status();
  PersonFacts p;
  for (const char* column : {"role", "custody_status", "nationality", "location_country", "location_department",
                             "removal_country"}) {
    auto it = snapshot->find(column);
    if (it == snapshot->end()) continue;
    if (Status s = SetPersonField(facts, p, e, column, JsonText(*it)); !s.ok()) return s;
  }
  facts.people[e.entity_id] = p;
  return Status::Ok();
}

Status ApplyLinkField(LinkFacts& link, const JournalEntry& e, const std::string& field, const std::string& value) {
  if (field == "relationship") {
    auto r = RelationshipFromString(value);
    if (!r) return EntryError(e, "unknown relationship '" + value + "'");
    link.relationship = static_cast<std::uint8_t>(*r);
  } else if (field == "verification") {
    auto v = VerificationFromString(value);
    if (!v) return EntryError(e, "unknown verification '" + value + "'");
    link.verification = static_cast<std::uint8_t>(*v);
  }
  return Status::Ok();
}

Status ApplyLinkSnapshot(ReportFacts& facts, const JournalEntry& e) {
  Result<JsonObject> snapshot = ParseSnapshot(e);
  if (!snapshot.ok()) return snapshot.status();
  LinkFacts link;
  link.child = JsonId(*snapshot, "child_id");
  link.adult = JsonId(*snapshot, "adult_id");
  if (link.child <= 0 || link.adult <= 0) return EntryError(e, "the link snapshot lacks child_id or adult_id");
  for (const char* field : {"relationship", "verification"}) {
    auto it = snapshot->find(field);
    if (it == snapshot->end()) continue;
    if (Status s = ApplyLinkField(link, e, field, JsonText(*it)); !s.ok()) return s;
  }
  facts.links[e.entity_id] = link;
  return Status::Ok();
}

}  // namespace

Status ApplyCaseEntry(ReportFacts& facts, const JournalEntry& e) {
  if (e.entity == "person") {
    if (e.field == "*") return ApplyPersonSnapshot(facts, e);
    auto it = facts.people.find(e.entity_id);
    // A change to a person created after T cannot precede the creation; ids and
    // times grow together, so this only skips a change to an unknown person.
    if (it == facts.people.end()) return Status::Ok();
    return SetPersonField(facts, it->second, e, e.field, e.after);
  }
  if (e.entity == "family_link") {
    if (e.field == "*") return ApplyLinkSnapshot(facts, e);
    auto it = facts.links.find(e.entity_id);
    if (it == facts.links.end()) return Status::Ok();
    return ApplyLinkField(it->second, e, e.field, e.after);
  }
  return Status::Ok();
}

Status ApplyJournalEntry(ReportFacts& facts, const JournalEntry& e) {
  if (e.entity == "person" || e.entity == "family_link") {
    ++facts.entries_applied;
    return ApplyCaseEntry(facts, e);
  }
  if (IndexOf(ReportedEntities(), e.entity) < 0) return Status::Ok();
  ++facts.entries_applied;
  return ApplyWorkflowEntry(facts, e);
}

}  // namespace reunite::report
