#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "ingest/dates.h"
#include "ingest/identifiers.h"
#include "access/case_access.h"
#include "access/search_service.h"
#include "match/person_search.h"

namespace reunite::cli {

namespace {

std::string BirthText(const BirthDate& b) {
  switch (b.precision) {
    case DatePrecision::kExact:
      return b.date.ToIso() + (b.january_first_default ? " (1 January: maybe a default)" : "");
    case DatePrecision::kYearOnly: return std::to_string(b.date.year) + " (year only)";
    default: return "unknown";
  }
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string LocationText(const Location& l) {
  std::vector<std::string> parts;
  for (const auto* s : {&l.facility, &l.village, &l.municipality, &l.department, &l.country})
    if (!s->empty()) parts.push_back(*s);
  std::string out = Join(parts, ", ");
  if (!l.text.empty() && l.text != l.facility) out += (out.empty() ? "" : "  [as recorded: ") + l.text + (out.empty() ? "" : "]");
  return out;
}

// Pads to `width` characters (not bytes), so accented names keep columns aligned.
std::string Pad(const std::string& text, size_t width) {
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return text + std::string(chars < width ? width - chars : 1, ' ');
}

std::string BirthShort(const BirthDate& b) {
  if (b.precision == DatePrecision::kYearOnly) return std::to_string(b.date.year);
  return b.date.ToIso();
}

// One line per person (scripts count them); `tail` (a search's score and why)
// goes last, after the custody column.
void PrintPersonLine(const Person& p, const std::string& tail = "") {
  const std::string custody = ToString(p.custody.status);
  std::cout << Pad(std::to_string(p.id), 8) << Pad(ToString(p.role), 6) << Pad(p.name.Display(), 40)
            << Pad(BirthShort(p.birth), 11) << Pad(p.nationality, 3) << Pad(p.a_number, 10)
            << (tail.empty() ? custody : Pad(custody, 11) + tail) << "\n";
}

struct PeopleOptions {
  PersonQuery query;
  std::string kind, born, country;
  SearchFilter filter;
  std::string filter_country;
  bool exact_text = false;
  double min_score = 0.5;
};

// Searched names and identifiers (CaseAccess::SearchPeople); --exact-text keeps the
// substring search, which text with a digit that identifies no one also falls back to.
bool WantsSearch(const PeopleOptions& o) { return !o.query.text.empty() && !o.exact_text; }

bool HasDigit(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<match::SearchQuery> MakeSearchQuery(const PeopleOptions& o) {
  match::SearchQuery q;
  q.name = o.query.text;
  q.role = o.query.role;
  q.limit = std::max(o.query.limit, 0) + std::max(o.query.offset, 0);
  q.min_score = o.min_score;
  if (!o.born.empty()) {
    auto birth = ParseBirthDate(o.born, DateOrder::kIso, "");
    if (!birth.ok()) return Status::InvalidArgument("--born: " + birth.status().message());
    q.birth = *birth;
  }
  if (!o.country.empty()) {
    auto country = NormalizeCountry(o.country);
    if (!country.ok()) return Status::InvalidArgument("--country: unknown country '" + o.country + "'");
    q.country = *country;
  }
  return q;
}

Result<SearchFilter> MakeSearchFilter(const PeopleOptions& o) {
  SearchFilter filter = o.filter;
  if (!o.filter_country.empty()) {
    auto country = NormalizeCountry(o.filter_country);
    if (!country.ok()) return Status::InvalidArgument("--only-country: unknown country '" + o.filter_country + "'");
    filter.country = *country;
  }
  return filter;
}

// The CLI's protected service: the local operator, with lists and searches audited
// too (one command can print every record).
CaseAccess OperatorAccess(Database& db, const GlobalOptions& global) {
  CaseAccess access(db, Principal::LocalOperator(global.actor));
  access.set_audit_lookups(true);
  return access;
}

std::string FoundBy(const std::string& how) {
  if (how == "a_number") return "A-number";
  if (how == "phone") return "phone number";
  if (how == "record_id") return "record id";
  if (how == "person_id") return "person id";
  return how;
}

// Builds the search index over everyone, searches it through CaseAccess and prints
// the hits of the role asked for, best first, each with its score and why; the
// number printed.
Result<long> Search(Database& db, const PeopleOptions& o, const GlobalOptions& global) {
  auto query = MakeSearchQuery(o);
  if (!query.ok()) return query.status();
  auto filter = MakeSearchFilter(o);
  if (!filter.ok()) return filter.status();
  SearchService search(db);
  const auto start = std::chrono::steady_clock::now();
  if (Status built = search.Refresh(); !built.ok()) return built;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto hits = OperatorAccess(db, global).SearchPeople(search, *query, *filter);
  if (!hits.ok()) return hits.status();
  long shown = 0;
  for (std::size_t i = static_cast<std::size_t>(std::max(o.query.offset, 0)); i < hits->size(); ++i) {
    const SearchResult& r = (*hits)[i];
    char score[16];
    std::snprintf(score, sizeof score, "%.3f", r.hit.score);
    PrintPersonLine(r.person, Pad(score, 6) + (r.found_by.empty() ? r.hit.why : "same " + FoundBy(r.found_by)));
    ++shown;
  }
  std::cerr << shown << " people (search over " << search.size() << ", loaded in " << std::fixed
            << std::setprecision(1) << seconds << " s)\n";
  return shown;
}

void PrintPerson(const Person& p) {
  auto row = [](const char* label, const std::string& value) {
    if (!value.empty()) std::cout << "  " << std::left << std::setw(20) << label << value << "\n";
  };
  std::cout << "Person " << p.id << " (" << ToString(p.role) << ")\n";
  row("name", p.name.Display());
  row("as recorded", p.name.as_recorded);
  row("given names", p.name.GivenNames());
  row("paternal surname", p.name.paternal_surname);
  row("maternal surname", p.name.maternal_surname);
  row("married surname", p.name.married_surname);
  row("date of birth", BirthText(p.birth));
  row("sex", ToString(p.sex));
  row("nationality", p.nationality);
  row("A-number", p.a_number.empty() ? "" : "A" + p.a_number);
  row("languages", Join(p.languages, ", ") + (p.interpreter_needed ? " (interpreter needed)" : ""));
  row("phones", Join(p.phones, ", "));
  row("location", LocationText(p.location));
  std::string custody = ToString(p.custody.status);
  if (!p.custody.removal_country.empty()) custody += " to " + p.custody.removal_country;
  if (!p.custody.removal_date.empty()) custody += " on " + p.custody.removal_date.ToIso();
  row("custody", custody);
  row("apprehended", Join({p.apprehension_date.ToIso(), p.apprehension_place}, " at "));
  row("reported relatives", p.reported_relatives);
}

void PrintJournalEntry(const JournalEntry& e, const std::string& prefix) {
  std::cout << e.at << "  " << e.actor << "  " << prefix << e.field << ": ";
  if (e.field == "*") std::cout << "created " << e.after;
  else std::cout << std::quoted(e.before) << " -> " << std::quoted(e.after);
  std::cout << "  (" << e.reason << ")\n";
}

// What `history` prints before an entry's field: its group (the person's own record
// has none).
std::string HistoryPrefix(const JournalEntry& e) {
  if (e.entity == "person") return "";
  if (e.entity == "person_protection") return "protection ";
  if (e.entity == "family_assignment") return "family ";
  if (e.entity == "family_link") return "link " + std::to_string(e.entity_id) + " ";
  return e.entity + " ";  // the workflow's: tracing, eligibility, decision, logistics, ...
}

Status PrintFamily(CaseAccess& access, const Person& p) {
  auto links = access.FamilyLinks(p.id);
  if (!links.ok()) return links.status();
  if (links->empty()) return Status::Ok();
  std::cout << "Family links:\n";
  for (const PersonLink& l : *links)
    std::cout << "  " << ToString(l.link.relationship) << (p.role == Role::kChild ? ": " : " of ") << l.other << " "
              << (l.other_name.empty() ? "?" : l.other_name) << " (" << ToString(l.link.verification) << ")\n";
  return Status::Ok();
}

Status PrintProvenance(CaseAccess& access, PersonId id) {
  auto provenance = access.Provenance(id, SourceText::kIncluded);
  if (!provenance.ok()) return provenance.status();
  std::cout << "Source rows:\n";
  for (const auto& r : provenance->rows)
    std::cout << "  " << r.source << " record " << r.record_id << " — " << r.file_name << ":" << r.line
              << " (imported " << r.imported_at << ")\n    " << (provenance->text_withheld ? "[withheld]" : r.raw)
              << "\n";
  return Status::Ok();
}

// Registers a command that takes a person id and runs `body` with the local
// operator's CaseAccess, through which it reads everything it prints, so that what
// is withheld and audited on the web is here too.
void AddPersonCommand(CLI::App& app, const char* name, const char* help, const char* example,
                      GlobalOptions& global, int* exit_code, std::function<Status(CaseAccess&, PersonId)> body) {
  auto id_text = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(name, help);
  cmd->add_option("id", *id_text, "Person id")->required();
  cmd->footer(std::string("Example: ") + example);
  cmd->callback([id_text, &global, exit_code, body] {
    auto id = ParseId(*id_text);
    if (!id.ok()) return void(*exit_code = Fail(id.status()));
    auto db = OpenDatabase(global);
    if (!db.ok()) return void(*exit_code = Fail(db.status()));
    CaseAccess access(**db, Principal::LocalOperator(global.actor));
    if (Status s = body(access, *id); !s.ok()) *exit_code = Fail(s);
  });
}

}  // namespace

void AddPeopleCommands(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<PeopleOptions>();
  auto* people = app.add_subcommand("people", "List people, or search them by name");
  people->add_option("--search", o->query.text,
                     "Name to search for, fuzzily: misspellings, missing accents, nicknames and swapped or "
                     "missing surnames still match; best first, with a score and why. An A-number (A094763778, "
                     "094-763-778), a phone number, a record id or a person id finds its person exactly "
                     "(other text with a digit that finds no one is matched as a substring)");
  people->add_option("--only-born", o->filter.birth_year, "With --search: only people born this year")
      ->check(CLI::Range(1900, 2100));
  people->add_option("--only-country", o->filter_country,
                     "With --search: only people of this nationality (GT, Guatemala, ...)");
  people->add_option("--born", o->born, "With --search: date of birth (YYYY-MM-DD) or year, to rank by");
  people->add_option("--country", o->country, "With --search: country (GT, Guatemala, ...), to rank by");
  people->add_option("--min-score", o->min_score, "With --search: leave out hits scoring lower (0 to 1)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  people->add_flag("--exact-text", o->exact_text,
                   "With --search: match the text as a substring of the name, A-number or record id instead");
  people->add_option("--kind", o->kind, "child or adult")->check(CLI::IsMember({"child", "adult"}));
  people->add_option("--limit", o->query.limit, "At most this many")->capture_default_str();
  people->add_option("--offset", o->query.offset, "Skip this many")->capture_default_str();
  people->footer("Examples: reunite people --search \"chepe ernandes\" --born 1985 --country GT --kind adult\n"
                 "          reunite people --search A201234567\n"
                 "          reunite people --search \"Lopez\" --only-born 1985 --only-country HN --kind adult");
  people->callback([o, &global, exit_code] {
    if (o->query.text.empty() &&
        (!o->born.empty() || !o->country.empty() || o->filter.birth_year || !o->filter_country.empty())) {
      std::cerr << "reunite: --born, --country, --only-born and --only-country need --search\n";
      return void(*exit_code = kExitUsage);
    }
    auto db = OpenDatabase(global);
    if (!db.ok()) return void(*exit_code = Fail(db.status()));
    if (!o->kind.empty()) o->query.role = RoleFromString(o->kind);
    if (WantsSearch(*o)) {
      Result<long> shown = Search(**db, *o, global);
      if (!shown.ok()) return void(*exit_code = Fail(shown.status()));
      if (*shown > 0 || !HasDigit(o->query.text)) return;
      std::cerr << "reunite: no identifier or name matches; searching it as part of a name, A-number or record id\n";
    }
    auto found = OperatorAccess(**db, global).ListPeople(o->query);
    if (!found.ok()) return void(*exit_code = Fail(found.status()));
    for (const SearchResult& r : *found) PrintPersonLine(r.person);
    std::cerr << found->size() << " people\n";
  });

  AddPersonCommand(app, "show", "Show one person with family links and source rows", "reunite show 42",
                   global, exit_code, [](CaseAccess& access, PersonId id) -> Status {
                     auto view = access.GetPerson(id);
                     if (!view.ok()) return view.status();
                     PrintPerson(view->person);
                     if (Status s = PrintFamily(access, view->person); !s.ok()) return s;
                     return PrintProvenance(access, id);
                   });
  AddPersonCommand(app, "history", "Show the change journal of one person: their record, protection, family team, family links "
                   "and workflow (tracing, eligibility; a child's decision, logistics, closure)",
                   "reunite history 42", global, exit_code, [](CaseAccess& access, PersonId id) -> Status {
                     auto history = access.History(id);
                     if (!history.ok()) return history.status();
                     for (const JournalEntry& e : *history) PrintJournalEntry(e, HistoryPrefix(e));
                     return Status::Ok();
                   });
}

}  // namespace reunite::cli
