#include "ingest/known_words.h"

#include <string>
#include <unordered_set>

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"
#include "ingest/fold.h"

namespace reunite {

namespace {

std::string Key(std::string_view text) {
  std::string key;
  for (char c : FoldForSearch(text))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key.push_back(c);
  return key;
}

// The words of one column of an embedded table, keyed like IsKnownOtherWord.
std::unordered_set<std::string> ColumnWords(const char* path, const char* column) {
  std::unordered_set<std::string> words;
  auto text = EmbeddedFile(path);
  if (!text) return words;
  CsvReader reader(*text, path);
  CsvRecord header, row;
  if (!reader.Next(&header)) return words;
  std::size_t col = 0;
  while (col < header.fields.size() && header.fields[col] != column) ++col;
  while (reader.Next(&row))
    if (col < row.fields.size()) words.insert(Key(row.fields[col]));
  words.erase("");
  return words;
}

const std::unordered_set<std::string>& Words() {
  static const auto* const kWords = [] {
    auto* words = new std::unordered_set<std::string>;
    const std::pair<const char*, const char*> kColumns[] = {{"names/given_names.csv", "name"},
                                                            {"names/surnames.csv", "surname"},
                                                            {"places/departments.csv", "name"},
                                                            {"places/municipalities.csv", "municipality"}};
    for (const auto& [path, column] : kColumns) words->merge(ColumnWords(path, column));
    return words;
  }();
  return *kWords;
}

}  // namespace

bool IsKnownOtherWord(std::string_view key) { return Words().count(std::string(key)) > 0; }

NameWordKind KindOfNameWord(std::string_view key) {
  static const auto* const kGiven = new std::unordered_set<std::string>(ColumnWords("names/given_names.csv", "name"));
  static const auto* const kSurnames = new std::unordered_set<std::string>(ColumnWords("names/surnames.csv", "surname"));
  const std::string k(key);
  const bool given = kGiven->count(k) > 0, surname = kSurnames->count(k) > 0;
  return given && surname ? NameWordKind::kBoth
         : given          ? NameWordKind::kGiven
         : surname        ? NameWordKind::kSurname
                          : NameWordKind::kUnknown;
}

}  // namespace reunite
