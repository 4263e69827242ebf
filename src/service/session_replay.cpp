#include "service/session_replay.hpp"

#include <fmt/format.h>

namespace unload::service {

namespace {

ControlError control_error(std::size_t index, std::string_view member, std::string message) {
    return {.index = index,
            .error = {.code = core::ErrorCode::InvalidInput,
                      .field = fmt::format("controls[{}]{}", index, member),
                      .message = std::move(message),
                      .file = {},
                      .line = 0}};
}

/// Everything that can be said about the controls before playing: a bad one fails at once rather
/// than after minutes of a session on a real clock.
std::expected<void, ControlError> check_controls(const core::KnowledgeBase& kb,
                                                 std::span<const Control> controls,
                                                 const PlayOptions& options) {
    std::int64_t previous = 0;
    for (std::size_t i = 0; i < controls.size(); ++i) {
        const auto& control = controls[i];
        if (control.at_ms < 0 || control.at_ms > max_session_ms)
            return std::unexpected(control_error(
                i, "", fmt::format("at_ms must be from 0 to {} (a day)", max_session_ms)));
        if (control.at_ms < previous)
            return std::unexpected(
                control_error(i, "",
                              fmt::format("out of time order: {} ms comes after {} ms",
                                          control.at_ms, previous)));
        if (options.until_ms && control.at_ms > *options.until_ms)
            return std::unexpected(
                control_error(i, "",
                              fmt::format("at {} ms, after the end of the session at {} ms",
                                          control.at_ms, *options.until_ms)));
        if (control.kind == ControlKind::Stop && !kb.session.find_stop_reason(control.reason))
            return std::unexpected(control_error(
                i, ".reason", fmt::format("unknown stop reason '{}'", control.reason)));
        previous = control.at_ms;
    }
    return {};
}

/// Applies one control at `at_ms`; what the session refuses is recorded in the result.
AppliedControl apply(core::SessionRun& run, const Control& control, std::size_t index,
                     std::int64_t at_ms, PauseControl pause,
                     std::vector<core::StopOutcome>& stops) {
    AppliedControl applied{.index = index,
                           .at_ms = at_ms,
                           .kind = control.kind,
                           .swapped_to = std::nullopt,
                           .refused = std::nullopt};
    core::Result<void> done;
    switch (control.kind) {
    case ControlKind::Pause:
    case ControlKind::Resume:
        if (pause == PauseControl::Toggles && control.kind == ControlKind::Pause &&
            run.view(at_ms).paused)
            applied.kind = ControlKind::Resume;
        done = applied.kind == ControlKind::Pause ? run.pause(at_ms) : run.resume(at_ms);
        break;
    case ControlKind::Skip:
        done = run.skip(at_ms);
        break;
    case ControlKind::Swap:
        if (auto swapped = run.swap(at_ms))
            applied.swapped_to = *swapped;
        else
            done = std::unexpected(std::move(swapped).error());
        break;
    case ControlKind::Stop:
        if (auto outcome = run.stop(at_ms, control.reason))
            stops.push_back(std::move(*outcome));
        else
            done = std::unexpected(std::move(outcome).error());
        break;
    case ControlKind::Quit:
        run.quit(at_ms);
        break;
    }
    if (!done)
        applied.refused = std::move(done).error();
    return applied;
}

} // namespace

std::expected<Played, ControlError>
play_controls(const core::KnowledgeBase& kb, core::SessionRun& run,
              std::span<const Control> controls, const PlayOptions& options,
              const SessionTime& time, const ReplayObserver& observer) {
    if (auto checked = check_controls(kb, controls, options); !checked)
        return std::unexpected(std::move(checked).error());

    Played played;
    std::optional<std::size_t> announced;
    const auto announce = [&](std::int64_t at) {
        const auto view = run.view(at);
        if (!view.step || announced == view.step_index)
            return;
        announced = view.step_index;
        if (observer.step_started)
            observer.step_started(at, *view.step);
    };
    const auto move_to = [&](std::int64_t target) {
        time.wait_until(target);
        const auto at = time.now_ms();
        run.advance(at);
        return at;
    };

    announce(time.now_ms());
    std::size_t next = 0;
    while (!run.ended()) {
        const auto due = run.next_due_ms();
        const bool control_first = next < controls.size() && (!due || controls[next].at_ms <= *due);
        if (!control_first) {
            if (options.until_ms && (!due || *due > *options.until_ms)) {
                // Nothing else happens before the end of the replay: time runs on to it.
                announce(move_to(*options.until_ms));
                break;
            }
            if (!due) {
                // Paused with nothing left to resume it: the session ends here, keeping what
                // was done.
                const auto at = time.now_ms();
                run.quit(at);
                if (observer.quit_while_paused)
                    observer.quit_while_paused(at);
                break;
            }
        }
        const auto at = move_to(control_first ? controls[next].at_ms : *due);
        if (control_first) {
            const auto applied = apply(run, controls[next], next, at, options.pause, played.stops);
            ++next;
            if (observer.control)
                observer.control(applied);
        }
        announce(at);
    }
    played.reached = next;
    return played;
}

} // namespace unload::service
