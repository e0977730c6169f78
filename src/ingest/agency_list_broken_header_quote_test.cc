// Regression: broken quoting in the header row was reported at line 0, column 0, with
// the real location repeated inside the message ("list.csv:0:0: error: list.csv:1:11:
// quoted field is never closed ..."), unlike the same error in a data row. Found by
// robustness_test.cc (line 0 is only for problems of the whole file).
#include <gtest/gtest.h>

#include "ingest/agency_list.h"

namespace reunite {
namespace {

TEST(AgencyListBrokenHeaderQuoteTest, UnclosedQuoteIsLocatedWhereItOpens) {
  ListOptions opt;
  opt.file_name = "list.csv";
  const AgencyList list = ReadAgencyList("record_id,\"given_names,surnames\nICE-1,Ana,Pop\n", opt);
  ASSERT_EQ(list.diagnostics.size(), 1u);
  EXPECT_EQ(list.diagnostics[0].ToString(),
            "list.csv:1:11: error: quoted field is never closed (its quote opens here)");
}

TEST(AgencyListBrokenHeaderQuoteTest, BareQuoteIsLocatedAtTheQuote) {
  ListOptions opt;
  opt.file_name = "list.csv";
  const AgencyList list = ReadAgencyList("\n\nrecord_id,given\"names,surnames\n", opt);
  ASSERT_EQ(list.diagnostics.size(), 1u);
  EXPECT_EQ(list.diagnostics[0].ToString(), "list.csv:3:16: error: bare quote in unquoted field");
}

}  // namespace
}  // namespace reunite
