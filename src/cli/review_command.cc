// `reunite match run` (fill the review queue from the database) and `reunite review`
// (list, show, accept, reject candidates), through access/ as the local operator:
// access/match_access.h and access/review_access.h.
#include <cstdio>
#include <iomanip>
#include <iostream>

#include "access/match_access.h"
#include "access/review_access.h"
#include "cli/cli.h"
#include "match/model_health.h"

namespace reunite::cli {

namespace {

Result<std::int64_t> ParseCandidateId(const std::string& text) {
  auto id = ParseId(text);  // the same rule: a positive number
  if (!id.ok()) return Status::InvalidArgument("not a review candidate id: '" + text + "'");
  return static_cast<std::int64_t>(*id);
}

std::string Fixed(double value, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
}

// Every line of `text` indented by two spaces.
std::string Indented(const std::string& text) {
  std::string out;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    end = end == std::string::npos ? text.size() : end + 1;
    out += "  " + text.substr(at, end - at);
    at = end;
  }
  return out;
}

void PrintCandidateLine(const ReviewCandidate& c) {
  std::cout << std::left << std::setw(7) << c.id << std::setw(12) << ToString(c.kind) << std::setw(9)
            << ToString(c.status) << std::right << std::setw(9) << c.left_id << std::setw(9) << c.right_id << "  "
            << std::left << std::setw(15) << (c.relationship.empty() ? "-" : c.relationship) << Fixed(c.probability, 4)
            << "  " << Fixed(c.match_weight, 2) << "\n";
}

// The fields a reviewer compares, as text.
std::vector<std::pair<std::string, std::string>> Fields(const Person& p) {
  std::string phones, dob = p.birth.date.ToIso();
  for (const auto& ph : p.phones) phones += (phones.empty() ? "" : ", ") + ph;
  if (p.birth.precision == DatePrecision::kYearOnly) dob = std::to_string(p.birth.date.year);
  std::string location = p.location.facility.empty() ? p.location.text : p.location.facility;
  return {{"role", ToString(p.role)},
          {"name", p.name.Display()},
          {"as recorded", p.name.as_recorded},
          {"date of birth", dob},
          {"sex", ToString(p.sex)},
          {"nationality", p.nationality},
          {"A-number", p.a_number.empty() ? "" : "A" + p.a_number},
          {"phones", phones},
          {"location", location},
          {"custody", ToString(p.custody.status)},
          {"apprehended", p.apprehension_date.ToIso() + (p.apprehension_place.empty() ? "" : " at " + p.apprehension_place)},
          {"reported relatives", p.reported_relatives}};
}

// The CLI's review service: the local operator, so decisions (and protected reads
// of the pair) are audited as on the web.
ReviewAccess OperatorReview(Database& db, const GlobalOptions& global) {
  return ReviewAccess(db, Principal::LocalOperator(global.actor));
}

// Each comparison's contribution, from the decoded explanation (match/explanation_json.h).
void PrintExplanation(const ReviewItem& item) {
  if (!item.explanation) {
    std::cout << "(explanation unreadable: " << item.explanation_error << ")\n";
    return;
  }
  const match::Explanation& e = *item.explanation;
  std::cout << "\nWhy (each comparison's contribution to the match weight):\n";
  if (!e.right_id.empty() && e.right_id != std::to_string(item.candidate.right_id))
    std::cout << "  (the comparisons of record " << e.right_id << ", another record of the same adult)\n";
  std::cout << "  " << std::setw(24) << "prior" << std::right << std::setw(8) << Fixed(e.prior_weight, 2) << std::left
            << "  lambda " << Fixed(e.lambda, 6) << "\n";
  for (const auto& s : e.steps) {
    std::string level = s.level_label + (s.tf_adjusted ? " (tf " + Fixed(s.term_frequency, 6) + ")" : "");
    std::string mu = s.level_label == "null" ? "" : "m " + Fixed(s.m, 4) + "  u " + Fixed(s.u, 6);
    std::cout << "  " << std::setw(24) << s.comparison << std::right << std::setw(8) << Fixed(s.weight, 2) << std::left
              << "  " << std::setw(22) << mu << "  " << level << ": " << s.left_value << " | " << s.right_value
              << "\n";
  }
  if (e.sibling_support.weight != 0)
    std::cout << "  " << std::setw(24) << "sibling support" << std::right << std::setw(8)
              << Fixed(e.sibling_support.weight, 2) << std::left << "  from sibling " << e.sibling_support.sibling_id
              << " (its own weight " << Fixed(e.sibling_support.sibling_weight, 2) << ")\n";
  std::cout << "  " << std::setw(24) << "total" << std::right << std::setw(8) << Fixed(e.total_weight, 2) << std::left
            << "\n";
  if (!e.role_reason.empty()) std::cout << "Role: " << e.role_reason;
}

// The health of the models of the run that scored the candidate.
void PrintHealth(const ReviewItem& item) {
  if (!item.run) {
    std::cout << "\nModel health: not recorded (scored before match runs were recorded)\n";
    return;
  }
  std::cout << "\nModel health (match run " << item.run->id << ", " << (item.run->counts.full ? "full" : "incremental")
            << ", finished " << item.run->finished_at << "):\n";
  if (item.health_warning)
    std::cout << "WARNING: a model behind this score is unhealthy; do not rely on the score, compare the records.\n";
  for (const auto& h : item.health) std::cout << Indented(match::DescribeHealth(h));
}

Status Show(Database& db, std::int64_t id, const GlobalOptions& global) {
  auto item = OperatorReview(db, global).Get(id);
  if (!item.ok()) return item.status();
  const ReviewCandidate* c = &item->candidate;
  const Person* left = &item->left.person;
  const Person* right = &item->right.person;
  std::cout << "Candidate " << c->id << ": " << ToString(c->kind)
            << (c->relationship.empty() ? "" : " (" + c->relationship + ")") << ", " << ToString(c->status)
            << ", probability " << Fixed(c->probability, 4) << ", match weight " << Fixed(c->match_weight, 2) << "\n";
  if (!c->decided_by.empty())
    std::cout << "Last decision: " << ToString(c->status) << " by " << c->decided_by << " at " << c->decided_at
              << (c->reason.empty() ? "" : " (" + c->reason + ")") << "\n";
  auto lf = Fields(*left), rf = Fields(*right);
  std::cout << "\n" << std::left << std::setw(20) << "" << std::setw(40) << ("person " + std::to_string(left->id))
            << "person " << right->id << "\n";
  for (size_t i = 0; i < lf.size(); ++i) {
    if (lf[i].second.empty() && rf[i].second.empty()) continue;
    std::cout << std::setw(20) << lf[i].first << std::setw(40) << lf[i].second << (lf[i].second.size() >= 40 ? "  " : "")
              << rf[i].second << "\n";
  }
  PrintExplanation(*item);
  PrintHealth(*item);
  return Status::Ok();
}

struct ReviewArgs {
  std::string kind, status = "pending", id, verification = "claimed", relationship, reason;
  int limit = 50, offset = 0;
};

// Runs `body` on the opened database, turning its Status into the exit code.
template <typename Body>
void WithDatabase(GlobalOptions& global, int* exit_code, Body body) {
  auto db = OpenDatabase(global);
  if (!db.ok()) return void(*exit_code = Fail(db.status()));
  if (Status s = body(**db); !s.ok()) *exit_code = Fail(s);
}

}  // namespace

