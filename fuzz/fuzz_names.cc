// libFuzzer target: the name parser and folding. The whole input is a full-name cell;
// split at the first tab it is a given-names cell and a surnames cell (the format of
// tests/data/name_parts.tsv). Checks that valid UTF-8 in gives valid UTF-8 out, and
// that FoldForSearch drops invalid bytes whatever it is given (fold.h).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "ingest/encoding.h"
#include "ingest/fold.h"
#include "ingest/name_parser.h"

namespace {

void CheckName(const reunite::PersonName& n) {
  FUZZ_CHECK(reunite::IsValidUtf8(n.as_recorded));
  for (const auto& g : n.given_names) FUZZ_CHECK(!g.empty() && reunite::IsValidUtf8(g));
  FUZZ_CHECK(reunite::IsValidUtf8(n.paternal_surname));
  FUZZ_CHECK(reunite::IsValidUtf8(n.maternal_surname));
  FUZZ_CHECK(reunite::IsValidUtf8(n.married_surname));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto [given, surnames] = reunite::fuzz::SplitAtTab(text);
  const bool utf8 = reunite::IsValidUtf8(text);
  const reunite::PersonName full = reunite::ParseFullName(text);
  const reunite::PersonName parts = reunite::ParseNameParts(given, surnames);
  const std::string title = reunite::TitleCaseName(text);
  FUZZ_CHECK(full.as_recorded == text);
  if (utf8) {
    CheckName(full);
    CheckName(parts);
    FUZZ_CHECK(reunite::IsValidUtf8(title));
  }
  FUZZ_CHECK(reunite::IsValidUtf8(reunite::FoldForSearch(text)));
  return 0;
}
