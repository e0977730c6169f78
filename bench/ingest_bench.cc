// Micro-benchmarks of the ingest path: CSV reading, name parsing, whole-list parsing.
#include <benchmark/benchmark.h>

#include <string>

#include "ingest/agency_list.h"
#include "ingest/csv_reader.h"
#include "ingest/name_parser.h"

namespace reunite {
namespace {

std::string MakeList(int rows) {
  std::string text =
      "record_id,given_names,surnames,sex,date_of_birth,country,a_number,phones,language,"
      "apprehension_date,apprehension_place,location,status,removal_date,reported_relatives\n";
  for (int i = 0; i < rows; ++i) {
    text += "ICE-" + std::to_string(1000000 + i) +
            ",José Luis,Hernández López,M,1985-06-21,Guatemala,A" + std::to_string(100000000 + i) +
            ",\"+502 5555-1234; 956-555-0101\",K'iche',2018-05-30,Yuma Station,"
            "\"Aldea Chuicacá, Momostenango, Totonicapán\",removed,2018-07-02,\"hijo: Kevin, 6 años\"\n";
  }
  return text;
}

void BM_CsvReader(benchmark::State& state) {
  std::string text = MakeList(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    CsvReader reader(text, "bench.csv");
    CsvRecord rec;
    long n = 0;
    while (reader.Next(&rec)) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(text.size()));
}
BENCHMARK(BM_CsvReader)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_ParseFullName(benchmark::State& state) {
  const char* names[] = {"VALIENTE VELAZQUEZ, JUAN", "María José de la Cruz López", "Juan Pop Caal",
                         "Rosa María López de García"};
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(ParseFullName(names[i++ % 4]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseFullName);

void BM_ReadAgencyList(benchmark::State& state) {
  std::string text = MakeList(static_cast<int>(state.range(0)));
  ListOptions opt;
  opt.file_name = "bench.csv";
  opt.today = "2018-07-26";
  for (auto _ : state) benchmark::DoNotOptimize(ReadAgencyList(text, opt).rows.size());
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ReadAgencyList)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace reunite

BENCHMARK_MAIN();
