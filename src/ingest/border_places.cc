#include "ingest/border_places.h"

#include <algorithm>
#include <set>

#include "ingest/border_gazetteer.h"
#include "ingest/edit_distance.h"
#include "ingest/known_words.h"

namespace reunite {

namespace {

using namespace border_internal;  // NOLINT: the resolver reads the gazetteer's types throughout

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
