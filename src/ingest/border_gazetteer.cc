#include "ingest/border_gazetteer.h"

#include <algorithm>

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"
#include "ingest/fold.h"
#include "ingest/known_words.h"

namespace reunite::border_internal {

int AllowedEdits(std::size_t length) { return length >= 10 ? 2 : length >= 7 ? 1 : 0; }

namespace {

std::string CanonicalToken(std::string t) {
  if (t == "ft") return "fort";
  if (t == "intl") return "international";
  if (t == "ctr") return "center";
  return t;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  const std::string folded = FoldForSearch(text);
  std::string cur;
  int segment = 0;
  auto flush = [&] {
    if (!cur.empty()) tokens.push_back({CanonicalToken(std::move(cur)), segment});
    cur.clear();
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      // Punctuation outside ASCII separates; any other character (a letter of another
      // script) is part of a word, so that the word stays unknown.
      bool punctuation = false;
      for (std::string_view p : {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xA0", "\xC2\xBF", "\xC2\xA1", "\xC2\xAB",
                                 "\xC2\xBB", "\xC2\xB0", "\xC2\xBA", "\xC2\xAA", "\xC2\xB7", "\xE2\x80\xA6",
                                 "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
        if (folded.compare(i, p.size(), p) == 0) {
          punctuation = true;
          flush();
          if (p == "\xE2\x80\x93" || p == "\xE2\x80\x94") ++segment;  // en and em dashes
          i += p.size() - 1;
          break;
        }
      }
      if (!punctuation) cur.push_back(c);
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      cur.push_back(c);
    } else if (c == '\'' || c == '`') {
      // "O'Brien": an apostrophe joins
    } else {
      flush();
      if (std::string_view(",/-();:|&+\n\t").find(c) != std::string_view::npos) ++segment;
    }
  }
  flush();
  return tokens;
}

std::string KeyOf(std::string_view text, std::size_t* token_count) {
  std::string key;
  std::vector<Token> tokens = Tokenize(text);
  for (const auto& t : tokens) key += t.text;
  if (token_count) *token_count = tokens.size();
  return key;
}

namespace {

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t semi = s.find(';', start);
    if (semi == std::string::npos) semi = s.size();
    std::string part = s.substr(start, semi - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    start = semi + 1;
  }
  return out;
}

void AddWords(Gazetteer& g) {
  auto add = [&](Word w, std::initializer_list<const char*> words, const char* state = "") {
    for (const char* text : words) {
      std::size_t n = 0;
      Lex& lex = g.lexicon[KeyOf(text, &n)];
      lex.word = w;
      lex.state = state;
      g.max_tokens = std::max(g.max_tokens, n);
    }
  };
  add(Word::kStation, {"station", "stn", "sta", "stat", "estacion", "bp station", "border patrol station"});
  add(Word::kSector, {"sector"});
  add(Word::kPort, {"port", "poe", "lpoe", "entry", "port of entry", "puerto", "entrada", "puerto de entrada",
                    "garita", "crossing", "bridge", "puente", "international", "internacional", "ofo"});
  add(Word::kFacility, {"cpc", "processing", "procesamiento", "center", "centre", "centro", "facility",
                        "central", "coordination"});
  add(Word::kFiller, {"border", "patrol", "usbp", "bp", "cbp", "dhs", "patrulla", "fronteriza", "the", "of", "de",
                      "del", "la", "at", "in", "en", "near", "cerca", "area", "county", "condado", "city", "ciudad",
                      "and", "y", "aor"});
  add(Word::kState, {"ca", "calif", "california"}, "CA");
  add(Word::kState, {"az", "ariz", "arizona"}, "AZ");
  add(Word::kState, {"nm", "n mex", "new mexico", "nuevo mexico"}, "NM");
  add(Word::kState, {"tx", "tex", "texas"}, "TX");
  add(Word::kState, {"us", "usa", "u s a", "united states", "eeuu", "ee uu", "estados unidos", "eua"}, "US");
  add(Word::kState, {"mexico", "mx", "mex", "bc", "baja california", "son", "sonora", "chih", "chihuahua", "coah",
                     "coahuila", "tamps", "tamaulipas"},
      "MX");
}

BorderPlaceKind KindOf(const std::string& kind) {
  if (kind == "sector") return BorderPlaceKind::kSector;
  if (kind == "station") return BorderPlaceKind::kStation;
  if (kind == "port") return BorderPlaceKind::kPort;
  if (kind == "facility") return BorderPlaceKind::kFacility;
  return BorderPlaceKind::kNone;  // "area"
}

}  // namespace

const Gazetteer& Tables() {
  static const Gazetteer kGazetteer = [] {
    Gazetteer g;
    AddWords(g);
    auto text = EmbeddedFile("places/border_patrol.csv");
    if (!text) return g;
    CsvReader reader(*text, "places/border_patrol.csv");
    CsvRecord header, record;
    if (!reader.Next(&header)) return g;
    auto column = [&](std::string_view name) {
      auto it = std::find(header.fields.begin(), header.fields.end(), name);
      return static_cast<std::size_t>(it - header.fields.begin());
    };
    const std::size_t kind = column("kind"), id = column("id"), sector = column("sector"), name = column("name"),
                      city = column("city"), state = column("state"), codes = column("codes"),
                      aliases = column("aliases");
    while (reader.Next(&record)) {
      auto field = [&](std::size_t i) { return i < record.fields.size() ? record.fields[i] : std::string(); };
      Entry e;
      e.row.kind = KindOf(field(kind));
      e.area = field(kind) == "area";
      e.row.id = field(id);
      e.row.sector = field(sector);
      e.row.name = field(name);
      e.row.city = field(city);
      e.row.state = field(state);
      e.row.codes = SplitList(field(codes));
      e.row.aliases = SplitList(field(aliases));
      for (auto& s : SplitList(e.row.state)) e.states.insert(s);
      e.city_key = KeyOf(e.row.city);
      g.entries.push_back(std::move(e));
    }
    for (int i = 0; i < static_cast<int>(g.entries.size()); ++i) {
      const Entry& e = g.entries[i];
      auto add = [&](const std::string& text, Via via) {
        std::size_t n = 0;
        std::string key = KeyOf(text, &n);
        if (key.empty()) return;
        Lex& lex = g.lexicon[key];
        for (const Ref& r : lex.refs)
          if (r.entry == i && r.via == via) return;
        lex.refs.push_back({i, via});
        g.max_tokens = std::max(g.max_tokens, n);
      };
      add(e.row.name, Via::kName);
      for (const auto& a : e.row.aliases) add(a, Via::kName);
      for (const auto& c : e.row.codes) add(c, Via::kCode);
      if (!e.row.city.empty() && e.row.kind != BorderPlaceKind::kSector) add(e.row.city, Via::kCity);
      g.rows.push_back(e.row);
      if (e.row.kind == BorderPlaceKind::kSector) {
        for (const auto& c : e.row.codes) g.sector_names[c] = e.row.name;
      } else if (!e.area) {
        g.place_names[e.row.id] = e.row.name;
      }
    }
    for (const auto& [key, lex] : g.lexicon) {
      bool by_name = false;
      for (const Ref& r : lex.refs) by_name |= r.via != Via::kCode;
      if (by_name && AllowedEdits(key.size()) > 0) g.fuzzy_keys.push_back(key);
    }
    std::sort(g.fuzzy_keys.begin(), g.fuzzy_keys.end());
    return g;
  }();
  return kGazetteer;
}

}  // namespace reunite::border_internal
