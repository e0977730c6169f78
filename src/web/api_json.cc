// The JSON API's shared helpers: answers, paging, bodies, CSRF, encoders.
#include <charconv>

#include "match/explanation_json.h"
#include "web/api_internal.h"
#include "web/http_util.h"
#include "web/refusal_audit.h"

namespace reunite::web::api {

void SendJson(Response& res, const Json& body, int status) {
  res.status = status;
  // Requests are checked for UTF-8 at the door (RequestTextIsUtf8); stored text that is
  // not UTF-8 is replaced rather than turned into a 500.
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
}

void SendStatusError(Response& res, const Status& status) {
  const int http = HttpStatusOf(status);
  SendJsonError(res, http, ErrorCodeFor(http), status.message());
}

Status RenameField(const Status& status, const std::string& from, const std::string& to, const std::string& then) {
  const std::string& m = status.message();
  const std::string head = from + ": " + then;
  if (status.code() != StatusCode::kInvalidArgument || m.rfind(head, 0) != 0) return status;
  return Status::InvalidArgument(to + ": " + m.substr(from.size() + 2));
}

namespace {

std::optional<int> ParseInt(const std::string& s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

bool IntParam(const Request& req, Response& res, const char* name, std::optional<int>& out) {
  if (!req.has_param(name)) return true;
  out = ParseInt(req.get_param_value(name));
  if (out) return true;
  SendJsonError(res, 400, "bad_request", std::string(name) + " must be a whole number");
  return false;
}

std::optional<Paging> ParsePaging(const Request& req, Response& res) {
  std::optional<int> limit, offset;
  if (!IntParam(req, res, "limit", limit) || !IntParam(req, res, "offset", offset)) return std::nullopt;
  Paging p;
  if (limit) p.limit = *limit;
  if (offset) p.offset = *offset;
  if (p.limit < 0 || p.limit > kMaxLimit || p.offset < 0) {
    SendJsonError(res, 400, "bad_request", "limit must be 0.." + std::to_string(kMaxLimit) + ", offset >= 0");
    return std::nullopt;
  }
  return p;
}

Json PageJson(Json items, long total, const Paging& paging) {
  return {{"items", std::move(items)}, {"total", total}, {"limit", paging.limit}, {"offset", paging.offset}};
}

Json Slice(const Json& all, const Paging& paging) {
  Json out = Json::array();
  for (std::size_t i = paging.offset; i < all.size() && out.size() < static_cast<std::size_t>(paging.limit); ++i)
    out.push_back(all[i]);
  return out;
}

std::int64_t PathId(const Request& req) {
  if (req.matches.size() < 2) return 0;
  const std::string s = req.matches[1].str();
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size() ? v : 0;
}

std::optional<Json> BodyObject(const Request& req, Response& res) {
  if (req.body.empty()) return Json::object();
  Json body = Json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_object()) return body;
  SendJsonError(res, 400, "bad_request", "the body must be a JSON object");
  return std::nullopt;
}

bool StringMember(const Json& body, Response& res, const char* name, std::optional<std::string>& out) {
  if (!body.contains(name)) return true;
  if (!body[name].is_string())
    return SendJsonError(res, 400, "bad_request", std::string(name) + " must be a string"), false;
  out = body[name].get<std::string>();
  return true;
}

void WithUser(const Request& req, Response& res, const RouteContext& ctx,
              const std::function<void(CaseRequest&)>& handle) {
  // A server started without case data (tests of the HTTP layer alone) has no pool.
  if (!ctx.pool) return SendJsonError(res, 503, "unavailable", "no case database configured");
  const bool ran = WithCaseRequest(req, ctx, [&](CaseRequest& cr) {
    const bool bearer = req.get_header_value("Authorization").rfind("Bearer ", 0) == 0;
    if (req.method != "GET" && !bearer && !CsrfMatches(cr.user.who, req.get_header_value("X-CSRF-Token"))) {
      AuditRefusal(cr, req, kCsrfRefusal);
      SendJsonError(res, 403, "csrf", "missing or wrong X-CSRF-Token");
      return;
    }
    handle(cr);
  });
  if (!ran) SendJsonError(res, 401, "unauthenticated", "sign in first");
}

Json PersonJson(const Person& p, const std::vector<std::string>& withheld, bool at_risk, bool protected_person) {
  const Location& l = p.location;
  Json custody = {{"status", ToString(p.custody.status)}};
  if (!p.custody.removal_date.empty()) custody["removal_date"] = p.custody.removal_date.ToIso();
  if (!p.custody.removal_country.empty()) custody["removal_country"] = p.custody.removal_country;
  return {{"id", p.id},
          {"role", ToString(p.role)},
          {"given_names", p.name.GivenNames()},
          {"paternal_surname", p.name.paternal_surname},
          {"maternal_surname", p.name.maternal_surname},
          {"married_surname", p.name.married_surname},
          {"display_name", p.name.Display()},
          {"sex", ToString(p.sex)},
          {"birth_date", p.birth.date.ToIso()},
          {"birth_precision", ToString(p.birth.precision)},
          {"nationality", p.nationality},
          {"a_number", p.a_number},
          {"phones", p.phones},
          {"location",
           {{"facility", l.facility},
            {"country", l.country},
            {"department", l.department},
            {"municipality", l.municipality},
            {"village", l.village},
            {"text", l.text}}},
          {"custody", custody},
          {"apprehension", {{"date", p.apprehension_date.ToIso()}, {"place", p.apprehension_place}}},
          {"reported_relatives", p.reported_relatives},
          {"at_risk", at_risk},
          {"protected", protected_person},
          {"withheld", withheld}};
}

Json PersonViewJson(const PersonView& view) {
  Json j = PersonJson(view.person, view.withheld, view.at_risk, view.protected_person);
  j["protection_notes"] = view.protection_notes;
  j["teams"] = view.teams;
  if (view.protection_removed) {
    const ProtectionRemoval& r = *view.protection_removed;
    j["protection_removed"] = {{"by", r.by}, {"at", r.at}, {"reason", r.reason}};
  } else {
    j["protection_removed"] = nullptr;
  }
  return j;
}

Json CandidateJson(const ReviewCandidate& c, const CandidateProtection& protection) {
  // Stored as text (ReviewAccess has withheld what the caller may not see in it);
  // decoded and written again, so every stored version reads alike.
  auto explanation = match::ExplanationFromJson(c.explanation);
  Json j = {{"id", c.id},
            {"kind", ToString(c.kind)},
            {"left_id", c.left_id},
            {"right_id", c.right_id},
            {"relationship", c.relationship},
            {"match_weight", c.match_weight},
            {"probability", c.probability},
            {"explanation", explanation.ok() ? Json::parse(match::ExplanationToJson(*explanation)) : Json()},
            {"status", ToString(c.status)},
            {"decided_by", c.decided_by},
            {"decided_at", c.decided_at},
            {"reason", c.reason},
            {"created_at", c.created_at},
            {"updated_at", c.updated_at},
            {"run_id", c.run_id ? Json(c.run_id) : Json()},
            {"withheld", protection.withheld},
            {"touches_protected", protection.touches_protected}};
  if (!explanation.ok()) j["explanation_error"] = explanation.status().message();
  return j;
}

Json ReviewItemJson(const ReviewItem& item) {
  Json j = CandidateJson(item.candidate, item.protection);
  if (!item.explanation_error.empty()) j["explanation_error"] = item.explanation_error;
  j["left"] = PersonViewJson(item.left);
  j["right"] = PersonViewJson(item.right);
  j["health_warning"] = item.health_warning;
  if (!item.run) {
    j["run"] = nullptr;
    return j;
  }
  Json health = Json::array();
  for (const auto& h : item.health) health.push_back(Json::parse(match::HealthToJson(h)));
  j["run"] = {{"id", item.run->id},
              {"started_at", item.run->started_at},
              {"finished_at", item.run->finished_at},
              {"actor", item.run->actor},
              {"mode", item.run->counts.full ? "full" : "incremental"},
              {"model_health", health}};
  return j;
}

Json AuditJson(const AuditEntry& e) {
  return {{"id", e.id},         {"at", e.at},         {"actor", e.actor},         {"role", e.role},
          {"action", e.action}, {"entity", e.entity}, {"entity_id", e.entity_id}, {"detail", e.detail},
          {"remote", e.remote}};
}

Json JournalJson(const JournalEntry& e) {
  return {{"id", e.id},         {"at", e.at},         {"actor", e.actor},   {"entity", e.entity},
          {"entity_id", e.entity_id}, {"field", e.field}, {"before", e.before}, {"after", e.after},
          {"reason", e.reason}};
}

}  // namespace reunite::web::api
