#pragma once

// Versioned schema migrations. The SQL lives in src/store/migrations/NNNN_name.sql and is compiled
// into the binary (CMake generates migrations_embedded.cpp), so opening a database never reads a
// file besides the database itself. A `schema_migrations` row records each applied version.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/store.hpp"

namespace unload::store {

struct Connection;

/// One migration as compiled in.
struct Migration {
    int version = 0;
    std::string_view name;
    std::string_view sql;
};

/// Every migration this binary knows, in version order: 1, 2, ... with no gaps (CMake checks).
std::span<const Migration> embedded_migrations();

/// Splits a script into its statements at the semicolons that end them, leaving out comments, so
/// each can be run alone (SQLite prepares one statement at a time). Semicolons inside quoted
/// strings and identifiers do not split.
std::vector<std::string> split_statements(std::string_view script);

/// Applies every embedded migration above the database's version up to `target`, oldest first,
/// each in one write transaction together with its `schema_migrations` row. Safe when several
/// processes open a new database at once: each migration re-reads the version under the write lock.
/// Refuses a database whose version is above what this binary knows.
core::Result<void> migrate(Connection& connection, int target);

/// The `schema_migrations` rows, oldest first; empty when the table does not exist.
core::Result<std::vector<AppliedMigration>> read_applied(Connection& connection);

} // namespace unload::store
