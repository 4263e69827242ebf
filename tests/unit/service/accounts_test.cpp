// Accounts and sign-in (service/accounts.hpp, service/sign_in.hpp; clinic.md "People, accounts,
// roles") over a real SQLite store in a temp dir and a virtual clock: account names and password
// rules, who may manage accounts, signing in and the session it opens, the same answer for every
// failed sign-in, throttling and the soft lock, session lifetimes, and who identify() says asks in
// personal and clinic mode. Every argon2id hash costs about 0.1 s, so each test makes few.

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <sodium.h>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "service/accounts.hpp"
#include "service/clinic_support.hpp"
#include "service/sign_in.hpp"
#include "store/store_support.hpp"
#include "support/results.hpp"

namespace unload::service {
namespace {

using namespace std::chrono_literals;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

using clinic_test::actor_of;
using clinic_test::expect_error;
using clinic_test::good_password;
using test::must;

std::string repeated(std::string_view piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i)
        out += piece;
    return out;
}

/// A sign-in refused for its name and password, not throttled.
template <class T>
void expect_refused(const core::Result<T>& result) {
    expect_error(result, core::ErrorCode::Unauthenticated, "username");
}

// ---- Account names and passwords (no database) ----------------------------------------------

TEST(AccountsNames, CapitalsAreReadAsSmallLetters) {
    EXPECT_EQ(must(clean_username("Ana.Silva", "username")), "ana.silva");
    EXPECT_EQ(must(clean_username("BEA_2-x", "username")), "bea_2-x");
    EXPECT_EQ(must(clean_username("7up", "username")), "7up");
}

TEST(AccountsNames, RefusesCharactersOutsideTheSet) {
    for (const std::string_view name :
         {"ana silva", "ana@clinic", "ana/x", "ana+1", "an\xC3\xA3", "ana\n", "ana:x"}) {
        SCOPED_TRACE(std::string(name));
        expect_error(clean_username(name, "username"), core::ErrorCode::InvalidInput, "username");
    }
}

TEST(AccountsNames, ErrorsNameTheFieldTheCallerGives) {
    expect_error(clean_username("ana silva", "NAME"), core::ErrorCode::InvalidInput, "NAME");
    expect_error(clean_username("", "NAME"), core::ErrorCode::InvalidInput, "NAME");
}

TEST(AccountsNames, MustStartWithALetterOrDigit) {
    for (const std::string_view name : {".ana", "_ana", "-ana", "."}) {
        SCOPED_TRACE(std::string(name));
        expect_error(clean_username(name, "username"), core::ErrorCode::InvalidInput, "username");
    }
    EXPECT_EQ(must(clean_username("ana.", "username")), "ana.");
}

TEST(AccountsNames, SixtyFourCharactersAtMost) {
    const std::string longest(max_username, 'a');
    EXPECT_EQ(must(clean_username(longest, "username")), longest);
    expect_error(clean_username(longest + "a", "username"), core::ErrorCode::InvalidInput,
                 "username");
    expect_error(clean_username("", "username"), core::ErrorCode::InvalidInput, "username");
}

TEST(AccountsPasswords, TenCharactersCountedAsCharactersNotBytes) {
    const std::string_view e_acute = "\xC3\xA9"; // é, two bytes
    // Nine characters are too few even when they take eighteen bytes.
    expect_error(check_password(repeated(e_acute, 9), "ana"), core::ErrorCode::InvalidInput,
                 "password");
    EXPECT_TRUE(check_password(repeated(e_acute, 10), "ana"));
    expect_error(check_password("123456789", "ana"), core::ErrorCode::InvalidInput, "password");
    EXPECT_TRUE(check_password("1234567890", "ana"));
    const std::string_view euro = "\xE2\x82\xAC"; // €, three bytes
    expect_error(check_password(repeated(euro, 9), "ana"), core::ErrorCode::InvalidInput,
                 "password");
    EXPECT_TRUE(check_password(repeated(euro, 10), "ana"));
}

TEST(AccountsPasswords, NotTheAccountsNameInAnyCase) {
    expect_error(check_password("ana.silva.x", "ana.silva.x"), core::ErrorCode::InvalidInput,
                 "password");
    expect_error(check_password("Ana.Silva.X", "ana.silva.x"), core::ErrorCode::InvalidInput,
                 "password");
    expect_error(check_password("ANA.SILVA.X", "ana.silva.x"), core::ErrorCode::InvalidInput,
                 "password");
    EXPECT_TRUE(check_password("ana.silva.x1", "ana.silva.x"));
}

TEST(AccountsPasswords, AtMost1024Bytes) {
    EXPECT_TRUE(check_password(std::string(max_password_bytes, 'a'), "ana"));
    expect_error(check_password(std::string(max_password_bytes + 1, 'a'), "ana"),
                 core::ErrorCode::InvalidInput, "password");
    // Bytes, not characters: 400 characters of three bytes each are too long.
    expect_error(check_password(repeated("\xE2\x82\xAC", 400), "ana"),
                 core::ErrorCode::InvalidInput, "password");
}

TEST(AccountsPasswords, MustBeValidUtf8) {
    expect_error(check_password("abcdefghij\xFF", "ana"), core::ErrorCode::InvalidInput,
                 "password");
}

TEST(AccountsLifetimes, PersonsLastDaysAndEveryoneElseMinutes) {
    EXPECT_EQ(session_lifetime(core::Role::Person).idle, days(30));
    EXPECT_EQ(session_lifetime(core::Role::Person).absolute, days(90));
    for (const auto role : {core::Role::Clinician, core::Role::Admin}) {
        SCOPED_TRACE(std::string(core::to_string(role)));
        EXPECT_EQ(session_lifetime(role).idle, minutes(30));
        EXPECT_EQ(session_lifetime(role).absolute, hours(12));
    }
}

// ---- The fixture: a real store and a virtual clock ------------------------------------------

class Accounts : public clinic_test::ClinicTest {
protected:
    /// An account added by the host operator, with good_password.
    core::Account add(std::string username, core::Role role,
                      std::optional<core::PersonId> person = std::nullopt) {
        return must(add_account(resources(), m_host,
                                {.username = std::move(username),
                                 .role = role,
                                 .person = person,
                                 .password = std::string(good_password)}));
    }

