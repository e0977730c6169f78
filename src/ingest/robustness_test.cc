// Deterministic mutation testing of the ingest parsers, after SQLite's habit of
// feeding its parsers damaged input: a few valid agency lists are damaged thousands
// of times (flipped bytes, stray quotes, commas, line breaks, NULs, invalid UTF-8,
// truncation, duplicated and swapped lines) with a fixed seed, and every result must
// keep the contracts of the headers. Crashes and undefined behaviour are left to the
// sanitizers (make test builds with them); the invariants are checked here.
// The libFuzzer targets in fuzz/ explore the same ground without a fixed budget.
#include <gtest/gtest.h>

#include "common/random.h"

#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "ingest/agency_list.h"
#include "ingest/border_places.h"
#include "ingest/csv_reader.h"
#include "ingest/dates.h"
#include "ingest/encoding.h"
#include "ingest/fold.h"
#include "ingest/identifiers.h"
#include "ingest/name_parser.h"
#include "ingest/placeholders.h"

namespace reunite {
namespace {


const char* kHeader =
    "record_id,given_names,surnames,sex,date_of_birth,country,a_number,phones,language,"
    "apprehension_date,apprehension_place,location,status,removal_date,reported_relatives";

// Valid lists to start from: quoted fields with commas, doubled quotes and line
// breaks, accents, CRLF and lone CR endings, a BOM, Windows-1252 bytes, Spanish headers.
std::vector<std::string> SeedLists() {
  const std::string h = kHeader;
  std::vector<std::string> seeds;
  seeds.push_back(
      h + "\n"
      "ICE-1,José Luis,Hernández López,M,6/21/1985,Guatemala,A012-345-678,"
      "\"5555-1234; +1 956 555 0101\",K'iche',5/30/2018,Yuma Station,"
      "\"Aldea Chuicacá, Momostenango, Totonicapán\",removed,7/2/2018,hijo Kevin\n"
      "ICE-2,María de la Cruz,Pérez de García,F,1990,Honduras,12345678,\"+504 9999-1234 / 8888-1234\","
      "Español,06/01/2018,El Paso,\"Port Isabel\nDetention Center\",detained,,"
      "\"hija \"\"Sofi\"\", 7 años\"\n"
      "ICE-3,Ñuñez,\"de León, Ana\",f,unknown,SV,,,Mam; Spanish,2018-05-29,,,released,,\n");
  seeds.push_back(
      "\xEF\xBB\xBF" + h + "\r\n"
      "ORR-10,Ana Sofía,Pop Caal,niña,01/01/2011,GT,A 099 888 777,,Q'eqchi',6/5/2018,McAllen,"
      "\"Casa Padre\r\nBrownsville\",in_care,,\"madre: Rosa Caal\"\r\n"
      "ORR-11,Kevin,Xol-Choc,M,2012,Guatemala,,\"00502 5555 1234\",Español,,,,"
      "discharged,,\r\n");
  // Windows-1252: é E9, á E1, ñ F1, Ñ D1, curly quotes 93/94; lone CR endings.
  seeds.push_back(
      h + "\r"
      "CBP-7,Jos\xE9,Pe\xF1" "ate \xD1u\xF1" "ez,M,21/06/1985,Guatemala,,5555-0000,Espa\xF1ol,,"
      "Lukeville,\"Cant\xF3n Xecaj\xE1, Totonicap\xE1n\",removed,02/07/2018,\"\x93" "Chepe\x94\"\r"
      "CBP-8,Mar\xED" "a,L\xF3pez,F,1979,El Salvador,A-123-456-789,,,,,,detained,,\r");
  seeds.push_back(
      "numero_de_caso,nombre_completo,sexo,fecha_nacimiento,pais,estado,familiares\n"
      "7,\"VALIENTE VELAZQUEZ, JUAN\",hombre,1980-03-04,Guatemala,deportado,\"esposa\n  Rosa\"\n"
      "8,Rosa María López de García,mujer,,Honduras,liberada,\n"
      "9,\"K'ICHE' TZUL, ANDRÉS\",,desconocido,gtm,detenido,\n");
  return seeds;
}

// Tokens that break CSV structure or UTF-8, inserted at random places.
const std::vector<std::string>& Tokens() {
  static const std::vector<std::string> kTokens = {
      "\"", ",", "\r", "\n", "\r\n", std::string(1, '\0'), "\"\"", ",\"", "\",",
      "\xC3", "\xA9", "\xFF", "\xE9", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xAF",
      "\xEF\xBB\xBF", "é", "ñ", " ", "\t", "\xC2\xA0", "de ", "A", "0", "/", "-", "1/1/2018"};
  return kTokens;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '\n') {
      lines.push_back(s.substr(start, i - start + (i < s.size())));
      start = i + 1;
    }
  }
  return lines;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l;
  return s;
}

