#pragma once

// What the clinic tests share (accounts_test.cpp, care_test.cpp): a real SQLite store in a temp
// dir, the real content, a virtual clock the test moves, and small helpers to make accounts and
// callers and to read the audit trail past the service.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <sodium.h>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/storage.hpp"
#include "service/workspace.hpp"
#include "store/store.hpp"
#include "store/store_support.hpp"
#include "support/knowledge.hpp"
#include "support/results.hpp"

namespace unload::service::clinic_test {

/// A failed result's code and field.
template <class T>
void expect_error(const core::Result<T>& result, core::ErrorCode code, std::string_view field) {
    ASSERT_FALSE(result) << "expected an error naming " << field;
    EXPECT_EQ(result.error().code, code) << result.error().to_string();
    EXPECT_EQ(result.error().field, field) << result.error().to_string();
}

/// A password every rule accepts.
inline constexpr std::string_view good_password = "four words you remember";

/// The caller identify() makes of a signed-in account, without signing in (no password hash).
inline core::Actor actor_of(const core::Account& account) {
    return {.kind = core::Actor::Kind::Account,
            .name = account.username,
            .role = account.role,
            .account = account.id,
            .person = account.person};
}

class ClinicTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(unload::test::loaded_content());
        auto opened = store::open(m_dir.url());
        ASSERT_TRUE(opened) << opened.error().to_string();
        m_storage = std::move(*opened);
    }

    Resources resources() {
        return {.kb = unload::test::knowledge_base(), .storage = *m_storage, .clock = m_clock};
    }
    core::Directory& directory() { return m_storage->directory(); }
    core::AuditLog& audit_log() { return m_storage->audit_log(); }
    /// The database file, for raw SQL past the adapter.
    std::filesystem::path db_path() const { return m_dir.path() / "unload.db"; }

    /// Moves the virtual clock forward by `by`.
    void advance(std::chrono::seconds by) {
        m_elapsed += by;
        m_clock.advance_to(
            std::chrono::duration_cast<std::chrono::milliseconds>(m_elapsed).count());
    }
    core::Timestamp now() const { return m_clock.now(); }

    /// An account stored straight through the directory, with a stand-in hash: no argon2id, so
    /// tests that never sign in stay fast. It cannot sign in.
    core::Account stored_account(std::string username, core::Role role,
                                 std::optional<core::PersonId> person = std::nullopt) {
        core::Account account{.id = 0,
                              .username = std::move(username),
                              .role = role,
                              .person = person,
                              .password_hash = "not a real hash",
                              .disabled = false,
                              .created_at = now()};
        account.id = unload::test::must(directory().add_account(account));
        return account;
    }
    /// An account that signs in with `password`, stored straight through the directory with an
    /// argon2id hash at libsodium's smallest limits: checking it takes microseconds rather than
    /// the interactive limits' tenth of a second, and the first sign-in rehashes it at those.
    core::Account cheap_account(std::string username, core::Role role,
                                std::optional<core::PersonId> person = std::nullopt,
                                std::string_view password = good_password) {
        auto account = stored_account(std::move(username), role, person);
        [[maybe_unused]] static const int sodium = sodium_init();
        std::string hash(crypto_pwhash_STRBYTES, '\0');
        EXPECT_EQ(crypto_pwhash_str(hash.data(), password.data(), password.size(),
                                    crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN),
                  0);
        hash.resize(hash.find('\0'));
        EXPECT_TRUE(directory().set_password_hash(account.id, hash, false));
        account.password_hash = hash;
        return account;
    }
    /// A person account with a record of its own, stored as cheap_account() does.
    core::Account cheap_person_account(std::string username,
                                       std::string_view password = good_password) {
        const auto person = unload::test::must(directory().add_person(username, now()));
        return cheap_account(std::move(username), core::Role::Person, person, password);
    }
    /// A person account with a new, named record of its own, stored as stored_account() does.
    core::Account stored_person_account(std::string username) {
        const auto person = unload::test::must(directory().add_person(username, now()));
        return stored_account(std::move(username), core::Role::Person, person);
    }

    /// Every event, oldest first.
    std::vector<core::AuditEvent> all_events() {
        auto events = unload::test::must(audit_log().events({.limit = 100000}));
        return {events.rbegin(), events.rend()};
    }
    std::size_t event_count() { return unload::test::must(audit_log().count()); }
    /// The newest event (a test failure when there is none).
    core::AuditEvent last_event() {
        const auto events = unload::test::must(audit_log().events({.limit = 1}));
        if (events.empty()) {
            ADD_FAILURE() << "the audit trail is empty";
            return {};
        }
        return events.front();
    }

    const core::Actor m_host = core::Actor::host_operator("root");
    store::testing::TempDir m_dir;
    std::unique_ptr<core::Storage> m_storage;

private:
    std::chrono::seconds m_elapsed{0};
    core::VirtualClock m_clock{unload::test::at("2026-11-02T07:00:00Z")};
};

} // namespace unload::service::clinic_test