    static Credentials from(std::string address) {
        return {.channel = Credentials::Channel::None,
                .session_token = {},
                .address = std::move(address),
                .request_id = "request-1"};
    }
    core::Result<SignedIn> try_sign_in(std::string_view username, std::string_view password,
                                       std::string address = "192.0.2.1") {
        return sign_in(resources(), from(std::move(address)), username, password);
    }
    /// Who a request carrying only `token` is.
    core::Actor who(const std::string& token) {
        return must(identify(resources(), {.channel = Credentials::Channel::None,
                                           .session_token = token,
                                           .address = "192.0.2.1",
                                           .request_id = {}}));
    }
    bool signed_in(const std::string& token) {
        return who(token).kind == core::Actor::Kind::Account;
    }
    std::size_t stored_sessions() {
        return static_cast<std::size_t>(
            store::testing::RawDb(db_path()).integer("SELECT count(*) FROM sign_in_sessions"));
    }
    std::size_t events_with_action(std::string_view action) {
        std::size_t found = 0;
        for (const auto& event : all_events())
            found += event.action == action ? 1 : 0;
        return found;
    }
};

// ---- Adding accounts ------------------------------------------------------------------------

TEST_F(Accounts, APersonAccountWithoutAPersonGetsANewRecordNamedAfterIt) {
    EXPECT_FALSE(must(clinic_mode(resources())));
    const auto people_before = must(directory().people()).size();
    const auto ana = add("Ana.Silva", core::Role::Person);
    EXPECT_EQ(ana.username, "ana.silva");
    EXPECT_GT(ana.id, 0);
    EXPECT_FALSE(ana.disabled);
    ASSERT_TRUE(ana.person);
    EXPECT_EQ(must(directory().people()).size(), people_before + 1);
    const auto person = must(directory().person(*ana.person));
    ASSERT_TRUE(person);
    EXPECT_EQ(person->name, "ana.silva");
    EXPECT_TRUE(must(clinic_mode(resources())));

    // What is stored: the cleaned name, the person, and a hash rather than the password.
    const auto stored = must(directory().account_named("ana.silva"));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->id, ana.id);
    EXPECT_EQ(stored->person, ana.person);
    EXPECT_EQ(stored->role, core::Role::Person);
    EXPECT_TRUE(stored->password_hash.starts_with("$argon2id$")) << stored->password_hash;
    EXPECT_EQ(stored->password_hash.find(good_password), std::string::npos);
    EXPECT_TRUE(password_matches(good_password, stored->password_hash));

    const auto event = last_event();
    EXPECT_EQ(event.action, "create");
    EXPECT_EQ(event.actor, "host:root");
    EXPECT_EQ(event.role, "host");
    EXPECT_EQ(event.resource, "account:ana.silva");
    EXPECT_EQ(event.person, ana.person);
    EXPECT_EQ(event.outcome, "ok");
}

