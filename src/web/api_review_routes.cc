// The JSON API's review queue and list import, through ReviewAccess and
// ImportAccess as the user.
#include "access/import_access.h"
#include "access/review_access.h"
#include "web/api_internal.h"
#include "web/http_util.h"
#include "web/import_messages.h"
#include "web/pages.h"

namespace reunite::web::api {
namespace {

std::optional<ReviewQuery> ParseReviewQuery(const Request& req, Response& res) {
  auto paging = ParsePaging(req, res);
  if (!paging) return std::nullopt;
  ReviewQuery q;
  q.limit = paging->limit;
  q.offset = paging->offset;
  if (req.has_param("status")) {
    q.status = ReviewStatusFromString(req.get_param_value("status"));
    if (!q.status) return SendJsonError(res, 400, "bad_request", "unknown review status"), std::nullopt;
  }
  if (req.has_param("kind")) {
    q.kind = CandidateKindFromString(req.get_param_value("kind"));
    if (!q.kind) return SendJsonError(res, 400, "bad_request", "kind must be duplicate or family_link"), std::nullopt;
  }
  return q;
}

void ListReview(const Request& req, Response& res, const RouteContext& ctx) {
  auto query = ParseReviewQuery(req, res);
  if (!query) return;
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto page = cr.services.review().List(*query);
    if (!page.ok()) return SendStatusError(res, page.status());
    Json items = Json::array();
    for (std::size_t i = 0; i < page->items.size(); ++i)
      items.push_back(CandidateJson(page->items[i], page->protection[i]));
    SendJson(res, PageJson(std::move(items), page->total, {query->limit, query->offset}));
  });
}

void GetReview(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto item = cr.services.review().Get(PathId(req));
    if (!item.ok()) return SendStatusError(res, item.status());
    SendJson(res, ReviewItemJson(*item));
  });
}

// {"verification", "relationship", "reason"}; sends 400 for a bad value.
std::optional<AcceptOptions> ParseAccept(const Json& body, Response& res) {
  AcceptOptions o;
  const std::string verification = body.value("verification", std::string("claimed"));
  auto v = VerificationFromString(verification);
  if (!v) return SendJsonError(res, 400, "bad_request", "unknown verification"), std::nullopt;
  o.verification = *v;
  if (body.contains("relationship") && !body["relationship"].is_null()) {
    o.relationship = RelationshipFromString(body.value("relationship", std::string()));
    if (!o.relationship) return SendJsonError(res, 400, "bad_request", "unknown relationship"), std::nullopt;
  }
  o.reason = body.value("reason", std::string());
  return o;
}

// Reads a POST body; type errors in it (a number for a string) answer 400.
template <typename Fn>
void WithBody(const Request& req, Response& res, Fn&& fn) {
  auto body = BodyObject(req, res);
  if (!body) return;
  try {
    fn(*body);
  } catch (const Json::type_error&) {
    // The library's text names its own internals; the user gets the catalog's.
    SendLocalizedError(req, res, 400, "error.bad_field");
  }
}

void AcceptReview(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    WithBody(req, res, [&](const Json& body) {
      auto options = ParseAccept(body, res);
      if (!options) return;
      auto result = cr.services.review().Accept(PathId(req), *options);
      if (!result.ok()) return SendStatusError(res, result.status());
      SendJson(res, {{"status", "accepted"}, {"link_id", result->link_id}, {"link_existed", result->link_existed}});
    });
  });
}

void RejectReview(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    WithBody(req, res, [&](const Json& body) {
      Status s = cr.services.review().Reject(PathId(req), body.value("reason", std::string()));
      if (!s.ok()) return SendStatusError(res, s);
      SendJson(res, {{"status", "rejected"}});
    });
  });
}

std::optional<ImportOptions> ParseImport(const Request& req, Response& res) {
  ImportOptions o;
  o.source = req.get_param_value("source");
  if (o.source.empty()) return SendJsonError(res, 400, "bad_request", "source is required"), std::nullopt;
  auto role = RoleFromString(req.get_param_value("kind"));
  if (!role) return SendJsonError(res, 400, "bad_request", "kind must be child or adult"), std::nullopt;
  o.list.role = *role;
  o.list.file_name = req.has_param("file") ? req.get_param_value("file") : o.source + ".csv";
  const std::string dry = req.get_param_value("dry_run");
  o.dry_run = dry == "1" || dry == "true";
  return o;
}

// A diagnostic with a code (the import guards) also gives the code, its values, and its
// message in the user's language (?lang, cookie, the account's language, Accept-Language).
Json ReportJson(const ImportReport& r, bool dry_run, const Messages& t) {
  Json diagnostics = Json::array();
  for (const Diagnostic& d : r.list.diagnostics) {
    Json item = {{"severity", d.severity == Diagnostic::Severity::kError ? "error" : "warning"},
                 {"file", d.where.file},
                 {"line", d.where.line},
                 {"column", d.where.column},
                 {"field", d.where.field},
                 {"message", DiagnosticMessage(d, t)}};
    if (!d.code.empty()) {
      item["code"] = d.code;
      Json values = Json::object();
      for (const auto& [name, value] : d.args) values[name] = value;
      item["values"] = values;
    }
    diagnostics.push_back(std::move(item));
  }
  return {{"dry_run", dry_run},       {"written", r.written},         {"rows", r.list.data_rows},
          {"created", r.created},     {"updated", r.updated},         {"unchanged", r.unchanged},
          {"fields_changed", r.fields_changed}, {"errors", r.list.errors()}, {"warnings", r.list.warnings()},
          {"diagnostics", diagnostics}};
}

void PostList(const Request& req, Response& res, const RouteContext& ctx) {
  auto options = ParseImport(req, res);
  if (!options) return;
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto report = cr.services.imports().Import(req.body, *options);
    if (!report.ok()) return SendStatusError(res, report.status());
    // A list with errors writes nothing: 422 tells a client so without reading the body.
    const Messages& t = CatalogFor(PageLanguage(req, &cr.user));
    SendJson(res, ReportJson(*report, options->dry_run, t), report->list.errors() > 0 ? 422 : 200);
  });
}

}  // namespace

std::vector<ApiRoute> ReviewRoutes() {
  return {
      {"GET", "/api/review", ListReview},
      {"GET", "/api/review/{id}", GetReview},
      {"POST", "/api/review/{id}/accept", AcceptReview},
      {"POST", "/api/review/{id}/reject", RejectReview},
      {"POST", "/api/lists", PostList},
  };
}

}  // namespace reunite::web::api
