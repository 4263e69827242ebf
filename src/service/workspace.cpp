#include "service/workspace.hpp"

#include <fmt/format.h>

namespace unload::service {

namespace {

/// Whose record a caller means when they name nobody.
core::Result<core::PersonId> own_person(const Resources& res, const core::Actor& actor) {
    if (actor.person)
        return *actor.person;
    if (actor.kind == core::Actor::Kind::Nobody || actor.kind == core::Actor::Kind::Account)
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
                                    std::optional<core::PersonId> person) {
    auto caller = actor;
    // Personal mode's caller is the database's one person, known only here.
    if ((caller.kind == core::Actor::Kind::Personal ||
         caller.kind == core::Actor::Kind::TokenHolder) &&
        !caller.person)
        caller.person = TRY(own_person(res, caller));
    const auto whose = person ? *person : TRY(own_person(res, caller));
    // Until care links exist no clinician has anyone in their care.
    TRY(core::check_record_access(caller, whose, false));
    if (caller.kind == core::Actor::Kind::HostOperator && person &&
        !TRY(res.storage.directory().person(whose)))
        return core::fail(core::ErrorCode::NotFound, "person",
                          fmt::format("no person {} is stored", whose));
    return Workspace{.kb = res.kb,
                     .clock = res.clock,
                     .actor = std::move(caller),
                     .person = whose,
                     .record = res.storage.record(whose)};
}

} // namespace unload::service
