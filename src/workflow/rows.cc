#include "workflow/rows.h"

#include <nlohmann/json.hpp>

#include "workflow/vocabulary.h"

namespace reunite::workflow {

namespace {

// Runs "SELECT <columns> FROM <table> <tail>" with `into` binding the output
// buffers, and calls `take` after each fetched row.
void Each(soci::session& s, const std::string& sql, const Bind& into, const Bind& bind,
          const std::function<void()>& take) {
  soci::statement st(s);
  into(st);
  bind(st);
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) take();
}

}  // namespace

Bind BindOne(const long long& id) {
  return [&id](soci::statement& st) { st.exchange(soci::use(id)); };
}
Bind BindNone() {
  return [](soci::statement&) {};
}

std::vector<Contact> SelectContacts(soci::session& s, const std::string& tail, const Bind& bind) {
  Contact c;
  long long id = 0, adult = 0, child = 0;
  std::vector<Contact> out;
  Each(s,
       "SELECT id, adult_id, child_id, kind, result, number, place, team, through, at, recorded_by, notes "
       "FROM contacts " + tail,
       [&](soci::statement& st) {
         st.exchange(soci::into(id));
         st.exchange(soci::into(adult));
         st.exchange(soci::into(child));
         for (std::string* f : {&c.kind, &c.result, &c.number, &c.place, &c.team, &c.through, &c.at,
                                &c.recorded_by, &c.notes})
           st.exchange(soci::into(*f));
       },
       bind, [&] {
         c.id = id, c.adult_id = adult, c.child_id = child;
         out.push_back(c);
       });
  return out;
}

std::vector<SearchTask> SelectTasks(soci::session& s, const std::string& tail, const Bind& bind) {
  SearchTask t;
  long long id = 0, adult = 0;
  std::vector<SearchTask> out;
  Each(s,
       "SELECT id, adult_id, country, department, municipality, village, organisation, team, status, result, "
       "created_at, created_by, closed_at FROM search_tasks " + tail,
       [&](soci::statement& st) {
         st.exchange(soci::into(id));
         st.exchange(soci::into(adult));
         for (std::string* f : {&t.country, &t.department, &t.municipality, &t.village, &t.organisation, &t.team,
                                &t.status, &t.result, &t.created_at, &t.created_by, &t.closed_at})
           st.exchange(soci::into(*f));
       },
       bind, [&] {
         t.id = id, t.adult_id = adult;
         out.push_back(t);
       });
  return out;
}

std::vector<Decision> SelectDecisions(soci::session& s, const std::string& tail, const Bind& bind) {
  Decision d;
  long long id = 0, child = 0, adult = 0;
  int interpreter_used = 0, signed_form = 0;
  std::vector<Decision> out;
  Each(s,
       "SELECT id, child_id, adult_id, kind, language, interpreter_used, interpreter, witness, decided_on, signed, "
       "reason, recorded_at, recorded_by FROM decision_history " + tail,
       [&](soci::statement& st) {
         st.exchange(soci::into(id));
         st.exchange(soci::into(child));
         st.exchange(soci::into(adult));
         st.exchange(soci::into(d.kind));
         st.exchange(soci::into(d.language));
         st.exchange(soci::into(interpreter_used));
         st.exchange(soci::into(d.interpreter));
         st.exchange(soci::into(d.witness));
         st.exchange(soci::into(d.decided_on));
         st.exchange(soci::into(signed_form));
         st.exchange(soci::into(d.reason));
         st.exchange(soci::into(d.recorded_at));
         st.exchange(soci::into(d.recorded_by));
       },
       bind, [&] {
         d.id = id, d.child_id = child, d.adult_id = adult;
         d.interpreter_used = interpreter_used != 0, d.signed_form = signed_form != 0;
         out.push_back(d);
       });
  return out;
}

