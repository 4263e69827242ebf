#pragma once

// The person's word on each exercise after a session (issue 14): "too easy", "right", "too hard"
// or "hurt", one tap per exercise. It is stored with the session, counted in progress, and read
// by the weekly review, which holds an exercise at its easier version or offers its harder one
// (core::feedback_changes, content/review.toml [feedback]). Taking a harder version offered is
// the person's choice, recorded on the program version that offered it.

#include <string_view>

#include "core/error.hpp"
#include "core/records.hpp"
#include "service/program.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// Stores how `exercise` felt in session `session`, replacing an earlier rating of it. NotFound
/// (field `session`) for a session not stored; InvalidInput (field `rating`) for an unknown rating,
/// InvalidInput (field `exercise`) for an exercise the session did not play.
core::Result<core::ExerciseFeedback> rate_exercise(const Workspace& ws, core::RecordId session,
                                                   std::string_view exercise,
                                                   std::string_view rating);

/// Takes the harder version the current program version offers for its exercise `exercise`:
/// from now on it plays in that exercise's place. NotFound (field `exercise`) when none is
/// offered. Answers the program as it now stands.
core::Result<Current> take_harder_version(const Workspace& ws, std::string_view exercise);

} // namespace unload::service
