#pragma once

// A database connection and the few things that differ between SQL engines, plus the two helpers
// every query in src/store goes through: `guarded` turns SOCI's exceptions into core::Error at this
// adapter's edge, and `Transaction` makes a group of statements all-or-nothing.

#include <chrono>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <type_traits>

#include "core/error.hpp"
#include "store/soci.hpp"

namespace unload::store {

/// What differs between the engines Unload can store in. Only SQLite exists now; PostgreSQL
/// would begin writes with a plain `BEGIN` (its row locks need no up-front write lock), read in a
/// `REPEATABLE READ` snapshot and find tables in `information_schema.tables`.
struct Dialect {
    /// Starts a transaction that will write. SQLite's `BEGIN IMMEDIATE` takes the write lock at
    /// once, so two writers queue on the busy timeout instead of one failing when its read lock
    /// cannot be upgraded.
    std::string begin_write;
    /// Starts a transaction that only reads, so a multi-statement read sees one snapshot.
    std::string begin_read;
    /// Counts the tables named by the one bound parameter: 1 when it exists, else 0.
    std::string count_tables_named;
    /// Rewrites the database file from its live rows, so deleted rows leave no trace in it.
    std::string vacuum;
    /// Copies SQLite's write-ahead log into the file and empties it; its result row starts with a
    /// `busy` flag that is 1 when another connection's reading kept it from finishing. Empty for an
    /// engine without such a log.
    std::string checkpoint;
};

/// The SQLite dialect.
const Dialect& sqlite_dialect();

/// When the current wait for another process's lock began.
struct BusyWait {
    std::chrono::steady_clock::time_point since{};
};

/// An open session and the dialect it speaks.
struct Connection {
    /// Declared before the session, so it outlives the session whose busy handler uses it.
    std::unique_ptr<BusyWait> busy;
    std::unique_ptr<soci::session> sql;
    const Dialect* dialect = nullptr;
    /// When this connection's last write transaction ended, so the next can leave a gap.
    std::chrono::steady_clock::time_point last_write_end{};
};

/// How long a write waits for another process's write to finish before it gives up.
inline constexpr int busy_timeout_ms = 5000;
/// How often a waiting writer looks again whether the lock is free.
inline constexpr int busy_poll_ms = 1;
/// The least time between the end of one write transaction on a connection and the start of its
/// next. SQLite's write lock has no queue: a writer that commits and begins again at once takes it
/// back within microseconds, and another process's busy handler, which looks only every
/// busy_poll_ms, finds it free only when its look happens to fall into that gap. The slower each
/// commit (FULL sync on a busy disk), the rarer that is, until the waiter gives up with "database
/// is locked" while the other goes on writing. A gap of several polls lets every waiter in.
inline constexpr int write_gap_ms = 5 * busy_poll_ms;

/// Whether opening may create the file; `Never` fails with NotFound when it is missing.
enum class Create { IfMissing, Never };

/// Opens an SQLite database file and sets it up for durable, concurrent use: write-ahead log,
/// foreign keys, full sync, secure delete and a fair busy wait. With `Create::IfMissing` a missing
/// file is created readable by its owner alone (it holds health data) before SQLite opens it.
core::Result<Connection> connect_sqlite(const std::filesystem::path& path, Create create);

/// The core::Error for an exception thrown by SOCI or the standard library.
core::Error error_from(const std::exception& error);

/// Runs `body` (which returns a core::Result) and turns any exception it throws into an error.
template <class Body>
auto guarded(Body&& body) -> std::invoke_result_t<Body&> {
    try {
        return body();
    } catch (const std::exception& error) {
        return std::unexpected(error_from(error));
    }
}

/// A transaction that rolls back unless committed, so an exception anywhere inside leaves the
/// database as it was.
class Transaction {
public:
    enum class Kind { Read, Write };

    Transaction(Connection& connection, Kind kind);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Makes the changes permanent; throws like any statement when that fails.
    void commit();

private:
    Connection* m_connection;
    soci::session* m_sql;
    bool m_write;
    bool m_open = true;
};

} // namespace unload::store
