#include "service/workspace.hpp"

#include <fmt/format.h>

#include "service/audit.hpp"

namespace unload::service {

namespace {

/// Whose record a caller means when they name nobody.
core::Result<core::PersonId> own_person(const Resources& res, const core::Actor& actor) {
    if (actor.person)
        return *actor.person;
    // A clinic's admin token (a role, no person) has no record of its own either: looking for
    // the sole person would add one to a clinic that has nobody yet.
    if (actor.kind == core::Actor::Kind::Nobody || actor.kind == core::Actor::Kind::Account ||
        actor.role)
        // Refused below, as check_record_access() refuses them for any person.
        return core::PersonId{0};
    const auto sole = TRY(res.storage.directory().sole_person(res.clock.now()));
    if (!sole)
        return core::fail(core::ErrorCode::Conflict, "person",
                          "this database holds several people; say whose record");
    return *sole;
}

} // namespace

core::Result<Workspace> open_record(const Resources& res, const core::Actor& actor,
                                    std::optional<core::PersonId> person, Access access) {
    auto caller = actor;
    // Personal mode's caller is the database's one person, known only here.
    if ((caller.kind == core::Actor::Kind::Personal ||
         caller.kind == core::Actor::Kind::TokenHolder) &&
        !caller.person && !caller.role)
        caller.person = TRY(own_person(res, caller));
    const auto whose = person ? *person : TRY(own_person(res, caller));
    auto& directory = res.storage.directory();
    const bool clinician = caller.kind == core::Actor::Kind::Account &&
                           caller.role == core::Role::Clinician && caller.account;
    const bool in_care = clinician && TRY(directory.in_care(*caller.account, whose));
    if (auto allowed = core::check_record_access(caller, whose, in_care); !allowed) {
        if (caller.kind != core::Actor::Kind::Nobody)
            TRY(audit_refusal(res, caller, whose, "record", allowed.error()));
        return std::unexpected(allowed.error());
    }
    const bool someone_else = caller.person != whose;
    if (caller.kind == core::Actor::Kind::HostOperator && person && !TRY(directory.person(whose)))
        return core::fail(core::ErrorCode::NotFound, "person",
                          fmt::format("no person {} is stored", whose));
    // In personal mode the host operator is the person; in a clinic, their look is written down.
    if (someone_else &&
        (caller.kind == core::Actor::Kind::Account || TRY(directory.has_accounts())))
        TRY(audit(res, caller, access == Access::Read ? "read" : "update", whose, "record"));
    return Workspace{.kb = res.kb,
                     .clock = res.clock,
                     .actor = std::move(caller),
                     .person = whose,
                     .record = res.storage.record(whose)};
}

} // namespace unload::service
