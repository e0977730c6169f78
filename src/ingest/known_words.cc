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

// Each table is read once, at first use.
const std::unordered_set<std::string>& GivenNames() {
  static const auto* const kGiven = new std::unordered_set<std::string>(ColumnWords("names/given_names.csv", "name"));
  return *kGiven;
}

const std::unordered_set<std::string>& Surnames() {
  static const auto* const kSurnames = new std::unordered_set<std::string>(ColumnWords("names/surnames.csv", "surname"));
  return *kSurnames;
}

const std::unordered_set<std::string>& Words() {
  static const auto* const kWords = [] {
    auto* words = new std::unordered_set<std::string>(GivenNames());
    words->insert(Surnames().begin(), Surnames().end());
    words->merge(ColumnWords("places/departments.csv", "name"));
    words->merge(ColumnWords("places/municipalities.csv", "municipality"));
    return words;
  }();
  return *kWords;
}

}  // namespace

bool IsKnownOtherWord(std::string_view key) { return Words().count(std::string(key)) > 0; }

NameWordKind KindOfNameWord(std::string_view word) {
  const std::string k = Key(word);
  const bool given = GivenNames().count(k) > 0, surname = Surnames().count(k) > 0;
  return given && surname ? NameWordKind::kBoth
         : given          ? NameWordKind::kGiven
         : surname        ? NameWordKind::kSurname
                          : NameWordKind::kUnknown;
}

}  // namespace reunite
