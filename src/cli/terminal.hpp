#pragma once

#include <string>
#include <string_view>

namespace unload::cli {

/// Text styles, applied only when standard output is a terminal and NO_COLOR is unset.
enum class Style { Plain, Bold, Dim, Red, Yellow, Green, Cyan };

class Terminal {
public:
    /// Decides once whether to colour, from the environment and whether stdout is a terminal.
    static Terminal detect();
    explicit Terminal(bool colour) : m_colour(colour) {}

    std::string paint(Style style, std::string_view text) const;

private:
    bool m_colour = false;
};

} // namespace unload::cli
