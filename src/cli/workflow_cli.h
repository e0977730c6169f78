// Internal to the CLI's workflow commands: running an action through
// WorkflowAccess as the local operator, and parsing record ids.
#pragma once
#include <functional>
#include <string>

#include "access/workflow_access.h"
#include "cli/cli.h"

namespace reunite::cli {

// Opens the database and runs `body` with a WorkflowAccess for the local operator
// (--actor); a failed Status becomes the message and exit code (cli.h).
void WithWorkflow(const GlobalOptions& global, int* exit_code, const std::function<Status(WorkflowAccess&)>& body);

// A record id as typed (contact, search task, flag, deadline): a positive number,
// else InvalidArgument naming `what`.
Result<std::int64_t> ParseRecordId(const std::string& text, const std::string& what);

// "yes"/"no" (also "true"/"false", "1"/"0") as typed for `field`.
Result<bool> ParseYesNo(const std::string& field, const std::string& text);

}  // namespace reunite::cli