TEST_F(Accounts, AClinicianWithoutAPersonHasNoRecord) {
    const auto people_before = must(directory().people()).size();
    const auto bea = add("bea", core::Role::Clinician);
    EXPECT_EQ(bea.role, core::Role::Clinician);
    EXPECT_FALSE(bea.person);
    EXPECT_EQ(must(directory().people()).size(), people_before);
}

TEST_F(Accounts, AnAccountForAnExistingPersonReachesThatPerson) {
    const auto person = must(directory().add_person("Ana Silva", now()));
    const auto ana = add("ana", core::Role::Person, person);
    EXPECT_EQ(ana.person, person);
    // A second account for the same person is refused, and nothing is stored for it.
    const auto second = add_account(resources(), m_host,
                                    {.username = "ana2",
                                     .role = core::Role::Clinician,
                                     .person = person,
                                     .password = std::string(good_password)});
    expect_error(second, core::ErrorCode::Conflict, "person");
    EXPECT_FALSE(must(directory().account_named("ana2")));
}

TEST_F(Accounts, AnUnknownPersonIsNotFound) {
    const auto added = add_account(resources(), m_host,
                                   {.username = "ana",
                                    .role = core::Role::Person,
                                    .person = core::PersonId{99},
                                    .password = std::string(good_password)});
    expect_error(added, core::ErrorCode::NotFound, "person");
    EXPECT_FALSE(must(clinic_mode(resources())));
}

TEST_F(Accounts, ATakenNameIsAConflictWhateverItsCapitals) {
    stored_person_account("ana");
    const auto people_before = must(directory().people()).size();
    for (const std::string_view name : {"ana", "ANA", "Ana"}) {
        SCOPED_TRACE(std::string(name));
        const auto again = add_account(resources(), m_host,
                                       {.username = std::string(name),
                                        .role = core::Role::Person,
                                        .person = std::nullopt,
                                        .password = std::string(good_password)});
        expect_error(again, core::ErrorCode::Conflict, "username");
    }
    // No orphan record was made for the refused accounts.
    EXPECT_EQ(must(directory().people()).size(), people_before);
    EXPECT_EQ(must(accounts(resources(), m_host)).size(), 1U);
}

TEST_F(Accounts, BadNamesAndPasswordsStoreNothing) {
    const auto people_before = must(directory().people()).size();
    expect_error(add_account(resources(), m_host,
                             {.username = ".ana",
                              .role = core::Role::Person,
                              .person = std::nullopt,
                              .password = std::string(good_password)}),
                 core::ErrorCode::InvalidInput, "username");
    expect_error(add_account(resources(), m_host,
                             {.username = "ana",
                              .role = core::Role::Person,
                              .person = std::nullopt,
                              .password = "too short"}),
                 core::ErrorCode::InvalidInput, "password");
    expect_error(add_account(resources(), m_host,
                             {.username = "Ana.Silva.X",
                              .role = core::Role::Person,
                              .person = std::nullopt,
                              .password = "ana.silva.x"}),
                 core::ErrorCode::InvalidInput, "password");
    EXPECT_FALSE(must(clinic_mode(resources())));
    EXPECT_EQ(must(directory().people()).size(), people_before);
}

// ---- Who manages accounts -------------------------------------------------------------------

TEST_F(Accounts, TheHostOperatorAnAdminAndTheAdminTokenManageAccounts) {
    const auto boss = stored_account("boss", core::Role::Admin);
    const auto admin = actor_of(boss);
    EXPECT_TRUE(manages_accounts(m_host));
    EXPECT_TRUE(manages_accounts(admin));

    const auto added = add_account(resources(), admin,
                                   {.username = "bea",
                                    .role = core::Role::Clinician,
                                    .person = std::nullopt,
                                    .password = std::string(good_password)});
    ASSERT_TRUE(added) << added.error().to_string();
    EXPECT_EQ(last_event().actor, "boss");
    EXPECT_EQ(last_event().account, boss.id);
    EXPECT_EQ(last_event().role, "admin");

    const auto listed = must(accounts(resources(), admin));
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].username, "bea"); // by name
    EXPECT_EQ(listed[1].username, "boss");
    EXPECT_EQ(last_event().action, "read");
    EXPECT_EQ(last_event().resource, "accounts");

    const auto disabled = must(set_account_enabled(resources(), admin, "bea", false));
    EXPECT_TRUE(disabled.disabled);
    EXPECT_EQ(last_event().action, "disable");

    // In a clinic the access token is an admin's.
    auto token = core::Actor::token_holder();
    token.role = core::Role::Admin;
    EXPECT_TRUE(manages_accounts(token));
    EXPECT_EQ(must(accounts(resources(), token)).size(), 2U);
    EXPECT_FALSE(manages_accounts(core::Actor::token_holder()));
}

