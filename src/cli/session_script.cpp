#include "cli/session_script.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <sstream>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/session_play.hpp"

namespace unload::cli {

namespace {

std::vector<std::string> words_of(const std::string& line) {
    std::istringstream in(line.substr(0, line.find('#')));
    std::vector<std::string> words;
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

std::optional<double> number(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

/// `m:ss`, `m:ss.mmm` or plain seconds.
std::optional<std::int64_t> parse_time(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) {
        const auto seconds = number(text);
        return seconds ? std::optional(static_cast<std::int64_t>(*seconds * 1000 + 0.5))
                       : std::nullopt;
    }
    const auto minutes = number(text.substr(0, colon));
    const auto seconds = number(text.substr(colon + 1));
    if (!minutes || !seconds || *seconds >= 60 || *minutes != static_cast<int>(*minutes))
        return std::nullopt;
    return static_cast<std::int64_t>((*minutes * 60 + *seconds) * 1000 + 0.5);
}

std::optional<int> parse_pain(std::string_view text) {
    int value = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0 || value > 10)
        return std::nullopt;
    return value;
}

std::optional<char> parse_key(std::string_view word) {
    if (word == "space")
        return ' ';
    if (word == "s" || word == "w" || word == "x" || word == "q")
        return word[0];
    return std::nullopt;
}

} // namespace

core::Result<SessionScript> parse_session_script(std::string_view text, const std::string& file) {
    SessionScript script;
    std::istringstream in{std::string(text)};
    int number_of_line = 0;
    const auto error = [&](std::string message) {
        return std::unexpected(core::Error{.code = core::ErrorCode::InvalidInput,
                                           .field = "--events",
                                           .message = std::move(message),
                                           .file = file,
                                           .line = number_of_line});
    };
    for (std::string line; std::getline(in, line);) {
        ++number_of_line;
        const auto words = words_of(line);
        if (words.empty())
            continue;
        if (words[0] == "before" || words[0] == "after") {
            const auto pain = words.size() == 2 ? parse_pain(words[1]) : std::nullopt;
            if (!pain)
                return error(fmt::format("`{} N` needs one pain score from 0 to 10", words[0]));
            (words[0] == "before" ? script.pain_before : script.pain_after) = *pain;
            continue;
        }
        if (words[0] == "rescreen") {
            std::vector<std::string> answered(words.begin() + 1, words.end());
            if (answered.empty())
                return error("`rescreen` needs `none` or the warning-sign ids answered yes");
            if (answered == std::vector<std::string>{"none"})
                answered.clear();
            script.rescreen = std::move(answered);
            continue;
        }
        const auto at = parse_time(words[0]);
        if (!at)
            return error(fmt::format("expected a session time such as 1:30 or 90, or before/after/"
                                     "rescreen; got '{}'",
                                     words[0]));
        const auto key = words.size() >= 2 ? parse_key(words[1]) : std::nullopt;
        if (!key)
            return error("expected a key after the time: space, s, w, x REASON or q");
        ScriptedKey scripted{.at_ms = *at, .key = *key, .reason = {}, .line = number_of_line};
        if (*key == 'x') {
            if (words.size() != 3)
                return error("`x` needs a stop reason, e.g. `x sharp_pain`");
            scripted.reason = words[2];
        } else if (words.size() != 2) {
            return error(fmt::format("unexpected '{}' after the key", words[2]));
        }
        if (!script.keys.empty() && script.keys.back().at_ms > scripted.at_ms)
            return error("times must not go backward");
        script.keys.push_back(std::move(scripted));
    }
    return script;
}

std::string format_session_time(std::int64_t ms) {
    return fmt::format("{}:{:02}.{:03}", ms / 60000, ms / 1000 % 60, ms % 1000);
}

core::Result<std::vector<core::StopOutcome>>
play_script(const core::KnowledgeBase& kb, core::SessionRun& run, const SessionScript& script,
            const std::function<std::int64_t()>& now_ms,
            const std::function<void(std::int64_t)>& wait_until, std::vector<PlayedLine>& log) {
    // Errors name the script's line, as the parser's do.
    const auto script_error = [](std::string message, int line) {
        return std::unexpected(core::Error{.code = core::ErrorCode::InvalidInput,
                                           .field = "--events",
                                           .message = std::move(message),
                                           .file = {},
                                           .line = line});
    };
    // A key is the control it stands for; space toggles, as on the terminal.
    static constexpr std::array<std::pair<char, core::ControlKind>, 5> kinds{{
        {' ', core::ControlKind::Pause},
        {'s', core::ControlKind::Skip},
        {'w', core::ControlKind::Swap},
        {'x', core::ControlKind::Stop},
        {'q', core::ControlKind::Quit},
    }};
    std::vector<core::Control> controls;
    for (const auto& key : script.keys) {
        const auto* kind =
            std::ranges::find(kinds, key.key, &std::pair<char, core::ControlKind>::first);
        if (kind == kinds.end())
            return script_error(fmt::format("unknown key '{}'", key.key), key.line);
        controls.push_back({.at_ms = key.at_ms, .kind = kind->second, .reason = key.reason});
    }
    const auto control_text = [&](const core::AppliedControl& applied) -> std::string {
        if (applied.refused)
            return fmt::format("refused: {}", applied.refused->message);
        switch (applied.kind) {
        case core::ControlKind::Pause:
            return "pause";
        case core::ControlKind::Resume:
            return "resume";
        case core::ControlKind::Skip:
            return "skip";
        case core::ControlKind::Swap:
            return fmt::format("swap to {}", kb.item(*applied.swapped_to).id);
        case core::ControlKind::Stop:
            return fmt::format("stop {}", controls[applied.index].reason);
        case core::ControlKind::Quit:
            return "quit";
        }
        return {};
    };
    const auto played = core::play_controls(
        kb, run, controls, {.until_ms = std::nullopt, .pause = core::PauseControl::Toggles},
        {.now_ms = now_ms, .wait_until = wait_until},
        {.step_started =
             [&](std::int64_t at, const core::Step& step) {
                 log.push_back(
                     {at, fmt::format("{} {}{}", core::to_string(step.kind),
                                      step.item ? kb.item(*step.item).id + " " : std::string(),
                                      step.title)});
             },
         .control =
             [&](const core::AppliedControl& applied) {
                 log.push_back({applied.at_ms, control_text(applied)});
             },
         .quit_while_paused =
             [&](std::int64_t at) {
                 log.push_back({at, "quit (the script ended while paused)"});
             }});
    if (!played)
        return script_error(played.error().error.message, script.keys[played.error().index].line);
    if (run.record().outcome == core::SessionOutcome::Completed)
        log.push_back({now_ms(), "end"});
    return played->stops;
}

} // namespace unload::cli
