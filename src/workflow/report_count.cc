#include "workflow/report_count.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

namespace reunite::report {

namespace {

// A case's value of each fact: a choice's index, a yes/no as 0/1, a list as a
// bit mask, a text as its Interner id.
using Values = std::array<std::uint32_t, kFactCount>;

struct CaseLink {
  std::int64_t id = 0;
  const LinkFacts* link = nullptr;
};

struct AdultFlags {
  std::uint32_t open = 0;        // bit per FlagKinds() index
  std::uint32_t ineligible = 0;
};

struct Tally {
  long count = 0;
  std::unordered_map<std::uint32_t, long> by_country, by_department;
};

// The breakdown key of a person whose places are not disclosed (not an Interner id).
constexpr std::uint32_t kUndisclosedId = Interner::kMissing - 1;

class Counter {
 public:
  Counter(const ReportFacts& facts, const CategoryTree& tree, const Disclosure& disclosure)
      : facts_(facts), tree_(tree), disclosure_(disclosure), tallies_(tree.nodes.size()),
        us_(facts.text.Find("US")) {}

  StatusReport Run(const std::string& as_of);

 private:
  void IndexLinks();
  void CountChildren();
  void CountParents();
  Values CaseValues(PersonId child, const LinkFacts* link) const;
  void SetParentValues(Values& v, PersonId adult, const PersonFacts& p) const;
  void SetFamilyValues(Values& v, PersonId child) const;
  bool Eval(const Condition& c, const Values& v) const;
  // Marks in `in` each node (of any unit) whose path condition the case meets.
  void Mark(const Values& v, std::vector<char>& in) const;
  void Add(Unit unit, const std::vector<char>& in, std::uint32_t country, std::uint32_t department);
  std::uint32_t ParentCountry(const PersonFacts& p) const;
  bool Hidden(PersonId person) const {
    return disclosure_.hidden_places && disclosure_.hidden_places->count(person) > 0;
  }
  std::vector<std::pair<std::string, long>> Sorted(const std::unordered_map<std::uint32_t, long>& keys) const;

