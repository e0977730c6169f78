// Fuzzy person search over about 1,000,000 people (target: p99 under 20 ms).
// The people are `reunite synth --families 430000` lists read as an import reads
// them; the queries are noisy retellings of sampled people's names (typos, spelling
// by ear, dropped accents, capitals, nicknames, swapped or missing surnames, the
// "SURNAMES, GIVEN" form, sometimes a birth date or year and a country), as a
// caseworker would type them. Reports latency percentiles, how often the sampled
// record is in the top 1 / 3 / 10 (it can lose to another record of the same name:
// a query of given name and one surname often fits dozens), the index build time
// and memory. Latency is wall time of one thread's searches, after a first
// untimed search that sizes the thread's scratch memory.
// REUNITE_SEARCH_BENCH_FAMILIES overrides the size (e.g. 20000 for a quick run).
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/agency_list.h"
#include "match/person_search.h"
#include "synth/name_pool.h"
#include "synth/noise.h"
#include "synth/synth.h"

namespace reunite {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// "VmHWM" (peak) or "VmRSS" (current) of this process, in MiB.
double MemoryMiB(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::atof(line.c_str() + std::string(field).size() + 1) / 1024.0;
  }
  return 0;
}

// Bytes malloc has handed out and not had back: small blocks plus mmapped ones.
double HeapInUseMiB() {
  const struct mallinfo2 m = mallinfo2();
  return static_cast<double>(m.uordblks + m.hblkhd) / (1 << 20);
}

struct Corpus {
  match::PersonSearchIndex index;
  std::vector<Person> sample;  // people to retell as queries
  double synth_s = 0, parse_s = 0, build_s = 0;
  double rss_before_mib = 0, rss_after_mib = 0, peak_mib = 0;
  double heap_before_mib = 0, heap_after_mib = 0;  // malloc'd bytes in use
  std::string error;
};

// Reads one list into the index (ids continue from *next_id), keeping every
// `every`-th person as a query source.
void AddList(const std::string& path, Role role, long every, PersonId* next_id, Corpus& c) {
  auto start = Clock::now();
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  ListOptions options;
  options.role = role;
  options.file_name = path;
  options.date_order = DateOrder::kIso;
  AgencyList list = ReadAgencyList(bytes.str(), options);
  c.parse_s += Seconds(start);
  start = Clock::now();
  for (auto& row : list.rows) {
    row.person.id = (*next_id)++;
    if (!c.index.Add(row.person).ok()) c.error = "add failed";
    if (row.person.id % every == 0) c.sample.push_back(row.person);
  }
  c.build_s += Seconds(start);
}

Corpus* BuildCorpus() {
  auto* c = new Corpus;
  const char* env = std::getenv("REUNITE_SEARCH_BENCH_FAMILIES");
  SynthOptions options;
  options.families = env ? std::atol(env) : 430000;
  options.seed = 1;
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("reunite-search-bench-" + std::to_string(getpid()))).string();
  auto start = Clock::now();
  auto written = WriteSyntheticLists(options, dir);
  c->synth_s = Seconds(start);
  if (!written.ok()) {
    c->error = written.status().ToString();
    return c;
  }
  c->rss_before_mib = MemoryMiB("VmRSS:");
  c->heap_before_mib = HeapInUseMiB();
  const long people = written->children + written->adult_records;
  c->index.Reserve(static_cast<std::size_t>(people));
  PersonId next_id = 1;
  const long every = std::max(1L, people / 5000);
  AddList(dir + "/children.csv", Role::kChild, every, &next_id, *c);
  AddList(dir + "/adults.csv", Role::kAdult, every, &next_id, *c);
  std::filesystem::remove_all(dir);
  malloc_trim(0);
  c->rss_after_mib = MemoryMiB("VmRSS:");
  c->heap_after_mib = HeapInUseMiB();
  c->peak_mib = MemoryMiB("VmHWM:");
  return c;
}

const Corpus& GetCorpus() {
  static const Corpus* corpus = BuildCorpus();
  return *corpus;
}

std::string Noisy(const std::string& token, const synth::NamePool* pool, bool given, Rng& rng) {
  std::string t = token;
  if (given && pool && rng.Chance(0.15)) {
    const auto& nicks = pool->Nicknames(t);
    if (!nicks.empty()) return rng.Choose(nicks);
  }
  if (rng.Chance(0.25)) t = synth::Typo(t, rng);
  if (rng.Chance(0.25)) t = synth::Phonetic(t, rng);
  return t;
}

