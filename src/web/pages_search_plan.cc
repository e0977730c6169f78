// The field search pages: the search plan (open tasks per region, for one team or
// all), and a team's worklist to print or download as CSV. Everything is read
// through access/WorkflowAccess (scope, withheld places) and CaseAccess (the
// parents' names, audited as person reads).
#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "access/policy.h"
#include "access/workflow_access.h"
#include "common/csv_writer.h"
#include "web/place_labels.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;
using workflow::SearchPlanRow;
using workflow::SearchTask;

WorkflowAccess Workflow(CaseRequest& cr) { return cr.services.workflow(); }

// The team asked for; a field searcher, who plans only their own team's work,
// gets theirs when none is named.
std::string TeamParam(const Request& req, const CaseRequest& cr) {
  std::string team = Param(req, "team");
  if (team.empty() && TeamScoped(cr.user.who)) team = cr.user.who.team;
  return team;
}

// "2018-07-26T14:03:07.120Z" as "2018-07-26 14:03"; "" as the catalog's "never".
std::string When(const Messages& t, const std::string& iso) {
  if (iso.empty()) return t.at("plan.never");
  std::string out = iso.substr(0, 16);
  if (out.size() > 10) out[10] = ' ';
  return out;
}

std::string Query(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string qs;
  for (const auto& [name, value] : params)
    if (!value.empty()) qs += (qs.empty() ? "?" : "&") + name + "=" + httplib::detail::encode_query_param(value);
  return qs;
}

// A filter's choices: "any" (no filter) first.
TemplateData Options(std::vector<std::pair<std::string, std::string>> choices, const std::string& chosen,
                     const Messages& t) {
  choices.insert(choices.begin(), {"", t.at("common.any")});
  return SelectOptions(choices, chosen);
}

// A region's rows under its department under its country; `rows` are in place order.
TemplateData PlanTree(const std::vector<const SearchPlanRow*>& rows, const Messages& t) {
  TemplateData countries(TemplateData::type::list);
  for (std::size_t i = 0; i < rows.size();) {
    const std::string& country = rows[i]->country;
    TemplateData departments(TemplateData::type::list);
    long country_open = 0;
    std::string country_last;
    while (i < rows.size() && rows[i]->country == country) {
      const std::string& department = rows[i]->department;
      TemplateData regions(TemplateData::type::list);
      long open = 0;
      std::string last;
      for (; i < rows.size() && rows[i]->country == country && rows[i]->department == department; ++i) {
        TemplateData r;
        r.set("municipality", PlaceLabel(t, rows[i]->municipality));
        r.set("village", PlaceLabel(t, rows[i]->village));
        r.set("open", std::to_string(rows[i]->open_tasks));
        r.set("last_attempt", When(t, rows[i]->last_attempt));
        regions.push_back(r);
        open += rows[i]->open_tasks;
        last = std::max(last, rows[i]->last_attempt);
      }
      TemplateData d;
      d.set("name", DepartmentLabel(t, department));
      d.set("open", std::to_string(open));
      d.set("last_attempt", When(t, last));
      d.set("regions", regions);
      departments.push_back(d);
      country_open += open;
      country_last = std::max(country_last, last);
    }
    TemplateData c;
    c.set("name", CountryLabel(t, country));
    c.set("open", std::to_string(country_open));
    c.set("last_attempt", When(t, country_last));
    c.set("departments", departments);
    countries.push_back(c);
  }
  return countries;
}

// Open tasks per team, in the reader's scope; a field searcher sees only their
// own team's.
std::map<std::string, long> TeamCounts(const std::vector<SearchTask>& tasks, const CaseRequest& cr) {
  std::map<std::string, long> teams;
  for (const SearchTask& task : tasks)
    if (!TeamScoped(cr.user.who) || task.team == cr.user.who.team) ++teams[task.team];
  return teams;
}

// The plan of `team`, and every open task the reader may see (for the team list).
// Every team's plan is grouped from that same list, as WorkflowAccess::SearchPlan
// would group it, so the page reads the tasks once.
Result<std::vector<SearchPlanRow>> PlanOf(WorkflowAccess& wa, const std::string& team,
                                          std::vector<SearchTask>& all) {
  auto tasks = wa.SearchTasks(workflow::TaskQuery{});
  if (!tasks.ok()) return tasks.status();
  all = std::move(*tasks);
  if (team.empty()) return workflow::GroupSearchPlan(all);
  return wa.SearchPlan(team);
}

