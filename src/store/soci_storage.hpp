#pragma once

// core::Storage over one SOCI connection: the directory, and a record store per person on the
// same connection.

#include "core/ports/storage.hpp"
#include "store/connection.hpp"

namespace unload::store {

/// The people of the database.
class SociDirectory final : public core::Directory {
public:
    explicit SociDirectory(Connection& connection) : m_connection(connection) {}

    core::Result<core::PersonId> add_person(std::string_view name, core::Timestamp at) override;
    core::Result<std::optional<core::PersonEntry>> person(core::PersonId id) override;
    core::Result<std::vector<core::PersonEntry>> people() override;
    core::Result<std::optional<core::PersonId>> sole_person(core::Timestamp at) override;

private:
    Connection& m_connection;
};

/// Owns the connection. Not thread-safe: give each thread its own (SQLite and PostgreSQL both
/// serialise writers across connections).
class SociStorage final : public core::Storage {
public:
    explicit SociStorage(Connection connection);

    std::unique_ptr<core::RecordStore> record(core::PersonId person) override;
    core::Directory& directory() override { return m_directory; }

private:
    Connection m_connection;
    SociDirectory m_directory;
};

} // namespace unload::store
