// Read-only access to stored case data. Writes go through CaseWriter.
// Functions that return a plain value (no Status) read a storage failure as
// "nothing found" (empty, nullopt, 0) after logging it with spdlog; a caller that
// must tell the two apart uses Get, which returns a Result.
#pragma once
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"
#include "ingest/lookup_text.h"
#include "model/family.h"
#include "model/person.h"
#include "model/provenance.h"
#include "store/case_writer.h"
#include "store/database.h"

namespace reunite {

struct PersonQuery {
  std::optional<Role> role;
  std::string text;   // case- and accent-insensitive substring of name, A-number or record id
  int limit = 100;    // negative reads as 0
  int offset = 0;
};

// Where a source's record currently points; used by import to update, not duplicate.
struct RecordKey {
  std::string record_id;
  PersonId person_id = 0;
  std::string row_hash;  // hash of the last imported row's verbatim text
};

class PersonRepository {
 public:
  explicit PersonRepository(Database& db) : db_(db) {}
  // NotFound when there is no such person.
  Result<Person> Get(PersonId id);
  // The people of `ids` that exist, in id order, read in one query (a search
  // result page reads its hits at once instead of one query each).
  Result<std::vector<Person>> GetMany(const std::vector<PersonId>& ids);
  // People matching every given filter, in id order.
  std::vector<Person> Find(const PersonQuery& query);
  long Count(std::optional<Role> role = std::nullopt);
  // Calls `visit` with every person (of `role`, when given) in id order, read in
  // one query without holding them all (for building an in-memory index). Stops at
  // the first non-OK Status `visit` returns and returns it; otherwise OK, or
  // StorageError when the database fails, InvalidArgument when a stored value does
  // not parse.
  // `columns`, when given, are the only stored columns read (person_fields.h names;
  // the role is always read).
  Status ForEach(const std::function<Status(Person&&)>& visit, std::optional<Role> role = std::nullopt,
                 const std::vector<std::string>* columns = nullptr);
  // The people an identifier typed into a search box names (ingest/lookup_text.h):
  // by A-number, phone number, any source's record id (as typed or upper-cased) and
  // person id, each person once, in that order of evidence; `how` says which
  // ("a_number", "phone", "record_id", "person_id"). Exact matches only.
  Result<std::vector<std::pair<Person, std::string>>> FindByLookup(const LookupText& lookup);
  // The children whose name, or a linked adult's (rejected links aside), holds `name`
  // (case and accents ignored, as search_key is folded). Throws soci errors (callers
  // run it under GuardStorage).
  std::set<PersonId> ChildrenNamed(const std::string& name);
  // Every provenance row of the person, oldest first.
  std::vector<SourceRow> Provenance(PersonId id);
  // The person a source's record points to, if any.
  std::optional<PersonId> FindBySourceRecord(const std::string& source, const std::string& record_id);
  // Every record key of a source (for import).
  std::vector<RecordKey> RecordKeys(const std::string& source);
  Family GetFamily(PersonId child_id);
  // Families the adult belongs to, as links.
  std::vector<FamilyLink> LinksOfAdult(PersonId adult_id);

 private:
  Database& db_;
};

class JournalRepository {
 public:
  explicit JournalRepository(Database& db) : db_(db) {}
  // Journal entries of one entity, oldest first.
  std::vector<JournalEntry> ForEntity(const std::string& entity, std::int64_t id);
  long Count();

 private:
  Database& db_;
};

}  // namespace reunite