void Mutate(std::string& s, Rng& rng) {
  const std::size_t pos = rng.Below(s.size() + 1);
  switch (rng.Below(10)) {
    case 0:
      if (!s.empty()) s[pos % s.size()] ^= static_cast<char>(1u << rng.Below(8));
      break;
    case 1:
      if (!s.empty()) s[pos % s.size()] = static_cast<char>(rng.Below(256));
      break;
    case 2:
    case 3:
      s.insert(pos, Tokens()[rng.Below(Tokens().size())]);
      break;
    case 4:
      s.erase(pos, 1 + rng.Below(8));
      break;
    case 5:
      if (rng.OneIn(4)) s.resize(pos);
      break;
    default: {  // line-level damage
      std::vector<std::string> lines = SplitLines(s);
      const std::size_t a = rng.Below(lines.size()), b = rng.Below(lines.size());
      switch (rng.Below(3)) {
        case 0: lines.insert(lines.begin() + static_cast<long>(a), lines[b]); break;
        case 1: std::swap(lines[a], lines[b]); break;
        default: if (lines.size() > 1) lines.erase(lines.begin() + static_cast<long>(a)); break;
      }
      s = JoinLines(lines);
    }
  }
}

// Lines of text as the reader counts them: LF, CRLF and lone CR each end one.
long CountLines(std::string_view s) {
  long lines = 1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++lines;
  }
  return lines;
}

bool IsNineDigits(const std::string& s) {
  return s.size() == 9 && s.find_first_not_of("0123456789") == std::string::npos;
}

bool DateOk(const Date& d) { return d.empty() || IsValidDate(d.year, d.month, d.day); }

void ExpectValidUtf8(const std::string& s, const char* what) {
  EXPECT_TRUE(IsValidUtf8(s)) << what << " is not UTF-8: " << testing::PrintToString(s);
}

void CheckPerson(const Person& p) {
  ExpectValidUtf8(p.name.as_recorded, "as_recorded");
  for (const auto& g : p.name.given_names) ExpectValidUtf8(g, "given name");
  ExpectValidUtf8(p.name.paternal_surname, "paternal surname");
  ExpectValidUtf8(p.name.maternal_surname, "maternal surname");
  ExpectValidUtf8(p.name.married_surname, "married surname");
  for (const auto& ph : p.phones) ExpectValidUtf8(ph, "phone");
  for (const auto& l : p.languages) ExpectValidUtf8(l, "language");
  ExpectValidUtf8(p.location.text, "location");
  ExpectValidUtf8(p.location.village, "village");
  ExpectValidUtf8(p.reported_relatives, "reported_relatives");
  EXPECT_TRUE(p.a_number.empty() || IsNineDigits(p.a_number)) << p.a_number;
  EXPECT_TRUE(DateOk(p.birth.date) || p.birth.precision == DatePrecision::kYearOnly);
  if (p.birth.precision == DatePrecision::kExact) {
    EXPECT_FALSE(p.birth.date.empty());
  }
  EXPECT_TRUE(DateOk(p.apprehension_date));
  EXPECT_TRUE(DateOk(p.custody.removal_date));
}

// What the mutants reached, so that a change that made every mutant fail early
// (and so test nothing past the decoder) is noticed.
struct Reached {
  int undecodable = 0, with_rows = 0, clean = 0, with_errors = 0;
};

