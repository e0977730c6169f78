// The workflow API's deadlines and the court reports (docs/workflow.md §8-9,
// docs/status_report.md): deadlines through WorkflowAccess, the overdue report
// (WorkflowAccess::Due) and the status report (ReportAccess over the default
// category tree the CLI uses), rendered by workflow/report_format.h so the CLI,
// the API and the page give the same counts.

#include "access/report_access.h"
#include "web/api_workflow.h"
#include "web/http_util.h"
#include "workflow/report_format.h"

namespace reunite::web::api {
namespace {

using namespace workflow;

// GET /api/deadlines?open=true|false (default true: open ones only)&limit=&offset=.
void ListDeadlines(const Request& req, Response& res, const RouteContext& ctx) {
  auto paging = ParsePaging(req, res);
  if (!paging) return;
  const std::string open = req.has_param("open") ? req.get_param_value("open") : "true";
  if (open != "true" && open != "false") return SendJsonError(res, 400, "bad_request", "open must be true or false");
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    auto deadlines = w.Deadlines(open == "true");
    if (!deadlines.ok()) return SendStatusError(res, deadlines.status());
    Json all = Json::array();
    for (const Deadline& d : *deadlines) all.push_back(DeadlineJson(d));
    SendJson(res, PageJson(Slice(all, *paging), static_cast<long>(all.size()), *paging));
  });
}

// POST /api/deadlines {title, kind, due_at, child_id, adult_id, reason}.
void PostDeadline(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      Deadline d;
      d.title = body.Text("title", true);
      d.kind = body.Text("kind", true);
      d.due_at = body.Text("due_at", true);
      d.child_id = body.Id("child_id");
      d.adult_id = body.Id("adult_id");
      const std::string reason = body.Text("reason");
      if (!body.ok()) return;
      auto id = w.AddDeadline(d, reason);
      if (!id.ok()) return SendStatusError(res, RenameField(id.status(), "due", "due_at"));
      SendCreated(res, *id);
    });
  });
}

// PUT /api/deadlines/{id}/completion {at ("" now), reason}.
void PutDeadlineCompletion(const Request& req, Response& res, const RouteContext& ctx) {
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    WithBody(req, res, [&](BodyFields& body) {
      const std::string at = body.Text("at"), reason = body.Text("reason");
      if (!body.ok()) return;
      if (Status s = w.CompleteDeadline(PathId(req), at, reason); !s.ok()) return SendStatusError(res, s);
      SendJson(res, {{"id", PathId(req)}, {"open", false}});
    });
  });
}

// As `reunite report overdue --within`.
constexpr int kDefaultWithinDays = 7;

// GET /api/reports/overdue?as_of= (default now; a date means its end)&within_days=.
void GetOverdue(const Request& req, Response& res, const RouteContext& ctx) {
  std::optional<int> within;
  if (!IntParam(req, res, "within_days", within)) return;
  const int days = within.value_or(kDefaultWithinDays);
  WithWorkflow(req, res, ctx, [&](CaseRequest&, WorkflowAccess& w) {
    const std::string as_of = req.has_param("as_of") ? req.get_param_value("as_of") : DefaultClock().NowIso();
    auto items = w.Due(as_of, days);
    if (!items.ok()) return SendStatusError(res, items.status());
    Json list = Json::array();
    long overdue = 0;
    for (const DueItem& d : *items) {
      overdue += d.overdue;
      list.push_back(DueItemJson(d));
    }
    SendJson(res, {{"as_of", as_of},
                   {"within_days", days},
                   {"overdue", overdue},
                   {"due", static_cast<long>(items->size()) - overdue},
                   {"items", list}});
  });
}

// JSON, Markdown and HTML are answered to be read; CSV and XLSX as downloads.
void SendReport(Response& res, const report::StatusReport& r, report::ReportFormat format, const std::string& lang) {
  Result<report::ReportFile> file = report::RenderReport(r, format, lang);
  if (!file.ok()) return SendStatusError(res, file.status());
  if (format == report::ReportFormat::kCsv || format == report::ReportFormat::kXlsx)
    // as_of is "YYYY-MM-DDTHH:MM:SS.mmmZ": its date names the file.
    res.set_header("Content-Disposition",
                   "attachment; filename=\"status-" + r.as_of.substr(0, 10) + "." + file->extension + "\"");
  res.status = 200;
  res.set_content(file->bytes, file->media_type);
}

// GET /api/reports/status?as_of= (default now)&format=json|csv|xlsx|md|html&lang=en|es.
void GetStatusReport(const Request& req, Response& res, const RouteContext& ctx) {
  const std::string format_name = req.has_param("format") ? req.get_param_value("format") : "json";
  Result<report::ReportFormat> format = report::ParseReportFormat(format_name);
  if (!format.ok()) return SendStatusError(res, RenameField(format.status(), "--format", "format"));
  const std::string lang = req.has_param("lang") ? req.get_param_value("lang") : "en";
  if (Status s = report::CheckReportLanguage(lang); !s.ok())
    return SendStatusError(res, RenameField(s, "--lang", "lang"));
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    Result<report::CategoryTree> tree = report::DefaultCategoryTree();
    if (!tree.ok()) return SendStatusError(res, tree.status());
    ReportAccess access = cr.services.reports();
    Result<report::StatusReport> built = access.CourtStatus(req.get_param_value("as_of"), *tree);
    if (!built.ok()) return SendStatusError(res, RenameField(built.status(), "--as-of", "as_of"));
    SendReport(res, *built, *format, lang);
  });
}

}  // namespace

std::vector<ApiRoute> ReportRoutes() {
  return {
      {"GET", "/api/deadlines", ListDeadlines},
      {"POST", "/api/deadlines", PostDeadline},
      {"PUT", "/api/deadlines/{id}/completion", PutDeadlineCompletion},
      {"GET", "/api/reports/overdue", GetOverdue},
      {"GET", "/api/reports/status", GetStatusReport},
  };
}

}  // namespace reunite::web::api
