#pragma once

// The audit trail, the third storage port (storage.hpp; clinic.md "Audit trail"): who did what to
// whose record, and when. Append-only: each event carries the digest of the one before it
// (a SHA-256 chain the store computes as it appends), so an edited, inserted or deleted row is
// found by verify(). No health data and no secrets go in: an event names its actor, the action,
// the person it touches (by id: forgetting a person removes their name from the directory, and
// leaves their events as they are) and the resource, never what the record says.

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/records.hpp"

namespace unload::core {

struct AuditEvent {
    RecordId id = 0; ///< Given by the store.
    Timestamp at{};
    /// Who: an account's name, `host:<user>` for the command line, `personal`, `token`.
    std::string actor;
    std::optional<RecordId> account;
    /// The actor's role (`person`, `clinician`, `admin`, `host`, `personal`, `token`, `nobody`).
    std::string role;
    /// `read`, `create`, `update`, `delete`, `export`, `login`, `login_failed`, `logout`,
    /// `denied`, ...
    std::string action;
    std::optional<PersonId> person; ///< Whose record it touches.
    std::string resource;           ///< What: `program`, `sessions`, `account:ana`, ...
    std::string outcome;            ///< `ok`, or the error code of a refusal.
    std::string request_id;
    std::string address; ///< The client's address; empty for the command line.
    std::string previous_digest;
    std::string digest;
};

struct AuditFilter {
    std::optional<PersonId> person;
    std::optional<RecordId> account;
    std::optional<Timestamp> since;
    /// Most recent first; at most this many.
    std::size_t limit = 1000;
};

/// Where the chain breaks: the first event whose digest or link is wrong, and why.
struct AuditBreak {
    RecordId id = 0;
    std::string reason;
};

class AuditLog {
public:
    virtual ~AuditLog() = default;

    /// Appends `event` after the last one, chained to it; returns its id.
    virtual Result<RecordId> append(const AuditEvent& event) = 0;
    virtual Result<std::vector<AuditEvent>> events(const AuditFilter& filter) = 0;
    /// Walks the whole chain: nullopt when it holds, else the first break.
    virtual Result<std::optional<AuditBreak>> verify() = 0;
    virtual Result<std::size_t> count() = 0;
};

} // namespace unload::core
