#include "core/session_play.hpp"

#include <string>

#include "core/enum_names.hpp"

namespace unload::core {

namespace {

constexpr EnumNames<ControlKind, 6> control_kind_names{{{ControlKind::Pause, "pause"},
                                                        {ControlKind::Resume, "resume"},
                                                        {ControlKind::Skip, "skip"},
                                                        {ControlKind::Swap, "swap"},
                                                        {ControlKind::Stop, "stop"},
                                                        {ControlKind::Quit, "quit"}}};

ControlError control_error(std::size_t index, std::string_view member, std::string message) {
    return {.index = index,
            .error = {.code = ErrorCode::InvalidInput,
                      .field = "controls[" + std::to_string(index) + "]" + std::string(member),
                      .message = std::move(message),
                      .file = {},
                      .line = 0}};
}

/// Everything that can be said about the controls before playing: a bad one fails at once rather
/// than after minutes of a session on a real clock. This is the one place the controls' times are
/// checked; the decoders only read them.
std::expected<void, ControlError> check_controls(const KnowledgeBase& kb,
                                                 std::span<const Control> controls,
                                                 const PlayOptions& options) {
    std::int64_t previous = 0;
    for (std::size_t i = 0; i < controls.size(); ++i) {
        const auto& control = controls[i];
        const auto at = std::to_string(control.at_ms);
        if (control.at_ms < 0 || control.at_ms > max_session_ms)
            return std::unexpected(control_error(
                i, ".at_ms",
                "must be from 0 to " + std::to_string(max_session_ms) + " ms (a day), got " + at));
        if (control.at_ms < previous)
            return std::unexpected(control_error(i, ".at_ms",
                                                 "out of time order: " + at + " ms comes after " +
                                                     std::to_string(previous) + " ms"));
        if (options.until_ms && control.at_ms > *options.until_ms)
            return std::unexpected(control_error(i, ".at_ms",
                                                 "at " + at +
                                                     " ms, after the end of the session at " +
                                                     std::to_string(*options.until_ms) + " ms"));
        if (control.kind == ControlKind::Stop && !kb.session.find_stop_reason(control.reason))
            return std::unexpected(control_error(
                i, ".reason",
                control.reason.empty()
                    ? std::string("a stop needs its reason id (sharp_pain, spreading_leg, ...)")
                    : "unknown stop reason '" + control.reason + "'"));
        previous = control.at_ms;
    }
    return {};
}

/// Applies one control at `at_ms`; what the session refuses is recorded in the result.
AppliedControl apply(SessionRun& run, const Control& control, std::size_t index, std::int64_t at_ms,
                     PauseControl pause, std::vector<StopOutcome>& stops) {
    AppliedControl applied{.index = index,
                           .at_ms = at_ms,
                           .kind = control.kind,
                           .swapped_to = std::nullopt,
                           .refused = std::nullopt};
    Result<void> done;
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

std::string_view to_string(ControlKind kind) {
    return name_of(control_kind_names, kind);
}
std::optional<ControlKind> parse_control_kind(std::string_view text) {
    return enum_from_name(control_kind_names, text);
}

Result<void> check_session_time(std::int64_t ms, std::string field) {
    if (ms < 0 || ms > max_session_ms)
        return fail(ErrorCode::InvalidInput, std::move(field),
                    "must be from 0 to " + std::to_string(max_session_ms) + " ms (a day), got " +
                        std::to_string(ms));
    return {};
}

std::expected<Played, ControlError>
play_controls(const KnowledgeBase& kb, SessionRun& run, std::span<const Control> controls,
              const PlayOptions& options, const SessionTime& time, const ReplayObserver& observer) {
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

} // namespace unload::core