// The contracts of ReadAgencyList (agency_list.h) on any input whatever.
void CheckAgencyList(const std::string& bytes, const ListOptions& opt, Reached* reached = nullptr) {
  SCOPED_TRACE(testing::PrintToString(bytes));
  const AgencyList list = ReadAgencyList(bytes, opt);
  Encoding encoding = opt.mapping.encoding.value_or(opt.encoding);
  auto decoded = DecodeToUtf8(bytes, encoding, opt.file_name);
  // Undecodable input is located in the bytes; otherwise in the decoded text.
  const std::string_view text = decoded.ok() ? std::string_view(decoded->text) : std::string_view(bytes);
  const long lines = CountLines(text);
  if (decoded.ok()) {
    EXPECT_EQ(list.detected, decoded->detected);
    EXPECT_TRUE(IsValidUtf8(decoded->text));
  } else {
    EXPECT_EQ(list.errors(), 1);
    EXPECT_TRUE(list.rows.empty());
  }
  for (const Diagnostic& d : list.diagnostics) {
    SCOPED_TRACE(d.ToString());
    EXPECT_EQ(d.where.file, opt.file_name);
    if (d.where.line == 0) {  // only a problem of the whole file has no line
      EXPECT_EQ(d.where.column, 0);
      EXPECT_NE(d.message.find("more errors not listed"), std::string::npos);
    } else {
      EXPECT_GE(d.where.line, 1);
      EXPECT_LE(d.where.line, lines + 1);
      EXPECT_GE(d.where.column, 1);
    }
    if (decoded.ok()) ExpectValidUtf8(d.message, "diagnostic");
  }
  EXPECT_LE(static_cast<long>(list.rows.size()), list.data_rows);
  if (list.errors() == 0) {
    EXPECT_EQ(static_cast<long>(list.rows.size()), list.data_rows);
  }
  if (reached) {
    reached->undecodable += !decoded.ok();
    reached->with_rows += !list.rows.empty();
    reached->clean += list.errors() == 0;
    reached->with_errors += list.errors() > 0 && !list.rows.empty();
  }
  std::set<std::string> ids;
  for (const ListRow& row : list.rows) {
    EXPECT_FALSE(row.record_id.empty());
    EXPECT_TRUE(ids.insert(row.record_id).second) << "record_id repeated: " << row.record_id;
    EXPECT_NE(text.find(row.raw), std::string_view::npos) << "raw is not in the text: " << row.raw;
    EXPECT_GE(row.line, 2);
    EXPECT_LE(row.line, lines);
    EXPECT_EQ(row.person.role, opt.role);
    CheckPerson(row.person);
  }
}

// The contracts of CsvReader (csv_reader.h) on any text.
void CheckCsv(const std::string& text) {
  SCOPED_TRACE(testing::PrintToString(text));
  const long lines = CountLines(text);
  CsvReader reader(text, "t.csv");
  CsvRecord r;
  long last = 0;
  while (reader.Next(&r)) {
    EXPECT_GT(r.line, last);
    EXPECT_LE(r.line, r.end_line);
    EXPECT_LE(r.end_line, lines);
    ASSERT_EQ(r.fields.size(), r.columns.size());
    ASSERT_FALSE(r.fields.empty());
    for (int c : r.columns) EXPECT_GE(c, 1);
    EXPECT_GE(r.raw.data(), text.data());
    EXPECT_LE(r.raw.data() + r.raw.size(), text.data() + text.size());
    last = r.end_line;
  }
  if (!reader.status().ok()) {
    ASSERT_TRUE(reader.status().where().has_value());
    EXPECT_GE(reader.status().where()->line, 1);
    EXPECT_LE(reader.status().where()->line, lines);
    EXPECT_GE(reader.status().where()->column, 1);
    EXPECT_FALSE(reader.Next(&r));  // no record after an error
  }
}

// The options each seed list is valid under.
ListOptions SeedOptions(const std::string& seed) {
  ListOptions o;
  o.file_name = "seed.csv";
  o.today = "2018-07-26";
  o.date_order = seed.find("21/06/1985") != std::string::npos ? DateOrder::kDayMonthYear
                                                               : DateOrder::kMonthDayYear;
  o.role = seed.find("ORR-") != std::string::npos ? Role::kChild : Role::kAdult;
  return o;
}

