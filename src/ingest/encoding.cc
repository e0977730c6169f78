#include "ingest/encoding.h"

#include <cstdint>

namespace reunite {

namespace {

// Windows-1252 code points for bytes 0x80..0x9F. The five bytes the code page
// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the Latin-1 control
// code point of the same value, as Windows itself does, so decoding never fails.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

constexpr std::string_view kBom = "\xEF\xBB\xBF";

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 when the bytes
// there are not one (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

struct Utf8Scan {
  std::size_t first_invalid = std::string_view::npos;  // byte offset
  bool has_multibyte = false;  // a well-formed sequence of 2+ bytes was seen
};

Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan scan;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      if (scan.first_invalid == std::string_view::npos) scan.first_invalid = i;
      if (scan.has_multibyte) return scan;
      ++i;
      continue;
    }
    scan.has_multibyte = true;
    if (scan.first_invalid != std::string_view::npos) return scan;
    i += n;
  }
  return scan;
}

std::string DecodeWindows1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else if (b < 0xA0) {
      AppendUtf8(out, kCp1252High[b - 0x80]);
    } else {
      AppendUtf8(out, b);  // Latin-1 code point
    }
  }
  return out;
}

// 1-based line and byte column of `offset`; lines end at LF, CRLF or a lone CR.
SourceLocation Locate(std::string_view s, std::size_t offset, const std::string& file_name) {
  long line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  return {file_name, line, static_cast<int>(offset - line_start + 1), ""};
}

std::string Hex(unsigned char b) {
  constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[b >> 4] + kDigits[b & 0xF];
}

}  // namespace

std::string ToString(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kWindows1252: return "windows-1252";
    default: return "auto";
  }
}

Result<Encoding> EncodingFromString(std::string_view name) {
  std::string n;
  for (char c : name) n.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  if (n == "auto") return Encoding::kAuto;
  if (n == "utf-8" || n == "utf8") return Encoding::kUtf8;
  if (n == "windows-1252" || n == "cp1252" || n == "latin-1" || n == "latin1" ||
      n == "iso-8859-1") {
    return Encoding::kWindows1252;
  }
  return Status::InvalidArgument("unknown encoding \"" + std::string(name) +
                                 "\" (expected auto, utf-8 or windows-1252)");
}

bool IsValidUtf8(std::string_view s) {
  return ScanUtf8(s).first_invalid == std::string_view::npos;
}

Result<Decoded> DecodeToUtf8(std::string_view bytes, Encoding encoding,
                             const std::string& file_name) {
  Decoded out;
  if (encoding == Encoding::kWindows1252) {
    out.detected = Encoding::kWindows1252;
    out.text = DecodeWindows1252(bytes);
    return out;
  }
  // A BOM settles the question in favour of UTF-8; its bytes are not text.
  std::string_view body = bytes;
  if (body.substr(0, kBom.size()) == kBom) {
    out.had_bom = true;
    body.remove_prefix(kBom.size());
  }
  const Utf8Scan scan = ScanUtf8(body);
  if (scan.first_invalid == std::string_view::npos) {
    out.detected = Encoding::kUtf8;
    out.text.assign(body);
    return out;
  }
  if (encoding == Encoding::kAuto && !out.had_bom && !scan.has_multibyte) {
    out.detected = Encoding::kWindows1252;
    out.text = DecodeWindows1252(body);
    return out;
  }
  // Located in the text after any BOM: the BOM is invisible in editors.
  const std::size_t bad = scan.first_invalid;
  std::string why = encoding == Encoding::kUtf8 ? "invalid UTF-8"
                    : out.had_bom ? "invalid UTF-8 in a file that starts with a UTF-8 byte order mark"
                                  : "invalid UTF-8 in a file that also holds valid UTF-8 (corrupt file?)";
  Status st = Status::InvalidArgument(why + ": byte " +
                                      Hex(static_cast<unsigned char>(body[bad])) +
                                      " (column counted in bytes)");
  st.At(Locate(body, bad, file_name));
  return st;
}

}  // namespace reunite
