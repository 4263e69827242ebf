#pragma once

// The weekly review.

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/records.hpp"
#include "core/review.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// Whether the weekly review is due today: NotFound before a program was started, Conflict
/// (field `review`) before the day it falls due. A front end checks this before it asks the
/// warning signs again, so that nobody answers them for a review that cannot happen.
core::Result<void> check_review_due(const Workspace& ws);

/// The weekly review with re-screen answers; stores the review, the updated intake and the next
/// program version in one go. Fails with Conflict (field `review`) before it is due.
core::Result<core::ReviewOutcome> review(const Workspace& ws, std::string_view answers);

/// The reviews written so far, oldest first.
core::Result<std::vector<core::ReviewRecord>> reviews(const Workspace& ws);

} // namespace unload::service
