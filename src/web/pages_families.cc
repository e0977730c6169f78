// The families list (filters, sort, pages of 50) and one family's page, with the
// form that gives the family to a field team.
#include "access/policy.h"
#include "ingest/identifiers.h"
#include "ingest/places.h"
#include "common/csv_writer.h"
#include "workflow/table_xlsx.h"
#include "workflow/tracing.h"
#include "workflow/vocabulary.h"
#include "web/i18n.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;

constexpr int kPageSize = 50;


// The list's filter parameters, in the order of the form.
const std::vector<const char*>& FilterNames() {
  static const std::vector<const char*> kNames = {"view",     "name",      "status",   "country",   "department",
                                                  "team",     "tracing",   "decision", "eligibility", "deadline_days",
                                                  "at_risk",  "reunifying", "min_age", "max_age",   "sort"};
  return kNames;
}

// The query the request's filters describe (a saved view first, the other filters on
// top of it); nullopt when a value cannot be read.
std::optional<FamilyQuery> QueryFrom(const Request& req) {
  FamilyQuery q;
  if (const std::string view = Param(req, "view"); !view.empty() && !ApplyFamilyView(view, &q)) return std::nullopt;
  if (const std::string status = Param(req, "status"); !status.empty()) q.status = CustodyStatusFromString(status);
  if (const std::string country = Param(req, "country"); !country.empty()) {
    auto iso = NormalizeCountry(country);
    if (!iso.ok()) return std::nullopt;
    q.country = *iso;
  }
  if (const std::string department = Param(req, "department"); !department.empty()) {
    // A name ("Huehuetenango") or a code ("GT-HU").
    for (const char* country : {"GT", "HN", "SV"}) {
      if (q.department.empty() && (q.country.empty() || q.country == country))
        q.department = FindDepartment(department, country);
    }
    if (q.department.empty()) q.department = department;
  }
  q.team = Param(req, "team");
  q.name = Param(req, "name");
  if (const std::string v = Param(req, "tracing"); !v.empty()) q.tracing = v;
  if (const std::string v = Param(req, "decision"); !v.empty()) q.decision = v;
  if (const std::string v = Param(req, "eligibility"); !v.empty()) q.eligibility = v;
  if (auto v = IntParam(req, "deadline_days")) q.deadline_within_days = static_cast<int>(std::clamp(*v, 0L, 3650L));
  if (Param(req, "at_risk") == "1") q.at_risk = true;
  if (Param(req, "reunifying") == "1") q.reunifying = true;
  if (auto v = IntParam(req, "min_age")) q.min_age = static_cast<int>(*v);
  if (auto v = IntParam(req, "max_age")) q.max_age = static_cast<int>(*v);
  const std::string sort = Param(req, "sort");
  if (sort == "name") q.sort = FamilySort::kChildName;
  else if (sort == "age") q.sort = FamilySort::kChildAge;
  else if (sort == "deadline") q.sort = FamilySort::kNextDeadline;
  else if (sort == "id") q.sort = FamilySort::kChildId;
  const long page = std::max(1L, IntParam(req, "page").value_or(1));
  q.limit = kPageSize;
  q.offset = static_cast<int>(std::min(page - 1, 100000L) * kPageSize);
  return q;
}

// The current filters as a query string without the page, for the page and export links.
std::string FilterQueryString(const Request& req) {
  std::string qs;
  for (const char* name : FilterNames()) {
    std::string v = Param(req, name);
    if (v.empty()) continue;
    qs += std::string(qs.empty() ? "" : "&") + name + "=" + httplib::detail::encode_query_param(v);
  }
  return qs;
}

// Choices of a select: "any", then each value with its catalog label ("<prefix><value>").
TemplateData Choices(const Messages& t, const std::string& prefix, const std::vector<std::string>& values,
                     const std::string& chosen, std::vector<std::pair<std::string, std::string>> extra = {}) {
  std::vector<std::pair<std::string, std::string>> options{{"", Label(t, "common.any", "any")}};
  for (auto& e : extra) options.push_back(std::move(e));
  for (const std::string& v : values) options.emplace_back(v, Label(t, prefix + v, v));
  return SelectOptions(options, chosen);
}