TEST_F(Accounts, CliniciansAndPersonsAreForbiddenAndTheRefusalIsAudited) {
    const auto bea = stored_account("bea", core::Role::Clinician);
    const auto ana = stored_person_account("ana");
    for (const auto& account : {bea, ana}) {
        SCOPED_TRACE(account.username);
        const auto caller = actor_of(account);
        EXPECT_FALSE(manages_accounts(caller));
        const auto before = event_count();
        expect_error(add_account(resources(), caller,
                                 {.username = "eve",
                                  .role = core::Role::Admin,
                                  .person = std::nullopt,
                                  .password = std::string(good_password)}),
                     core::ErrorCode::Forbidden, "role");
        expect_error(accounts(resources(), caller), core::ErrorCode::Forbidden, "role");
        expect_error(set_account_enabled(resources(), caller, "bea", false),
                     core::ErrorCode::Forbidden, "role");
        expect_error(set_password(resources(), caller, "bea", "a new long password"),
                     core::ErrorCode::Forbidden, "role");
        EXPECT_EQ(event_count(), before + 4);
        const auto event = last_event();
        EXPECT_EQ(event.action, "denied");
        EXPECT_EQ(event.actor, account.username);
        EXPECT_EQ(event.account, account.id);
        EXPECT_EQ(event.outcome, "forbidden");
        EXPECT_EQ(event.resource, "accounts");
    }
    EXPECT_FALSE(must(directory().account_named("eve")));
    EXPECT_FALSE(must(directory().account_named("bea"))->disabled);
    // The personal-mode caller and the personal-mode token manage nothing either.
    expect_error(accounts(resources(), core::Actor::personal()), core::ErrorCode::Forbidden,
                 "role");
    expect_error(accounts(resources(), core::Actor::token_holder()), core::ErrorCode::Forbidden,
                 "role");
}

TEST_F(Accounts, NobodyMustSignInFirst) {
    const auto before = event_count();
    const auto nobody = core::Actor::nobody();
    expect_error(add_account(resources(), nobody,
                             {.username = "eve",
                              .role = core::Role::Admin,
                              .person = std::nullopt,
                              .password = std::string(good_password)}),
                 core::ErrorCode::Unauthenticated, "Authorization");
    expect_error(accounts(resources(), nobody), core::ErrorCode::Unauthenticated, "Authorization");
    expect_error(set_account_enabled(resources(), nobody, "eve", true),
                 core::ErrorCode::Unauthenticated, "Authorization");
    EXPECT_EQ(event_count(), before);
    EXPECT_FALSE(must(clinic_mode(resources())));
}

TEST_F(Accounts, ManagingAnUnknownAccountIsNotFound) {
    expect_error(set_account_enabled(resources(), m_host, "nobody.here", false),
                 core::ErrorCode::NotFound, "username");
    expect_error(set_password(resources(), m_host, "nobody.here", "a new long password"),
                 core::ErrorCode::NotFound, "username");
    expect_error(set_account_enabled(resources(), m_host, "bad name", false),
                 core::ErrorCode::InvalidInput, "username");
}

// ---- Signing in -----------------------------------------------------------------------------

TEST_F(Accounts, SignInGivesATokenThatIdentifiesTheAccount) {
    const auto ana = cheap_person_account("ana");
    const auto signed_in_ana = must(try_sign_in("ana", good_password));
    EXPECT_EQ(signed_in_ana.account.id, ana.id);
    // The first sign-in rehashed the password at the interactive limits, keeping the session.
    const auto rehashed = must(directory().account(ana.id));
    ASSERT_TRUE(rehashed);
    EXPECT_NE(rehashed->password_hash, ana.password_hash);
    EXPECT_EQ(crypto_pwhash_str_needs_rehash(rehashed->password_hash.c_str(),
                                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                             crypto_pwhash_MEMLIMIT_INTERACTIVE),
              0);
    EXPECT_EQ(signed_in_ana.lifetime.idle, days(30));
    // 128 random bits in URL-safe base64.
    EXPECT_EQ(signed_in_ana.token.size(), 22U) << signed_in_ana.token;

    const auto caller = who(signed_in_ana.token);
    EXPECT_EQ(caller.kind, core::Actor::Kind::Account);
    EXPECT_EQ(caller.name, "ana");
    EXPECT_EQ(caller.role, core::Role::Person);
    EXPECT_EQ(caller.account, ana.id);
    EXPECT_EQ(caller.person, ana.person);
    EXPECT_EQ(caller.address, "192.0.2.1");

    // Only the token's digest is stored.
    store::testing::RawDb raw(db_path());
    EXPECT_EQ(raw.integer("SELECT count(*) FROM sign_in_sessions WHERE token_digest = '" +
                          signed_in_ana.token + "'"),
              0);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM sign_in_sessions WHERE token_digest = '" +
                          secret_digest(signed_in_ana.token) + "'"),
              1);

    const auto login = last_event();
    EXPECT_EQ(login.action, "login");
    EXPECT_EQ(login.actor, "ana");
    EXPECT_EQ(login.account, ana.id);
    EXPECT_EQ(login.address, "192.0.2.1");
    EXPECT_EQ(login.request_id, "request-1");

    // A name is read in any capitals; each sign-in is a session of its own.
    const auto again = must(try_sign_in("ANA", good_password));
    EXPECT_NE(again.token, signed_in_ana.token);
    EXPECT_TRUE(signed_in(again.token));
    EXPECT_TRUE(signed_in(signed_in_ana.token));
}

