// The SQLite audit log against its port (core/ports/audit_log.hpp, store/soci_audit_log.hpp):
// events come back as appended, most recent first and filtered; each carries the digest of the
// one before it; and verify() finds a row edited, deleted or forged in with raw SQL, the way
// someone with the database file would do it, at the row where the chain breaks.

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <sodium.h>

#include "core/calendar.hpp"
#include "core/ports/storage.hpp"
#include "store/store.hpp"
#include "store/store_support.hpp"
#include "support/results.hpp"

namespace unload::store {
namespace {

using testing::RawDb;
using testing::TempDir;

using test::at;
using test::must;

/// The digest of the first event's predecessor.
const std::string no_previous_digest(64, '0');

/// An event's digest as store/soci_audit_log.hpp defines it, computed here from that definition
/// alone, as someone forging a row would: SHA-256 in hex over the id, the fields and the digest
/// before it, each written as `<length>:<text>;` (an absent account or person as `-`). The
/// store's header is not included: it brings SOCI's SQLite, which hides sqlite3.h from RawDb.
std::string forged_digest(const core::AuditEvent& event, std::string_view previous) {
    std::string text;
    const auto field = [&](std::string_view value) {
        text += std::to_string(value.size()) + ":";
        text += value;
        text += ';';
    };
    const auto optional_number = [&](const std::optional<core::RecordId>& value) {
        field(value ? std::to_string(*value) : std::string("-"));
    };
    field(std::to_string(event.id));
    field(core::iso_timestamp(event.at));
    field(event.actor);
    optional_number(event.account);
    field(event.role);
    field(event.action);
    optional_number(event.person);
    field(event.resource);
    field(event.outcome);
    field(event.request_id);
    field(event.address);
    field(previous);
    [[maybe_unused]] static const int sodium = sodium_init();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

/// Event `n` of the chain the tests append. The odd ones (3 among them, the middle of five) are a
/// clinician's with an account, a person and an address, so that every column has a value to
/// change or remove; event 1 names no person.
core::AuditEvent event_number(int n) {
    const auto text = std::to_string(n);
    const bool odd = n % 2 == 1;
    return {.id = 0,
            .at = at("2026-11-02T08:00:00Z") + std::chrono::minutes(n),
            .actor = odd ? "bea" : "host:root",
            .account = odd ? std::optional<core::RecordId>(2) : std::nullopt,
            .role = odd ? "clinician" : "host",
            .action = n % 3 == 0 ? "update" : "read",
            .person = n == 1 ? std::nullopt : std::optional<core::PersonId>(n % 2 + 1),
            .resource = "record",
            .outcome = "ok",
            .request_id = "request-" + text,
            .address = odd ? "192.0.2." + text : "",
            .previous_digest = {},
            .digest = {}};
}

class AuditLog : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = open(m_dir.url());
        ASSERT_TRUE(opened) << opened.error().to_string();
        m_storage = std::move(*opened);
    }

    core::AuditLog& log() { return m_storage->audit_log(); }
    RawDb raw() { return RawDb(m_dir.path() / "unload.db"); }

    /// Appends events 1 to `count`.
    void append_chain(int count) {
        for (int n = 1; n <= count; ++n)
            ASSERT_EQ(must(log().append(event_number(n))), n);
    }

    /// Where verify() says the chain breaks (a test failure when it holds).
    core::AuditBreak the_break() {
        const auto broken = must(log().verify());
        if (!broken) {
            ADD_FAILURE() << "verify() found the chain intact";
            return {};
        }
        EXPECT_FALSE(broken->reason.empty());
        return *broken;
    }

