#include "service/journeys.hpp"

#include <algorithm>
#include <chrono>
#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "core/ics.hpp"
#include "core/reasons.hpp"
#include "json/answers.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"
#include "json/rescreen.hpp"
#include "service/safety_stops.hpp"

namespace unload::service {

namespace {

/// Records are read this far back for a review: its week, the one before, and four weeks of
/// history for the referral and regression rules.
constexpr int review_history_days = 7 * 6;
/// The longest diary and progress windows: ten years.
constexpr int max_days = 3660;
constexpr int max_weeks = 520;

std::unexpected<core::Error> invalid(std::string field, std::string message) {
    return core::fail(core::ErrorCode::InvalidInput, std::move(field), std::move(message));
}

core::Result<int> check_pain(int pain, std::string field) {
    if (pain < 0 || pain > 10)
        return invalid(std::move(field), fmt::format("must be from 0 to 10, got {}", pain));
    return pain;
}

core::ProgramVersion version_for(const Workspace& ws, const core::Plan& plan, core::RecordId intake,
                                 int week, std::string origin, std::vector<core::Reason> because) {
    const auto now = ws.clock.now();
    return {.id = 0,
            .intake_id = intake,
            .created_at = now,
            .starts_on = ws.clock.day_of(now),
            .week = week,
            .stage = plan.program ? plan.program->stage->id : std::string(),
            .origin = std::move(origin),
            .because = std::move(because),
            .document = json::plan_document(ws.kb, plan).dump(),
            .changes = {}};
}

/// The pain the person began the program with: the first intake's pain now.
core::Result<std::optional<int>> baseline_pain(const Workspace& ws) {
    const auto intakes = TRY(ws.repo.intakes());
    if (intakes.empty())
        return std::nullopt;
    const auto first = TRY(json::decode_intake(ws.kb, intakes.front().document));
    return first.symptoms.pain_now;
}

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

/// How far ahead of this server's clock a device's clock may run before its times are refused.
constexpr std::chrono::minutes clock_skew{5};

/// When the program that `version` belongs to began: the newest start at or before it (reviews
/// write later versions of the same program).
core::Result<core::Timestamp> program_began(const Workspace& ws,
                                            const core::ProgramVersion& version) {
    if (version.origin == "start")
        return version.created_at;
    auto began = version.created_at;
    for (const auto& earlier : TRY(ws.repo.program_versions()))
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

} // namespace

core::Day today(const Workspace& ws) {
    return ws.clock.day_of(ws.clock.now());
}

namespace {

/// The latest intake stored at or before `as_of`, or the latest of all without it (or when
/// `as_of` comes before every intake: check_started_at() then refuses that time by name).
core::Result<std::optional<core::IntakeRecord>>
intake_in_force(const Workspace& ws, std::optional<core::Timestamp> as_of) {
    if (!as_of)
        return ws.repo.latest_intake();
    std::optional<core::IntakeRecord> found;
    for (auto& intake : TRY(ws.repo.intakes())) {
        if (intake.at <= *as_of && (!found || intake.at >= found->at))
            found = std::move(intake);
    }
    if (!found)
        return ws.repo.latest_intake();
    return found;
}

core::Result<Current> load_current_as_of(const Workspace& ws,
                                         std::optional<core::Timestamp> as_of) {
    auto version = TRY(ws.repo.current_program());
    auto intake_record = TRY(intake_in_force(ws, as_of));
    if (!version || !intake_record)
        return core::fail(core::ErrorCode::NotFound, "program", "no program yet");
    auto intake = TRY(json::decode_intake(ws.kb, intake_record->document));
    const auto stage = core::find_stage(ws.kb, version->stage);
    if (!stage)
        return core::fail(
            core::ErrorCode::InvalidContent, "program.stage",
            fmt::format("the stored stage '{}' is not in programs.toml", version->stage));
    auto plan = core::plan(ws.kb, intake, version->week, *stage, version->changes);
    return Current{.intake_record = std::move(*intake_record),
                   .intake = std::move(intake),
                   .version = std::move(*version),
                   .stage_index = *stage,
                   .plan = std::move(plan)};
}

/// Today's session as it stood at `as_of` (a session played then and sent now) or now: the
/// answers in force then, and the sessions before it. A stop opened since does not refuse a
/// session played before it: it was played, and its record may hold the very stop that opened it.
/// Whether to build the session's timeline: a player shows it; a replay's run builds its own.
enum class Timeline { Build, Leave };

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
        TRY(ws.repo.sessions(current.version.starts_on, today(ws), core::SessionDetail::Full));
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

core::Result<Current> load_current(const Workspace& ws) {
    return load_current_as_of(ws, std::nullopt);
}

core::Result<Started> start(const Workspace& ws, std::string_view intake_document,
                            Restart restart) {
    const auto intake = TRY(json::decode_intake(ws.kb, intake_document));
    if (const auto current = TRY(ws.repo.current_program()); current && restart == Restart::No)
        return core::fail(core::ErrorCode::Conflict, "restart",
                          fmt::format("a program is already running (week {}, {}, since {})",
                                      current->week, current->stage,
                                      core::iso_day(current->starts_on)));
    auto plan = core::plan(ws.kb, intake, 1);
    const core::IntakeRecord record{
        .id = 0, .at = ws.clock.now(), .document = std::string(intake_document)};
    // Screening may withhold the program: the intake is kept then, and no version written.
    std::optional<core::ProgramVersion> version;
    if (plan.program)
        version = version_for(ws, plan, 0, 1, "start",
                              {{.id = std::string(core::reason_ids::program_start),
                                .text = plan.program->stage->text}});
    // The intake, its first version and what it does to the safety stop are stored together or
    // not at all.
    const auto stop = stop_opened_by(ws, plan.screening, StopOrigin::Onboarding, record.document);
    const auto ids = TRY(ws.repo.record_start(record, version, stop));
    if (version) {
        version->intake_id = ids.intake;
        version->id = *ids.version;
    }
    return Started{.plan = std::move(plan), .version = std::move(version)};
}

core::Result<std::optional<core::KeptAnswer>> kept_answer(const Workspace& ws,
                                                          std::string_view key) {
    auto kept = TRY(ws.repo.kept_answer(key));
    if (kept && kept->at + kept_answer_lifetime < ws.clock.now())
        return std::nullopt; // Expired: the next keep_answer() deletes it.
    return kept;
}

core::Result<void> keep_answer(const Workspace& ws, core::KeptAnswer answer) {
    answer.at = ws.clock.now();
    return ws.repo.keep_answer(answer, answer.at - kept_answer_lifetime);
}

core::Result<core::Screening> rescreen(const Workspace& ws, std::string_view answers) {
    const auto latest = TRY(ws.repo.latest_intake());
    if (!latest)
        return core::fail(core::ErrorCode::NotFound, "intake",
                          "no intake yet to re-screen; start a program first");
    const auto rescreened = TRY(json::apply_rescreen(ws.kb, latest->document, answers));
    auto screening = core::screen(ws.kb, rescreened.intake);
    TRY(ws.repo.add_intake(
        {.id = 0, .at = ws.clock.now(), .document = rescreened.document},
        stop_opened_by(ws, screening, StopOrigin::Rescreen, rescreened.document)));
    return screening;
}

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
    played.id = TRY(ws.repo.add_session(played));
    return played;
}

core::Result<Diary> diary(const Workspace& ws, int days) {
    if (days < 1 || days > max_days)
        return invalid("days", fmt::format("must be from 1 to {}", max_days));
    const auto to = today(ws);
    const auto from = to - std::chrono::days{days - 1};
    return Diary{.from = from,
                 .to = to,
                 .sessions = TRY(ws.repo.sessions(from, to, core::SessionDetail::Full)),
                 .pain = TRY(ws.repo.pain_entries(from, to))};
}

core::Result<core::PainEntry> log_pain(const Workspace& ws, int pain, std::string note) {
    TRY(check_pain(pain, "pain"));
    // The diary is exported as JSON, so the note must be text JSON can carry.
    try {
        (void)nlohmann::json(note).dump();
    } catch (const nlohmann::json::exception&) {
        return invalid("note", "not valid UTF-8 text");
    }
    const auto now = ws.clock.now();
    core::PainEntry entry{
        .id = 0, .at = now, .day = ws.clock.day_of(now), .pain = pain, .note = std::move(note)};
    entry.id = TRY(ws.repo.add_pain(entry));
    return entry;
}

core::Result<core::Progress> progress(const Workspace& ws, int weeks) {
    if (weeks < 1 || weeks > max_weeks)
        return invalid("weeks", fmt::format("must be from 1 to {}", max_weeks));
    const auto to = today(ws);
    const auto from = to - std::chrono::days{weeks * 7 - 1};
    const auto sessions = TRY(ws.repo.sessions(from, to, core::SessionDetail::Summary));
    const auto pain = TRY(ws.repo.pain_entries(from, to));
    const auto scores = TRY(ws.repo.scores());
    const auto versions = TRY(ws.repo.program_versions());
    const auto baseline = TRY(baseline_pain(ws));
    auto result = core::progress(ws.kb, from, to, sessions, pain, scores, versions, baseline);
    result.feedback = core::tally_feedback(ws.kb, TRY(ws.repo.feedback(from, to)));
    return result;
}

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
                            .sessions = TRY(ws.repo.sessions(from, day, core::SessionDetail::Full)),
                            .pain = TRY(ws.repo.pain_entries(from, day)),
                            .reviews = TRY(ws.repo.reviews()),
                            .scores = TRY(ws.repo.scores())};
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
            TRY(ws.repo.feedback(current.version.starts_on, day)), current.version.starts_on,
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
    outcome.record.id = TRY(ws.repo.record_review({.id = 0, .at = now, .document = document},
                                                  outcome.record, next, stop));
    return outcome;
}

