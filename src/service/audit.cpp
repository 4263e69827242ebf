#include "service/audit.hpp"

#include "core/error.hpp"
#include "service/accounts.hpp"

namespace unload::service {

core::Result<void> audit(const Resources& res, const core::Actor& actor, std::string_view action,
                         std::optional<core::PersonId> person, std::string_view resource,
                         std::string_view outcome) {
    core::AuditEvent event{.at = res.clock.now(),
                           .actor = actor.name,
                           .account = actor.account,
                           .role = std::string(actor.role_name()),
                           .action = std::string(action),
                           .person = person,
                           .resource = std::string(resource),
                           .outcome = std::string(outcome),
                           .request_id = actor.request_id,
                           .address = actor.address};
    TRY(res.storage.audit_log().append(event));
    return {};
}

core::Result<void> audit_refusal(const Resources& res, const core::Actor& actor,
                                 std::optional<core::PersonId> person, std::string_view resource,
                                 const core::Error& refusal) {
    return audit(res, actor, "denied", person, resource, core::code_name(refusal.code));
}

core::Result<void> refuse(const Resources& res, const core::Actor& actor, std::string_view resource,
                          std::string message) {
    const bool nobody = actor.kind == core::Actor::Kind::Nobody;
    const core::Error refusal{.code = nobody ? core::ErrorCode::Unauthenticated
                                             : core::ErrorCode::Forbidden,
                              .field = nobody ? "Authorization" : "role",
                              .message = nobody ? "sign in first" : std::move(message)};
    if (!nobody)
        TRY(audit_refusal(res, actor, std::nullopt, resource, refusal));
    return std::unexpected(refusal);
}

core::Result<std::vector<core::AuditEvent>>
audit_events(const Resources& res, const core::Actor& actor, core::AuditFilter filter) {
    // Whoever manages the accounts reads the whole trail.
    if (!manages_accounts(actor)) {
        const bool own_record = actor.kind == core::Actor::Kind::Account && actor.person;
        if (!own_record) {
            TRY(refuse(res, actor, "audit",
                       "the audit trail is for admins, and for a person their own record's"));
        }
        filter.person = actor.person;
        filter.account.reset();
    }
    auto events = TRY(res.storage.audit_log().events(filter));
    TRY(audit(res, actor, "read", filter.person, "audit"));
    return events;
}

core::Result<std::optional<core::AuditBreak>> verify_audit(const Resources& res,
                                                           const core::Actor& actor) {
    if (!manages_accounts(actor))
        return core::fail(core::ErrorCode::Forbidden, "role",
                          "only an admin or the host operator verifies the audit trail");
    return res.storage.audit_log().verify();
}

} // namespace unload::service
