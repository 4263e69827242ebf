#pragma once

// The audit trail (clinic.md): who looked at or changed whose record, signed in, failed to, or
// was refused. The service writes it, once, for the command line and the API alike; the front
// ends never do. Nothing personal beyond ids goes in: no names of people, no health data, no
// secrets. Reading it is for an admin or the host operator (everyone's), and for a person
// (their own record's: who opened it and when).

#include <optional>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/ports/audit_log.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// One event by `actor` at the clock's now. `outcome` is `ok` or the error code that refused.
core::Result<void> audit(const Resources& res, const core::Actor& actor, std::string_view action,
                         std::optional<core::PersonId> person, std::string_view resource,
                         std::string_view outcome = "ok");

/// The same for a refusal: the error's code name is the outcome.
core::Result<void> audit_refusal(const Resources& res, const core::Actor& actor,
                                 std::optional<core::PersonId> person, std::string_view resource,
                                 const core::Error& refusal);

/// Refuses `actor`, always: Unauthenticated (field `Authorization`) for nobody, else Forbidden
/// (field `role`) with `message`, written to the trail as a denial of `resource`.
core::Result<void> refuse(const Resources& res, const core::Actor& actor, std::string_view resource,
                          std::string message);

/// Events, most recent first. The host operator and an admin see every event; a person the
/// events on their own record (`filter.person` is then theirs whatever was asked); anyone else
/// is Forbidden. Reading the trail is itself an event.
core::Result<std::vector<core::AuditEvent>>
audit_events(const Resources& res, const core::Actor& actor, core::AuditFilter filter);

/// Walks the chain (host operator and admin): nullopt when it holds, else where it breaks.
core::Result<std::optional<core::AuditBreak>> verify_audit(const Resources& res,
                                                           const core::Actor& actor);

} // namespace unload::service
