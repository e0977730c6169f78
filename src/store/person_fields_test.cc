#include "store/person_fields.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace reunite {
namespace {

Person Sample() {
  Person p;
  p.role = Role::kAdult;
  p.name = {"MARÍA DE LOS ÁNGELES", {"María", "de los Ángeles"}, "de la Cruz", "Xoc", "Pérez"};
  p.birth = {{1990, 0, 0}, DatePrecision::kYearOnly, false};
  p.sex = Sex::kFemale;
  p.languages = {"K'iche'", "Spanish"};
  p.interpreter_needed = true;
  p.phones = {"+50255551234", ""};
  p.custody = {CustodyStatus::kRemoved, {2018, 6, 21}, "GT"};
  return p;
}

std::vector<std::string> Values(const FieldList& fields) {
  std::vector<std::string> out;
  for (const auto& f : fields) out.push_back(f.second);
  return out;
}

TEST(PersonFields, RoundTripsThroughStoredValues) {
  Person p = Sample();
  Result<Person> back = PersonFromValues(Values(ToFields(p)));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, p);
}

TEST(PersonFields, ColumnsMatchFieldOrder) {
  FieldList fields = ToFields(Sample());
  ASSERT_EQ(fields.size(), PersonColumns().size());
  for (size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(fields[i].first, PersonColumns()[i]);
}

TEST(PersonFields, RefusesUnknownEnumNamingTheColumn) {
  std::vector<std::string> values = Values(ToFields(Sample()));
  values[0] = "martian";
  Result<Person> back = PersonFromValues(values);
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.status().message().find("role"), std::string::npos);
}

TEST(PersonFields, SnapshotShowsListsAsArrays) {
  nlohmann::json snap = nlohmann::json::parse(PersonSnapshotJson(7, ToFields(Sample())));
  EXPECT_EQ(snap["id"], 7);
  EXPECT_EQ(snap["languages"], nlohmann::json({"K'iche'", "Spanish"}));
  EXPECT_EQ(snap["birth_date"], "1990-00-00");
  EXPECT_EQ(JournalValue("phones", "a\x1f" "b"), R"(["a","b"])");
  EXPECT_EQ(JournalValue("sex", "F"), "F");
}

TEST(PersonFields, JsonStringsAreEscapedAndValid) {
  std::string out;
  AppendJsonString(out, "a\"b\\c\n\x01 \xC3\xB1 \xF0\x9F\x98\x80");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\u000a\\u0001 \xC3\xB1 \xF0\x9F\x98\x80\"");
  EXPECT_EQ(nlohmann::json::parse(out), "a\"b\\c\n\x01 \xC3\xB1 \xF0\x9F\x98\x80");
  for (std::string bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE2\x82"}) {
    std::string json;
    AppendJsonString(json, "x" + bad + "y");
    EXPECT_NO_THROW(nlohmann::json::parse(json)) << json;
    EXPECT_NE(json.find("\xEF\xBF\xBD"), std::string::npos);
  }
}

TEST(PersonFields, SearchKeyIsFoldedNameAndANumber) {
  Person p = Sample();
  p.a_number = "123456789";
  std::string key = PersonSearchKey(p);
  EXPECT_NE(key.find("maria de los angeles de la cruz xoc de perez"), std::string::npos) << key;
  EXPECT_NE(key.find("123456789"), std::string::npos);
}

// What PostgreSQL would refuse (and SQLite keep) or what would not read back.
TEST(PersonFields, CheckStorableNamesTheFirstUnstorableColumn) {
  EXPECT_TRUE(CheckStorable(Sample()).ok());
  auto problem = [](void (*spoil)(Person&)) {
    Person p = Sample();
    spoil(p);
    Status s = CheckStorable(p);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    return s.message();
  };
  EXPECT_EQ(problem([](Person& p) { p.name.paternal_surname = "de la Cr\xFAz"; }),
            "paternal_surname is not valid UTF-8");
  EXPECT_EQ(problem([](Person& p) { p.phones.push_back(std::string("555\0" "1234", 8)); }),
            "phones holds a NUL character");
  EXPECT_EQ(problem([](Person& p) { p.custody.removal_date = {20180, 6, 21}; }),
            "removal_date is not a date of year 1 to 9999, month 0 to 12, day 0 to 31");
  EXPECT_EQ(problem([](Person& p) { p.apprehension_date = {2018, 13, 1}; }),
            "apprehension_date is not a date of year 1 to 9999, month 0 to 12, day 0 to 31");
}

}  // namespace
}  // namespace reunite
