#pragma once

// Playing a session (clinical.md section 8): a deterministic state machine over a timeline. The
// caller owns the clock and passes session time in milliseconds to every call, so a 15-minute
// session plays in microseconds under test and a real player only has to read a steady clock.
// Controls: pause, resume, skip, swap to the regression, stop with a reason, quit.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/records.hpp"
#include "core/timeline.hpp"

namespace unload::core {

/// What the person sees and hears at a moment.
struct SessionView {
    const Step* step = nullptr; ///< Null once the session has ended.
    const Step* next = nullptr;
    std::size_t step_index = 0;
    std::int64_t step_elapsed_ms = 0;
    std::int64_t step_remaining_ms = 0;
    std::int64_t session_elapsed_ms = 0;   ///< Active time so far, without pauses.
    std::int64_t session_remaining_ms = 0; ///< Active time left as now planned.
    bool paused = false;
    bool ended = false;
};

/// What a stop did, for the player to show and the record to keep.
struct StopOutcome {
    const StopReason* reason = nullptr;
    std::optional<ItemId> item; ///< The exercise in play, if any (a rest between sets is its).
    /// What to do now: the reason's text, and its exercise text when an exercise was in play.
    std::string text;
    bool session_ended = false;
    /// Suspended until review by this stop alone: only items in today's routine.
    std::vector<ItemId> suspended;
    std::vector<AdviceId> advice;
    bool rescreen = false;
};

/// A cue that fell due, with the step it belongs to. The pointer, like those of SessionView,
/// points into the run's steps: it stays valid until the next swap() or stop(), which rebuild
/// the steps ahead.
struct DueCue {
    std::size_t step_index = 0;
    const Cue* cue = nullptr;
};

/// One guided session. Steps are recorded as they end: played ones with their actual times,
/// and, when a skip or an exercise-scope stop cuts an exercise short, its steps not yet begun
/// with zero length at that moment, so the record shows what was left undone. Steps a swap or a
/// gentler rebuild replaces are not recorded; the `swap` and `stop` events say what happened.
class SessionRun {
public:
    /// `allowed` is what screening allowed; swaps only ever go to an allowed, unsuspended item.
    /// `kb`, `program` and `allowed` must outlive the run.
    SessionRun(const KnowledgeBase& kb, const Program& program, const AllowedItems& allowed,
               const SessionAdjustments& adjustments = {});

    /// Moves time forward to `now_ms` (never backward), finishing the steps whose time is up, and
    /// returns the cues that fell due since the last call, in order. Each step ends exactly
    /// `duration_ms` of unpaused time after it began, however late the call comes. Cues that
    /// fell due before a skip, swap, stop or quit and were not collected are dropped: the step
    /// they belonged to is over.
    std::vector<DueCue> advance(std::int64_t now_ms);

    /// Freezes the current step; time until resume() counts toward no step. Pausing twice, or
    /// after the end, is an InvalidInput error.
    Result<void> pause(std::int64_t now_ms);
    /// Ends a pause; an InvalidInput error when the session is not paused.
    Result<void> resume(std::int64_t now_ms);
    /// Skips the rest of the current exercise (or the current step outside an exercise).
    Result<void> skip(std::int64_t now_ms);
    /// Replaces the rest of the current exercise with its regression, when that is allowed:
    /// screening allowed it, it is not suspended or stopped earlier today, and the person has its
    /// equipment as far as the program knows. Otherwise an InvalidInput error says why.
    Result<ItemId> swap(std::int64_t now_ms);
    /// "Stop — this hurts" with a reason id from the session rules; an unknown id is an
    /// InvalidInput error. Applies the reason's scope, rest position, skip and suspensions.
    Result<StopOutcome> stop(std::int64_t now_ms, std::string_view reason);
    /// Ends the session now, keeping what was done.
    void quit(std::int64_t now_ms);

    SessionView view(std::int64_t now_ms) const;
    bool ended() const;
    /// The session time of the next step boundary or cue, for a player to sleep until (or a
    /// virtual clock to jump to); empty while paused and after the end.
    std::optional<std::int64_t> next_due_ms() const;
    const std::vector<Step>& steps() const;

    /// Steps played so far with their actual times, the events, the outcome and active time.
    /// The caller adds timestamps, pain and the program version. Read before the end, the
    /// outcome is Quit: what the session would be if it stopped there.
    SessionRecord record() const;

private:
    /// A cue that fell due inside a control, kept by position until advance() hands it out.
    struct PendingCue {
        std::size_t step_index = 0;
        std::size_t cue_index = 0;
    };

    void catch_up(std::int64_t now_ms);
    std::int64_t step_elapsed_ms(std::int64_t now_ms) const;
    std::int64_t step_base_ms() const;
    void finish_step(std::int64_t at_ms, StepResult result);
    void record_unplayed(std::size_t from, std::size_t to, StepResult result);
    std::size_t exercise_end(std::size_t index) const;
    void replace_ahead(std::size_t from, std::size_t to, std::vector<Step> steps);
    void drop_items_ahead(const ItemSet& items);
    void end(SessionOutcome outcome);
    void settle();
    void add_event(EventKind kind, std::string item, std::string reason = {},
                   std::string detail = {});
    RoutineItem plan_for(ItemId item, int routine_index) const;
    Result<void> check_playing(std::string_view control) const;
    std::optional<ItemId> current_item() const;

    const KnowledgeBase* m_kb;
    const Program* m_program;
    const AllowedItems* m_allowed;
    SessionAdjustments m_adjustments;
    /// The timeline as it now stands: steps before `m_current` are behind, the rest ahead.
    std::vector<Step> m_steps;
    std::vector<StepRecord> m_played;
    std::vector<SessionEvent> m_events;
    std::vector<PendingCue> m_pending;
    std::size_t m_current = 0;
    std::int64_t m_planned_ms = 0;
    std::int64_t m_step_started_ms = 0; ///< Session time the current step began.
    std::int64_t m_paused_at_ms = -1;   ///< Session time the pause began, or -1.
    std::int64_t m_paused_total_ms = 0; ///< Pause time inside the current step.
    std::int64_t m_now_ms = 0;
    std::int64_t m_active_ms = 0; ///< Active time of the steps already left behind.
    std::size_t m_cue_cursor = 0; ///< The current step's first cue not yet due.
    ItemSet m_skipped_for_session;
    ItemSet m_suspended; ///< Suspended before the session or by a stop during it.
    std::optional<SessionOutcome> m_outcome;
};

/// Pain after above pain before by more than the margin (clinical.md section 8).
bool is_flare(const SessionRules& rules, int pain_before, int pain_after);

/// An exercise suspended until the next review, and the stop that caused it.
struct Suspension {
    ItemId item = 0;
    std::string reason; ///< The stop reason id.
};

/// The suspensions in force, from the sessions since the last review (oldest first, with their
/// steps and events): stops that suspend at once, and those that suspend once N sessions in a row
/// stopped on the exercise for that reason (a session that played it through breaks the run; one
/// that did not reach or finish it does not). A suspension holds until the review, whatever
/// sessions follow it.
std::vector<Suspension> active_suspensions(const KnowledgeBase& kb,
                                           const std::vector<SessionRecord>& sessions);

/// The adjustments for the next session: suspensions, and the low dose after a flare in the last
/// session.
SessionAdjustments next_session_adjustments(const KnowledgeBase& kb,
                                            const std::vector<SessionRecord>& sessions);

} // namespace unload::core
