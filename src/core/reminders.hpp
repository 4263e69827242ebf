#pragma once

// When to remind (clinical.md section 7 and seed 000): sessions at the person's chosen times, as
// many a day as the program's stage asks for, and desk breaks every 30-45 minutes through the
// working day as the program says.

#include <vector>

#include "core/records.hpp"

namespace unload::core {

enum class ReminderKind { Session, DeskBreak };

struct Reminder {
    ReminderKind kind = ReminderKind::Session;
    int minutes = 0; ///< After local midnight.
};

/// The reminders of one day, in time order. Desk breaks fall every `desk_break_minutes` after
/// the start of work, strictly before its end, on work days only.
std::vector<Reminder> reminders_on(const ReminderSettings& settings, int desk_break_minutes,
                                   int sessions_per_day, Day day);

/// The session times in use: the first `sessions_per_day` of the chosen times, in time order.
std::vector<int> session_times(const ReminderSettings& settings, int sessions_per_day);

} // namespace unload::core
