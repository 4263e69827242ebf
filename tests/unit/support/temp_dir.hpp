#pragma once

// A private temporary directory per test, named after the test, removed with everything in it.

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include <gtest/gtest.h>
#include <unistd.h>

namespace unload::test {

class TempDir {
public:
    /// `prefix` starts the directory's name; the store tests put a space in it to check that
    /// paths are quoted wherever the adapter passes them on.
    explicit TempDir(std::string_view prefix = "unload-") {
        static std::atomic<int> counter{0};
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name =
            test ? std::string(test->test_suite_name()) + "." + test->name() : std::string("test");
        // Parameterised tests have `/` in their names, which must not make nested directories.
        std::ranges::replace(name, '/', '_');
        m_path = std::filesystem::temp_directory_path() /
                 (std::string(prefix) + name + "." + std::to_string(::getpid()) + "." +
                  std::to_string(counter++));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }

    /// A SQLite URL for a database file in this directory.
    std::string url(std::string_view file = "unload.db") const {
        return "sqlite:" + (m_path / file).string();
    }

    /// Writes `text` to `relative` under this directory, creating folders on the way.
    std::filesystem::path write(const std::filesystem::path& relative,
                                std::string_view text) const {
        const auto file = m_path / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << text;
        return file;
    }

private:
    std::filesystem::path m_path;
};

} // namespace unload::test
