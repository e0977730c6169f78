// The ways agencies garble what they write down, as pure functions of text and a
// random source. Rates live in NoiseRates; render.cc decides when each applies.
#pragma once
#include <string>
#include <string_view>

#include "synth/random.h"

namespace reunite::synth {

// Per-record (or per-token, where noted) probabilities at a noise level: each base
// rate times the level, capped at 0.95. Level 0 gives all zeros.
struct NoiseRates {
  explicit NoiseRates(double level);
  double drop_accents, all_caps;               // per record
  double typo, phonetic;                       // per name token
  double phonetic_maya;                        // per Maya surname
  double swap_surnames, missing_maternal, surname_in_given, hyphenated;
  double swap_day_month, january_first, missing_dob;
  double missing_a_number, mistyped_a_number, format_variety;
  double nickname_given, nickname_reported;    // per given name / per mention
  double missing_phones, missing_sex, language_spelling;
  double duplicate;                            // adult has a second agency's record
  double first_given_only;                     // ORR keeps only the first given name
  double misspell_country, apprehension_shift; // per record
  double placeholder;   // an unknown A-number, phone or date written as "N/A", "000000000"...
  double shared_phone;  // a shelter's or consulate's number given by many unrelated adults
};

// "Hernández" -> "Hernandez", "Ñ" -> "N": Latin-1 letters with diacritics to ASCII.
std::string DropAccents(std::string_view text);
// ASCII and Latin-1 letters to upper case ("peña" -> "PEÑA").
std::string AllCaps(std::string_view text);
// How record systems that store names without accents write them: "Peña" -> "PENA".
inline std::string CapitalsWithoutAccents(std::string_view text) { return AllCaps(DropAccents(text)); }
// One keyboard slip: a letter inserted, deleted, substituted or two transposed.
// The first letter is kept; words under 3 letters are returned unchanged.
std::string Typo(std::string_view word, Rng& rng);
// One Spanish-ear respelling (b/v, s/z/c, y/ll, h, j/g, qu/k/c, x/sh, tz/ts, gu/w),
// chosen among those that apply; unchanged when none applies.
std::string Phonetic(std::string_view word, Rng& rng);
// The same digits with one changed.
std::string MistypeDigit(std::string_view digits, Rng& rng);
// A 9-digit A-number as written: "A212345678", "212-345-678", "A 212 345 678", or
// the 8 digits of an old one without its padding zero. Canonical "A" + 9 digits
// when !vary.
std::string FormatANumber(const std::string& digits, bool vary, Rng& rng);
// An E.164 number as written: "5555-1234", "+502 55551234", "(502) 5555 1234",
// "(713) 555-1234"...; E.164 unchanged when !vary.
std::string FormatPhone(const std::string& e164, bool vary, Rng& rng);

}  // namespace reunite::synth
