#pragma once

// Reminders: the person's settings, and when reminders fall.

#include <string>

#include "core/error.hpp"
#include "core/records.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// When reminders fall, from the settings and the program in force: its desk-break interval,
/// sessions a day, session length and routine.
struct ReminderSchedule {
    core::ReminderSettings settings;
    int desk_break_minutes = 45;
    int sessions_per_day = 1;
    int session_minutes = 15;
    std::string routine;
    std::string desk_break_text;
};
/// Fails with NotFound before a start and Conflict (field `program`) while a warning sign stops
/// the program: no reminders to exercise then.
core::Result<ReminderSchedule> reminder_schedule(const Workspace& ws);

/// The schedule as an iCalendar file (RFC 5545), its events starting today.
core::Result<std::string> reminder_calendar(const Workspace& ws);

/// The saved reminder settings, or the defaults when none were saved.
core::Result<core::ReminderSettings> reminder_settings(const Workspace& ws);
/// Saves the reminder settings; returns them as saved.
core::Result<core::ReminderSettings> save_reminder_settings(const Workspace& ws,
                                                            core::ReminderSettings settings);

} // namespace unload::service
