#pragma once

// ISO 8601 dates and times, the one format Unload stores, prints and serves them in.

#include <optional>
#include <string>
#include <string_view>

#include "core/records.hpp"

namespace unload::core {

/// `2026-11-22T08:30:00Z`.
std::string iso_timestamp(Timestamp at);
/// `2026-11-22`.
std::string iso_day(Day day);
/// Reads `2026-11-22T08:30:00Z`, `2026-11-22T08:30:00` (taken as UTC) or
/// `2026-11-22T09:30:00+01:00`.
std::optional<Timestamp> parse_iso_timestamp(std::string_view text);
/// Reads `2026-11-22`; rejects dates that do not exist.
std::optional<Day> parse_iso_day(std::string_view text);
/// Monday = 1 ... Sunday = 7.
int iso_weekday(Day day);

} // namespace unload::core
