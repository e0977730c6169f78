// The review queue: the list of candidates, one candidate with both records side by
// side and each comparison's contribution, and the decisions (accept, reject,
// different people), which lead to the next pending candidate.
#include <cstdio>

#include "access/review_access.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;

constexpr int kReviewPageSize = 50;
// The reason recorded for "Different people"; the journal is read in English.
constexpr const char* kDifferentPeople = "different people";

std::string Fixed(double v, const char* format = "%.2f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string DisplayName(const Person& p) { return p.name.Display().empty() ? p.name.as_recorded : p.name.Display(); }

TemplateData CandidateRow(const ReviewCandidate& c, const CandidateProtection& protection, const Messages& t) {
  TemplateData r;
  // A pair with a protected person: its decisions move protection (reviewers see why).
  r.set("touches_protected", protection.touches_protected);
  r.set("id", std::to_string(c.id));
  r.set("kind", Label(t, "review.kind_" + ToString(c.kind), ToString(c.kind)));
  r.set("left_id", std::to_string(c.left_id));
  r.set("right_id", std::to_string(c.right_id));
  r.set("probability", Fixed(c.probability));
  // Set only when there is one: an empty string would still open {{#relationship}}.
  if (!c.relationship.empty()) r.set("relationship", Label(t, "relationship." + c.relationship, c.relationship));
  r.set("status", Label(t, "review.status_" + ToString(c.status), ToString(c.status)));
  return r;
}

void ShowQueue(const Request& req, Response& res, CaseRequest& cr) {
  PageContext page = PageFor(req, cr.user, "review.title");
  const Messages& t = CatalogFor(page.lang);
  ReviewQuery q;
  q.kind = CandidateKindFromString(Param(req, "kind"));
  q.status = ReviewStatusFromString(Param(req, "status")).value_or(ReviewStatus::kPending);
  q.limit = kReviewPageSize;
  long page_no = std::max(1L, IntParam(req, "page").value_or(1));
  q.offset = static_cast<int>((page_no - 1) * kReviewPageSize);
  auto list = cr.services.review().List(q, ReviewListDetail::kSummary);
  if (!list.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(list.status()));
  TemplateData rows(TemplateData::type::list);
  for (std::size_t i = 0; i < list->items.size(); ++i) rows.push_back(CandidateRow(list->items[i], list->protection[i], t));
  TemplateData vars;
  vars.set("candidates", rows);
  vars.set("none", list->items.empty());
  vars.set("total", std::to_string(list->total));
  std::string base = "/review?kind=" + Param(req, "kind") + "&status=" + ToString(*q.status) + "&page=";
  if (page_no > 1) vars.set("prev_href", base + std::to_string(page_no - 1));
  if (q.offset + kReviewPageSize < list->total) vars.set("next_href", base + std::to_string(page_no + 1));
  SendPage(req, res, "review_list", page, vars);
}

// One record of the pair, as the principal may see it.
TemplateData RecordData(const PersonView& view, const Messages& t) {
  const Person& p = view.person;
  TemplateData r;
  r.set("id", std::to_string(p.id));
  r.set("name", DisplayName(p));
  r.set("as_recorded", p.name.as_recorded);
  r.set("role", Label(t, "role." + ToString(p.role), ToString(p.role)));
  r.set("birth", p.birth.date.ToIso());
  r.set("sex", ToString(p.sex));
  r.set("nationality", p.nationality);
  r.set("a_number", p.a_number);
  r.set("facility", p.location.facility);
  r.set("location", p.location.text.empty() ? p.location.municipality : p.location.text);
  r.set("relatives", p.reported_relatives);
  r.set("withheld", !view.withheld.empty());
  return r;
}

// A value as the explanation gives it, "[withheld]" in the reader's words.
std::string StepValue(const std::string& value, const Messages& t) {
  return value == "[withheld]" ? Label(t, "plan.withheld", value) : value;
}

// The explanation's waterfall: the prior, each comparison (both values, level, m, u
// and weight), a sibling's support, the total and the role reason.
TemplateData ExplanationData(const ReviewItem& item, const Messages& t) {
  TemplateData out;
  if (!item.explanation) {
    out.set("unreadable", item.explanation_error);
    return out;
  }
  const match::Explanation& e = *item.explanation;
  TemplateData steps(TemplateData::type::list);
  for (const auto& s : e.steps) {
    TemplateData row;
    row.set("comparison", s.comparison);
    row.set("left", StepValue(s.left_value, t));
    row.set("right", StepValue(s.right_value, t));
    row.set("level", s.level_label);
    row.set("tf", s.tf_adjusted);
    if (s.level_label != "null") {
      row.set("m", Fixed(s.m, "%.4f"));
      row.set("u", Fixed(s.u, "%.6f"));
    }
    row.set("weight", Fixed(s.weight, "%+.2f"));
    row.set("positive", s.weight >= 0);
    steps.push_back(row);
  }
  out.set("steps", steps);
  out.set("values_withheld", !item.protection.withheld.empty());
  out.set("prior", Fixed(e.prior_weight, "%+.2f"));
  if (e.sibling_support.weight != 0) {
    out.set("sibling_id", e.sibling_support.sibling_id);
    out.set("sibling_weight", Fixed(e.sibling_support.weight, "%+.2f"));
  }
  out.set("total", Fixed(e.total_weight, "%+.2f"));
  if (!e.role_reason.empty()) out.set("role_reason", e.role_reason);
  // A family link of an adult's other record: its comparisons are the scoring record's.
  if (!e.right_id.empty() && e.right_id != std::to_string(item.candidate.right_id)) out.set("scored_on", e.right_id);
  return out;
}

// The health of the models of the run that scored the candidate, one sentence each.
TemplateData HealthData(const ReviewItem& item) {
  TemplateData out;
  if (!item.run) {
    out.set("unknown", true);
    return out;
  }
  out.set("run_id", std::to_string(item.run->id));
  out.set("full", item.run->counts.full);
  out.set("finished", item.run->finished_at);
  out.set("warning", item.health_warning);
  TemplateData models(TemplateData::type::list);
  for (const auto& h : item.health) {
    TemplateData m;
    m.set("model", h.model);
    m.set("sound", h.ok());
    m.set("converged", h.converged);
    m.set("iterations", std::to_string(h.iterations));
    m.set("fallback", h.fallback);
    m.set("forced", h.forced);
    std::string problems, notes;
    for (const auto& p : h.problems) problems += (problems.empty() ? "" : "; ") + p;
    for (const auto& n : h.notes) notes += (notes.empty() ? "" : "; ") + n;
    if (!problems.empty()) m.set("problems", problems);
    if (!notes.empty()) m.set("notes", notes);
    models.push_back(m);
  }
  out.set("models", models);
  return out;
}

// The pending candidates around `id` in queue order, for the j/k links.
void NeighbourLinks(ReviewAccess& review, const ReviewCandidate& c, TemplateData& vars) {
  ReviewQuery q;
  q.kind = c.kind;
  q.status = ReviewStatus::kPending;
  q.limit = 1000;
  auto list = review.List(q, ReviewListDetail::kSummary);
  if (!list.ok()) return;
  const auto& items = list->items;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].id != c.id) continue;
    if (i > 0) vars.set("prev_href", "/review/" + std::to_string(items[i - 1].id));
    if (i + 1 < items.size()) vars.set("next_href", "/review/" + std::to_string(items[i + 1].id));
    return;
  }
  if (!items.empty()) vars.set("next_href", "/review/" + std::to_string(items.front().id));
}

