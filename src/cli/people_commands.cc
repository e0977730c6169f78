#include <functional>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "store/repositories.h"

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

void PrintPersonLine(const Person& p) {
  std::cout << Pad(std::to_string(p.id), 8) << Pad(ToString(p.role), 6) << Pad(p.name.Display(), 40)
            << Pad(BirthShort(p.birth), 11) << Pad(p.nationality, 3) << Pad(p.a_number, 10)
            << ToString(p.custody.status) << "\n";
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

std::vector<FamilyLink> LinksOf(PersonRepository& repo, const Person& p) {
  return p.role == Role::kChild ? repo.GetFamily(p.id).links : repo.LinksOfAdult(p.id);
}

void PrintJournalEntry(const JournalEntry& e, const std::string& prefix) {
  std::cout << e.at << "  " << e.actor << "  " << prefix << e.field << ": ";
  if (e.field == "*") std::cout << "created " << e.after;
  else std::cout << std::quoted(e.before) << " -> " << std::quoted(e.after);
  std::cout << "  (" << e.reason << ")\n";
}

void PrintFamily(PersonRepository& repo, const Person& p) {
  std::vector<FamilyLink> links = LinksOf(repo, p);
  if (links.empty()) return;
  std::cout << "Family links:\n";
  for (const auto& l : links) {
    PersonId other = p.role == Role::kChild ? l.adult_id : l.child_id;
    auto o = repo.Get(other);
    std::cout << "  " << ToString(l.relationship) << (p.role == Role::kChild ? ": " : " of ") << other << " "
              << (o.ok() ? o->name.Display() : "?") << " (" << ToString(l.verification) << ")\n";
  }
}

void PrintProvenance(PersonRepository& repo, PersonId id) {
  std::cout << "Source rows:\n";
  for (const auto& r : repo.Provenance(id))
    std::cout << "  " << r.source << " record " << r.record_id << " — " << r.file_name << ":" << r.line
              << " (imported " << r.imported_at << ")\n    " << r.raw << "\n";
}

// Registers a command that takes a person id, loads the person and runs `body`.
void AddPersonCommand(CLI::App& app, const char* name, const char* help, const char* example,
                      GlobalOptions& global, int* exit_code,
                      std::function<void(Database&, const Person&)> body) {
  auto id_text = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(name, help);
  cmd->add_option("id", *id_text, "Person id")->required();
  cmd->footer(std::string("Example: ") + example);
  cmd->callback([id_text, &global, exit_code, body] {
    auto id = ParseId(*id_text);
    if (!id.ok()) return void(*exit_code = Fail(id.status()));
    auto db = OpenDatabase(global);
    if (!db.ok()) return void(*exit_code = Fail(db.status()));
    auto person = PersonRepository(**db).Get(*id);
    if (!person.ok()) return void(*exit_code = Fail(person.status()));
    body(**db, *person);
  });
}

}  // namespace

void AddPeopleCommands(CLI::App& app, GlobalOptions& global, int* exit_code) {
  auto query = std::make_shared<PersonQuery>();
  auto kind = std::make_shared<std::string>();
  auto* people = app.add_subcommand("people", "List people, optionally filtered");
  people->add_option("--search", query->text, "Text in the name, A-number or record (accents and case ignored)");
  people->add_option("--kind", *kind, "child or adult")->check(CLI::IsMember({"child", "adult"}));
  people->add_option("--limit", query->limit, "At most this many")->capture_default_str();
  people->add_option("--offset", query->offset, "Skip this many")->capture_default_str();
  people->footer("Example: reunite people --search \"hernandez lopez\" --kind adult");
  people->callback([query, kind, &global, exit_code] {
    auto db = OpenDatabase(global);
    if (!db.ok()) return void(*exit_code = Fail(db.status()));
    if (!kind->empty()) query->role = RoleFromString(*kind);
    PersonRepository repo(**db);
    auto found = repo.Find(*query);
    for (const auto& p : found) PrintPersonLine(p);
    std::cerr << found.size() << " people\n";
  });

  AddPersonCommand(app, "show", "Show one person with family links and source rows", "reunite show 42",
                   global, exit_code, [](Database& db, const Person& p) {
                     PersonRepository repo(db);
                     PrintPerson(p);
                     PrintFamily(repo, p);
                     PrintProvenance(repo, p.id);
                   });
  AddPersonCommand(app, "history", "Show the change journal of one person and of their family links",
                   "reunite history 42", global, exit_code, [](Database& db, const Person& p) {
                     PersonRepository repo(db);
                     JournalRepository journal(db);
                     for (const auto& e : journal.ForEntity("person", p.id)) PrintJournalEntry(e, "");
                     for (const auto& link : LinksOf(repo, p))
                       for (const auto& e : journal.ForEntity("family_link", link.id))
                         PrintJournalEntry(e, "link " + std::to_string(link.id) + " ");
                   });
}

}  // namespace reunite::cli
