#include "store/migrations.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "store/connection.hpp"

namespace unload::store {

namespace {

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

bool has_migrations_table(soci::session& sql, const Dialect& dialect) {
    int count = 0;
    const std::string table = "schema_migrations";
    sql << dialect.count_tables_named, soci::use(table), soci::into(count);
    return count > 0;
}

/// The newest applied version, or 0.
int applied_version(soci::session& sql, const Dialect& dialect) {
    if (!has_migrations_table(sql, dialect))
        return 0;
    int version = 0;
    soci::indicator indicator = soci::i_null;
    sql << "SELECT max(version) FROM schema_migrations", soci::into(version, indicator);
    return indicator == soci::i_ok ? version : 0;
}

core::Result<void> refuse_newer(int version) {
    if (version <= latest_schema_version())
        return {};
    return core::fail(core::ErrorCode::Io, "db",
                      fmt::format("the database has schema version {}, newer than this Unload "
                                  "knows (up to {}); open it with the Unload that wrote it or a "
                                  "newer one",
                                  version, latest_schema_version()));
}

/// Guards against a database whose history differs from this binary's, such as one written by a
/// development build whose migration was later renamed or replaced.
core::Result<void> check_names(const std::vector<AppliedMigration>& applied) {
    const auto migrations = embedded_migrations();
    for (const auto& row : applied) {
        const auto known =
            std::find_if(migrations.begin(), migrations.end(),
                         [&](const Migration& m) { return m.version == row.version; });
        if (known == migrations.end() || known->name != row.name)
            return core::fail(core::ErrorCode::Io, "db",
                              fmt::format("the database records migration {} as '{}', which this "
                                          "Unload does not know",
                                          row.version, row.name));
    }
    return {};
}

std::string now_text() {
    return core::iso_timestamp(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

} // namespace

std::vector<std::string> split_statements(std::string_view script) {
    std::vector<std::string> statements;
    std::string current;
    bool has_code = false;
    std::size_t i = 0;
    const auto at = [&](std::size_t index) { return index < script.size() ? script[index] : '\0'; };
    while (i < script.size()) {
        const char c = script[i];
        if (c == '-' && at(i + 1) == '-') {
            // A comment may hold a colon, which SOCI would take for a bound parameter.
            i = std::min(script.find('\n', i), script.size());
            current += ' ';
        } else if (c == '/' && at(i + 1) == '*') {
            const auto end = script.find("*/", i + 2);
            i = end == std::string_view::npos ? script.size() : end + 2;
            current += ' ';
        } else if (c == '\'' || c == '"') {
            // A doubled quote inside is the quote itself, so the scan simply continues past it.
            std::size_t end = i + 1;
            while (end < script.size() && script[end] != c)
                ++end;
            const auto stop = std::min(end + 1, script.size());
            current.append(script.substr(i, stop - i));
            i = stop;
            has_code = true;
        } else if (c == ';') {
            if (has_code)
                statements.push_back(trimmed(current));
            current.clear();
            has_code = false;
            ++i;
        } else {
            has_code = has_code || !is_space(c);
            current += c;
            ++i;
        }
    }
    if (has_code)
        statements.push_back(trimmed(current));
    return statements;
}

core::Result<std::vector<AppliedMigration>> read_applied(Connection& connection) {
    return guarded([&]() -> core::Result<std::vector<AppliedMigration>> {
        auto& sql = *connection.sql;
        std::vector<AppliedMigration> applied;
        Transaction transaction(connection, Transaction::Kind::Read);
        if (!has_migrations_table(sql, *connection.dialect))
            return applied;
        AppliedMigration row;
        soci::statement statement =
            (sql.prepare << "SELECT version, name, applied_at FROM schema_migrations "
                            "ORDER BY version",
             soci::into(row.version), soci::into(row.name), soci::into(row.applied_at));
        statement.execute();
        while (statement.fetch())
            applied.push_back(row);
        transaction.commit();
        return applied;
    });
}

core::Result<void> migrate(Connection& connection, int target) {
    auto& sql = *connection.sql;
    const auto& dialect = *connection.dialect;
    const int goal = std::min(target, latest_schema_version());
    // Most opens find nothing to do; they check without taking the write lock.
    const int found = TRY(guarded([&]() -> core::Result<int> {
        Transaction transaction(connection, Transaction::Kind::Read);
        const int version = applied_version(sql, dialect);
        transaction.commit();
        return version;
    }));
    TRY(refuse_newer(found));
    const auto applied = TRY(read_applied(connection));
    TRY(check_names(applied));
    if (found >= goal)
        return {};
    return guarded([&]() -> core::Result<void> {
        {
            Transaction transaction(connection, Transaction::Kind::Write);
            sql << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                   "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            transaction.commit();
        }
        for (const auto& migration : embedded_migrations()) {
            if (migration.version > goal)
                break;
            Transaction transaction(connection, Transaction::Kind::Write);
            // Another process may have migrated since the check above; under the write lock the
            // version read here is the truth.
            const int version = applied_version(sql, dialect);
            TRY(refuse_newer(version));
            if (version >= migration.version)
                continue;
            for (const auto& statement : split_statements(migration.sql))
                sql << statement;
            const std::string name(migration.name);
            const std::string applied_at = now_text();
            sql << "INSERT INTO schema_migrations (version, name, applied_at) "
                   "VALUES (:version, :name, :applied_at)",
                soci::use(migration.version), soci::use(name), soci::use(applied_at);
            transaction.commit();
        }
        return {};
    });
}

} // namespace unload::store
