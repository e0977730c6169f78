// WorkflowWriter: a family's decision (§4) and an adult's eligibility (§5).
#include <array>

#include "workflow/vocabulary.h"
#include "workflow/writer_impl.h"

namespace reunite::workflow {

Status WorkflowWriter::Impl::CheckDecision(const Decision& d) {
  if (Status s = Require(d.child_id, Role::kChild, "child"); !s.ok()) return s;
  if (Status s = Require(d.adult_id, Role::kAdult, "adult"); !s.ok()) return s;
  if (Status s = CheckOneOf("kind", d.kind, DecisionKinds()); !s.ok()) return s;
  if (d.language.empty()) return Status::InvalidArgument("language: required (the language the decision was made in)");
  if (Status s = CheckDate("date", d.decided_on); !s.ok()) return s;
  if (d.decided_on > Now().substr(0, 10)) return Status::InvalidArgument("date: " + d.decided_on + " is in the future");
  if (d.interpreter_used && d.interpreter.empty())
    return Status::InvalidArgument("interpreter: say who interpreted when an interpreter was used");
  if (!d.interpreter_used && !d.interpreter.empty())
    return Status::InvalidArgument("interpreter: named, but the decision says no interpreter was used");
  if (Status s = RequireOpenFamily(d.child_id); !s.ok()) return s;
  bool linked = false;
  for (const FamilyLink& link : ParentLinks(session, d.child_id)) linked = linked || link.adult_id == d.adult_id;
  if (!linked)
    return Status::Conflict("adult " + std::to_string(d.adult_id) + " is not linked to child " +
                            std::to_string(d.child_id) + "; only a linked parent decides");
  const TracingState state = LoadTracingState(session, d.adult_id);
  if (!CountsAsLocated(state))
    return Status::Conflict("parent " + std::to_string(d.adult_id) + " is " + ToString(state) +
                            "; a decision needs the parent in_contact or located (log the contact first)");
  return Status::Ok();
}

Result<std::int64_t> WorkflowWriter::Impl::SetDecision(const Decision& decision) {
  if (Status s = CheckDecision(decision); !s.ok()) return s;
  const std::optional<Decision> before = LoadDecision(session, decision.child_id);
  if (before && decision.reason.empty())
    return Status::InvalidArgument("reason: changing the decision of child " + std::to_string(decision.child_id) +
                                   " (now " + before->kind + ") needs a reason");
  Decision d = decision;
  d.recorded_at = Now();
  d.recorded_by = actor();
  long long child = d.child_id, adult = d.adult_id, id = 0;
  int interpreter = d.interpreter_used ? 1 : 0, signed_form = d.signed_form ? 1 : 0;
  session << "INSERT INTO decision_history (child_id, adult_id, kind, language, interpreter_used, interpreter, "
             "witness, decided_on, signed, reason, recorded_at, recorded_by) VALUES (:c, :a, :k, :l, :iu, :i, :w, "
             ":d, :s, :r, :at, :by) RETURNING id",
      soci::use(child), soci::use(adult), soci::use(d.kind), soci::use(d.language), soci::use(interpreter),
      soci::use(d.interpreter), soci::use(d.witness), soci::use(d.decided_on), soci::use(signed_form),
      soci::use(d.reason), soci::use(d.recorded_at), soci::use(d.recorded_by), soci::into(id);
  d.id = id;
  session << "DELETE FROM decisions WHERE child_id = :c", soci::use(child);
  session << "INSERT INTO decisions (child_id, history_id) VALUES (:c, :h)", soci::use(child), soci::use(id);
  const std::string why = d.reason.empty() ? "decision recorded" : d.reason;
  Journal("decision", child, "kind", before ? before->kind : "pending", d.kind, why);
  Journal("decision", child, "*", before ? Snapshot(*before) : "", Snapshot(d), why);
  return static_cast<std::int64_t>(id);
}

void WorkflowWriter::Impl::RederiveEligibility(PersonId adult, const std::string& reason) {
  long long id = adult;
  const std::string derived = DeriveEligibility(SelectFlags(session, "WHERE adult_id = :a", BindOne(id)));
  const std::string stored = LoadEligibilityStatus(session, adult);
  if (derived == stored) return;
  std::string now = Now();
  session << "DELETE FROM eligibility WHERE adult_id = :a", soci::use(id);
  session << "INSERT INTO eligibility (adult_id, status, updated_at) VALUES (:a, :s, :at)", soci::use(id),
      soci::use(derived), soci::use(now);
  Journal("eligibility", id, "status", stored, derived, reason);
}

namespace {

// The outcome of a review follows a contest: an uncontested flag's stays pending.
Status CheckReview(const std::string& finality, bool contested, const std::string& outcome) {
  if (Status s = CheckOneOf("finality", finality, FlagFinalities()); !s.ok()) return s;
  if (Status s = CheckOneOf("outcome", outcome, FlagOutcomes()); !s.ok()) return s;
  if (!contested && outcome != "pending")
    return Status::InvalidArgument("outcome: '" + outcome + "' needs the flag to be contested");
  return Status::Ok();
}

}  // namespace

Result<std::int64_t> WorkflowWriter::Impl::AddEligibilityFlag(const EligibilityFlag& flag, const std::string& reason) {
  EligibilityFlag f = flag;
  if (Status s = Require(f.adult_id, Role::kAdult, "adult"); !s.ok()) return s;
  if (Status s = CheckOneOf("kind", f.kind, FlagKinds()); !s.ok()) return s;
  if (f.evidence.empty()) return Status::InvalidArgument("evidence: required (what the flag rests on)");
  if (f.reviewer.empty()) return Status::InvalidArgument("reviewer: required (who reviewed the evidence)");
  if (Status s = CheckReview(f.finality, f.contested, f.outcome); !s.ok()) return s;
  if (FlagNeedsReassessDate(f.kind) && f.reassess_by.empty())
    return Status::InvalidArgument("reassess_by: required for " + f.kind + " (it is temporary)");
  if (!f.reassess_by.empty())
    if (Status s = CheckDate("reassess_by", f.reassess_by); !s.ok()) return s;
  if (Status s = RequireOpenAdult(f.adult_id); !s.ok()) return s;
  f.open = true;
  f.created_at = Now();
  f.created_by = actor();
  long long adult = f.adult_id, id = 0;
  int contested = f.contested ? 1 : 0;
  session << "INSERT INTO eligibility_flags (adult_id, kind, evidence, reviewer, finality, contested, outcome, "
             "reassess_by, is_open, resolution, created_at, created_by, resolved_at, resolved_by) VALUES (:a, :k, :e, "
             ":r, :f, :c, :o, :rb, 1, '', :at, :by, '', '') RETURNING id",
      soci::use(adult), soci::use(f.kind), soci::use(f.evidence), soci::use(f.reviewer), soci::use(f.finality),
      soci::use(contested), soci::use(f.outcome), soci::use(f.reassess_by), soci::use(f.created_at),
      soci::use(f.created_by), soci::into(id);
  f.id = id;
  Journal("eligibility_flag", id, "*", "", Snapshot(f), reason);
  RederiveEligibility(f.adult_id, reason);
  return static_cast<std::int64_t>(id);
}

Result<EligibilityFlag> WorkflowWriter::Impl::OpenFlag(std::int64_t flag_id) {
  long long id = flag_id;
  auto found = SelectFlags(session, "WHERE id = :id", BindOne(id));
  if (found.empty()) return Status::NotFound("no eligibility flag " + std::to_string(flag_id));
  if (!found.front().open) return Status::Conflict("eligibility flag " + std::to_string(flag_id) + " is resolved");
  if (Status s = RequireOpenAdult(found.front().adult_id); !s.ok()) return s;
  return found.front();
}

Result<int> WorkflowWriter::Impl::ReviewEligibilityFlag(std::int64_t flag_id, const std::string& finality,
                                                        std::optional<bool> contested, const std::string& outcome,
                                                        const std::string& reason) {
  if (reason.empty()) return Status::InvalidArgument("reason: required to change a flag's review");
  Result<EligibilityFlag> flag = OpenFlag(flag_id);
  if (!flag.ok()) return flag.status();
  EligibilityFlag after = *flag;
  if (!finality.empty()) after.finality = finality;
  if (contested) after.contested = *contested;
  if (!outcome.empty()) after.outcome = outcome;
  if (Status s = CheckReview(after.finality, after.contested, after.outcome); !s.ok()) return s;
  std::vector<std::array<std::string, 3>> changes;
  if (after.finality != flag->finality) changes.push_back({"finality", flag->finality, after.finality});
  if (after.contested != flag->contested)
    changes.push_back({"contested", flag->contested ? "1" : "0", after.contested ? "1" : "0"});
  if (after.outcome != flag->outcome) changes.push_back({"outcome", flag->outcome, after.outcome});
  if (changes.empty()) return 0;
  long long id = flag_id;
  int c = after.contested ? 1 : 0;
  session << "UPDATE eligibility_flags SET finality = :f, contested = :c, outcome = :o WHERE id = :id",
      soci::use(after.finality), soci::use(c), soci::use(after.outcome), soci::use(id);
  for (const auto& [field, old_value, new_value] : changes) Journal("eligibility_flag", id, field, old_value, new_value, reason);
  RederiveEligibility(flag->adult_id, reason);
  return static_cast<int>(changes.size());
}

Status WorkflowWriter::Impl::ResolveEligibilityFlag(std::int64_t flag_id, const std::string& reason) {
  if (reason.empty()) return Status::InvalidArgument("reason: required to resolve a flag (how it was resolved)");
  Result<EligibilityFlag> flag = OpenFlag(flag_id);
  if (!flag.ok()) return flag.status();
  long long id = flag_id;
  std::string now = Now();
  session << "UPDATE eligibility_flags SET is_open = 0, resolution = :r, resolved_at = :at, resolved_by = :by "
             "WHERE id = :id",
      soci::use(reason), soci::use(now), soci::use(actor()), soci::use(id);
  Journal("eligibility_flag", id, "open", "1", "0", reason);
  RederiveEligibility(flag->adult_id, reason);
  return Status::Ok();
}

}  // namespace reunite::workflow
