// Checking the hash chains of the journal and the audit log (store/chain.h), and
// anchors: copies of each chain's latest place and hash, kept outside the database
// (printed, mailed, written to other storage), so that a chain rewritten whole
// from some entry on, consistent in itself, is still caught. docs/audit_chain.md.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/database.h"

namespace reunite {

// The first broken link found.
struct ChainBreak {
  std::string table;  // "journal", "audit_log"
  long long id = 0;   // the entry where the chain breaks
  // "changed" (fields or hash differ from what was chained), "missing" (places
  // absent: entries removed), "out_of_order" (an entry moved), "inserted" (an entry
  // written around the chain), "anchor" (the chain no longer holds an anchored
  // entry: rewritten, or its end removed).
  std::string kind;
  std::string why;  // in words, with places and ids
};

// One chain's latest entry (an empty chain: seq and id 0, the genesis hash).
struct ChainPoint {
  std::string table;
  long long seq = 0;
  long long id = 0;
  std::string at;
  std::string hash;
};

struct ChainSummary {
  ChainPoint last;
  long long entries = 0;  // checked
};

struct VerifyReport {
  std::vector<ChainSummary> chains;  // those walked, in AllChains() order
  long long anchors_checked = 0;     // recorded in chain_anchors and given
  std::optional<ChainBreak> broken;  // the first break; none when everything holds
};

// Each chain's latest point, `made_at` the time it was taken.
struct Anchor {
  std::string made_at;
  std::vector<ChainPoint> points;
};

// One line: "reunite-anchor/1 made=TIME journal=seq:N,id:N,at:TIME,hash:HEX audit_log=...".
std::string FormatAnchor(const Anchor& anchor);
// InvalidArgument saying what is wrong when `line` is not an anchor.
Result<Anchor> ParseAnchor(const std::string& line);

// Walks every chain from its first entry, then checks each anchor recorded in the
// database and each of `anchors`, stopping at the first break.
Result<VerifyReport> VerifyChains(Database& db, const std::vector<Anchor>& anchors = {});

// The chains' latest points now (each chain's entry with the highest id), stamped
// `made_at`.
Result<Anchor> CurrentAnchor(Database& db, const std::string& made_at);

// Stores `anchor` in chain_anchors, by `made_by`.
Status RecordAnchor(Database& db, const Anchor& anchor, const std::string& made_by);

// The latest anchor recorded, if any.
Result<std::optional<Anchor>> LatestRecordedAnchor(Database& db);

}  // namespace reunite
