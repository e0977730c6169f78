#include "workflow/report_format.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "common/embedded_data.h"
#include <unistd.h>

namespace reunite::report {
namespace {

// Two nodes: children (2: GT 1, unknown 1; department GT-QC 1) and, nested, a
// parents node whose label needs escaping and whose country would be a formula.
StatusReport Sample() {
  StatusReport r;
  r.as_of = "2018-07-26T23:59:59.999Z";
  r.tree_source = "default";
  r.journal_entries = 42;
  NodeCount children{"children", "", 0, "Children", "Niños", Unit::kChildren, 2, {{"GT", 1}, {"unknown", 1}},
                     {{"GT-QC", 1}}};
  NodeCount parents{"parents_x", "children", 1, "Parents <in> | \"US\"", "Padres <en> EE. UU.", Unit::kParents, 1,
                    {{"=HYPERLINK(1)", 1}}, {}};
  r.nodes = {children, parents};
  r.countries = {"=HYPERLINK(1)", "GT", "unknown"};
  r.departments = {"GT-QC"};
  return r;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(ReportFormatTest, CsvIsTheHeaderThenTotalsThenBreakdown) {
  auto lines = Lines(RenderCsv(Sample()));
  ASSERT_EQ(lines.size(), 1u + 2u + 4u);
  EXPECT_EQ(lines[0], "as_of,node,parent,depth,unit,label_en,label_es,dimension,key,count");
  EXPECT_EQ(lines[1], "2018-07-26T23:59:59.999Z,children,,0,children,Children,Niños,total,,2");
  EXPECT_EQ(lines[2],
            "2018-07-26T23:59:59.999Z,parents_x,children,1,parents,\"Parents <in> | \"\"US\"\"\",Padres <en> EE. UU.,"
            "total,,1");
  EXPECT_EQ(lines[3], "2018-07-26T23:59:59.999Z,children,,0,children,Children,Niños,country,GT,1");
  EXPECT_EQ(lines[5], "2018-07-26T23:59:59.999Z,children,,0,children,Children,Niños,department,GT-QC,1");
  // A key a spreadsheet would run as a formula is kept as text.
  EXPECT_NE(lines[6].find(",country,'=HYPERLINK(1),1"), std::string::npos) << lines[6];
}

TEST(ReportFormatTest, CsvRowsAreTheSpreadsheetRows) {
  StatusReport r = Sample();
  auto totals = TotalRows(r), breakdown = BreakdownRows(r);
  EXPECT_EQ(totals.size(), 2u);
  EXPECT_EQ(breakdown.size(), 4u);
  EXPECT_TRUE(totals[0][9].is_number);
  EXPECT_EQ(totals[0][9].number, 2);
  EXPECT_TRUE(totals[0][3].is_number);
  EXPECT_FALSE(totals[0][8].is_number);
  // The one formula guard is the CSV writer's: a workbook's string cell keeps the
  // key as imported, without a quote shown to the reader.
  EXPECT_EQ(breakdown[3][8].text, "=HYPERLINK(1)");
}

TEST(ReportFormatTest, JsonHasEveryNodeWithLabelsAndBreakdowns) {
  auto doc = nlohmann::json::parse(RenderJson(Sample()));
  EXPECT_EQ(doc["as_of"], "2018-07-26T23:59:59.999Z");
  EXPECT_EQ(doc["journal_entries"], 42);
  ASSERT_EQ(doc["nodes"].size(), 2u);
  EXPECT_EQ(doc["nodes"][0]["count"], 2);
  EXPECT_EQ(doc["nodes"][0]["label"]["es"], "Niños");
  EXPECT_EQ(doc["nodes"][0]["by_country"]["unknown"], 1);
  EXPECT_EQ(doc["nodes"][0]["by_department"]["GT-QC"], 1);
  EXPECT_EQ(doc["nodes"][1]["parent"], "children");
  EXPECT_EQ(doc["nodes"][1]["unit"], "parents");
}

TEST(ReportFormatTest, MarkdownInEnglishAndSpanishEscapesLabels) {
  std::string en = RenderMarkdown(Sample(), "en");
  EXPECT_NE(en.find("# Court status report"), std::string::npos);
  EXPECT_NE(en.find("| Category | Unit | Total | =HYPERLINK(1) | GT | unknown |"), std::string::npos) << en;
  EXPECT_NE(en.find("| Children | children | 2 | 0 | 1 | 1 |"), std::string::npos) << en;
  EXPECT_NE(en.find("Parents \\<in\\> \\| \"US\""), std::string::npos) << en;
  EXPECT_NE(en.find("| Children | GT-QC | 1 |"), std::string::npos) << en;
  std::string es = RenderMarkdown(Sample(), "es");
  EXPECT_NE(es.find("# Informe de situación para el tribunal"), std::string::npos);
  EXPECT_NE(es.find("| Niños | niños | 2 |"), std::string::npos) << es;
}

TEST(ReportFormatTest, HtmlIsEscapedAndInTheLanguageAsked) {
  std::string html = RenderHtml(Sample(), "es");
  EXPECT_NE(html.find("<html lang=\"es\">"), std::string::npos);
  EXPECT_NE(html.find("Padres &lt;en&gt; EE. UU."), std::string::npos);
  EXPECT_EQ(html.find("<en>"), std::string::npos);
  EXPECT_NE(html.find("<tr id=\"children\">"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(ReportFormatTest, EveryWordTheRenderersUseIsInTheCatalogInBothLanguages) {
  auto text = EmbeddedFile("report/words.json");
  ASSERT_TRUE(text) << "data/report/words.json is not embedded";
  auto words = nlohmann::json::parse(*text);
  std::ifstream source(REUNITE_SOURCE_DIR "/src/workflow/report_format.cc");
  std::stringstream code;
  code << source.rdbuf();
  std::set<std::string> used = {"children", "parents"};  // the units, by ToString(unit)
  std::regex use(R"re(Word\(lang, "(\w+)"\))re");
  const std::string body = code.str();
  for (std::sregex_iterator it(body.begin(), body.end(), use), end; it != end; ++it) used.insert((*it)[1].str());
  EXPECT_GT(used.size(), 10u);
  for (const auto& key : used)
    for (const char* lang : {"en", "es"})
      EXPECT_TRUE(words.contains(key) && words[key].contains(lang) && !words[key][lang].get<std::string>().empty())
          << key << " has no " << lang << " text in data/report/words.json";
}

TEST(ReportFormatTest, FormatAndLanguageNamesAreChecked) {
  EXPECT_EQ(*ParseReportFormat("xlsx"), ReportFormat::kXlsx);
  EXPECT_EQ(*ParseReportFormat("md"), ReportFormat::kMarkdown);
  auto bad = ParseReportFormat("pdf");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("--format: 'pdf'"), std::string::npos);
  EXPECT_TRUE(CheckReportLanguage("es").ok());
  EXPECT_FALSE(CheckReportLanguage("fr").ok());
}

TEST(ReportFormatTest, XlsxIsAZipWorkbookAndAnUnwritablePathIsAnIOError) {
  char path[] = "/tmp/reunite-report-XXXXXX.xlsx";
  int fd = mkstemps(path, 5);
  ASSERT_GE(fd, 0);
  close(fd);
  ASSERT_TRUE(WriteXlsx(Sample(), path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path);
  ASSERT_GT(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  // Zip entry names are stored uncompressed in the local headers.
  EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(bytes.find("xl/worksheets/sheet2.xml"), std::string::npos);

  Status s = WriteXlsx(Sample(), "/nonexistent/dir/status.xlsx");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_NE(s.message().find("/nonexistent/dir/status.xlsx"), std::string::npos);
}

}  // namespace
}  // namespace reunite::report
