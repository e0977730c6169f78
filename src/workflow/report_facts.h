// The facts the court status report counts, as the change journal says they were
// at some time: people (role, nationality, custody, location), family links, and
// the workflow's per-parent and per-family state (docs/workflow.md). A
// ReportFacts is filled by applying journal entries in id order (ReplayJournal in
// workflow/report_replay.h); nothing here reads the current tables, so a report
// for a past time is rebuilt from the journal alone.
//
// Memory is proportional to the number of people, links and workflow records,
// not to the journal's length: each entry overwrites the fact it changes. Short
// repeated texts (country and department codes) are interned as small ids.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "model/person.h"
#include "store/case_writer.h"

namespace reunite::report {

// Text values seen in the journal (country codes, departments) as dense ids; id 0
// is always "".
class Interner {
 public:
  Interner() { names_.push_back(""); }
  std::uint32_t Id(std::string_view text);
  // The id of `text` if it was interned, else kMissing (matches nothing).
  std::uint32_t Find(std::string_view text) const;
  const std::string& Name(std::uint32_t id) const { return names_[id]; }
  static constexpr std::uint32_t kMissing = 0xffffffffu;

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint32_t> ids_;
};

// The vocabularies of docs/workflow.md, in the order their values are numbered.
// A value's index is what ReportFacts stores; index 0 is the default ("unknown",
// "eligible", "pending", "none", "open").
const std::vector<std::string>& TracingStates();      // unknown, phone_attempted, in_contact, ...
const std::vector<std::string>& EligibilityStatuses();  // eligible, under_review, ineligible
const std::vector<std::string>& FlagKinds();          // criminal_violent, ..., communicable_disease
const std::vector<std::string>& DecisionKinds();      // pending, reunify_home, waiver, undecided
const std::vector<std::string>& LogisticsPlans();     // none, return_home, reunion_us
const std::vector<std::string>& LogisticsSteps();     // travel_document, ..., reunified
const std::vector<std::string>& ClosureReasons();     // open, reunified, parent_chose_waiver, ...
// The index of `value` in `vocabulary`, or -1.
int IndexOf(const std::vector<std::string>& vocabulary, std::string_view value);

struct PersonFacts {
  bool child = false;
  CustodyStatus custody = CustodyStatus::kUnknown;
  std::uint32_t nationality = 0;  // Interner ids
  std::uint32_t location_country = 0;
  std::uint32_t location_department = 0;
  std::uint32_t removal_country = 0;
};

struct LinkFacts {
  PersonId child = 0;
  PersonId adult = 0;
  std::uint8_t relationship = 3;  // Relationship enum order; other_relative
  std::uint8_t verification = 0;  // Verification enum order; 3 = rejected
  bool rejected() const { return verification == 3; }
};

// A red flag on an adult (docs/workflow.md section 5).
struct FlagFacts {
  PersonId adult = 0;
  int kind = -1;        // index in FlagKinds()
  bool final = false;   // "final", else "provisional"
  bool contested = false;
  std::string outcome;  // "pending", "upheld", "overturned" ("" when never contested)
  bool open = true;     // until resolved
  // An open final flag not overturned makes the adult ineligible: the court's
  // "not eligible" reasons are the kinds of such flags.
  bool MakesIneligible() const { return open && final && outcome != "overturned"; }
};

struct FamilyFacts {
  int decision = 0;            // index in DecisionKinds()
  PersonId deciding_adult = 0; // 0 when not recorded
  int plan = 0;                // index in LogisticsPlans()
  std::uint32_t steps = 0;     // bit i: LogisticsSteps()[i] done
  int closure = 0;             // index in ClosureReasons(); 0 open
};

struct ReportFacts {
  Interner text;
  std::unordered_map<PersonId, PersonFacts> people;
  std::unordered_map<std::int64_t, LinkFacts> links;
  std::unordered_map<PersonId, int> tracing;      // adult -> index in TracingStates()
  std::unordered_map<PersonId, int> eligibility;  // adult -> index in EligibilityStatuses()
  std::unordered_map<std::int64_t, FlagFacts> flags;
  std::unordered_map<PersonId, FamilyFacts> families;  // child -> workflow state
  long entries_applied = 0;  // journal entries of the entities the report reads
};

// Applies one journal entry to `facts`. Entities the report does not count
// (review candidates, assignments, protection, contacts, search tasks, deadlines)
// are skipped. InvalidArgument naming the entry (id, entity, entity id, field)
// when an entry the report needs cannot be read: a snapshot that is not a JSON
// object, or a value outside the contract's vocabulary.
Status ApplyJournalEntry(ReportFacts& facts, const JournalEntry& entry);

// The case entities written by store's CaseWriter: "person" and "family_link".
Status ApplyCaseEntry(ReportFacts& facts, const JournalEntry& entry);

// The workflow's entities (docs/workflow.md): "tracing", "eligibility",
// "eligibility_flag", "decision", "logistics", "logistics_step", "closure".
// Returns OK without change for any other entity.
Status ApplyWorkflowEntry(ReportFacts& facts, const JournalEntry& entry);

// The entities ApplyJournalEntry reads, for the journal query.
const std::vector<std::string>& ReportedEntities();

}  // namespace reunite::report
