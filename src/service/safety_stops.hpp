#pragma once

// The safety stop (issue 14, clinical.md section 1): answers whose verdict is `emergency`,
// `urgent` or `consult` are stored, with where they were given, and stop the program. Every page
// and command shows the open stop with its advice, and no session starts, until answers that no
// longer stop come in (a re-screen, a new onboarding, a review). The person can say meanwhile that
// they have been seen; that is recorded too.

#include <optional>
#include <string_view>

#include "core/error.hpp"
#include "core/records.hpp"
#include "core/screening.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// Where stopping answers were given.
enum class StopOrigin { Onboarding, Rescreen, Review };

/// The stop that `document`'s screening opens, dated now, or nullopt when it does not stop.
std::optional<core::SafetyStop> stop_opened_by(const Workspace& ws,
                                               const core::Screening& screening, StopOrigin origin,
                                               std::string_view document);

/// An open stop with the screening of its answers (which points into the content).
struct OpenStop {
    core::SafetyStop stop;
    core::Screening screening;
};

/// The stop in force, if any. A record from before stops were stored whose latest answers
/// withhold the program has one too, not stored yet (id 0): mark_seen() stores it.
core::Result<std::optional<OpenStop>> open_stop(const Workspace& ws);

/// Stores onboarding answers that stop, before the intake is complete: `document` is screened as
/// an intake; answers that do not stop are refused (InvalidInput, field `intake`), since there is
/// nothing to record.
core::Result<OpenStop> record_onboarding_stop(const Workspace& ws, std::string_view document);

/// Records that the person says they have been seen about the open stop (NotFound, field `stop`,
/// when none is open). The stop stays open until their answers no longer stop.
core::Result<OpenStop> mark_seen(const Workspace& ws);

/// Fails with Conflict (field `program`) while a stop is open, naming its verdict.
core::Result<void> check_no_stop(const Workspace& ws);

} // namespace unload::service