// Mostly the seed's own options, so that mutants get past the first row; sometimes
// any options (a wrong role, date order or encoding makes errors on every row).
ListOptions OptionsFor(Rng& rng, const std::string& seed) {
  ListOptions o = SeedOptions(seed);
  o.file_name = "mutant.csv";
  if (!rng.OneIn(4)) return o;
  o.role = rng.OneIn(2) ? Role::kAdult : Role::kChild;
  const DateOrder orders[] = {DateOrder::kIso, DateOrder::kMonthDayYear, DateOrder::kDayMonthYear};
  o.date_order = orders[rng.Below(3)];
  const Encoding encodings[] = {Encoding::kAuto, Encoding::kUtf8, Encoding::kWindows1252};
  o.encoding = encodings[rng.Below(3)];
  o.today = rng.OneIn(3) ? "" : "2018-07-26";
  return o;
}

TEST(RobustnessTest, SeedListsAreValid) {
  for (const std::string& seed : SeedLists()) {
    const ListOptions o = SeedOptions(seed);
    const AgencyList list = ReadAgencyList(seed, o);
    std::string errors;
    for (const auto& d : list.diagnostics) errors += d.ToString() + "\n";
    EXPECT_EQ(list.errors(), 0) << errors;
    EXPECT_GE(list.rows.size(), 2u);
    EXPECT_EQ(static_cast<long>(list.rows.size()), list.data_rows);
    CheckAgencyList(seed, o);
  }
}

TEST(RobustnessTest, MutatedAgencyListsKeepTheirContracts) {
  Rng rng(20180626);
  const std::vector<std::string> seeds = SeedLists();
  constexpr int kMutants = 10000;
  Reached reached;
  for (int i = 0; i < kMutants; ++i) {
    const std::string& seed = seeds[rng.Below(seeds.size())];
    std::string s = seed;
    // Mostly one mutation, sometimes several: one stray quote already hides the rest.
    for (std::size_t n = rng.OneIn(3) ? 2 + rng.Below(5) : 1; n > 0; --n) Mutate(s, rng);
    CheckAgencyList(s, OptionsFor(rng, seed), &reached);
    CheckCsv(s);
    if (::testing::Test::HasFailure()) FAIL() << "stopped at mutant " << i;
  }
  EXPECT_GT(reached.undecodable, kMutants / 50);
  EXPECT_GT(reached.with_rows, kMutants / 4);
  EXPECT_GT(reached.clean, kMutants / 20);
  EXPECT_GT(reached.with_errors, kMutants / 20);
  std::printf("mutants: %d undecodable, %d with rows, %d without errors, %d with rows and errors\n",
              reached.undecodable, reached.with_rows, reached.clean, reached.with_errors);
}

// A random string from pieces that the single-field parsers treat specially.
std::string RandomField(Rng& rng) {
  static const std::vector<std::string> kPieces = {
      "A", "a", "#", "0", "1", "2", "5", "9", "12", "2018", "1985", "31", "02", "29", "/", "-", ".",
      " ", "  ", ",", ";", "+", "00", "502", "+1", "(", ")", " y ", " o ", " or ", "\n", "\r", "\t",
      "de", "de la ", "del ", "viuda ", "vda. ", "San ", "María", "JOSÉ", "K'ICHE'", "López", "ñ",
      "Ñ", "\xC2\xA0", "\xCC\x81", "Guatemala", "GT", "E.S.", "unknown", "n/a", "ß", "İ", "ǅ",
      "\xF0\x9F\x98\x80", "\xC3", "\xA9", "\xFF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC0\xAF",
      "\xF8\x88\x80\x80\x80", std::string(1, '\0')};
  std::string s;
  for (std::size_t n = rng.Below(9); n > 0; --n) {
    if (rng.OneIn(8)) {
      s.push_back(static_cast<char>(rng.Below(256)));
    } else {
      s += kPieces[rng.Below(kPieces.size())];
    }
  }
  return s;
}

void CheckName(const PersonName& n, bool utf8_in) {
  if (!utf8_in) return;
  ExpectValidUtf8(n.as_recorded, "as_recorded");
  for (const auto& g : n.given_names) ExpectValidUtf8(g, "given name");
  ExpectValidUtf8(n.paternal_surname, "paternal surname");
  ExpectValidUtf8(n.maternal_surname, "maternal surname");
  ExpectValidUtf8(n.married_surname, "married surname");
}

