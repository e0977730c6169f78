// A plain table as an XLSX workbook (libxlsxwriter): a bold, frozen header row and
// text cells (never formulas), for the downloads of lists.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace reunite::workflow {

// The bytes of a workbook written by `write` to the temporary path it is given.
Result<std::string> XlsxFileBytes(const std::function<Status(const std::string& path)>& write);

// One sheet named `sheet` (at most 31 characters): `header`, then `rows`.
Result<std::string> TableXlsxBytes(const std::string& sheet, const std::vector<std::string>& header,
                                   const std::vector<std::vector<std::string>>& rows);

}  // namespace reunite::workflow
