#include "service/reminders.hpp"

#include <fmt/format.h>

#include "core/ics.hpp"
#include "core/reasons.hpp"
#include "service/program.hpp"

namespace unload::service {

core::Result<ReminderSchedule> reminder_schedule(const Workspace& ws) {
    const auto current = TRY(load_current(ws));
    if (!current.plan.program)
        return core::fail(core::ErrorCode::Conflict, "program",
                          "the program is stopped by a warning sign; no reminders until it "
                          "starts again");
    const auto& program = *current.plan.program;
    return ReminderSchedule{.settings = TRY(ws.record->reminder_settings()),
                            .desk_break_minutes = program.desk_break_minutes,
                            .sessions_per_day = program.sessions_per_day,
                            .session_minutes = program.minutes,
                            .routine = std::string(core::to_string(program.phase)),
                            .desk_break_text = ws.kb.program.desk_break_text};
}

core::Result<std::string> reminder_calendar(const Workspace& ws) {
    const auto schedule = TRY(reminder_schedule(ws));
    return core::ics_calendar(
        {.settings = schedule.settings,
         .desk_break_minutes = schedule.desk_break_minutes,
         .sessions_per_day = schedule.sessions_per_day,
         .session_length_minutes = schedule.session_minutes,
         .session_summary = fmt::format("Unload: {} session", schedule.routine),
         .session_text = fmt::format("Time for your {} routine, about {} minutes. Open Unload "
                                     "and start today's session; it guides you step by step.",
                                     schedule.routine, schedule.session_minutes),
         .desk_break_summary = "Unload: desk breaks",
         .desk_break_text =
             fmt::format("Your working hours: Unload reminds you to take a short break "
                         "every {} minutes. {}",
                         schedule.desk_break_minutes, schedule.desk_break_text),
         .desk_break_alarm = "Unload: time for a desk break. " + schedule.desk_break_text,
         .first_day = today(ws),
         .stamp = ws.clock.now()});
}

core::Result<core::ReminderSettings> reminder_settings(const Workspace& ws) {
    return ws.record->reminder_settings();
}

core::Result<core::ReminderSettings> save_reminder_settings(const Workspace& ws,
                                                            core::ReminderSettings settings) {
    TRY(ws.record->save_reminder_settings(settings));
    return settings;
}

} // namespace unload::service
