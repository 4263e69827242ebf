#include "core/ics.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "core/calendar.hpp"
#include "core/reminders.hpp"

namespace unload::core {

namespace {

constexpr std::array<std::string_view, 7> weekday_codes{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::string two(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

/// `20261123T080000`: a floating local time, so the events follow the person's time zone.
std::string local_time(Day day, int minutes) {
    std::string date = iso_day(day);
    std::erase(date, '-');
    return date + "T" + two(minutes / 60) + two(minutes % 60) + "00";
}

std::string utc_time(Timestamp at) {
    std::string text = iso_timestamp(at);
    std::erase(text, '-');
    std::erase(text, ':');
    return text;
}

struct Event {
    std::string uid;
    Day day;
    int minutes = 0;
    int duration_minutes = 0;
    std::string rule;
    std::string summary;
    std::string description;
    /// Minutes after the start at which an alarm goes off; one alarm at the start when empty.
    std::vector<int> alarms_after = {0};
    std::string alarm_text; ///< What each alarm says (the summary when empty).
};

void append_event(std::string& out, const Event& event, Timestamp stamp) {
    const auto line = [&](std::string_view text) { out += ics_fold(text) + "\r\n"; };
    line("BEGIN:VEVENT");
    line("UID:" + event.uid);
    line("DTSTAMP:" + utc_time(stamp));
    line("DTSTART:" + local_time(event.day, event.minutes));
    line("DURATION:PT" + std::to_string(event.duration_minutes) + "M");
    line("RRULE:" + event.rule);
    line("SUMMARY:" + ics_escape(event.summary));
    line("DESCRIPTION:" + ics_escape(event.description));
    line("TRANSP:TRANSPARENT");
    for (const auto after : event.alarms_after) {
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line("TRIGGER:PT" + std::to_string(after) + "M");
        line("DESCRIPTION:" +
             ics_escape(event.alarm_text.empty() ? event.summary : event.alarm_text));
        line("END:VALARM");
    }
    line("END:VEVENT");
}

} // namespace

std::string ics_escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t limit = 75; // The first line has 75 octets; continuations 74 after their space.
    while (line.size() > limit) {
        std::size_t cut = limit;
        // Step back over UTF-8 continuation bytes so a character is never split.
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        out += line.substr(0, cut);
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;
    }
    out += line;
    return out;
}

std::string ics_calendar(const CalendarRequest& request) {
    std::string out;
    const auto line = [&](std::string_view text) { out += ics_fold(text) + "\r\n"; };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Unload//Unload reminders//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:Unload");
    const auto& settings = request.settings;
    if (settings.sessions) {
        for (const auto minutes : session_times(settings, request.sessions_per_day))
            append_event(out,
                         {.uid = "unload-session-" + two(minutes / 60) + two(minutes % 60) +
                                 "@unload.invalid",
                          .day = request.first_day,
                          .minutes = minutes,
                          .duration_minutes = request.session_length_minutes,
                          .rule = "FREQ=DAILY",
                          .summary = request.session_summary,
                          .description = request.session_text},
                         request.stamp);
    }
    if (settings.desk_breaks && !settings.work_days.empty()) {
        std::string days;
        auto work_days = settings.work_days;
        std::ranges::sort(work_days);
        for (const auto day : work_days)
            days += (days.empty() ? "" : ",") + std::string(weekday_codes[(day - 1) % 7]);
        // Every work day has the same break times; reminders_on gives them for a work day.
        ReminderSettings breaks_only = settings;
        breaks_only.sessions = false;
        breaks_only.work_days = {1, 2, 3, 4, 5, 6, 7};
        // RFC 5545 wants DTSTART to be an occurrence of its rule: start on the first work day.
        Day first_work_day = request.first_day;
        for (int tries = 0;
             tries < 7 &&
             std::ranges::find(work_days, iso_weekday(first_work_day)) == work_days.end();
             ++tries)
            first_work_day += std::chrono::days{1};
        // One event a work day, spanning the working hours, with an alarm at each break: a day
        // view shows one quiet block instead of a dozen two-minute events.
        std::vector<int> alarms_after;
        for (const auto& reminder :
             reminders_on(breaks_only, request.desk_break_minutes, 0, first_work_day))
            alarms_after.push_back(reminder.minutes - settings.work_start_minutes);
        if (!alarms_after.empty())
            append_event(
                out,
                {.uid = "unload-desk-breaks@unload.invalid",
                 .day = first_work_day,
                 .minutes = settings.work_start_minutes,
                 .duration_minutes = settings.work_end_minutes - settings.work_start_minutes,
                 .rule = "FREQ=WEEKLY;BYDAY=" + days,
                 .summary = request.desk_break_summary,
                 .description = request.desk_break_text,
                 .alarms_after = std::move(alarms_after),
                 .alarm_text = request.desk_break_alarm},
                request.stamp);
    }
    line("END:VCALENDAR");
    return out;
}

} // namespace unload::core
