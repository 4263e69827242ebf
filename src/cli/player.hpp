#pragma once

// The full-screen terminal player for `unload session`: the step's words, a large countdown, a
// bar for the step and one for the session, what comes next, a bell (and speech through espeak-ng
// with --voice) at each step. Keys: space pause/resume, s skip, w swap to the easier version,
// x stop - this hurts (then the reason), q quit.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/terminal.hpp"
#include "core/clock.hpp"
#include "core/session.hpp"

namespace unload::cli {

struct PlayerOptions {
    bool voice = false; ///< Speak each step through espeak-ng when it is installed.
    double speed = 1.0; ///< Session time runs this many times faster (demos and tests).
};

/// Plays `run` on the terminal until it ends; returns what each stop did.
std::vector<core::StopOutcome> play_in_terminal(const core::KnowledgeBase& kb,
                                                core::SessionRun& run, const core::Clock& clock,
                                                const PlayerOptions& options);

/// How long the player may wait for a key before it must look at the clock again, in real
/// milliseconds: until the next step boundary or cue, and never more than a tenth of a second so
/// the countdown redraws smoothly. The drift benchmark schedules with this same function.
int wait_budget_ms(const core::SessionRun& run, std::int64_t at_ms, double speed);

/// Asks for a 0-10 score on the terminal, again until the answer is one; empty on end of input.
std::optional<int> ask_score(std::string_view question);
/// Asks a yes/no question; empty on end of input.
std::optional<bool> ask_yes_no(std::string_view question);

/// The large digits of the countdown, five lines high: "1:05" in block characters.
std::vector<std::string> big_digits(std::string_view text);

} // namespace unload::cli
