// Blocking keys as numbers, for BlockPairs (blocking.h). Building a string per record
// and rule and grouping them in a hash map of strings took most of blocking's time on
// big lists; here each part value is computed once per distinct cell text and
// numbered, a rule's key is numbered from its parts' numbers, and blocks are runs of a
// sort. Equal numbers mean equal key strings, so the blocks are the string keys'
// blocks. Parts and rules are independent of each other, so threads can share them.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "match/dataset.h"
#include "match/settings.h"

namespace reunite::match {

// One part's values (a column under a transform, such as the paternal surname's
// sound), numbered from 1, and each record's. Shared by both datasets of a link so
// that equal values get equal numbers on both sides.
struct PartValues {
  std::vector<std::string> texts = {""};
  std::unordered_map<std::string, std::uint32_t> numbers;
};

// Per record, a list of ids (compressed rows: record i's are ids[offsets[i]] up to
// ids[offsets[i + 1]]).
struct IdLists {
  std::vector<std::uint32_t> offsets = {0};
  std::vector<std::uint32_t> ids;
  size_t size() const { return offsets.size() - 1; }
  const std::uint32_t* begin(size_t row) const { return ids.data() + offsets[row]; }
  const std::uint32_t* end(size_t row) const { return ids.data() + offsets[row + 1]; }
};

// The values `part` gives each cell of a column (sorted, distinct), numbered in
// `values`; each distinct cell is computed once. `format`: how its dates are written.
IdLists PartIds(const BlockingPart& part, const std::vector<std::string>& cells, const DateFormat& format,
                PartValues* values);

// One rule's keys, numbered from 1: a key is a key of the rule's first parts (0: none
// yet) followed by the value of the next part. Shared by both datasets of a link.
class KeySpace {
 public:
  std::uint32_t Key(std::uint32_t prefix, std::uint32_t value);
  // The key's part values joined with `separator`; parts[p] numbers part p's values.
  std::string Text(std::uint32_t key, const std::vector<const PartValues*>& parts, char separator) const;

 private:
  void Grow();
  // Keys by (prefix, value) in an open-addressing table (slot: key id, 0 empty): a
  // million records make millions of keys.
  std::vector<std::uint32_t> slots_ = std::vector<std::uint32_t>(1024);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> parts_ = {{0, 0}};  // (prefix, value)
};

// The keys of each of `rows` records under a rule whose parts gave `parts` (sorted,
// distinct; none when a part is empty).
IdLists RuleKeys(const std::vector<const IdLists*>& parts, size_t rows, KeySpace* space);

// How a rule part's dates are read: as the date comparison of its column says, else
// ISO or YYYYMMDD. The reference lives as long as `settings`.
const DateFormat& PartDateFormat(const LinkSettings& settings, const BlockingPart& part);

// One rule's blocks: records grouped by key.
struct Blocks {
  std::vector<std::uint32_t> keys;     // one per block, ascending
  std::vector<std::uint32_t> starts;   // block b is rows[starts[b]] up to rows[starts[b + 1]]
  std::vector<std::uint32_t> rows;     // ascending within a block
  long Size(size_t b) const { return static_cast<long>(starts[b + 1] - starts[b]); }
};
Blocks GroupByKey(const IdLists& keys);

// One record's keys as text, parts joined with '+' (for BlockingKeys), sorted.
std::vector<std::string> RowKeyTexts(const BlockingRule& rule, const Dataset& data, size_t row,
                                     const LinkSettings& settings);

}  // namespace reunite::match
