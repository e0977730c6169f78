// A phonetic key for names as Spanish-speaking clerks, US clerks and Maya-language
// speakers spell them: two spellings that sound alike in Central American Spanish
// get the same key. Rules (applied to folded text, see ingest/fold.h), in order:
//   1. Letters only: apostrophes, hyphens, spaces and digits are dropped
//      (Tz'ul = Tzul, K'iche' = Kiche).
//   2. Digraphs: "ch" -> C (kept distinct), "ll" -> Y, "sh" and "x" before a vowel
//      or at the end -> S (Maya x/sh: Xol = Shol = Sol), "tz"/"ts" -> Z (Tzul = Tsul),
//      "qu" before e/i -> K, "gu" before e/i -> G, "gu"/"hu"/"w" before a vowel -> W
//      (Guatemala's "Wuqub"/"Guqub"), "ph" -> F, "ck" -> K.
//   3. Single letters: b/v -> B; s/z, and c before e/i -> S; c/k/q (other) -> K;
//      g before e/i, and j -> H; silent h dropped (except from rule 2); y as a vowel
//      (between consonants or at the end) -> I; n before b/p -> M ("Ambrocio"/"Anbrocio").
//   4. Vowels are kept except that a doubled letter of any kind collapses to one
//      ("Cumes"/"Cummes", "Aa" -> "A").
// The key is upper case ASCII. Empty for text with no letters.
#pragma once
#include <string>
#include <string_view>

namespace reunite::match {

std::string PhoneticKey(std::string_view folded);

}  // namespace reunite::match
