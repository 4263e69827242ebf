// `unload remind`: desk-break and session reminders in the foreground, their settings, and the
// schedule as an iCalendar file.

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include "cli/commands.hpp"
#include "core/calendar.hpp"
#include "core/ics.hpp"
#include "core/reminders.hpp"
#include "json/records.hpp"
#include "service/reminders.hpp"

extern char** environ;

namespace unload::cli {

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_signal(int /*signal*/) {
    g_stop = 1;
}

/// Minutes after local midnight at a moment.
int local_minutes(core::Timestamp at) {
    const std::time_t seconds = at.time_since_epoch().count();
    std::tm local{};
    localtime_r(&seconds, &local);
    return local.tm_hour * 60 + local.tm_min;
}

/// A desktop notification when a desktop is there, else the bell and a line on the terminal.
void notify(const std::string& title, const std::string& text) {
    const bool desktop = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    if (desktop && std::system("command -v notify-send >/dev/null 2>&1") == 0) {
        std::string program = "notify-send";
        std::string heading = title;
        std::string body = text;
        char* argv[] = {program.data(), heading.data(), body.data(), nullptr};
        pid_t child = 0;
        if (posix_spawnp(&child, "notify-send", nullptr, nullptr, argv, environ) == 0) {
            waitpid(child, nullptr, 0);
            return;
        }
    }
    std::cout << '\a' << title << ": " << text << std::endl;
}

using Schedule = service::ReminderSchedule;

core::Result<Schedule> schedule_of(Context& ctx) {
    const auto ws = TRY(ctx.workspace());
    return service::reminder_schedule(ws);
}

std::string reminder_text(const Schedule& schedule, const core::Reminder& reminder) {
    return reminder.kind == core::ReminderKind::Session
               ? fmt::format("Time for your {} session ({} minutes): `unload session`.",
                             schedule.routine, schedule.session_minutes)
               : schedule.desk_break_text;
}

/// The next reminder strictly after `minutes` on `day`, looking up to a week ahead.
std::optional<std::pair<core::Day, core::Reminder>> next_reminder(const Schedule& schedule,
                                                                  core::Day day, int minutes) {
    for (int ahead = 0; ahead < 8; ++ahead, day += std::chrono::days{1}) {
        for (const auto& reminder : core::reminders_on(
                 schedule.settings, schedule.desk_break_minutes, schedule.sessions_per_day, day)) {
            if (ahead > 0 || reminder.minutes > minutes)
                return std::pair{day, reminder};
        }
    }
    return std::nullopt;
}

std::vector<int> parse_days(std::string_view text) {
    static constexpr std::array<std::string_view, 7> names{"mon", "tue", "wed", "thu",
                                                           "fri", "sat", "sun"};
    const auto day_number = [](std::string_view word) -> int {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (word == names[i] || word == std::to_string(i + 1))
                return static_cast<int>(i + 1);
        }
        return 0;
    };
    std::vector<int> days;
    std::stringstream in{std::string(text)};
    for (std::string part; std::getline(in, part, ',');) {
        const auto dash = part.find('-');
        const int first = day_number(part.substr(0, dash));
        const int last = dash == std::string::npos ? first : day_number(part.substr(dash + 1));
        if (first == 0 || last == 0 || last < first)
            return {};
        for (int day = first; day <= last; ++day)
            days.push_back(day);
    }
    return days;
}

core::Result<bool> parse_switch(const std::string& text, const char* option) {
    if (text == "on")
        return true;
    if (text == "off")
        return false;
    return invalid(option, fmt::format("expected on or off, got '{}'", text));
}

} // namespace

