// Walking the chains (chain_verify.h); anchors are in chain_anchor.cc.
#include <algorithm>

#include "store/chain.h"
#include "store/chain_anchor_internal.h"
#include "store/chain_verify.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

constexpr std::size_t kChunk = 2000;

std::string Seq(long long seq) { return "sequence " + std::to_string(seq); }
std::string Id(long long id) { return "id " + std::to_string(id); }

// One chain, entry after entry in id order: each must hold the next place and the
// hash of its predecessor's hash and its own fields.
class Walk {
 public:
  Walk(soci::session& sql, const ChainTable& table) : sql_(sql), table_(table) {
    summary_.last = {table.name, 0, 0, "", GenesisHash()};
    at_ = std::find(table.fields.begin(), table.fields.end(), "at") - table.fields.begin();
  }

  // Entries a writer commits meanwhile are walked too if they come before the end.
  std::optional<ChainBreak> Run() {
    for (;;) {
      std::vector<StoredChainEntry> chunk = ReadChainEntries(sql_, table_, summary_.last.id, kChunk);
      if (chunk.empty()) return std::nullopt;
      for (const StoredChainEntry& e : chunk)
        if (std::optional<ChainBreak> b = Check(e)) return b;
    }
  }

  const ChainSummary& summary() const { return summary_; }

 private:
  std::optional<ChainBreak> Check(const StoredChainEntry& e) {
    const long long expected = summary_.last.seq + 1;
    if (e.seq <= 0 || e.hash.empty())
      return Break(e.id, "inserted", "not chained (no place or hash): written into the table around Reunite");
    if (e.seq < expected)
      return Break(e.id, "out_of_order", Seq(e.seq) + " comes after " + Seq(expected - 1) + " (" +
                                             Id(summary_.last.id) + "): entries were moved");
    if (e.seq > expected) {
      long long where = 0;
      sql_ << "SELECT id FROM " + table_.name + " WHERE seq = :s ORDER BY id LIMIT 1", soci::use(expected), soci::into(where);
      if (sql_.got_data())
        return Break(e.id, "out_of_order", Seq(e.seq) + " stands where " + Seq(expected) + " should; that one is at " +
                                               Id(where) + ": entries were moved");
      return Break(e.id, "missing",
                   (e.seq == expected + 1 ? Seq(expected) + " is" : "sequences " + std::to_string(expected) + " to " +
                                                                       std::to_string(e.seq - 1) + " are") +
                       " missing before it (after " + Id(summary_.last.id) + "): entries were removed");
    }
    const std::string hash = ChainHash(table_, summary_.last.hash, e.seq, e.id, e.Fields());
    if (hash != e.hash)
      return Break(e.id, "changed", Seq(e.seq) + ": its fields or its hash differ from what was chained");
    summary_.last = {table_.name, e.seq, e.id, at_ < e.fields.size() ? e.fields[at_] : "", hash};
    ++summary_.entries;
    return std::nullopt;
  }

  std::optional<ChainBreak> Break(long long id, const std::string& kind, const std::string& why) const {
    return ChainBreak{table_.name, id, kind, why};
  }

  soci::session& sql_;
  const ChainTable& table_;
  ChainSummary summary_;
  std::size_t at_ = 0;
};

}  // namespace

Result<VerifyReport> VerifyChains(Database& db, const std::vector<Anchor>& anchors) {
  return GuardStorage("verify chains", [&]() -> Result<VerifyReport> {
    VerifyReport report;
    for (const ChainTable* table : AllChains()) {
      Walk walk(db.session(), *table);
      report.broken = walk.Run();
      report.chains.push_back(walk.summary());
      if (report.broken) return report;
    }
    Result<std::vector<Anchor>> recorded = RecordedAnchors(db.session());
    if (!recorded.ok()) {
      report.broken = ChainBreak{"chain_anchors", 0, "anchor", recorded.status().message()};
      return report;
    }
    for (const std::vector<Anchor>* list : {static_cast<const std::vector<Anchor>*>(&*recorded), &anchors}) {
      for (const Anchor& anchor : *list) {
        ++report.anchors_checked;
        report.broken = CheckAnchor(db.session(), anchor);
        if (report.broken) return report;
      }
    }
    return report;
  });
}

}  // namespace reunite