core::Result<InstrumentScore> score(const core::KnowledgeBase& kb, std::string_view instrument,
                                    std::string_view answers) {
    const auto& specs = kb.instruments;
    if (instrument == "odi") {
        const auto decoded = TRY(json::decode_odi_answers(answers));
        return TRY(core::score_odi(specs.odi, decoded));
    }
    if (instrument == "rmdq") {
        const auto decoded = TRY(json::decode_rmdq_answers(answers));
        return TRY(core::score_rmdq(specs.rmdq, decoded));
    }
    if (instrument == "startback") {
        const auto decoded = TRY(json::decode_startback_answers(answers));
        return TRY(core::score_startback(specs.startback, decoded));
    }
    return core::fail(core::ErrorCode::NotFound, "instrument",
                      fmt::format("no questionnaire '{}'; odi, rmdq or startback", instrument));
}

core::Result<core::ScoreRecord> save_score(const Workspace& ws, std::string_view instrument,
                                           const InstrumentScore& score, std::string_view answers) {
    // Each questionnaire keeps its own number and band (the ODI band, STarT Back's risk).
    struct Kept {
        std::string_view instrument;
        double value = 0;
        std::string band;
    };
    const auto kept = std::visit(
        [](const auto& scored) -> Kept {
            using Score = std::decay_t<decltype(scored)>;
            if constexpr (std::is_same_v<Score, core::OdiScore>)
                return {.instrument = "odi", .value = scored.percent, .band = scored.band};
            else if constexpr (std::is_same_v<Score, core::RmdqScore>)
                return {
                    .instrument = "rmdq", .value = static_cast<double>(scored.score), .band = {}};
            else
                return {.instrument = "startback",
                        .value = static_cast<double>(scored.total),
                        .band = scored.risk};
        },
        score);
    if (instrument != kept.instrument)
        return invalid("instrument",
                       fmt::format("the score is for '{}', not '{}'", kept.instrument, instrument));
    const auto now = ws.clock.now();
    core::ScoreRecord record{.id = 0,
                             .at = now,
                             .day = ws.clock.day_of(now),
                             .instrument = std::string(kept.instrument),
                             .value = kept.value,
                             .band = kept.band,
                             .answers = std::string(answers)};
    record.id = TRY(ws.repo.add_score(record));
    return record;
}

