// A phonetic key for names as Spanish-speaking clerks, US clerks and Maya-language
// speakers spell them: two spellings that sound alike in Central American Spanish
// get the same key. Rules (applied to folded text, see ingest/fold.h), in order:
//   1. Letters only: apostrophes (straight or curly) vanish inside a word (Tz'ul =
//      Tzul, K'iche' = Kiche); spaces, hyphens, digits and other punctuation separate
//      words, which are encoded one after another into one key. "Start" and "end"
//      below mean of a word.
//   2. Digraphs: "ch" -> C (kept distinct: Choc != Coc), "ll" before a vowel -> Y
//      (Llat = Yat; elsewhere, as in Wellmann, it is an l), "sh" -> S, "tz"/"ts" -> Z
//      (Tzul = Tsul), "qu" before e/i -> K, "gu" before e/i -> G (Guillermo),
//      "gu"/"hu" before another vowel -> W (Guarchaj = Warchaj, Huehuetenango =
//      Wewetenango), "ph" -> F, "ck" -> K.
//   3. Single letters: b/v -> B; s/z, and c before e/i -> S; c/k/q (other) -> K;
//      x -> S (Maya x is sh: Xol = Shol = Sol, Ixcoy = Ishcoy, Cux = Cush) except
//      at the start of "xime", the old Spanish spelling of j (Ximénez = Jiménez =
//      Giménez); g before e/i, and j -> H, but a j at the end of a word is dropped
//      (faint in Central American speech, written h or left out by US clerks:
//      Quej = Kej = Keh); h is silent and dropped (Hernández = Ernández, Jhon =
//      John = Jon), except in the digraphs of rule 2; y not before a vowel -> I
//      (Reynaldo = Reinaldo, Ixcoy = Ixcoi); n before b/p -> M ("Ambrocio" =
//      "Anbrocio"); d f l m n p r t w keep their letter. So "Giyermo" reads as
//      Spanish (Hiyermo) and differs from Guillermo; Jaro-Winkler still finds it.
//   4. Vowels are kept, and a code repeated right after itself collapses to one
//      ("Cumes"/"Cummes", "Caal"/"Cal", "Ascencio"/"Asencio").
// The key is upper case ASCII. Empty for text with no letters. Allocates (the key
// and one word buffer): compute it once per record.
#pragma once
#include <string>
#include <string_view>

namespace reunite::match {

std::string PhoneticKey(std::string_view folded);

}  // namespace reunite::match
