#pragma once

// The directory, the second storage port (storage.hpp): who is known to the server and how they
// may come in (clinic.md). The people with a record, the accounts that sign in, the care links
// between clinicians and people, the invitation codes that make links, the sign-in sessions and
// the failed sign-ins that throttle guessing. It holds no health data: a person here is a name
// and an id, and their record is behind RecordStore. Secrets are never stored, only their hashes
// (a password's argon2id string, a session token's or invitation code's digest). Every method is
// one transaction.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "core/records.hpp"

namespace unload::core {

/// Someone with a record, as the directory knows them.
struct PersonEntry {
    PersonId id = 0;
    /// How the clinic knows them. Empty for the person of a personal-mode database, and after
    /// their record was forgotten.
    std::string name;
    Timestamp created_at{};
};

/// A login (clinic.md). Never deleted while the audit trail names it; disabled instead.
struct Account {
    RecordId id = 0;
    std::string username;
    Role role = Role::Person;
    /// The person whose own record this account reaches (role person; a clinician may have one).
    std::optional<PersonId> person;
    /// libsodium's argon2id string: the algorithm, its limits, the salt and the hash.
    std::string password_hash;
    bool disabled = false;
    Timestamp created_at{};
};

/// A signed-in browser: the digest of its cookie's token, never the token.
struct SignInSession {
    std::string token_digest;
    RecordId account = 0;
    Timestamp created_at{};
    Timestamp last_seen_at{};
};

/// How a care link was made.
enum class CareOrigin { Registered, Invitation };

/// A clinician looks after a person.
struct CareLink {
    RecordId clinician = 0; ///< The clinician's account.
    std::string clinician_name;
    PersonId person = 0;
    std::string person_name;
    CareOrigin origin = CareOrigin::Registered;
    Timestamp since{};
};

/// A one-time code a clinician hands to a person, who enters it to join their care.
struct Invitation {
    RecordId id = 0;
    RecordId clinician = 0;
    Timestamp created_at{};
    Timestamp expires_at{};
    std::optional<Timestamp> used_at;
};

class Directory {
public:
    virtual ~Directory() = default;

    // ---- People ----

    /// Adds a person with an empty record; returns their id.
    virtual Result<PersonId> add_person(std::string_view name, Timestamp at) = 0;
    virtual Result<std::optional<PersonEntry>> person(PersonId id) = 0;
    /// Everyone, by id.
    virtual Result<std::vector<PersonEntry>> people() = 0;
    /// The one person of a personal-mode database: added, with no name, when the database has
    /// nobody yet; nullopt when it holds several people, so that no one is picked by guessing.
    virtual Result<std::optional<PersonId>> sole_person(Timestamp at) = 0;

    // ---- Accounts ----

    /// Whether any account exists: the server is then in clinic mode.
    virtual Result<bool> has_accounts() = 0;
    /// Adds an account (its id is ignored); Conflict (field `username`) when the name is taken.
    virtual Result<RecordId> add_account(const Account& account) = 0;
    virtual Result<std::optional<Account>> account(RecordId id) = 0;
    virtual Result<std::optional<Account>> account_named(std::string_view username) = 0;
    /// Every account, by name.
    virtual Result<std::vector<Account>> accounts() = 0;
    /// Disables or enables an account; disabling ends its sign-in sessions.
    virtual Result<void> set_disabled(RecordId account, bool disabled) = 0;
    /// A new password hash. `end_sessions` signs the account out everywhere (a new password);
    /// false keeps them (a rehash at sign-in under stronger limits).
    virtual Result<void> set_password_hash(RecordId account, std::string_view hash,
                                           bool end_sessions) = 0;

    // ---- Sign-in sessions ----

    virtual Result<void> add_session(const SignInSession& session) = 0;
    virtual Result<std::optional<SignInSession>> session(std::string_view token_digest) = 0;
    virtual Result<void> touch_session(std::string_view token_digest, Timestamp at) = 0;
    virtual Result<void> end_session(std::string_view token_digest) = 0;

    // ---- Failed sign-ins (throttling) ----

    /// `subject` is a digest naming what failed (an account name, a client address); storing it
    /// keeps failures shared by every server on the database. Failures before `forget_before`
    /// are removed at the same time.
    virtual Result<void> add_failure(std::string_view subject, Timestamp at,
                                     Timestamp forget_before) = 0;
    /// The times of `subject`'s failures since `since`, oldest first.
    virtual Result<std::vector<Timestamp>> failures(std::string_view subject, Timestamp since) = 0;
    virtual Result<void> clear_failures(std::string_view subject) = 0;

    // ---- Care links and invitations ----

    /// Links clinician and person; an existing link is kept as it is.
    virtual Result<void> add_care_link(RecordId clinician, PersonId person, CareOrigin origin,
                                       Timestamp at) = 0;
    /// Ends a link; NotFound (field `person`) when there is none.
    virtual Result<void> end_care_link(RecordId clinician, PersonId person) = 0;
    virtual Result<bool> in_care(RecordId clinician, PersonId person) = 0;
    /// The people in a clinician's care, or the clinicians looking after a person, by name.
    virtual Result<std::vector<CareLink>> care_links_of_clinician(RecordId clinician) = 0;
    virtual Result<std::vector<CareLink>> care_links_of_person(PersonId person) = 0;

    virtual Result<RecordId> add_invitation(std::string_view code_digest, RecordId clinician,
                                            Timestamp at, Timestamp expires_at) = 0;
    /// Uses the invitation with this digest at `at`, once: its clinician, or nullopt when there is
    /// no such code, it was used, or it expired.
    virtual Result<std::optional<RecordId>> use_invitation(std::string_view code_digest,
                                                           Timestamp at) = 0;
    /// A clinician's invitations not yet used nor expired at `at`.
    virtual Result<std::vector<Invitation>> pending_invitations(RecordId clinician,
                                                                Timestamp at) = 0;
};

} // namespace unload::core