  const ReportFacts& facts_;
  const CategoryTree& tree_;
  const Disclosure& disclosure_;
  std::vector<Tally> tallies_;
  const std::uint32_t us_;
  std::vector<CaseLink> by_child_, by_adult_;  // valid links sorted by (child|adult, link id)
  std::unordered_map<PersonId, std::pair<size_t, size_t>> child_range_;
  std::unordered_map<PersonId, AdultFlags> flags_;
};

// Links that count: not rejected, between a child and an adult that exist at T.
void Counter::IndexLinks() {
  for (const auto& [id, link] : facts_.links) {
    if (link.rejected()) continue;
    auto child = facts_.people.find(link.child), adult = facts_.people.find(link.adult);
    if (child == facts_.people.end() || adult == facts_.people.end()) continue;
    if (!child->second.child || adult->second.child) continue;
    by_child_.push_back({id, &link});
  }
  by_adult_ = by_child_;
  auto key = [](bool by_child) {
    return [by_child](const CaseLink& a, const CaseLink& b) {
      PersonId ka = by_child ? a.link->child : a.link->adult, kb = by_child ? b.link->child : b.link->adult;
      return ka != kb ? ka < kb : a.id < b.id;
    };
  };
  std::sort(by_child_.begin(), by_child_.end(), key(true));
  std::sort(by_adult_.begin(), by_adult_.end(), key(false));
  for (size_t i = 0, j; i < by_child_.size(); i = j) {
    for (j = i; j < by_child_.size() && by_child_[j].link->child == by_child_[i].link->child;) ++j;
    child_range_[by_child_[i].link->child] = {i, j};
  }
  for (const auto& [id, flag] : facts_.flags) {
    if (!flag.open || flag.kind < 0) continue;
    AdultFlags& f = flags_[flag.adult];
    f.open |= 1u << flag.kind;
    if (flag.MakesIneligible()) f.ineligible |= 1u << flag.kind;
  }
}

std::uint32_t Counter::ParentCountry(const PersonFacts& p) const {
  if (p.location_country) return p.location_country;
  return p.removal_country ? p.removal_country : p.nationality;
}

// Whereabouts: US custody and removal say it outright; otherwise where the
// person was last located; a release without a location is into the US.
std::uint32_t Whereabouts(const PersonFacts& p, std::uint32_t us) {
  enum { kInUs, kOutsideUs, kUnknown };
  if (p.custody == CustodyStatus::kDetained) return kInUs;
  if (p.custody == CustodyStatus::kRemoved) return kOutsideUs;
  if (p.location_country) return p.location_country == us ? kInUs : kOutsideUs;
  return p.custody == CustodyStatus::kReleased ? kInUs : kUnknown;
}

template <typename Map>
int ValueOr(const Map& map, typename Map::key_type key, int fallback) {
  auto it = map.find(key);
  return it == map.end() ? fallback : it->second;
}

void Counter::SetParentValues(Values& v, PersonId adult, const PersonFacts& p) const {
  v[kParentLinked] = 1;
  v[kParentWhereabouts] = Whereabouts(p, us_);
  v[kParentCustody] = static_cast<std::uint32_t>(p.custody);
  static const int in_contact = IndexOf(TracingStates(), "in_contact");
  static const int located = IndexOf(TracingStates(), "located");
  const int tracing = ValueOr(facts_.tracing, adult, 0);
  v[kParentTracing] = tracing;
  v[kParentLocated] = tracing == in_contact || tracing == located;
  v[kParentInContact] = tracing == in_contact;
  v[kParentEligibility] = ValueOr(facts_.eligibility, adult, 0);
  auto flags = flags_.find(adult);
  v[kParentFlag] = flags == flags_.end() ? 0 : flags->second.open;
  v[kParentIneligibleReason] = flags == flags_.end() ? 0 : flags->second.ineligible;
  // A place the reader may not see must not decide a category either.
  v[kParentCountry] = Hidden(adult) ? p.nationality : ParentCountry(p);
  v[kParentDepartment] = Hidden(adult) ? 0 : p.location_department;
}

void Counter::SetFamilyValues(Values& v, PersonId child) const {
  auto it = facts_.families.find(child);
  const FamilyFacts family = it == facts_.families.end() ? FamilyFacts{} : it->second;
  static const int reunified_step = IndexOf(LogisticsSteps(), "reunified");
  static const int closed_reunified = IndexOf(ClosureReasons(), "reunified");
  const bool reunified = (family.steps >> reunified_step & 1u) || family.closure == closed_reunified;
  v[kFamilyDecision] = family.decision;
  v[kFamilyPlan] = family.plan;
  v[kFamilyStep] = family.steps;
  v[kFamilyReunified] = reunified;
  v[kFamilyClosure] = family.closure;
  v[kFamilyClosed] = family.closure != 0;
  v[kFamilyRemaining] = !reunified && family.closure == 0;
}

// Facts of a child with one linked parent (`link`), or with none (nullptr).
Values Counter::CaseValues(PersonId child, const LinkFacts* link) const {
  Values v{};
  v[kParentWhereabouts] = 2;  // unknown
  v[kChildNationality] = facts_.people.at(child).nationality;
  SetFamilyValues(v, child);
  if (!link) return v;
  SetParentValues(v, link->adult, facts_.people.at(link->adult));
  auto family = facts_.families.find(child);
  v[kParentDecided] = family != facts_.families.end() && family->second.deciding_adult == link->adult;
  v[kLinkRelationship] = link->relationship;
  v[kLinkVerification] = link->verification;
  return v;
}

bool Counter::Eval(const Condition& c, const Values& v) const {
  switch (c.op) {
    case Condition::Op::kAlways: return true;
    case Condition::Op::kAll:
      return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return Eval(x, v); });
    case Condition::Op::kAny:
      return std::any_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return Eval(x, v); });
    case Condition::Op::kNot: return !Eval(c.children.front(), v);
    case Condition::Op::kChoice: return (c.mask >> v[c.fact]) & 1u;
    case Condition::Op::kListAll: return (v[c.fact] & c.mask) == c.mask;
    case Condition::Op::kListAny: return (v[c.fact] & c.mask) != 0;
    case Condition::Op::kText: {
      const std::string& text = facts_.text.Name(v[c.fact]);
      return std::find(c.texts.begin(), c.texts.end(), text) != c.texts.end();
    }
  }
  return false;
}

void Counter::Mark(const Values& v, std::vector<char>& in) const {
  std::vector<char> met(tree_.nodes.size(), 0);
  for (size_t i = 0; i < tree_.nodes.size(); ++i) {
    const TreeNode& node = tree_.nodes[i];
    met[i] = (node.parent < 0 || met[node.parent]) && Eval(node.when, v);
    in[i] |= met[i];
  }
}

