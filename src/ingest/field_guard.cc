#include "ingest/field_guard.h"

#include <cstdio>

namespace reunite {

namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The bidirectional control encoded at s[i] (a lead byte), or 0.
char32_t BidiControlAt(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  if (b(0) == 0xD8 && b(1) == 0x9C) return 0x061C;
  if (b(0) != 0xE2) return 0;
  const char32_t cp = 0x2000 + ((b(1) & 0x3Fu) << 6) + (b(2) & 0x3Fu);
  if (b(1) != 0x80 && b(1) != 0x81) return 0;
  if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
    return cp;
  return 0;
}

const char* BidiControlName(char32_t cp) {
  switch (cp) {
    case 0x061C: return "ARABIC LETTER MARK";
    case 0x200E: return "LEFT-TO-RIGHT MARK";
    case 0x200F: return "RIGHT-TO-LEFT MARK";
    case 0x202A: return "LEFT-TO-RIGHT EMBEDDING";
    case 0x202B: return "RIGHT-TO-LEFT EMBEDDING";
    case 0x202C: return "POP DIRECTIONAL FORMATTING";
    case 0x202D: return "LEFT-TO-RIGHT OVERRIDE";
    case 0x202E: return "RIGHT-TO-LEFT OVERRIDE";
    case 0x2066: return "LEFT-TO-RIGHT ISOLATE";
    case 0x2067: return "RIGHT-TO-LEFT ISOLATE";
    case 0x2068: return "FIRST STRONG ISOLATE";
    case 0x2069: return "POP DIRECTIONAL ISOLATE";
    default: return "BIDIRECTIONAL CONTROL";
  }
}

// The kind as the subject of a sentence.
std::string_view Noun(FieldKind kind) {
  switch (kind) {
    case FieldKind::kIdentifier: return "an identifier";
    case FieldKind::kName: return "a name";
    case FieldKind::kText: return "a text field";
    case FieldKind::kFreeText: return "a free-text field";
  }
  return "a field";
}

// 268435456 -> "256 MiB", 1610612736 -> "1.5 GiB".
std::string HumanBytes(std::size_t n) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(n);
  int unit = 0;
  while (value >= 1024 && unit < 4) value /= 1024, ++unit;
  char buf[32];
  // One decimal only where it tells something: "1.4 KiB", but "301 MiB" and "2 GiB".
  const bool whole = value >= 100 || value == static_cast<double>(static_cast<std::size_t>(value));
  std::snprintf(buf, sizeof buf, whole ? "%.0f %s" : "%.1f %s", value, units[unit]);
  return buf;
}

}  // namespace

FieldRule RuleFor(Column c) {
  switch (c) {
    case Column::kRecordId:
    case Column::kANumber: return {FieldKind::kIdentifier, true};
    case Column::kGivenNames:
    case Column::kSurnames:
    case Column::kFullName: return {FieldKind::kName, true};
    case Column::kSex:
    case Column::kDateOfBirth:
    case Column::kCountry:
    case Column::kPhones: return {FieldKind::kText, true};
    case Column::kReportedRelatives: return {FieldKind::kFreeText, false};
    default: return {FieldKind::kText, false};
  }
}

std::size_t MaxChars(FieldKind kind) {
  switch (kind) {
    case FieldKind::kIdentifier: return 64;
    case FieldKind::kName: return 200;
    case FieldKind::kText: return 500;
    case FieldKind::kFreeText: return 4000;
  }
  return 0;
}

std::string_view ToString(FieldKind kind) {
  switch (kind) {
    case FieldKind::kIdentifier: return "identifier";
    case FieldKind::kName: return "name";
    case FieldKind::kText: return "text";
    case FieldKind::kFreeText: return "free text";
  }
  return "";
}

std::size_t CountChars(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += !IsContinuation(static_cast<unsigned char>(c));
  return n;
}

std::optional<BidiControl> FindBidiControl(std::string_view utf8) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (IsContinuation(b)) continue;
    if ((b == 0xD8 || b == 0xE2)) {
      if (char32_t cp = BidiControlAt(utf8, i)) return BidiControl{cp, chars};
    }
    ++chars;
  }
  return std::nullopt;
}

std::string DescribeBidiControl(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X ", static_cast<unsigned>(cp));
  return buf + std::string(BidiControlName(cp));
}

std::string WithThousands(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::optional<FieldProblem> CheckField(std::string_view cell, FieldKind kind, bool identity) {
  const std::size_t limit = MaxChars(kind);
  // Bytes bound characters from above: most cells need no count at all.
  if (cell.size() > limit) {
    if (const std::size_t chars = CountChars(cell); chars > limit) {
      return FieldProblem{"field_too_long",
                          "too long: " + WithThousands(chars) + " characters; " + std::string(Noun(kind)) +
                              " takes at most " + WithThousands(limit),
                          {{"length", WithThousands(chars)}, {"limit", WithThousands(limit)}}};
    }
  }
  if (!identity) return std::nullopt;
  auto bidi = FindBidiControl(cell);
  if (!bidi) return std::nullopt;
  const std::string what = DescribeBidiControl(bidi->code_point);
  const std::string at = std::to_string(bidi->char_index + 1);
  return FieldProblem{"bidi_control",
                      "holds " + what + " at character " + at +
                          ": an invisible character that changes how the text around it is shown (a name can be "
                          "made to look like another); remove it",
                      {{"character", what}, {"position", at}}};
}

FieldProblem TooLargeProblem(std::size_t bytes, std::size_t limit) {
  auto both = [](std::size_t n) {
    return WithThousands(n) + " bytes" + (n < 1024 ? "" : " (" + HumanBytes(n) + ")");
  };
  return FieldProblem{"file_too_large",
                      "the file is " + both(bytes) + ", more than the " + both(limit) +
                          " an import takes; split the list into smaller files",
                      {{"size", HumanBytes(bytes)}, {"limit", HumanBytes(limit)}}};
}

}  // namespace reunite
