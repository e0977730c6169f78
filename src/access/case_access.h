// The protected read and write service that every front end (web pages, the JSON
// API, the CLI) must use for case data. Each call checks the principal's role
// (access/policy.h), limits field searchers to their team's families, withholds
// the fields the principal may not see, and writes the audit log: one entry per
// write, one per read that returned a person's protected fields (location,
// phones, protection notes) unwithheld and not empty, one per refusal.
//
// Errors: PermissionDenied when the role may not take the action at all; NotFound
// when the record does not exist or lies outside a field searcher's team (the two
// read alike, so scope does not reveal what exists); others as the store's.
//
// A read's audit entries are written before the read returns: through the
// server's AuditWriter (group commit) when given one, else on `db` directly.
//
// Not thread-safe: one CaseAccess per request, on that request's Database.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "access/audit.h"
#include "access/policy.h"
#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "match/person_search.h"
#include "model/family.h"
#include "model/person.h"
#include "model/provenance.h"
#include "store/case_writer.h"
#include "store/database.h"
#include "store/repositories.h"

namespace reunite {

class AuditWriter;
class SearchService;
struct FamilyFacts;

// The last time someone took a person off "at risk" (the journal's entry).
struct ProtectionRemoval {
  std::string by, at;
  std::string reason;  // "" when the principal may not see protection notes
};

struct PersonView {
  Person person;                      // withheld fields cleared
  std::vector<std::string> withheld;  // "location", "phones", "protection_notes": say so on the page
  bool at_risk = false;               // visible to everyone who may read the person
  // At risk, or the same person as a record at risk (access/protected_people.h):
  // withheld as if at risk.
  bool protected_person = false;
  std::optional<ProtectionRemoval> protection_removed;
  std::string protection_notes;       // "" when withheld or none
  std::vector<std::string> teams;     // field teams of the person's families
};

struct FamilyMemberView {
  FamilyLink link;
  PersonView adult;
};

// What a family page must say before anything else (issue 14, "safety in view").
struct FamilyWarnings {
  bool at_risk = false;     // the child or a linked adult is a protected person
  bool ineligible = false;  // a linked adult's eligibility is "ineligible"
  bool contested = false;   // a linked adult has an open, contested eligibility flag
  // Other children of the same parents whose current decision differs from this
  // child's (a parent deciding differently for siblings needs a second look).
  std::vector<PersonId> siblings_deciding_otherwise;
  // Linked adults in a pending duplicate candidate (the parent may be two records).
  std::vector<PersonId> parents_with_pending_duplicate;
};

struct FamilyView {
  PersonView child;
  std::vector<FamilyMemberView> adults;  // the linked adults the principal may see
  std::string team;                      // the family's field team ("" unassigned)
  FamilyWarnings warnings;
  // The journal of the child, its links, its adults, its assignment and their
  // protection, oldest first; values of withheld fields read "[withheld]".
  std::vector<JournalEntry> timeline;
};

enum class FamilySort { kChildId, kChildName, kChildAge, kNextDeadline };

struct FamilyQuery {
  std::optional<CustodyStatus> status;  // the child's custody status
  std::string country;                  // the child's nationality (ISO alpha-2); "" any
  std::string department;               // the child's department (ISO 3166-2); never matches a withheld location
  std::string team;                     // "" any
  std::optional<int> min_age, max_age;  // the child's age in whole years today; unknown births left out
  // The coordinators' follow-up (access/family_facts.h):
  std::string name;         // part of the child's or a linked adult's name (any case or accents), "" any
  std::string tracing;      // the family's furthest tracing state, or "reached" / "not_reached" (no parent
                            // reached, or none linked yet), "" any
  std::string decision;     // the child's decision kind, or "pending", "" any
  std::string eligibility;  // the parents' worst status, or "contested", or "ineligible_or_contested", "" any
  std::optional<int> deadline_within_days;  // an open deadline due within this many days (or overdue)
  bool at_risk = false;     // only families with a protected child or parent
  bool reunifying = false;  // only families with a logistics plan and no closure
  bool open_only = false;   // closed families left out
  FamilySort sort = FamilySort::kChildId;
  int limit = 50;
  int offset = 0;
};

struct LinkedAdult {
  PersonId adult_id = 0;
  std::string name;
  Relationship relationship = Relationship::kOtherRelative;
  Verification verification = Verification::kClaimed;
};

struct FamilySummary {
  PersonId child_id = 0;
  std::string child_name;
  std::string nationality;
  std::string department;  // "" when unknown or withheld
  std::string team;
  int adults = 0;          // linked adults, rejected links not counted
  std::vector<LinkedAdult> linked_adults;  // rejected links left out
  std::string tracing;        // FamilyFacts: the furthest tracing state of a parent, "" none
  std::string decision = "pending";
  std::string eligibility;    // "" when no parent has one
  bool contested = false;
  std::string next_deadline;  // ISO time, "" none
  bool at_risk = false;       // the child or a linked adult is a protected person
  bool reunifying = false;
  bool closed = false;
};

// The saved views of the families list, by name: "not_reached" (parents not yet
// reached), "located_no_decision", "ineligible_or_contested", "deadline_7" (a
// deadline within 7 days), "reunifying" (reunification under way). False for an
// unknown name.
bool ApplyFamilyView(const std::string& view, FamilyQuery* q);
const std::vector<std::string>& FamilyViews();

struct FamilyPage {
  std::vector<FamilySummary> families;
  long total = 0;  // families matching the query, before limit and offset
};

// The children a principal may read, counted (the dashboard).
struct FamilyCounts {
  std::map<std::string, long> by_status;   // by custody status ("in_care", ...)
  std::map<std::string, long> by_country;  // by the child's nationality ("" unknown)
  long total = 0;
};

// A search hit: the person's name, birth, nationality and role; location and
// phones are not part of search results (open the person with GetPerson).
struct SearchResult {
  match::SearchHit hit;
  // How an identifier typed in the box found the person ("a_number", "phone",
  // "record_id", "person_id"); "" for a name search's hit.
  std::string found_by;
  Person person;
  bool at_risk = false;
  bool protected_person = false;  // at risk, or the same person as a record at risk
};

// Filters of a search (not scores): the query's country and birth date only rank.
struct SearchFilter {
  std::string country;            // ISO 3166-1 alpha-2 nationality, "" = any
  std::optional<int> birth_year;  // born that year (a year-only birth date counts)
  bool empty() const { return country.empty() && !birth_year; }
};

// A removal of protection, for the coordinators' dashboard.
struct ProtectionRemovalNotice {
  PersonId person_id = 0;
  ProtectionRemoval removal;
};

// One family link of a person (a child's adult, an adult's child) with the other
// person's name.
struct PersonLink {
  FamilyLink link;
  PersonId other = 0;
  std::string other_name;  // the display name (as recorded when it has none); "" when not found
};

// Where a person's record came from: the list, record, file and line of each row.
// The rows' text holds every column as the list gave it, phones and places too.
enum class SourceText { kLeftOut, kIncluded };
struct ProvenanceView {
  std::vector<SourceRow> rows;  // oldest first; raw "" unless asked for and shown
  bool text_withheld = false;   // asked for, and left out: it holds fields withheld from the principal
};

// What LinkFamily did.
struct LinkOutcome {
  FamilyLinkId id = 0;
  bool created = false;    // a new link; else the pair's link was changed
  int fields_changed = 0;  // of an existing link (0 when it already said so)
};

class CaseAccess {
 public:
  // `principal.remote` is written to the audit log as where the request came from.
  // `reads`, when given, writes the audit entries of protected reads (see above).
  CaseAccess(Database& db, Principal principal, Clock& clock = DefaultClock(), AuditWriter* reads = nullptr);

