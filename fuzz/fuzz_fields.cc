// libFuzzer target: the single-field parsers and the decoder. The input split at the
// first tab is a cell and a second argument (a country hint for phones, "today" for
// birth dates). Checks the promises of dates.h, identifiers.h, placeholders.h,
// border_places.h and encoding.h: dates returned are real dates, A-numbers are 9
// digits, countries two capitals, a place one of the nine sectors, decoded text and
// every message made from valid UTF-8 is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "ingest/agency_list.h"
#include "ingest/border_places.h"
#include "ingest/dates.h"
#include "ingest/encoding.h"
#include "ingest/identifiers.h"
#include "ingest/placeholders.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace reunite;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto [cell, other] = fuzz::SplitAtTab(input);
  const bool utf8 = IsValidUtf8(input);
  for (DateOrder order : {DateOrder::kIso, DateOrder::kMonthDayYear, DateOrder::kDayMonthYear}) {
    if (auto d = ParseDate(cell, order); d.ok()) {
      FUZZ_CHECK(d->empty() || IsValidDate(d->year, d->month, d->day));
    } else if (utf8) {
      FUZZ_CHECK(IsValidUtf8(d.status().message()));
    }
    for (std::string_view today : {std::string_view("2018-07-26"), other}) {
      if (auto b = ParseBirthDate(cell, order, today); b.ok() && b->precision == DatePrecision::kExact) {
        FUZZ_CHECK(IsValidDate(b->date.year, b->date.month, b->date.day));
      }
    }
  }
  (void)ParseIsoDate(cell);
  if (auto a = NormalizeANumber(cell); a.ok()) {
    FUZZ_CHECK(a->empty() || (a->size() == 9 && a->find_first_not_of("0123456789") == std::string::npos));
  } else if (utf8) {
    FUZZ_CHECK(IsValidUtf8(a.status().message()));
  }
  std::vector<std::string> why;
  for (const std::string& phone : NormalizePhones(cell, other, &why)) FUZZ_CHECK(!utf8 || IsValidUtf8(phone));
  for (const std::string& w : why) FUZZ_CHECK(!utf8 || IsValidUtf8(w));
  if (auto c = NormalizeCountry(cell); c.ok()) {
    FUZZ_CHECK(c->empty() || (c->size() == 2 && (*c)[0] >= 'A' && (*c)[0] <= 'Z' && (*c)[1] >= 'A' &&
                              (*c)[1] <= 'Z'));
  }
  for (const PhoneItem& item : ReadPhoneCell(cell, other).items) {
    FUZZ_CHECK(item.e164.empty() || item.e164[0] == '+');
    FUZZ_CHECK(!utf8 || (IsValidUtf8(item.written) && IsValidUtf8(item.why)));
  }
  for (CellKind kind : {CellKind::kText, CellKind::kName, CellKind::kIdentifier, CellKind::kPhone, CellKind::kDate})
    (void)PlaceholderReason(cell, kind);
  FUZZ_CHECK(!utf8 || IsValidUtf8(RemoveNamePlaceholders(cell, true, nullptr)));
  const BorderPlace place = ResolveBorderPlace(cell);
  FUZZ_CHECK(place.sector.empty() || !BorderSectorName(place.sector).empty());
  FUZZ_CHECK(place.station.empty() || !BorderPlaceName(place.station).empty());
  FUZZ_CHECK(place.resolved() == (place.kind != BorderPlaceKind::kNone));
  (void)ParseCustodyStatus(cell);
  for (Encoding e : {Encoding::kAuto, Encoding::kUtf8, Encoding::kWindows1252}) {
    auto decoded = DecodeToUtf8(input, e, "fuzz.csv");
    if (decoded.ok()) {
      FUZZ_CHECK(IsValidUtf8(decoded->text));
    } else {
      FUZZ_CHECK(e != Encoding::kWindows1252 && decoded.status().where().has_value());
      FUZZ_CHECK(decoded.status().where()->line >= 1 && decoded.status().where()->column >= 1);
    }
  }
  return 0;
}
