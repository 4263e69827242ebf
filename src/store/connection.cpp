#include "store/connection.hpp"

#include <cerrno>
#include <cstring>
#include <new>
#include <string_view>
#include <thread>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace unload::store {

namespace {

// SQLite's primary result codes that mean something to the person (sqlite3.h).
constexpr int sqlite_busy = 5;
constexpr int sqlite_locked = 6;
constexpr int sqlite_constraint = 19;
// The file given is at fault, not the machine: no permission, read-only, cannot be opened, or
// not an SQLite database at all.
constexpr int sqlite_perm = 3;
constexpr int sqlite_readonly = 8;
constexpr int sqlite_cantopen = 14;
constexpr int sqlite_notadb = 26;

/// SOCI prefixes the engine's message with the backend function that saw it
/// (`sqlite3_statement_backend::loadOne: CHECK constraint failed: ...`); the person needs only the
/// engine's words.
std::string without_backend_prefix(std::string message) {
    const auto separator = message.find(": ");
    if (separator != std::string::npos && message.find("::") < separator)
        message.erase(0, separator + 2);
    return message;
}

/// Creates the file empty and private when it does not exist. SQLite then gives its -wal and -shm
/// files the same permissions.
core::Result<void> create_private_file(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    // Another process may have created it a moment ago; that file is as good as ours.
    if (errno == EEXIST)
        return {};
    // A place the person cannot write to is the path's fault (exit 2), a full disk the machine's.
    const bool the_path = errno == EACCES || errno == EPERM || errno == EROFS || errno == ENOTDIR ||
                          errno == ENOENT || errno == EISDIR;
    return core::fail(the_path ? core::ErrorCode::InvalidInput : core::ErrorCode::Io, "db",
                      fmt::format("cannot create {}: {}", path.string(), std::strerror(errno)));
}

/// SQLite's busy handler: called while another connection holds the lock this one needs; returns
/// 0 to give up with SQLITE_BUSY, anything else to try again.
///
/// SQLite's own handler (sqlite3_busy_timeout) sleeps ever longer between attempts, up to 100 ms.
/// A process that writes in a loop releases the lock for well under a millisecond between its
/// transactions, so a waiter that wakes that rarely almost never finds it free and starves until
/// the timeout fails it with "database is locked". Looking again every millisecond finds the gaps.
int wait_for_lock(void* context, int attempts) {
    auto& wait = *static_cast<BusyWait*>(context);
    const auto now = std::chrono::steady_clock::now();
    if (attempts == 0)
        wait.since = now;
    if (now - wait.since >= std::chrono::milliseconds(busy_timeout_ms))
        return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(busy_poll_ms));
    return 1;
}

/// Switches the file to the write-ahead log, which lets readers work while one process writes and
/// makes a commit one append. The mode is stored in the file, so only the first open changes it;
/// but two processes opening a new file at once both try, and changing the mode needs the file to
/// itself, for which SQLite answers BUSY at once instead of calling the busy handler. So this
/// retries for as long as a write would wait.
void use_write_ahead_log(soci::session& sql, const std::string& path) {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (;;) {
        try {
            std::string mode;
            sql << "PRAGMA journal_mode = WAL", soci::into(mode);
            if (mode != "wal")
                throw soci::soci_error(fmt::format(
                    "cannot use a write-ahead log on {} (journal mode {})", path, mode));
            return;
        } catch (const soci::sqlite3_soci_error& error) {
            if ((error.result() & 0xff) != sqlite_busy ||
                std::chrono::steady_clock::now() >= deadline)
                throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(busy_poll_ms));
    }
}

} // namespace

const Dialect& sqlite_dialect() {
    static const Dialect dialect{
        .begin_write = "BEGIN IMMEDIATE",
        .begin_read = "BEGIN",
        .count_tables_named =
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name",
        .vacuum = "VACUUM",
        .checkpoint = "PRAGMA wal_checkpoint(TRUNCATE)"};
    return dialect;
}