nlohmann::json score_document(const InstrumentScore& score) {
    return std::visit(
        [](const auto& scored) {
            using Score = std::decay_t<decltype(scored)>;
            if constexpr (std::is_same_v<Score, core::OdiScore>)
                return json::odi_document(scored);
            else if constexpr (std::is_same_v<Score, core::RmdqScore>)
                return json::rmdq_document(scored);
            else
                return json::startback_document(scored);
        },
        score);
}

core::Result<json::Everything> everything(const Workspace& ws) {
    const core::Day first{std::chrono::year{1900} / 1 / 1};
    const core::Day last{std::chrono::year{9999} / 12 / 31};
    return json::Everything{.intakes = TRY(ws.repo.intakes()),
                            .programs = TRY(ws.repo.program_versions()),
                            .sessions =
                                TRY(ws.repo.sessions(first, last, core::SessionDetail::Full)),
                            .pain = TRY(ws.repo.pain_entries(first, last)),
                            .scores = TRY(ws.repo.scores()),
                            .reviews = TRY(ws.repo.reviews()),
                            .stops = TRY(ws.repo.stops()),
                            .follow_ups_done = TRY(ws.repo.follow_ups_done()),
                            .feedback = TRY(ws.repo.feedback(first, last)),
                            .reminders = TRY(ws.repo.reminder_settings())};
}

