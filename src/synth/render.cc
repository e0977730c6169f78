#include "synth/render.h"

#include "synth/agency_style.h"
#include "synth/calendar.h"

namespace reunite::synth {

const std::vector<std::string> kRecordColumns = {
    "record_id", "given_names", "surnames", "sex", "date_of_birth", "country", "a_number", "phones",
    "language", "apprehension_date", "apprehension_place", "location", "status", "removal_date",
    "reported_relatives"};

namespace {

enum Column {
  kRecordId, kGiven, kSurnames, kSex, kDob, kCountry, kANumber, kPhones, kLanguage,
  kApprehensionDate, kApprehensionPlace, kLocation, kStatus, kRemovalDate, kReported
};

std::string JoinWords(const std::vector<std::string>& words, const char* sep = " ") {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += sep;
    out += w;
  }
  return out;
}

std::string NoisyToken(const std::string& token, bool maya, RenderContext& ctx) {
  std::string t = token;
  if (ctx.rng.Chance(ctx.rates.typo)) t = Typo(t, ctx.rng);
  if (ctx.rng.Chance(maya ? ctx.rates.phonetic_maya : ctx.rates.phonetic)) t = Phonetic(t, ctx.rng);
  return t;
}

void RenderName(const SynthPerson& p, Agency agency, RenderContext& ctx, std::string* given,
                std::string* surnames) {
  const NoiseRates& r = ctx.rates;
  std::vector<std::string> tokens = p.given;
  // ORR's intake form has room for one first name.
  if (agency == Agency::kOrr && tokens.size() > 1 && ctx.rng.Chance(r.first_given_only)) tokens.resize(1);
  const std::vector<std::string>& nicks = ctx.names.Nicknames(tokens.front());
  if (!nicks.empty() && ctx.rng.Chance(r.nickname_given)) tokens.front() = ctx.rng.Choose(nicks);
  std::string pat = p.paternal, mat = p.maternal, married = p.married;
  if (ctx.rng.Chance(r.missing_maternal)) mat.clear(), married.clear();
  if (!mat.empty() && ctx.rng.Chance(r.swap_surnames)) std::swap(pat, mat);
  for (auto& t : tokens) t = NoisyToken(t, false, ctx);
  pat = NoisyToken(pat, ctx.names.IsMayaSurname(pat), ctx);
  if (!mat.empty()) mat = NoisyToken(mat, ctx.names.IsMayaSurname(mat), ctx);
  if (!mat.empty() && ctx.rng.Chance(r.surname_in_given)) {
    tokens.push_back(pat);  // the US form's single "last name" box took the second surname
    pat = mat;
    mat.clear();
  }
  *given = JoinWords(tokens);
  *surnames = pat;
  if (!mat.empty()) *surnames += (ctx.rng.Chance(r.hyphenated) ? "-" : " ") + mat;
  if (!married.empty()) *surnames += " de " + married;
}

std::string RenderDob(const Date& dob, Agency agency, RenderContext& ctx) {
  const NoiseRates& r = ctx.rates;
  if (ctx.rng.Chance(r.missing_dob)) return agency == Agency::kIce && ctx.rng.Chance(r.placeholder) ? "00/00/0000" : "";
  Date d = dob;
  if (ctx.rng.Chance(r.january_first)) {
    d.month = d.day = 1;  // the agency's "unknown date" default, year kept
  } else if (d.day <= 12 && d.day != d.month && ctx.rng.Chance(r.swap_day_month)) {
    std::swap(d.day, d.month);
  }
  return WriteDate(d, agency, ctx.rng);
}

std::string RenderANumber(const std::string& digits, RenderContext& ctx) {
  if (digits.empty() || ctx.rng.Chance(ctx.rates.missing_a_number))
    return ctx.rng.Chance(ctx.rates.placeholder) ? PlaceholderANumber(ctx.rng) : "";
  std::string d = ctx.rng.Chance(ctx.rates.mistyped_a_number) ? MistypeDigit(digits, ctx.rng) : digits;
  return FormatANumber(d, ctx.rng.Chance(ctx.rates.format_variety), ctx.rng);
}

std::string RenderLanguage(const Language& language, RenderContext& ctx) {
  if (!ctx.rng.Chance(ctx.rates.language_spelling)) return language.name;
  if (language.name == "Spanish") return ctx.rng.Chance(0.5) ? "Español" : "spanish";
  std::string out;
  for (char c : language.name)
    if (c != '\'') out += c;
  return out;
}

std::string RenderMentions(const std::vector<Mention>& mentions, RenderContext& ctx) {
  std::string out;
  for (const Mention& m : mentions) {
    if (!out.empty()) out += "; ";
    out += m.word;
    if (!m.given.empty()) {
      std::vector<std::string> given = m.given;
      const std::vector<std::string>& nicks = ctx.names.Nicknames(given.front());
      if (!nicks.empty() && ctx.rng.Chance(ctx.rates.nickname_reported)) given.front() = ctx.rng.Choose(nicks);
      out += m.sep + JoinWords(given);
      if (!m.surnames.empty()) out += " " + m.surnames;
    }
    if (m.age >= 0) out += " " + std::to_string(m.age) + (m.age == 1 ? " año" : " años");
  }
  return out;
}

// Fields both lists share; the record-level accent and capital noise is applied last.
void RenderCommon(const SynthFamily& f, const SynthPerson& p, const std::string& record_id,
                  const std::vector<Mention>& reported, Agency agency, RenderContext& ctx,
                  std::vector<std::string>* out) {
  std::vector<std::string>& v = *out;
  const NoiseRates& r = ctx.rates;
  v.assign(kRecordColumns.size(), std::string());
  v[kRecordId] = record_id;
  RenderName(p, agency, ctx, &v[kGiven], &v[kSurnames]);
  if (!ctx.rng.Chance(r.missing_sex)) v[kSex] = WriteSex(p.sex, agency);
  v[kDob] = RenderDob(p.dob, agency, ctx);
  v[kCountry] = WriteCountry(f.country, agency, ctx.rng.Chance(r.misspell_country), ctx.rng);
  v[kANumber] = RenderANumber(p.a_number, ctx);
  v[kLanguage] = RenderLanguage(*p.language, ctx);
  Date apprehended = f.apprehension_date;
  // ORR records the day CBP referred the child, often a day or three later.
  if (agency == Agency::kOrr && ctx.rng.Chance(r.apprehension_shift))
    apprehended = CivilFromDays(DaysFromCivil(apprehended) + ctx.rng.Between(1, 3));
  v[kApprehensionDate] = WriteDate(apprehended, agency, ctx.rng);
  v[kApprehensionPlace] = f.apprehension_post ? WriteApprehensionPlace(*f.apprehension_post, agency, ctx.rng)
                                              : f.apprehension_place;
  v[kReported] = RenderMentions(reported, ctx);
}

void ApplyRecordNoise(Agency agency, RenderContext& ctx, std::vector<std::string>* out) {
  std::vector<std::string>& v = *out;
  if (agency == Agency::kIce) {  // its case system stores names in capitals, without accents
    for (int c : {kGiven, kSurnames}) v[c] = CapitalsWithoutAccents(v[c]);
    return;
  }
  if (ctx.rng.Chance(ctx.rates.drop_accents))
    for (int c : {kGiven, kSurnames, kReported}) v[c] = DropAccents(v[c]);
  if (ctx.rng.Chance(ctx.rates.all_caps))
    for (int c : {kGiven, kSurnames, kReported}) v[c] = AllCaps(v[c]);
}

std::string RenderPhones(const std::vector<std::string>& phones, Agency agency, RenderContext& ctx) {
  const NoiseRates& r = ctx.rates;
  std::vector<std::string> written;
  if (!phones.empty() && !ctx.rng.Chance(r.missing_phones)) {
    bool vary = ctx.rng.Chance(r.format_variety);
    for (const std::string& phone : phones) written.push_back(WritePhone(phone, agency, vary, ctx.rng));
  } else if (ctx.rng.Chance(r.placeholder)) {
    written.push_back(PlaceholderPhone(ctx.rng));
  }
  if (ctx.rng.Chance(r.shared_phone)) written.push_back(WritePhone(SharedPhone(ctx.rng), agency, true, ctx.rng));
  bool spaced = agency != Agency::kCbp && ctx.rng.Chance(0.5);
  return JoinWords(written, spaced ? "; " : ";");
}

}  // namespace

void RenderChild(const SynthFamily& family, const SynthChild& child, const std::string& record_id,
                 RenderContext& ctx, std::vector<std::string>* fields) {
  RenderCommon(family, child.person, record_id, child.reported, Agency::kOrr, ctx, fields);
  (*fields)[kLocation] = child.shelter;
  (*fields)[kStatus] = ToString(child.status);
  ApplyRecordNoise(Agency::kOrr, ctx, fields);
}

void RenderAdult(const SynthFamily& family, const SynthAdult& adult, const std::string& record_id,
                 Agency agency, RenderContext& ctx, std::vector<std::string>* fields) {
  RenderCommon(family, adult.person, record_id, adult.reported, agency, ctx, fields);
  std::vector<std::string>& v = *fields;
  v[kPhones] = RenderPhones(adult.person.phones, agency, ctx);
  v[kLocation] = adult.location;
  v[kStatus] = ToString(adult.status);
  if (adult.status == CustodyStatus::kRemoved) v[kRemovalDate] = WriteDate(adult.removal_date, agency, ctx.rng);
  ApplyRecordNoise(agency, ctx, fields);
}

}  // namespace reunite::synth
