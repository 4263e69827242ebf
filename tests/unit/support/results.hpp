#pragma once

// Small helpers for tests over results and times.

#include <string_view>
#include <utility>

#include <gtest/gtest.h>

#include "core/calendar.hpp"
#include "core/error.hpp"

namespace unload::test {

/// The value of a result, or (with a test failure) an empty value when it is an error.
template <class T>
T must(core::Result<T> result) {
    if (!result) {
        ADD_FAILURE() << result.error().to_string();
        return T{};
    }
    return std::move(*result);
}

/// A timestamp from ISO 8601 text (a test failure when it does not parse).
inline core::Timestamp at(std::string_view iso) {
    const auto parsed = core::parse_iso_timestamp(iso);
    EXPECT_TRUE(parsed) << iso;
    return parsed.value_or(core::Timestamp{});
}

} // namespace unload::test
