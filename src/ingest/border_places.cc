#include "ingest/border_places.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"
#include "ingest/edit_distance.h"
#include "ingest/fold.h"
#include "ingest/known_words.h"

namespace reunite {

namespace {

// ---- Words -----------------------------------------------------------------

// How a key of the lexicon was reached from an entry.
enum class Via { kName, kCity, kCode };

struct Ref {
  int entry;
  Via via;
};

// Words that are not places: what kind of place the next or previous name is, a
// state or country, or filler.
enum class Word { kNone, kFiller, kStation, kSector, kPort, kFacility, kState };

struct Lex {
  std::vector<Ref> refs;   // places this key names
  Word word = Word::kNone;
  std::string state;       // for kState: "CA", "AZ", "NM", "TX", "US" (any US state), "MX"
};

struct Entry {
  BorderGazetteerEntry row;
  bool area = false;                 // a Mexican border city: gives its sector only
  std::set<std::string> states;      // from the state column
  std::string city_key;
};

struct Gazetteer {
  std::vector<Entry> entries;
  std::vector<BorderGazetteerEntry> rows;
  std::unordered_map<std::string, Lex> lexicon;  // key: the tokens of a name, concatenated
  std::vector<std::string> fuzzy_keys;           // place keys of 5 letters or more
  std::size_t max_tokens = 1;                    // the longest key, in tokens
  std::map<std::string, std::string, std::less<>> sector_names;  // code (and MAR) -> name
  std::map<std::string, std::string, std::less<>> place_names;   // id -> name
};

// Misspellings allowed in a place name of `length` letters: none below 7 (too many
// short names are a letter from another town: Clint/Flint, Pecos/Pesos), one from 7,
// two from 10.
int AllowedEdits(std::size_t length) { return length >= 10 ? 2 : length >= 7 ? 1 : 0; }

struct Token {
  std::string text;
  int segment = 0;  // separators (, / - ( ) ; : | &) start a new segment
};

std::string CanonicalToken(std::string t) {
  if (t == "ft") return "fort";
  if (t == "intl") return "international";
  if (t == "ctr") return "center";
  return t;
}

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

std::string KeyOf(std::string_view text, std::size_t* token_count = nullptr) {
  std::string key;
  std::vector<Token> tokens = Tokenize(text);
  for (const auto& t : tokens) key += t.text;
  if (token_count) *token_count = tokens.size();
  return key;
}

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

// ---- Resolution ------------------------------------------------------------

// A run of tokens naming places.
struct Mention {
  std::size_t first = 0, last = 0;  // token range, inclusive
  std::string key;                  // the lexicon key it matched
  std::string written;              // the tokens as written (folded), for `matched`
  bool fuzzy = false;
  std::vector<Ref> refs;
  Word qualifier = Word::kNone;
  // Resolution
  std::string sector;
  int specific = -1;
  bool sector_part = false;  // the sector of Border Patrol's "sector - station" notation
};

struct Outcome {
  bool ok = false;
  std::string sector;
  int specific = -1;
};

bool HasRefTo(const std::vector<Ref>& refs, int entry) {
  for (const Ref& r : refs)
    if (r.entry == entry) return true;
  return false;
}

// Sectors named by the refs (by any via).
std::set<std::string> SectorsOf(const Gazetteer& g, const std::vector<Ref>& refs) {
  std::set<std::string> s;
  for (const Ref& r : refs) s.insert(g.entries[r.entry].row.sector);
  return s;
}

Outcome ResolveMention(const Gazetteer& g, const Mention& m, const std::string& context_sector) {
  Outcome out;
  std::vector<Ref> refs = m.refs;
  if (!context_sector.empty() && !m.sector_part) {
    std::vector<Ref> kept;
    for (const Ref& r : refs)
      if (g.entries[r.entry].row.sector == context_sector) kept.push_back(r);
    refs = std::move(kept);
  }
  // A station code counts only beside its sector.
  std::erase_if(refs, [&](const Ref& r) {
    return r.via == Via::kCode && g.entries[r.entry].row.kind != BorderPlaceKind::kSector &&
           g.entries[r.entry].row.sector != context_sector;
  });
  const std::set<std::string> sectors = SectorsOf(g, refs);
  if (sectors.size() != 1) return out;  // nothing left, or names in several sectors
  out.ok = true;
  out.sector = *sectors.begin();
  auto kind = [&](const Ref& r) { return g.entries[r.entry].row.kind; };
  auto area = [&](const Ref& r) { return g.entries[r.entry].area; };
  auto unique = [](std::vector<int> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  };
  if (m.qualifier == Word::kSector || m.sector_part) return out;
  if (m.qualifier == Word::kStation || m.qualifier == Word::kPort || m.qualifier == Word::kFacility) {
    const BorderPlaceKind wanted = m.qualifier == Word::kStation ? BorderPlaceKind::kStation
                                   : m.qualifier == Word::kPort  ? BorderPlaceKind::kPort
                                                                 : BorderPlaceKind::kFacility;
    std::vector<int> all, named;
    for (const Ref& r : refs) {
      if (kind(r) != wanted || area(r)) continue;
      all.push_back(r.entry);
      if (r.via != Via::kCity) named.push_back(r.entry);
    }
    all = unique(all);
    named = unique(named);
    // A processing facility must be named: "El Paso Processing Center" is ICE's, not
    // the Paso del Norte Processing Center in the same city.
    if (wanted == BorderPlaceKind::kFacility) all = named;
    if (all.size() == 1) out.specific = all[0];
    else if (named.size() == 1) out.specific = named[0];
    return out;
  }
  bool sector_named = false;
  std::vector<int> named, hosted, named_stations;
  for (const Ref& r : refs) {
    if (kind(r) == BorderPlaceKind::kSector) {
      sector_named = true;
    } else if (area(r)) {
      continue;
    } else if (r.via != Via::kCity) {
      named.push_back(r.entry);
      if (kind(r) == BorderPlaceKind::kStation) named_stations.push_back(r.entry);
    } else if (kind(r) == BorderPlaceKind::kStation || kind(r) == BorderPlaceKind::kPort) {
      hosted.push_back(r.entry);
    }
  }
  named_stations = unique(named_stations);
  if (!context_sector.empty() && named_stations.size() == 1) {
    out.specific = named_stations[0];
    return out;
  }
  if (sector_named) return out;
  std::vector<int> specifics = named;
  specifics.insert(specifics.end(), hosted.begin(), hosted.end());
  specifics = unique(specifics);
  if (specifics.size() == 1) out.specific = specifics[0];
  return out;
}

// Attaches each station/sector/port/facility word to a name: the nearest one before it
// in its segment without such a word yet, else after it in its segment, else anywhere.
void AttachQualifiers(std::vector<Mention>& mentions, const std::vector<std::pair<std::size_t, Word>>& qualifiers,
                      const std::vector<Token>& tokens) {
  auto segment_of = [&](const Mention& m, int seg) {
    return tokens[m.first].segment == seg || tokens[m.last].segment == seg;
  };
  for (const auto& [pos, word] : qualifiers) {
    const int seg = tokens[pos].segment;
    Mention* chosen = nullptr;
    for (int pass = 0; pass < 4 && !chosen; ++pass) {
      const bool same_segment = pass < 2, before = pass % 2 == 0;
      if (before) {
        for (auto it = mentions.rbegin(); it != mentions.rend(); ++it) {
          if (it->last >= pos || it->qualifier != Word::kNone) continue;
          if (same_segment && !segment_of(*it, seg)) continue;
          chosen = &*it;
          break;
        }
      } else {
        for (auto& m : mentions) {
          if (m.first <= pos || m.qualifier != Word::kNone) continue;
          if (same_segment && !segment_of(m, seg)) continue;
          chosen = &m;
          break;
        }
      }
    }
    if (chosen) chosen->qualifier = word;
  }
}

std::string ViaText(const Gazetteer& g, const Ref& r, const Mention& m) {
  const Entry& e = g.entries[r.entry];
  std::string what = e.row.kind == BorderPlaceKind::kSector ? "sector"
                     : e.area                                ? "border city"
                                                             : std::string(ToString(e.row.kind));
  if (r.via == Via::kCode) what += " code";
  if (r.via == Via::kCity) what = "city of " + what;
  return m.written + (m.fuzzy ? " ~ " : " = ") + what + " " + e.row.name;
}

BorderPlace Resolve(std::string_view text) {
  const Gazetteer& g = Tables();
  BorderPlace none;
  const std::vector<Token> tokens = Tokenize(text);
  if (tokens.empty()) return none;
  std::vector<Mention> mentions;
  std::vector<std::pair<std::size_t, Word>> qualifiers;
  std::set<std::string> states;
  auto join = [&](std::size_t a, std::size_t b) {
    std::string s;
    for (std::size_t k = a; k <= b; ++k) s += (k > a ? " " : "") + tokens[k].text;
    return s;
  };
  auto is_number = [&](std::size_t k) {
    return tokens[k].text.find_first_not_of("0123456789") == std::string::npos;
  };
  // The longest run of tokens from i that the lexicon knows: its last token, or npos.
  auto exact_at = [&](std::size_t i, const Lex** lex, std::string* matched_key) {
    std::size_t end = std::string::npos;
    std::string key;
    for (std::size_t j = i; j < tokens.size() && j < i + g.max_tokens; ++j) {
      key += tokens[j].text;
      auto it = g.lexicon.find(key);
      if (it != g.lexicon.end()) {
        if (lex) *lex = &it->second;
        if (matched_key) *matched_key = key;
        end = j;
      }
    }
    return end;
  };
  // A misspelt name: the place key closest to a run of tokens from i that ends at
  // min_end or later, if only one is that close. Returns its last token, or npos.
  auto fuzzy_at = [&](std::size_t i, std::size_t min_end, std::string* found) {
    int best_d = 99;
    std::size_t fuzzy_end = std::string::npos;
    bool tie = false;
    std::string key;
    for (std::size_t j = i; j < tokens.size() && j < i + g.max_tokens; ++j) {
      key += tokens[j].text;
      // A name or home place the tables know is not a misspelt station.
      if (j < min_end || key.size() < 5 || IsKnownOtherWord(key)) continue;
      for (const std::string& candidate : g.fuzzy_keys) {
        const int allowed = AllowedEdits(candidate.size());
        const int d = BoundedEditDistance(key, candidate, allowed);
        if (d > allowed) continue;
        if (d < best_d) {
          best_d = d;
          *found = candidate;
          fuzzy_end = j;
          tie = false;
        } else if (d == best_d && candidate != *found) {
          // Two names this close: unless they name the same places, refuse.
          const auto& a = g.lexicon.at(candidate).refs;
          const auto& b = g.lexicon.at(*found).refs;
          bool same = a.size() == b.size();
          for (std::size_t k = 0; same && k < a.size(); ++k) same = HasRefTo(b, a[k].entry);
          if (!same) tie = true;
        } else if (d == best_d) {
          fuzzy_end = j;  // the same name over more tokens
        }
      }
    }
    return tie ? std::string::npos : fuzzy_end;
  };
  auto add_mention = [&](std::size_t first, std::size_t last, const std::string& key, bool fuzzy) {
    Mention m;
    m.first = first;
    m.last = last;
    m.key = key;
    m.written = join(first, last);
    m.fuzzy = fuzzy;
    m.refs = g.lexicon.at(key).refs;
    mentions.push_back(std::move(m));
  };
  for (std::size_t i = 0; i < tokens.size();) {
    const Lex* lex = nullptr;
    std::string key;
    const std::size_t end = exact_at(i, &lex, &key);
    if (end != std::string::npos) {
      // "Laredo Nort Station": "Laredo" is known, but "Laredo Nort" is a misspelt "Laredo North".
      const std::size_t next = end + 1;
      if (next < tokens.size() && !is_number(next) && exact_at(next, nullptr, nullptr) == std::string::npos) {
        std::string fuzzy_key;
        const std::size_t fuzzy_end = fuzzy_at(i, next, &fuzzy_key);
        if (fuzzy_end != std::string::npos) {
          add_mention(i, fuzzy_end, fuzzy_key, true);
          i = fuzzy_end + 1;
          continue;
        }
      }
      if (!lex->refs.empty()) {
        add_mention(i, end, key, false);
      } else if (lex->word == Word::kState) {
        states.insert(lex->state);
      } else if (lex->word != Word::kFiller) {
        qualifiers.emplace_back(i, lex->word);
      }
      i = end + 1;
      continue;
    }
    if (is_number(i)) {  // "San Luis 2", a zip code
      ++i;
      continue;
    }
    std::string fuzzy_key;
    const std::size_t fuzzy_end = fuzzy_at(i, i, &fuzzy_key);
    if (fuzzy_end == std::string::npos) return none;  // a word the gazetteer does not know
    add_mention(i, fuzzy_end, fuzzy_key, true);
    i = fuzzy_end + 1;
  }
  if (mentions.empty()) return none;
  // A state, "USA" or "Mexico" written beside a name keeps only the places there.
  for (const std::string& state : states) {
    for (Mention& m : mentions) {
      std::erase_if(m.refs, [&](const Ref& r) {
        const Entry& e = g.entries[r.entry];
        if (state == "US") return e.area;
        if (state == "MX") return !e.area;
        return !e.states.count(state);
      });
      if (m.refs.empty()) return none;
    }
  }
  AttachQualifiers(mentions, qualifiers, tokens);
  // The sector part of "SDC - Chula Vista", "El Paso Sector - Ysleta", "Tucson - Nogales".
  std::string context;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    Mention& m = mentions[k];
    bool by_code = false, by_name = false;
    std::string sector;
    for (const Ref& r : m.refs) {
      const Entry& e = g.entries[r.entry];
      if (e.row.kind != BorderPlaceKind::kSector) continue;
      (r.via == Via::kCode ? by_code : by_name) = true;
      sector = e.row.sector;
    }
    if (sector.empty()) continue;
    if (by_code || m.qualifier == Word::kSector ||
        (k == 0 && mentions.size() > 1 && m.qualifier == Word::kNone && by_name)) {
      m.sector_part = true;
      if (context.empty()) context = sector;
      else if (context != sector) return none;
    }
  }
  std::string sector;
  for (Mention& m : mentions) {
    Outcome o = ResolveMention(g, m, context);
    if (!o.ok) return none;
    if (!sector.empty() && sector != o.sector) return none;  // parts in different sectors
    sector = o.sector;
    m.sector = o.sector;
    m.specific = o.specific;
  }
  // A name that is the city of another part's place supports it ("Fort Brown Station,
  // Brownsville"; "Central Processing Center (Ursula), McAllen").
  for (Mention& m : mentions) {
    if (m.specific < 0) continue;
    for (const Mention& other : mentions) {
      if (&other != &m && other.specific >= 0 && other.specific != m.specific &&
          g.entries[other.specific].city_key == m.key) {
        m.specific = -1;
        break;
      }
    }
  }
  std::set<int> specifics;
  for (const Mention& m : mentions)
    if (m.specific >= 0) specifics.insert(m.specific);
  BorderPlace out;
  out.sector = sector;
  out.kind = BorderPlaceKind::kSector;
  if (specifics.size() == 1) {
    const Entry& e = g.entries[*specifics.begin()];
    out.station = e.row.id;
    out.kind = e.row.kind;
    out.port_of_entry = e.row.kind == BorderPlaceKind::kPort;
  }
  for (const Mention& m : mentions) {
    // Describe the ref that decided this part.
    const Ref* shown = nullptr;
    for (const Ref& r : m.refs) {
      const Entry& e = g.entries[r.entry];
      if (m.specific >= 0 ? r.entry == m.specific
                          : e.row.kind == BorderPlaceKind::kSector && e.row.sector == m.sector) {
        if (!shown || (shown->via == Via::kCity && r.via != Via::kCity)) shown = &r;
      }
    }
    if (!out.matched.empty()) out.matched += "; ";
    if (shown) {
      out.matched += ViaText(g, *shown, m);
    } else {
      out.matched += m.written + (m.fuzzy ? " ~ " : " = ") + "sector " + g.sector_names.at(m.sector);
    }
  }
  return out;
}

}  // namespace

