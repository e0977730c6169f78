#include "match/blocking.h"

#include <algorithm>
#include <unordered_map>

#include "match/block_index.h"
#include "match/parallel.h"

namespace reunite::match {
namespace {

void NoteSkipped(BlockingReport::Rule& report, const std::string& key, long pairs) {
  if (pairs > report.largest_skipped_pairs || (pairs == report.largest_skipped_pairs && key < report.largest_skipped_key)) {
    report.largest_skipped_pairs = pairs;
    report.largest_skipped_key = key;
  }
  ++report.skipped_keys;
  report.skipped_pairs += pairs;
}

// One rule, ready to give pairs: the blocks of the right side (the only side of a
// dedupe) and, per left record, the blocks it is compared with (oversized ones left
// out).
struct RulePairs {
  Blocks right;
  IdLists targets;
};

long BlockIndex(const Blocks& blocks, std::uint32_t key) {
  auto it = std::lower_bound(blocks.keys.begin(), blocks.keys.end(), key);
  return it != blocks.keys.end() && *it == key ? it - blocks.keys.begin() : -1;
}

// Per left record, the blocks of `right` that `usable` (by index of the left block)
// names for its keys.
IdLists Targets(const IdLists& left_keys, const Blocks& left, const std::vector<long>& usable) {
  IdLists out;
  out.offsets.reserve(left_keys.size() + 1);
  for (size_t row = 0; row < left_keys.size(); ++row) {
    for (const std::uint32_t* k = left_keys.begin(row); k != left_keys.end(row); ++k) {
      long b = usable[BlockIndex(left, *k)];
      if (b >= 0) out.ids.push_back(static_cast<std::uint32_t>(b));
    }
    out.offsets.push_back(static_cast<std::uint32_t>(out.ids.size()));
  }
  return out;
}

// Groups one rule's records and decides which blocks are compared, filling the report
// (`text` spells a key out).
template <typename Text>
RulePairs PlanRule(const IdLists& left_keys, const IdLists* right_keys, long max_block_pairs, Text text,
                   BlockingReport::Rule& report) {
  Blocks left = GroupByKey(left_keys);
  Blocks right = right_keys ? GroupByKey(*right_keys) : Blocks{};
  const Blocks& other = right_keys ? right : left;
  std::vector<long> usable(left.keys.size(), -1);  // left block -> right block compared
  for (size_t b = 0; b < left.keys.size(); ++b) {
    const long r = right_keys ? BlockIndex(right, left.keys[b]) : static_cast<long>(b);
    if (r < 0) continue;
    const long n = left.Size(b), m = other.Size(static_cast<size_t>(r));
    const long pairs = right_keys ? n * m : n * (n - 1) / 2;
    if (pairs > max_block_pairs) {
      NoteSkipped(report, text(left.keys[b]), pairs);
      continue;
    }
    report.pairs += pairs;
    if (pairs > 0) usable[b] = r;
  }
  std::replace(report.largest_skipped_key.begin(), report.largest_skipped_key.end(), '\x1f', '+');
  RulePairs plan;
  plan.targets = Targets(left_keys, left, usable);
  plan.right = right_keys ? std::move(right) : std::move(left);
  return plan;
}

// The distinct pairs of left records [begin, end) over every rule, in order, with the
// rules that produced each.
void RowPairs(const std::vector<RulePairs>& rules, bool dedupe, size_t begin, size_t end, std::vector<PairKey>* out,
              std::vector<RuleMask>* masks) {
  std::vector<std::uint64_t> partners;  // right row << 16 | rule
  for (size_t l = begin; l < end; ++l) {
    partners.clear();
    for (size_t r = 0; r < rules.size(); ++r) {
      const RulePairs& rule = rules[r];
      for (const std::uint32_t* b = rule.targets.begin(l); b != rule.targets.end(l); ++b) {
        const std::uint32_t* first = rule.right.rows.data() + rule.right.starts[*b];
        const std::uint32_t* last = rule.right.rows.data() + rule.right.starts[*b + 1];
        if (dedupe) first = std::upper_bound(first, last, static_cast<std::uint32_t>(l));
        for (const std::uint32_t* p = first; p != last; ++p) partners.push_back(std::uint64_t{*p} << 16 | r);
      }
    }
    std::sort(partners.begin(), partners.end());
    for (size_t i = 0; i < partners.size();) {
      const std::uint32_t right = static_cast<std::uint32_t>(partners[i] >> 16);
      RuleMask mask = 0;
      for (; i < partners.size() && (partners[i] >> 16) == right; ++i) mask |= RuleMask(1u << (partners[i] & 0xffff));
      out->push_back(MakePair(static_cast<std::uint32_t>(l), right));
      masks->push_back(mask);
    }
  }
}

// Every left record's pairs, in order, on `threads` threads. Records go in waves of
// chunks, so that the chunks' copies never hold more than a wave's pairs beside the
// result.
void AllPairs(const std::vector<RulePairs>& rules, bool dedupe, size_t rows, size_t expected, int threads,
              CandidatePairs* out) {
  constexpr size_t kChunk = 4096;
  const size_t nthreads = static_cast<size_t>(std::max(1, threads)), wave = nthreads * 4;
  out->pairs.reserve(expected);
  out->rules.reserve(expected);
  std::vector<std::vector<PairKey>> chunks(wave);
  std::vector<std::vector<RuleMask>> masks(wave);
  for (size_t first = 0; first < rows; first += wave * kChunk) {
    ForEachItem(wave, threads, [&](size_t c) {
      const size_t begin = std::min(rows, first + c * kChunk), end = std::min(rows, begin + kChunk);
      RowPairs(rules, dedupe, begin, end, &chunks[c], &masks[c]);
    });
    for (size_t c = 0; c < wave; ++c) {
      out->pairs.insert(out->pairs.end(), chunks[c].begin(), chunks[c].end());
      out->rules.insert(out->rules.end(), masks[c].begin(), masks[c].end());
      chunks[c].clear();
      masks[c].clear();
    }
  }
}

// A column under a transform, which several rules may share (the paternal surname's
// sound is in three of the built-in rules): its values are computed once.
struct Part {
  const BlockingPart* part = nullptr;
  const DateFormat* format = nullptr;
  int left_column = -1, right_column = -1;
  PartValues values;
  IdLists left, right;
};

std::string PartSignature(const BlockingPart& part, const DateFormat& format) {
  return part.column + '\x1f' + std::to_string(static_cast<int>(part.transform)) + '\x1f' +
         std::to_string(part.length) + '\x1f' + format.name();
}

// The distinct parts of all rules, and each rule's parts by index. Refuses a rule
// naming a column a dataset lacks, the first such rule, left side first.
Status CollectParts(const LinkSettings& settings, const Dataset& left, const Dataset* right, std::vector<Part>* parts,
                    std::vector<std::vector<size_t>>* rule_parts) {
  std::unordered_map<std::string, size_t> index;
  for (const BlockingRule& rule : settings.blocking_rules) {
    for (const Dataset* data : {&left, right}) {
      for (const auto& part : rule.parts) {
        if (data && data->ColumnIndex(part.column) < 0)
          return Status::InvalidArgument(data->name + ": no column '" + part.column + "' for blocking rule '" + rule.text + "'");
      }
    }
    auto& mine = rule_parts->emplace_back();
    for (const auto& part : rule.parts) {
      const DateFormat& format = PartDateFormat(settings, part);
      auto [it, fresh] = index.try_emplace(PartSignature(part, format), parts->size());
      if (fresh) {
        Part& p = parts->emplace_back();
        p.part = &part;
        p.format = &format;
        p.left_column = left.ColumnIndex(part.column);
        p.right_column = right ? right->ColumnIndex(part.column) : -1;
      }
      mine.push_back(it->second);
    }
  }
  return Status::Ok();
}

}  // namespace

std::vector<std::string> BlockingKeys(const BlockingRule& rule, const Dataset& data, size_t row,
                                      const LinkSettings& settings) {
  return RowKeyTexts(rule, data, row, settings);
}

Result<CandidatePairs> BlockPairs(const LinkSettings& settings, const Dataset& left, const Dataset* right,
                                  int threads) {
  if (settings.blocking_rules.size() > static_cast<size_t>(kMaxBlockingRules))
    return Status::InvalidArgument("at most " + std::to_string(kMaxBlockingRules) + " blocking rules");
  std::vector<Part> parts;
  std::vector<std::vector<size_t>> rule_parts;
  Status collected = CollectParts(settings, left, right, &parts, &rule_parts);
  if (!collected.ok()) return collected;
  // Parts, then rules, are independent: each is worked out by one thread.
  ForEachItem(parts.size(), threads, [&](size_t k) {
    Part& p = parts[k];
    p.left = PartIds(*p.part, left.columns[p.left_column], *p.format, &p.values);
    if (right) p.right = PartIds(*p.part, right->columns[p.right_column], *p.format, &p.values);
  });
  CandidatePairs out;
  out.report.rules.resize(settings.blocking_rules.size());
  std::vector<RulePairs> rules(settings.blocking_rules.size());
  ForEachItem(rules.size(), threads, [&](size_t r) {
    KeySpace space;
    std::vector<const IdLists*> left_parts, right_parts;
    std::vector<const PartValues*> values;
    for (size_t k : rule_parts[r]) {
      left_parts.push_back(&parts[k].left);
      right_parts.push_back(&parts[k].right);
      values.push_back(&parts[k].values);
    }
    const IdLists left_keys = RuleKeys(left_parts, left.size(), &space);
    const IdLists right_keys = right ? RuleKeys(right_parts, right->size(), &space) : IdLists{};
    BlockingReport::Rule& report = out.report.rules[r];
    report.text = settings.blocking_rules[r].text;
    report.added = settings.blocking_rules[r].added;
    rules[r] = PlanRule(left_keys, right ? &right_keys : nullptr, settings.max_block_pairs,
                        [&](std::uint32_t key) { return space.Text(key, values, '\x1f'); }, report);
  });
  parts.clear();
  long expected = 0;
  for (const auto& report : out.report.rules) expected += report.pairs;
  AllPairs(rules, right == nullptr, left.size(), static_cast<size_t>(expected), threads, &out);
  out.report.candidate_pairs = static_cast<long>(out.pairs.size());
  return out;
}

}  // namespace reunite::match
