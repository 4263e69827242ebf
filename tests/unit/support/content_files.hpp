#pragma once

// Helpers for tests that break a copy of content/ and check what the loader says about it.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "content/loader.hpp"
#include "core/error.hpp"

namespace unload::test {

/// content/ in the source tree, or the directory UNLOAD_TEST_CONTENT_DIR names, so the tests can be
/// pointed at a broken copy to show that they fail on it.
inline const std::filesystem::path content_dir = [] {
    if (const char* dir = std::getenv("UNLOAD_TEST_CONTENT_DIR"); dir && *dir)
        return std::filesystem::path(dir);
    return std::filesystem::path(UNLOAD_SOURCE_DIR) / "content";
}();

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

/// `text` with the one place `find` stands replaced by `replace` (an empty `find` appends);
/// nothing, with a test failure naming `where`, when `find` is absent or stands more than once, so
/// a case cannot break the wrong place by accident.
inline std::optional<std::string> replaced_once(std::string text, const std::string& find,
                                                const std::string& replace,
                                                const std::string& where) {
    if (find.empty())
        return text + replace;
    const auto at = text.find(find);
    if (at == std::string::npos) {
        ADD_FAILURE() << where << " no longer contains: " << find;
        return std::nullopt;
    }
    if (text.find(find, at + 1) != std::string::npos) {
        ADD_FAILURE() << "not unique in " << where << ": " << find;
        return std::nullopt;
    }
    return text.replace(at, find.size(), replace);
}

/// The shipped content, loaded once (a test failure, and an empty knowledge base, when it does
/// not load): the loaders of single files resolve what they name in it.
inline const core::KnowledgeBase& shipped_content() {
    static const core::KnowledgeBase kb = [] {
        auto loaded = content::load(content_dir);
        if (!loaded) {
            ADD_FAILURE() << describe(loaded.error());
            return core::KnowledgeBase{};
        }
        return std::move(*loaded);
    }();
    return kb;
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

    /// Rewrites `file` (relative to dir()) with replaced_once: its new text, or nothing.
    std::optional<std::string> edit(const std::string& file, const std::string& find,
                                    const std::string& replace) const {
        auto text = replaced_once(read_text(dir() / file), find, replace, file);
        if (text)
            write_text(dir() / file, *text);
        return text;
    }

private:
    std::filesystem::path m_root;
};

} // namespace unload::test
