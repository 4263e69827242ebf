#pragma once

// core::AuditLog over a SOCI connection (migration 8): append-only rows, each chained to the one
// before it by a SHA-256 digest computed here, as the row is written under the write lock.

#include <string>

#include "core/ports/audit_log.hpp"
#include "store/connection.hpp"

namespace unload::store {

class SociAuditLog final : public core::AuditLog {
public:
    explicit SociAuditLog(Connection& connection) : m_connection(connection) {}

    core::Result<core::RecordId> append(const core::AuditEvent& event) override;
    core::Result<std::vector<core::AuditEvent>> events(const core::AuditFilter& filter) override;
    core::Result<std::optional<core::AuditBreak>> verify() override;
    core::Result<std::size_t> count() override;

private:
    Connection& m_connection;
};

/// The digest of the first event's predecessor.
inline const std::string no_previous_digest(64, '0');

/// SHA-256, in lower-case hex, of `event`'s id and fields and `previous` (its predecessor's
/// digest), each written with its length so that no two events share a text.
std::string audit_digest(const core::AuditEvent& event, std::string_view previous);

} // namespace unload::store
