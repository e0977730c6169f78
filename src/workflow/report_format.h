// The court status report as files: Markdown and HTML for reading (labels in
// English or Spanish), CSV and XLSX for spreadsheets, JSON for programs. CSV and
// XLSX hold the same rows (ReportRows): the XLSX "Tree" sheet has the header and
// each category's total, its "Breakdown" sheet the header and the counts by
// country and by department; the CSV is the header, the totals, then the
// breakdown rows.
#pragma once
#include <string>
#include <vector>

#include "common/status.h"
#include "workflow/report_count.h"

namespace reunite::report {

enum class ReportFormat { kMarkdown, kCsv, kJson, kHtml, kXlsx };

// "md", "csv", "json", "html", "xlsx"; InvalidArgument naming --format else.
Result<ReportFormat> ParseReportFormat(const std::string& name);

// "en" or "es"; InvalidArgument naming --lang else.
Status CheckReportLanguage(const std::string& lang);

// One spreadsheet row: texts, or numbers (depth, count) kept as numbers in XLSX.
struct ReportCell {
  std::string text;
  long number = 0;
  bool is_number = false;
};
using ReportRow = std::vector<ReportCell>;

// The header row: as_of, node, parent, depth, unit, label_en, label_es,
// dimension (total, country, department), key, count.
ReportRow ReportHeader();
// One "total" row per category, in tree order. A count the report does not show
// exactly (StatusReport::Suppressed) is the text "fewer than N" in `lang`.
std::vector<ReportRow> TotalRows(const StatusReport& report, const std::string& lang = "en");
// The country rows then the department rows of each category, in tree order.
std::vector<ReportRow> BreakdownRows(const StatusReport& report, const std::string& lang = "en");

// `lang` ("en", "es") only words a count that is not shown exactly; JSON writes
// such a count as {"fewer_than": N}.
std::string RenderCsv(const StatusReport& report, const std::string& lang = "en");
std::string RenderJson(const StatusReport& report);
std::string RenderMarkdown(const StatusReport& report, const std::string& lang);
std::string RenderHtml(const StatusReport& report, const std::string& lang);

// Writes an XLSX workbook (sheets "Tree" and "Breakdown") to `path`; IOError
// naming the file when it cannot be written.
Status WriteXlsx(const StatusReport& report, const std::string& path, const std::string& lang = "en");
// The workbook as bytes, through a temporary file of its own (libxlsxwriter writes
// files only), removed afterwards.
Result<std::string> XlsxBytes(const StatusReport& report, const std::string& lang = "en");

// The report as a file to send: its bytes, media type and file-name extension
// ("csv", "xlsx", ...). md and html are in `lang`.
struct ReportFile {
  std::string bytes;
  std::string media_type;
  std::string extension;
};
Result<ReportFile> RenderReport(const StatusReport& report, ReportFormat format, const std::string& lang);

}  // namespace reunite::report
