#pragma once

// What every journey of the service works with: the content, the person's record and the clock.
// The journeys (product.md) are shared by the terminal and the HTTP API, one header each:
// program.hpp (starting, the program in force, the re-screen), session.hpp (today's session,
// replaying and recording it), tracking.hpp (the diary and progress), review.hpp (the weekly
// review), scores.hpp (questionnaires), reminders.hpp, data.hpp (export and forget), and beside
// them safety_stops.hpp, follow_ups.hpp and feedback.hpp. Each function reads and writes through
// the repository port and returns values; printing, prompting and status codes belong to the
// front ends. Nothing here knows about terminals or sockets.

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/knowledge.hpp"
#include "core/records.hpp"
#include "core/repository.hpp"

namespace unload::service {

/// What a front end holds for the service: the content, the storage and the clock.
struct Resources {
    const core::KnowledgeBase& kb;
    core::Repository& repo;
    const core::Clock& clock;
};

/// What every journey works with: the content, the clock, one person's record, and who asks.
/// Only open_record() makes one, so no journey runs without its caller's access checked.
struct Workspace {
    const core::KnowledgeBase& kb;
    core::Repository& repo;
    const core::Clock& clock;
    const core::Actor& actor;
    core::PersonId person = core::personal_mode_person;
};

/// Opens the record that `actor` asks for: the one person's record of the database (the clinic's
/// people come with the `people` table). Fails as core::check_record_access() does.
core::Result<Workspace> open_record(const Resources& resources, const core::Actor& actor);

/// Today in the person's time zone.
inline core::Day today(const Workspace& ws) {
    return ws.clock.day_of(ws.clock.now());
}

} // namespace unload::service
