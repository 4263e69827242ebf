#pragma once

// The shared part of the data-driven TOML runners (tests/reviews and tests/scenarios): finding the
// case files, naming their tests, reading a case, loading the content once and comparing lists of
// strings. Each runner keeps its own case format and checks.

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "content/loader.hpp"
#include "core/knowledge.hpp"

namespace unload::test {

using Strings = std::vector<std::string>;

/// Every *.toml file directly in `dir`, sorted by name; none when the directory cannot be read.
inline std::vector<std::filesystem::path> toml_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// The file's stem with every character that is not an ASCII letter or digit replaced by '_', so
/// it can name a parameterised test.
inline std::string test_name(const std::filesystem::path& path) {
    std::string name = path.stem().string();
    for (auto& c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!ok)
            c = '_';
    }
    return name;
}

/// The case file parsed as TOML, or nothing after a non-fatal failure that names the file and line.
inline std::optional<toml::table> read_case(const std::filesystem::path& path) {
    try {
        return toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        ADD_FAILURE() << path.filename().string() << ":" << e.source().begin.line
                      << ": not valid TOML: " << e.description();
        return std::nullopt;
    }
}

/// The content a runner checks against: the knowledge base, or the loader's errors as text.
struct Content {
    std::optional<core::KnowledgeBase> kb;
    std::string error;
};

/// The content in UNLOAD_CONTENT_DIR, loaded on first use and shared by every case after.
inline const Content& content() {
    static const Content loaded = [] {
        Content out;
        auto kb = content::load(UNLOAD_CONTENT_DIR);
        if (kb) {
            out.kb = std::move(*kb);
        } else {
            for (const auto& e : kb.error())
                out.error += e.to_string() + "\n";
        }
        return out;
    }();
    return loaded;
}

/// The values as "[a, b, c]", for failure messages.
inline std::string show(const Strings& values) {
    return fmt::format("[{}]", fmt::join(values, ", "));
}

inline Strings sorted_unique(Strings values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

/// Compares two lists as sets. Returns nothing when they hold the same values, and otherwise a
/// message with both sets and what is missing and unexpected.
inline std::optional<std::string> set_mismatch(const Strings& want, const Strings& actual) {
    const auto expected = sorted_unique(want);
    const auto got = sorted_unique(actual);
    Strings missing, unexpected;
    std::set_difference(expected.begin(), expected.end(), got.begin(), got.end(),
                        std::back_inserter(missing));
    std::set_difference(got.begin(), got.end(), expected.begin(), expected.end(),
                        std::back_inserter(unexpected));
    if (missing.empty() && unexpected.empty())
        return std::nullopt;
    return fmt::format("expected {}, got {} (missing {}, unexpected {})", show(expected), show(got),
                       show(missing), show(unexpected));
}

} // namespace unload::test
