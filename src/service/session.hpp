#pragma once

// Today's session: as the record shapes it, replayed control by control for a player, and
// recorded once played.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/records.hpp"
#include "core/session.hpp"
#include "core/session_play.hpp"
#include "core/timeline.hpp"
#include "service/program.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// Today's session as the record shapes it: the timeline with suspensions and a flare's low
/// dose applied, and whether a stop asked for the warning signs again and they are unanswered.
struct SessionPlan {
    Current current;
    core::SessionAdjustments adjustments;
    core::Timeline timeline;
    bool rescreen_pending = false;
    int done_today = 0;    ///< Sessions today that count as done (core::counts_as_done).
    int planned_today = 0; ///< Sessions the program plans for a day.
};
/// Fails with Conflict (field `program`) when the latest screening withholds the program.
core::Result<SessionPlan> prepare_session(const Workspace& ws);

/// A control the session did not accept: its index in the controls, and why.
struct RefusedControl {
    std::size_t control = 0;
    std::string message;
};

/// What replaying the controls did: the record so far, and each stop's outcome.
struct Replay {
    core::SessionRecord record;
    std::vector<core::StopOutcome> stops;
    std::vector<RefusedControl> refused;
    /// The state at the last time replayed. Its step pointers point into `steps`, so they stay
    /// valid while this Replay (or one moved from it) lives; a copy must not use them.
    core::SessionView view;
    std::vector<core::Step> steps; ///< The timeline as it now stands.
};
/// Replays controls over today's session up to `until_ms`, without storing anything: the
/// browser asks this after each control so that the stop rules are the engine's. Controls out
/// of time order or with an unknown stop reason are InvalidInput errors naming `controls[i]`.
/// So are controls after `until_ms`, and times outside 0 to a day (`until_ms` names itself).
/// Controls after the session ended (a session-scope stop, a quit) are listed in `refused`.
/// Fails as prepare_session() does when there is no session today.
core::Result<Replay> replay(const Workspace& ws, const std::vector<core::Control>& controls,
                            std::int64_t until_ms);

/// Replays a finished session and stores it; a session still running at `ended_ms` (or paused
/// there) is kept as quit there. The controls are checked as by replay(), with `ended_ms` as the
/// end; pain is checked as by save_session(). A pending re-screen does not refuse the record: the
/// session was played, and the next prepare_session() still asks for the re-screen. Nor does a
/// safety stop opened after the session started (sent late from a phone that was offline): it is
/// replayed against the answers in force when it started. One started after the stop is refused.
core::Result<Replay> record_session(const Workspace& ws, const core::PlayedSession& played);

/// What a player knows about a session besides its run: when it began and the pain around it.
struct SessionMarks {
    core::Timestamp started_at{};
    int pain_before = 0;
    std::optional<int> pain_after;
};
/// Stores a played session's record (core::SessionRun::record()) under today's program version,
/// with its start, day, pain before and after, and the flare mark; returns it with its id. Pain
/// outside 0-10 is an InvalidInput error naming `pain_before` or `pain_after`; a start before
/// 1970, more than 5 minutes ahead of the clock, or before the program began is one naming
/// `started_at`. Used by
/// record_session and by a player that plays the session itself (the terminal).
core::Result<core::SessionRecord> save_session(const Workspace& ws, const SessionPlan& plan,
                                               core::SessionRecord played,
                                               const SessionMarks& marks);

} // namespace unload::service
