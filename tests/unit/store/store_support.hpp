#pragma once

// What the store tests share: a private temporary directory per test, and a raw SQLite handle
// (the C API, not the adapter under test) to inspect and prepare database files independently.

#include <atomic>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include "support/temp_dir.hpp"

namespace unload::store::testing {

/// A fresh directory per test; its name has a space, so that every path the adapter passes on
/// must be quoted.
class TempDir : public unload::test::TempDir {
public:
    TempDir() : unload::test::TempDir("unload store ") {}
};

/// A direct SQLite connection for checks and raw set-up; throws on any failure.
class RawDb {
public:
    explicit RawDb(const std::filesystem::path& path) {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            const std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
            sqlite3_close(m_db);
            throw std::runtime_error("cannot open " + path.string() + ": " + message);
        }
        sqlite3_busy_timeout(m_db, 5000);
    }
    ~RawDb() { sqlite3_close(m_db); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    void exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw std::runtime_error(message + " in: " + sql);
        }
    }

    /// The first column of the first row, as text; nullopt for no row or NULL.
    std::optional<std::string> text(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
        std::optional<std::string> value;
        const int step = sqlite3_step(statement);
        if (step == SQLITE_ROW && sqlite3_column_type(statement, 0) != SQLITE_NULL)
            value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            throw std::runtime_error(std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
        return value;
    }

    /// The first column of every row, as text (NULL as empty).
    std::vector<std::string> texts(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
        std::vector<std::string> values;
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(statement, 0);
            values.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        }
        sqlite3_finalize(statement);
        if (step != SQLITE_DONE)
            throw std::runtime_error(std::string(sqlite3_errmsg(m_db)) + " in: " + sql);
        return values;
    }

    long long integer(const std::string& sql) {
        const auto value = text(sql);
        if (!value)
            throw std::runtime_error("no value from: " + sql);
        return std::stoll(*value);
    }

    bool has_table(const std::string& name) {
        return integer("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" +
                       name + "'") == 1;
    }

private:
    sqlite3* m_db = nullptr;
};

} // namespace unload::store::testing
