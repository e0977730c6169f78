// The workflow's journal entries (docs/workflow.md) as report facts. Values are
// checked against the contract's vocabulary: a value the report does not know
// would be miscounted silently, so it is an error naming the entry instead.
#include <nlohmann/json.hpp>

#include "workflow/report_facts.h"
#include "workflow/report_json.h"

namespace reunite::report {

namespace {

// The index of `value` in `vocabulary`; "" reads as the default (index 0: none,
// open, pending), which is how the workflow journals a cleared value.
Result<int> Vocab(const JournalEntry& e, const std::vector<std::string>& vocabulary, const std::string& value) {
  if (value.empty()) return 0;
  int i = IndexOf(vocabulary, value);
  if (i < 0) return EntryError(e, "'" + value + "' is not one of the contract's values");
  return i;
}

Status SetIndex(const JournalEntry& e, const std::vector<std::string>& vocabulary, const std::string& value,
                int& out) {
  Result<int> i = Vocab(e, vocabulary, value);
  if (!i.ok()) return i.status();
  out = *i;
  return Status::Ok();
}

bool Flag(const std::string& text) { return text == "1" || text == "true"; }

// One field of a red flag, from a snapshot key or a per-field entry.
Status SetFlagField(FlagFacts& flag, const JournalEntry& e, const std::string& field, const std::string& value) {
  if (field == "kind") {
    int kind = IndexOf(FlagKinds(), value);
    if (kind < 0) return EntryError(e, "'" + value + "' is not a red flag kind");
    flag.kind = kind;
  } else if (field == "finality") {
    if (value != "final" && value != "provisional") return EntryError(e, "finality '" + value + "'");
    flag.final = value == "final";
  } else if (field == "contested") {
    flag.contested = Flag(value);
  } else if (field == "outcome") {
    flag.outcome = value;
  } else if (field == "open") {
    flag.open = Flag(value);
  }
  return Status::Ok();
}

Status ApplyFlag(ReportFacts& facts, const JournalEntry& e) {
  if (e.field != "*") {
    auto it = facts.flags.find(e.entity_id);
    if (it == facts.flags.end()) return Status::Ok();  // created after T
    return SetFlagField(it->second, e, e.field, e.after);
  }
  Result<JsonObject> snapshot = ParseSnapshot(e);
  if (!snapshot.ok()) return snapshot.status();
  FlagFacts flag;
  flag.adult = JsonId(*snapshot, "adult_id");
  if (flag.adult <= 0) return EntryError(e, "the red flag snapshot lacks adult_id");
  for (const char* key : {"kind", "finality", "contested", "outcome", "open"}) {
    auto it = snapshot->find(key);
    if (it == snapshot->end()) continue;
    if (Status s = SetFlagField(flag, e, key, JsonText(*it)); !s.ok()) return s;
  }
  if (flag.kind < 0) return EntryError(e, "the red flag snapshot lacks its kind");
  facts.flags[e.entity_id] = flag;
  return Status::Ok();
}

// decision/<child>/kind carries the kind; decision/<child>/* the whole record,
// of which the report keeps the deciding adult (and the kind, in case the record
// is journaled first).
Status ApplyDecision(ReportFacts& facts, const JournalEntry& e) {
  FamilyFacts& family = facts.families[e.entity_id];
  if (e.field == "kind") return SetIndex(e, DecisionKinds(), e.after, family.decision);
  if (e.field != "*") return Status::Ok();
  Result<JsonObject> snapshot = ParseSnapshot(e);
  if (!snapshot.ok()) return snapshot.status();
  family.deciding_adult = JsonId(*snapshot, "adult_id");
  auto kind = snapshot->find("kind");
  if (kind == snapshot->end()) return Status::Ok();
  return SetIndex(e, DecisionKinds(), JsonText(*kind), family.decision);
}

Status ApplyStep(ReportFacts& facts, const JournalEntry& e) {
  int step = IndexOf(LogisticsSteps(), e.field);
  if (step < 0) return EntryError(e, "'" + e.field + "' is not a logistics step");
  std::uint32_t& steps = facts.families[e.entity_id].steps;
  if (e.after.empty())
    steps &= ~(1u << step);
  else
    steps |= 1u << step;
  return Status::Ok();
}

}  // namespace

Status ApplyWorkflowEntry(ReportFacts& facts, const JournalEntry& e) {
  const std::string& entity = e.entity;
  if (entity == "tracing" && e.field == "state")
    return SetIndex(e, TracingStates(), e.after, facts.tracing[e.entity_id]);
  if (entity == "eligibility" && e.field == "status")
    return SetIndex(e, EligibilityStatuses(), e.after, facts.eligibility[e.entity_id]);
  if (entity == "eligibility_flag") return ApplyFlag(facts, e);
  if (entity == "decision") return ApplyDecision(facts, e);
  if (entity == "logistics" && e.field == "plan")
    return SetIndex(e, LogisticsPlans(), e.after, facts.families[e.entity_id].plan);
  if (entity == "logistics_step") return ApplyStep(facts, e);
  if (entity == "closure" && e.field == "reason")
    return SetIndex(e, ClosureReasons(), e.after, facts.families[e.entity_id].closure);
  return Status::Ok();
}

}  // namespace reunite::report
