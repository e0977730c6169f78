// Parses the small CSV data files embedded from data/ (names, places) into rows of
// strings, with the project's one CSV reader (ingest/csv_reader.h).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace reunite::synth {

struct DataTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // every row has header.size() fields
};

// Parses RFC 4180 text; the first record is the header. Returns InvalidArgument
// naming `name` and the line when the reader refuses the text (bad quoting) or a
// row's field count differs from the header's.
Result<DataTable> ParseDataTable(std::string_view text, const std::string& name);

// Looks up data/<path> among the embedded files and parses it. Also requires the
// header to equal `columns` exactly. NotFound when the file was not embedded.
Result<DataTable> LoadDataTable(const std::string& path, const std::vector<std::string>& columns);

// Parses a positive finite weight; InvalidArgument otherwise.
Result<double> ParseWeight(const std::string& text, const std::string& where);

}  // namespace reunite::synth
