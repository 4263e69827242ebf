#pragma once

// Scripted sessions: key presses at given session times, read from a file, so a whole session
// can be played and checked without a person or a terminal (`unload session --events FILE`).
//
// One line each; `#` starts a comment:
//   before 4              pain before the session (0-10)
//   0:45 space            pause, or resume when paused
//   2:00 s                skip the rest of this exercise
//   3:10 w                swap to the easier version (the regression)
//   4:00 x sharp_pain     stop - this hurts, with a reason id
//   12:00 q               quit and keep what was done
//   after 3               pain after the session
//   rescreen none         warning signs re-asked after a new numbness or weakness stop: none, or
//   ids
// Times are session times: `m:ss`, `m:ss.mmm` or seconds (`45`, `2.5`).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/session.hpp"

namespace unload::cli {

struct ScriptedKey {
    std::int64_t at_ms = 0;
    char key = ' ';     ///< ' ', 's', 'w', 'x' or 'q'.
    std::string reason; ///< For 'x'.
    int line = 0;
};

struct SessionScript {
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    std::optional<std::vector<std::string>> rescreen; ///< Warning-sign ids answered yes.
    std::vector<ScriptedKey> keys;                    ///< In time order.
};

/// Reads a script; errors name the file and line.
core::Result<SessionScript> parse_session_script(std::string_view text, const std::string& file);

/// One thing that happened while playing, for the log a scripted run prints.
struct PlayedLine {
    std::int64_t at_ms = 0;
    std::string text;
};

/// Plays `run` to its end with the engine's play loop (core/session_play.hpp): jumps a
/// virtual clock (or sleeps on a real one) to each step boundary and scripted key, applies the
/// keys (space toggles pause and resume), and reports each step start and control in `log`. A
/// key the session refuses (a swap with no allowed regression) is logged, not fatal; an unknown
/// stop reason fails before anything plays, naming the script's line.
core::Result<std::vector<core::StopOutcome>>
play_script(const core::KnowledgeBase& kb, core::SessionRun& run, const SessionScript& script,
            const std::function<std::int64_t()>& now_ms,
            const std::function<void(std::int64_t)>& wait_until, std::vector<PlayedLine>& log);

/// `m:ss.mmm`.
std::string format_session_time(std::int64_t ms);

} // namespace unload::cli
