#include "service/review.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "json/rescreen.hpp"
#include "service/program.hpp"
#include "service/safety_stops.hpp"
#include "service/tracking.hpp"

namespace unload::service {

namespace {

/// Records are read this far back for a review: its week, the one before, and four weeks of
/// history for the referral and regression rules.
constexpr int review_history_days = 7 * 6;

/// Fails with Conflict (field `review`) before the current version's review falls due.
core::Result<void> check_due(const Workspace& ws, const Current& current) {
    const auto due = core::review_due_on(current.version);
    if (today(ws) < due)
        return core::fail(core::ErrorCode::Conflict, "review",
                          fmt::format("not due until {}: a review looks back on a whole week of "
                                      "the program",
                                      core::iso_day(due)));
    return {};
}

} // namespace

core::Result<void> check_review_due(const Workspace& ws) {
    return check_due(ws, TRY(load_current(ws)));
}

core::Result<core::ReviewOutcome> review(const Workspace& ws, std::string_view answers) {
    const auto current = TRY(load_current(ws));
    TRY(check_due(ws, current));
    auto [document, intake_now] =
        TRY(json::apply_rescreen(ws.kb, current.intake_record.document, answers));

    // A late review still sees everything since its program version began.
    const auto day = today(ws);
    const auto from = std::min(day - std::chrono::days{review_history_days},
                               current.version.starts_on - std::chrono::days{7});
    core::ReviewInput input{.intake = intake_now,
                            .baseline_pain = TRY(baseline_pain(ws)).value_or(0),
                            .current = current.version,
                            .today = day,
                            .sessions =
                                TRY(ws.record->sessions(from, day, core::SessionDetail::Full)),
                            .pain = TRY(ws.record->pain_entries(from, day)),
                            .reviews = TRY(ws.record->reviews()),
                            .scores = TRY(ws.record->scores())};
    auto outcome = core::review_week(ws.kb, input);
    const auto now = ws.clock.now();
    outcome.record.at = now;
    outcome.record.day = day;

    std::optional<core::ProgramVersion> next;
    if (outcome.next_stage) {
        const int week = current.version.week + 1;
        // The person's word on each exercise this week holds some at an easier version and
        // offers others a harder one (content/review.toml [feedback]).
        auto feedback = core::feedback_changes(
            ws.kb, current.plan.program.value_or(core::Program{}), current.version.changes,
            TRY(ws.record->feedback(current.version.starts_on, day)), current.version.starts_on,
            core::screen(ws.kb, intake_now, week).allowed);
        const auto next_plan =
            core::plan(ws.kb, intake_now, week, *outcome.next_stage, feedback.changes);
        std::ranges::move(core::feedback_reasons(ws.kb, feedback, intake_now, next_plan),
                          std::back_inserter(outcome.record.because));
        next = version_for(ws, next_plan, 0, week, "review", outcome.record.because);
        next->changes = std::move(feedback.changes);
    }
    // The answers, the review and the version it wrote are stored together or not at all.
    const auto stop = stop_opened_by(ws, core::screen(ws.kb, intake_now, current.version.week),
                                     StopOrigin::Review, document);
    outcome.record.id = TRY(ws.record->record_review({.id = 0, .at = now, .document = document},
                                                     outcome.record, next, stop));
    return outcome;
}

core::Result<std::vector<core::ReviewRecord>> reviews(const Workspace& ws) {
    return ws.record->reviews();
}

} // namespace unload::service
