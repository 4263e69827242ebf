#pragma once

// The storage adapter: opens the database a URL names and returns it as core's storage ports.
// SQLite now (`sqlite:PATH` or a bare path); the implementation is SOCI over portable SQL, so
// PostgreSQL (stage 4) needs a connection string and a few dialect switches, not a rewrite.
// Every error names the field `db`.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ports/storage.hpp"

namespace unload::store {

/// How to open a database.
struct OpenOptions {
    /// Apply the migrations up to this version and no further; all of them when empty. Tests use
    /// it to build a database as an older Unload left it.
    std::optional<int> migrate_to;
};

/// Opens the database at `url`, creating the file (and its directory) when missing, and brings
/// its schema up to date: each missing migration is applied in order, in its own transaction.
/// A database written by a newer Unload is refused rather than misread.
core::Result<std::unique_ptr<core::Storage>> open(std::string_view url,
                                                  const OpenOptions& options = {});

/// The schema version this binary writes: the number of its newest migration.
int latest_schema_version();

/// A migration as the database records it.
struct AppliedMigration {
    int version = 0;
    std::string name;       ///< From the file name: `0002_scores_reviews_reminders.sql` gives
                            ///< `scores_reviews_reminders`.
    std::string applied_at; ///< ISO 8601 UTC.
};

/// The migrations applied to the database at `url`, oldest first; empty when the file does not
/// exist yet. Reads only: creates nothing and migrates nothing.
core::Result<std::vector<AppliedMigration>> applied_migrations(std::string_view url);

/// The schema version of the database at `url`: its newest applied migration, 0 when none.
/// Reads only, like `applied_migrations`.
core::Result<int> schema_version(std::string_view url);

} // namespace unload::store
