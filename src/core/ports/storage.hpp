#pragma once

// The storage ports together: everything Unload remembers goes through them, so core, the service
// and the front ends do not know which database holds it (src/store implements them with SOCI).
//   record_store.hpp  one person's record: intakes, programs, sessions, diary, scores, reviews,
//                     stops, reminders and the answers kept for retried requests
//   directory.hpp     who is known: people, accounts, care links, invitations, sign-in sessions
//   audit_log.hpp     who looked at or changed what, chained so that an edit shows
// A Storage is used from one thread at a time (the server gives it its own database thread).

#include <memory>

#include "core/ports/audit_log.hpp"
#include "core/ports/directory.hpp"
#include "core/ports/record_store.hpp"

namespace unload::core {

class Storage {
public:
    virtual ~Storage() = default;

    /// Person `person`'s record: its reads and writes touch that person's rows only. It uses this
    /// storage's connection, so it must not outlive it. Opening it checks nothing; whether the
    /// caller may is the service's question (core/actor.hpp).
    virtual std::unique_ptr<RecordStore> record(PersonId person) = 0;
    virtual Directory& directory() = 0;
    virtual AuditLog& audit_log() = 0;
};

} // namespace unload::core