core::Result<void> forget(const Workspace& ws) {
    return ws.repo.forget_everything();
}

core::Result<ReminderSchedule> reminder_schedule(const Workspace& ws) {
    const auto current = TRY(load_current(ws));
    if (!current.plan.program)
        return core::fail(core::ErrorCode::Conflict, "program",
                          "the program is stopped by a warning sign; no reminders until it "
                          "starts again");
    const auto& program = *current.plan.program;
    return ReminderSchedule{.settings = TRY(ws.repo.reminder_settings()),
                            .desk_break_minutes = program.desk_break_minutes,
                            .sessions_per_day = program.sessions_per_day,
                            .session_minutes = program.minutes,
                            .routine = std::string(core::to_string(program.phase)),
                            .desk_break_text = ws.kb.program.desk_break_text};
}

core::Result<std::string> reminder_calendar(const Workspace& ws) {
    const auto schedule = TRY(reminder_schedule(ws));
    return core::ics_calendar(
        {.settings = schedule.settings,
         .desk_break_minutes = schedule.desk_break_minutes,
         .sessions_per_day = schedule.sessions_per_day,
         .session_length_minutes = schedule.session_minutes,
         .session_summary = fmt::format("Unload: {} session", schedule.routine),
         .session_text = fmt::format("Time for your {} routine, about {} minutes. Open Unload "
                                     "and start today's session; it guides you step by step.",
                                     schedule.routine, schedule.session_minutes),
         .desk_break_summary = "Unload: desk breaks",
         .desk_break_text =
             fmt::format("Your working hours: Unload reminds you to take a short break "
                         "every {} minutes. {}",
                         schedule.desk_break_minutes, schedule.desk_break_text),
         .desk_break_alarm = "Unload: time for a desk break. " + schedule.desk_break_text,
         .first_day = today(ws),
         .stamp = ws.clock.now()});
}

} // namespace unload::service