TEST_F(Accounts, AClinicianIsIdentifiedWithTheirRoleAndNoRecord) {
    const auto bea = cheap_account("bea", core::Role::Clinician);
    const auto signed_in_bea = must(try_sign_in("bea", good_password));
    EXPECT_EQ(signed_in_bea.lifetime.idle, minutes(30));
    const auto caller = who(signed_in_bea.token);
    EXPECT_EQ(caller.kind, core::Actor::Kind::Account);
    EXPECT_EQ(caller.role, core::Role::Clinician);
    EXPECT_EQ(caller.account, bea.id);
    EXPECT_FALSE(caller.person);
}

TEST_F(Accounts, EveryFailedSignInGetsTheSameAnswer) {
    const auto ana = cheap_person_account("ana");
    cheap_account("cid", core::Role::Clinician);
    must(set_account_enabled(resources(), m_host, "cid", false));
    // A password of the longest length: one byte more must not sign in on its first 1024.
    const std::string longest(max_password_bytes, 'a');
    cheap_person_account("eli", longest);
    // Each from its own address and name, so that no throttle answers instead.
    const auto wrong_password = try_sign_in("ana", "not her password", "192.0.2.10");
    const auto unknown_name = try_sign_in("nobody.here", good_password, "192.0.2.11");
    const auto disabled = try_sign_in("cid", good_password, "192.0.2.12");
    const auto bad_name = try_sign_in("bad name!", good_password, "192.0.2.13");
    const auto too_long = try_sign_in("eli", longest + "a", "192.0.2.14");
    ASSERT_FALSE(wrong_password);
    expect_error(wrong_password, core::ErrorCode::Unauthenticated, "username");
    for (const auto* failed : {&unknown_name, &disabled, &bad_name, &too_long}) {
        ASSERT_FALSE(*failed);
        EXPECT_EQ(failed->error().code, wrong_password.error().code);
        EXPECT_EQ(failed->error().field, wrong_password.error().field);
        EXPECT_EQ(failed->error().message, wrong_password.error().message);
    }
    EXPECT_EQ(events_with_action("login_failed"), 5U);
    EXPECT_EQ(events_with_action("login"), 0U);
    EXPECT_EQ(stored_sessions(), 0U);
    // The failure against a real account names it in the trail; the unknown name's does not.
    const auto events = all_events();
    std::vector<core::AuditEvent> failures;
    for (const auto& event : events)
        if (event.action == "login_failed")
            failures.push_back(event);
    ASSERT_EQ(failures.size(), 5U);
    EXPECT_EQ(failures[0].account, ana.id);
    EXPECT_EQ(failures[0].outcome, "unauthorized");
    EXPECT_EQ(failures[0].address, "192.0.2.10");
    EXPECT_FALSE(failures[1].account);
}

TEST_F(Accounts, DisablingEndsSessionsAndRefusesSignInUntilEnabled) {
    cheap_person_account("ana");
    const auto first = must(try_sign_in("ana", good_password));
    ASSERT_TRUE(signed_in(first.token));
    const auto disabled = must(set_account_enabled(resources(), m_host, "ana", false));
    EXPECT_TRUE(disabled.disabled);
    EXPECT_EQ(last_event().action, "disable");
    EXPECT_EQ(stored_sessions(), 0U);
    EXPECT_EQ(who(first.token).kind, core::Actor::Kind::Nobody);
    expect_error(try_sign_in("ana", good_password), core::ErrorCode::Unauthenticated, "username");

    must(set_account_enabled(resources(), m_host, "ana", true));
    EXPECT_EQ(last_event().action, "enable");
    // Past the address's one-second wait after the refused try.
    advance(1s);
    const auto second = must(try_sign_in("ana", good_password));
    EXPECT_TRUE(signed_in(second.token));
    EXPECT_FALSE(signed_in(first.token));
}

