// The court status report on a journal of 100,000 families: about 270,000
// people and 170,000 links written through CaseWriter into a temporary SQLite
// database, then a third of the adults changed (custody and location), as
// newer lists would. Measures BuildStatusReport (replaying the journal as of
// now, then counting the default tree) and reports the journal entries replayed
// and the process's peak memory. REUNITE_REPORT_BENCH_FAMILIES overrides the
// size (e.g. 10000 for a quick run).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "store/case_writer.h"
#include "store/database.h"
#include "workflow/report_replay.h"

namespace reunite {
namespace {

double PeakMiB() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  return 0;
}

const char* kCountries[] = {"GT", "HN", "SV"};
const char* kDepartments[] = {"GT-QC", "GT-HU", "GT-AV", "HN-CR", "HN-FM", "SV-SS", "SV-AH"};

Person MakePerson(bool child, long i) {
  Person p;
  p.role = child ? Role::kChild : Role::kAdult;
  p.name.given_names = {child ? "Ángel" : "María"};
  p.name.paternal_surname = "Xoc";
  p.nationality = kCountries[i % 3];
  if (child) {
    p.custody.status = CustodyStatus::kInCare;
    return p;
  }
  static const CustodyStatus kCustody[] = {CustodyStatus::kDetained, CustodyStatus::kReleased,
                                           CustodyStatus::kRemoved, CustodyStatus::kUnknown};
  p.custody.status = kCustody[i % 4];
  if (p.custody.status == CustodyStatus::kRemoved) p.custody.removal_country = p.nationality;
  if (p.custody.status != CustodyStatus::kDetained) {
    p.location.country = i % 4 == 1 ? "US" : p.nationality;
    p.location.department = i % 4 == 1 ? "" : kDepartments[i % 7];
  }
  return p;
}

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<Database> db;
  long families = 0;
};

// Children, then 1.7 adults per child on average (a mother, a father for 70%),
// linked; a third of the adults changed afterwards. One transaction.
Fixture& Data() {
  static Fixture f = [] {
    Fixture f;
    const char* env = std::getenv("REUNITE_REPORT_BENCH_FAMILIES");
    f.families = env ? std::atol(env) : 100000;
    char tmpl[] = "/tmp/reunite-report-bench-XXXXXX";
    f.dir = mkdtemp(tmpl);
    auto db = Database::Open((f.dir / "bench.db").string());
    if (!db.ok()) std::abort();
    f.db = std::move(db.value());
    FixedClock clock("2018-06-01T00:00:00.000Z");
    CaseWriter writer(*f.db, "bench", clock);
    soci::transaction tx(f.db->session());
    std::vector<Person> people;
    std::vector<std::string> reasons;
    std::vector<PersonId> children, adults;
    auto flush = [&](std::vector<PersonId>& into) {
      auto ids = writer.CreatePeople(people, reasons);
      if (!ids.ok()) std::abort();
      into.insert(into.end(), ids->begin(), ids->end());
      people.clear();
      reasons.clear();
    };
    for (long i = 0; i < f.families; ++i) {
      people.push_back(MakePerson(true, i));
      reasons.push_back("ORR list");
      if (people.size() == 2000) flush(children);
    }
    flush(children);
    for (long i = 0; i < f.families * 17 / 10; ++i) {
      people.push_back(MakePerson(false, i));
      reasons.push_back("ICE list");
      if (people.size() == 2000) flush(adults);
    }
    flush(adults);
    size_t a = 0;
    for (long i = 0; i < f.families && a < adults.size(); ++i) {
      const int parents = i % 10 < 7 ? 2 : 1;
      for (int k = 0; k < parents && a < adults.size(); ++k, ++a)
        if (!writer.AddFamilyLink({0, children[i], adults[a], k ? Relationship::kFather : Relationship::kMother,
                                   Verification::kClaimed}, "review").ok())
          std::abort();
    }
    for (size_t i = 0; i < adults.size(); i += 3) {
      Person p = MakePerson(false, static_cast<long>(i) + 2);  // another custody and place
      p.id = adults[i];
      if (!writer.UpdatePerson(p, "newer ICE list").ok()) std::abort();
    }
    tx.commit();
    static std::filesystem::path dir = f.dir;
    std::atexit([] { std::filesystem::remove_all(dir); });
    return f;
  }();
  return f;
}

void BM_StatusReport(benchmark::State& state) {
  Fixture& f = Data();
  auto tree = report::DefaultCategoryTree();
  const double before = PeakMiB();
  long entries = 0, children = 0;
  for (auto _ : state) {
    auto r = report::BuildStatusReport(*f.db, "2018-12-31T23:59:59.999Z", *tree);
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
    entries = r->journal_entries;
    children = r->nodes.front().count;
  }
  state.counters["families"] = static_cast<double>(f.families);
  state.counters["journal_entries"] = static_cast<double>(entries);
  state.counters["children_counted"] = static_cast<double>(children);
  state.counters["peak_MiB_before"] = before;
  state.counters["peak_MiB_after"] = PeakMiB();
}
BENCHMARK(BM_StatusReport)->Unit(benchmark::kSecond)->Iterations(3);

}  // namespace
}  // namespace reunite