std::string_view ToString(BorderPlaceKind kind) {
  switch (kind) {
    case BorderPlaceKind::kNone: return "none";
    case BorderPlaceKind::kSector: return "sector";
    case BorderPlaceKind::kStation: return "station";
    case BorderPlaceKind::kPort: return "port";
    case BorderPlaceKind::kFacility: return "facility";
  }
  return "none";
}

BorderPlace ResolveBorderPlace(std::string_view text) {
  // Lists repeat the same few places on every row.
  thread_local std::unordered_map<std::string, BorderPlace> cache;
  std::string key(text);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  BorderPlace place = Resolve(text);
  if (cache.size() >= 4096) cache.clear();
  cache.emplace(std::move(key), place);
  return place;
}

std::string_view ToString(PlaceAgreement agreement) {
  switch (agreement) {
    case PlaceAgreement::kUnknown: return "unknown";
    case PlaceAgreement::kDifferentSector: return "different_sector";
    case PlaceAgreement::kSameSector: return "same_sector";
    case PlaceAgreement::kSameStation: return "same_station";
  }
  return "unknown";
}

PlaceAgreement ComparePlaces(const BorderPlace& a, const BorderPlace& b) {
  if (!a.resolved() || !b.resolved()) return PlaceAgreement::kUnknown;
  if (a.sector != b.sector) return PlaceAgreement::kDifferentSector;
  if (!a.station.empty() && a.station == b.station) return PlaceAgreement::kSameStation;
  return PlaceAgreement::kSameSector;
}

std::string BorderSectorName(std::string_view code) {
  const auto& names = Tables().sector_names;
  auto it = names.find(code);
  return it == names.end() ? "" : it->second;
}

std::string BorderPlaceName(std::string_view id) {
  const auto& names = Tables().place_names;
  auto it = names.find(id);
  return it == names.end() ? "" : it->second;
}

const std::vector<BorderGazetteerEntry>& BorderGazetteer() { return Tables().rows; }

}  // namespace reunite
