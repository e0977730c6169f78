// The JSON API's case routes: families (and their field team), people (and their
// protection), the signed-in user, the OpenAPI document and logout. Every read and
// write goes through CaseAccess as the user.
#include "access/search_service.h"
#include "ingest/identifiers.h"
#include "web/api_internal.h"
#include "web/embedded_web.h"
#include "web/http_util.h"

namespace reunite::web::api {
namespace {

std::optional<FamilySort> SortFromString(const std::string& s) {
  if (s.empty() || s == "id") return FamilySort::kChildId;
  if (s == "name") return FamilySort::kChildName;
  if (s == "age") return FamilySort::kChildAge;
  if (s == "deadline") return FamilySort::kNextDeadline;
  return std::nullopt;
}

// The filters of GET /api/families; sends 400 and returns nullopt for a bad one.
std::optional<FamilyQuery> ParseFamilyQuery(const Request& req, Response& res) {
  FamilyQuery q;
  auto paging = ParsePaging(req, res);
  if (!paging || !IntParam(req, res, "min_age", q.min_age) || !IntParam(req, res, "max_age", q.max_age))
    return std::nullopt;
  q.limit = paging->limit;
  q.offset = paging->offset;
  q.country = req.get_param_value("country");
  q.department = req.get_param_value("department");
  q.team = req.get_param_value("team");
  if (const std::string view = req.get_param_value("view"); !view.empty() && !ApplyFamilyView(view, &q))
    return SendJsonError(res, 400, "bad_request", "unknown view"), std::nullopt;
  if (req.has_param("sort")) {
    auto sort = SortFromString(req.get_param_value("sort"));
    if (!sort) return SendJsonError(res, 400, "bad_request", "sort must be id, name, age or deadline"), std::nullopt;
    q.sort = *sort;
  }
  q.name = req.get_param_value("name");
  for (auto [param, field] : {std::pair{"tracing", &q.tracing}, std::pair{"decision", &q.decision},
                              std::pair{"eligibility", &q.eligibility}})
    if (req.has_param(param)) *field = req.get_param_value(param);
  if (!IntParam(req, res, "deadline_days", q.deadline_within_days)) return std::nullopt;
  if (req.get_param_value("at_risk") == "1") q.at_risk = true;
  if (req.get_param_value("reunifying") == "1") q.reunifying = true;
  if (req.has_param("status")) {
    q.status = CustodyStatusFromString(req.get_param_value("status"));
    if (!q.status) return SendJsonError(res, 400, "bad_request", "unknown custody status"), std::nullopt;
  }
  return q;
}

Json SummaryJson(const FamilySummary& f) {
  Json adults = Json::array();
  for (const LinkedAdult& a : f.linked_adults)
    adults.push_back({{"id", a.adult_id}, {"name", a.name}, {"relationship", ToString(a.relationship)},
                      {"verification", ToString(a.verification)}});
  return {{"child_id", f.child_id},       {"child_name", f.child_name},   {"nationality", f.nationality},
          {"department", f.department},   {"team", f.team},               {"adults", f.adults},
          {"linked_adults", adults},      {"tracing", f.tracing},         {"decision", f.decision},
          {"eligibility", f.eligibility}, {"contested", f.contested},     {"next_deadline", f.next_deadline},
          {"at_risk", f.at_risk},         {"reunifying", f.reunifying},   {"closed", f.closed}};
}

void ListFamilies(const Request& req, Response& res, const RouteContext& ctx) {
  auto query = ParseFamilyQuery(req, res);
  if (!query) return;
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto page = cr.access.ListFamilies(*query);
    if (!page.ok()) return SendStatusError(res, page.status());
    Json items = Json::array();
    for (const FamilySummary& f : page->families) items.push_back(SummaryJson(f));
    SendJson(res, PageJson(std::move(items), page->total, {query->limit, query->offset}));
  });
}

void GetFamily(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto family = cr.access.GetFamily(PathId(req));
    if (!family.ok()) return SendStatusError(res, family.status());
    Json adults = Json::array(), timeline = Json::array();
    for (const FamilyMemberView& m : family->adults) {
      Json a = PersonViewJson(m.adult);
      a["link_id"] = m.link.id;
      a["relationship"] = ToString(m.link.relationship);
      a["verification"] = ToString(m.link.verification);
      adults.push_back(std::move(a));
    }
    for (const JournalEntry& e : family->timeline) timeline.push_back(JournalJson(e));
    SendJson(res, {{"child", PersonViewJson(family->child)}, {"adults", adults}, {"team", family->team},
                   {"timeline", timeline}});
  });
}

// ?born=YYYY or YYYY-MM-DD.
std::optional<BirthDate> ParseBorn(const std::string& s) {
  BirthDate b;
  if (s.empty()) return b;
  int y = 0, m = 0, d = 0;
  if (s.size() == 4 && std::sscanf(s.c_str(), "%4d", &y) == 1) return BirthDate{{y, 0, 0}, DatePrecision::kYearOnly};
  if (s.size() == 10 && std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 &&
      d <= 31)
    return BirthDate{{y, m, d}, DatePrecision::kExact};
  return std::nullopt;
}

std::optional<match::SearchQuery> ParseSearch(const Request& req, Response& res, const Paging& paging) {
  match::SearchQuery q;
  q.name = req.get_param_value("search");
  if (q.name.empty()) return SendJsonError(res, 400, "bad_request", "search is required"), std::nullopt;
  auto born = ParseBorn(req.get_param_value("born"));
  if (!born) return SendJsonError(res, 400, "bad_request", "born must be YYYY or YYYY-MM-DD"), std::nullopt;
  q.birth = *born;
  q.country = req.get_param_value("country");
  if (req.has_param("kind")) {
    q.role = RoleFromString(req.get_param_value("kind"));
    if (!q.role) return SendJsonError(res, 400, "bad_request", "kind must be child or adult"), std::nullopt;
  }
  // The search ranks the best hits first: ask for the pages up to this one.
  q.limit = paging.offset + paging.limit;
  return q;
}

