// The families list (filters, sort, pages of 50) and one family's page, with the
// form that gives the family to a field team.
#include "access/policy.h"
#include "web/i18n.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;

constexpr int kPageSize = 50;


FamilyQuery QueryFrom(const Request& req) {
  FamilyQuery q;
  q.status = CustodyStatusFromString(Param(req, "status"));
  q.country = Param(req, "country");
  q.department = Param(req, "department");
  q.team = Param(req, "team");
  if (auto v = IntParam(req, "min_age")) q.min_age = static_cast<int>(*v);
  if (auto v = IntParam(req, "max_age")) q.max_age = static_cast<int>(*v);
  std::string sort = Param(req, "sort");
  q.sort = sort == "name" ? FamilySort::kChildName : sort == "age" ? FamilySort::kChildAge : FamilySort::kChildId;
  long page = std::max(1L, IntParam(req, "page").value_or(1));
  q.limit = kPageSize;
  q.offset = static_cast<int>((page - 1) * kPageSize);
  return q;
}

// The current filters as a query string without the page, for the page links.
std::string FilterQueryString(const Request& req) {
  std::string qs;
  for (const char* name : {"status", "country", "department", "team", "min_age", "max_age", "sort"}) {
    std::string v = Param(req, name);
    if (v.empty()) continue;
    qs += std::string(qs.empty() ? "" : "&") + name + "=" + httplib::detail::encode_query_param(v);
  }
  return qs;
}

TemplateData FilterData(const Request& req, const Messages& t) {
  TemplateData f;
  for (const char* name : {"country", "department", "team", "min_age", "max_age"}) f.set(name, Param(req, name));
  std::vector<std::pair<std::string, std::string>> statuses{{"", Label(t, "common.any", "any")}};
  for (auto s : {CustodyStatus::kInCare, CustodyStatus::kDischarged, CustodyStatus::kUnknown})
    statuses.emplace_back(ToString(s), Label(t, "status." + ToString(s), ToString(s)));
  f.set("statuses", SelectOptions(statuses, Param(req, "status")));
  f.set("sorts", SelectOptions({{"id", t.at("families.sort_id")}, {"name", t.at("families.sort_name")},
                          {"age", t.at("families.sort_age")}}, Param(req, "sort")));
  return f;
}

TemplateData FamilyRows(const FamilyPage& page, const Messages& t) {
  TemplateData rows(TemplateData::type::list);
  for (const auto& f : page.families) {
    TemplateData r;
    r.set("id", std::to_string(f.child_id));
    r.set("name", f.child_name);
    r.set("country", f.nationality);
    r.set("department", f.department);
    r.set("team", f.team.empty() ? t.at("families.unassigned") : f.team);
    r.set("adults", std::to_string(f.adults));
    rows.push_back(r);
  }
  return rows;
}

void Pager(const Request& req, const FamilyQuery& q, long total, TemplateData& vars) {
  long page = q.offset / kPageSize + 1;
  long pages = std::max(1L, (total + kPageSize - 1) / kPageSize);
  std::string base = "/families?" + FilterQueryString(req);
  if (base.back() != '?') base += "&";
  vars.set("page", std::to_string(page));
  vars.set("pages", std::to_string(pages));
  vars.set("total", std::to_string(total));
  if (page > 1) vars.set("prev_href", base + "page=" + std::to_string(page - 1));
  if (page < pages) vars.set("next_href", base + "page=" + std::to_string(page + 1));
}

void ShowFamilies(const Request& req, Response& res, CaseRequest& cr) {
  PageContext page = PageFor(req, cr.user, "families.title");
  const Messages& t = CatalogFor(page.lang);
  FamilyQuery q = QueryFrom(req);
  auto result = cr.access.ListFamilies(q);
  if (!result.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(result.status()));
  TemplateData vars;
  vars.set("filters", FilterData(req, t));
  vars.set("families", FamilyRows(*result, t));
  vars.set("empty", result->families.empty());
  Pager(req, q, result->total, vars);
  SendPage(req, res, "families", page, vars);
}