TEST_F(Accounts, ANewPasswordEndsSessionsAndReplacesTheOld) {
    cheap_person_account("ana");
    const auto first = must(try_sign_in("ana", good_password));
    ASSERT_TRUE(signed_in(first.token));

    expect_error(set_password(resources(), m_host, "ana", "short"), core::ErrorCode::InvalidInput,
                 "password");
    EXPECT_TRUE(signed_in(first.token)) << "a refused password changes nothing";

    must(set_password(resources(), m_host, "ANA", "a new long password"));
    EXPECT_EQ(last_event().action, "update");
    EXPECT_EQ(last_event().resource, "account:ana:password");
    EXPECT_FALSE(signed_in(first.token));
    expect_error(try_sign_in("ana", good_password), core::ErrorCode::Unauthenticated, "username");
    advance(1s);
    const auto second = must(try_sign_in("ana", "a new long password"));
    EXPECT_TRUE(signed_in(second.token));
}

TEST_F(Accounts, SignOutEndsTheSession) {
    const auto ana = cheap_person_account("ana");
    const auto first = must(try_sign_in("ana", good_password));
    const auto second = must(try_sign_in("ana", good_password));
    ASSERT_TRUE(signed_in(first.token));
    auto credentials = from("192.0.2.1");
    credentials.session_token = first.token;
    ASSERT_TRUE(sign_out(resources(), credentials));
    EXPECT_FALSE(signed_in(first.token));
    EXPECT_TRUE(signed_in(second.token)) << "only the session signed out ends";
    EXPECT_EQ(last_event().action, "logout");
    EXPECT_EQ(last_event().account, ana.id);

    // Signing out again, or without a session, does nothing and writes nothing.
    const auto before = event_count();
    EXPECT_TRUE(sign_out(resources(), credentials));
    EXPECT_TRUE(sign_out(resources(), from("192.0.2.1")));
    EXPECT_EQ(event_count(), before);
}

// ---- Throttling -----------------------------------------------------------------------------

TEST_F(Accounts, AnImmediateRetryWaitsOneSecondThenTwo) {
    cheap_person_account("ana");
    expect_refused(try_sign_in("ana", "not her password"));
    // Right away even the right password must wait, and the wait is not a failure.
    const auto retry = try_sign_in("ana", good_password);
    expect_error(retry, core::ErrorCode::Throttled, "username");
    ASSERT_FALSE(retry);
    EXPECT_NE(retry.error().message.find("1 second"), std::string::npos) << retry.error().message;
    EXPECT_EQ(events_with_action("login_failed"), 1U);

    advance(1s);
    expect_refused(try_sign_in("ana", "not her password either"));
    // Two failures: two seconds.
    advance(1s);
    expect_error(try_sign_in("ana", good_password), core::ErrorCode::Throttled, "username");
    advance(1s);
    const auto signed_in_ana = try_sign_in("ana", good_password);
    ASSERT_TRUE(signed_in_ana) << signed_in_ana.error().to_string();
}

TEST_F(Accounts, SuccessForgetsTheNamesFailures) {
    cheap_person_account("ana");
    expect_refused(try_sign_in("ana", "not her password", "192.0.2.10"));
    advance(1s);
    expect_refused(try_sign_in("ana", "not her password", "192.0.2.11"));
    advance(2s);
    ASSERT_TRUE(try_sign_in("ana", good_password, "192.0.2.12"));
    // Had the two failures stayed, a third would make the next try wait 4 s, not 1 s.
    expect_refused(try_sign_in("ana", "not her password", "192.0.2.13"));
    advance(1s);
    EXPECT_TRUE(try_sign_in("ana", good_password, "192.0.2.14"));
}

class AccountsLock : public Accounts {
protected:
    /// Ten failed sign-ins against ana's name, each from an address of its own (so the name,
    /// not an address, is what locks), each after the wait the one before it asked for: 1, 2, 4,
    /// ... seconds, at most 60. Returns the moment of the first.
    core::Timestamp fail_ten_times() {
        const auto first = now();
        for (int i = 0; i < lock_after; ++i) {
            if (i > 0)
                advance(std::min<seconds>(seconds(1LL << (i - 1)), 60s));
            const auto failed = try_sign_in(i % 2 == 0 ? "ana" : "Ana", "not her password",
                                            "198.51.100." + std::to_string(i));
            SCOPED_TRACE("failure " + std::to_string(i));
            expect_refused(failed);
        }
        return first;
    }
};