TemplateData FilterData(const Request& req, const Messages& t) {
  TemplateData f;
  for (const char* name : {"name", "country", "department", "team", "min_age", "max_age", "deadline_days"})
    f.set(name, Param(req, name));
  f.set("at_risk", Param(req, "at_risk") == "1");
  f.set("reunifying", Param(req, "reunifying") == "1");
  std::vector<std::pair<std::string, std::string>> statuses{{"", Label(t, "common.any", "any")}};
  for (auto s : {CustodyStatus::kInCare, CustodyStatus::kDischarged, CustodyStatus::kUnknown})
    statuses.emplace_back(ToString(s), Label(t, "status." + ToString(s), ToString(s)));
  f.set("statuses", SelectOptions(statuses, Param(req, "status")));
  f.set("tracings", Choices(t, "workflow.tracing_state.", workflow::TracingStateNames(), Param(req, "tracing"),
                            {{"reached", t.at("families.tracing_reached")},
                             {"not_reached", t.at("families.tracing_not_reached")}}));
  f.set("decisions", Choices(t, "workflow.decision_kind.", workflow::DecisionKinds(), Param(req, "decision"),
                             {{"pending", t.at("families.decision_pending")}}));
  f.set("eligibilities", Choices(t, "workflow.eligibility.", workflow::EligibilityStatuses(), Param(req, "eligibility"),
                                 {{"contested", t.at("families.contested")},
                                  {"ineligible_or_contested", t.at("families.view.ineligible_or_contested")}}));
  f.set("sorts", SelectOptions({{"id", t.at("families.sort_id")}, {"name", t.at("families.sort_name")},
                                {"age", t.at("families.sort_age")}, {"deadline", t.at("families.sort_deadline")}},
                               Param(req, "sort")));
  return f;
}

TemplateData ViewLinks(const Request& req, const Messages& t) {
  TemplateData views(TemplateData::type::list);
  for (const std::string& name : FamilyViews()) {
    TemplateData v;
    v.set("href", "/families?view=" + name);
    v.set("label", t.at("families.view." + name));
    v.set("current", Param(req, "view") == name);
    views.push_back(v);
  }
  return views;
}

// A family's follow-up in the reader's words, as the page and the downloads show it.
struct FollowUpText {
  std::string tracing, decision, eligibility, department;
};

FollowUpText FollowUpOf(const FamilySummary& f, const Messages& t) {
  FollowUpText out;
  if (!f.tracing.empty()) out.tracing = Label(t, "workflow.tracing_state." + f.tracing, f.tracing);
  out.decision = f.decision == "pending" ? t.at("families.decision_pending")
                                         : Label(t, "workflow.decision_kind." + f.decision, f.decision);
  if (!f.eligibility.empty()) out.eligibility = Label(t, "workflow.eligibility." + f.eligibility, f.eligibility);
  if (f.contested) out.eligibility += (out.eligibility.empty() ? "" : ", ") + t.at("families.contested");
  if (!f.department.empty()) out.department = DepartmentName(f.department);
  return out;
}

TemplateData FamilyRows(const FamilyPage& page, const Messages& t) {
  TemplateData rows(TemplateData::type::list);
  for (const auto& f : page.families) {
    TemplateData r;
    r.set("id", std::to_string(f.child_id));
    r.set("name", f.child_name);
    r.set("country", f.nationality);
    const FollowUpText text = FollowUpOf(f, t);
    r.set("department", text.department);
    r.set("team", f.team.empty() ? t.at("families.unassigned") : f.team);
    r.set("adults", std::to_string(f.adults));
    r.set("tracing", text.tracing);
    r.set("decision", text.decision);
    r.set("eligibility", text.eligibility);
    r.set("deadline", f.next_deadline.substr(0, 10));
    r.set("at_risk", f.at_risk);
    r.set("reunifying", f.reunifying);
    r.set("closed", f.closed);
    rows.push_back(r);
  }
  return rows;
}

void Pager(const Request& req, const FamilyQuery& q, long total, TemplateData& vars) {
  long page = q.offset / kPageSize + 1;
  long pages = std::max(1L, (total + kPageSize - 1) / kPageSize);
  const std::string filters = FilterQueryString(req);
  std::string base = "/families?" + filters;
  if (base.back() != '?') base += "&";
  vars.set("page", std::to_string(page));
  vars.set("pages", std::to_string(pages));
  vars.set("total", std::to_string(total));
  if (page > 1) vars.set("prev_href", base + "page=" + std::to_string(page - 1));
  if (page < pages) vars.set("next_href", base + "page=" + std::to_string(page + 1));
  vars.set("csv_href", "/families.csv" + (filters.empty() ? "" : "?" + filters));
  vars.set("xlsx_href", "/families.xlsx" + (filters.empty() ? "" : "?" + filters));
}

void ShowFamilies(const Request& req, Response& res, CaseRequest& cr) {
  PageContext page = PageFor(req, cr.user, "families.title");
  const Messages& t = CatalogFor(page.lang);
  TemplateData vars;
  vars.set("filters", FilterData(req, t));
  vars.set("views", ViewLinks(req, t));
  vars.set("all_current", Param(req, "view").empty());
  std::optional<FamilyQuery> q = QueryFrom(req);
  if (!q) {
    vars.set("error", t.at("families.bad_filter"));
    vars.set("empty", true);
    return SendPage(req, res, "families", page, vars, 422);
  }
  auto result = cr.access.ListFamilies(*q);
  if (!result.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(result.status()));
  vars.set("families", FamilyRows(*result, t));
  vars.set("empty", result->families.empty());
  Pager(req, *q, result->total, vars);
  SendPage(req, res, "families", page, vars);
}