TemplateData RelationshipOptions(const std::string& suggested, const Messages& t) {
  TemplateData list(TemplateData::type::list);
  for (auto r : {Relationship::kFather, Relationship::kMother, Relationship::kLegalGuardian,
                 Relationship::kOtherRelative}) {
    TemplateData o;
    o.set("value", ToString(r));
    o.set("label", Label(t, "relationship." + ToString(r), ToString(r)));
    o.set("selected", ToString(r) == suggested);
    list.push_back(o);
  }
  return list;
}

void ShowCandidate(const Request& req, Response& res, CaseRequest& cr) {
  PageContext page = PageFor(req, cr.user, "review.title");
  const Messages& t = CatalogFor(page.lang);
  ReviewAccess review = cr.services.review();
  auto item = review.Get(std::stoll(req.matches[1].str()));
  if (!item.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(item.status()));
  const ReviewCandidate& c = item->candidate;
  TemplateData vars = CandidateRow(c, item->protection, t);
  vars.set("left", RecordData(item->left, t));
  vars.set("right", RecordData(item->right, t));
  vars.set("explanation", ExplanationData(*item, t));
  vars.set("health", HealthData(*item));
  vars.set("family_link", c.kind == CandidateKind::kFamilyLink);
  vars.set("relationships", RelationshipOptions(c.relationship, t));
  vars.set("decidable", c.status == ReviewStatus::kPending || c.status == ReviewStatus::kWithdrawn);
  if (!c.decided_by.empty()) vars.set("decided", c.decided_by + " · " + c.decided_at + " · " + c.reason);
  NeighbourLinks(review, c, vars);
  SendPage(req, res, "review", page, vars);
}

// After a decision: the next pending candidate of the same kind, else the queue.
void GoToNext(Response& res, ReviewAccess& review, CandidateKind kind) {
  ReviewQuery q;
  q.kind = kind;
  q.status = ReviewStatus::kPending;
  q.limit = 1;
  auto next = review.List(q, ReviewListDetail::kSummary);
  if (next.ok() && !next->items.empty()) return res.set_redirect("/review/" + std::to_string(next->items[0].id), 303);
  res.set_redirect("/review", 303);
}

void PostAccept(const Request& req, Response& res, CaseRequest& cr) {
  ReviewAccess review = cr.services.review();
  std::int64_t id = std::stoll(req.matches[1].str());
  AcceptOptions options;
  auto verification = VerificationFromString(Param(req, "verification"));
  if (verification) options.verification = *verification;
  options.relationship = RelationshipFromString(Param(req, "relationship"));
  options.reason = Param(req, "reason");
  auto candidate = review.Get(id);
  if (!candidate.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(candidate.status()));
  auto accepted = review.Accept(id, options);
  if (!accepted.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(accepted.status()));
  GoToNext(res, review, candidate->candidate.kind);
}

void PostReject(const Request& req, Response& res, CaseRequest& cr) {
  ReviewAccess review = cr.services.review();
  std::int64_t id = std::stoll(req.matches[1].str());
  std::string reason = Param(req, "different") == "1" ? kDifferentPeople : Param(req, "reason");
  auto candidate = review.Get(id);
  if (!candidate.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(candidate.status()));
  Status rejected = review.Reject(id, reason);
  if (!rejected.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(rejected));
  GoToNext(res, review, candidate->candidate.kind);
}

}  // namespace

void RegisterReviewPages(httplib::Server& server, const RouteContext& ctx) {
  GetPage(server, "/review", ctx, ShowQueue);
  GetPage(server, R"(/review/(\d{1,18}))", ctx, ShowCandidate);
  PostPage(server, R"(/review/(\d{1,18})/accept)", ctx, PostAccept);
  PostPage(server, R"(/review/(\d{1,18})/reject)", ctx, PostReject);
}

}  // namespace reunite::web
