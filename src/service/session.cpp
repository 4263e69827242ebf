#include "service/session.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "core/progress.hpp"
#include "service/checks.hpp"
#include "service/safety_stops.hpp"

namespace unload::service {

namespace {

/// A stop that asks for the warning signs again and has not been answered since. Times are kept
/// to the second, so a session that began in the same second as the latest answers cannot be
/// told to come after them: its stop still asks (the conservative reading).
bool rescreen_pending(const core::KnowledgeBase& kb,
                      const std::vector<core::SessionRecord>& sessions,
                      const core::IntakeRecord& latest_intake) {
    for (const auto& session : sessions) {
        if (session.started_at < latest_intake.at)
            continue; // Answered since.
        for (const auto& event : session.events) {
            const auto* reason = kb.session.find_stop_reason(event.reason);
            if (event.kind == core::EventKind::Stop && reason && reason->rescreen)
                return true;
        }
    }
    return false;
}

/// How far ahead of this server's clock a device's clock may run before its times are refused.
constexpr std::chrono::minutes clock_skew{5};

/// When the program that `version` belongs to began: the newest start at or before it (reviews
/// write later versions of the same program).
core::Result<core::Timestamp> program_began(const Workspace& ws,
                                            const core::ProgramVersion& version) {
    if (version.origin == "start")
        return version.created_at;
    auto began = version.created_at;
    for (const auto& earlier : TRY(ws.record->program_versions()))
        if (earlier.id <= version.id && earlier.origin == "start")
            began = earlier.created_at;
    return began;
}

/// The one check of a session's start time, for every front end: not before 1970, not in the
/// future beyond clock_skew, and not before the program it is recorded under began. (Times
/// without a zone or at a leap second never get this far: the decoders refuse them.)
core::Result<void> check_started_at(const Workspace& ws, const core::ProgramVersion& version,
                                    core::Timestamp started_at) {
    if (started_at < core::Timestamp{})
        return invalid("started_at", fmt::format("{} is before 1970; no session can be",
                                                 core::iso_timestamp(started_at)));
    const auto now = ws.clock.now();
    if (started_at > now + clock_skew)
        return invalid("started_at",
                       fmt::format("{} is in the future (this server's time is {}); check the "
                                   "device's clock",
                                   core::iso_timestamp(started_at), core::iso_timestamp(now)));
    const auto began = TRY(program_began(ws, version));
    if (started_at + clock_skew < began)
        return invalid("started_at",
                       fmt::format("{} is before this program began ({})",
                                   core::iso_timestamp(started_at), core::iso_timestamp(began)));
    return {};
}

/// What is left at the end of a replay: a recorded session cannot still be running.
enum class AtTheEnd { KeepRunning, Quit };

/// Replays `controls` over a fresh run of the plan's session up to `until_ms`.
core::Result<Replay> replay_run(const core::KnowledgeBase& kb, const SessionPlan& plan,
                                const std::vector<core::Control>& controls, std::int64_t until_ms,
                                AtTheEnd at_the_end) {
    if (!plan.current.plan.program)
        return core::fail(core::ErrorCode::Conflict, "program",
                          "the program is stopped: the latest answers include a warning sign");
    core::SessionRun run(kb, *plan.current.plan.program, plan.current.plan.screening.allowed,
                         plan.adjustments);
    // The replay is not played in real time: time jumps to each moment something happens.
    std::int64_t now_ms = 0;
    Replay replay;
    auto played = core::play_controls(
        kb, run, controls, {.until_ms = until_ms, .pause = core::PauseControl::Explicit},
        {.now_ms = [&] { return now_ms; },
         .wait_until = [&](std::int64_t at) { now_ms = std::max(now_ms, at); }},
        {.step_started = {},
         .control =
             [&](const core::AppliedControl& applied) {
                 if (applied.refused)
                     replay.refused.push_back(
                         {.control = applied.index, .message = applied.refused->message});
             },
         .quit_while_paused = {}});
    if (!played)
        return std::unexpected(played.error().error);
    for (auto index = played->reached; index < controls.size(); ++index)
        replay.refused.push_back({.control = index, .message = "the session had already ended"});
    const bool quit_at_the_end = at_the_end == AtTheEnd::Quit && !run.ended();
    if (quit_at_the_end)
        run.quit(until_ms);

    replay.record = run.record();
    replay.record.program_version_id = plan.current.version.id;
    replay.stops = std::move(played->stops);
    // A player that ended the session at a stop (offline, the conservative choice) ended it
    // there, whatever the stop would have let go on: its outcome says so, not "the session goes
    // on".
    const auto last = played->reached > 0 ? &controls[played->reached - 1] : nullptr;
    if (quit_at_the_end && last && last->kind == core::ControlKind::Stop &&
        last->at_ms == until_ms && !replay.stops.empty())
        replay.stops.back().session_ended = true;
    replay.steps = run.steps();
    replay.view = run.view(until_ms);
    // The run dies here: the view must point at the copy of its steps.
    if (replay.view.step)
        replay.view.step = &replay.steps[replay.view.step_index];
    if (replay.view.next)
        replay.view.next = &replay.steps[replay.view.step_index + 1];
    return replay;
}

/// Whether to build the session's timeline: a player shows it; a replay's run builds its own.
enum class Timeline { Build, Leave };

/// Today's session as it stood at `as_of` (a session played then and sent now) or now: the
/// answers in force then, and the sessions before it. A stop opened since does not refuse a
/// session played before it: it was played, and its record may hold the very stop that opened it.

core::Result<SessionPlan> prepare_session_as_of(const Workspace& ws,
                                                std::optional<core::Timestamp> as_of,
                                                Timeline timeline) {
    if (!as_of) {
        TRY(check_no_stop(ws));
    } else if (const auto stop = TRY(open_stop(ws)); stop && stop->stop.at <= *as_of) {
        TRY(check_no_stop(ws));
    }
    auto current = TRY(load_current_as_of(ws, as_of));
    if (!current.plan.program)
        return core::fail(core::ErrorCode::Conflict, "program",
                          "the program is stopped: the latest answers include a warning sign; "
                          "please follow its advice first");
    auto since =
        TRY(ws.record->sessions(current.version.starts_on, today(ws), core::SessionDetail::Full));
    if (as_of)
        std::erase_if(since, [&](const core::SessionRecord& s) { return s.started_at >= *as_of; });
    auto adjustments = core::next_session_adjustments(ws.kb, since);
    auto built = timeline == Timeline::Build
                     ? core::build_timeline(ws.kb, *current.plan.program, adjustments)
                     : core::Timeline{};
    const bool pending = rescreen_pending(ws.kb, since, current.intake_record);
    const auto day = today(ws);
    const auto done_today = std::ranges::count_if(since, [&](const core::SessionRecord& session) {
        return session.day == day && core::counts_as_done(ws.kb.review, session);
    });
    const int planned_today = current.plan.program->sessions_per_day;
    return SessionPlan{.current = std::move(current),
                       .adjustments = std::move(adjustments),
                       .timeline = std::move(built),
                       .rescreen_pending = pending,
                       .done_today = static_cast<int>(done_today),
                       .planned_today = planned_today};
}

} // namespace

core::Result<SessionPlan> prepare_session(const Workspace& ws) {
    return prepare_session_as_of(ws, std::nullopt, Timeline::Build);
}

core::Result<Replay> replay(const Workspace& ws, const std::vector<core::Control>& controls,
                            std::int64_t until_ms) {
    TRY(core::check_session_time(until_ms, "until_ms"));
    const auto plan = TRY(prepare_session_as_of(ws, std::nullopt, Timeline::Leave));
    return replay_run(ws.kb, plan, controls, until_ms, AtTheEnd::KeepRunning);
}

core::Result<Replay> record_session(const Workspace& ws, const core::PlayedSession& played) {
    TRY(core::check_session_time(played.ended_ms, "ended_ms"));
    const auto started_at = played.started_at;
    const auto plan = TRY(prepare_session_as_of(ws, started_at, Timeline::Leave));
    auto replayed = TRY(replay_run(ws.kb, plan, played.controls, played.ended_ms, AtTheEnd::Quit));
    replayed.record = TRY(save_session(ws, plan, std::move(replayed.record),
                                       {.started_at = started_at,
                                        .pain_before = played.pain_before,
                                        .pain_after = played.pain_after}));
    return replayed;
}

core::Result<core::SessionRecord> save_session(const Workspace& ws, const SessionPlan& plan,
                                               core::SessionRecord played,
                                               const SessionMarks& marks) {
    TRY(check_started_at(ws, plan.current.version, marks.started_at));
    played.pain_before = TRY(check_pain(marks.pain_before, "pain_before"));
    played.pain_after = marks.pain_after;
    if (marks.pain_after)
        TRY(check_pain(*marks.pain_after, "pain_after"));
    played.program_version_id = plan.current.version.id;
    played.started_at = marks.started_at;
    played.day = ws.clock.day_of(marks.started_at);
    played.flare =
        marks.pain_after && core::is_flare(ws.kb.session, marks.pain_before, *marks.pain_after);
    played.id = TRY(ws.record->add_session(played));
    return played;
}

} // namespace unload::service
