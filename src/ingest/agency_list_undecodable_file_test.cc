// Regression: a list that could not be decoded (invalid UTF-8 under --encoding utf-8,
// or after a UTF-8 byte order mark) had its error location read through a reference
// into a temporary Status that was already destroyed (stack-use-after-scope under
// ASan; a garbage line and column without it). Found by robustness_test.cc.
#include <gtest/gtest.h>

#include "ingest/agency_list.h"

namespace reunite {
namespace {

TEST(AgencyListUndecodableFileTest, ErrorIsLocatedAtTheBadByte) {
  ListOptions opt;
  opt.file_name = "removals.csv";
  opt.encoding = Encoding::kUtf8;
  const std::string bytes = "record_id,given_names,surnames\nICE-1,Jos\xE9,L\xC3\xB3pez\n";
  const AgencyList list = ReadAgencyList(bytes, opt);
  ASSERT_EQ(list.diagnostics.size(), 1u);
  const Diagnostic& d = list.diagnostics[0];
  EXPECT_EQ(d.severity, Diagnostic::Severity::kError);
  EXPECT_EQ(d.where.file, "removals.csv");
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.where.column, 10);  // in bytes: "ICE-1,Jos" is 9
  EXPECT_EQ(d.message, "invalid UTF-8: byte 0xE9 (column counted in bytes)");
  EXPECT_TRUE(list.rows.empty());
}

TEST(AgencyListUndecodableFileTest, BadByteAfterByteOrderMark) {
  ListOptions opt;
  opt.file_name = "children.csv";
  const AgencyList list = ReadAgencyList("\xEF\xBB\xBFrecord_id,full_name\r\n1,Ana \xFF\r\n", opt);
  ASSERT_EQ(list.diagnostics.size(), 1u);
  EXPECT_EQ(list.diagnostics[0].where.line, 2);
  EXPECT_EQ(list.diagnostics[0].where.column, 7);
  EXPECT_EQ(list.diagnostics[0].message.rfind("invalid UTF-8 in a file that starts with a UTF-8 byte order mark", 0), 0u);
}

}  // namespace
}  // namespace reunite
