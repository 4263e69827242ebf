#pragma once

// The session's controls and the one loop that moves a session through time and applies them in
// order. The service replays what the browser reports with it, and the terminal plays a script of
// key presses with it, so a control means the same thing wherever it was pressed. The caller owns
// the clock: a virtual one jumps to each moment, a real one sleeps until it.

#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/knowledge.hpp"
#include "core/records.hpp"
#include "core/session.hpp"

namespace unload::core {

/// The longest session time a control or a replay may name: a day. Nobody pauses longer and
/// comes back, and the bound keeps session arithmetic far from overflow.
inline constexpr std::int64_t max_session_ms = 24LL * 60 * 60 * 1000;

/// A control pressed during a session, at a session time (active and paused time since start).
enum class ControlKind { Pause, Resume, Skip, Swap, Stop, Quit };
struct Control {
    std::int64_t at_ms = 0;
    ControlKind kind = ControlKind::Pause;
    std::string reason; ///< Stop reason id, for Stop.
};
std::string_view to_string(ControlKind kind);
std::optional<ControlKind> parse_control_kind(std::string_view text);

/// A session played on another device (the browser), as it reports it.
struct PlayedSession {
    Timestamp started_at{}; ///< Wall-clock start.
    int pain_before = 0;
    std::optional<int> pain_after;
    std::vector<Control> controls; ///< In time order.
    std::int64_t ended_ms = 0;     ///< Session time at which the player stopped.
};

/// The one check of a session time that a front end names by itself (`until_ms`, `ended_ms`):
/// from 0 to max_session_ms, else an InvalidInput error naming `field`.
Result<void> check_session_time(std::int64_t ms, std::string field);

/// What a Pause control means: always a pause (the browser says which it wants), or a toggle that
/// resumes a paused session (a player's space bar).
enum class PauseControl { Explicit, Toggles };

struct PlayOptions {
    /// Stop at this session time, paused or not, with the run still going unless it ended.
    /// Without it the loop plays to the end and, when the controls run out while the session is
    /// paused, quits there.
    std::optional<std::int64_t> until_ms;
    PauseControl pause = PauseControl::Explicit;
};

/// How the loop reads and spends session time.
struct SessionTime {
    std::function<std::int64_t()> now_ms;
    /// Returns once session time has reached `at_ms` (a virtual clock jumps there).
    std::function<void(std::int64_t at_ms)> wait_until;
};

/// What one control did when the loop applied it.
struct AppliedControl {
    std::size_t index = 0;                 ///< Its position in the controls.
    std::int64_t at_ms = 0;                ///< The session time it was applied at.
    ControlKind kind = ControlKind::Pause; ///< What it did: a toggling pause may have resumed.
    std::optional<ItemId> swapped_to;
    std::optional<Error> refused; ///< Why the session refused it, when it did.
};

/// Told what happens as it happens, for a player's log; every member may be left empty.
struct ReplayObserver {
    /// A step begins: the first one at the start, then each time the current step changes.
    std::function<void(std::int64_t at_ms, const Step& step)> step_started;
    std::function<void(const AppliedControl& applied)> control;
    /// The controls ran out while the session was paused, so the loop quit it there.
    std::function<void(std::int64_t at_ms)> quit_while_paused;
};

/// What the loop played.
struct Played {
    std::vector<StopOutcome> stops;
    /// How many controls it reached; those after them fell after the session's end.
    std::size_t reached = 0;
};

/// A control the loop refused to start with, and its position in the controls.
struct ControlError {
    std::size_t index = 0;
    Error error; ///< InvalidInput, naming `controls[i].at_ms` or `controls[i].reason`.
};

/// Plays `run` from its current time, applying `controls` in order: waits until the next step
/// boundary or control, whichever comes first, moves the run there and applies the control. The
/// controls are checked before anything plays: times from 0 to max_session_ms, in order, none
/// after `until_ms`, and stop reasons the session rules know; each failure is a ControlError.
/// A control the session refuses while playing (a swap with no allowed regression, a resume when
/// not paused) is reported to the observer and not fatal.
std::expected<Played, ControlError> play_controls(const KnowledgeBase& kb, SessionRun& run,
                                                  std::span<const Control> controls,
                                                  const PlayOptions& options,
                                                  const SessionTime& time,
                                                  const ReplayObserver& observer = {});

} // namespace unload::core
