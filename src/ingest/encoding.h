// Decoding of agency files to UTF-8. Lists arrive as UTF-8 (with or without a BOM)
// or as Windows-1252 / Latin-1 from spreadsheet exports.
#pragma once
#include <string>
#include <string_view>

#include "common/status.h"

namespace reunite {

enum class Encoding { kAuto, kUtf8, kWindows1252 };

std::string ToString(Encoding e);  // "auto", "utf-8", "windows-1252"
// Accepts "auto", "utf-8"/"utf8", "windows-1252"/"cp1252"/"latin-1"/"latin1"/"iso-8859-1".
Result<Encoding> EncodingFromString(std::string_view name);

struct Decoded {
  std::string text;   // UTF-8, BOM removed
  Encoding detected;  // kUtf8 or kWindows1252
  bool had_bom = false;
};

// Decodes bytes to UTF-8.
// kAuto: a UTF-8 BOM or bytes that are entirely valid UTF-8 mean UTF-8. Bytes with
// invalid UTF-8 are read as Windows-1252, unless they also hold well-formed UTF-8
// multi-byte sequences (a UTF-8 file with corrupt bytes), which is an error.
// kUtf8: any invalid sequence is an error. kWindows1252: always succeeds (the five
// bytes Windows-1252 leaves undefined map to the same Latin-1 code points).
// Errors are InvalidArgument located at file_name:line:column of the first bad
// byte (column counted in bytes from 1).
Result<Decoded> DecodeToUtf8(std::string_view bytes, Encoding encoding, const std::string& file_name);

// True when s is entirely valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

}  // namespace reunite
