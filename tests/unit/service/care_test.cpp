// Care links and the audit trail in the service (service/care.hpp, service/audit.hpp and
// open_record in service/workspace.cpp; clinic.md "People, accounts, roles" and "Audit trail"),
// over a real SQLite store and a virtual clock: a clinician reaches only the people in their care
// and everyone else is NotFound; registering a person and entering an invitation code make a
// link, either side ends it; every look at someone else's record and every refusal is in the
// trail, which a person reads for their own record and an admin reads whole.

#include <algorithm>
#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/care.hpp"
#include "service/clinic_support.hpp"
#include "service/sign_in.hpp"
#include "service/workspace.hpp"
#include "support/results.hpp"

namespace unload::service {
namespace {

using namespace std::chrono_literals;
using std::chrono::days;
using std::chrono::hours;

using clinic_test::actor_of;
using clinic_test::expect_error;
using clinic_test::good_password;
using test::must;

/// Removes every `-` from a code and writes it in small letters, as a person might type it.
std::string typed_sloppily(std::string_view code) {
    std::string out;
    for (const char c : code)
        if (c != '-')
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return out;
}

class Care : public clinic_test::ClinicTest {
protected:
    void SetUp() override {
        ClinicTest::SetUp();
        if (HasFatalFailure())
            return;
        m_bea = stored_account("bea", core::Role::Clinician);
        m_cid = stored_account("cid", core::Role::Clinician);
        m_ana = stored_person_account("ana");
        m_eli = stored_person_account("eli");
        m_dan = stored_account("dan", core::Role::Admin);
    }

    core::Actor bea() const { return actor_of(m_bea); }
    core::Actor cid() const { return actor_of(m_cid); }
    core::Actor ana() const { return actor_of(m_ana); }
    core::Actor eli() const { return actor_of(m_eli); }
    core::Actor dan() const { return actor_of(m_dan); }
    core::PersonId ana_person() const { return m_ana.person.value_or(0); }
    core::PersonId eli_person() const { return m_eli.person.value_or(0); }

    /// Whether `actor` opens person `person`'s record.
    bool opens(const core::Actor& actor, core::PersonId person) {
        return open_record(resources(), actor, person).has_value();
    }
    /// Ana joins bea's care by an invitation code.
    void ana_joins_bea() {
        const auto issued = must(invite(resources(), bea()));
        ASSERT_TRUE(join_care(resources(), ana(), issued.code));
    }