TemplateData AdultRows(const FamilyView& family, const Messages& t) {
  TemplateData rows(TemplateData::type::list);
  for (const auto& m : family.adults) {
    TemplateData r;
    r.set("id", std::to_string(m.adult.person.id));
    r.set("name", m.adult.person.name.Display().empty() ? m.adult.person.name.as_recorded
                                                        : m.adult.person.name.Display());
    r.set("relationship", Label(t, "relationship." + ToString(m.link.relationship), ToString(m.link.relationship)));
    r.set("verification", Label(t, "verification." + ToString(m.link.verification), ToString(m.link.verification)));
    r.set("custody", Label(t, "status." + ToString(m.adult.person.custody.status), ToString(m.adult.person.custody.status)));
    rows.push_back(r);
  }
  return rows;
}

TemplateData TimelineRows(const FamilyView& family, const Messages& t) {
  TemplateData rows(TemplateData::type::list);
  for (const auto& e : family.timeline) {
    // A creation's "after" is a snapshot of the whole record: say "created" instead.
    const bool created = e.field == "*";
    TemplateData r;
    r.set("at", e.at);
    r.set("actor", e.actor);
    r.set("what", e.entity + " " + std::to_string(e.entity_id) + (e.field == "*" ? "" : " · " + e.field));
    r.set("before", Shorten(e.before, 120));
    r.set("after", created ? t.at("timeline.created") : Shorten(e.after, 120));
    r.set("reason", e.reason);
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

// Errors are already in the reader's words.
void RenderFamilyPage(const Request& req, Response& res, CaseRequest& cr, PersonId id,
                      const std::string& assign_error, const WorkflowRefusal* refusal, int status) {
  PageContext page = PageFor(req, cr.user, "family.title");
  const Messages& t = CatalogFor(page.lang);
  auto family = cr.access.GetFamily(id);
  if (!family.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(family.status()));
  const Person& child = family->child.person;
  TemplateData vars;
  vars.set("id", std::to_string(child.id));
  vars.set("name", child.name.Display().empty() ? child.name.as_recorded : child.name.Display());
  vars.set("birth", child.birth.date.ToIso());
  vars.set("country", child.nationality);
  vars.set("status", Label(t, "status." + ToString(child.custody.status), ToString(child.custody.status)));
  vars.set("facility", child.location.facility);
  vars.set("team", family->team.empty() ? t.at("families.unassigned") : family->team);
  vars.set("team_value", family->team);
  vars.set("can_assign", Allowed(cr.user.who, Action::kAssignFamilies));
  if (!assign_error.empty()) vars.set("assign_error", assign_error);
  vars.set("adults", AdultRows(*family, t));
  vars.set("no_adults", family->adults.empty());
  vars.set("timeline", TimelineRows(*family, t));
  vars.set("workflow_panel", WorkflowPanel(req, cr, *family, page.lang, refusal));
  SendPage(req, res, "family", page, vars, status);
}

namespace {

void ShowFamily(const Request& req, Response& res, CaseRequest& cr) {
  RenderFamilyPage(req, res, cr, std::stoll(req.matches[1].str()), "", nullptr, 200);
}

// The assignment form: a team name ("" unassigns) and a reason. A refused input
// shows the page again (422) with the reason in the reader's words; success goes
// back to the family page, whose timeline now holds the change.
void PostAssignment(const Request& req, Response& res, CaseRequest& cr) {
  const PersonId id = std::stoll(req.matches[1].str());
  Status s = cr.access.AssignFamily(id, Param(req, "team"), Param(req, "reason"));
  if (s.ok()) return res.set_redirect("/families/" + std::to_string(id), 303);
  if (s.code() != StatusCode::kInvalidArgument) return SendErrorPage(req, res, cr.user, HttpStatusOf(s));
  const Messages& t = CatalogFor(PageLanguage(req, &cr.user));
  RenderFamilyPage(req, res, cr, id, t.at(FormErrorKey(s)), nullptr, 422);
}

}  // namespace

void RegisterFamilyPages(httplib::Server& server, const RouteContext& ctx) {
  GetPage(server, "/families", ctx, ShowFamilies);
  GetPage(server, R"(/families/(\d{1,18}))", ctx, ShowFamily);
  PostPage(server, R"(/families/(\d{1,18})/team)", ctx, PostAssignment);
}

}  // namespace reunite::web
