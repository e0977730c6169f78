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
};

// Parses the cell. Text is folded (case and accents ignored); a relation word starts
// a new mention and the words after it, up to the next relation word, are its name,
// whatever the punctuation (";", ",", ":", "-", "y"). Filler words before a relation
// word ("mi", "su") are dropped; "N años" gives the age. Words before any relation word
// make a kUnknown mention. Never fails: unreadable text gives fewer mentions.
std::vector<RelativeMention> ParseRelativeMentions(std::string_view text);

// The relation a folded word names, or kUnknown when it is not a relation word.
RelativeKind RelationWordKind(std::string_view folded_word);

std::string ToString(RelativeKind kind);  // "unknown", "father", "mother", "child", "other_relative", "ward"

}  // namespace reunite::match
