#pragma once

// Signing in and knowing who asks (clinic.md "Sign-in"). A front end passes what a request
// carries (Credentials) and gets the caller (core::Actor) back; sign_in() checks a name and a
// password and opens a session whose token only the browser holds (the database keeps its
// digest). Failed sign-ins slow down per account name and per client address and lock softly
// after many; the answer never tells whether an account exists, and takes as long either way.

#include <chrono>
#include <string>
#include <string_view>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "core/ports/directory.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// What a request carries that says who sends it.
struct Credentials {
    enum class Channel {
        None,     ///< Nothing but perhaps a session token.
        Loopback, ///< The personal-mode server on loopback, which needs no token.
        Token,    ///< The server's access token, checked by the front end.
    };
    Channel channel = Channel::None;
    std::string session_token; ///< The session cookie's value; empty when none came.
    std::string address;       ///< The client's address.
    std::string request_id;
};

/// How long a session lasts: idle (since its last request) and absolute (since sign-in).
struct SessionLifetime {
    std::chrono::seconds idle;
    std::chrono::seconds absolute;
};
/// A person's phone must not sign them out mid-week; a clinician's screen in a shared room must.
SessionLifetime session_lifetime(core::Role role);

/// Failed sign-ins counted within this window lock a name or an address at `lock_after`.
inline constexpr std::chrono::minutes failure_window{15};
inline constexpr int lock_after = 10;

/// Who sends a request with `credentials`. Clinic mode (an account exists): a live session's
/// account, an admin for the access token, else nobody. Personal mode: the person on loopback or
/// with the token, else nobody. A session past its expiry is ended here.
core::Result<core::Actor> identify(const Resources& res, const Credentials& credentials);

struct SignedIn {
    core::Account account;
    std::string token; ///< For the session cookie; shown once, never stored.
    SessionLifetime lifetime;
};

/// Checks `username` and `password` and opens a session. Unauthenticated (field `username`,
/// the same words) for an unknown name, a wrong password or a disabled account; Throttled while
/// the name or the address must wait.
core::Result<SignedIn> sign_in(const Resources& res, const Credentials& credentials,
                               std::string_view username, std::string_view password);
/// Ends the session `credentials` carries, if any.
core::Result<void> sign_out(const Resources& res, const Credentials& credentials);

/// The account behind a signed-in actor; Unauthenticated for anyone else.
core::Result<core::Account> signed_in_account(const Resources& res, const core::Actor& actor);

/// Forgets the failed sign-ins against an account name (an admin enabling the account).
core::Result<void> lift_sign_in_lock(const Resources& res, std::string_view username);

/// A secret's digest as stored: BLAKE2b-256 in hex.
std::string secret_digest(std::string_view secret);
/// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes);

} // namespace unload::service
