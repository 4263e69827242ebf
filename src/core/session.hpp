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
    std::optional<ItemId> item;
    bool session_ended = false;
    std::vector<ItemId> suspended; ///< Suspended until review by this stop alone.
    std::vector<AdviceId> advice;
    bool rescreen = false;
};

/// A cue that fell due, with the step it belongs to.
struct DueCue {
    std::size_t step_index = 0;
    const Cue* cue = nullptr;
};

class SessionRun {
public:
    /// `allowed` is what screening allowed; swaps only ever go to an allowed, unsuspended item.
    SessionRun(const KnowledgeBase& kb, const Program& program, const AllowedItems& allowed,
               const SessionAdjustments& adjustments = {});

    /// Moves time forward to `now_ms` (never backward), finishing the steps whose time is up, and
    /// returns the cues that fell due since the last call, in order.
    std::vector<DueCue> advance(std::int64_t now_ms);

    Result<void> pause(std::int64_t now_ms);
    Result<void> resume(std::int64_t now_ms);
    /// Skips the rest of the current exercise (or the current step outside an exercise).
    Result<void> skip(std::int64_t now_ms);
    /// Replaces the rest of the current exercise with its regression, when that is allowed.
    Result<ItemId> swap(std::int64_t now_ms);
    /// "Stop — this hurts" with a reason id from the session rules.
    Result<StopOutcome> stop(std::int64_t now_ms, std::string_view reason);
    /// Ends the session now, keeping what was done.
    void quit(std::int64_t now_ms);

    SessionView view(std::int64_t now_ms) const;
    bool ended() const;
    /// The session time of the next step boundary or cue, for a player to sleep until.
    std::optional<std::int64_t> next_due_ms() const;
    const std::vector<Step>& steps() const;

    /// Steps played so far with their actual times, the events, the outcome and active time.
    /// The caller adds timestamps, pain and the program version.
    SessionRecord record() const;

private:
    struct State;
    const KnowledgeBase* m_kb;
    const Program* m_program;
    const AllowedItems* m_allowed;
    SessionAdjustments m_adjustments;
    std::vector<Step> m_steps;
    std::vector<StepRecord> m_played;
    std::vector<SessionEvent> m_events;
    std::size_t m_current = 0;
    std::int64_t m_step_started_ms = 0; ///< Session time the current step began.
    std::int64_t m_paused_at_ms = -1;   ///< Session time the pause began, or -1.
    std::int64_t m_paused_total_ms = 0; ///< Pause time inside the current step.
    std::int64_t m_now_ms = 0;
    std::int64_t m_active_ms = 0;
    std::size_t m_cue_cursor = 0;
    ItemSet m_skipped_for_session;
    std::optional<SessionOutcome> m_outcome;
};

/// Pain after above pain before by more than the margin (clinical.md section 8).
bool is_flare(const SessionRules& rules, int pain_before, int pain_after);

/// An exercise suspended until the next review, and the stop that caused it.
struct Suspension {
    ItemId item = 0;
    std::string reason; ///< The stop reason id.
};

/// The suspensions in force, from the sessions since the current program version began (oldest
/// first): stops that suspend at once, and those that suspend after N sessions in a row.
std::vector<Suspension> active_suspensions(const KnowledgeBase& kb,
                                           const std::vector<SessionRecord>& sessions);

/// The adjustments for the next session: suspensions, and the low dose after a flare in the last
/// session.
SessionAdjustments next_session_adjustments(const KnowledgeBase& kb,
                                            const std::vector<SessionRecord>& sessions);

} // namespace unload::core
