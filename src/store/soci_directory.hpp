#pragma once

// core::Directory over a SOCI connection: people, accounts, sign-in sessions and failures, care
// links and invitations (migrations 7 and 8).

#include "core/ports/directory.hpp"
#include "store/connection.hpp"

namespace unload::store {

class SociDirectory final : public core::Directory {
public:
    explicit SociDirectory(Connection& connection) : m_connection(connection) {}

    core::Result<core::PersonId> add_person(std::string_view name, core::Timestamp at) override;
    core::Result<std::optional<core::PersonEntry>> person(core::PersonId id) override;
    core::Result<std::vector<core::PersonEntry>> people() override;
    core::Result<std::optional<core::PersonId>> sole_person(core::Timestamp at) override;

    core::Result<bool> has_accounts() override;
    core::Result<core::RecordId> add_account(const core::Account& account) override;
    core::Result<std::optional<core::Account>> account(core::RecordId id) override;
    core::Result<std::optional<core::Account>> account_named(std::string_view username) override;
    core::Result<std::vector<core::Account>> accounts() override;
    core::Result<void> set_disabled(core::RecordId account, bool disabled) override;
    core::Result<void> set_password_hash(core::RecordId account, std::string_view hash,
                                         bool end_sessions) override;

    core::Result<void> add_session(const core::SignInSession& session) override;
    core::Result<std::optional<core::SignInSession>>
    session(std::string_view token_digest) override;
    core::Result<void> touch_session(std::string_view token_digest, core::Timestamp at) override;
    core::Result<void> end_session(std::string_view token_digest) override;

    core::Result<void> add_failure(std::string_view subject, core::Timestamp at,
                                   core::Timestamp forget_before) override;
    core::Result<std::vector<core::Timestamp>> failures(std::string_view subject,
                                                        core::Timestamp since) override;
    core::Result<void> clear_failures(std::string_view subject) override;

    core::Result<void> add_care_link(core::RecordId clinician, core::PersonId person,
                                     core::CareOrigin origin, core::Timestamp at) override;
    core::Result<void> end_care_link(core::RecordId clinician, core::PersonId person) override;
    core::Result<bool> in_care(core::RecordId clinician, core::PersonId person) override;
    core::Result<std::vector<core::CareLink>>
    care_links_of_clinician(core::RecordId clinician) override;
    core::Result<std::vector<core::CareLink>> care_links_of_person(core::PersonId person) override;

    core::Result<core::RecordId> add_invitation(std::string_view code_digest,
                                                core::RecordId clinician, core::Timestamp at,
                                                core::Timestamp expires_at) override;
    core::Result<std::optional<core::RecordId>> use_invitation(std::string_view code_digest,
                                                               core::Timestamp at) override;
    core::Result<std::vector<core::Invitation>> pending_invitations(core::RecordId clinician,
                                                                    core::Timestamp at) override;

private:
    Connection& m_connection;
};

} // namespace unload::store
