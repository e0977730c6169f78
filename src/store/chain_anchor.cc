// Anchors (chain_verify.h): their one-line form, taking, recording and checking them.
#include <algorithm>
#include <map>
#include <sstream>

#include "store/chain.h"
#include "store/chain_anchor_internal.h"
#include "store/chain_verify.h"
#include "store/storage_guard.h"

namespace reunite {

namespace {

constexpr const char* kAnchorMark = "reunite-anchor/1";

std::optional<long long> Number(const std::string& text) {
  if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), ::isdigit)) return std::nullopt;
  return std::stoll(text);
}

bool IsHash(const std::string& text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool IsChain(const std::string& name) {
  for (const ChainTable* t : AllChains())
    if (t->name == name) return true;
  return false;
}

// "seq:N,id:N,at:TIME,hash:HEX" for chain `table`.
Result<ChainPoint> ParsePoint(const std::string& table, const std::string& text) {
  std::map<std::string, std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    const size_t colon = part.find(':');
    if (colon == std::string::npos) return Status::InvalidArgument(table + ": '" + part + "' is not key:value");
    parts[part.substr(0, colon)] = part.substr(colon + 1);
  }
  for (const char* key : {"seq", "id", "at", "hash"})
    if (!parts.count(key)) return Status::InvalidArgument(table + ": no " + key);
  if (parts.size() != 4) return Status::InvalidArgument(table + ": keys other than seq, id, at and hash");
  std::optional<long long> seq = Number(parts["seq"]), id = Number(parts["id"]);
  if (!seq || !id) return Status::InvalidArgument(table + ": seq and id must be whole numbers");
  if (!IsHash(parts["hash"])) return Status::InvalidArgument(table + ": the hash must be 64 lowercase hex digits");
  return ChainPoint{table, *seq, *id, parts["at"], parts["hash"]};
}

}  // namespace

std::string FormatAnchor(const Anchor& anchor) {
  std::string line = std::string(kAnchorMark) + " made=" + anchor.made_at;
  for (const ChainPoint& p : anchor.points)
    line += " " + p.table + "=seq:" + std::to_string(p.seq) + ",id:" + std::to_string(p.id) + ",at:" + p.at +
            ",hash:" + p.hash;
  return line;
}

Result<Anchor> ParseAnchor(const std::string& line) {
  std::stringstream in(line);
  std::string token;
  if (!(in >> token) || token != kAnchorMark)
    return Status::InvalidArgument(std::string("not an anchor: it must start with ") + kAnchorMark);
  Anchor anchor;
  while (in >> token) {
    const size_t eq = token.find('=');
    if (eq == std::string::npos) return Status::InvalidArgument("'" + token + "' is not name=value");
    const std::string name = token.substr(0, eq), value = token.substr(eq + 1);
    if (name == "made") {
      anchor.made_at = value;
    } else if (IsChain(name)) {
      Result<ChainPoint> point = ParsePoint(name, value);
      if (!point.ok()) return point.status();
      anchor.points.push_back(*point);
    } else {
      return Status::InvalidArgument("unknown chain '" + name + "'");
    }
  }
  if (anchor.made_at.empty()) return Status::InvalidArgument("no made= time");
  if (anchor.points.empty()) return Status::InvalidArgument("no chain in it");
  return anchor;
}

Result<std::vector<Anchor>> RecordedAnchors(soci::session& sql) {
  long long id = 0;
  std::string line;
  soci::statement st = (sql.prepare << "SELECT id, line FROM chain_anchors ORDER BY id", soci::into(id),
                        soci::into(line));
  std::vector<Anchor> out;
  for (st.execute(); st.fetch();) {
    Result<Anchor> anchor = ParseAnchor(line);
    if (!anchor.ok())
      return Status::InvalidArgument("recorded anchor " + std::to_string(id) + ": " + anchor.status().message());
    out.push_back(*anchor);
  }
  return out;
}

std::optional<ChainBreak> CheckAnchor(soci::session& sql, const Anchor& anchor) {
  for (const ChainPoint& p : anchor.points) {
    if (p.seq == 0) continue;  // the chain was empty then: anything since extends it
    long long seq = 0;
    std::string hash;
    sql << "SELECT seq, hash FROM " + p.table + " WHERE id = :id", soci::use(p.id), soci::into(seq),
        soci::into(hash);
    const std::string where = "the entry anchored at " + anchor.made_at + " (sequence " + std::to_string(p.seq) +
                              ", id " + std::to_string(p.id) + ")";
    if (!sql.got_data()) return ChainBreak{p.table, p.id, "anchor", where + " is gone: the chain was rewritten"};
    if (seq != p.seq || hash != p.hash)
      return ChainBreak{p.table, p.id, "anchor",
                        where + " no longer holds the anchored place and hash: the chain was rewritten"};
  }
  return std::nullopt;
}

Result<Anchor> CurrentAnchor(Database& db, const std::string& made_at) {
  return GuardStorage("anchor", [&]() -> Result<Anchor> {
    Anchor anchor{made_at, {}};
    for (const ChainTable* t : AllChains()) {
      ChainPoint p{t->name, 0, 0, "", GenesisHash()};
      db.session() << "SELECT seq, id, at, hash FROM " + t->name + " ORDER BY id DESC LIMIT 1", soci::into(p.seq),
          soci::into(p.id), soci::into(p.at), soci::into(p.hash);
      anchor.points.push_back(p);
    }
    return anchor;
  });
}

Status RecordAnchor(Database& db, const Anchor& anchor, const std::string& made_by) {
  return GuardStorage("record anchor", [&]() -> Status {
    const std::string line = FormatAnchor(anchor);
    db.session() << "INSERT INTO chain_anchors (made_at, made_by, line) VALUES (:at, :by, :line)",
        soci::use(anchor.made_at), soci::use(made_by), soci::use(line);
    return Status::Ok();
  });
}

Result<std::optional<Anchor>> LatestRecordedAnchor(Database& db) {
  return GuardStorage("latest anchor", [&]() -> Result<std::optional<Anchor>> {
    std::string line;
    db.session() << "SELECT line FROM chain_anchors ORDER BY id DESC LIMIT 1", soci::into(line);
    if (!db.session().got_data()) return std::optional<Anchor>();
    Result<Anchor> anchor = ParseAnchor(line);
    if (!anchor.ok()) return anchor.status();
    return std::optional<Anchor>(*anchor);
  });
}

}  // namespace reunite
