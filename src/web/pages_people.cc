// One person's page (fields, provenance, what is withheld, the protection form) and
// the person search.
#include <algorithm>
#include <cstdio>

#include "access/policy.h"
#include "access/search_service.h"
#include "ingest/identifiers.h"
#include "web/i18n.h"
#include "web/pages.h"

namespace reunite::web {
namespace {

using httplib::Request;
using httplib::Response;

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string DisplayName(const Person& p) { return p.name.Display().empty() ? p.name.as_recorded : p.name.Display(); }

// "Location and phones withheld for your role": the groups in the reader's words.
std::string WithheldNotice(const std::vector<std::string>& withheld, const Messages& t) {
  std::vector<std::string> names;
  for (const auto& w : withheld) names.push_back(Label(t, "withheld." + w, w));
  std::string list = names.size() <= 1 ? Join(names, "")
                     : Join({names.begin(), names.end() - 1}, ", ") + " " + t.at("common.and") + " " + names.back();
  if (!list.empty() && list[0] >= 'a' && list[0] <= 'z') list[0] = static_cast<char>(list[0] - 'a' + 'A');
  return list + " " + t.at("person.withheld_for_role");
}

// The person's fields as label/value rows; empty values are left out.
TemplateData FieldRows(const PersonView& view, const Messages& t) {
  const Person& p = view.person;
  const std::vector<std::pair<std::string, std::string>> fields{
      {"person.name", DisplayName(p)},
      {"person.as_recorded", p.name.as_recorded},
      {"person.role", Label(t, "role." + ToString(p.role), ToString(p.role))},
      {"person.birth", p.birth.date.ToIso()},
      {"person.sex", ToString(p.sex)},
      {"person.nationality", p.nationality},
      {"person.a_number", p.a_number},
      {"person.languages", Join(p.languages, ", ")},
      {"person.phones", Join(p.phones, ", ")},
      {"person.facility", p.location.facility},
      {"person.location", Join({p.location.country, p.location.department, p.location.municipality, p.location.village}, " ")},
      {"families.status", Label(t, "status." + ToString(p.custody.status), ToString(p.custody.status))},
      {"person.removal", p.custody.removal_date.ToIso() + " " + p.custody.removal_country},
      {"person.apprehension", p.apprehension_date.ToIso() + " " + p.apprehension_place},
      {"person.relatives", p.reported_relatives},
      {"person.protection_notes", view.protection_notes},
  };
  TemplateData rows(TemplateData::type::list);
  for (const auto& [key, value] : fields) {
    if (value.find_first_not_of(' ') == std::string::npos) continue;
    TemplateData r;
    r.set("label", t.at(key));
    r.set("value", value);
    rows.push_back(r);
  }
  return rows;
}

// Where the person came from: source, record, file and line. The raw row text is not
// asked for: it holds the very fields the role may have withheld.
Result<TemplateData> ProvenanceRows(CaseAccess& access, PersonId id) {
  auto provenance = access.Provenance(id, SourceText::kLeftOut);
  if (!provenance.ok()) return provenance.status();
  TemplateData rows(TemplateData::type::list);
  for (const auto& r : provenance->rows) {
    TemplateData row;
    row.set("source", r.source);
    row.set("record", r.record_id);
    row.set("file", r.file_name);
    row.set("line", std::to_string(r.line));
    row.set("imported_at", r.imported_at);
    rows.push_back(row);
  }
  return rows;
}

// The person page; `protect_error` (already in the reader's words) shows beside the
// protection form, for a post that was refused.
void RenderPerson(const Request& req, Response& res, CaseRequest& cr, PersonId id, const std::string& protect_error,
                  int status) {
  PageContext page = PageFor(req, cr.user, "person.title");
  const Messages& t = CatalogFor(page.lang);
  auto view = cr.access.GetPerson(id);
  if (!view.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(view.status()));
  TemplateData vars;
  vars.set("id", std::to_string(view->person.id));
  vars.set("name", DisplayName(view->person));
  vars.set("is_child", view->person.role == Role::kChild);
  vars.set("at_risk", view->at_risk);
  vars.set("protected_only", view->protected_person && !view->at_risk);
  if (view->protection_removed) {
    const ProtectionRemoval& r = *view->protection_removed;
    TemplateData removed;
    removed.set("by", r.by);
    removed.set("at", r.at);
    if (!r.reason.empty()) removed.set("reason", r.reason);
    vars.set("protection_removed", removed);
  }
  vars.set("fields", FieldRows(*view, t));
  if (!view->withheld.empty()) vars.set("withheld", WithheldNotice(view->withheld, t));
  auto provenance = ProvenanceRows(cr.access, view->person.id);
  if (!provenance.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(provenance.status()));
  vars.set("provenance", *provenance);
  vars.set("can_protect", Allowed(cr.user.who, Action::kSetProtection));
  // Who may not lift protection keeps it on: the box is not theirs to clear.
  vars.set("locked_at_risk", view->at_risk && !Allowed(cr.user.who, Action::kRemoveProtection));
  // Notes the reader may not see are not offered for editing (the post then keeps them).
  const auto& w = view->withheld;
  vars.set("notes_editable", std::find(w.begin(), w.end(), kWithheldNotes) == w.end());
  vars.set("notes", view->protection_notes);
  if (!protect_error.empty()) vars.set("protect_error", protect_error);
  SendPage(req, res, "person", page, vars, status);
}

void ShowPerson(const Request& req, Response& res, CaseRequest& cr) {
  RenderPerson(req, res, cr, std::stoll(req.matches[1].str()), "", 200);
}

// The protection form: at risk (a checkbox), notes (absent: kept) and a reason.
void PostProtection(const Request& req, Response& res, CaseRequest& cr) {
  const PersonId id = std::stoll(req.matches[1].str());
  std::optional<std::string> notes;
  if (req.has_param("notes")) notes = Param(req, "notes");
  Status s = cr.access.SetAtRisk(id, Param(req, "at_risk") == "1", notes, Param(req, "reason"));
  if (s.ok()) return res.set_redirect("/people/" + std::to_string(id), 303);
  if (s.code() != StatusCode::kInvalidArgument) return SendErrorPage(req, res, cr.user, HttpStatusOf(s));
  const Messages& t = CatalogFor(PageLanguage(req, &cr.user));
  RenderPerson(req, res, cr, id, t.at(FormErrorKey(s)), 422);
}

std::string Score(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", score);
  return buf;
}

constexpr int kSearchPageSize = 50;

// The search's filters as a query string (without the page), for the page links.
std::string SearchQueryString(const Request& req) {
  std::string qs;
  for (const char* name : {"q", "role", "country", "born"}) {
    const std::string v = Param(req, name);
    if (!v.empty()) qs += std::string(qs.empty() ? "" : "&") + name + "=" + httplib::detail::encode_query_param(v);
  }
  return qs;
}

TemplateData SearchFilterData(const Request& req, const Messages& t) {
  TemplateData f;
  f.set("country", Param(req, "country"));
  f.set("born", Param(req, "born"));
  f.set("roles", SelectOptions({{"", Label(t, "common.any", "any")},
                                {"child", Label(t, "role.child", "child")},
                                {"adult", Label(t, "role.adult", "adult")}},
                               Param(req, "role")));
  return f;
}

// The filters typed in the form, or the catalog key of what is wrong with them.
std::optional<std::string> ReadSearchFilters(const Request& req, match::SearchQuery& q, SearchFilter& filter) {
  const std::string role = Param(req, "role");
  if (!role.empty()) {
    q.role = RoleFromString(role);
    if (!q.role) return "search.bad_role";
  }
  const std::string country = Param(req, "country");
  if (!country.empty()) {
    auto iso = NormalizeCountry(country);
    if (!iso.ok()) return "search.bad_country";
    filter.country = *iso;
  }
  const std::string born = Param(req, "born");
  if (!born.empty()) {
    auto year = IntParam(req, "born");
    if (!year || *year < 1900 || *year > 2100) return "search.bad_born";
    filter.birth_year = static_cast<int>(*year);
  }
  return std::nullopt;
}

TemplateData SearchRows(const std::vector<SearchResult>& hits, std::size_t from, const Messages& t) {
  TemplateData rows(TemplateData::type::list);
  for (std::size_t i = from; i < hits.size() && i < from + kSearchPageSize; ++i) {
    const SearchResult& h = hits[i];
    TemplateData r;
    r.set("id", std::to_string(h.person.id));
    r.set("name", DisplayName(h.person));
    r.set("score", Score(h.hit.score));
    r.set("why", h.found_by.empty() ? h.hit.why : Label(t, "search.found_by." + h.found_by, h.found_by));
    r.set("role", Label(t, "role." + ToString(h.person.role), ToString(h.person.role)));
    r.set("birth", h.person.birth.date.ToIso());
    r.set("country", h.person.nationality);
    rows.push_back(r);
  }
  return rows;
}

void ShowSearch(const Request& req, Response& res, CaseRequest& cr, SearchService* search) {
  PageContext page = PageFor(req, cr.user, "search.title");
  const Messages& t = CatalogFor(page.lang);
  page.query = Param(req, "q");
  TemplateData vars;
  vars.set("q", page.query);
  vars.set("filters", SearchFilterData(req, t));
  if (!page.query.empty() && search) {
    const long page_no = std::max(1L, IntParam(req, "page").value_or(1));
    match::SearchQuery q;
    q.name = page.query;
    SearchFilter filter;
    if (auto bad = ReadSearchFilters(req, q, filter)) {
      vars.set("error", t.at(*bad));
      return SendPage(req, res, "search", page, vars, 422);
    }
    // One more than the page, to know whether there is a next one.
    q.limit = static_cast<int>(std::min(page_no, 200L) * kSearchPageSize + 1);
    auto hits = cr.access.SearchPeople(*search, q, filter);
    if (!hits.ok() && hits.status().code() == StatusCode::kInvalidArgument) {
      vars.set("error", t.at("search.unreadable"));
      return SendPage(req, res, "search", page, vars, 422);
    }
    if (!hits.ok()) return SendErrorPage(req, res, cr.user, HttpStatusOf(hits.status()));
    const std::size_t from = static_cast<std::size_t>(page_no - 1) * kSearchPageSize;
    vars.set("searched", true);
    vars.set("results", SearchRows(*hits, from, t));
    vars.set("none", hits->size() <= from);
    const std::string base = "/search?" + SearchQueryString(req) + "&page=";
    vars.set("page", std::to_string(page_no));
    if (page_no > 1) vars.set("prev_href", base + std::to_string(page_no - 1));
    if (hits->size() > from + kSearchPageSize && page_no < 200) vars.set("next_href", base + std::to_string(page_no + 1));
  }
  SendPage(req, res, "search", page, vars);
}

}  // namespace

void RegisterPeoplePages(httplib::Server& server, const RouteContext& ctx) {
  GetPage(server, R"(/people/(\d{1,18}))", ctx, ShowPerson);
  PostPage(server, R"(/people/(\d{1,18})/protection)", ctx, PostProtection);
  SearchService* search = ctx.search;
  GetPage(server, "/search", ctx, [search](const Request& req, Response& res, CaseRequest& cr) {
    ShowSearch(req, res, cr, search);
  });
}

}  // namespace reunite::web
