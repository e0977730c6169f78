// Scoring one candidate of the person search against the query, and explaining it.
//
// The name score is the mean quality of the query tokens' best one-to-one
// pairings with the person's name tokens (exact 1, nickname 0.92, phonetic 0.9,
// one-letter typo 0.85, phonetic keys one edit apart 0.78 (these two 0.75 and 0.7
// on names under 5 letters), similar spelling 0.7, initial 0.6, none 0), less
// small costs for name parts the query did not meet (first given name or paternal
// surname 0.10, maternal surname 0.04, further given names 0.02) and for swapped
// surnames (0.02). A date of birth in the query scales the score by 0.6 + 0.4 x
// (date agreement, 1 exact ... 0.3 different, 0.7 unknown), a country by 1 (same),
// 0.97 (unknown) or 0.85 (another).
#include <algorithm>
#include <cstdio>

#include "match/person_search_internal.h"
#include "match/strings.h"

namespace reunite::match::search {

namespace {

using Test = StringLevel::Test;

// Spelling ladders (CompareStrings); when none holds, Compare tries the phonetic
// keys one edit apart, then Jaro-Winkler.
const std::vector<StringLevel>& GivenLadder() {
  static const std::vector<StringLevel> levels = {{Test::kExact, 0, "exact"},
                                                  {Test::kNickname, 0, "nickname"},
                                                  {Test::kPhonetic, 0, "phonetic"},
                                                  {Test::kDamerauLevenshtein, 1, "typo"}};
  return levels;
}

const std::vector<StringLevel>& SurnameLadder() {
  static const std::vector<StringLevel> levels = {
      {Test::kExact, 0, "exact"}, {Test::kPhonetic, 0, "phonetic"}, {Test::kDamerauLevenshtein, 1, "typo"}};
  return levels;
}

constexpr double kSimilarJaroWinkler = 0.88;

// False when Jaro-Winkler cannot reach kSimilarJaroWinkler: Jaro's matching
// characters are at most the letters the two have in common (counted in 32
// buckets, which can only overcount), and the prefix bonus at most 0.4 (1 - Jaro).
// Most pairs of different names fail this, and it costs less than Jaro itself.
bool CanBeSimilar(std::string_view a, std::string_view b) {
  std::array<std::uint8_t, 32> count{};
  for (char c : a) ++count[static_cast<unsigned char>(c) & 31];
  std::size_t common = 0;
  for (char c : b) {
    std::uint8_t& n = count[static_cast<unsigned char>(c) & 31];
    if (n > 0) --n, ++common;
  }
  if (common == 0) return false;
  const double m = static_cast<double>(common);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + 1.0) / 3.0;
  return jaro + 0.4 * (1.0 - jaro) >= kSimilarJaroWinkler;
}

TokenMatch Compare(const PreparedString& q, const PreparedString& t, bool given) {
  if (q.folded.size() == 1 || t.folded.size() == 1)  // an initial: "J. Hernández"
    return q.folded[0] == t.folded[0] ? TokenMatch::kInitial : TokenMatch::kNone;
  static constexpr TokenMatch kGiven[] = {TokenMatch::kExact, TokenMatch::kNickname, TokenMatch::kPhonetic,
                                          TokenMatch::kTypo};
  static constexpr TokenMatch kSurname[] = {TokenMatch::kExact, TokenMatch::kPhonetic, TokenMatch::kTypo};
  const auto& ladder = given ? GivenLadder() : SurnameLadder();
  const int level = CompareStrings(q, t, ladder);
  if (level == kNull) return TokenMatch::kNone;
  if (level < static_cast<int>(ladder.size())) return given ? kGiven[level] : kSurname[level];
  if (q.phonetic.size() >= 3 && t.phonetic.size() >= 3 && DamerauLevenshtein(q.phonetic, t.phonetic, 1) <= 1)
    return TokenMatch::kSoundsClose;
  if (CanBeSimilar(q.folded, t.folded) && JaroWinkler(q.folded, t.folded) >= kSimilarJaroWinkler)
    return TokenMatch::kSimilar;
  return TokenMatch::kNone;
}

double Quality(TokenMatch how, std::size_t shorter) {
  switch (how) {
    case TokenMatch::kExact: return 1.0;
    case TokenMatch::kNickname: return 0.92;
    case TokenMatch::kPhonetic: return 0.9;
    case TokenMatch::kTypo: return shorter >= 5 ? 0.85 : 0.75;
    case TokenMatch::kSoundsClose: return shorter >= 5 ? 0.78 : 0.7;
    case TokenMatch::kSimilar: return 0.7;
    case TokenMatch::kInitial: return 0.6;
    case TokenMatch::kNone: return 0;
  }
  return 0;
}

struct Grid {
  std::size_t n = 0, m = 0;
  float quality[kMaxQueryTokens][kMaxNameTokens];
  TokenMatch how[kMaxQueryTokens][kMaxNameTokens];
};

// Every query token against every name token. With a comma the query says which
// side is which, so a pairing across sides counts for less.
void FillGrid(const PreparedQuery& q, const IndexedPerson& p, TokenMatchCache& cache, Grid& g) {
  g.n = std::min(q.tokens.size(), kMaxQueryTokens);
  g.m = std::min(p.size(), kMaxNameTokens);
  for (std::size_t j = 0; j < g.m; ++j) {
    const bool given = p.PartOf(j) == Part::kGiven;
    const TokenMatchCache::Row& row = cache.Get(p.tokens[j], given);
    for (std::size_t i = 0; i < g.n; ++i) {
      float quality = row[i].quality;
      if (q.comma && q.tokens[i].surname_side == given) quality *= 0.85f;
      g.how[i][j] = row[i].how;
      g.quality[i][j] = quality;
    }
  }
}

// Greedy one-to-one pairing, best quality first (ties: earlier query token, then
// earlier name token). Returns the sum of the paired qualities.
double Pair(const Grid& g, Assessment& a) {
  std::uint32_t query_used = 0, name_used = 0;
  double sum = 0;
  for (;;) {
    float best = 0;
    std::size_t bi = 0, bj = 0;
    for (std::size_t i = 0; i < g.n; ++i) {
      if (query_used >> i & 1) continue;
      for (std::size_t j = 0; j < g.m; ++j) {
        if (!(name_used >> j & 1) && g.quality[i][j] > best) best = g.quality[i][j], bi = i, bj = j;
      }
    }
    if (best <= 0) return sum;
    query_used |= 1u << bi;
    name_used |= 1u << bj;
    a.paired[bi] = static_cast<std::int8_t>(bj);
    a.how[bi] = g.how[bi][bj];
    sum += best;
  }
}

// The query token paired with name token j, or -1.
int QueryTokenOf(const Assessment& a, std::size_t n, std::size_t j) {
  for (std::size_t i = 0; i < n; ++i)
    if (a.paired[i] == static_cast<std::int8_t>(j)) return static_cast<int>(i);
  return -1;
}

// Costs of the name parts the query did not meet, and of swapped surnames.
double MissingPartsCost(const IndexedPerson& p, std::size_t n, Assessment& a) {
  double cost = 0;
  const std::size_t m = std::min(p.size(), kMaxNameTokens);
  const std::size_t paternal = p.given, maternal = std::size_t{p.given} + p.paternal;
  for (std::size_t j = 0; j < m; ++j) {
    if (QueryTokenOf(a, n, j) >= 0) continue;
    const Part part = p.PartOf(j);
    if (part == Part::kGiven) {
      cost += j == 0 ? 0.10 : 0.02;
      a.given_missing = a.given_missing || j == 0;
    } else if (part == Part::kPaternal) {
      cost += j == paternal ? 0.10 : 0.03;
      a.paternal_missing = a.paternal_missing || j == paternal;
    } else if (part == Part::kMaternal) {
      cost += j == maternal ? 0.04 : 0.02;
      a.maternal_missing = a.maternal_missing || j == maternal;
    }
  }
  if (p.paternal > 0 && p.maternal > 0) {
    const int pat = QueryTokenOf(a, n, paternal), mat = QueryTokenOf(a, n, maternal);
    a.surnames_swapped = pat >= 0 && mat >= 0 && mat < pat;
    if (a.surnames_swapped) cost += 0.02;
  }
  return cost;
}

double DateFactor(int level) {
  static constexpr double kByLevel[] = {1.0, 0.95, 0.9, 0.93, 0.8, 0.8, 0.55, 0.3};
  if (level == kNull) return 0.7;
  return kByLevel[std::clamp(level, 0, 7)];
}

}  // namespace