TemplateData TeamLinks(const std::map<std::string, long>& teams, const Messages& t) {
  TemplateData list(TemplateData::type::list);
  for (const auto& [team, open] : teams) {
    TemplateData item;
    item.set("name", team.empty() ? t.at("plan.unassigned") : team);
    item.set("open", std::to_string(open));
    // Unassigned tasks have no team to give a worklist to.
    if (!team.empty()) item.set("href", "/search-plan/worklist" + Query({{"team", team}}));
    list.push_back(item);
  }
  return list;
}

void ShowSearchPlan(const Request& req, Response& res, CaseRequest& cr) {
  PageContext page = PageFor(req, cr.user, "plan.title");
  const Messages& t = CatalogFor(page.lang);
  const std::string team = TeamParam(req, cr), country = Param(req, "country"), department = Param(req, "department");
  WorkflowAccess wa = Workflow(cr);
  std::vector<SearchTask> all;
  auto plan = PlanOf(wa, team, all);
  if (!plan.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(plan.status()));
  const std::map<std::string, long> teams = TeamCounts(all, cr);
  std::vector<const SearchPlanRow*> shown;
  std::map<std::string, std::string> countries, departments;  // code -> label, of the team's plan
  long open = 0;
  for (const SearchPlanRow& row : *plan) {
    countries.emplace(row.country, CountryLabel(t, row.country));
    if (!country.empty() && row.country != country) continue;
    departments.emplace(row.department, DepartmentLabel(t, row.department));
    if (!department.empty() && row.department != department) continue;
    shown.push_back(&row);
    open += row.open_tasks;
  }
  std::vector<std::pair<std::string, std::string>> team_choices;
  for (const auto& [name, n] : teams)
    if (!name.empty()) team_choices.emplace_back(name, name);
  TemplateData vars;
  vars.set("team", team);
  vars.set("teams", Options(team_choices, team, t));
  vars.set("countries", Options({countries.begin(), countries.end()}, country, t));
  vars.set("departments", Options({departments.begin(), departments.end()}, department, t));
  vars.set("team_links", TeamLinks(teams, t));
  vars.set("plan", PlanTree(shown, t));
  vars.set("open", std::to_string(open));
  vars.set("empty", shown.empty());
  if (!team.empty()) vars.set("worklist_href", "/search-plan/worklist" + Query({{"team", team}}));
  SendPage(req, res, "search_plan", page, vars);
}

// One line of a worklist: a task with its parent's name.
struct WorklistLine {
  SearchTask task;
  std::string parent;
  bool at_risk = false;  // a protected person: the searcher must know before the visit
};

// The team's open tasks in place order. A team-scoped reader's plan is asked
// first: the service refuses (and audits) a field searcher another team's work.
Result<std::vector<WorklistLine>> LoadWorklist(CaseRequest& cr, const std::string& team) {
  if (team.empty()) return Status::InvalidArgument("team: name the team whose worklist to show");
  WorkflowAccess wa = Workflow(cr);
  if (TeamScoped(cr.user.who))
    if (auto plan = wa.SearchPlan(team); !plan.ok()) return plan.status();
  workflow::TaskQuery q;
  q.team = team;
  auto tasks = wa.SearchTasks(q);
  if (!tasks.ok()) return tasks.status();
  std::vector<PersonId> adults;
  for (const SearchTask& task : *tasks) adults.push_back(task.adult_id);
  auto names = cr.access.Names(adults);
  if (!names.ok()) return names.status();
  auto at_risk = cr.access.ProtectedAmong(adults);
  if (!at_risk.ok()) return at_risk.status();
  std::vector<WorklistLine> lines;
  for (SearchTask& task : *tasks) {
    auto it = names->find(task.adult_id);
    std::string name = it != names->end() ? it->second : "#" + std::to_string(task.adult_id);
    const bool risk = at_risk->count(task.adult_id) > 0;
    lines.push_back({std::move(task), std::move(name), risk});
  }
  return lines;
}