  const Principal& principal() const { return principal_; }

  Result<PersonView> GetPerson(PersonId id);
  Result<FamilyView> GetFamily(PersonId child_id);
  // Filters on custody status, country and team with the default sort are answered
  // from indexes; department, age and the other sorts read every child in scope.
  Result<FamilyPage> ListFamilies(const FamilyQuery& query);
  // The person's family links (any verification), with the other person's name;
  // for a field searcher only those whose other person is in their team's families
  // (a rejected link brings no one in). Names only: not audited.
  Result<std::vector<PersonLink>> FamilyLinks(PersonId id);
  // The person's provenance. With SourceText::kIncluded the rows' text is returned
  // only when none of the person's location and phones is withheld from the
  // principal (else text_withheld), and a read that returns it is audited
  // ("read_protected", detail "source_rows").
  Result<ProvenanceView> Provenance(PersonId id, SourceText text);
  // The person's change journal, as `reunite history` prints it: their record,
  // protection and family team; their workflow (an adult's tracing and eligibility,
  // a child's decision, logistics and closure; creation snapshots left out) when the
  // principal may read the workflow; then the entries of each link FamilyLinks
  // returns. Each group oldest first. Withheld fields read "[withheld]", as in
  // GetFamily's timeline; a history that shows location, phones or protection notes
  // is audited ("read_protected", detail "history: <groups>").
  Result<std::vector<JournalEntry>> History(PersonId id);
  // Every family `query` selects (its limit and offset ignored), for a CSV or XLSX
  // download: withheld as ListFamilies withholds, and always audited
  // ("export_families", with the format, the filters and the number of rows), since
  // one download holds the whole list.
  Result<FamilyPage> ExportFamilies(FamilyQuery query, const std::string& format, const std::string& filters);
  // The dashboard's numbers, from an index: no child's row is read.
  Result<FamilyCounts> CountFamilies();
  // Search over the people the principal may read (query.limit hits). Text that is
  // an identifier (ingest/lookup_text.h: an A-number, a phone number, a record id or
  // a person id, in any common form) finds its people exactly first, with score 1;
  // text with a name is then searched fuzzily. query.role, and `filter`, keep only
  // the people they describe.
  Result<std::vector<SearchResult>> SearchPeople(SearchService& search, const match::SearchQuery& query,
                                                 const SearchFilter& filter = {});
  // People by role and a substring of name, A-number or record id (store's
  // PersonQuery), id order; location and phones cleared as in search results. For a
  // field searcher only their team's people, filtered after limit and offset.
  Result<std::vector<SearchResult>> ListPeople(const PersonQuery& query);
  // Which of `ids` are protected people (at risk, or the same person as a record at
  // risk), for lists such as a team's worklist to mark them; visible to every reader
  // of people, as the at-risk flag is.
  Result<std::set<PersonId>> ProtectedAmong(const std::vector<PersonId>& ids);
  // The display names of `ids` (for lists such as a team's worklist that show a name
  // and nothing else), read together; a person who does not exist or lies outside a
  // field searcher's team is left out. No protected field is read, so one lookup
  // entry is audited, not one per person.
  Result<std::map<PersonId, std::string>> Names(const std::vector<PersonId>& ids);

