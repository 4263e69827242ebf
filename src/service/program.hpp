#pragma once

// Starting a program, the program in force and the re-screen.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/intake.hpp"
#include "core/planner.hpp"
#include "core/reasons.hpp"
#include "core/records.hpp"
#include "core/screening.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// The person's current program: the latest intake, the program version in force and its plan.
struct Current {
    core::IntakeRecord intake_record;
    core::Intake intake;
    core::ProgramVersion version;
    std::size_t stage_index = 0;
    core::Plan plan;
};
/// Fails with NotFound (field `program`) before a program was started.
core::Result<Current> load_current(const Workspace& ws);

enum class Restart { No, Yes };

/// A new start: the plan for week 1 and, unless screening withheld the program, the version
/// written for it. The intake is stored either way.
struct Started {
    core::Plan plan;
    std::optional<core::ProgramVersion> version;
};
/// Fails with Conflict (field `restart`) while a program runs and `restart` is No.
core::Result<Started> start(const Workspace& ws, std::string_view intake_document, Restart restart);

/// The program in force as it stood at `as_of` (the answers given by then), or now without it.
core::Result<Current> load_current_as_of(const Workspace& ws, std::optional<core::Timestamp> as_of);

/// A program version for `plan`, written now: week `week` of its stage, from `origin` (`start`,
/// `review`) for the reasons `because`; its id is the store's to give.
core::ProgramVersion version_for(const Workspace& ws, const core::Plan& plan, core::RecordId intake,
                                 int week, std::string origin, std::vector<core::Reason> because);

/// Re-screen answers (json/rescreen.hpp) applied to the latest intake and stored as a new intake;
/// returns the screening of the updated intake.
core::Result<core::Screening> rescreen(const Workspace& ws, std::string_view answers);

/// The latest intake; NotFound (field `intake`) before the first.
core::Result<core::IntakeRecord> latest_intake(const Workspace& ws);

} // namespace unload::service
