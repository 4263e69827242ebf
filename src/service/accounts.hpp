#pragma once

// Accounts (clinic.md): the logins of a clinic. The host operator and admins manage them; the
// first account turns a personal-mode database into a clinic. Passwords are hashed with argon2id
// (libsodium's crypto_pwhash_str at its interactive limits) and never kept, shown or logged.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "core/ports/directory.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// Account names: 1 to 64 of a-z, 0-9, `.`, `_` and `-`, starting with a letter or digit;
/// capitals are read as small letters.
inline constexpr std::size_t max_username = 64;
/// Passwords: at least this many characters (not bytes), and not the account's name.
inline constexpr std::size_t min_password_characters = 10;
/// ...and at most this many bytes, which argon2id hashes in the same time as any other.
inline constexpr std::size_t max_password_bytes = 1024;

struct NewAccount {
    std::string username;
    core::Role role = core::Role::Person;
    /// The person whose record a `person` account reaches (a clinician's own, optionally). A
    /// person account named without one gets a new, empty record under its name.
    std::optional<core::PersonId> person;
    std::string password;
};

/// `username` in the form it is stored: small letters, else InvalidInput naming `field`.
core::Result<std::string> clean_username(std::string_view username, std::string field);

/// InvalidInput (field `password`) unless `password` is long enough, not too long, valid UTF-8
/// and not the account's name.
core::Result<void> check_password(std::string_view password, std::string_view username);

/// The argon2id string for `password`; Internal when the machine is out of memory for it.
core::Result<std::string> hash_password(std::string_view password);
/// Whether `password` matches `hash`. Takes as long as hash_password().
bool password_matches(std::string_view password, const std::string& hash);

core::Result<core::Account> add_account(const Resources& res, const core::Actor& actor,
                                        NewAccount account);
core::Result<std::vector<core::Account>> accounts(const Resources& res, const core::Actor& actor);
/// Disables (signing it out everywhere) or enables an account; enabling also lifts a lock that
/// failed sign-ins put on its name.
core::Result<core::Account> set_account_enabled(const Resources& res, const core::Actor& actor,
                                                std::string_view username, bool enabled);
/// A new password, which signs the account out everywhere.
core::Result<core::Account> set_password(const Resources& res, const core::Actor& actor,
                                         std::string_view username, std::string_view password);

/// Whether the server is a clinic: an account exists (clinic.md, "Two modes, one binary").
core::Result<bool> clinic_mode(const Resources& res);

/// Whether `actor` manages accounts: the host operator, an admin, or an admin token.
bool manages_accounts(const core::Actor& actor);

} // namespace unload::service
