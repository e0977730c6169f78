// libFuzzer target: CsvReader on any bytes, with the options chosen by the last byte
// (which stays part of the text, so seed files are read whole).
// Checks the contracts of csv_reader.h: records in order, columns from 1, raw text
// inside the input, every error located, nothing read after an error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "ingest/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  reunite::CsvOptions options;
  options.delimiter = (data[size - 1] & 1) ? ';' : ',';
  options.trim_leading_space = (data[size - 1] & 2) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const long lines = reunite::fuzz::CountLines(text);
  reunite::CsvReader reader(text, "fuzz.csv", options);
  reunite::CsvRecord record;
  long last_end = 0;
  while (reader.Next(&record)) {
    FUZZ_CHECK(record.line > last_end);
    FUZZ_CHECK(record.line <= record.end_line && record.end_line <= lines);
    FUZZ_CHECK(!record.fields.empty() && record.fields.size() == record.columns.size());
    for (int column : record.columns) FUZZ_CHECK(column >= 1);
    FUZZ_CHECK(record.raw.data() >= text.data() &&
               record.raw.data() + record.raw.size() <= text.data() + text.size());
    FUZZ_CHECK(reader.progress() >= 0.0 && reader.progress() <= 1.0);
    last_end = record.end_line;
  }
  const reunite::Status& status = reader.status();
  if (!status.ok()) {
    FUZZ_CHECK(status.where().has_value());
    FUZZ_CHECK(status.where()->line >= 1 && status.where()->line <= lines);
    FUZZ_CHECK(status.where()->column >= 1);
    FUZZ_CHECK(!reader.Next(&record));
  }
  return 0;
}
