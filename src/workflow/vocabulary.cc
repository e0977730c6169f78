#include "workflow/vocabulary.h"

#include <algorithm>
#include <cstdio>

#include "common/clock.h"

namespace reunite::workflow {

const std::vector<std::string>& ContactKinds() {
  static const std::vector<std::string> v = {"call", "visit", "message", "child_parent_call"};
  return v;
}

const std::vector<std::string>& ContactResults(const std::string& kind) {
  static const std::vector<std::string> call = {"no_answer", "wrong_number", "reached_parent", "reached_relative"};
  static const std::vector<std::string> visit = {"located", "not_found", "moved_away", "refused"};
  static const std::vector<std::string> message = {"sent", "reply_received", "no_reply"};
  static const std::vector<std::string> child_call = {"completed", "failed"};
  static const std::vector<std::string> none;
  if (kind == "call") return call;
  if (kind == "visit") return visit;
  if (kind == "message") return message;
  if (kind == "child_parent_call") return child_call;
  return none;
}

const std::vector<std::string>& TaskResults() { return ContactResults("visit"); }

const std::vector<std::string>& DecisionKinds() {
  static const std::vector<std::string> v = {"reunify_home", "waiver", "undecided"};
  return v;
}

const std::vector<std::string>& EligibilityStatuses() {
  static const std::vector<std::string> v = {"eligible", "under_review", "ineligible"};
  return v;
}

const std::vector<std::string>& FlagKinds() {
  static const std::vector<std::string> v = {"criminal_violent",    "criminal_nonviolent", "criminal_other",
                                             "not_parent",          "danger_in_household", "abuse_evidence",
                                             "criminal_custody",    "communicable_disease"};
  return v;
}

const std::vector<std::string>& FlagFinalities() {
  static const std::vector<std::string> v = {"provisional", "final"};
  return v;
}

const std::vector<std::string>& FlagOutcomes() {
  static const std::vector<std::string> v = {"pending", "upheld", "overturned"};
  return v;
}

bool FlagNeedsReassessDate(const std::string& kind) {
  return kind == "criminal_custody" || kind == "communicable_disease";
}

const std::vector<std::string>& LogisticsPlans() {
  static const std::vector<std::string> v = {"return_home", "reunion_us"};
  return v;
}

const std::vector<std::string>& LogisticsSteps() {
  static const std::vector<std::string> v = {"travel_document", "flight_booked", "escort", "receiving_agency_notified",
                                             "departed",        "arrived",       "reunified"};
  return v;
}

const std::vector<std::string>& ClosureReasons() {
  static const std::vector<std::string> v = {"reunified", "parent_chose_waiver", "parent_not_found",
                                             "child_aged_out", "other"};
  return v;
}

const std::vector<std::string>& DeadlineKinds() {
  static const std::vector<std::string> v = {"court", "internal"};
  return v;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

Status CheckOneOf(const std::string& field, const std::string& value, const std::vector<std::string>& allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return Status::Ok();
  return Status::InvalidArgument(field + ": '" + value + "' is not one of " + JoinWords(allowed));
}

namespace {

bool ValidDay(int y, int m, int d) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool AllDigits(const std::string& s, size_t from, size_t n) {
  if (from + n > s.size()) return false;
  return std::all_of(s.begin() + from, s.begin() + from + n, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Status CheckDate(const std::string& field, const std::string& text) {
  int y = 0, m = 0, d = 0;
  if (text.size() == 10 && AllDigits(text, 0, 4) && text[4] == '-' && AllDigits(text, 5, 2) && text[7] == '-' &&
      AllDigits(text, 8, 2) && std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && ValidDay(y, m, d))
    return Status::Ok();
  return Status::InvalidArgument(field + ": '" + text + "' is not a date (YYYY-MM-DD)");
}

Result<std::string> ParseTime(const std::string& field, const std::string& text, TimeFill fill) {
  const Status bad = Status::InvalidArgument(
      field + ": '" + text + "' is not a UTC time (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.mmm]][Z])");
  std::string s = text;
  if (!s.empty() && s.back() == 'Z') s.pop_back();
  if (s.size() < 10 || !CheckDate(field, s.substr(0, 10)).ok()) return bad;
  // The units not typed: zero, or their last value when the time runs to the end
  // of the day (a bare date) or of the last unit typed.
  const bool to_end = fill == TimeFill::kEndOfLastUnit || (fill == TimeFill::kEndOfDay && s.size() == 10);
  int hh = to_end ? 23 : 0, mm = to_end ? 59 : 0, ss = to_end ? 59 : 0, ms = to_end ? 999 : 0;
  if (s.size() > 10) {
    // RFC 3339 lets a space stand for the T, as people type it ("2018-07-26 14:03").
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || !AllDigits(s, 11, 2) || s[13] != ':' || !AllDigits(s, 14, 2)) return bad;
    hh = std::stoi(s.substr(11, 2));
    mm = std::stoi(s.substr(14, 2));
  }
  if (s.size() >= 19) {
    if (s[16] != ':' || !AllDigits(s, 17, 2)) return bad;
    ss = std::stoi(s.substr(17, 2));
  }
  if (s.size() >= 20) {
    if (s.size() != 23 || s[19] != '.' || !AllDigits(s, 20, 3)) return bad;
    ms = std::stoi(s.substr(20, 3));
  }
  if ((s.size() != 10 && s.size() != 16 && s.size() != 19 && s.size() != 23) || hh > 23 || mm > 59 || ss > 59)
    return bad;
  char out[32];
  std::snprintf(out, sizeof out, "%sT%02d:%02d:%02d.%03dZ", s.substr(0, 10).c_str(), hh, mm, ss, ms);
  return std::string(out);
}

}  // namespace reunite::workflow
