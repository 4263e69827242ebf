#include "service/audit.hpp"

#include "core/error.hpp"

namespace unload::service {

namespace {

bool sees_everything(const core::Actor& actor) {
    return actor.kind == core::Actor::Kind::HostOperator ||
           (actor.kind == core::Actor::Kind::Account && actor.role == core::Role::Admin) ||
           (actor.kind == core::Actor::Kind::TokenHolder && actor.role == core::Role::Admin);
}

} // namespace

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

core::Result<std::vector<core::AuditEvent>>
audit_events(const Resources& res, const core::Actor& actor, core::AuditFilter filter) {
    if (!sees_everything(actor)) {
        const bool own_record = actor.kind == core::Actor::Kind::Account && actor.person;
        if (!own_record) {
            const auto refusal =
                actor.kind == core::Actor::Kind::Nobody
                    ? core::Error{.code = core::ErrorCode::Unauthenticated,
                                  .field = "Authorization",
                                  .message = "sign in first"}
                    : core::Error{.code = core::ErrorCode::Forbidden,
                                  .field = "role",
                                  .message = "the audit trail is for admins, and for a person "
                                             "their own record's"};
            if (actor.kind != core::Actor::Kind::Nobody)
                TRY(audit_refusal(res, actor, std::nullopt, "audit", refusal));
            return std::unexpected(refusal);
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
    if (!sees_everything(actor))
        return core::fail(core::ErrorCode::Forbidden, "role",
                          "only an admin or the host operator verifies the audit trail");
    return res.storage.audit_log().verify();
}

} // namespace unload::service