void AddMatchRunCommand(CLI::App* match, GlobalOptions& global, int* exit_code) {
  auto options = std::make_shared<MatchRunOptions>();
  auto verbose = std::make_shared<bool>(false);
  auto* run = match->add_subcommand("run", "Match the people in the database and fill the review queue");
  run->add_flag("--full", options->full, "Rescore everyone and retrain, instead of only new or changed people");
  run->add_option("--threshold", options->threshold, "Lowest probability proposed for review")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  run->add_option("--threads", options->threads, "Worker threads")->capture_default_str()->check(CLI::Range(1, 256));
  run->add_flag("--verbose", *verbose, "Timings on stderr");
  run->footer("Example: reunite match run; reunite review list");
  run->callback([options, verbose, &global, exit_code] {
    if (*verbose) options->log = [](const std::string& line) { std::cerr << line << "\n"; };
    WithDatabase(global, exit_code, [&](Database& db) -> Status {
      // As the local operator: checked and audited ("match_run") as imports are.
      auto report = MatchAccess(db, Principal::LocalOperator(global.actor)).Run(*options);
      if (!report.ok()) return report.status();
      const MatchRunReport& r = *report;
      std::cout << (r.full ? "full" : "incremental") << " run: " << r.people << " people, " << r.compared_people
                << " compared, " << r.duplicate_pairs << " record pairs scored, " << r.family_pairs
                << " family links found"
                << (r.full ? "" : " (" + std::to_string(r.family_scope_people) + " people family-linked again)") << "\n"
                << "candidates: " << r.candidates_new << " new, " << r.candidates_refreshed << " refreshed, "
                << r.candidates_reopened << " reopened, " << r.candidates_kept << " decided and kept, "
                << r.candidates_withdrawn << " withdrawn\n"
                << "model health (match run " << r.run_id << "):"
                << (r.health.empty() ? " no model was needed\n" : "\n");
      for (const auto& h : r.health) std::cout << Indented(match::DescribeHealth(h));
      std::cout << "time: " << Fixed(r.seconds, 2) << " s\n";
      return Status::Ok();
    });
  });
}

void AddReviewCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto a = std::make_shared<ReviewArgs>();
  auto* review = app.add_subcommand("review", "Review candidate duplicates and child-parent links from `match run`");
  review->require_subcommand(1);

  auto* list = review->add_subcommand("list", "List candidates, most probable first");
  list->add_option("--kind", a->kind, "duplicate or family_link")->check(CLI::IsMember({"duplicate", "family_link"}));
  list->add_option("--status", a->status, "pending, accepted, rejected, withdrawn or all")
      ->capture_default_str()->check(CLI::IsMember({"pending", "accepted", "rejected", "withdrawn", "all"}));
  list->add_option("--limit", a->limit, "At most this many")->capture_default_str();
  list->add_option("--offset", a->offset, "Skip this many")->capture_default_str();
  list->callback([a, &global, exit_code] {
    WithDatabase(global, exit_code, [&](Database& db) -> Status {
      ReviewQuery query;
      if (!a->kind.empty()) query.kind = CandidateKindFromString(a->kind);
      if (a->status != "all") query.status = ReviewStatusFromString(a->status);
      query.limit = a->limit;
      query.offset = a->offset;
      auto found = OperatorReview(db, global).List(query);
      if (!found.ok()) return found.status();
      std::cout << "id     kind        status      left    right  relationship   prob    weight\n";
      for (const auto& c : found->items) PrintCandidateLine(c);
      std::cerr << found->items.size() << " candidates\n";
      return Status::Ok();
    });
  });

  auto* show = review->add_subcommand("show", "Both records side by side and each comparison's contribution");
  show->add_option("id", a->id, "Candidate id")->required();
  show->callback([a, &global, exit_code] {
    auto id = ParseCandidateId(a->id);
    if (!id.ok()) return void(*exit_code = Fail(id.status()));
    WithDatabase(global, exit_code, [&](Database& db) { return Show(db, *id, global); });
  });

  auto* accept = review->add_subcommand("accept", "Accept a candidate (a family link is added, journaled)");
  accept->add_option("id", a->id, "Candidate id")->required();
  accept->add_option("--verification", a->verification, "claimed, documented or confirmed")
      ->capture_default_str()->check(CLI::IsMember({"claimed", "documented", "confirmed"}));
  accept->add_option("--relationship", a->relationship, "Family links: father, mother, legal_guardian or other_relative")
      ->check(CLI::IsMember({"father", "mother", "legal_guardian", "other_relative"}));
  accept->add_option("--reason", a->reason, "Why (written to the change journal)");
  accept->callback([a, &global, exit_code] {
    auto id = ParseCandidateId(a->id);
    if (!id.ok()) return void(*exit_code = Fail(id.status()));
    WithDatabase(global, exit_code, [&](Database& db) -> Status {
      AcceptOptions options;
      options.verification = *VerificationFromString(a->verification);
      if (!a->relationship.empty()) options.relationship = RelationshipFromString(a->relationship);
      options.reason = a->reason;
      auto accepted = OperatorReview(db, global).Accept(*id, options);
      if (!accepted.ok()) return accepted.status();
      std::cout << "candidate " << *id << " accepted";
      if (accepted->link_id) std::cout << (accepted->link_existed ? "; family link " : "; new family link ")
                                       << accepted->link_id << " (" << a->verification << ")";
      std::cout << "\n";
      return Status::Ok();
    });
  });

  auto* reject = review->add_subcommand("reject", "Reject a candidate: it returns only if one of its records changes");
  reject->add_option("id", a->id, "Candidate id")->required();
  reject->add_option("--reason", a->reason, "Why (written to the change journal)")->required();
  reject->callback([a, &global, exit_code] {
    auto id = ParseCandidateId(a->id);
    if (!id.ok()) return void(*exit_code = Fail(id.status()));
    WithDatabase(global, exit_code, [&](Database& db) -> Status {
      if (Status s = OperatorReview(db, global).Reject(*id, a->reason); !s.ok()) return s;
      std::cout << "candidate " << *id << " rejected\n";
      return Status::Ok();
    });
  });
  review->footer("Examples: reunite review list --kind family_link\n"
                 "          reunite review accept 7 --verification documented --reason \"birth certificate\"\n"
                 "          reunite review reject 9 --reason \"different mothers\"");
}

}  // namespace reunite::cli