std::vector<EligibilityFlag> SelectFlags(soci::session& s, const std::string& tail, const Bind& bind) {
  EligibilityFlag f;
  long long id = 0, adult = 0;
  int contested = 0, open = 0;
  std::vector<EligibilityFlag> out;
  Each(s,
       "SELECT id, adult_id, kind, evidence, reviewer, finality, contested, outcome, reassess_by, is_open, "
       "resolution, created_at, created_by, resolved_at, resolved_by FROM eligibility_flags " + tail,
       [&](soci::statement& st) {
         st.exchange(soci::into(id));
         st.exchange(soci::into(adult));
         for (std::string* v : {&f.kind, &f.evidence, &f.reviewer, &f.finality}) st.exchange(soci::into(*v));
         st.exchange(soci::into(contested));
         st.exchange(soci::into(f.outcome));
         st.exchange(soci::into(f.reassess_by));
         st.exchange(soci::into(open));
         for (std::string* v : {&f.resolution, &f.created_at, &f.created_by, &f.resolved_at, &f.resolved_by})
           st.exchange(soci::into(*v));
       },
       bind, [&] {
         f.id = id, f.adult_id = adult, f.contested = contested != 0, f.open = open != 0;
         out.push_back(f);
       });
  return out;
}

std::vector<Deadline> SelectDeadlines(soci::session& s, const std::string& tail, const Bind& bind) {
  Deadline d;
  long long id = 0, child = 0, adult = 0;
  std::vector<Deadline> out;
  Each(s,
       "SELECT id, title, kind, due_at, child_id, adult_id, done_at, created_at, created_by FROM deadlines " + tail,
       [&](soci::statement& st) {
         st.exchange(soci::into(id));
         st.exchange(soci::into(d.title));
         st.exchange(soci::into(d.kind));
         st.exchange(soci::into(d.due_at));
         st.exchange(soci::into(child));
         st.exchange(soci::into(adult));
         for (std::string* v : {&d.done_at, &d.created_at, &d.created_by}) st.exchange(soci::into(*v));
       },
       bind, [&] {
         d.id = id, d.child_id = child, d.adult_id = adult;
         out.push_back(d);
       });
  return out;
}

TracingState LoadTracingState(soci::session& s, PersonId adult) {
  long long id = adult;
  std::string state;
  s << "SELECT state FROM tracing_states WHERE adult_id = :id", soci::use(id), soci::into(state);
  if (!s.got_data()) return TracingState::kUnknown;
  return TracingStateFromString(state).value_or(TracingState::kUnknown);
}

std::optional<Decision> LoadDecision(soci::session& s, PersonId child) {
  long long id = child;
  auto found = SelectDecisions(s, "WHERE id = (SELECT history_id FROM decisions WHERE child_id = :c)", BindOne(id));
  if (found.empty()) return std::nullopt;
  return found.front();
}

Logistics LoadLogistics(soci::session& s, PersonId child) {
  Logistics l;
  l.child_id = child;
  long long id = child;
  s << "SELECT plan FROM logistics_plans WHERE child_id = :c", soci::use(id), soci::into(l.plan);
  if (!s.got_data()) l.plan.clear();
  LogisticsStepDone step;
  Each(s,
       "SELECT step, done_on, done_by, recorded_at, recorded_by FROM logistics_steps WHERE child_id = :c "
       "ORDER BY position",
       [&](soci::statement& st) {
         for (std::string* v : {&step.step, &step.done_on, &step.done_by, &step.recorded_at, &step.recorded_by})
           st.exchange(soci::into(*v));
       },
       BindOne(id), [&] { l.steps.push_back(step); });
  const auto& order = LogisticsSteps();
  if (!l.plan.empty() && l.steps.size() < order.size()) l.next_step = order[l.steps.size()];
  return l;
}

Closure LoadClosure(soci::session& s, PersonId child) {
  Closure c;
  c.child_id = child;
  long long id = child;
  s << "SELECT reason, note, updated_at, updated_by FROM closures WHERE child_id = :c", soci::use(id),
      soci::into(c.reason), soci::into(c.note), soci::into(c.updated_at), soci::into(c.updated_by);
  if (!s.got_data()) c = Closure{child, "", "", "", ""};
  return c;
}

std::string DeriveEligibility(const std::vector<EligibilityFlag>& flags) {
  bool review = false;
  for (const auto& f : flags) {
    if (!f.open) continue;
    if (f.finality == "final" && f.outcome != "overturned") return "ineligible";
    if (f.finality == "provisional" || (f.contested && f.outcome == "pending")) review = true;
  }
  return review ? "under_review" : "eligible";
}

