#pragma once

// The reminder schedule as an iCalendar file (RFC 5545) that calendar apps import: one daily
// event per session time with an alarm, and one event per work day spanning the working hours
// with an alarm at each desk break.
// Pure text, so the CLI writes it to a file and the server can offer it as a download.

#include <string>

#include "core/records.hpp"

namespace unload::core {

struct CalendarRequest {
    ReminderSettings settings;
    int desk_break_minutes = 45;
    int sessions_per_day = 1;
    int session_length_minutes = 15;
    std::string session_summary;    ///< "Unload: relief routine".
    std::string session_text;       ///< What the session is, one line.
    std::string desk_break_summary; ///< "Unload: desk breaks", the working day's event.
    std::string desk_break_text;    ///< The event's description.
    std::string desk_break_alarm;   ///< What each break's alarm says.
    Day first_day{};                ///< The first day events occur (floating local time).
    Timestamp stamp{};              ///< DTSTAMP: when the file was made.
};

/// The calendar, with CRLF line ends and lines folded at 75 octets.
std::string ics_calendar(const CalendarRequest& request);

/// Escapes TEXT values (backslash, semicolon, comma, newline) per RFC 5545 section 3.3.11.
std::string ics_escape(std::string_view text);

/// Folds one content line to at most 75 octets per line, never inside a UTF-8 sequence.
std::string ics_fold(std::string_view line);

} // namespace unload::core