// One table per municipality and village, in place order.
TemplateData WorklistGroups(const std::vector<WorklistLine>& lines, const Messages& t) {
  std::map<std::array<std::string, 4>, std::vector<const WorklistLine*>> regions;
  for (const WorklistLine& line : lines) {
    const SearchTask& k = line.task;
    regions[{k.country, k.department, k.municipality, k.village}].push_back(&line);
  }
  TemplateData groups(TemplateData::type::list);
  for (const auto& [place, members] : regions) {
    TemplateData tasks(TemplateData::type::list);
    for (const WorklistLine* line : members) {
      TemplateData r;
      r.set("id", std::to_string(line->task.id));
      r.set("parent", line->parent);
      r.set("parent_id", std::to_string(line->task.adult_id));
      r.set("at_risk", line->at_risk);
      r.set("place", PlaceLabel(t, line->task.municipality) + ", " + DepartmentLabel(t, line->task.department));
      r.set("village", PlaceLabel(t, line->task.village));
      r.set("last_attempt", When(t, line->task.last_attempt));
      tasks.push_back(r);
    }
    TemplateData g;
    g.set("country", CountryLabel(t, place[0]));
    g.set("department", DepartmentLabel(t, place[1]));
    g.set("municipality", PlaceLabel(t, place[2]));
    g.set("village", PlaceLabel(t, place[3]));
    g.set("count", std::to_string(members.size()));
    g.set("tasks", tasks);
    groups.push_back(g);
  }
  return groups;
}

void ShowWorklist(const Request& req, Response& res, CaseRequest& cr) {
  ShowTeamWorklist(req, res, cr, TeamParam(req, cr));
}

}  // namespace

void ShowTeamWorklist(const Request& req, Response& res, CaseRequest& cr, const std::string& team) {
  PageContext page = PageFor(req, cr.user, "worklist.title");
  const Messages& t = CatalogFor(page.lang);
  auto lines = LoadWorklist(cr, team);
  if (!lines.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(lines.status()));
  TemplateData vars;
  vars.set("team", team);
  vars.set("total", std::to_string(lines->size()));
  vars.set("printed_at", When(t, DefaultClock().NowIso()));
  vars.set("groups", WorklistGroups(*lines, t));
  vars.set("empty", lines->empty());
  vars.set("csv_href", "/search-plan/worklist.csv" + Query({{"team", team}}));
  vars.set("plan_href", "/search-plan" + Query({{"team", team}}));
  SendPage(req, res, "worklist", page, vars);
}

namespace {

// A file name made of the team's letters and digits only.
std::string FileNamePart(const std::string& text) {
  std::string out;
  for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
  return out;
}

// The same lines as the page, with the places as the service gave them (codes,
// "[withheld]") and the columns a searcher fills in left empty.
void SendWorklistCsv(const Request& req, Response& res, CaseRequest& cr) {
  const std::string team = TeamParam(req, cr);
  auto lines = LoadWorklist(cr, team);
  if (!lines.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(lines.status()));
  std::string csv;
  AppendCsvRecord(csv, {"task_id", "parent_id", "parent", "country", "department", "municipality", "village",
                     "last_attempt", "team", "visited_on", "result", "notes", "at_risk"});
  for (const WorklistLine& line : *lines) {
    const SearchTask& k = line.task;
    AppendCsvRecord(csv, {std::to_string(k.id), std::to_string(k.adult_id), line.parent, k.country, k.department,
                       k.municipality, k.village, k.last_attempt, k.team, "", "", "", line.at_risk ? "yes" : ""});
  }
  res.set_header("Content-Disposition", "attachment; filename=\"worklist-" + FileNamePart(team) + ".csv\"");
  res.set_content(csv, "text/csv; charset=utf-8");
}

}  // namespace

void RegisterSearchPlanPages(httplib::Server& server, const RouteContext& ctx) {
  GetPage(server, "/search-plan", ctx, ShowSearchPlan);
  GetPage(server, "/search-plan/worklist", ctx, ShowWorklist);
  GetPage(server, R"(/search-plan/worklist\.csv)", ctx, SendWorklistCsv);
}

}  // namespace reunite::web
