#pragma once

// What every journey of the service works with: the content, the person's record and the clock.
// The journeys (product.md) are shared by the terminal and the HTTP API, one header each:
// program.hpp (starting, the program in force, the re-screen), session.hpp (today's session,
// replaying and recording it), tracking.hpp (the diary and progress), review.hpp (the weekly
// review), scores.hpp (questionnaires), reminders.hpp, data.hpp (export and forget), and beside
// them safety_stops.hpp, follow_ups.hpp and feedback.hpp. Each function reads and writes through
// the repository port and returns values; printing, prompting and status codes belong to the
// front ends. Nothing here knows about terminals or sockets.

#include <memory>
#include <optional>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/knowledge.hpp"
#include "core/ports/storage.hpp"
#include "core/records.hpp"

namespace unload::service {

/// What a front end holds for the service: the content, the storage and the clock.
struct Resources {
    const core::KnowledgeBase& kb;
    core::Storage& storage;
    const core::Clock& clock;
};

/// What every journey works with: the content, the clock, one person's record, and who asks.
/// Only open_record() makes one, so no journey runs without its caller's access checked.
struct Workspace {
    const core::KnowledgeBase& kb;
    const core::Clock& clock;
    /// Who asks; for personal mode with the person filled in.
    core::Actor actor;
    core::PersonId person = 0;
    /// That person's record, and nobody else's.
    std::unique_ptr<core::RecordStore> record;
};

/// What a caller opens a record for, as the audit trail says it.
enum class Access { Read, Change };

/// Opens the record of person `person` for `actor`, or, when no person is named, the caller's own:
/// an account's person, or in personal mode (and for the host operator) the database's one person,
/// who is added when the database has nobody yet. Fails as core::check_record_access() does (a
/// clinician reaches the people in their care), and with Conflict (field `person`) when no person
/// is named and the database holds several. In a clinic, opening someone else's record is in the
/// audit trail, and so is every refusal.
core::Result<Workspace> open_record(const Resources& resources, const core::Actor& actor,
                                    std::optional<core::PersonId> person = std::nullopt,
                                    Access access = Access::Read);

/// Today in the person's time zone.
inline core::Day today(const Workspace& ws) {
    return ws.clock.day_of(ws.clock.now());
}

} // namespace unload::service
