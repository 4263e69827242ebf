#include "json/text_writer.hpp"

#include <array>
#include <charconv>

namespace unload::json {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// The bytes a character starting at `text[at]` (not ASCII) occupies. A valid UTF-8 sequence
/// gives its length and `valid`; otherwise the length of its maximal invalid part (the lead byte
/// and the continuation bytes that still fitted, or 1 for a byte that cannot start one), which
/// becomes one U+FFFD, as in nlohmann's serializer, whose decoder rejects the same sequences.
struct Sequence {
    std::size_t length = 1;
    bool valid = false;
};

Sequence sequence_at(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t length = 0;
    // The allowed range of the first continuation byte; the others are always 0x80..0xBF. The
    // narrower first ranges rule out overlong forms, surrogates and code points above U+10FFFF.
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return {.length = 1, .valid = false};
    }
    for (std::size_t k = 1; k < length; ++k) {
        if (at + k >= text.size())
            return {.length = k, .valid = false};
        const auto byte = static_cast<unsigned char>(text[at + k]);
        if (byte < low || byte > high)
            return {.length = k, .valid = false};
        low = 0x80;
        high = 0xBF;
    }
    return {.length = length, .valid = true};
}

/// The bytes that go into a JSON string as they are: printable ASCII but the quote and the
/// backslash. Everything else needs a look (an escape, or a UTF-8 sequence to check).
constexpr auto plain_bytes = [] {
    std::array<bool, 256> plain{};
    for (std::size_t c = 0x20; c < 0x80; ++c)
        plain[c] = c != '"' && c != '\\';
    return plain;
}();

/// The escape for an ASCII byte that cannot appear as it is in a JSON string.
void append_escape(std::string& out, unsigned char c) {
    switch (c) {
    case '"':
        out.append("\\\"");
        return;
    case '\\':
        out.append("\\\\");
        return;
    case '\b':
        out.append("\\b");
        return;
    case '\f':
        out.append("\\f");
        return;
    case '\n':
        out.append("\\n");
        return;
    case '\r':
        out.append("\\r");
        return;
    case '\t':
        out.append("\\t");
        return;
    default: {
        constexpr std::string_view hex = "0123456789abcdef";
        const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4U], hex[c & 0xFU]};
        out.append(escape, sizeof escape);
        return;
    }
    }
}

} // namespace

void append_string(std::string& out, std::string_view text) {
    out.push_back('"');
    // Plain bytes are copied a run at a time; only escapes and invalid UTF-8 break a run.
    std::size_t run = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (plain_bytes[c]) {
            ++at;
            continue;
        }
        if (c >= 0x80) {
            const auto sequence = sequence_at(text, at);
            if (sequence.valid) {
                at += sequence.length;
                continue;
            }
            out.append(text.substr(run, at - run));
            out.append(replacement_character);
            at += sequence.length;
            run = at;
            continue;
        }
        out.append(text.substr(run, at - run));
        append_escape(out, c);
        ++at;
        run = at;
    }
    out.append(text.substr(run));
    out.push_back('"');
}

void TextWriter::number(std::int64_t value) {
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    m_out->append(digits, static_cast<std::size_t>(end - digits));
    m_comma = true;
}

} // namespace unload::json
