#include "synth/data_table.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"
#include "synth/random.h"

namespace reunite::synth {

std::size_t WeightedIndex::Pick(Rng& rng) const {
  double x = rng.Unit() * total();
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
  if (it == cumulative_.end()) --it;
  return static_cast<std::size_t>(it - cumulative_.begin());
}

Result<DataTable> ParseDataTable(std::string_view text, const std::string& name) {
  DataTable table;
  CsvReader reader(text, name);
  CsvRecord record;
  while (reader.Next(&record)) {
    if (table.header.empty()) {
      table.header = std::move(record.fields);
      continue;
    }
    if (record.fields.size() != table.header.size())
      return Status::InvalidArgument(name + ":" + std::to_string(record.line) + ": expected " +
                                     std::to_string(table.header.size()) + " fields, found " +
                                     std::to_string(record.fields.size()));
    table.rows.push_back(std::move(record.fields));
  }
  if (!reader.status().ok()) return reader.status();
  if (table.header.empty()) return Status::InvalidArgument(name + ": no header row");
  return table;
}

Result<DataTable> LoadDataTable(const std::string& path, const std::vector<std::string>& columns) {
  std::optional<std::string_view> text = EmbeddedFile(path);
  if (!text) return Status::NotFound("data file not embedded: " + path);
  Result<DataTable> table = ParseDataTable(*text, path);
  if (!table.ok()) return table;
  if (table->header != columns) return Status::InvalidArgument(path + ": unexpected header");
  return table;
}

Result<double> ParseWeight(const std::string& text, const std::string& where) {
  char* end = nullptr;
  double w = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(w) || w <= 0)
    return Status::InvalidArgument(where + ": weight must be a positive number, got '" + text + "'");
  return w;
}

}  // namespace reunite::synth
