// A check for the fuzz targets: a broken contract aborts, so libFuzzer saves the
// input that broke it, as it does for a sanitizer report.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>

#define FUZZ_CHECK(cond)                                                               \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                    \
    }                                                                                  \
  } while (0)

namespace reunite::fuzz {

// Splits the fuzzer's bytes at the first tab: two cells of text for the field parsers.
inline std::pair<std::string_view, std::string_view> SplitAtTab(std::string_view s) {
  const std::size_t tab = s.find('\t');
  if (tab == std::string_view::npos) return {s, {}};
  return {s.substr(0, tab), s.substr(tab + 1)};
}

// Lines as CsvReader and DecodeToUtf8 count them: LF, CRLF and a lone CR each end one.
inline long CountLines(std::string_view s) {
  long lines = 1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++lines;
  }
  return lines;
}

}  // namespace reunite::fuzz