  // Lists and searches return no protected field, so they are not audited unless a
  // front end asks: the CLI, which can print every record in one call, audits each
  // list and search ("list_people", "search_people", with the query) as well.
  void set_audit_lookups(bool on) { audit_lookups_ = on; }

  // Writes. Each runs in its own transaction with its journal and audit entries.
  // A field withheld from the principal keeps its stored value whatever `person`
  // holds, so a page that showed it as withheld cannot erase it. Returns the
  // number of fields changed.
  Result<int> UpdatePerson(const Person& person, const std::string& reason);
  // Adds the link, or changes the relationship and verification of the pair's link.
  Result<LinkOutcome> LinkFamily(const FamilyLink& link, const std::string& reason);
  // Marks the person at risk or not, with protection notes (nullopt keeps the stored
  // notes). InvalidArgument, naming the field, for notes over kMaxProtectionNotes
  // bytes, control characters other than line breaks, or a blank reason. Taking a
  // person off "at risk" needs Action::kRemoveProtection (coordinators, admins):
  // PermissionDenied, audited, for anyone else.
  Status SetAtRisk(PersonId id, bool at_risk, const std::optional<std::string>& notes, const std::string& reason);
  // Gives the child's family to a field team; "" unassigns. InvalidArgument, naming
  // the field, for a team name over kMaxTeam bytes, with control characters or
  // surrounding spaces, or a blank reason. A child only (an adult: InvalidArgument).
  Status AssignFamily(PersonId child_id, const std::string& team, const std::string& reason);
  static constexpr std::size_t kMaxTeam = 64;  // as accounts allow for a user's team
  static constexpr std::size_t kMaxProtectionNotes = 4000;
  static constexpr std::size_t kMaxReason = 500;