    TempDir m_dir;
    std::unique_ptr<core::Storage> m_storage;
};

TEST_F(AuditLog, AnEmptyChainHolds) {
    EXPECT_EQ(must(log().count()), 0U);
    EXPECT_FALSE(must(log().verify()));
    EXPECT_TRUE(must(log().events({})).empty());
}

TEST_F(AuditLog, EventsComeBackAsAppendedAndChained) {
    append_chain(5);
    EXPECT_EQ(must(log().count()), 5U);
    const auto events = must(log().events({}));
    ASSERT_EQ(events.size(), 5U);
    // Most recent first.
    for (std::size_t i = 0; i < events.size(); ++i) {
        const int n = 5 - static_cast<int>(i);
        SCOPED_TRACE("event " + std::to_string(n));
        const auto expected = event_number(n);
        const auto& event = events[i];
        EXPECT_EQ(event.id, n);
        EXPECT_EQ(event.at, expected.at);
        EXPECT_EQ(event.actor, expected.actor);
        EXPECT_EQ(event.account, expected.account);
        EXPECT_EQ(event.role, expected.role);
        EXPECT_EQ(event.action, expected.action);
        EXPECT_EQ(event.person, expected.person);
        EXPECT_EQ(event.resource, expected.resource);
        EXPECT_EQ(event.outcome, expected.outcome);
        EXPECT_EQ(event.request_id, expected.request_id);
        EXPECT_EQ(event.address, expected.address);
        EXPECT_EQ(event.digest.size(), 64U);
        // The digest is what its definition says, so the forgeries below are made right.
        EXPECT_EQ(event.digest, forged_digest(event, event.previous_digest));
        // Each links to the one before it; the first to 64 zeros.
        EXPECT_EQ(event.previous_digest,
                  i + 1 < events.size() ? events[i + 1].digest : no_previous_digest);
    }
    EXPECT_EQ(events.back().previous_digest, std::string(64, '0'));
    EXPECT_FALSE(must(log().verify()));
}

TEST_F(AuditLog, EventsAreFilteredByPersonAccountTimeAndLimit) {
    append_chain(6);
    const auto of_person_1 = must(log().events({.person = 1}));
    ASSERT_EQ(of_person_1.size(), 3U); // events 2, 4 and 6
    for (const auto& event : of_person_1)
        EXPECT_EQ(event.person, 1);
    const auto of_account = must(log().events({.person = {}, .account = 2}));
    ASSERT_EQ(of_account.size(), 3U); // events 1, 3 and 5
    for (const auto& event : of_account)
        EXPECT_EQ(event.account, 2);
    const auto since =
        must(log().events({.person = {}, .account = {}, .since = event_number(5).at}));
    ASSERT_EQ(since.size(), 2U);
    EXPECT_EQ(since[0].id, 6);
    EXPECT_EQ(since[1].id, 5);
    const auto newest_two = must(log().events({.limit = 2}));
    ASSERT_EQ(newest_two.size(), 2U);
    EXPECT_EQ(newest_two[0].id, 6);
    EXPECT_EQ(newest_two[1].id, 5);
}

// ---- Tampering, as someone with the database file would -----------------------------------

struct Edit {
    const char* name;
    const char* set; ///< The SET clause applied to event 3.
    const char* reason;
};

void PrintTo(const Edit& edit, std::ostream* out) {
    *out << edit.name;
}

class AuditLogEdit : public AuditLog, public ::testing::WithParamInterface<Edit> {};

TEST_P(AuditLogEdit, ChangingAColumnOfAMiddleRowBreaksTheChainThere) {
    append_chain(5);
    ASSERT_FALSE(must(log().verify()));
    raw().exec(std::string("UPDATE audit_events SET ") + GetParam().set + " WHERE id = 3");
    const auto broken = the_break();
    EXPECT_EQ(broken.id, 3);
    EXPECT_NE(broken.reason.find(GetParam().reason), std::string::npos) << broken.reason;
}

INSTANTIATE_TEST_SUITE_P(
    AuditColumns, AuditLogEdit,
    ::testing::Values(
        Edit{"at", "at = '2026-11-02T08:03:01Z'", "contents"},
        Edit{"actor", "actor = 'someone.else'", "contents"},
        Edit{"account", "account_id = 9", "contents"},
        Edit{"account_removed", "account_id = NULL", "contents"},
        Edit{"role", "role = 'admin'", "contents"}, Edit{"action", "action = 'read'", "contents"},
        Edit{"person", "person_id = 5", "contents"},
        Edit{"person_removed", "person_id = NULL", "contents"},
        Edit{"resource", "resource = 'program'", "contents"},
        Edit{"outcome", "outcome = 'forbidden'", "contents"},
        Edit{"request_id", "request_id = 'other'", "contents"},
        Edit{"address", "address = '203.0.113.7'", "contents"},
        Edit{"digest", "digest = substr(digest, 2) || substr(digest, 1, 1)", "contents"},
        Edit{"previous_digest",
             "previous_digest = '1111111111111111111111111111111111111111111111111111111111111111'",
             "link"}),
    [](const ::testing::TestParamInfo<Edit>& row) { return std::string(row.param.name); });

TEST_F(AuditLog, AnEditWithItsDigestRecomputedBreaksTheLinkOfTheNextRow) {
    append_chain(5);
    auto forged = must(log().events({})).at(2); // event 3
    ASSERT_EQ(forged.id, 3);
    forged.action = "read";
    forged.actor = "someone.else";
    const auto digest = forged_digest(forged, forged.previous_digest);
    raw().exec("UPDATE audit_events SET action = 'read', actor = 'someone.else', digest = '" +
               digest + "' WHERE id = 3");
    EXPECT_EQ(the_break().id, 4);
}

TEST_F(AuditLog, DeletingAMiddleRowIsFound) {
    append_chain(5);
    raw().exec("DELETE FROM audit_events WHERE id = 3");
    const auto broken = the_break();
    EXPECT_EQ(broken.id, 4);
    EXPECT_NE(broken.reason.find("3"), std::string::npos) << broken.reason;
    EXPECT_EQ(must(log().count()), 4U);
}

TEST_F(AuditLog, DeletingTheFirstRowIsFound) {
    append_chain(3);
    raw().exec("DELETE FROM audit_events WHERE id = 1");
    EXPECT_EQ(the_break().id, 2);
}

TEST_F(AuditLog, DeletingAMiddleRowAndRenumberingIsFound) {
    append_chain(5);
    auto db = raw();
    db.exec("DELETE FROM audit_events WHERE id = 3");
    db.exec("UPDATE audit_events SET id = -(id - 1) WHERE id > 3");
    db.exec("UPDATE audit_events SET id = -id WHERE id < 0");
    // Event 4, now numbered 3, no longer links to event 2 (and its number is in its digest).
    EXPECT_EQ(the_break().id, 3);
}

TEST_F(AuditLog, AForgedRowInsertedBetweenIsFound) {
    append_chain(5);
    const auto events = must(log().events({}));
    const auto& second = events.at(3); // event 2
    ASSERT_EQ(second.id, 2);
    // Make room after event 2, then put in a row whose own digest and link are right.
    auto db = raw();
    db.exec("UPDATE audit_events SET id = -(id + 1) WHERE id > 2");
    db.exec("UPDATE audit_events SET id = -id WHERE id < 0");
    auto forged = event_number(9);
    forged.id = 3;
    forged.previous_digest = second.digest;
    forged.digest = forged_digest(forged, forged.previous_digest);
    db.exec("INSERT INTO audit_events (id, at, actor, account_id, role, action, person_id, "
            "resource, outcome, request_id, address, previous_digest, digest) VALUES (3, '" +
            core::iso_timestamp(forged.at) +
            "', 'bea', 2, 'clinician', 'update', 2, 'record', "
            "'ok', '" +
            forged.request_id + "', '" + forged.address + "', '" + forged.previous_digest + "', '" +
            forged.digest + "')");
    ASSERT_EQ(must(log().events({.person = {}, .account = {}, .since = {}, .limit = 1000})).size(),
              6U);
    // The forged row itself checks out; the row after it, the old event 3, does not link to it.
    const auto broken = the_break();
    EXPECT_EQ(broken.id, 4);
    EXPECT_NE(broken.reason.find("link"), std::string::npos) << broken.reason;
}

TEST_F(AuditLog, AForgedRowWithAMadeUpDigestIsFound) {
    append_chain(4);
    const auto last = must(log().events({.limit = 1})).at(0);
    auto forged = event_number(5);
    forged.id = 5;
    RawDb db = raw();
    db.exec("INSERT INTO audit_events (id, at, actor, account_id, role, action, person_id, "
            "resource, outcome, request_id, address, previous_digest, digest) VALUES (5, '" +
            core::iso_timestamp(forged.at) +
            "', 'host:root', NULL, 'host', 'read', 2, 'record', "
            "'ok', 'request-5', '', '" +
            last.digest + "', '" + std::string(64, 'a') + "')");
    EXPECT_EQ(the_break().id, 5);
}

TEST_F(AuditLog, AppendingAfterABreakLeavesTheBreakWhereItWas) {
    append_chain(3);
    raw().exec("UPDATE audit_events SET actor = 'someone.else' WHERE id = 2");
    ASSERT_EQ(must(log().append(event_number(4))), 4);
    EXPECT_EQ(the_break().id, 2);
}

} // namespace
} // namespace unload::store
