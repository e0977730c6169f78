// Importing an agency list from the browser: upload, a dry run that shows every error
// (file:line:column field message) and what would change, then a commit that posts
// the same bytes again.
#include "access/policy.h"
#include "ingest/dates.h"
#include "access/import_access.h"
#include "web/import_messages.h"
#include "web/pages.h"
#include "web/refusal_audit.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The dry run's bytes travel back in the commit form as base64: a browser cannot
// re-attach a file by itself, and a text field would re-encode Windows-1252 lists.
std::string Base64Encode(std::string_view in) {
  std::string out;
  unsigned val = 0;
  int bits = -6;
  for (unsigned char c : in) {
    val = (val << 8) + c;
    bits += 8;
    for (; bits >= 0; bits -= 6) out.push_back(kBase64[(val >> bits) & 0x3F]);
  }
  if (bits > -6) out.push_back(kBase64[((val << 8) >> (bits + 8)) & 0x3F]);
  while (out.size() % 4) out.push_back('=');
  return out;
}

std::optional<std::string> Base64Decode(std::string_view in) {
  std::string out;
  unsigned val = 0;
  int bits = -8;
  for (char c : in) {
    if (c == '=' || c == '\r' || c == '\n') continue;
    auto pos = kBase64.find(c);
    if (pos == std::string_view::npos) return std::nullopt;
    val = (val << 6) + static_cast<unsigned>(pos);
    bits += 6;
    if (bits >= 0) {
      out.push_back(static_cast<char>((val >> bits) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

struct Upload {
  std::string source, kind, date_order, file_name, bytes;
  bool commit = false;
};

// The upload of a first post, or the bytes a commit post sends back.
std::optional<Upload> UploadFrom(const Request& req) {
  Upload u{Param(req, "source"), Param(req, "kind"), Param(req, "date_order"), "", "", Param(req, "commit") == "1"};
  if (u.commit) {
    auto bytes = Base64Decode(Param(req, "content_b64"));
    if (!bytes) return std::nullopt;
    u.bytes = std::move(*bytes);
    u.file_name = Param(req, "file_name");
  } else if (req.has_file("file")) {
    auto file = req.get_file_value("file");
    u.bytes = std::move(file.content);
    u.file_name = file.filename;
  }
  if (u.source.empty() || u.bytes.empty() || (u.kind != "child" && u.kind != "adult")) return std::nullopt;
  if (u.date_order.empty()) u.date_order = "mdy";
  return u;
}

TemplateData FormValues(const Upload& u) {
  TemplateData f;
  f.set("source", u.source);
  f.set("kind_child", u.kind != "adult");
  f.set("kind_adult", u.kind == "adult");
  f.set("order_mdy", u.date_order == "mdy" || u.date_order.empty());
  f.set("order_dmy", u.date_order == "dmy");
  f.set("order_iso", u.date_order == "iso");
  return f;
}

void ShowImportForm(const Request& req, Response& res, CaseRequest& cr) {
  if (!Allowed(cr.user.who, Action::kImportLists)) {
    AuditRefusal(cr, req, "may not import lists");
    return SendErrorPage(req, res, cr.user, 403);
  }
  PageContext page = PageFor(req, cr.user, "import.title");
  TemplateData vars;
  vars.set("form", FormValues(Upload{}));
  SendPage(req, res, "import", page, vars);
}

TemplateData ReportData(const ImportReport& r, const Upload& u, const Messages& t) {
  TemplateData report;
  TemplateData diags(TemplateData::type::list);
  for (const auto& d : r.list.diagnostics) {
    TemplateData row;
    row.set("where", d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column));
    row.set("error", d.severity == Diagnostic::Severity::kError);
    row.set("field", d.where.field);
    row.set("message", DiagnosticMessage(d, t));
    diags.push_back(row);
  }
  report.set("diagnostics", diags);
  report.set("has_diagnostics", !r.list.diagnostics.empty());
  for (const auto& [name, n] : {std::pair<const char*, long>{"rows", r.list.data_rows}, {"errors", r.list.errors()},
                                {"warnings", r.list.warnings()}, {"created", r.created}, {"updated", r.updated},
                                {"unchanged", r.unchanged}, {"fields_changed", r.fields_changed}})
    report.set(name, std::to_string(n));
  report.set("file_name", u.file_name);
  report.set("written", r.written);
  report.set("has_errors", r.list.errors() > 0);
  report.set("can_commit", !r.written && r.list.errors() == 0);
  return report;
}

void PostImport(const Request& req, Response& res, CaseRequest& cr) {
  auto upload = UploadFrom(req);
  auto order = upload ? DateOrderFromString(upload->date_order) : Result<DateOrder>(Status::InvalidArgument(""));
  if (!upload || !order.ok()) return SendErrorPage(req, res, cr.user, 400);
  ImportOptions options;
  options.source = upload->source;
  options.dry_run = !upload->commit;
  options.list.role = upload->kind == "child" ? Role::kChild : Role::kAdult;
  options.list.file_name = upload->file_name;
  options.list.date_order = *order;
  // ImportAccess checks the role, imports as the user and audits the attempt.
  auto report = cr.services.imports().Import(upload->bytes, options);
  if (!report.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(report.status()));
  PageContext page = PageFor(req, cr.user, "import.title");
  TemplateData vars;
  vars.set("form", FormValues(*upload));
  vars.set("report", ReportData(*report, *upload, CatalogFor(page.lang)));
  if (!report->written && report->list.errors() == 0) {
    TemplateData commit;
    commit.set("source", upload->source);
    commit.set("kind", upload->kind);
    commit.set("date_order", upload->date_order);
    commit.set("file_name", upload->file_name);
    commit.set("content_b64", Base64Encode(upload->bytes));
    vars.set("commit", commit);
  }
  SendPage(req, res, "import", page, vars, report->list.errors() > 0 ? 422 : 200);
}

}  // namespace

void RegisterImportPages(httplib::Server& server, const RouteContext& ctx) {
  GetPage(server, "/import", ctx, ShowImportForm);
  PostPage(server, "/import", ctx, PostImport);
}

}  // namespace reunite::web