void CheckFieldParsers(const std::string& a, const std::string& b) {
  SCOPED_TRACE(testing::PrintToString(a) + " / " + testing::PrintToString(b));
  const bool utf8 = IsValidUtf8(a) && IsValidUtf8(b);
  CheckName(ParseFullName(a), utf8);
  CheckName(ParseNameParts(a, b), utf8);
  if (utf8) ExpectValidUtf8(TitleCaseName(a), "TitleCaseName");
  ExpectValidUtf8(FoldForSearch(a), "FoldForSearch");  // drops invalid bytes
  for (DateOrder order : {DateOrder::kIso, DateOrder::kMonthDayYear, DateOrder::kDayMonthYear}) {
    if (auto d = ParseDate(a, order); d.ok()) {
      EXPECT_TRUE(DateOk(*d));
    } else if (utf8) {
      ExpectValidUtf8(d.status().message(), "ParseDate error");
    }
    if (auto bd = ParseBirthDate(a, order, "2018-07-26"); bd.ok()) {
      const Date& d = bd->date;
      switch (bd->precision) {
        case DatePrecision::kExact: EXPECT_TRUE(IsValidDate(d.year, d.month, d.day)); break;
        case DatePrecision::kYearOnly: EXPECT_TRUE(d.year >= 1900 && d.year <= 2018); break;
        case DatePrecision::kUnknown: EXPECT_TRUE(d.empty()); break;
      }
    }
    (void)ParseBirthDate(a, order, b);  // a malformed `today` is an error, not a crash
  }
  if (auto an = NormalizeANumber(a); an.ok()) {
    EXPECT_TRUE(an->empty() || IsNineDigits(*an)) << *an;
  } else if (utf8) {
    ExpectValidUtf8(an.status().message(), "NormalizeANumber error");
  }
  std::vector<std::string> why;
  const auto phones = NormalizePhones(a, b, &why);
  if (utf8) {
    for (const auto& p : phones) ExpectValidUtf8(p, "phone");
    for (const auto& w : why) ExpectValidUtf8(w, "phone warning");
  }
  if (auto c = NormalizeCountry(a); c.ok()) {
    EXPECT_TRUE(c->empty() || (c->size() == 2 && c->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") ==
                                                     std::string::npos)) << *c;
  }
  for (const PhoneItem& item : ReadPhoneCell(a, b).items) {
    EXPECT_TRUE(item.e164.empty() || (item.e164[0] == '+' && item.e164.size() >= 12)) << item.e164;
    if (utf8) ExpectValidUtf8(item.written, "phone as written");
  }
  for (CellKind kind : {CellKind::kText, CellKind::kName, CellKind::kIdentifier, CellKind::kPhone, CellKind::kDate})
    (void)PlaceholderReason(a, kind);
  if (utf8) ExpectValidUtf8(RemoveNamePlaceholders(a, true, nullptr), "RemoveNamePlaceholders");
  const BorderPlace place = ResolveBorderPlace(a);
  EXPECT_TRUE(place.sector.empty() || !BorderSectorName(place.sector).empty()) << place.sector;
  EXPECT_TRUE(place.station.empty() || !BorderPlaceName(place.station).empty()) << place.station;
  (void)ParseCustodyStatus(a);
  for (Encoding e : {Encoding::kAuto, Encoding::kUtf8, Encoding::kWindows1252}) {
    if (auto d = DecodeToUtf8(a, e, "f.csv"); d.ok()) {
      ExpectValidUtf8(d->text, "decoded text");
      if (e == Encoding::kUtf8 || (utf8 && e == Encoding::kAuto)) {
        EXPECT_EQ(d->detected, Encoding::kUtf8);
        EXPECT_EQ((d->had_bom ? "\xEF\xBB\xBF" : "") + d->text, a);
      }
    } else {
      EXPECT_NE(e, Encoding::kWindows1252);  // Windows-1252 decoding never fails
      ASSERT_TRUE(d.status().where().has_value());
      EXPECT_GE(d.status().where()->line, 1);
      EXPECT_GE(d.status().where()->column, 1);
    }
  }
}

TEST(RobustnessTest, RandomFieldsKeepTheParsersContracts) {
  Rng rng(1985);
  for (int i = 0; i < 20000; ++i) {
    CheckFieldParsers(RandomField(rng), RandomField(rng));
    if (::testing::Test::HasFailure()) FAIL() << "stopped at field " << i;
  }
}

}  // namespace
}  // namespace reunite
