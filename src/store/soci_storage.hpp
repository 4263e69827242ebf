#pragma once

// core::Storage over one SOCI connection: the directory, the audit log, and a record store per
// person on the same connection.

#include "core/ports/storage.hpp"
#include "store/connection.hpp"
#include "store/soci_audit_log.hpp"
#include "store/soci_directory.hpp"

namespace unload::store {

/// Owns the connection. Not thread-safe: give each thread its own (SQLite and PostgreSQL both
/// serialise writers across connections).
class SociStorage final : public core::Storage {
public:
    explicit SociStorage(Connection connection);

    std::unique_ptr<core::RecordStore> record(core::PersonId person) override;
    core::Directory& directory() override { return m_directory; }
    core::AuditLog& audit_log() override { return m_audit_log; }

private:
    Connection m_connection;
    SociDirectory m_directory;
    SociAuditLog m_audit_log;
};

} // namespace unload::store