void Counter::Add(Unit unit, const std::vector<char>& in, std::uint32_t country, std::uint32_t department) {
  for (size_t i = 0; i < tree_.nodes.size(); ++i) {
    if (!in[i] || tree_.nodes[i].unit != unit) continue;
    ++tallies_[i].count;
    ++tallies_[i].by_country[country];
    ++tallies_[i].by_department[department];
  }
}

void Counter::CountChildren() {
  std::vector<char> in(tree_.nodes.size());
  for (const auto& [id, person] : facts_.people) {
    if (!person.child) continue;
    std::fill(in.begin(), in.end(), 0);
    std::uint32_t department = 0;
    auto range = child_range_.find(id);
    if (range == child_range_.end()) {
      Mark(CaseValues(id, nullptr), in);
    } else {
      for (size_t i = range->second.first; i < range->second.second; ++i) {
        const LinkFacts* link = by_child_[i].link;
        Mark(CaseValues(id, link), in);
        // A child's department is a parent's: hidden when any parent's is, so that a
        // hidden parent's department showing up or changing moves nothing.
        if (Hidden(link->adult)) department = kUndisclosedId;
        if (!department) department = facts_.people.at(link->adult).location_department;
      }
    }
    Add(Unit::kChildren, in, person.nationality, department);
  }
}

void Counter::CountParents() {
  std::vector<char> in(tree_.nodes.size());
  for (size_t i = 0, j; i < by_adult_.size(); i = j) {
    const PersonId adult = by_adult_[i].link->adult;
    std::fill(in.begin(), in.end(), 0);
    for (j = i; j < by_adult_.size() && by_adult_[j].link->adult == adult; ++j)
      Mark(CaseValues(by_adult_[j].link->child, by_adult_[j].link), in);
    const PersonFacts& p = facts_.people.at(adult);
    if (Hidden(adult)) Add(Unit::kParents, in, kUndisclosedId, kUndisclosedId);
    else Add(Unit::kParents, in, ParentCountry(p), p.location_department);
  }
}

std::vector<std::pair<std::string, long>> Counter::Sorted(const std::unordered_map<std::uint32_t, long>& keys) const {
  std::vector<std::pair<std::string, long>> out;
  long unknown = 0, undisclosed = 0;
  for (const auto& [id, n] : keys) {
    if (id == 0) unknown = n;
    else if (id == kUndisclosedId) undisclosed = n;
    else out.emplace_back(facts_.text.Name(id), n);
  }
  std::sort(out.begin(), out.end());
  // A few undisclosed people are folded into "unknown": their own bucket would be
  // a small count that changes with them alone.
  if (undisclosed >= kUndisclosedMinimum) out.emplace_back(kUndisclosedKey, undisclosed);
  else unknown += undisclosed;
  if (unknown) out.emplace_back(kUnknownKey, unknown);
  return out;
}

// Keys sorted by name with "undisclosed" and "unknown" last, as Sorted orders each node's.
std::vector<std::string> KeyUnion(const std::vector<NodeCount>& nodes, bool country) {
  std::map<std::string, bool> keys;
  for (const auto& n : nodes)
    for (const auto& [key, count] : country ? n.by_country : n.by_department) keys[key] = true;
  std::vector<std::string> out;
  for (const auto& [key, unused] : keys)
    if (key != kUnknownKey && key != kUndisclosedKey) out.push_back(key);
  for (const char* last : {kUndisclosedKey, kUnknownKey})
    if (keys.count(last)) out.push_back(last);
  return out;
}

StatusReport Counter::Run(const std::string& as_of) {
  IndexLinks();
  CountChildren();
  CountParents();
  StatusReport report;
  report.as_of = as_of;
  report.tree_source = tree_.source;
  report.journal_entries = facts_.entries_applied;
  for (size_t i = 0; i < tree_.nodes.size(); ++i) {
    const TreeNode& node = tree_.nodes[i];
    NodeCount n{node.id, node.parent < 0 ? "" : tree_.nodes[node.parent].id, node.depth, node.label_en,
                node.label_es, node.unit, tallies_[i].count, Sorted(tallies_[i].by_country),
                Sorted(tallies_[i].by_department)};
    report.nodes.push_back(std::move(n));
  }
  report.countries = KeyUnion(report.nodes, true);
  report.departments = KeyUnion(report.nodes, false);
  report.fewer_than = disclosure_.fewer_than;
  return report;
}

}  // namespace

StatusReport CountStatus(const ReportFacts& facts, const CategoryTree& tree, const std::string& as_of,
                         const Disclosure& disclosure) {
  return Counter(facts, tree, disclosure).Run(as_of);
}

}  // namespace reunite::report
