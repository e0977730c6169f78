// The protected import of an agency list (store/importer.h) that front ends use:
// checks that the principal may import lists (Action::kImportLists; refusals are
// audited as "denied"), imports as the principal (the journal's actor), and audits
// every attempt, dry runs included, as "import" with the source, the file and the
// counts.
//
// Not thread-safe: one ImportAccess per request, on that request's Database.
#pragma once
#include <string_view>

#include "access/principal.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/database.h"
#include "store/importer.h"

namespace reunite {

class ImportAccess {
 public:
  ImportAccess(Database& db, Principal principal, Clock& clock = DefaultClock());

  // options.actor is replaced by the principal's username.
  Result<ImportReport> Import(std::string_view bytes, ImportOptions options);

 private:
  Database& db_;
  Principal principal_;
  Clock& clock_;
};

}  // namespace reunite
