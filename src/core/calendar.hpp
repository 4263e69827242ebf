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
/// Whether a time must say its zone (`Z` or an offset), as a time from another device must.
enum class Zone { Optional, Required };
/// Reads `2026-11-22T08:30:00Z`, `2026-11-22T09:30:00+01:00`, with optional fractions of a second
/// (`08:30:00.250Z`, cut to the second) and, unless `zone` is Required, `2026-11-22T08:30:00`
/// (taken as UTC). A leap second (`23:59:60`) is refused: no clock Unload stores can show one.
std::optional<Timestamp> parse_iso_timestamp(std::string_view text, Zone zone = Zone::Optional);
/// Reads `2026-11-22`; rejects dates that do not exist.
std::optional<Day> parse_iso_day(std::string_view text);
/// Monday = 1 ... Sunday = 7.
int iso_weekday(Day day);

} // namespace unload::core