std::string LoadEligibilityStatus(soci::session& s, PersonId adult) {
  long long id = adult;
  std::string status;
  s << "SELECT status FROM eligibility WHERE adult_id = :a", soci::use(id), soci::into(status);
  return s.got_data() ? status : "eligible";
}

std::vector<FamilyLink> ParentLinks(soci::session& s, PersonId child) {
  long long id = child, link = 0, adult = 0;
  std::string rel, ver;
  std::vector<FamilyLink> out;
  Each(s,
       "SELECT id, adult_id, relationship, verification FROM family_links WHERE child_id = :c "
       "AND verification <> 'rejected' ORDER BY id",
       [&](soci::statement& st) {
         st.exchange(soci::into(link));
         st.exchange(soci::into(adult));
         st.exchange(soci::into(rel));
         st.exchange(soci::into(ver));
       },
       BindOne(id), [&] {
         out.push_back({link, child, adult, RelationshipFromString(rel).value_or(Relationship::kOtherRelative),
                        VerificationFromString(ver).value_or(Verification::kClaimed)});
       });
  return out;
}

std::vector<PersonId> ChildrenOf(soci::session& s, PersonId adult) {
  long long id = adult, child = 0;
  std::vector<PersonId> out;
  Each(s, "SELECT child_id FROM family_links WHERE adult_id = :a AND verification <> 'rejected' ORDER BY child_id",
       [&](soci::statement& st) { st.exchange(soci::into(child)); }, BindOne(id),
       [&] { out.push_back(child); });
  return out;
}

std::optional<Role> RoleOf(soci::session& s, PersonId id) {
  long long key = id;
  std::string role;
  s << "SELECT role FROM people WHERE id = :id", soci::use(key), soci::into(role);
  if (!s.got_data()) return std::nullopt;
  return role == "child" ? Role::kChild : Role::kAdult;
}

std::string Snapshot(const Contact& c) {
  return nlohmann::json{{"id", c.id},          {"adult_id", c.adult_id}, {"child_id", c.child_id},
                        {"kind", c.kind},      {"result", c.result},     {"number", c.number},
                        {"place", c.place},    {"team", c.team},         {"through", c.through},
                        {"at", c.at},          {"recorded_by", c.recorded_by}, {"notes", c.notes}}
      .dump();
}

std::string Snapshot(const SearchTask& t) {
  return nlohmann::json{{"id", t.id},
                        {"adult_id", t.adult_id},
                        {"country", t.country},
                        {"department", t.department},
                        {"municipality", t.municipality},
                        {"village", t.village},
                        {"organisation", t.organisation},
                        {"team", t.team},
                        {"status", t.status},
                        {"result", t.result},
                        {"created_at", t.created_at}}
      .dump();
}

std::string Snapshot(const Decision& d) {
  return nlohmann::json{{"id", d.id},
                        {"child_id", d.child_id},
                        {"adult_id", d.adult_id},
                        {"kind", d.kind},
                        {"language", d.language},
                        {"interpreter_used", d.interpreter_used},
                        {"interpreter", d.interpreter},
                        {"witness", d.witness},
                        {"decided_on", d.decided_on},
                        {"signed", d.signed_form},
                        {"reason", d.reason}}
      .dump();
}

std::string Snapshot(const EligibilityFlag& f) {
  return nlohmann::json{{"id", f.id},
                        {"adult_id", f.adult_id},
                        {"kind", f.kind},
                        {"evidence", f.evidence},
                        {"reviewer", f.reviewer},
                        {"finality", f.finality},
                        {"contested", f.contested},
                        {"outcome", f.outcome},
                        {"reassess_by", f.reassess_by},
                        {"open", f.open}}
      .dump();
}

std::string Snapshot(const Deadline& d) {
  return nlohmann::json{{"id", d.id},       {"title", d.title},       {"kind", d.kind},
                        {"due_at", d.due_at}, {"child_id", d.child_id}, {"adult_id", d.adult_id}}
      .dump();
}

}  // namespace reunite::workflow
