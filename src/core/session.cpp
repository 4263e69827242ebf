#include "core/session.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <utility>

#include "core/enum_names.hpp"

namespace unload::core {

namespace {

constexpr EnumNames<StopScope, 3> stop_scope_names{{{StopScope::Exercise, "exercise"},
                                                    {StopScope::Session, "session"},
                                                    {StopScope::Continue, "continue"}}};

/// Where a step stands inside its exercise, comparable across doses: a step of a gentler
/// rebuild with a key at or after the current step's key is still ahead of the person.
std::tuple<int, int, int, int> order_key(const Step& step) {
    switch (step.kind) {
    case StepKind::Hold:
    case StepKind::Rep:
        return {1, step.round, step.side == Side::Right ? 1 : 0, step.rep};
    case StepKind::SideSwitch:
        return {1, step.round, 1, 0};
    case StepKind::Rest:
        return {1, step.round, 2, 0};
    case StepKind::FinishHold:
        return {2, 0, 0, 0};
    case StepKind::GetReady:
    case StepKind::Position:
    case StepKind::RestPosition:
        break;
    }
    return {0, 0, 0, 0};
}

/// True when the session played the exercise through: some of its steps done, none cut short by
/// a skip, swap, stop or quit.
bool played_through(const SessionRecord& session, std::string_view item) {
    bool done = false;
    for (const auto& step : session.steps) {
        if (step.item != item)
            continue;
        if (step.result != StepResult::Done)
            return false;
        done = true;
    }
    return done;
}

bool stopped_on(const SessionRecord& session, std::string_view item, std::string_view reason) {
    return std::ranges::any_of(session.events, [&](const SessionEvent& event) {
        return event.kind == EventKind::Stop && event.item == item && event.reason == reason;
    });
}

bool stopped_for(const SessionRecord& session, std::string_view reason) {
    return std::ranges::any_of(session.events, [&](const SessionEvent& event) {
        return event.kind == EventKind::Stop && event.reason == reason;
    });
}

} // namespace

std::string_view to_string(StopScope scope) {
    return name_of(stop_scope_names, scope);
}
std::optional<StopScope> parse_stop_scope(std::string_view text) {
    return enum_from_name(stop_scope_names, text);
}

SessionRun::SessionRun(const KnowledgeBase& kb, const Program& program, const AllowedItems& allowed,
                       const SessionAdjustments& adjustments)
    : m_kb(&kb), m_program(&program), m_allowed(&allowed), m_adjustments(adjustments),
      m_suspended(adjustments.suspended) {
    auto timeline = build_timeline(kb, program, adjustments);
    m_steps = std::move(timeline.steps);
    m_planned_ms = timeline.total_ms;
    settle();
}

// --- Time ---------------------------------------------------------------------------------

std::int64_t SessionRun::step_base_ms() const {
    return m_step_started_ms + m_paused_total_ms;
}

std::int64_t SessionRun::step_elapsed_ms(std::int64_t now_ms) const {
    const std::int64_t until = m_paused_at_ms >= 0 ? std::min(now_ms, m_paused_at_ms) : now_ms;
    return until - step_base_ms();
}

void SessionRun::catch_up(std::int64_t now_ms) {
    m_now_ms = std::max(m_now_ms, now_ms);
    while (!m_outcome && m_paused_at_ms < 0) {
        const Step& step = m_steps[m_current];
        const auto elapsed = step_elapsed_ms(m_now_ms);
        while (m_cue_cursor < step.cues.size() && step.cues[m_cue_cursor].at_ms <= elapsed)
            m_pending.push_back({.step_index = m_current, .cue_index = m_cue_cursor++});
        if (elapsed < step.duration_ms)
            break;
        // The next step starts at the exact boundary, not when the caller happened to look, so
        // a late or coarse clock never makes the session drift.
        finish_step(step_base_ms() + step.duration_ms, StepResult::Done);
        settle();
    }
}

std::vector<DueCue> SessionRun::advance(std::int64_t now_ms) {
    catch_up(now_ms);
    std::vector<DueCue> due;
    due.reserve(m_pending.size());
    for (const auto& pending : m_pending) {
        due.push_back({.step_index = pending.step_index,
                       .cue = &m_steps[pending.step_index].cues[pending.cue_index]});
    }
    m_pending.clear();
    return due;
}

std::optional<std::int64_t> SessionRun::next_due_ms() const {
    if (m_outcome || m_paused_at_ms >= 0)
        return std::nullopt;
    const Step& step = m_steps[m_current];
    const auto base = step_base_ms();
    if (m_cue_cursor < step.cues.size())
        return base + std::min(step.cues[m_cue_cursor].at_ms, step.duration_ms);
    return base + step.duration_ms;
}

// --- Bookkeeping --------------------------------------------------------------------------

std::optional<ItemId> SessionRun::current_item() const {
    if (m_outcome || m_current >= m_steps.size())
        return std::nullopt;
    const Step& step = m_steps[m_current];
    return step.routine_index >= 0 ? step.item : std::nullopt;
}

void SessionRun::finish_step(std::int64_t at_ms, StepResult result) {
    const Step& step = m_steps[m_current];
    m_played.push_back(
        {.index = static_cast<int>(m_current),
         .kind = std::string(to_string(step.kind)),
         .item = step.item ? m_kb->item(*step.item).id : std::string(),
         .side = step.side == Side::None ? std::string() : std::string(to_string(step.side)),
         .planned_ms = step.duration_ms,
         .started_ms = m_step_started_ms,
         .ended_ms = at_ms,
         .result = result});
    m_active_ms += std::clamp<std::int64_t>(step_elapsed_ms(at_ms), 0, step.duration_ms);
    ++m_current;
    m_step_started_ms = at_ms;
    m_paused_total_ms = 0;
    m_cue_cursor = 0;
    // A control used while paused moves to the next step, which starts paused too.
    if (m_paused_at_ms >= 0)
        m_paused_at_ms = at_ms;
}

void SessionRun::record_unplayed(std::size_t from, std::size_t to, StepResult result) {
    for (auto index = from; index < to; ++index) {
        const Step& step = m_steps[index];
        m_played.push_back(
            {.index = static_cast<int>(index),
             .kind = std::string(to_string(step.kind)),
             .item = step.item ? m_kb->item(*step.item).id : std::string(),
             .side = step.side == Side::None ? std::string() : std::string(to_string(step.side)),
             .planned_ms = step.duration_ms,
             .started_ms = m_now_ms,
             .ended_ms = m_now_ms,
             .result = result});
    }
}

std::size_t SessionRun::exercise_end(std::size_t index) const {
    const Step& first = m_steps[index];
    if (first.routine_index < 0)
        return index + 1;
    auto end = index + 1;
    while (end < m_steps.size() && m_steps[end].routine_index == first.routine_index &&
           m_steps[end].item == first.item)
        ++end;
    return end;
}

void SessionRun::replace_ahead(std::size_t from, std::size_t to, std::vector<Step> steps) {
    const auto at = m_steps.begin() + static_cast<std::ptrdiff_t>(from);
    m_steps.erase(at, m_steps.begin() + static_cast<std::ptrdiff_t>(to));
    m_steps.insert(m_steps.begin() + static_cast<std::ptrdiff_t>(from),
                   std::make_move_iterator(steps.begin()), std::make_move_iterator(steps.end()));
}

void SessionRun::drop_items_ahead(const ItemSet& items) {
    const auto ahead = m_steps.begin() + static_cast<std::ptrdiff_t>(m_current);
    const auto removed = std::remove_if(ahead, m_steps.end(), [&](const Step& step) {
        return step.routine_index >= 0 && step.item && items.test(*step.item);
    });
    m_steps.erase(removed, m_steps.end());
}

void SessionRun::end(SessionOutcome outcome) {
    m_outcome = outcome;
    m_paused_at_ms = -1;
}

void SessionRun::settle() {
    if (!m_outcome && m_current >= m_steps.size())
        end(SessionOutcome::Completed);
}

void SessionRun::add_event(EventKind kind, std::string item, std::string reason,
                           std::string detail) {
    m_events.push_back({.at_ms = m_now_ms,
                        .kind = kind,
                        .item = std::move(item),
                        .reason = std::move(reason),
                        .detail = std::move(detail)});
}

Result<void> SessionRun::check_playing(std::string_view control) const {
    if (m_outcome)
        return fail(ErrorCode::InvalidInput, std::string(control), "the session has already ended");
    return {};
}

RoutineItem SessionRun::plan_for(ItemId item, int routine_index) const {
    const auto& routine = m_program->routine;
    if (routine_index >= 0 && static_cast<std::size_t>(routine_index) < routine.size() &&
        routine[static_cast<std::size_t>(routine_index)].item == item)
        return routine[static_cast<std::size_t>(routine_index)];
    // An item elsewhere in today's routine keeps the dose and the changes planned for it.
    if (const auto found = std::ranges::find(routine, item, &RoutineItem::item);
        found != routine.end())
        return *found;
    // Otherwise it starts mid-range, as the planner starts every dose.
    const Dose& dose = *m_kb->item(item).dose;
    RoutineItem planned{.item = item,
                        .hold_s = dose.hold_s.middle(),
                        .reps = dose.reps.middle(),
                        .rounds = dose.rounds.middle(),
                        .per_side = dose.per_side,
                        .rest_s = dose.rest_s,
                        .finish_hold_s = dose.finish_hold_s.middle(),
                        .rep_s = dose.rep_s};
    planned.seconds = seconds_for(*m_kb, planned);
    return planned;
}

// --- Controls -----------------------------------------------------------------------------

Result<void> SessionRun::pause(std::int64_t now_ms) {
    TRY(check_playing("pause"));
    if (m_paused_at_ms >= 0)
        return fail(ErrorCode::InvalidInput, "pause", "the session is already paused");
    catch_up(now_ms);
    TRY(check_playing("pause"));
    // Cues of the step that goes on after the pause are still worth hearing; those of steps that
    // ended before it are not.
    std::erase_if(m_pending, [&](const PendingCue& cue) { return cue.step_index < m_current; });
    m_paused_at_ms = m_now_ms;
    const auto item = current_item();
    add_event(EventKind::Pause, item ? m_kb->item(*item).id : std::string());
    return {};
}

Result<void> SessionRun::resume(std::int64_t now_ms) {
    TRY(check_playing("resume"));
    if (m_paused_at_ms < 0)
        return fail(ErrorCode::InvalidInput, "resume", "the session is not paused");
    m_now_ms = std::max(m_now_ms, now_ms);
    m_paused_total_ms += m_now_ms - m_paused_at_ms;
    m_paused_at_ms = -1;
    const auto item = current_item();
    add_event(EventKind::Resume, item ? m_kb->item(*item).id : std::string());
    return {};
}

Result<void> SessionRun::skip(std::int64_t now_ms) {
    TRY(check_playing("skip"));
    catch_up(now_ms);
    TRY(check_playing("skip"));
    m_pending.clear();
    const auto item = current_item();
    add_event(EventKind::Skip, item ? m_kb->item(*item).id : std::string());
    const auto end_index = exercise_end(m_current);
    finish_step(m_now_ms, StepResult::Skipped);
    record_unplayed(m_current, end_index, StepResult::Skipped);
    m_current = end_index;
    settle();
    return {};
}

Result<ItemId> SessionRun::swap(std::int64_t now_ms) {
    TRY(check_playing("swap"));
    catch_up(now_ms);
    TRY(check_playing("swap"));
    const auto current = current_item();
    if (!current)
        return fail(ErrorCode::InvalidInput, "swap",
                    "this step is not part of an exercise, so there is nothing to swap");
    const Item& item = m_kb->item(*current);
    if (!item.regression)
        return fail(ErrorCode::InvalidInput, "swap",
                    item.name + " has no easier version to swap to; skip it instead");
    const ItemId regression = *item.regression;
    const Item& easier = m_kb->item(regression);
    // Safety is structural here too: the easier version must have passed screening like every
    // routine item, and a suspension or a stop earlier today keeps it out just the same.
    if (!m_allowed->contains(regression))
        return fail(ErrorCode::InvalidInput, "swap",
                    "cannot swap to " + easier.name +
                        ": your screening ruled it out, so it is not safe for you");
    if (m_suspended.test(regression))
        return fail(ErrorCode::InvalidInput, "swap",
                    "cannot swap to " + easier.name + ": it is set aside until your next review");
    if (m_skipped_for_session.test(regression))
        return fail(ErrorCode::InvalidInput, "swap",
                    "cannot swap to " + easier.name + ": it was stopped earlier in this session");
    const auto& left_out = m_program->left_out;
    const auto missing = std::ranges::find_if(left_out, [&](const LeftOut& out) {
        return out.item == regression &&
               std::ranges::any_of(out.because,
                                   [](const std::string& why) { return why.starts_with("no_"); });
    });
    if (missing != left_out.end())
        return fail(ErrorCode::InvalidInput, "swap",
                    "cannot swap to " + easier.name + ": it needs equipment you do not have");

    m_pending.clear();
    const int routine_index = m_steps[m_current].routine_index;
    const auto end_index = exercise_end(m_current);
    add_event(EventKind::Swap, item.id, {}, easier.id);
    finish_step(m_now_ms, StepResult::Swapped);
    replace_ahead(m_current, end_index,
                  steps_for(*m_kb, plan_for(regression, routine_index), routine_index,
                            m_adjustments.low_dose));
    settle();
    return regression;
}

Result<StopOutcome> SessionRun::stop(std::int64_t now_ms, std::string_view reason_id) {
    TRY(check_playing("stop"));
    const StopReason* reason = m_kb->session.find_stop_reason(reason_id);
    if (reason == nullptr)
        return fail(ErrorCode::InvalidInput, "reason",
                    "unknown stop reason '" + std::string(reason_id) + "'");
    catch_up(now_ms);
    TRY(check_playing("stop"));
    m_pending.clear();

    const auto item = current_item();
    const std::string item_id = item ? m_kb->item(*item).id : std::string();
    std::string text = reason->text;
    if (item && !reason->exercise_text.empty())
        text += " " + fill_words(reason->exercise_text, {{"{name}", m_kb->item(*item).name}});
    StopOutcome outcome{.reason = reason,
                        .item = item,
                        .text = std::move(text),
                        .session_ended = reason->scope == StopScope::Session,
                        .suspended = {},
                        .advice = reason->advice,
                        .rescreen = reason->rescreen};
    add_event(EventKind::Stop, item_id, reason->id);

    // What one stop suspends by itself; a reason that needs several sessions in a row is
    // counted over the record by active_suspensions().
    std::vector<ItemId> suspend;
    if (reason->suspend_exercise && reason->suspend_after_sessions <= 1 && item)
        suspend.push_back(*item);
    // Items a reason sets aside whatever was playing (the hangs after dizziness) are set aside
    // only when today's routine has them: the person is told of nothing they do not do.
    for (const auto other : reason->suspend_items) {
        const bool in_routine = std::ranges::any_of(
            m_program->routine, [&](const RoutineItem& entry) { return entry.item == other; });
        if (in_routine && std::ranges::find(suspend, other) == suspend.end())
            suspend.push_back(other);
    }
    for (const auto suspended : suspend) {
        m_suspended.set(suspended);
        add_event(EventKind::Suspend, m_kb->item(suspended).id, reason->id, "until_review");
    }
    outcome.suspended = std::move(suspend);

    switch (reason->scope) {
    case StopScope::Session:
        finish_step(m_now_ms, StepResult::Stopped);
        end(SessionOutcome::Stopped);
        return outcome;
    case StopScope::Exercise: {
        const auto end_index = exercise_end(m_current);
        finish_step(m_now_ms, StepResult::Stopped);
        record_unplayed(m_current, end_index, StepResult::Stopped);
        m_current = end_index;
        if (item && reason->skip_rest_of_session)
            m_skipped_for_session.set(*item);
        drop_items_ahead(m_skipped_for_session | m_suspended);
        if (reason->rest_position) {
            m_steps.insert(m_steps.begin() + static_cast<std::ptrdiff_t>(m_current),
                           rest_position_step(*m_kb));
        }
        break;
    }
    case StopScope::Continue: {
        // Without an exercise in play (the get-ready countdown, a rest position) there is
        // nothing to make gentler; the stop event still records what the person felt.
        if (!item) {
            drop_items_ahead(m_suspended);
            break;
        }
        const Step now_playing = m_steps[m_current];
        const auto end_index = exercise_end(m_current);
        auto gentler =
            steps_for(*m_kb, plan_for(*item, now_playing.routine_index), now_playing.routine_index,
                      reason->low_dose || m_adjustments.low_dose);
        // The person picks up where they were: the repetition in play starts again at the
        // smaller range, and what the low end of the dose no longer has is left out.
        const auto from = order_key(now_playing);
        std::erase_if(gentler, [&](const Step& step) { return order_key(step) < from; });
        // A movement is made smaller; a still hold has no movement to shrink, so it is eased.
        if (reason->smaller_range) {
            const auto& words = m_kb->session.words;
            for (auto& step : gentler) {
                if (step.kind == StepKind::Rep)
                    step.text = words.smaller_range + " " + step.text;
                else if (step.kind == StepKind::Hold || step.kind == StepKind::Position ||
                         step.kind == StepKind::FinishHold)
                    step.text = words.easier_hold + " " + step.text;
            }
        }
        finish_step(m_now_ms, StepResult::Stopped);
        replace_ahead(m_current, end_index, std::move(gentler));
        drop_items_ahead(m_skipped_for_session | m_suspended);
        break;
    }
    }
    settle();
    return outcome;
}

void SessionRun::quit(std::int64_t now_ms) {
    if (m_outcome)
        return;
    catch_up(now_ms);
    if (m_outcome)
        return;
    m_pending.clear();
    const auto item = current_item();
    add_event(EventKind::Quit, item ? m_kb->item(*item).id : std::string());
    finish_step(m_now_ms, StepResult::Unfinished);
    end(SessionOutcome::Quit);
}

// --- Reading ------------------------------------------------------------------------------

SessionView SessionRun::view(std::int64_t now_ms) const {
    SessionView view;
    view.paused = m_paused_at_ms >= 0;
    view.ended = m_outcome.has_value();
    if (view.ended) {
        view.step_index = m_current;
        view.session_elapsed_ms = m_active_ms;
        return view;
    }
    const Step& step = m_steps[m_current];
    const auto elapsed =
        std::clamp<std::int64_t>(step_elapsed_ms(std::max(now_ms, m_now_ms)), 0, step.duration_ms);
    view.step = &step;
    view.next = m_current + 1 < m_steps.size() ? &m_steps[m_current + 1] : nullptr;
    view.step_index = m_current;
    view.step_elapsed_ms = elapsed;
    view.step_remaining_ms = step.duration_ms - elapsed;
    view.session_elapsed_ms = m_active_ms + elapsed;
    view.session_remaining_ms = view.step_remaining_ms;
    for (auto index = m_current + 1; index < m_steps.size(); ++index)
        view.session_remaining_ms += m_steps[index].duration_ms;
    return view;
}

bool SessionRun::ended() const {
    return m_outcome.has_value();
}

const std::vector<Step>& SessionRun::steps() const {
    return m_steps;
}

SessionRecord SessionRun::record() const {
    SessionRecord record;
    record.planned_ms = m_planned_ms;
    record.active_ms = m_active_ms;
    if (!m_outcome) {
        record.active_ms +=
            std::clamp<std::int64_t>(step_elapsed_ms(m_now_ms), 0, m_steps[m_current].duration_ms);
    }
    // A session read before it ended would be abandoned if it stopped here.
    record.outcome = m_outcome.value_or(SessionOutcome::Quit);
    record.steps = m_played;
    record.events = m_events;
    return record;
}

// --- Across sessions ----------------------------------------------------------------------

bool is_flare(const SessionRules& rules, int pain_before, int pain_after) {
    return pain_after > pain_before + rules.flare_margin;
}

std::vector<Suspension> active_suspensions(const KnowledgeBase& kb,
                                           const std::vector<SessionRecord>& sessions) {
    std::vector<Suspension> out;
    ItemSet seen;
    const auto add = [&](ItemId item, const std::string& reason) {
        if (!seen.test(item)) {
            seen.set(item);
            out.push_back({.item = item, .reason = reason});
        }
    };
    for (const auto& reason : kb.session.stop_reasons) {
        // Items suspended whatever was playing: one such stop is enough.
        if (!reason.suspend_items.empty() &&
            std::ranges::any_of(sessions, [&](const SessionRecord& session) {
                return stopped_for(session, reason.id);
            })) {
            for (const auto item : reason.suspend_items)
                add(item, reason.id);
        }
        if (!reason.suspend_exercise)
            continue;
        // "In a row", oldest first: a session that stopped on the exercise for this reason
        // extends the run, one that played it through breaks it, and one that did not get
        // through it otherwise (left out, skipped, swapped, quit) does neither; an exercise
        // cut short is no sign that it went well. Once a run is long enough the exercise stays
        // suspended until the review, even if a later session played it anyway.
        for (std::size_t index = 0; index < kb.items.size(); ++index) {
            const auto& id = kb.items[index].id;
            int in_a_row = 0;
            for (const auto& session : sessions) {
                if (stopped_on(session, id, reason.id))
                    ++in_a_row;
                else if (played_through(session, id))
                    in_a_row = 0;
                if (in_a_row >= reason.suspend_after_sessions) {
                    add(static_cast<ItemId>(index), reason.id);
                    break;
                }
            }
        }
    }
    return out;
}

SessionAdjustments next_session_adjustments(const KnowledgeBase& kb,
                                            const std::vector<SessionRecord>& sessions) {
    SessionAdjustments adjustments;
    for (const auto& suspension : active_suspensions(kb, sessions))
        adjustments.suspended.set(suspension.item);
    if (!sessions.empty()) {
        const auto& last = sessions.back();
        adjustments.low_dose =
            last.flare || (last.pain_before && last.pain_after &&
                           is_flare(kb.session, *last.pain_before, *last.pain_after));
    }
    return adjustments;
}

} // namespace unload::core
