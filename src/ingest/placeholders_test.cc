#include "ingest/placeholders.h"

#include <gtest/gtest.h>

#include "ingest/test_tables.h"

namespace reunite {
namespace {

using testing::ReadTable;

CellKind KindFrom(const std::string& s) {
  if (s == "name") return CellKind::kName;
  if (s == "identifier") return CellKind::kIdentifier;
  if (s == "phone") return CellKind::kPhone;
  if (s == "date") return CellKind::kDate;
  EXPECT_EQ(s, "text");
  return CellKind::kText;
}

TEST(PlaceholdersTest, DataDriven) {
  const auto rows = ReadTable("placeholders.tsv");
  ASSERT_GE(rows.size(), 150u);
  for (const auto& row : rows) {
    SCOPED_TRACE("placeholders.tsv:" + std::to_string(row.line) + " " + row[0] + " \"" + row[1] + "\"");
    const CellKind kind = KindFrom(row[0]);
    EXPECT_EQ(PlaceholderReason(row[1], kind), row[2]);
    EXPECT_EQ(IsPlaceholder(row[1], kind), !row[2].empty());
  }
}

// A word is a placeholder in every kind of cell.
TEST(PlaceholdersTest, WordsInEveryKind) {
  for (CellKind kind : {CellKind::kText, CellKind::kName, CellKind::kIdentifier, CellKind::kPhone, CellKind::kDate}) {
    for (const char* cell : {"N/A", "unknown", "Desconocido", "sin dato", "-", "?", "XXX", "TBD", "PENDING"}) {
      EXPECT_TRUE(IsPlaceholder(cell, kind)) << cell;
    }
    EXPECT_FALSE(IsPlaceholder("", kind));
    EXPECT_FALSE(IsPlaceholder("   ", kind));
  }
}

TEST(PlaceholdersTest, NameWordsAreRemovedFromNames) {
  std::vector<std::string> removed;
  EXPECT_EQ(RemoveNamePlaceholders("FNU PEREZ", true, &removed), "PEREZ,");
  EXPECT_EQ(RemoveNamePlaceholders("FNU PEREZ", false, &removed), "PEREZ");
  EXPECT_EQ(RemoveNamePlaceholders("PEREZ LOPEZ, FNU", true, &removed), "PEREZ LOPEZ,");
  EXPECT_EQ(RemoveNamePlaceholders("LNU, JUAN", true, &removed), ", JUAN");
  EXPECT_EQ(RemoveNamePlaceholders("Juan lnu", true, &removed), "Juan");
  EXPECT_EQ(RemoveNamePlaceholders("JOSE NMN PEREZ", true, &removed), "JOSE PEREZ");
  EXPECT_EQ(removed, (std::vector<std::string>{"FNU", "FNU", "FNU", "LNU", "lnu", "NMN"}));
  removed.clear();
  // Words that merely contain the letters, and other names, are left alone.
  for (const char* name : {"FNUNEZ PEREZ", "Ana Lnuñez", "José Luis Hernández", "", "NNU"}) {
    EXPECT_EQ(RemoveNamePlaceholders(name, true, &removed), name);
  }
  EXPECT_TRUE(removed.empty());
  EXPECT_EQ(RemoveNamePlaceholders("FNU Pop", true, nullptr), "Pop,");
}

}  // namespace
}  // namespace reunite
