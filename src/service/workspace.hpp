#pragma once

// What every journey of the service works with: the content, the person's record and the clock.
// The journeys (product.md) are shared by the terminal and the HTTP API, one header each:
// program.hpp (starting, the program in force, the re-screen), session.hpp (today's session,
// replaying and recording it), tracking.hpp (the diary and progress), review.hpp (the weekly
// review), scores.hpp (questionnaires), reminders.hpp, data.hpp (export and forget), and beside
// them safety_stops.hpp, follow_ups.hpp and feedback.hpp. Each function reads and writes through
// the repository port and returns values; printing, prompting and status codes belong to the
// front ends. Nothing here knows about terminals or sockets.

#include "core/clock.hpp"
#include "core/knowledge.hpp"
#include "core/records.hpp"
#include "core/repository.hpp"

namespace unload::service {

/// What every journey works with: the content, the person's record and the clock.
struct Workspace {
    const core::KnowledgeBase& kb;
    core::Repository& repo;
    const core::Clock& clock;
};

/// Today in the person's time zone.
inline core::Day today(const Workspace& ws) {
    return ws.clock.day_of(ws.clock.now());
}

} // namespace unload::service
