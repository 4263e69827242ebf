// Reminder times (clinical.md section 7): sessions as the stage asks, desk breaks through the
// working day on work days only.

#include <gtest/gtest.h>

#include "core/ics.hpp"
#include "core/reminders.hpp"

namespace unload::core {
namespace {

using namespace std::chrono;

const Day monday = sys_days{2026y / November / 23};
const Day sunday = sys_days{2026y / November / 22};

std::vector<int> minutes_of(const std::vector<Reminder>& reminders, ReminderKind kind) {
    std::vector<int> out;
    for (const auto& reminder : reminders) {
        if (reminder.kind == kind)
            out.push_back(reminder.minutes);
    }
    return out;
}

TEST(Reminders, DeskBreaksEveryIntervalStrictlyInsideWorkingHours) {
    ReminderSettings settings;
    settings.work_start_minutes = 9 * 60;
    settings.work_end_minutes = 11 * 60;
    const auto every_30 = reminders_on(settings, 30, 1, monday);
    EXPECT_EQ(minutes_of(every_30, ReminderKind::DeskBreak),
              (std::vector<int>{9 * 60 + 30, 10 * 60, 10 * 60 + 30}));
    const auto every_45 = reminders_on(settings, 45, 1, monday);
    EXPECT_EQ(minutes_of(every_45, ReminderKind::DeskBreak),
              (std::vector<int>{9 * 60 + 45, 10 * 60 + 30}));
}

TEST(Reminders, NoDeskBreaksOnDaysOff) {
    const ReminderSettings settings; // Monday to Friday.
    EXPECT_TRUE(minutes_of(reminders_on(settings, 30, 1, sunday), ReminderKind::DeskBreak).empty());
    EXPECT_EQ(minutes_of(reminders_on(settings, 30, 1, sunday), ReminderKind::Session),
              (std::vector<int>{8 * 60}));
}

TEST(Reminders, AsManySessionsAsTheStageAsks) {
    ReminderSettings settings;
    settings.session_minutes = {18 * 60, 7 * 60 + 30, 12 * 60};
    EXPECT_EQ(session_times(settings, 1), (std::vector<int>{7 * 60 + 30}));
    EXPECT_EQ(session_times(settings, 2), (std::vector<int>{7 * 60 + 30, 12 * 60}));
    settings.sessions = false;
    EXPECT_TRUE(minutes_of(reminders_on(settings, 30, 2, monday), ReminderKind::Session).empty());
}

TEST(Reminders, InTimeOrder) {
    ReminderSettings settings;
    settings.session_minutes = {12 * 60};
    const auto reminders = reminders_on(settings, 45, 1, monday);
    for (std::size_t i = 1; i < reminders.size(); ++i)
        EXPECT_LE(reminders[i - 1].minutes, reminders[i].minutes);
    EXPECT_EQ(minutes_of(reminders, ReminderKind::Session), (std::vector<int>{12 * 60}));
}

TEST(Ics, EscapesTextValues) {
    EXPECT_EQ(ics_escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
}

TEST(Ics, FoldsLongLinesWithoutSplittingCharacters) {
    const std::string line = "DESCRIPTION:" + std::string(60, 'a') + "é" + std::string(100, 'b');
    const auto folded = ics_fold(line);
    std::size_t start = 0;
    std::string unfolded;
    while (start <= folded.size()) {
        auto end = folded.find("\r\n", start);
        if (end == std::string::npos)
            end = folded.size();
        const auto part = folded.substr(start, end - start);
        EXPECT_LE(part.size(), 75u);
        unfolded += start == 0 ? part : part.substr(1); // Continuations start with a space.
        start = end + 2;
    }
    EXPECT_EQ(unfolded, line);
    EXPECT_NE(folded.find("é"), std::string::npos) << "the two bytes of é stay together";
}

TEST(Ics, CalendarHasOneEventPerSessionAndOneWorkDayEventWithAnAlarmPerBreak) {
    CalendarRequest request;
    request.settings.session_minutes = {8 * 60, 18 * 60};
    request.settings.work_start_minutes = 9 * 60;
    request.settings.work_end_minutes = 10 * 60 + 1;
    request.desk_break_minutes = 30;
    request.sessions_per_day = 2;
    request.session_summary = "Unload: relief session";
    request.desk_break_summary = "Unload: desk breaks";
    request.desk_break_alarm = "Time for a desk break";
    request.first_day = sunday;
    request.stamp = sys_days{2026y / November / 22} + hours{7};
    const auto calendar = ics_calendar(request);
    const auto count = [&](std::string_view needle) {
        std::size_t n = 0;
        for (auto at = calendar.find(needle); at != std::string::npos;
             at = calendar.find(needle, at + 1))
            ++n;
        return n;
    };
    EXPECT_EQ(calendar.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
    EXPECT_EQ(count("BEGIN:VEVENT"), 3u); // Two sessions and one working day.
    EXPECT_EQ(count("END:VEVENT"), 3u);
    EXPECT_EQ(count("RRULE:FREQ=DAILY\r\n"), 2u);
    EXPECT_EQ(count("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\n"), 1u);
    EXPECT_NE(calendar.find("DTSTART:20261122T080000\r\n"), std::string::npos);
    // The working day starts on the first work day, as RFC 5545 wants DTSTART to match the rule,
    // and spans the working hours (09:00 to 10:01).
    EXPECT_NE(calendar.find("DTSTART:20261123T090000\r\nDURATION:PT61M\r\n"), std::string::npos);
    // Breaks at 09:30 and 10:00: an alarm each, after the sessions' one alarm each.
    EXPECT_EQ(count("BEGIN:VALARM"), 4u);
    EXPECT_EQ(count("TRIGGER:PT30M\r\nDESCRIPTION:Time for a desk break\r\n"), 1u);
    EXPECT_EQ(count("TRIGGER:PT60M\r\nDESCRIPTION:Time for a desk break\r\n"), 1u);
    EXPECT_NE(calendar.find("DTSTAMP:20261122T070000Z\r\n"), std::string::npos);
    EXPECT_EQ(calendar.substr(calendar.size() - 15), "END:VCALENDAR\r\n");
    EXPECT_EQ(count("\n"), count("\r\n")) << "every line ends in CRLF";
}

TEST(Ics, AWorkingDayTooShortForABreakHasNoEvent) {
    CalendarRequest request;
    request.settings.sessions = false;
    request.settings.work_start_minutes = 9 * 60;
    request.settings.work_end_minutes = 9 * 60 + 30;
    request.desk_break_minutes = 45;
    request.first_day = sunday;
    EXPECT_EQ(ics_calendar(request).find("BEGIN:VEVENT"), std::string::npos);
}

} // namespace
} // namespace unload::core
