#pragma once

// The person's data as a whole: everything stored, and forgetting it.

#include "core/error.hpp"
#include "core/records.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// Everything stored about the person.
core::Result<core::WholeRecord> everything(const Workspace& ws);

/// Deletes everything stored about the person, their name too; their id stays, with an empty
/// record, for the audit trail. Asking first is the front end's part.
/// Deletes the record; Forbidden (field `role`) for anyone but its person and the host operator.
core::Result<void> forget(const Workspace& ws);

} // namespace unload::service
