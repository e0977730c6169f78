#include "common/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace reunite {

namespace {
std::string FormatMillis(long long ms) {
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
  return buf;
}

long long ParseIsoMillis(const std::string& s) {
  std::tm tm{};
  int ms = 0;
  std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d.%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
              &tm.tm_min, &tm.tm_sec, &ms);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<long long>(timegm(&tm)) * 1000 + ms;
}
}  // namespace

long long IsoToMillis(const std::string& iso) { return ParseIsoMillis(iso); }
std::string MillisToIso(long long millis) { return FormatMillis(millis); }

std::string SystemClock::NowIso() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return FormatMillis(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

FixedClock::FixedClock(std::string start_iso) : millis_(ParseIsoMillis(start_iso)) {}

std::string FixedClock::NowIso() { return FormatMillis(millis_++); }

Clock& DefaultClock() {
  static SystemClock clock;
  return clock;
}

}  // namespace reunite
