#pragma once

// Checks more than one journey makes, so that each is worded and bounded once.

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "core/error.hpp"

namespace unload::service {

inline std::unexpected<core::Error> invalid(std::string field, std::string message) {
    return core::fail(core::ErrorCode::InvalidInput, std::move(field), std::move(message));
}

/// A pain score on the 0-10 scale, else an InvalidInput error naming `field`.
inline core::Result<int> check_pain(int pain, std::string field) {
    if (pain < 0 || pain > 10)
        return invalid(std::move(field), fmt::format("must be from 0 to 10, got {}", pain));
    return pain;
}

/// Text that JSON can carry (exports are JSON): valid UTF-8, else an InvalidInput error naming
/// `field`.
core::Result<void> check_utf8(std::string_view text, std::string field);

} // namespace unload::service
