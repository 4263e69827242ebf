#include "core/calendar.hpp"

#include <charconv>

namespace unload::core {

namespace {

/// Reads exactly `width` digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size())
        return std::nullopt;
    int value = 0;
    const auto* first = text.data() + pos;
    const auto [end, ec] = std::from_chars(first, first + width, value);
    if (ec != std::errc{} || end != first + width)
        return std::nullopt;
    return value;
}

/// A non-negative number with leading zeros to `width` digits.
std::string padded(long long value, std::size_t width) {
    auto text = std::to_string(value);
    return text.size() < width ? std::string(width - text.size(), '0') + text : text;
}

} // namespace

std::string iso_timestamp(Timestamp at) {
    const auto day = std::chrono::floor<std::chrono::days>(at);
    const std::chrono::hh_mm_ss time{at - day};
    return iso_day(day) + "T" + padded(time.hours().count(), 2) + ":" +
           padded(time.minutes().count(), 2) + ":" + padded(time.seconds().count(), 2) + "Z";
}

std::string iso_day(Day day) {
    const std::chrono::year_month_day date{day};
    return padded(static_cast<int>(date.year()), 4) + "-" +
           padded(static_cast<unsigned>(date.month()), 2) + "-" +
           padded(static_cast<unsigned>(date.day()), 2);
}

std::optional<Day> parse_iso_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 5, 2);
    const auto day = digits(text, 8, 2);
    if (!year || !month || !day)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{*year},
                                           std::chrono::month{static_cast<unsigned>(*month)},
                                           std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok())
        return std::nullopt;
    return Day{date};
}

std::optional<Timestamp> parse_iso_timestamp(std::string_view text, Zone zone_rule) {
    if (text.size() < 19 || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    const auto day = parse_iso_day(text.substr(0, 10));
    const auto hours = digits(text, 11, 2);
    const auto minutes = digits(text, 14, 2);
    const auto seconds = digits(text, 17, 2);
    if (!day || !hours || !minutes || !seconds || *hours > 23 || *minutes > 59 || *seconds > 59)
        return std::nullopt;
    Timestamp at = *day + std::chrono::hours{*hours} + std::chrono::minutes{*minutes} +
                   std::chrono::seconds{*seconds};
    auto zone = text.substr(19);
    if (zone.starts_with('.')) {
        std::size_t fraction = 1;
        while (fraction < zone.size() && zone[fraction] >= '0' && zone[fraction] <= '9')
            ++fraction;
        if (fraction == 1 || fraction > 10)
            return std::nullopt;
        zone.remove_prefix(fraction);
    }
    if (zone.empty())
        return zone_rule == Zone::Optional ? std::optional<Timestamp>(at) : std::nullopt;
    if (zone == "Z")
        return at;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':')
        return std::nullopt;
    const auto zone_hours = digits(zone, 1, 2);
    const auto zone_minutes = digits(zone, 4, 2);
    if (!zone_hours || !zone_minutes || *zone_hours > 23 || *zone_minutes > 59)
        return std::nullopt;
    const auto offset = std::chrono::hours{*zone_hours} + std::chrono::minutes{*zone_minutes};
    return zone[0] == '+' ? at - offset : at + offset;
}

int iso_weekday(Day day) {
    return static_cast<int>(std::chrono::weekday{day}.iso_encoding());
}

} // namespace unload::core