// ?only_born=YYYY&only_country=GT: filters, where born and country only rank.
std::optional<SearchFilter> ParseSearchFilter(const Request& req, Response& res) {
  SearchFilter f;
  if (const std::string born = req.get_param_value("only_born"); !born.empty()) {
    int y = 0;
    if (born.size() != 4 || std::sscanf(born.c_str(), "%4d", &y) != 1 || y < 1900 || y > 2100)
      return SendJsonError(res, 400, "bad_request", "only_born must be a year (YYYY)"), std::nullopt;
    f.birth_year = y;
  }
  if (const std::string country = req.get_param_value("only_country"); !country.empty()) {
    auto iso = NormalizeCountry(country);
    if (!iso.ok()) return SendJsonError(res, 400, "bad_request", "only_country: unknown country"), std::nullopt;
    f.country = *iso;
  }
  return f;
}

void SearchPeople(const Request& req, Response& res, const RouteContext& ctx) {
  auto paging = ParsePaging(req, res);
  if (!paging) return;
  auto query = ParseSearch(req, res, *paging);
  if (!query) return;
  auto filter = ParseSearchFilter(req, res);
  if (!filter) return;
  if (!ctx.search) return SendJsonError(res, 503, "unavailable", "search is not configured");
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto hits = cr.access.SearchPeople(*ctx.search, *query, *filter);
    if (!hits.ok()) return SendStatusError(res, hits.status());
    Json all = Json::array();
    for (const SearchResult& r : *hits) {
      // Search results never carry location or phones (CaseAccess clears them).
      Json p = PersonJson(r.person, {kWithheldLocation, kWithheldPhones}, r.at_risk, r.protected_person);
      p["score"] = r.hit.score;
      p["why"] = r.hit.why;
      if (!r.found_by.empty()) p["found_by"] = r.found_by;
      all.push_back(std::move(p));
    }
    SendJson(res, PageJson(Slice(all, *paging), static_cast<long>(all.size()), *paging));
  });
}

void GetPerson(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto view = cr.access.GetPerson(PathId(req));
    if (!view.ok()) return SendStatusError(res, view.status());
    SendJson(res, PersonViewJson(*view));
  });
}

// PUT /api/families/{id}/team {"team": "north" (or "" to unassign), "reason": "..."}.
void PutFamilyTeam(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto body = BodyObject(req, res);
    std::optional<std::string> team, reason;
    if (!body || !StringMember(*body, res, "team", team) || !StringMember(*body, res, "reason", reason)) return;
    if (!team) return SendJsonError(res, 400, "bad_request", "team is required (\"\" unassigns)");
    Status s = cr.access.AssignFamily(PathId(req), *team, reason.value_or(""));
    if (!s.ok()) return SendStatusError(res, s);
    SendJson(res, {{"child_id", PathId(req)}, {"team", *team}});
  });
}

// PUT /api/people/{id}/protection {"at_risk": true, "notes": "...", "reason": "..."};
// without "notes" the stored notes stay.
void PutProtection(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    auto body = BodyObject(req, res);
    std::optional<std::string> notes, reason;
    if (!body || !StringMember(*body, res, "notes", notes) || !StringMember(*body, res, "reason", reason)) return;
    if (!body->contains("at_risk") || !(*body)["at_risk"].is_boolean())
      return SendJsonError(res, 400, "bad_request", "at_risk is required: true or false");
    const bool at_risk = (*body)["at_risk"].get<bool>();
    Status s = cr.access.SetAtRisk(PathId(req), at_risk, notes, reason.value_or(""));
    if (!s.ok()) return SendStatusError(res, s);
    SendJson(res, {{"id", PathId(req)}, {"at_risk", at_risk}});
  });
}

void GetMe(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest& cr) {
    const reunite::Principal& who = cr.user.who;
    Json me = {{"username", cr.user.username}, {"display_name", cr.user.display_name},
               {"role", ToString(who.role)},    {"org", who.org},
               {"team", who.team},              {"language", who.language},
               {"must_change_password", who.must_change_password}};
    // Sessions need the token for their POSTs; API tokens have none.
    if (!who.csrf_token.empty()) me["csrf_token"] = who.csrf_token;
    SendJson(res, me);
  });
}

void GetOpenApi(const Request&, Response& res, const RouteContext&) {
  auto doc = EmbeddedWebFile("api/openapi.json");
  if (!doc) return SendJsonError(res, 500, "internal", "the API document is missing from this build");
  res.set_content(std::string(*doc), "application/json");
}

void PostLogout(const Request& req, Response& res, const RouteContext& ctx) {
  WithUser(req, res, ctx, [&](CaseRequest&) {
    std::string token = GetCookie(req, kSessionCookie);
    if (!token.empty()) ctx.auth->Logout(token);
    res.set_header("Set-Cookie", std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    SendJson(res, {{"status", "ok"}});
  });
}

}  // namespace

std::vector<ApiRoute> CaseRoutes() {
  return {
      {"GET", "/api/families", ListFamilies},  {"GET", "/api/families/{id}", GetFamily},
      {"PUT", "/api/families/{id}/team", PutFamilyTeam},
      {"GET", "/api/people", SearchPeople},    {"GET", "/api/people/{id}", GetPerson},
      {"PUT", "/api/people/{id}/protection", PutProtection},
      {"GET", "/api/me", GetMe},               {"GET", "/api/openapi.json", GetOpenApi},
      {"POST", "/api/logout", PostLogout},
  };
}

}  // namespace reunite::web::api
