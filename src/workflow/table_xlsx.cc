#include "workflow/table_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace reunite::workflow {

Result<std::string> XlsxFileBytes(const std::function<Status(const std::string& path)>& write) {
  std::string path = (std::filesystem::temp_directory_path() / "reunite-XXXXXX.xlsx").string();
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) return Status::IOError("cannot create a temporary file for the workbook");
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{path};
  if (Status s = write(path); !s.ok()) return s;
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Status::IOError("cannot read back the workbook " + path);
  return bytes;
}

Result<std::string> TableXlsxBytes(const std::string& sheet, const std::vector<std::string>& header,
                                   const std::vector<std::vector<std::string>>& rows) {
  return XlsxFileBytes([&](const std::string& path) -> Status {
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) return Status::IOError("cannot create the workbook");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_worksheet* ws = workbook_add_worksheet(book, sheet.substr(0, 31).c_str());
    bool written = ws != nullptr;
    auto write_row = [&](lxw_row_t r, const std::vector<std::string>& cells, lxw_format* format) {
      for (std::size_t c = 0; written && c < cells.size(); ++c)
        written = worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cells[c].c_str(), format) == LXW_NO_ERROR;
    };
    if (written) {
      write_row(0, header, bold);
      for (std::size_t i = 0; written && i < rows.size(); ++i) write_row(static_cast<lxw_row_t>(i + 1), rows[i], nullptr);
      worksheet_freeze_panes(ws, 1, 0);
      worksheet_set_column(ws, 0, static_cast<lxw_col_t>(header.empty() ? 0 : header.size() - 1), 18, nullptr);
    }
    // workbook_close writes the file and frees the workbook, also after a failure.
    const lxw_error closed = workbook_close(book);
    if (!written) return Status::IOError("cannot write the table's cells (a text too long?)");
    if (closed != LXW_NO_ERROR) return Status::IOError(std::string("cannot write the workbook: ") + lxw_strerror(closed));
    return Status::Ok();
  });
}

}  // namespace reunite::workflow