TokenMatchCache::TokenMatchCache(const PreparedQuery& query, const Vocabulary& vocabulary, Storage& storage)
    : query_(query), vocabulary_(vocabulary), storage_(storage) {
  if (storage_.row_of.size() < 2 * vocabulary_.size()) storage_.row_of.resize(2 * vocabulary_.size(), -1);
}

TokenMatchCache::~TokenMatchCache() {
  for (auto key : storage_.used) storage_.row_of[key] = -1;
  storage_.used.clear();
  storage_.rows.clear();
}

const TokenMatchCache::Row& TokenMatchCache::Get(std::uint32_t token, bool given) {
  const std::uint32_t key = token * 2 + (given ? 1 : 0);
  std::int32_t& row_index = storage_.row_of[key];
  if (row_index >= 0) return storage_.rows[static_cast<std::size_t>(row_index)];
  row_index = static_cast<std::int32_t>(storage_.rows.size());
  storage_.used.push_back(key);
  Row& row = storage_.rows.emplace_back();
  const PreparedString& name_token = vocabulary_[token];
  for (std::size_t i = 0; i < std::min(query_.tokens.size(), kMaxQueryTokens); ++i) {
    const PreparedString& q = query_.tokens[i].text;
    const TokenMatch how = Compare(q, name_token, given);
    row[i] = {how, static_cast<float>(Quality(how, std::min(q.folded.size(), name_token.folded.size())))};
  }
  return row;
}