    core::Account m_bea;
    core::Account m_cid;
    core::Account m_ana;
    core::Account m_eli;
    core::Account m_dan;
};

// ---- No link, no access ---------------------------------------------------------------------

TEST_F(Care, AClinicianWithoutALinkFindsNoRecordAndTheRefusalIsAudited) {
    const auto before = event_count();
    const auto refused = open_record(resources(), bea(), ana_person());
    expect_error(refused, core::ErrorCode::NotFound, "person");
    // Someone who does not exist gets the same answer, so existence is not disclosed.
    const auto missing = open_record(resources(), bea(), core::PersonId{999});
    expect_error(missing, core::ErrorCode::NotFound, "person");
    ASSERT_FALSE(refused);
    ASSERT_FALSE(missing);
    EXPECT_EQ(refused.error().message, missing.error().message);

    ASSERT_EQ(event_count(), before + 2);
    const auto events = all_events();
    const auto& denial = events[events.size() - 2];
    EXPECT_EQ(denial.action, "denied");
    EXPECT_EQ(denial.actor, "bea");
    EXPECT_EQ(denial.account, m_bea.id);
    EXPECT_EQ(denial.role, "clinician");
    EXPECT_EQ(denial.person, ana_person());
    EXPECT_EQ(denial.resource, "record");
    EXPECT_EQ(denial.outcome, "not_found");
    // A clinician names no record of their own.
    expect_error(open_record(resources(), bea()), core::ErrorCode::NotFound, "person");
}

TEST_F(Care, AnAdminOpensNoRecordAndAPersonOnlyTheirOwn) {
    expect_error(open_record(resources(), dan(), ana_person()), core::ErrorCode::Forbidden, "role");
    EXPECT_EQ(last_event().action, "denied");
    EXPECT_EQ(last_event().outcome, "forbidden");
    expect_error(open_record(resources(), eli(), ana_person()), core::ErrorCode::NotFound,
                 "person");
    EXPECT_EQ(last_event().action, "denied");
    EXPECT_EQ(last_event().actor, "eli");
    expect_error(open_record(resources(), core::Actor::nobody(), ana_person()),
                 core::ErrorCode::Unauthenticated, "Authorization");
}

TEST_F(Care, APersonOpeningTheirOwnRecordWritesNoEvent) {
    const auto before = event_count();
    const auto own = open_record(resources(), ana());
    ASSERT_TRUE(own) << own.error().to_string();
    EXPECT_EQ(own->person, ana_person());
    const auto named = open_record(resources(), ana(), ana_person(), Access::Change);
    ASSERT_TRUE(named) << named.error().to_string();
    EXPECT_EQ(event_count(), before);
}

// ---- Registering a person -------------------------------------------------------------------

TEST_F(Care, RegisteringAPersonPutsThemInCareAndEveryLookIsAudited) {
    const auto person = must(register_person(resources(), bea(), "Fay Silva"));
    EXPECT_EQ(person.name, "Fay Silva");
    EXPECT_EQ(must(directory().person(person.id))->name, "Fay Silva");
    EXPECT_EQ(last_event().action, "create");
    EXPECT_EQ(last_event().resource, "care_link");
    EXPECT_EQ(last_event().person, person.id);

    const auto links = must(care_links(resources(), bea()));
    ASSERT_EQ(links.size(), 1U);
    EXPECT_EQ(links[0].clinician, m_bea.id);
    EXPECT_EQ(links[0].clinician_name, "bea");
    EXPECT_EQ(links[0].person, person.id);
    EXPECT_EQ(links[0].person_name, "Fay Silva");
    EXPECT_EQ(links[0].origin, core::CareOrigin::Registered);
    EXPECT_EQ(links[0].since, now());

    advance(1h);
    const auto read = open_record(resources(), bea(), person.id);
    ASSERT_TRUE(read) << read.error().to_string();
    EXPECT_EQ(read->person, person.id);
    auto event = last_event();
    EXPECT_EQ(event.action, "read");
    EXPECT_EQ(event.actor, "bea");
    EXPECT_EQ(event.account, m_bea.id);
    EXPECT_EQ(event.role, "clinician");
    EXPECT_EQ(event.person, person.id);
    EXPECT_EQ(event.resource, "record");
    EXPECT_EQ(event.outcome, "ok");
    EXPECT_EQ(event.at, now());

    const auto change = open_record(resources(), bea(), person.id, Access::Change);
    ASSERT_TRUE(change) << change.error().to_string();
    event = last_event();
    EXPECT_EQ(event.action, "update");
    EXPECT_EQ(event.person, person.id);

    // The link is bea's alone.
    expect_error(open_record(resources(), cid(), person.id), core::ErrorCode::NotFound, "person");
    EXPECT_TRUE(must(care_links(resources(), cid())).empty());
}

TEST_F(Care, PeopleInCareAreTheClinicians) {
    const auto fay = must(register_person(resources(), bea(), "Fay"));
    ana_joins_bea();
    must(register_person(resources(), cid(), "Gus"));
    const auto people = must(people_in_care(resources(), bea()));
    ASSERT_EQ(people.size(), 2U);
    EXPECT_EQ(people[0].person_name, "Fay"); // by name
    EXPECT_EQ(people[0].person, fay.id);
    EXPECT_EQ(people[1].person, ana_person());
    for (const auto& caller : {ana(), dan(), m_host}) {
        SCOPED_TRACE(caller.name);
        expect_error(people_in_care(resources(), caller), core::ErrorCode::Forbidden, "role");
        EXPECT_EQ(last_event().action, "denied");
    }
    expect_error(people_in_care(resources(), core::Actor::nobody()),
                 core::ErrorCode::Unauthenticated, "Authorization");
}

TEST_F(Care, ARegisteredNameIsCheckedAsAnyPersonsName) {
    const auto people_before = must(directory().people()).size();
    expect_error(register_person(resources(), bea(), "   "), core::ErrorCode::InvalidInput, "name");
    EXPECT_EQ(must(directory().people()).size(), people_before);
    EXPECT_TRUE(must(care_links(resources(), bea())).empty());
}

// ---- Invitations ----------------------------------------------------------------------------

TEST_F(Care, AnInvitationIsATwelveCharacterCodeForSevenDays) {
    const auto issued = must(invite(resources(), bea()));
    // Crockford's base 32: no I, L, O or U.
    static const std::regex form(
        "^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
    EXPECT_TRUE(std::regex_match(issued.code, form)) << issued.code;
    EXPECT_EQ(issued.expires_at, now() + days(7));
    EXPECT_EQ(last_event().action, "create");
    EXPECT_EQ(last_event().resource, "invitation");
    EXPECT_EQ(last_event().actor, "bea");
    // Only the code's digest is stored.
    store::testing::RawDb raw(db_path());
    EXPECT_EQ(raw.integer("SELECT count(*) FROM invitations"), 1);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM invitations WHERE code_digest LIKE '%" +
                          issued.code.substr(0, 4) + "%'"),
              0);
    // Each code is new.
    const auto second = must(invite(resources(), bea()));
    EXPECT_NE(second.code, issued.code);
}

TEST_F(Care, JoiningByACodeLinksThePersonToTheClinician) {
    const auto issued = must(invite(resources(), bea()));
    ASSERT_FALSE(opens(bea(), ana_person()));
    advance(1h);
    const auto link = must(join_care(resources(), ana(), issued.code));
    EXPECT_EQ(link.clinician, m_bea.id);
    EXPECT_EQ(link.clinician_name, "bea");
    EXPECT_EQ(link.person, ana_person());
    EXPECT_EQ(link.person_name, "ana");
    EXPECT_EQ(link.origin, core::CareOrigin::Invitation);
    EXPECT_EQ(link.since, now());
    EXPECT_EQ(last_event().action, "create");
    EXPECT_EQ(last_event().actor, "ana");
    EXPECT_EQ(last_event().person, ana_person());
    EXPECT_EQ(last_event().outcome, "ok");

    EXPECT_TRUE(opens(bea(), ana_person()));
    EXPECT_FALSE(opens(cid(), ana_person()));
    const auto ana_links = must(care_links(resources(), ana()));
    ASSERT_EQ(ana_links.size(), 1U);
    EXPECT_EQ(ana_links[0].clinician, m_bea.id);
    const auto bea_links = must(care_links(resources(), bea()));
    ASSERT_EQ(bea_links.size(), 1U);
    EXPECT_EQ(bea_links[0].person, ana_person());
}

TEST_F(Care, ACodeMayBeTypedInSmallLettersWithoutDashesOrWithSpaces) {
    const auto for_ana = must(invite(resources(), bea()));
    const auto sloppy = typed_sloppily(for_ana.code);
    ASSERT_EQ(sloppy.size(), 12U);
    ASSERT_NE(sloppy, for_ana.code);
    const auto joined = join_care(resources(), ana(), sloppy);
    ASSERT_TRUE(joined) << joined.error().to_string();
    EXPECT_EQ(joined->clinician, m_bea.id);

    auto spaced = must(invite(resources(), cid())).code;
    std::ranges::replace(spaced, '-', ' ');
    const auto joined_too = join_care(resources(), ana(), spaced);
    ASSERT_TRUE(joined_too) << joined_too.error().to_string();
    EXPECT_EQ(joined_too->clinician, m_cid.id);
    EXPECT_TRUE(opens(bea(), ana_person()));
    EXPECT_TRUE(opens(cid(), ana_person()));
    EXPECT_EQ(must(care_links(resources(), ana())).size(), 2U);
}

TEST_F(Care, ACodeWorksOnce) {
    const auto issued = must(invite(resources(), bea()));
    ASSERT_TRUE(join_care(resources(), ana(), issued.code));
    const auto again = join_care(resources(), eli(), issued.code);
    expect_error(again, core::ErrorCode::NotFound, "code");
    EXPECT_EQ(last_event().action, "create");
    EXPECT_EQ(last_event().actor, "eli");
    EXPECT_EQ(last_event().outcome, "not_found");
    EXPECT_FALSE(opens(bea(), eli_person()));
    expect_error(join_care(resources(), ana(), issued.code), core::ErrorCode::NotFound, "code");
    // A code never issued gets the same words.
    const auto unknown = join_care(resources(), eli(), "0000-0000-0000");
    expect_error(unknown, core::ErrorCode::NotFound, "code");
    ASSERT_FALSE(again);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(again.error().message, unknown.error().message);
}

TEST_F(Care, ACodeOlderThanSevenDaysIsNotFound) {
    const auto old = must(invite(resources(), bea()));
    advance(hours(24 * 6 + 23));
    const auto fresh = must(invite(resources(), bea()));
    EXPECT_EQ(must(pending_invitations(resources(), bea())).size(), 2U);
    advance(hours(1) + 1s); // the first is 7 days and a second old
    EXPECT_EQ(must(pending_invitations(resources(), bea())).size(), 1U);
    expect_error(join_care(resources(), ana(), old.code), core::ErrorCode::NotFound, "code");
    EXPECT_FALSE(opens(bea(), ana_person()));
    // Six days on, the second still works.
    const auto joined = join_care(resources(), ana(), fresh.code);
    ASSERT_TRUE(joined) << joined.error().to_string();
    EXPECT_TRUE(opens(bea(), ana_person()));
}

TEST_F(Care, PendingInvitationsAreTheUnusedOnes) {
    const auto first = must(invite(resources(), bea()));
    advance(1min);
    const auto second = must(invite(resources(), bea()));
    advance(1min);
    must(invite(resources(), bea()));
    must(invite(resources(), cid()));
    ASSERT_TRUE(join_care(resources(), ana(), second.code));

    const auto pending = must(pending_invitations(resources(), bea()));
    ASSERT_EQ(pending.size(), 2U);
    EXPECT_EQ(pending[0].expires_at, first.expires_at);
    EXPECT_EQ(pending[1].expires_at, now() + days(7));
    for (const auto& invitation : pending) {
        EXPECT_EQ(invitation.clinician, m_bea.id);
        EXPECT_FALSE(invitation.used_at);
        EXPECT_NE(invitation.expires_at, second.expires_at) << "the used code is not pending";
    }
    EXPECT_EQ(must(pending_invitations(resources(), cid())).size(), 1U);
}

// ---- Ending care ----------------------------------------------------------------------------

TEST_F(Care, TheClinicianEndsCare) {
    const auto person = must(register_person(resources(), bea(), "Fay"));
    ASSERT_TRUE(opens(bea(), person.id));
    ASSERT_TRUE(end_care(resources(), bea(), person.id));
    EXPECT_EQ(last_event().action, "delete");
    EXPECT_EQ(last_event().resource, "care_link");
    EXPECT_EQ(last_event().person, person.id);
    EXPECT_FALSE(opens(bea(), person.id));
    EXPECT_TRUE(must(care_links(resources(), bea())).empty());
    expect_error(end_care(resources(), bea(), person.id), core::ErrorCode::NotFound, "person");
}

TEST_F(Care, ThePersonEndsCare) {
    ana_joins_bea();
    ASSERT_TRUE(opens(bea(), ana_person()));
    // Eli is in nobody's care: ending bea's care of them ends nothing of ana's.
    expect_error(end_care(resources(), eli(), m_bea.id), core::ErrorCode::NotFound, "clinician");
    ASSERT_TRUE(opens(bea(), ana_person()));

    ASSERT_TRUE(end_care(resources(), ana(), m_bea.id));
    EXPECT_EQ(last_event().action, "delete");
    EXPECT_EQ(last_event().actor, "ana");
    EXPECT_EQ(last_event().person, ana_person());
    EXPECT_FALSE(opens(bea(), ana_person()));
    EXPECT_TRUE(must(care_links(resources(), ana())).empty());
    expect_error(end_care(resources(), ana(), m_bea.id), core::ErrorCode::NotFound, "clinician");
}

// A store that fails is not "no such clinician": the person must not be told their clinician's
// access is gone, or was never there, when it could not be ended.
TEST_F(Care, AFailureToEndCareIsNotReportedAsNotFound) {
    ana_joins_bea();
    store::testing::RawDb(db_path()).exec(
        "CREATE TRIGGER refuse_ending BEFORE DELETE ON care_links "
        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    const auto by_person = end_care(resources(), ana(), m_bea.id);
    ASSERT_FALSE(by_person);
    EXPECT_NE(by_person.error().code, core::ErrorCode::NotFound) << by_person.error().to_string();
    const auto by_clinician = end_care(resources(), bea(), ana_person());
    ASSERT_FALSE(by_clinician);
    EXPECT_NE(by_clinician.error().code, core::ErrorCode::NotFound)
        << by_clinician.error().to_string();
    EXPECT_TRUE(opens(bea(), ana_person()));
}

// ---- Who may do what ------------------------------------------------------------------------

TEST_F(Care, OnlyCliniciansInviteAndRegister) {
    for (const auto& caller : {ana(), dan(), m_host, core::Actor::personal()}) {
        SCOPED_TRACE(caller.name);
        const auto before = event_count();
        expect_error(invite(resources(), caller), core::ErrorCode::Forbidden, "role");
        expect_error(register_person(resources(), caller, "Fay"), core::ErrorCode::Forbidden,
                     "role");
        expect_error(pending_invitations(resources(), caller), core::ErrorCode::Forbidden, "role");
        EXPECT_EQ(event_count(), before + 3) << "each refusal is audited";
        EXPECT_EQ(last_event().action, "denied");
        EXPECT_EQ(last_event().actor, caller.name);
        EXPECT_EQ(last_event().outcome, "forbidden");
    }
    const auto before = event_count();
    expect_error(invite(resources(), core::Actor::nobody()), core::ErrorCode::Unauthenticated,
                 "Authorization");
    expect_error(register_person(resources(), core::Actor::nobody(), "Fay"),
                 core::ErrorCode::Unauthenticated, "Authorization");
    EXPECT_EQ(event_count(), before);
    EXPECT_EQ(must(directory().people()).size(), 2U) << "ana and eli, nobody registered";
    store::testing::RawDb raw(db_path());
    EXPECT_EQ(raw.integer("SELECT count(*) FROM invitations"), 0);
}

TEST_F(Care, OnlyAnAccountWithARecordJoins) {
    const auto issued = must(invite(resources(), bea()));
    for (const auto& caller : {cid(), dan(), m_host}) {
        SCOPED_TRACE(caller.name);
        expect_error(join_care(resources(), caller, issued.code), core::ErrorCode::Forbidden,
                     "role");
        EXPECT_EQ(last_event().action, "denied");
    }
    expect_error(join_care(resources(), core::Actor::nobody(), issued.code),
                 core::ErrorCode::Unauthenticated, "Authorization");
    // The refusals did not use the code up.
    EXPECT_TRUE(join_care(resources(), ana(), issued.code));
    expect_error(care_links(resources(), dan()), core::ErrorCode::Forbidden, "role");
    expect_error(end_care(resources(), dan(), ana_person()), core::ErrorCode::Forbidden, "role");
}

// ---- Signed in for real ---------------------------------------------------------------------

// The callers identify() makes of real sessions work as the ones the other tests build.
TEST_F(Care, SignedInCallersReachWhatTheirLinksAllow) {
    cheap_account("gil", core::Role::Clinician);
    const auto hal = cheap_person_account("hal");
    const auto session = [&](std::string_view name, std::string address) {
        const auto signed_in = must(sign_in(resources(),
                                            {.channel = Credentials::Channel::None,
                                             .session_token = {},
                                             .address = std::move(address),
                                             .request_id = {}},
                                            name, good_password));
        return must(identify(resources(), {.channel = Credentials::Channel::None,
                                           .session_token = signed_in.token,
                                           .address = "192.0.2.9",
                                           .request_id = "r-9"}));
    };
    const auto gil = session("gil", "192.0.2.1");
    const auto hal_actor = session("hal", "192.0.2.2");
    ASSERT_EQ(gil.kind, core::Actor::Kind::Account);
    ASSERT_EQ(hal_actor.kind, core::Actor::Kind::Account);
    EXPECT_FALSE(opens(gil, *hal.person));
    const auto issued = must(invite(resources(), gil));
    ASSERT_TRUE(join_care(resources(), hal_actor, issued.code));
    EXPECT_TRUE(opens(gil, *hal.person));
    const auto event = last_event();
    EXPECT_EQ(event.action, "read");
    EXPECT_EQ(event.actor, "gil");
    EXPECT_EQ(event.address, "192.0.2.9");
    EXPECT_EQ(event.request_id, "r-9");
}

// ---- The audit trail ------------------------------------------------------------------------

class CareAudit : public Care {};

TEST_F(CareAudit, APersonSeesOnlyTheEventsOnTheirOwnRecord) {
    const auto fay = must(register_person(resources(), bea(), "Fay"));
    ana_joins_bea();
    ASSERT_TRUE(opens(bea(), fay.id));
    advance(1h);
    ASSERT_TRUE(opens(bea(), ana_person()));
    ASSERT_FALSE(opens(cid(), ana_person()));
    ASSERT_FALSE(opens(bea(), eli_person()));

    // Whatever ana asks for, she gets her own record's events.
    const auto seen = must(audit_events(resources(), ana(), {.person = fay.id}));
    ASSERT_FALSE(seen.empty());
    for (const auto& event : seen)
        EXPECT_EQ(event.person, ana_person()) << event.id << " " << event.action;
    const auto bea_read = std::ranges::find_if(seen, [&](const core::AuditEvent& event) {
        return event.action == "read" && event.actor == "bea" && event.resource == "record";
    });
    ASSERT_NE(bea_read, seen.end()) << "ana sees that bea opened her record";
    EXPECT_EQ(bea_read->at, now());
    EXPECT_TRUE(std::ranges::any_of(seen, [](const core::AuditEvent& event) {
        return event.actor == "cid";
    })) << "and that cid was refused";
    // Most recent first.
    EXPECT_TRUE(std::ranges::is_sorted(seen, std::ranges::greater{}, &core::AuditEvent::id));
    // Reading the trail is itself in it.
    EXPECT_EQ(last_event().action, "read");
    EXPECT_EQ(last_event().resource, "audit");
    EXPECT_EQ(last_event().person, ana_person());
}

TEST_F(CareAudit, AnAdminAndTheHostOperatorSeeEverything) {
    const auto fay = must(register_person(resources(), bea(), "Fay"));
    ana_joins_bea();
    ASSERT_TRUE(opens(bea(), fay.id));
    ASSERT_TRUE(opens(bea(), ana_person()));
    const auto total = event_count();
    for (const auto& caller : {dan(), m_host}) {
        SCOPED_TRACE(caller.name);
        const auto before = event_count();
        const auto seen = must(audit_events(resources(), caller, {}));
        EXPECT_EQ(seen.size(), before);
        const auto people_seen = [&](core::PersonId person) {
            return std::ranges::any_of(seen, [&](const core::AuditEvent& event) {
                return event.person == person && event.action == "read";
            });
        };
        EXPECT_TRUE(people_seen(fay.id));
        EXPECT_TRUE(people_seen(ana_person()));
        // A filter is the admin's to choose.
        const auto fay_only = must(audit_events(resources(), caller, {.person = fay.id}));
        ASSERT_FALSE(fay_only.empty());
        for (const auto& event : fay_only)
            EXPECT_EQ(event.person, fay.id);
        const auto bea_only =
            must(audit_events(resources(), caller, {.person = {}, .account = m_bea.id}));
        ASSERT_FALSE(bea_only.empty());
        for (const auto& event : bea_only)
            EXPECT_EQ(event.account, m_bea.id);
        const auto two = must(audit_events(resources(), caller, {.limit = 2}));
        EXPECT_EQ(two.size(), 2U);
    }
    EXPECT_GT(event_count(), total);
    for (const auto& caller : {dan(), m_host}) {
        const auto broken = must(verify_audit(resources(), caller));
        EXPECT_FALSE(broken) << caller.name << ": breaks at " << broken->id << ": "
                             << broken->reason;
    }
}

TEST_F(CareAudit, CliniciansReadNoTrailAndNobodyMustSignIn) {
    const auto before = event_count();
    expect_error(audit_events(resources(), bea(), {}), core::ErrorCode::Forbidden, "role");
    EXPECT_EQ(event_count(), before + 1);
    EXPECT_EQ(last_event().action, "denied");
    EXPECT_EQ(last_event().resource, "audit");
    expect_error(audit_events(resources(), core::Actor::nobody(), {}),
                 core::ErrorCode::Unauthenticated, "Authorization");
    EXPECT_EQ(event_count(), before + 1);
    expect_error(verify_audit(resources(), bea()), core::ErrorCode::Forbidden, "role");
    expect_error(verify_audit(resources(), ana()), core::ErrorCode::Forbidden, "role");
}

TEST_F(CareAudit, TheHostOperatorsLookInAClinicIsAudited) {
    const auto before = event_count();
    ASSERT_TRUE(open_record(resources(), m_host, ana_person()));
    ASSERT_EQ(event_count(), before + 1);
    EXPECT_EQ(last_event().actor, "host:root");
    EXPECT_EQ(last_event().role, "host");
    EXPECT_EQ(last_event().person, ana_person());
    EXPECT_EQ(last_event().action, "read");
}

} // namespace
} // namespace unload::service
