#pragma once

// Helpers for tests that break a copy of content/ and check what the loader says about it.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "core/error.hpp"

namespace unload::test {

inline const std::filesystem::path content_dir =
    std::filesystem::path(UNLOAD_SOURCE_DIR) / "content";

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
}

/// The 1-based line on which `needle` first starts in `text`, or 0 when it is absent.
inline int line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    if (at == std::string::npos)
        return 0;
    return 1 +
           static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

/// Like line_of, but 0 also when `needle` occurs more than once, so a test cannot point at the
/// wrong place by accident.
inline int unique_line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    if (at == std::string::npos || text.find(needle, at + 1) != std::string::npos)
        return 0;
    return line_of(text, needle);
}

/// Every error on its own line, for failure messages.
inline std::string describe(const core::Errors& errors) {
    std::string out;
    for (const auto& error : errors)
        out += error.to_string() + "\n";
    return out;
}

/// A copy of the whole content directory in a fresh temporary directory, removed afterwards.
class ContentCopy {
public:
    ContentCopy() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "unload_content_XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            return;
        m_root = pattern;
        std::filesystem::copy(content_dir, dir(), std::filesystem::copy_options::recursive);
    }
    ~ContentCopy() {
        if (!m_root.empty())
            std::filesystem::remove_all(m_root);
    }
    ContentCopy(const ContentCopy&) = delete;
    ContentCopy& operator=(const ContentCopy&) = delete;

    bool ok() const { return !m_root.empty(); }
    std::filesystem::path dir() const { return m_root / "content"; }

private:
    std::filesystem::path m_root;
};

} // namespace unload::test
