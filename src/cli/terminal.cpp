#include "cli/terminal.hpp"

#include <cstdlib>

#include <fmt/format.h>
#include <unistd.h>

namespace unload::cli {

Terminal Terminal::detect() {
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    const bool dumb = term && std::string_view(term) == "dumb";
    return Terminal(isatty(STDOUT_FILENO) == 1 && !(no_color && *no_color) && !dumb);
}

std::string Terminal::paint(Style style, std::string_view text) const {
    if (!m_colour || style == Style::Plain)
        return std::string(text);
    const char* code = "";
    switch (style) {
    case Style::Bold:
        code = "1";
        break;
    case Style::Dim:
        code = "2";
        break;
    case Style::Red:
        code = "1;31";
        break;
    case Style::Yellow:
        code = "1;33";
        break;
    case Style::Green:
        code = "1;32";
        break;
    case Style::Cyan:
        code = "36";
        break;
    case Style::Plain:
        break;
    }
    return fmt::format("\033[{}m{}\033[0m", code, text);
}

} // namespace unload::cli
