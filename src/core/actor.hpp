#pragma once

// Who asks (clinic.md): the one caller that every request and command carries into the service,
// and the rule of whose record it may reach. The service checks the rule once, when a journey
// opens a record (service/workspace.hpp), for the command line and the API alike.

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/records.hpp"

namespace unload::core {

/// An account's role (clinic.md): a person reaches their own record, a clinician the records of
/// the people in their care, an admin accounts and the audit trail but no record.
enum class Role { Person, Clinician, Admin };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

struct Actor {
    enum class Kind {
        Nobody,       ///< No credentials where the server needs them.
        Personal,     ///< Personal mode: the database's one person, through the web app.
        TokenHolder,  ///< A script with the server's access token (personal mode).
        HostOperator, ///< The command line on the host, which can read the database file anyway.
        Account,      ///< A signed-in account (clinic mode).
    };
    Kind kind = Kind::Nobody;
    /// How the audit trail names the caller: `host:<user>`, an account's name, `personal`.
    std::string name;
    std::optional<Role> role;        ///< For an account.
    std::optional<RecordId> account; ///< For an account.
    std::optional<PersonId> person;  ///< The person whose own record this is, when known.
    /// Where the request came from, for the audit trail: the client's address (empty for the
    /// command line) and the request's id.
    std::string address;
    std::string request_id;

    static Actor nobody() { return {.kind = Kind::Nobody, .name = "nobody"}; }
    /// The front ends make these without knowing the person; the service fills it in with the
    /// database's one person when it opens the record (service/workspace.hpp).
    static Actor personal() { return {.kind = Kind::Personal, .name = "personal"}; }
    static Actor token_holder() { return {.kind = Kind::TokenHolder, .name = "token"}; }
    static Actor host_operator(std::string user) {
        return {.kind = Kind::HostOperator, .name = "host:" + std::move(user)};
    }

    /// How the audit trail names the caller's role: the account's role, or `host`, `personal`,
    /// `token`, `nobody`.
    std::string_view role_name() const;
};

/// Whether `actor` may use person `person`'s record; `in_care` says whether a care link joins the
/// actor (a clinician) to that person. Unauthenticated for nobody; Forbidden for a role that may
/// never use a record (an admin); NotFound (field `person`) for a record outside one's care, so
/// that whether the person exists is not disclosed.
Result<void> check_record_access(const Actor& actor, PersonId person, bool in_care);

} // namespace unload::core
