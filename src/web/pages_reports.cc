// The court status report (access/ReportAccess over the default category tree,
// workflow/report_tree.h): a page with the as-of form, the tree with its counts and
// the breakdowns by country and department, and the same report as CSV, XLSX,
// JSON, HTML and Markdown downloads (workflow/report_format.h) for the same as-of.

#include <nlohmann/json.hpp>

#include "access/report_access.h"
#include "web/pages.h"
#include "web/place_labels.h"
#include "workflow/report_format.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;
using report::NodeCount;
using report::StatusReport;

// The report as of the request's ?as_of= ("" = now), counted over the tree the
// CLI uses by default.
Result<StatusReport> BuildReport(const Request& req, CaseRequest& cr) {
  Result<report::CategoryTree> tree = report::DefaultCategoryTree();
  if (!tree.ok()) return tree.status();
  return cr.services.reports().CourtStatus(Param(req, "as_of"), *tree);
}

const std::string& NodeLabel(const NodeCount& n, const std::string& lang) { return lang == "es" ? n.label_es : n.label_en; }

// A count as the report may show it to the reader: the number, or "fewer than 5".
std::string CountText(const StatusReport& r, long n, const Messages& t) {
  return r.Suppressed(n) ? t.at("report.fewer_than") : std::to_string(n);
}

std::string Count(const StatusReport& r, const std::vector<std::pair<std::string, long>>& counts,
                  const std::string& key, const Messages& t) {
  for (const auto& [k, n] : counts)
    if (k == key) return CountText(r, n, t);
  return CountText(r, 0, t);
}

std::string KeyLabel(const Messages& t, const std::string& key, bool country) {
  if (key == report::kUnknownKey) return t.at("common.unknown");
  if (key == report::kUndisclosedKey) return t.at("report.undisclosed");
  return country ? CountryLabel(t, key) : DepartmentLabel(t, key);
}

TemplateData TreeRows(const StatusReport& r, const Messages& t, const std::string& lang) {
  TemplateData rows(TemplateData::type::list);
  for (const NodeCount& n : r.nodes) {
    TemplateData row;
    row.set("id", n.id);
    row.set("label", NodeLabel(n, lang));
    row.set("depth", std::to_string(std::min(n.depth, 5)));
    row.set("unit", t.at("report.unit." + report::ToString(n.unit)));
    row.set("count", CountText(r, n.count, t));
    rows.push_back(row);
  }
  return rows;
}

// Categories by country: a column per country the report has.
TemplateData CountryTable(const StatusReport& r, const Messages& t, const std::string& lang) {
  TemplateData columns(TemplateData::type::list), rows(TemplateData::type::list);
  for (const std::string& key : r.countries) columns.push_back(TemplateData("name", KeyLabel(t, key, true)));
  for (const NodeCount& n : r.nodes) {
    TemplateData cells(TemplateData::type::list);
    for (const std::string& key : r.countries)
      cells.push_back(TemplateData("count", Count(r, n.by_country, key, t)));
    TemplateData row;
    row.set("label", NodeLabel(n, lang));
    row.set("depth", std::to_string(std::min(n.depth, 5)));
    row.set("cells", cells);
    rows.push_back(row);
  }
  TemplateData table;
  table.set("columns", columns);
  table.set("rows", rows);
  return table;
}

// Categories by department: one line per category and department with a count
// (departments are too many for a column each).
TemplateData DepartmentRows(const StatusReport& r, const Messages& t, const std::string& lang) {
  TemplateData rows(TemplateData::type::list);
  for (const NodeCount& n : r.nodes)
    for (std::size_t i = 0; i < n.by_department.size(); ++i) {
      TemplateData row;
      if (i == 0) row.set("label", NodeLabel(n, lang));
      row.set("department", KeyLabel(t, n.by_department[i].first, false));
      row.set("count", CountText(r, n.by_department[i].second, t));
      rows.push_back(row);
    }
  return rows;
}

// The top-level categories as a bar chart (app.js draws it; the tree table holds
// the same numbers). A count not shown exactly is drawn as 0.
std::string TopLevelChart(const StatusReport& r, const std::string& lang) {
  nlohmann::json labels = nlohmann::json::array(), values = nlohmann::json::array();
  for (const NodeCount& n : r.nodes)
    if (n.depth <= 1) {
      labels.push_back(NodeLabel(n, lang));
      values.push_back(r.Suppressed(n.count) ? 0 : n.count);
    }
  return nlohmann::json{{"labels", labels}, {"values", values}}.dump(-1, ' ', false,
                                                                   nlohmann::json::error_handler_t::replace);
}