TEST_F(AccountsLock, TenFailuresLockTheNameUntilFifteenMinutesPass) {
    cheap_person_account("ana");
    const auto first = fail_ten_times();
    EXPECT_EQ(events_with_action("login_failed"), 10U);
    // Well past any delay, from an address that never failed: the name is locked.
    advance(2min);
    const auto locked = try_sign_in("ana", good_password, "203.0.113.1");
    expect_error(locked, core::ErrorCode::Throttled, "username");
    ASSERT_FALSE(locked);
    EXPECT_NE(locked.error().message.find("locked"), std::string::npos) << locked.error().message;
    // Fifteen minutes after the first of the ten, still locked...
    advance(first + minutes(15) - now() - 1s);
    expect_error(try_sign_in("ana", good_password, "203.0.113.2"), core::ErrorCode::Throttled,
                 "username");
    // ...and once they have passed, the right password signs in again.
    advance(2s);
    const auto signed_in_ana = try_sign_in("ana", good_password, "203.0.113.3");
    ASSERT_TRUE(signed_in_ana) << signed_in_ana.error().to_string();
    EXPECT_EQ(events_with_action("login_failed"), 10U) << "locked tries are not failures";
}

TEST_F(AccountsLock, EnablingTheAccountLiftsTheLock) {
    cheap_person_account("ana");
    fail_ten_times();
    advance(2min);
    expect_error(try_sign_in("ana", good_password, "203.0.113.1"), core::ErrorCode::Throttled,
                 "username");
    must(set_account_enabled(resources(), m_host, "ana", true));
    const auto signed_in_ana = try_sign_in("ana", good_password, "203.0.113.2");
    ASSERT_TRUE(signed_in_ana) << signed_in_ana.error().to_string();
}

TEST_F(AccountsLock, TheAddressIsThrottledIndependentlyOfTheName) {
    cheap_person_account("ana");
    cheap_account("bea", core::Role::Clinician);
    // A failure against ana from one address makes bea, who never failed, wait there...
    expect_refused(try_sign_in("ana", "not her password", "192.0.2.66"));
    expect_error(try_sign_in("bea", good_password, "192.0.2.66"), core::ErrorCode::Throttled,
                 "username");
    // ...and nowhere else.
    EXPECT_TRUE(try_sign_in("bea", good_password, "192.0.2.67"));

    // Ten names tried from one address lock that address, for a right password too.
    advance(1s);
    for (int i = 1; i < lock_after; ++i) {
        const auto name = "guess" + std::to_string(i);
        cheap_person_account(name);
        expect_refused(try_sign_in(name, "not the password", "192.0.2.66"));
        advance(std::min<seconds>(seconds(1LL << i), 60s));
    }
    advance(2min);
    const auto locked = try_sign_in("bea", good_password, "192.0.2.66");
    expect_error(locked, core::ErrorCode::Throttled, "username");
    ASSERT_FALSE(locked);
    EXPECT_NE(locked.error().message.find("locked"), std::string::npos) << locked.error().message;
    EXPECT_TRUE(try_sign_in("bea", good_password, "192.0.2.67"));
}

// ---- Session lifetimes ----------------------------------------------------------------------

TEST_F(Accounts, APersonsSessionSurvives29IdleDaysButNot31) {
    cheap_person_account("ana");
    const auto session = must(try_sign_in("ana", good_password));
    advance(days(29));
    EXPECT_TRUE(signed_in(session.token)) << "29 days idle";
    // That request counted as use: another 29 days are fine too.
    advance(days(29));
    EXPECT_TRUE(signed_in(session.token)) << "29 days after the last use";
    advance(days(31));
    EXPECT_FALSE(signed_in(session.token)) << "31 days idle";
    EXPECT_EQ(stored_sessions(), 0U) << "an expired session is ended";
}

TEST_F(Accounts, APersonsSessionEndsAfter90DaysEvenWhenUsed) {
    cheap_person_account("ana");
    const auto session = must(try_sign_in("ana", good_password));
    for (int week = 1; week <= 12; ++week) {
        advance(days(7));
        ASSERT_TRUE(signed_in(session.token)) << "week " << week;
    }
    advance(days(5)); // day 89
    EXPECT_TRUE(signed_in(session.token)) << "day 89";
    advance(days(2)); // day 91
    EXPECT_FALSE(signed_in(session.token)) << "day 91";
}

TEST_F(Accounts, AClinicianSessionEndsAfter31IdleMinutes) {
    cheap_account("bea", core::Role::Clinician);
    const auto session = must(try_sign_in("bea", good_password));
    advance(minutes(29));
    EXPECT_TRUE(signed_in(session.token)) << "29 minutes idle";
    advance(minutes(29));
    EXPECT_TRUE(signed_in(session.token)) << "29 minutes after the last use";
    advance(minutes(31));
    EXPECT_FALSE(signed_in(session.token)) << "31 minutes idle";
}