  // The audit log, newest first: admins and auditors only.
  Result<std::vector<AuditEntry>> ListAudit(const AuditQuery& query);
  // How many entries match `query` (limit and offset aside), for paging; as ListAudit.
  Result<long> CountAudit(const AuditQuery& query);

  // Removals of protection in the last `within_days` days, newest first, at most
  // `limit`, by someone other than the principal: what the dashboard tells
  // coordinators and admins (PermissionDenied for roles without kRemoveProtection).
  Result<std::vector<ProtectionRemovalNotice>> ProtectionRemovals(int within_days, int limit);

  // What the principal may not see of person `id` (policy.h's Withheld with the
  // person's protection), and whether the person is protected. No scope check and no
  // audit: for services that show parts of a person they read elsewhere (review
  // explanations). NotFound when there is no such person.
  struct PersonWithholding {
    Withholding withheld;
    bool protected_person = false;
  };
  Result<PersonWithholding> WithholdingFor(PersonId id);
  // Every protected record (access/protected_people.h), read once per CaseAccess.
  Result<const std::set<PersonId>*> ProtectedSet();

 private:
  // What decides scope and withholding for one person.
  struct Facts {
    Role role = Role::kAdult;
    bool at_risk = false;
    bool protected_person = false;  // at risk, or the same person as a record at risk
    std::string notes;
    std::vector<std::string> teams;  // a child's assignment; an adult's children's assignments
  };
  Result<Facts> LoadFacts(PersonId id);
  Result<std::set<PersonId>> AtRiskAmong(const std::vector<PersonId>& ids);
  Result<std::optional<ProtectionRemoval>> LastRemoval(PersonId id, bool with_reason);
  // Withholds what the principal may not see; queues the read's audit entry.
  Result<PersonView> View(Person person, const Facts& facts);
  // Writes the queued read entries; a read whose entries fail returns the error.
  Status FlushReads();
  Status Deny(const std::string& what);
  Status CheckScope(const Facts& facts, PersonId id);
  Status CheckWrite(Action action, PersonId id, const std::string& what);
  std::vector<JournalEntry> Timeline(const FamilyView& family);
  // The person's record and protection entries, withheld fields "[withheld]".
  std::vector<JournalEntry> PersonJournal(PersonId id, const std::vector<std::string>& withheld,
                                          const Location& shown);
  // The checks of a read of one person (role, then scope), and its facts.
  Result<Facts> CheckRead(Action action, PersonId id, const std::string& what);
  bool InTeam(const Facts& facts) const;
  // Queues a "read_protected" entry about person `id`, written by FlushReads.
  void QueueRead(PersonId id, const std::string& detail);
  // The index-backed families list (case_access_counts.cc), for queries it answers.
  static bool IndexAnswers(const FamilyQuery& query);
  Result<FamilyPage> ListFamiliesByIndex(const FamilyQuery& query);
  Result<FamilyPage> ListFamiliesByScan(const FamilyQuery& query, const std::set<PersonId>& protected_people);
  // Copies the workflow's facts into a family's summary; the department, when the
  // child has none the reader may see, is a linked adult's that the reader may.
  void AddFamilyFacts(FamilySummary& s, const FamilyFacts& f, const std::set<PersonId>& protected_people);
  Result<FamilyWarnings> Warnings(const FamilyView& family);
  // One row of the list, the child's withheld fields cleared; `links` without rejected ones.
  FamilySummary Summarise(Person child, const std::string& team, bool protected_person,
                          const std::vector<FamilyLink>& links);

  Status AuditLookup(const char* action, const std::string& detail);

  Database& db_;
  Principal principal_;
  Clock& clock_;
  AuditWriter* reads_;
  std::vector<AuditEntry> pending_reads_;
  bool audit_lookups_ = false;
  std::optional<std::set<PersonId>> protected_;
};

}  // namespace reunite
