// The status report as an XLSX workbook through libxlsxwriter: the same rows as
// the CSV (workflow/report_format.h), texts as strings (never formulas) and
// depth and count as numbers.
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "workflow/report_format.h"
#include "workflow/table_xlsx.h"

namespace reunite::report {

namespace {

// Writes `header` then `rows` to a new sheet `name`; false when libxlsxwriter
// refuses a cell.
bool WriteSheet(lxw_workbook* book, const char* name, const ReportRow& header, const std::vector<ReportRow>& rows,
                lxw_format* bold) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, name);
  if (!sheet) return false;
  auto write = [&](lxw_row_t r, const ReportRow& row, lxw_format* format) {
    for (size_t c = 0; c < row.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      lxw_error err = row[c].is_number ? worksheet_write_number(sheet, r, col, row[c].number, format)
                                       : worksheet_write_string(sheet, r, col, row[c].text.c_str(), format);
      if (err != LXW_NO_ERROR) return false;
    }
    return true;
  };
  if (!write(0, header, bold)) return false;
  for (size_t i = 0; i < rows.size(); ++i)
    if (!write(static_cast<lxw_row_t>(i + 1), rows[i], nullptr)) return false;
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_set_column(sheet, 0, 0, 26, nullptr);  // as_of
  worksheet_set_column(sheet, 1, 2, 30, nullptr);  // node, parent
  worksheet_set_column(sheet, 5, 6, 44, nullptr);  // labels
  return true;
}

}  // namespace

Status WriteXlsx(const StatusReport& report, const std::string& path, const std::string& lang) {
  // libxlsxwriter finds an unwritable path only when it closes the workbook, and
  // prints its own message then; try the path first for a clean error.
  if (!std::ofstream(path, std::ios::binary | std::ios::app)) return Status::IOError("cannot create " + path);
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return Status::IOError("cannot create " + path);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  const bool written = WriteSheet(book, "Tree", ReportHeader(), TotalRows(report, lang), bold) &&
                       WriteSheet(book, "Breakdown", ReportHeader(), BreakdownRows(report, lang), bold);
  // workbook_close writes the file and frees the workbook, also after a failure.
  lxw_error closed = workbook_close(book);
  if (!written) return Status::IOError("cannot write the report's cells to " + path + " (a text too long?)");
  if (closed != LXW_NO_ERROR) return Status::IOError("cannot write " + path + ": " + lxw_strerror(closed));
  return Status::Ok();
}

Result<std::string> XlsxBytes(const StatusReport& r, const std::string& lang) {
  return workflow::XlsxFileBytes([&](const std::string& path) { return WriteXlsx(r, path, lang); });
}

}  // namespace reunite::report
