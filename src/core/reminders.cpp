#include "core/reminders.hpp"

#include <algorithm>

#include "core/calendar.hpp"

namespace unload::core {

std::vector<int> session_times(const ReminderSettings& settings, int sessions_per_day) {
    auto times = settings.session_minutes;
    std::ranges::sort(times);
    if (static_cast<int>(times.size()) > sessions_per_day)
        times.resize(static_cast<std::size_t>(std::max(sessions_per_day, 0)));
    return times;
}

std::vector<Reminder> reminders_on(const ReminderSettings& settings, int desk_break_minutes,
                                   int sessions_per_day, Day day) {
    std::vector<Reminder> out;
    if (settings.sessions) {
        for (const auto minutes : session_times(settings, sessions_per_day))
            out.push_back({.kind = ReminderKind::Session, .minutes = minutes});
    }
    const bool work_day =
        std::ranges::find(settings.work_days, iso_weekday(day)) != settings.work_days.end();
    if (settings.desk_breaks && work_day && desk_break_minutes > 0) {
        for (int minutes = settings.work_start_minutes + desk_break_minutes;
             minutes < settings.work_end_minutes; minutes += desk_break_minutes)
            out.push_back({.kind = ReminderKind::DeskBreak, .minutes = minutes});
    }
    std::ranges::stable_sort(out, {}, &Reminder::minutes);
    return out;
}

} // namespace unload::core