// A caseworker's retelling of a person's name, birth date and country.
match::SearchQuery Retell(const Person& p, const synth::NamePool* pool, Rng& rng) {
  std::string given;
  for (std::size_t i = 0; i < p.name.given_names.size() && (i == 0 || rng.Chance(0.4)); ++i) {
    if (!given.empty()) given.push_back(' ');
    given.append(Noisy(p.name.given_names[i], pool, true, rng));
  }
  std::string pat = Noisy(p.name.paternal_surname, pool, false, rng);
  std::string mat;
  if (!p.name.maternal_surname.empty() && !rng.Chance(0.2)) mat = Noisy(p.name.maternal_surname, pool, false, rng);
  if (!mat.empty() && rng.Chance(0.1)) std::swap(pat, mat);
  std::string surnames = pat;
  if (!mat.empty()) surnames.append(" ").append(mat);
  match::SearchQuery q;
  const bool surnames_first = rng.Chance(0.3);
  q.name = surnames_first ? surnames : given;
  q.name.append(surnames_first ? ", " : " ").append(surnames_first ? given : surnames);
  if (rng.Chance(0.5)) q.name = synth::DropAccents(q.name);
  if (rng.Chance(0.3)) q.name = synth::AllCaps(q.name);
  const double dob = rng.Unit();
  if (p.birth.precision != DatePrecision::kUnknown && dob < 0.5) {
    q.birth = p.birth;
    if (dob < 0.3) q.birth = {{p.birth.date.year, 0, 0}, DatePrecision::kYearOnly, false};
  }
  if (!p.nationality.empty() && rng.Chance(0.3)) q.country = p.nationality;
  return q;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

void BM_PersonSearch1M(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  auto pool = synth::NamePool::Load();
  Rng rng(7);
  std::vector<match::SearchQuery> queries;
  for (const auto& p : c.sample) queries.push_back(Retell(p, pool.ok() ? &*pool : nullptr, rng));
  std::vector<double> ms;
  long top1 = 0, top3 = 0, top10 = 0;
  // A thread's first search sizes its scratch memory (a few MiB): not timed.
  if (!queries.empty()) benchmark::DoNotOptimize(c.index.Search(queries.front()));
  for (auto _ : state) {
    ms.clear();
    top1 = top3 = top10 = 0;
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto start = Clock::now();
      auto hits = c.index.Search(queries[i]);
      ms.push_back(Seconds(start) * 1000);
      if (!hits.ok()) continue;
      for (std::size_t r = 0; r < hits->size(); ++r) {
        if ((*hits)[r].id != c.sample[i].id) continue;
        top1 += r < 1, top3 += r < 3, top10 += r < 10;
      }
    }
  }
  const double n = static_cast<double>(std::max<std::size_t>(1, queries.size()));
  const match::SearchIndexMemory mem = c.index.Memory();
  state.counters["people"] = static_cast<double>(c.index.size());
  state.counters["queries"] = static_cast<double>(queries.size());
  state.counters["p50_ms"] = Percentile(ms, 0.50);
  state.counters["p95_ms"] = Percentile(ms, 0.95);
  state.counters["p99_ms"] = Percentile(ms, 0.99);
  state.counters["max_ms"] = Percentile(ms, 1.0);
  state.counters["top1"] = static_cast<double>(top1) / n;
  state.counters["top3"] = static_cast<double>(top3) / n;
  state.counters["top10"] = static_cast<double>(top10) / n;
  state.counters["build_s"] = c.build_s;
  state.counters["index_MiB"] = static_cast<double>(mem.total()) / (1 << 20);
  state.counters["heap_index_MiB"] = c.heap_after_mib - c.heap_before_mib;
  state.counters["rss_index_MiB"] = c.rss_after_mib - c.rss_before_mib;
  state.counters["peak_rss_MiB"] = c.peak_mib;
  std::printf("person search: %ld people (synth %.1f s, parse %.1f s), index built in %.1f s; index %.0f MiB "
              "of heap (its own estimate %.0f: people %.0f, postings %.0f); process RSS %.0f MiB after the build "
              "with the lists freed, peak %.0f MiB with the lists\n",
              static_cast<long>(c.index.size()), c.synth_s, c.parse_s, c.build_s, c.heap_after_mib - c.heap_before_mib,
              static_cast<double>(mem.total()) / (1 << 20), static_cast<double>(mem.people) / (1 << 20),
              static_cast<double>(mem.postings) / (1 << 20), c.rss_after_mib, c.peak_mib);
  std::printf("person search: %zu noisy queries: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms "
              "(target p99 < 20 ms); sampled record in top 1 %.1f%%, top 3 %.1f%%, top 10 %.1f%%\n",
              queries.size(), Percentile(ms, 0.5), Percentile(ms, 0.95), Percentile(ms, 0.99), Percentile(ms, 1.0),
              100.0 * static_cast<double>(top1) / n, 100.0 * static_cast<double>(top3) / n,
              100.0 * static_cast<double>(top10) / n);
}
BENCHMARK(BM_PersonSearch1M)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace reunite
