#include "match/dataset.h"

#include <gtest/gtest.h>

#include <string>

namespace reunite::match {
namespace {

const char* kHeader =
    "record_id,given_names,surnames,sex,date_of_birth,country,a_number,phones,language,apprehension_date,"
    "apprehension_place,location,status,removal_date,reported_relatives\n";

// Enough rows for several chunks, with quoted fields holding commas, quotes and line
// ends, so a chunk boundary may fall near them.
std::string People(int rows, const std::string& status) {
  std::string csv = kHeader;
  for (int i = 0; i < rows; ++i) {
    const std::string n = std::to_string(i);
    csv += "R-" + n + ",\"José " + n + "\",\"Pérez, López\",M,1980-01-" + (i % 28 < 9 ? "0" : "") +
           std::to_string(i % 28 + 1) + ",GT,,,Spanish,,,,\"" + status + "\",,\"hija: \"\"Ana\"\"\nmamá: Rosa " + n +
           "\"\n";
  }
  return csv;
}

// The one-pass reading the chunks must agree with.
Dataset OnePass(const std::string& csv, Role role) {
  ListOptions options;
  options.date_order = DateOrder::kIso;
  options.role = role;
  AgencyList list = ReadAgencyList(csv, options);
  EXPECT_EQ(list.errors(), 0);
  return DatasetFromRows(list.rows, "p.csv");
}

TEST(DatasetTest, CanonicalFilesReadInChunksGiveTheRowsOfOnePass) {
  for (const char* status : {"detained", "in_care"}) {  // an adult list, then a child list
    const std::string csv = People(6000, status);
    const Dataset expected = OnePass(csv, std::string(status) == "detained" ? Role::kAdult : Role::kChild);
    for (int threads : {1, 2, 3}) {
      auto d = ReadCanonicalDataset(csv, "p.csv", threads);
      ASSERT_TRUE(d.ok()) << d.status().ToString();
      EXPECT_EQ(d->ids, expected.ids) << status << " " << threads;
      EXPECT_EQ(d->columns, expected.columns) << status << " " << threads;
    }
  }
}

TEST(DatasetTest, ARecordIdRepeatedInAnotherChunkIsReportedWhereItIs) {
  std::string csv = People(6000, "detained");
  csv += "R-1,Ana,Pop,F,1990-01-01,GT,,,,,,,detained,,\n";
  for (int threads : {1, 2}) {
    auto d = ReadCanonicalDataset(csv, "p.csv", threads);
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.status().message().find("p.csv:12002:1: error: record_id: record_id 'R-1' repeats the row on line 4"),
              std::string::npos)
        << d.status().message();
  }
}

// Two systems write one apprehension differently: the place resolves to the same
// sector and station, and the day is a number to compare days apart.
TEST(DatasetTest, ApprehensionPlaceResolvesAndTheDayIsANumber) {
  std::string csv = kHeader;
  csv += "A,Ana,Pop,F,1990-03-02,GT,,,,2018-05-20,\"Weslaco, TX\",,detained,,\n";
  csv += "B,Ana,Pop,F,1990-03-02,GT,,,,2018-05-22,RGV - WESLACO,,detained,,\n";
  csv += "C,Ana,Pop,F,1990-03-02,GT,,,,2018-05-22,Rio Grande Valley Sector,,detained,,\n";
  csv += "D,Ana,Pop,F,1990-03-02,GT,,,,,Aldea Chatoc,,detained,,\n";
  const Dataset d = OnePass(csv, Role::kAdult);
  const auto& place = d.columns[d.ColumnIndex("apprehension_place")];
  const auto& day = d.columns[d.ColumnIndex("apprehension_day")];
  EXPECT_EQ(place, (std::vector<std::string>{"RGV weslaco", "RGV weslaco", "RGV", ""}));
  EXPECT_EQ(day, (std::vector<std::string>{"17671", "17673", "17673", ""}));
  const auto& event = d.columns[d.ColumnIndex("apprehension")];
  EXPECT_EQ(event[1], "2018-05-22 RGV weslaco");  // the resolved place, for blocking
  EXPECT_EQ(event[3], "");
}

}  // namespace
}  // namespace reunite::match