Assessment Assess(const PreparedQuery& q, const IndexedPerson& p, TokenMatchCache& cache) {
  Assessment a;
  a.paired.fill(-1);
  a.how.fill(TokenMatch::kNone);
  Grid grid;
  FillGrid(q, p, cache, grid);
  const double paired = Pair(grid, a);
  double score = grid.n == 0 ? 0 : paired / static_cast<double>(grid.n);
  score = std::max(0.0, score - MissingPartsCost(p, grid.n, a));
  if (!q.birth.empty()) {
    a.date_level = CompareDates(q.birth, p.birth);
    score *= 0.6 + 0.4 * DateFactor(a.date_level);
  }
  if (q.country[0] != 0) {
    a.country = p.country[0] == 0 ? 1 : p.country == q.country ? 0 : 2;
    score *= a.country == 0 ? 1.0 : a.country == 1 ? 0.97 : 0.85;
  }
  a.score = std::clamp(score, 0.0, 1.0);
  return a;
}

namespace {

std::string DateText(const PreparedDate& d) {
  char buf[32];
  if (d.month == 0 || d.day == 0) {
    std::snprintf(buf, sizeof buf, "%d", d.year);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

std::string TokenNote(TokenMatch how, const std::string& typed, const std::string& recorded) {
  const std::string pair = " (" + typed + "=" + recorded + ")";
  switch (how) {
    case TokenMatch::kExact: return "";
    case TokenMatch::kNickname: return "given name nickname" + pair;
    case TokenMatch::kPhonetic: return "sounds alike" + pair;
    case TokenMatch::kTypo: return "one-letter typo" + pair;
    case TokenMatch::kSoundsClose: return "sounds close" + pair;
    case TokenMatch::kSimilar: return "similar spelling" + pair;
    case TokenMatch::kInitial: return "initial" + pair;
    case TokenMatch::kNone: return "'" + typed + "' not in the name";
  }
  return "";
}

std::string DateNote(const PreparedDate& asked, const PreparedDate& d, int level) {
  const std::string born = DateText(d);
  switch (level) {
    case kNull: return "date of birth unknown";
    case 0: return "born " + born;
    case 1: return "born " + born + " (1 January, maybe a default)";
    case 2: return "born " + born + " (day and month swapped)";
    case 3:
      if (d.month == 0) return "born " + born + " (year only)";
      if (d.january_first_default) return "born " + born + " (1 January, maybe a default)";
      return "born " + born;
    case 4: return "born " + born + " (a year apart)";
    case 5: return "born " + born + " (one digit differs)";
    case 6: return "born " + born + " (within 2 years)";
    default: return "born " + born + ", not " + DateText(asked);
  }
}

void AddNameNotes(const PreparedQuery& q, const std::vector<std::string>& recorded, const Assessment& a,
                  std::vector<std::string>& notes) {
  if (a.surnames_swapped) notes.push_back("surnames swapped");
  const std::size_t n = std::min(q.tokens.size(), kMaxQueryTokens);
  for (std::size_t i = 0; i < n; ++i) {
    const int j = a.paired[i];
    std::string note = TokenNote(a.how[i], q.tokens[i].as_typed, j >= 0 ? recorded[j] : "");
    if (!note.empty()) notes.push_back(std::move(note));
  }
  if (a.given_missing) notes.push_back("given name not in the query");
  if (a.paternal_missing) notes.push_back("paternal surname not in the query");
  if (a.maternal_missing) notes.push_back("maternal surname missing");
  if (notes.empty()) notes.push_back("same name");
}

}  // namespace

std::string Explain(const PreparedQuery& q, const IndexedPerson& p, const std::string& recorded,
                    const Vocabulary& v, const Assessment& a) {
  std::vector<std::string> notes;
  AddNameNotes(q, RecordedTokens(p, recorded, v), a, notes);
  if (!q.birth.empty()) notes.push_back(DateNote(q.birth, p.birth, a.date_level));
  if (a.country == 1) notes.push_back("country unknown");
  if (a.country == 2) notes.push_back(std::string("from ") + p.country[0] + p.country[1]);
  std::string out;
  for (const auto& note : notes) out += (out.empty() ? "" : "; ") + note;
  return out;
}

}  // namespace reunite::match::search
