#pragma once

// Answers kept under an idempotency key, so that a request sent again (a phone that lost the
// answer) is stored once and answered the same.

#include <chrono>
#include <optional>
#include <string_view>

#include "core/error.hpp"
#include "core/records.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// How long an answer stays kept under its idempotency key.
inline constexpr std::chrono::hours kept_answer_lifetime{24};
/// The answer kept under an idempotency key within kept_answer_lifetime, if any.
core::Result<std::optional<core::KeptAnswer>> kept_answer(const Workspace& ws,
                                                          std::string_view key);
/// Keeps an answer under its key, dated now, and forgets those older than kept_answer_lifetime.
core::Result<void> keep_answer(const Workspace& ws, core::KeptAnswer answer);

} // namespace unload::service
