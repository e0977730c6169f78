#include "match/nicknames.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "common/embedded_data.h"
#include "ingest/csv_reader.h"
#include "ingest/fold.h"

namespace reunite::match {

namespace {

// Heterogeneous lookup, so that a string_view finds a key without building a string.
struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Entry {
  int id = 0;                // this name's own id
  std::vector<int> classes;  // sorted: its id and the ids of the formal names it stands for
  std::vector<std::string> formal_names;  // folded, in file order
};

class NicknameTable {
 public:
  NicknameTable() { Load(); }

  const Entry* Find(std::string_view folded) const {
    auto it = entries_.find(folded);
    return it == entries_.end() ? nullptr : &it->second;
  }

 private:
  Entry& Get(const std::string& folded) {
    auto [it, added] = entries_.try_emplace(folded);
    if (added) {
      it->second.id = static_cast<int>(entries_.size());
      it->second.classes.push_back(it->second.id);
    }
    return it->second;
  }

  void Add(const std::string& formal, const std::string& nickname) {
    const int formal_id = Get(formal).id;
    Entry& nick = Get(nickname);
    if (nickname == formal || std::count(nick.classes.begin(), nick.classes.end(), formal_id)) return;
    nick.formal_names.push_back(formal);
    nick.classes.insert(std::lower_bound(nick.classes.begin(), nick.classes.end(), formal_id), formal_id);
  }

  // The table is compiled in, so a missing file or a broken row is a build defect
  // that the tests catch; here it only leaves names to exact comparison.
  void Load() {
    const auto text = EmbeddedFile("names/nicknames.csv");
    if (!text) return;
    CsvReader reader(*text, "names/nicknames.csv");
    CsvRecord rec;
    if (!reader.Next(&rec)) return;  // the header: formal,nickname
    while (reader.Next(&rec)) {
      if (rec.fields.size() == 2) Add(FoldForSearch(rec.fields[0]), FoldForSearch(rec.fields[1]));
    }
  }

  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries_;
};

const NicknameTable& Table() {
  static const NicknameTable table;
  return table;
}

bool SortedIntersect(const std::vector<int>& a, const std::vector<int>& b) {
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i == *j) return true;
    *i < *j ? ++i : ++j;
  }
  return false;
}

}  // namespace

std::vector<std::string> FormalNames(std::string_view folded_given_name) {
  std::vector<std::string> names{std::string(folded_given_name)};
  if (const Entry* e = Table().Find(folded_given_name)) {
    names.insert(names.end(), e->formal_names.begin(), e->formal_names.end());
  }
  return names;
}

bool SameGivenNameOrNickname(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const NicknameTable& table = Table();
  const Entry* ea = table.Find(a);
  const Entry* eb = ea ? table.Find(b) : nullptr;
  return ea && eb && SortedIntersect(ea->classes, eb->classes);
}

}  // namespace reunite::match
