#pragma once

// Writing JSON text straight into a string, for the documents the server encodes on every
// request: building an nlohmann tree only to dump it costs more than the engine's whole answer.
// The text is exactly what nlohmann's dump() (compact, ensure_ascii off, invalid UTF-8 replaced)
// gives for the same values, so both ways of encoding a document can be compared byte for byte.

#include <cstdint>
#include <string>
#include <string_view>

namespace unload::json {

/// Appends `text` as a JSON string literal, quotes included, escaped as nlohmann's dump() does:
/// `"` and `\` with a backslash; backspace, form feed, newline, carriage return and tab by their
/// short escapes; other control characters as `\u00XX` (lower-case hex); everything else,
/// non-ASCII UTF-8 included, as it is. Each maximal invalid UTF-8 sequence becomes U+FFFD.
void append_string(std::string& out, std::string_view text);

/// A small streaming writer over a string: it places the commas and colons, the caller the
/// structure. It does not sort keys: a caller that must match nlohmann's output writes each
/// object's keys in byte order, as nlohmann's std::map holds them.
class TextWriter {
public:
    /// Appends to `out`, which must outlive the writer.
    explicit TextWriter(std::string& out) : m_out(&out) {}

    void begin_object() {
        separate();
        m_out->push_back('{');
        m_comma = false;
    }
    void end_object() {
        m_out->push_back('}');
        m_comma = true;
    }
    void begin_array() {
        separate();
        m_out->push_back('[');
        m_comma = false;
    }
    void end_array() {
        m_out->push_back(']');
        m_comma = true;
    }
    /// An object's key; the next call writes its value.
    void key(std::string_view name) {
        separate();
        append_string(*m_out, name);
        m_out->push_back(':');
        m_comma = false;
    }
    void string(std::string_view text) {
        separate();
        append_string(*m_out, text);
        m_comma = true;
    }
    void number(std::int64_t value);
    void boolean(bool value) {
        separate();
        m_out->append(value ? "true" : "false");
        m_comma = true;
    }
    void null() {
        separate();
        m_out->append("null");
        m_comma = true;
    }

private:
    void separate() {
        if (m_comma)
            m_out->push_back(',');
    }

    std::string* m_out;
    bool m_comma = false; ///< A value was just completed, so the next one needs a comma first.
};

} // namespace unload::json
