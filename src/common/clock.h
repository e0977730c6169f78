// The clock behind a seam, so journals and "as of" reports are deterministic in tests.
#pragma once
#include <string>

namespace reunite {

class Clock {
 public:
  virtual ~Clock() = default;
  // Current UTC time as ISO 8601 with milliseconds, e.g. "2018-07-26T14:03:07.120Z".
  // Strings of this form sort in time order.
  virtual std::string NowIso() = 0;
  // Today's date (UTC) as "YYYY-MM-DD".
  std::string TodayIso() { return NowIso().substr(0, 10); }
};

class SystemClock : public Clock {
 public:
  std::string NowIso() override;
};

// Returns a fixed time, advanced by one millisecond at each call so that journal
// entries keep their order.
class FixedClock : public Clock {
 public:
  explicit FixedClock(std::string start_iso);  // "2018-07-26T00:00:00.000Z"
  std::string NowIso() override;
  // Moves the time on, e.g. past a session's expiry.
  void AdvanceSeconds(long long seconds) { millis_ += seconds * 1000; }

 private:
  long long millis_;
};

// Milliseconds since the Unix epoch of an ISO 8601 UTC time as NowIso writes it,
// and back; for comparing and offsetting times (expiries, windows).
long long IsoToMillis(const std::string& iso);
std::string MillisToIso(long long millis);

// The process-wide default clock (a SystemClock).
Clock& DefaultClock();

}  // namespace reunite
