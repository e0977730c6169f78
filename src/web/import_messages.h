// The problems an import finds, in the reader's language: a diagnostic the library gave
// a code (the import guards: a NUL byte, a field over its length limit, a bidirectional
// control character, a file over the size limit) is worded from the catalog key
// "import.problem.<code>", its {values} filled in; the others keep the library's words.
#pragma once
#include <string>

#include "common/status.h"
#include "web/i18n.h"

namespace reunite::web {

std::string DiagnosticMessage(const Diagnostic& diagnostic, const Messages& catalog);

}  // namespace reunite::web
