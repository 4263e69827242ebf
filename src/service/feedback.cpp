#include "service/feedback.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace unload::service {

core::Result<core::ExerciseFeedback> rate_exercise(const Workspace& ws, core::RecordId session,
                                                   std::string_view exercise,
                                                   std::string_view rating) {
    const auto parsed = core::parse_rating(rating);
    if (!parsed)
        return core::fail(
            core::ErrorCode::InvalidInput, "rating",
            fmt::format("'{}' is not a rating: too_easy, right, too_hard or hurt", rating));
    const auto played = TRY(ws.record->session_exercises(session));
    if (!played)
        return core::fail(core::ErrorCode::NotFound, "session",
                          fmt::format("no session {} is stored", session));
    if (std::ranges::find(*played, exercise) == played->end())
        return core::fail(core::ErrorCode::InvalidInput, "exercise",
                          played->empty()
                              ? fmt::format("session {} played no exercise", session)
                              : fmt::format("session {} did not play '{}'; it played {}", session,
                                            exercise, fmt::join(*played, ", ")));
    const core::ExerciseFeedback feedback{.session_id = session,
                                          .item = std::string(exercise),
                                          .rating = *parsed,
                                          .at = ws.clock.now(),
                                          .day = {}};
    TRY(ws.record->set_feedback(feedback));
    return feedback;
}

core::Result<Current> take_harder_version(const Workspace& ws, std::string_view exercise) {
    const auto current = TRY(load_current(ws));
    TRY(ws.record->accept_change(current.version.id, exercise, ws.clock.now()));
    return load_current(ws);
}

} // namespace unload::service