core::Error error_from(const std::exception& error) {
    if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
        auto message = without_backend_prefix(sqlite->get_error_message());
        switch (sqlite->result() & 0xff) {
        case sqlite_constraint:
            // A CHECK, NOT NULL or foreign key rule refused a record: the record is at fault, and
            // the constraint's name says which rule.
            return core::Error{.code = core::ErrorCode::InvalidInput,
                               .field = "db",
                               .message = "the record breaks a rule of the database: " + message};
        case sqlite_perm:
        case sqlite_readonly:
        case sqlite_cantopen:
        case sqlite_notadb:
            return core::Error{.code = core::ErrorCode::InvalidInput,
                               .field = "db",
                               .message = message + "; give --db an Unload database, or a new "
                                                    "file in a folder you can write to"};
        case sqlite_busy:
        case sqlite_locked:
            return core::Error{.code = core::ErrorCode::Io,
                               .field = "db",
                               .message = fmt::format("{} (another process kept it busy for more "
                                                      "than {} ms)",
                                                      message, busy_timeout_ms)};
        default:
            return core::Error{.code = core::ErrorCode::Io, .field = "db", .message = message};
        }
    }
    if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&error))
        return core::Error{.code = core::ErrorCode::Io,
                           .field = "db",
                           .message = without_backend_prefix(soci_error->get_error_message())};
    if (dynamic_cast<const std::bad_alloc*>(&error))
        return core::Error{.code = core::ErrorCode::Io, .field = "db", .message = "out of memory"};
    return core::Error{.code = core::ErrorCode::Io, .field = "db", .message = error.what()};
}

core::Result<Connection> connect_sqlite(const std::filesystem::path& path, Create create) {
    const auto text = path.string();
    // SOCI reads the file name from a `db="..."` parameter and has no escape for a quote in it.
    if (text.find('"') != std::string::npos)
        return core::fail(core::ErrorCode::InvalidInput, "db",
                          fmt::format("a database path cannot contain '\"': {}", text));
    if (create == Create::IfMissing) {
        TRY(create_private_file(path));
    } else {
        std::error_code error;
        if (!std::filesystem::exists(path, error))
            return core::fail(core::ErrorCode::NotFound, "db",
                              fmt::format("no database at {}", text));
    }
    auto connected = guarded([&]() -> core::Result<Connection> {
        Connection connection{.busy = std::make_unique<BusyWait>(),
                              .sql = std::make_unique<soci::session>(
                                  *soci::factory_sqlite3(), fmt::format("db=\"{}\"", text)),
                              .dialect = &sqlite_dialect()};
        auto& sql = *connection.sql;
        // Before any statement can meet a lock. (PRAGMA busy_timeout would replace it.)
        auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
        sqlite_api::sqlite3_busy_handler(backend->conn_, &wait_for_lock, connection.busy.get());
        use_write_ahead_log(sql, text);
        // FULL syncs the log on every commit. NORMAL would already keep every commit through a
        // crash of the process (SIGKILL); FULL also keeps it through a power cut, which is what
        // the port promises ("a method that returns success has made its write durable"), for
        // the price of one fsync per write, which a person's few writes a day never notice.
        sql << "PRAGMA synchronous = FULL";
        // SQLite leaves foreign keys off unless each connection asks; the schema relies on them
        // for cascades and for refusing a session of a program version that does not exist.
        sql << "PRAGMA foreign_keys = ON";
        // Deleted rows are overwritten with zeros rather than left in free space, so what a person
        // deletes is gone from the file at once (Debian builds SQLite this way; other builds may
        // not).
        sql << "PRAGMA secure_delete = ON";
        return connection;
    });
    if (!connected && connected.error().code == core::ErrorCode::InvalidInput)
        connected.error().message = fmt::format("{}: {}", text, connected.error().message);
    return connected;
}

Transaction::Transaction(Connection& connection, Kind kind)
    : m_connection(&connection), m_sql(connection.sql.get()), m_write(kind == Kind::Write) {
    if (m_write) {
        // Leave other processes' busy handlers time to see the lock free (see write_gap_ms).
        // A person's writes are seconds apart and never wait here.
        const auto next = connection.last_write_end + std::chrono::milliseconds(write_gap_ms);
        if (std::chrono::steady_clock::now() < next)
            std::this_thread::sleep_until(next);
    }
    *m_sql << (m_write ? connection.dialect->begin_write : connection.dialect->begin_read);
}

Transaction::~Transaction() {
    if (!m_open)
        return;
    try {
        *m_sql << "ROLLBACK";
    } catch (...) {
        // SQLite has already rolled back after some errors (a full disk, an interrupt); there is
        // nothing left to undo and a destructor must not throw.
    }
    if (m_write)
        m_connection->last_write_end = std::chrono::steady_clock::now();
}

void Transaction::commit() {
    *m_sql << "COMMIT";
    m_open = false;
    if (m_write)
        m_connection->last_write_end = std::chrono::steady_clock::now();
}

} // namespace unload::store
