// Issue 13, item 13: a list's NUL bytes, over-long fields and bidirectional control
// characters are errors at file:line:column with the field, and the rows that hold them
// are not kept.
#include <gtest/gtest.h>

#include "ingest/agency_list.h"

namespace reunite {
namespace {

const std::string kHeader = "record_id,given_names,surnames,date_of_birth,reported_relatives,notes\n";

AgencyList Read(const std::string& bytes) {
  ListOptions opt;
  opt.file_name = "list.csv";
  opt.date_order = DateOrder::kIso;
  return ReadAgencyList(bytes, opt);
}

std::vector<const Diagnostic*> Errors(const AgencyList& list) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : list.diagnostics)
    if (d.severity == Diagnostic::Severity::kError) out.push_back(&d);
  return out;
}

TEST(AgencyListImportGuardTest, Issue13Item13NulByteIsLocatedAndCoded) {
  const AgencyList list = Read(kHeader + "1,Ana,Lopez,,,\n2,Ro" + std::string(1, '\0') + "sa,Tum,,,\n");
  auto errors = Errors(list);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]->ToString().rfind("list.csv:3:5: error: NUL byte", 0), 0u) << errors[0]->ToString();
  EXPECT_EQ(errors[0]->code, "nul_byte");
}

TEST(AgencyListImportGuardTest, Issue13Item13NulByteInAWindows1252File) {
  ListOptions opt;
  opt.file_name = "w.csv";
  opt.encoding = Encoding::kWindows1252;
  const AgencyList list = ReadAgencyList("record_id,full_name\n1,\"Jos\xE9\n" + std::string(1, '\0') + "\"\n", opt);
  ASSERT_EQ(Errors(list).size(), 1u);
  EXPECT_EQ(Errors(list)[0]->where.line, 3);
  EXPECT_EQ(Errors(list)[0]->where.column, 1);
}

TEST(AgencyListImportGuardTest, Issue13Item13OverLongFieldsNameTheFieldAndAreNotKept) {
  const std::string name(1 << 20, 'A');
  const std::string id(65, '7');
  const AgencyList list = Read(kHeader + "1,Ana,Lopez,,,\n2," + name + ",Tum,,,\n" + id + ",Rosa,Tum,,,\n");
  auto errors = Errors(list);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0]->ToString(),
            "list.csv:3:3: error: given_names: too long: 1,048,576 characters; a name takes at most 200");
  EXPECT_EQ(errors[0]->code, "field_too_long");
  EXPECT_EQ(errors[1]->ToString(),
            "list.csv:4:1: error: record_id: too long: 65 characters; an identifier takes at most 64");
  ASSERT_EQ(list.rows.size(), 1u);
  EXPECT_EQ(list.rows[0].record_id, "1");
}

TEST(AgencyListImportGuardTest, Issue13Item13FreeTextAndIgnoredColumnsHaveTheLargerLimit) {
  const std::string text(4000, 'x');
  AgencyList list = Read(kHeader + "1,Ana,Lopez,," + text + "," + text + "\n");
  EXPECT_TRUE(Errors(list).empty());
  list = Read(kHeader + "1,Ana,Lopez,,," + text + "y\n");
  auto errors = Errors(list);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]->where.field, "notes");  // an ignored column is named as its header
  EXPECT_EQ(errors[0]->where.column, 15);
}

TEST(AgencyListImportGuardTest, Issue13Item13OverLongHeaderCellStopsTheFile) {
  const AgencyList list = Read("record_id,full_name," + std::string(201, 'h') + "\n1,Ana Lopez,x\n");
  auto errors = Errors(list);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]->where.line, 1);
  EXPECT_EQ(errors[0]->where.column, 21);
  EXPECT_TRUE(list.rows.empty());
}

TEST(AgencyListImportGuardTest, Issue13Item13BidiControlInANameIsRefusedInFreeTextKept) {
  const std::string rlo = "\xE2\x80\xAE";
  const AgencyList list = Read(kHeader + "1,Juan " + rlo + "zepol,Xol,,,\n2,Ana,Lopez,,papa " + rlo + "x,\n");
  auto errors = Errors(list);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0]->where.line, 2);
  EXPECT_EQ(errors[0]->where.column, 3);
  EXPECT_EQ(errors[0]->where.field, "given_names");
  EXPECT_EQ(errors[0]->code, "bidi_control");
  EXPECT_EQ(errors[0]->message.rfind("holds U+202E RIGHT-TO-LEFT OVERRIDE at character 6", 0), 0u);
  ASSERT_EQ(list.rows.size(), 1u);
  EXPECT_EQ(list.rows[0].record_id, "2");
}

TEST(AgencyListImportGuardTest, Issue13Item13InvalidUtf8StaysAnError) {
  ListOptions opt;
  opt.file_name = "bad.csv";
  opt.encoding = Encoding::kUtf8;
  const AgencyList list = ReadAgencyList("record_id,full_name\n1,Ana \xFF\n", opt);
  ASSERT_EQ(Errors(list).size(), 1u);
  EXPECT_EQ(Errors(list)[0]->ToString(), "bad.csv:2:7: error: invalid UTF-8: byte 0xFF (column counted in bytes)");
}

TEST(AgencyListImportGuardTest, Issue13Item13AcceptedListsAreReadInPlaceOrDecoded) {
  // UTF-8 without a BOM is read as given; with a BOM or in Windows-1252 it is decoded.
  for (const std::string& bytes : {std::string("record_id,full_name\n1,Jos\xC3\xA9 Xol\n"),
                                   std::string("\xEF\xBB\xBFrecord_id,full_name\n1,Jos\xC3\xA9 Xol\n"),
                                   std::string("record_id,full_name\n1,Jos\xE9 Xol\n")}) {
    const AgencyList list = Read(bytes);
    ASSERT_EQ(list.rows.size(), 1u);
    EXPECT_EQ(list.rows[0].raw, "1,Jos\xC3\xA9 Xol");
  }
}

}  // namespace
}  // namespace reunite
