#include "core/actor.hpp"

#include "core/enum_names.hpp"

namespace unload::core {

namespace {

constexpr EnumNames<Role, 3> role_names{
    {{Role::Person, "person"}, {Role::Clinician, "clinician"}, {Role::Admin, "admin"}}};

} // namespace

std::string_view to_string(Role role) {
    return name_of(role_names, role);
}

std::optional<Role> parse_role(std::string_view text) {
    return enum_from_name(role_names, text);
}

std::string_view Actor::role_name() const {
    switch (kind) {
    case Kind::Nobody:
        return "nobody";
    case Kind::Personal:
        return "personal";
    case Kind::TokenHolder:
        return "token";
    case Kind::HostOperator:
        return "host";
    case Kind::Account:
        return role ? to_string(*role) : "nobody";
    }
    return "nobody";
}

Result<void> check_record_access(const Actor& actor, PersonId person, bool in_care) {
    const auto outside_care = [] {
        return fail(ErrorCode::NotFound, "person", "no such person in your care");
    };
    switch (actor.kind) {
    case Actor::Kind::Nobody:
        return fail(ErrorCode::Unauthenticated, "Authorization", "sign in first");
    case Actor::Kind::Personal:
    case Actor::Kind::TokenHolder:
        // In a clinic the access token is an admin's, which opens no record.
        if (actor.role == Role::Admin)
            return fail(ErrorCode::Forbidden, "role",
                        "the access token manages accounts and the audit trail, not records");
        // Personal mode: the one record of the database is the caller's own.
        if (!actor.person || *actor.person != person)
            return outside_care();
        return {};
    case Actor::Kind::HostOperator:
        // Whoever runs the command line on the host can read the database file itself; the
        // audit trail names them instead.
        return {};
    case Actor::Kind::Account:
        break;
    }
    if (!actor.role)
        return fail(ErrorCode::Forbidden, "role", "this account has no role");
    switch (*actor.role) {
    case Role::Person:
        if (actor.person != person)
            return outside_care();
        return {};
    case Role::Clinician:
        if (actor.person == person || in_care)
            return {};
        return outside_care();
    case Role::Admin:
        if (actor.person == person)
            return {};
        return fail(ErrorCode::Forbidden, "role",
                    "an admin manages accounts and the audit trail, not records");
    }
    return fail(ErrorCode::Forbidden, "role", "unknown role");
}

} // namespace unload::core