TemplateData ExportLinks(const std::string& as_of, const std::string& lang) {
  const std::string qs = as_of.empty() ? "" : "?as_of=" + httplib::detail::encode_query_param(as_of);
  const std::string lang_qs = (qs.empty() ? "?" : qs + "&") + "lang=" + lang;
  TemplateData links(TemplateData::type::list);
  for (const auto& [name, href] : std::vector<std::pair<std::string, std::string>>{
           {"CSV", "/reports/status.csv" + qs},
           {"XLSX", "/reports/status.xlsx" + qs},
           {"JSON", "/reports/status.json" + qs},
           {"HTML", "/reports/status.html" + lang_qs},
           {"Markdown", "/reports/status.md" + lang_qs}}) {
    TemplateData link;
    link.set("name", name);
    link.set("href", href);
    links.push_back(link);
  }
  return links;
}

void ShowStatusReport(const Request& req, Response& res, CaseRequest& cr) {
  PageContext page = PageFor(req, cr.user, "report.title");
  const Messages& t = CatalogFor(page.lang);
  const std::string as_of = Param(req, "as_of");
  TemplateData vars;
  vars.set("as_of", as_of);
  auto built = BuildReport(req, cr);
  if (!built.ok()) {
    if (built.status().code() != StatusCode::kInvalidArgument)
      return SendErrorPage(req, res, cr.user, HttpStatusOf(built.status()));
    // The library's own message says what is wrong with the time typed; the field it
    // names is the CLI's flag, and the form has that one field, labelled beside it.
    std::string message = built.status().message();
    if (message.rfind("--as-of: ", 0) == 0) message.erase(0, 9);
    vars.set("form_error", message);
    return SendPage(req, res, "status_report", page, vars, 400);
  }
  TemplateData result;
  result.set("as_of_used", built->as_of);
  result.set("limited", built->fewer_than > 0);
  result.set("journal_entries", std::to_string(built->journal_entries));
  result.set("tree", TreeRows(*built, t, page.lang));
  result.set("by_country", CountryTable(*built, t, page.lang));
  result.set("by_department", DepartmentRows(*built, t, page.lang));
  result.set("chart", TopLevelChart(*built, page.lang));
  result.set("exports", ExportLinks(as_of, page.lang));
  vars.set("report", result);
  SendPage(req, res, "status_report", page, vars);
}

// GET /reports/status.<ext>: the report as a download; a bad as-of is a plain 400
// with the library's message (no page to show a form on).
void SendStatusFile(const Request& req, Response& res, CaseRequest& cr, report::ReportFormat format) {
  auto built = BuildReport(req, cr);
  if (!built.ok()) {
    if (built.status().code() != StatusCode::kInvalidArgument)
      return SendErrorPage(req, res, cr.user, HttpStatusOf(built.status()));
    res.status = 400;
    return res.set_content(built.status().message() + "\n", "text/plain; charset=utf-8");
  }
  Result<report::ReportFile> file = report::RenderReport(*built, format, PageLanguage(req, &cr.user));
  if (!file.ok()) return SendErrorPage(req, res, cr.user, 500);
  const std::string day = built->as_of.substr(0, 10);
  res.set_header("Content-Disposition", "attachment; filename=\"status-report-" + day + "." + file->extension + "\"");
  res.set_content(file->bytes, file->media_type);
}

PageHandler StatusFile(report::ReportFormat format) {
  return [format](const Request& req, Response& res, CaseRequest& cr) { SendStatusFile(req, res, cr, format); };
}

}  // namespace

void RegisterReportPages(httplib::Server& server, const RouteContext& ctx) {
  GetPage(server, "/reports/status", ctx, ShowStatusReport);
  GetPage(server, R"(/reports/status\.csv)", ctx, StatusFile(report::ReportFormat::kCsv));
  GetPage(server, R"(/reports/status\.xlsx)", ctx, StatusFile(report::ReportFormat::kXlsx));
  GetPage(server, R"(/reports/status\.json)", ctx, StatusFile(report::ReportFormat::kJson));
  GetPage(server, R"(/reports/status\.html)", ctx, StatusFile(report::ReportFormat::kHtml));
  GetPage(server, R"(/reports/status\.md)", ctx, StatusFile(report::ReportFormat::kMarkdown));
}

}  // namespace reunite::web
