// The relatives a person named, read from the free-text "reported_relatives" cell of
// an agency list: what a child told a shelter ("mamá", "Mamá: María", "papa Jose
// Luis", "tío Pedro", "Mi papá Isaías Héctor Cruz Domínguez; mamá: Miriam Cárcamo")
// and what an adult told Border Patrol or ICE ("hijo: Kevin", "hija Maria Jose 6
// años", "menor Kevin"). Family linking compares these names with the other list.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace reunite::match {

// Who the named relative is to the person who named them.
enum class RelativeKind {
  kUnknown,      // a name with no relation word
  kFather,       // papá, papi, padre, tata, ...
  kMother,       // mamá, mami, madre, ...
  kChild,        // hijo, hija (said by a parent)
  kOtherRelative,  // tío, abuela, hermano, primo, sobrino, nieto, ... (either side)
  kWard,         // menor, niño a cargo (said by a guardian who is not a relative)
};

struct RelativeMention {
  RelativeKind kind = RelativeKind::kUnknown;
  std::string word;                // the relation word, folded ("mama"); "" for kUnknown
  std::vector<std::string> names;  // name tokens, folded, in order (given names first)
  int age = -1;                    // "6 años" -> 6; -1 when not said
  // Said to be elsewhere: in the home country, dead, a sponsor in the US ("Mom Karla in
  // home country", "Sponsor: Aunt Reyna"). Such a relative was not apprehended with
  // the child, so a namesake on an enforcement list is not them.
  bool elsewhere = false;
  // Said to have come or been separated with the child ("(separated at border)").
  bool together = false;
};

// Parses the cell. Text is folded (case and accents ignored); a relation word starts
// a new mention and the words after it, up to the next relation word, are its name,
// whatever the punctuation (";", ",", ":", "-", "y"). Filler words before a relation
// word ("mi", "su", "UAC") are dropped; "N años", "(N)" or "age N" gives the age.
// Words before any relation word, or after a ";", make a kUnknown mention. A name ends
// at a word that says where or how the relative is ("in", "was", "separated", a
// parenthesis); those words set `elsewhere` or `together` and name no one. "Sponsor:"
// starts a mention that is elsewhere (its relation word, if any, gives the kind). In a
// cell written in capitals, "SURNAMES, GIVEN" is turned round ("SON: YAX RAMIREZ,
// LUIS" names luis yax ramirez). "Child reports ...": the child is who speaks. Never
// fails: unreadable text gives fewer mentions.
std::vector<RelativeMention> ParseRelativeMentions(std::string_view text);

// The relation a folded word names, or kUnknown when it is not a relation word.
RelativeKind RelationWordKind(std::string_view folded_word);

// The sex a relation word names: 'F' (tía, abuela, aunt, sister, ...), 'M' (tío,
// abuelo, uncle, brother, ...) or 0 when it does not say.
char RelationWordSex(std::string_view folded_word);

std::string ToString(RelativeKind kind);  // "unknown", "father", "mother", "child", "other_relative", "ward"

}  // namespace reunite::match