TEST_F(Accounts, AClinicianSessionEndsAfter12HoursEvenWhenUsedEveryTenMinutes) {
    cheap_account("bea", core::Role::Clinician);
    const auto session = must(try_sign_in("bea", good_password));
    for (int step = 1; step <= 72; ++step) { // 72 x 10 minutes = 12 hours
        advance(minutes(10));
        ASSERT_TRUE(signed_in(session.token)) << step * 10 << " minutes";
    }
    advance(minutes(10));
    EXPECT_FALSE(signed_in(session.token)) << "12 hours 10 minutes";
}

// ---- Who asks -------------------------------------------------------------------------------

TEST_F(Accounts, PersonalModeLoopbackIsThePersonAndNothingIsNobody) {
    ASSERT_FALSE(must(clinic_mode(resources())));
    const auto loopback = must(identify(resources(), {.channel = Credentials::Channel::Loopback,
                                                      .session_token = {},
                                                      .address = "127.0.0.1",
                                                      .request_id = "r1"}));
    EXPECT_EQ(loopback.kind, core::Actor::Kind::Personal);
    EXPECT_EQ(loopback.address, "127.0.0.1");
    EXPECT_EQ(loopback.request_id, "r1");
    const auto none = must(identify(resources(), {.channel = Credentials::Channel::None,
                                                  .session_token = {},
                                                  .address = "192.0.2.1",
                                                  .request_id = {}}));
    EXPECT_EQ(none.kind, core::Actor::Kind::Nobody);
    const auto token = must(identify(resources(), {.channel = Credentials::Channel::Token,
                                                   .session_token = {},
                                                   .address = "192.0.2.1",
                                                   .request_id = {}}));
    EXPECT_EQ(token.kind, core::Actor::Kind::TokenHolder);
    EXPECT_FALSE(token.role) << "in personal mode the token is the person's";
    // A made-up session token changes nothing.
    const auto made_up = must(identify(resources(), {.channel = Credentials::Channel::Loopback,
                                                     .session_token = "made-up",
                                                     .address = "127.0.0.1",
                                                     .request_id = {}}));
    EXPECT_EQ(made_up.kind, core::Actor::Kind::Personal);
}

TEST_F(Accounts, ClinicModeLoopbackIsNobodyAndTheTokenIsAnAdmin) {
    stored_account("bea", core::Role::Clinician);
    ASSERT_TRUE(must(clinic_mode(resources())));
    const auto loopback = must(identify(resources(), {.channel = Credentials::Channel::Loopback,
                                                      .session_token = {},
                                                      .address = "127.0.0.1",
                                                      .request_id = {}}));
    EXPECT_EQ(loopback.kind, core::Actor::Kind::Nobody);
    const auto made_up = must(identify(resources(), {.channel = Credentials::Channel::Loopback,
                                                     .session_token = "made-up",
                                                     .address = "127.0.0.1",
                                                     .request_id = {}}));
    EXPECT_EQ(made_up.kind, core::Actor::Kind::Nobody);
    const auto token = must(identify(resources(), {.channel = Credentials::Channel::Token,
                                                   .session_token = {},
                                                   .address = "192.0.2.1",
                                                   .request_id = {}}));
    EXPECT_EQ(token.kind, core::Actor::Kind::TokenHolder);
    EXPECT_EQ(token.role, core::Role::Admin);
    EXPECT_TRUE(manages_accounts(token));
    // The admin token opens no record, and asking makes none: this clinic has nobody yet.
    ASSERT_TRUE(must(directory().people()).empty());
    const auto before = event_count();
    const auto refused = open_record(resources(), token);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().code, core::ErrorCode::Internal) << refused.error().to_string();
    EXPECT_TRUE(must(directory().people()).empty()) << "a refused request added a person";
    EXPECT_EQ(event_count(), before + 1) << "the refusal is audited";
    EXPECT_EQ(last_event().action, "denied");
    EXPECT_EQ(last_event().actor, "token");
}

TEST_F(Accounts, SignedInAccountIsForAccountsOnly) {
    const auto bea = stored_account("bea", core::Role::Clinician);
    EXPECT_EQ(must(signed_in_account(resources(), actor_of(bea))).id, bea.id);
    expect_error(signed_in_account(resources(), m_host), core::ErrorCode::Unauthenticated,
                 "Authorization");
    expect_error(signed_in_account(resources(), core::Actor::nobody()),
                 core::ErrorCode::Unauthenticated, "Authorization");
}

} // namespace
} // namespace unload::service