core::Result<void> run_remind(Context& ctx, const std::string& ics_path, bool once) {
    const auto schedule = TRY(schedule_of(ctx));
    if (!ics_path.empty()) {
        const auto ws = TRY(ctx.workspace());
        const auto calendar = TRY(service::reminder_calendar(ws));
        TRY(write_private_file(ics_path, calendar, "--ics"));
        if (ctx.json())
            print_json({{"file", ics_path}, {"bytes", calendar.size()}});
        else
            std::cout << fmt::format("Wrote {}: import it into your calendar app.\n", ics_path);
        return {};
    }
    g_stop = 0;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    if (!once && !ctx.json())
        std::cout << fmt::format("Reminding you: desk breaks every {} minutes at work, {} "
                                 "session{} a day. Ctrl-C to stop.\n",
                                 schedule.desk_break_minutes, schedule.sessions_per_day,
                                 schedule.sessions_per_day == 1 ? "" : "s");
    while (!g_stop) {
        const auto now = ctx.clock->now();
        const auto next = next_reminder(schedule, ctx.clock->day_of(now), local_minutes(now));
        if (!next)
            return invalid("remind", "no reminders are switched on; see `unload remind set`");
        const auto& [day, reminder] = *next;
        const auto kind = reminder.kind == core::ReminderKind::Session ? "session" : "desk_break";
        if (once) {
            if (ctx.json())
                print_json({{"day", core::iso_day(day)},
                            {"time", json::clock_time(reminder.minutes)},
                            {"kind", kind},
                            {"text", reminder_text(schedule, reminder)}});
            else
                std::cout << fmt::format("Next reminder: {} {} ({}).\n", core::iso_day(day),
                                         json::clock_time(reminder.minutes), kind);
            return {};
        }
        // Sleep in short steps so Ctrl-C and a changed clock are noticed promptly.
        const auto due_in = (day - ctx.clock->day_of(now)).count() * 24 * 60 + reminder.minutes -
                            local_minutes(now);
        for (int seconds = 0; seconds < due_in * 60 && !g_stop; ++seconds)
            std::this_thread::sleep_for(std::chrono::seconds(1));
        if (!g_stop)
            notify(reminder.kind == core::ReminderKind::Session ? "Unload: session"
                                                                : "Unload: desk break",
                   reminder_text(schedule, reminder));
    }
    return {};
}

core::Result<void> run_remind_set(Context& ctx, const RemindSettingsOptions& options) {
    const auto ws = TRY(ctx.workspace());
    auto settings = TRY(service::reminder_settings(ws));
    if (!options.sessions.empty()) {
        settings.session_minutes.clear();
        std::stringstream in(options.sessions);
        for (std::string part; std::getline(in, part, ',');) {
            const auto minutes = json::parse_clock_time(part);
            if (!minutes)
                return invalid("--sessions", fmt::format("expected times like 08:00,18:30; got "
                                                         "'{}'",
                                                         part));
            settings.session_minutes.push_back(*minutes);
        }
    }
    if (!options.work.empty()) {
        const auto dash = options.work.find('-');
        const auto start = json::parse_clock_time(options.work.substr(0, dash));
        const auto end = dash == std::string::npos
                             ? std::nullopt
                             : json::parse_clock_time(options.work.substr(dash + 1));
        if (!start || !end || *end <= *start)
            return invalid(
                "--work", fmt::format("expected a range like 09:00-17:30, got '{}'", options.work));
        settings.work_start_minutes = *start;
        settings.work_end_minutes = *end;
    }
    if (!options.days.empty()) {
        settings.work_days = parse_days(options.days);
        if (settings.work_days.empty())
            return invalid("--days", fmt::format("expected days like mon-fri or mon,wed,fri; got "
                                                 "'{}'",
                                                 options.days));
    }
    if (!options.desk_breaks.empty())
        settings.desk_breaks = TRY(parse_switch(options.desk_breaks, "--desk-breaks"));
    if (!options.session_reminders.empty())
        settings.sessions = TRY(parse_switch(options.session_reminders, "--session-reminders"));
    TRY(service::save_reminder_settings(ws, settings));
    return run_remind_show(ctx);
}

core::Result<void> run_remind_show(Context& ctx) {
    const auto ws = TRY(ctx.workspace());
    const auto settings = TRY(service::reminder_settings(ws));
    if (ctx.json()) {
        print_json(json::reminder_settings_document(settings));
        return {};
    }
    std::string times;
    for (const auto minutes : settings.session_minutes)
        times += (times.empty() ? "" : ", ") + json::clock_time(minutes);
    std::string days;
    for (const auto day : settings.work_days)
        days += (days.empty() ? "" : " ") + std::to_string(day);
    std::cout << fmt::format("Session reminders: {} at {} (as many as the program's sessions a "
                             "day)\nDesk breaks: {} from {} to {} on days {} (1 = Monday)\n",
                             settings.sessions ? "on" : "off", times,
                             settings.desk_breaks ? "on" : "off",
                             json::clock_time(settings.work_start_minutes),
                             json::clock_time(settings.work_end_minutes), days);
    return {};
}

} // namespace unload::cli
