// What one cell of an agency list may hold: a length limit per kind of field, counted
// in characters (code points, not bytes), and no bidirectional control characters in
// the fields that identify a person. Checked on every cell before it is parsed, so a
// stored row stays small and a name cannot be made to display as another.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/columns.h"

namespace reunite {

enum class FieldKind {
  kIdentifier,  // record_id, a_number: 64 characters
  kName,        // given_names, surnames, full_name, and header cells: 200
  kText,        // sex, dates, country, phones, language, places, status: 500
  kFreeText,    // reported_relatives and columns the import does not read: 4,000
};

// What a canonical column's cells may hold. `identity`: the column tells who the person
// is (record_id, names, sex, date of birth, country, A-number, phones), so a
// bidirectional control character, which could disguise that, is refused in it.
struct FieldRule {
  FieldKind kind = FieldKind::kFreeText;
  bool identity = false;
};
FieldRule RuleFor(Column column);

// The most characters a field of `kind` may hold.
std::size_t MaxChars(FieldKind kind);
// "identifier", "name", "text", "free text".
std::string_view ToString(FieldKind kind);

// Number of code points in UTF-8 text (bytes that are not continuation bytes).
std::size_t CountChars(std::string_view utf8);

// A bidirectional control character: LRM/RLM (U+200E, U+200F), the embeddings and
// overrides (U+202A..U+202E), the isolates (U+2066..U+2069) or the Arabic letter mark
// (U+061C). Invisible, they reorder how the text around them is shown, so "Juan" can be
// made to display as another name, and two names that look the same compare unequal.
struct BidiControl {
  char32_t code_point = 0;
  std::size_t char_index = 0;  // 0-based, in characters from the start of the text
};
std::optional<BidiControl> FindBidiControl(std::string_view utf8);
// "U+202E RIGHT-TO-LEFT OVERRIDE".
std::string DescribeBidiControl(char32_t code_point);

// Why a cell is refused, in English, and as a stable code with the values its message
// names, for front ends that word it in the reader's language.
struct FieldProblem {
  std::string code;  // "field_too_long", "bidi_control"
  std::string message;
  std::vector<std::pair<std::string, std::string>> args;  // e.g. {"limit", "200"}
};

// Checks one cell: its length against its kind's limit and, when it identifies a person
// (`identity`), that it holds no bidirectional control character.
std::optional<FieldProblem> CheckField(std::string_view cell, FieldKind kind, bool identity);

// The problem of an input that has more bytes than an import takes: "file_too_large".
FieldProblem TooLargeProblem(std::size_t bytes, std::size_t limit);

// 1234567 -> "1,234,567".
std::string WithThousands(std::size_t n);

}  // namespace reunite
