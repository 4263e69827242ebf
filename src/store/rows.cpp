#include "store/rows.hpp"

#include <chrono>

#include <fmt/format.h>

namespace unload::store {

namespace {

core::Result<void> check_year(std::chrono::year_month_day date, std::string_view field) {
    if (date.year() < std::chrono::year{1} || date.year() > std::chrono::year{9999})
        return core::fail(core::ErrorCode::InvalidInput, "db",
                          fmt::format("{}: the year {} is outside 1..9999", field,
                                      static_cast<int>(date.year())));
    return {};
}

} // namespace

core::Result<std::string> time_text(core::Timestamp at, std::string_view field) {
    TRY(check_year(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(at)}, field));
    return core::iso_timestamp(at);
}

core::Result<std::string> day_text(core::Day day, std::string_view field) {
    TRY(check_year(std::chrono::year_month_day{day}, field));
    return core::iso_day(day);
}

core::Error corrupt(std::string_view column, std::string_view value) {
    return core::Error{
        .code = core::ErrorCode::Io,
        .field = "db",
        .message = fmt::format("{} holds '{}', which this Unload cannot read", column, value)};
}

core::Result<core::Timestamp> read_time(const std::string& text, std::string_view column) {
    if (const auto at = core::parse_iso_timestamp(text))
        return *at;
    return std::unexpected(corrupt(column, text));
}

core::Result<core::Day> read_day(const std::string& text, std::string_view column) {
    if (const auto day = core::parse_iso_day(text))
        return *day;
    return std::unexpected(corrupt(column, text));
}

} // namespace unload::store