// The list as a table of text in the reader's language: one row per family.
std::vector<std::vector<std::string>> ExportRows(const FamilyPage& page, const Messages& t) {
  std::vector<std::vector<std::string>> rows;
  for (const FamilySummary& f : page.families) {
    std::string adults;
    for (const LinkedAdult& a : f.linked_adults)
      adults += (adults.empty() ? "" : "; ") + a.name + " (" +
                Label(t, "relationship." + ToString(a.relationship), ToString(a.relationship)) + ")";
    const FollowUpText text = FollowUpOf(f, t);
    rows.push_back({std::to_string(f.child_id), f.child_name, text.tracing, text.decision, text.eligibility,
                    f.next_deadline, f.at_risk ? t.at("common.yes") : "", f.reunifying ? t.at("common.yes") : "",
                    f.closed ? t.at("common.yes") : "", f.nationality, text.department, f.team, adults});
  }
  return rows;
}

std::vector<std::string> ExportHeader(const Messages& t) {
  return {t.at("families.record"), t.at("families.child"),        t.at("families.tracing"),
          t.at("families.decision"), t.at("families.eligibility"), t.at("families.next_deadline"),
          t.at("families.at_risk"),  t.at("families.reunifying"),  t.at("families.closed"),
          t.at("families.country"),  t.at("families.department"),  t.at("families.team"),
          t.at("families.adults")};
}

// GET /families.csv and /families.xlsx: the filtered list, whole, withheld as on the
// page, audited as an export.
void ExportFamilies(const Request& req, Response& res, CaseRequest& cr, const std::string& format) {
  const Messages& t = CatalogFor(PageLanguage(req, &cr.user));
  std::optional<FamilyQuery> q = QueryFrom(req);
  if (!q) return SendErrorPage(req, res, cr.user, 400);
  auto page = cr.access.ExportFamilies(*q, format, FilterQueryString(req));
  if (!page.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(page.status()));
  const std::vector<std::vector<std::string>> rows = ExportRows(*page, t);
  if (format == "csv") {
    std::string out = "\xEF\xBB\xBF";  // a BOM, so that spreadsheets read UTF-8
    AppendCsvRecord(out, ExportHeader(t));
    for (const auto& row : rows) AppendCsvRecord(out, row);
    res.set_header("Content-Disposition", "attachment; filename=\"families.csv\"");
    return res.set_content(out, "text/csv; charset=utf-8");
  }
  auto bytes = workflow::TableXlsxBytes(t.at("families.title"), ExportHeader(t), rows);
  if (!bytes.ok()) return SendErrorPage(req, res, cr.user, 500);
  res.set_header("Content-Disposition", "attachment; filename=\"families.xlsx\"");
  res.set_content(*bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
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
// The family's warnings for the page's banner, or nothing when there are none.
std::optional<TemplateData> WarningData(const FamilyWarnings& w) {
  if (!w.at_risk && !w.ineligible && !w.contested && w.siblings_deciding_otherwise.empty() &&
      w.parents_with_pending_duplicate.empty())
    return std::nullopt;
  auto ids = [](const std::vector<PersonId>& list) {
    TemplateData out(TemplateData::type::list);
    for (PersonId id : list) {
      TemplateData item;
      item.set("id", std::to_string(id));
      out.push_back(item);
    }
    TemplateData wrapper;
    wrapper.set("list", out);
    return wrapper;
  };
  TemplateData d;
  d.set("at_risk", w.at_risk);
  d.set("ineligible", w.ineligible);
  d.set("contested", w.contested);
  if (!w.siblings_deciding_otherwise.empty()) d.set("siblings", ids(w.siblings_deciding_otherwise));
  if (!w.parents_with_pending_duplicate.empty()) d.set("duplicates", ids(w.parents_with_pending_duplicate));
  return d;
}

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
  if (std::optional<TemplateData> warnings = WarningData(family->warnings)) vars.set("warnings", *warnings);
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
  GetPage(server, R"(/families\.csv)", ctx, [](const Request& req, Response& res, CaseRequest& cr) {
    ExportFamilies(req, res, cr, "csv");
  });
  GetPage(server, R"(/families\.xlsx)", ctx, [](const Request& req, Response& res, CaseRequest& cr) {
    ExportFamilies(req, res, cr, "xlsx");
  });
  GetPage(server, R"(/families/(\d{1,18}))", ctx, ShowFamily);
  PostPage(server, R"(/families/(\d{1,18})/team)", ctx, PostAssignment);
}

}  // namespace reunite::web
