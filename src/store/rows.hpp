#pragma once

// What every table adapter in src/store shares: the integer type SOCI binds, the text that times
// and days are stored as and read back from, and one read or write transaction around a body.

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/calendar.hpp"
#include "core/error.hpp"
#include "store/connection.hpp"

namespace unload::store {

// SOCI binds 64-bit integers as `long long`; core's ids and milliseconds are std::int64_t, which
// is `long` on this platform. Converting at the boundary keeps every bound type exact.
using Integer = long long;

/// The text a time is stored as. Only years 1-9999 keep ISO 8601 text sorting in time order.
core::Result<std::string> time_text(core::Timestamp at, std::string_view field);
core::Result<std::string> day_text(core::Day day, std::string_view field);

/// A stored value this Unload cannot read.
core::Error corrupt(std::string_view column, std::string_view value);
core::Result<core::Timestamp> read_time(const std::string& text, std::string_view column);
core::Result<core::Day> read_day(const std::string& text, std::string_view column);

template <class Enum>
core::Result<Enum> read_enum(std::optional<Enum> (*parse)(std::string_view),
                             const std::string& text, std::string_view column) {
    if (const auto value = parse(text))
        return *value;
    return std::unexpected(corrupt(column, text));
}

/// Runs `body(session)` in one write transaction, committed only when it returns success.
template <class Body>
auto write(Connection& connection, Body&& body) -> std::invoke_result_t<Body&, soci::session&> {
    return guarded([&]() -> std::invoke_result_t<Body&, soci::session&> {
        Transaction transaction(connection, Transaction::Kind::Write);
        auto result = body(*connection.sql);
        if (result)
            transaction.commit();
        return result;
    });
}

/// Runs `body(session)` in one read transaction, so its statements see one snapshot.
template <class Body>
auto read(Connection& connection, Body&& body) -> std::invoke_result_t<Body&, soci::session&> {
    return guarded([&]() -> std::invoke_result_t<Body&, soci::session&> {
        Transaction transaction(connection, Transaction::Kind::Read);
        auto result = body(*connection.sql);
        if (result)
            transaction.commit();
        return result;
    });
}

} // namespace unload::store
