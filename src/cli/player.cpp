#include "cli/player.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char** environ;

namespace unload::cli {

namespace {

// Five-line block glyphs for 0-9 and ':', each three cells wide (':' one).
constexpr std::array<std::array<std::string_view, 5>, 11> glyphs{{
    {"███", "█ █", "█ █", "█ █", "███"},
    {" █ ", "██ ", " █ ", " █ ", "███"},
    {"███", "  █", "███", "█  ", "███"},
    {"███", "  █", "███", "  █", "███"},
    {"█ █", "█ █", "███", "  █", "  █"},
    {"███", "█  ", "███", "  █", "███"},
    {"███", "█  ", "███", "█ █", "███"},
    {"███", "  █", "  █", "  █", "  █"},
    {"███", "█ █", "███", "█ █", "███"},
    {"███", "█ █", "███", "  █", "███"},
    {" ", "▪", " ", "▪", " "},
}};

/// Puts the terminal into raw, non-echoing mode for as long as it lives, on the alternate screen
/// with the cursor hidden, and restores everything however the player ends.
class RawTerminal {
public:
    RawTerminal() {
        m_ok = tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_ok) {
            termios raw = m_saved;
            raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
            raw.c_cc[VMIN] = 0;
            raw.c_cc[VTIME] = 0;
            tcsetattr(STDIN_FILENO, TCSANOW, &raw);
        }
        std::cout << "\033[?1049h\033[?25l" << std::flush;
    }
    ~RawTerminal() {
        std::cout << "\033[?25h\033[?1049l" << std::flush;
        if (m_ok)
            tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;

private:
    termios m_saved{};
    bool m_ok = false;
};

volatile std::sig_atomic_t g_interrupted = 0;

void on_interrupt(int /*signal*/) {
    g_interrupted = 1;
}

int terminal_width() {
    winsize size{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

/// Waits up to `timeout_ms` for a key; returns it, or 0 for none.
char read_key(int timeout_ms) {
    pollfd in{.fd = STDIN_FILENO, .events = POLLIN, .revents = 0};
    if (poll(&in, 1, std::max(0, timeout_ms)) <= 0)
        return 0;
    char key = 0;
    return read(STDIN_FILENO, &key, 1) == 1 ? key : 0;
}

std::string bar(double fraction, int width) {
    const int filled = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * width + 0.5);
    std::string out;
    for (int i = 0; i < width; ++i)
        out += i < filled ? "█" : "░";
    return out;
}

/// How far through: `part` of `whole`, 1 when there is nothing to go through.
double fraction(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 1.0;
}

std::string clock_text(std::int64_t ms) {
    const auto seconds = (std::max<std::int64_t>(ms, 0) + 999) / 1000;
    return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

/// Breaks text into lines of at most `width` columns, at spaces.
std::vector<std::string> wrap(std::string_view text, int width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        const auto word = text.substr(start, end - start);
        if (!line.empty() && static_cast<int>(line.size() + 1 + word.size()) > width) {
            lines.push_back(line);
            line.clear();
        }
        if (!line.empty())
            line += ' ';
        line += word;
        start = end + 1;
    }
    if (!line.empty())
        lines.push_back(line);
    return lines;
}

/// Speaks a line through espeak-ng without waiting for it; silently nothing when not installed.
void speak(const std::string& text) {
    static const bool available = std::system("command -v espeak-ng >/dev/null 2>&1") == 0;
    if (!available)
        return;
    pid_t child = 0;
    std::string program = "espeak-ng";
    std::string quiet = "-q";
    std::string words = text;
    char* argv[] = {program.data(), quiet.data(), words.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    if (posix_spawnp(&child, "espeak-ng", &actions, nullptr, argv, environ) == 0)
        waitpid(-1, nullptr, WNOHANG); // Reap earlier utterances that have finished.
    posix_spawn_file_actions_destroy(&actions);
}

struct Screen {
    const core::KnowledgeBase& kb;
    Terminal term{true};
    std::string notice; ///< The last stop's advice, or a refused control, shown until replaced.
    bool choosing_reason = false;

    void draw(const core::SessionView& view) const {
        const int width = std::min(terminal_width(), 100);
        std::string out = "\033[H";
        const auto line = [&](const std::string& text) { out += text + "\033[K\r\n"; };
        line(term.paint(Style::Bold, "Unload · guided session") +
             term.paint(Style::Dim,
                        "   space pause · s skip · w easier · x stop, it hurts · q quit"));
        line("");
        if (!view.step) {
            line("Session over.");
            out += "\033[J";
            std::cout << out << std::flush;
            return;
        }
        const auto& step = *view.step;
        line(term.paint(Style::Cyan, step.item ? kb.item(*step.item).name : std::string("Unload")));
        line(term.paint(Style::Bold, step.title) +
             (view.paused ? term.paint(Style::Yellow, "   ‖ Paused - press space to go on") : ""));
        line("");
        for (const auto& row : big_digits(clock_text(view.step_remaining_ms)))
            line("   " + row);
        line("");
        const auto text_lines = wrap(step.text, width - 2);
        for (std::size_t i = 0; i < 6; ++i)
            line(i < text_lines.size() ? text_lines[i] : "");
        const int bar_width = std::max(10, width - 24);
        line(fmt::format("Step    {} {:>6}",
                         bar(fraction(view.step_elapsed_ms, step.duration_ms), bar_width),
                         clock_text(view.step_remaining_ms)));
        line(fmt::format("Session {} {:>6}",
                         bar(fraction(view.session_elapsed_ms,
                                      view.session_elapsed_ms + view.session_remaining_ms),
                             bar_width),
                         clock_text(view.session_remaining_ms)));
        line(view.next ? term.paint(Style::Dim, "Next: " + view.next->title +
                                                    (view.next->item && view.next->item != step.item
                                                         ? " · " + kb.item(*view.next->item).name
                                                         : ""))
                       : term.paint(Style::Dim, "Next: the end"));
        line("");
        if (choosing_reason) {
            line(term.paint(Style::Yellow,
                            "Stop - what is happening? Press a number (Esc to go back):"));
            int number = 1;
            for (const auto& reason : kb.session.stop_reasons)
                line(fmt::format("  {}  {}", number++, reason.label));
        } else {
            for (const auto& text : wrap(notice, width - 2))
                line(term.paint(Style::Yellow, text));
        }
        out += "\033[J";
        std::cout << out << std::flush;
    }
};

} // namespace

std::vector<std::string> big_digits(std::string_view text) {
    std::vector<std::string> rows(5);
    for (const char c : text) {
        const std::size_t glyph = c == ':' ? 10 : static_cast<std::size_t>(c - '0');
        if (c != ':' && (c < '0' || c > '9'))
            continue;
        for (std::size_t row = 0; row < 5; ++row)
            rows[row] += std::string(glyphs[glyph][row]) + " ";
    }
    return rows;
}

int wait_budget_ms(const core::SessionRun& run, std::int64_t at_ms, double speed) {
    constexpr int redraw_ms = 100;
    const auto due = run.next_due_ms();
    if (!due)
        return redraw_ms;
    const auto real_ms = static_cast<double>(*due - at_ms) / speed;
    return static_cast<int>(std::clamp(std::ceil(real_ms), 0.0, static_cast<double>(redraw_ms)));
}

std::vector<core::StopOutcome> play_in_terminal(const core::KnowledgeBase& kb,
                                                core::SessionRun& run, const core::Clock& clock,
                                                const PlayerOptions& options) {
    std::vector<core::StopOutcome> stops;
    g_interrupted = 0;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    struct sigaction saved_int {};
    struct sigaction saved_term {};
    sigaction(SIGINT, &action, &saved_int);
    sigaction(SIGTERM, &action, &saved_term);
    RawTerminal raw;
    Screen screen{.kb = kb, .term = Terminal(true), .notice = {}, .choosing_reason = false};
    const auto started = clock.steady_ms();
    const auto now = [&] {
        return static_cast<std::int64_t>(static_cast<double>(clock.steady_ms() - started) *
                                         options.speed);
    };
    std::optional<std::size_t> announced;
    bool paused_for_reason = false;
    while (!run.ended()) {
        const auto at = now();
        for (const auto& due : run.advance(at)) {
            if (due.cue->kind == core::CueKind::Bell)
                std::cout << '\a';
        }
        const auto view = run.view(at);
        if (view.step && announced != view.step_index) {
            announced = view.step_index;
            if (options.voice)
                speak(view.step->title);
        }
        screen.draw(view);
        if (g_interrupted) {
            run.quit(now());
            break;
        }
        const char key = read_key(wait_budget_ms(run, at, options.speed));
        if (key == 0)
            continue;
        const auto pressed_at = now();
        run.advance(pressed_at);
        if (screen.choosing_reason) {
            const auto index = static_cast<std::size_t>(key - '1');
            if (key == 27) {
                screen.choosing_reason = false;
                if (paused_for_reason)
                    (void)run.resume(pressed_at);
            } else if (key >= '1' && index < kb.session.stop_reasons.size()) {
                screen.choosing_reason = false;
                if (paused_for_reason)
                    (void)run.resume(pressed_at);
                const auto& reason = kb.session.stop_reasons[index];
                if (auto outcome = run.stop(pressed_at, reason.id)) {
                    screen.notice = outcome->text;
                    stops.push_back(std::move(*outcome));
                }
            }
            continue;
        }
        switch (key) {
        case ' ':
            (void)(run.view(pressed_at).paused ? run.resume(pressed_at) : run.pause(pressed_at));
            break;
        case 's':
            (void)run.skip(pressed_at);
            break;
        case 'w':
            if (const auto swapped = run.swap(pressed_at); swapped)
                screen.notice =
                    fmt::format("Swapped to the easier version: {}.", kb.item(*swapped).name);
            else
                screen.notice = swapped.error().message;
            break;
        case 'x':
            // The clock stops while the person says what is wrong; a pause they made themselves
            // stays after they answer.
            paused_for_reason = run.pause(pressed_at).has_value();
            screen.choosing_reason = true;
            break;
        case 'q':
            run.quit(pressed_at);
            break;
        default:
            break;
        }
    }
    std::cout << '\a' << std::flush;
    sigaction(SIGINT, &saved_int, nullptr);
    sigaction(SIGTERM, &saved_term, nullptr);
    return stops;
}

std::optional<int> ask_score(std::string_view question) {
    for (;;) {
        std::cout << question << " " << std::flush;
        std::string answer;
        if (!std::getline(std::cin, answer))
            return std::nullopt;
        int value = -1;
        try {
            std::size_t used = 0;
            value = std::stoi(answer, &used);
            if (used != answer.size())
                value = -1;
        } catch (const std::exception&) {
            value = -1;
        }
        if (value >= 0 && value <= 10)
            return value;
        std::cout << "Please type a whole number from 0 (no pain) to 10 (worst imaginable).\n";
    }
}

std::optional<bool> ask_yes_no(std::string_view question) {
    for (;;) {
        std::cout << question << " [y/n] " << std::flush;
        std::string answer;
        if (!std::getline(std::cin, answer))
            return std::nullopt;
        if (answer == "y" || answer == "yes")
            return true;
        if (answer == "n" || answer == "no")
            return false;
        std::cout << "Please answer y or n.\n";
    }
}

} // namespace unload::cli
