// Opening databases: URLs, where the file goes, and schema migrations. A database left at an older
// version by an older Unload is upgraded in place with its data intact; one written by a newer
// Unload is refused; a script is split into statements without being fooled by quotes or comments.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/calendar.hpp"
#include "core/ports/storage.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"
#include "store/store_support.hpp"

namespace unload::store {
namespace {

using testing::RawDb;
using testing::TempDir;

// ---- The embedded migrations -------------------------------------------------------------------

TEST(EmbeddedMigrations, AreNumberedFromOneWithoutGapsAndEachHasSql) {
    const auto migrations = embedded_migrations();
    ASSERT_GE(migrations.size(), 2u);
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1));
        EXPECT_FALSE(migrations[i].name.empty());
        EXPECT_FALSE(split_statements(migrations[i].sql).empty()) << migrations[i].name;
    }
    EXPECT_EQ(latest_schema_version(), static_cast<int>(migrations.size()));
}

struct SplitCase {
    std::string_view name;
    std::string_view script;
    std::vector<std::string> statements;
};

const SplitCase split_cases[] = {
    {.name = "empty", .script = "", .statements = {}},
    {.name = "only_comments_and_blanks",
     .script = "-- nothing here;\n  /* nor; here */ \n;\n",
     .statements = {}},
    {.name = "two_statements",
     .script = "CREATE TABLE a (x INTEGER);\nCREATE TABLE b (y TEXT);\n",
     .statements = {"CREATE TABLE a (x INTEGER)", "CREATE TABLE b (y TEXT)"}},
    {.name = "last_statement_without_semicolon",
     .script = "SELECT 1;\n  SELECT 2  ",
     .statements = {"SELECT 1", "SELECT 2"}},
    {.name = "semicolon_and_colon_in_a_string",
     .script = "INSERT INTO t VALUES ('a;b: c', 'it''s; here');",
     .statements = {"INSERT INTO t VALUES ('a;b: c', 'it''s; here')"}},
    {.name = "semicolon_in_a_quoted_identifier",
     .script = "CREATE TABLE \"odd;name\" (x INTEGER);",
     .statements = {"CREATE TABLE \"odd;name\" (x INTEGER)"}},
    // A colon in a comment would look like a bound parameter to SOCI; comments are removed.
    {.name = "comments_removed_even_inside_a_statement",
     .script = "CREATE TABLE a ( -- note: a; comment\n x INTEGER /* b; c: */ );",
     .statements = {"CREATE TABLE a (  \n x INTEGER   )"}},
};

TEST(SplitStatements, SplitsOnlyAtSemicolonsThatEndStatements) {
    for (const auto& each : split_cases) {
        SCOPED_TRACE(each.name);
        EXPECT_EQ(split_statements(each.script), each.statements);
    }
}

// ---- URLs and files ----------------------------------------------------------------------------

struct UrlErrorCase {
    std::string_view name;
    std::string_view url;
    core::ErrorCode code;
    std::string_view message; ///< A substring of the message.
};

const UrlErrorCase url_error_cases[] = {
    {.name = "postgresql",
     .url = "postgresql://unload@localhost/unload",
     .code = core::ErrorCode::InvalidInput,
     .message = "PostgreSQL support comes in a later stage"},
    {.name = "postgres_short_scheme",
     .url = "postgres://localhost/unload",
     .code = core::ErrorCode::InvalidInput,
     .message = "PostgreSQL support comes in a later stage"},
    {.name = "unknown_scheme",
     .url = "mysql://localhost/unload",
     .code = core::ErrorCode::InvalidInput,
     .message = "unknown database scheme 'mysql'"},
    {.name = "empty", .url = "", .code = core::ErrorCode::InvalidInput, .message = "got nothing"},
    {.name = "scheme_without_path",
     .url = "sqlite:",
     .code = core::ErrorCode::InvalidInput,
     .message = "got nothing"},
    {.name = "quote_in_path",
     .url = "sqlite:/tmp/a\"b.db",
     .code = core::ErrorCode::InvalidInput,
     .message = "cannot contain"},
};

TEST(Open, RefusesUrlsItCannotServeNamingTheDbField) {
    for (const auto& each : url_error_cases) {
        SCOPED_TRACE(each.name);
        const auto opened = open(each.url);
        ASSERT_FALSE(opened);
        EXPECT_EQ(opened.error().code, each.code);
        EXPECT_EQ(opened.error().field, "db");
        EXPECT_NE(opened.error().message.find(each.message), std::string::npos)
            << opened.error().message;
    }
}

TEST(Open, TakesABarePathOrASqliteUrlAndCreatesMissingDirectoriesPrivately) {
    TempDir dir;
    const auto nested = dir.path() / "a" / "b" / "unload.db";
    auto by_path = open(nested.string());
    ASSERT_TRUE(by_path) << by_path.error().to_string();
    ASSERT_TRUE(std::filesystem::is_regular_file(nested));
    EXPECT_EQ(std::filesystem::status(nested).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    EXPECT_EQ(std::filesystem::status(nested.parent_path()).permissions() &
                  std::filesystem::perms::all,
              std::filesystem::perms::owner_all);
    ASSERT_TRUE((*by_path)->record(1)->add_pain({.pain = 3, .note = "by path"}));
    by_path->reset();

    auto by_url = open("sqlite:" + nested.string());
    ASSERT_TRUE(by_url) << by_url.error().to_string();
    const auto pain = (*by_url)->record(1)->pain_entries(core::Day{}, core::Day{});
    ASSERT_TRUE(pain);
    ASSERT_EQ(pain->size(), 1u);
    EXPECT_EQ((*pain)[0].note, "by path");
}

TEST(Open, ReportsADirectoryThatCannotBeCreated) {
    TempDir dir;
    const auto blocker = dir.path() / "file";
    std::ofstream(blocker) << "not a directory";
    const auto opened = open((blocker / "unload.db").string());
    ASSERT_FALSE(opened);
    // The path the person gave is at fault (exit 2 in the CLI), not the machine.
    EXPECT_EQ(opened.error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(opened.error().field, "db");
    EXPECT_NE(opened.error().message.find("cannot create directory"), std::string::npos)
        << opened.error().message;
}

TEST(Open, ReportsAFileThatIsNotADatabaseByItsPath) {
    TempDir dir;
    const auto notes = dir.path() / "notes.txt";
    std::ofstream(notes) << "these are notes, not a database; long enough to fill a header page";
    const auto opened = open(notes.string());
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(opened.error().field, "db");
    EXPECT_NE(opened.error().message.find(notes.string() + ": file is not a database"),
              std::string::npos)
        << opened.error().message;
    // Nothing was written into it.
    std::ifstream in(notes);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(text, "these are notes, not a database; long enough to fill a header page");
}

TEST(Open, SetsTheDatabaseToWriteAheadLogging) {
    TempDir dir;
    ASSERT_TRUE(open(dir.url()));
    RawDb raw(dir.path() / "unload.db");
    EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
}

// ---- Migrations --------------------------------------------------------------------------------

TEST(Migrations, ANewDatabaseGetsEveryMigrationRecorded) {
    TempDir dir;
    EXPECT_EQ(applied_migrations(dir.url()).value_or(std::vector<AppliedMigration>{{}}).size(), 0u);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "unload.db"))
        << "reading the version must not create the file";

    ASSERT_TRUE(open(dir.url()));
    const auto applied = applied_migrations(dir.url());
    ASSERT_TRUE(applied) << applied.error().to_string();
    const auto migrations = embedded_migrations();
    ASSERT_EQ(applied->size(), migrations.size());
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        EXPECT_EQ((*applied)[i].version, migrations[i].version);
        EXPECT_EQ((*applied)[i].name, migrations[i].name);
        EXPECT_TRUE(core::parse_iso_timestamp((*applied)[i].applied_at))
            << (*applied)[i].applied_at;
    }
    EXPECT_EQ(schema_version(dir.url()), latest_schema_version());
}

TEST(Migrations, ReopeningAppliesNothingAgain) {
    TempDir dir;
    ASSERT_TRUE(open(dir.url()));
    RawDb raw(dir.path() / "unload.db");
    raw.exec("UPDATE schema_migrations SET applied_at = '2000-01-01T00:00:00Z'");
    ASSERT_TRUE(open(dir.url()));
    EXPECT_EQ(raw.integer("SELECT count(*) FROM schema_migrations"), latest_schema_version());
    EXPECT_EQ(raw.integer("SELECT count(*) FROM schema_migrations "
                          "WHERE applied_at <> '2000-01-01T00:00:00Z'"),
              0);
}

TEST(Migrations, MigrateToStopsAtTheGivenVersion) {
    TempDir dir;
    ASSERT_TRUE(open(dir.url(), {.migrate_to = 1}));
    EXPECT_EQ(schema_version(dir.url()), 1);
    RawDb raw(dir.path() / "unload.db");
    EXPECT_TRUE(raw.has_table("sessions"));
    EXPECT_FALSE(raw.has_table("reviews"));

    for (const int version : {-1, latest_schema_version() + 1}) {
        const auto refused = open(dir.url(), {.migrate_to = version});
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
    }
}

TEST(Migrations, ADatabaseAtVersion1IsUpgradedInPlaceWithItsDataIntact) {
    TempDir dir;
    ASSERT_TRUE(open(dir.url(), {.migrate_to = 1}));
    {
        // Rows as Unload at schema version 1 wrote them, in that version's SQL.
        RawDb raw(dir.path() / "unload.db");
        raw.exec(R"sql(
            INSERT INTO intakes (id, at, document)
                VALUES (7, '2026-10-01T08:00:00Z', '{"format": "unload-intake/1"}');
            INSERT INTO program_versions
                (id, intake_id, created_at, starts_on, week, stage, origin, document)
                VALUES (3, 7, '2026-10-01T08:01:00Z', '2026-10-01', 1, 'relief_once', 'start', '{}');
            INSERT INTO program_version_reasons VALUES (3, 0, 'calendar_week_1', 'Week 1.');
            INSERT INTO sessions (id, program_version_id, started_at, day, planned_ms, active_ms,
                                  outcome, pain_before, pain_after, flare)
                VALUES (11, 3, '2026-10-02T07:00:00Z', '2026-10-02', 600000, 590000,
                        'completed', 5, NULL, 0);
            INSERT INTO session_steps VALUES
                (11, 0, 0, 'get_ready', '', '', 5000, 0, 5000, 'done'),
                (11, 1, 1, 'hold', 'knee_to_chest', 'left', 30000, 5000, 35000, 'skipped');
            INSERT INTO session_events VALUES (11, 0, 20000, 'skip', 'knee_to_chest', '', '');
            INSERT INTO pain_entries (id, at, day, pain, note)
                VALUES (5, '2026-10-02T20:00:00Z', '2026-10-02', 4, 'evening');
        )sql");
    }

    auto upgraded = open(dir.url());
    ASSERT_TRUE(upgraded) << upgraded.error().to_string();
    EXPECT_EQ(schema_version(dir.url()), latest_schema_version());
    const auto applied = applied_migrations(dir.url());
    ASSERT_TRUE(applied);
    ASSERT_EQ(applied->size(), embedded_migrations().size());
    EXPECT_EQ((*applied)[1].name, embedded_migrations()[1].name);

    // The one person's record became person 1's.
    const auto person =
        (*upgraded)->directory().sole_person(*core::parse_iso_timestamp("2026-12-01T08:00:00Z"));
    ASSERT_TRUE(person && *person);
    EXPECT_EQ(**person, 1);
    const auto record = (*upgraded)->record(1);
    auto& repo = *record;
    const auto intake = repo.latest_intake();
    ASSERT_TRUE(intake && intake->has_value());
    EXPECT_EQ((*intake)->id, 7);
    EXPECT_EQ((*intake)->document, R"({"format": "unload-intake/1"})");

    const auto program = repo.current_program();
    ASSERT_TRUE(program && program->has_value());
    EXPECT_EQ((*program)->id, 3);
    EXPECT_EQ((*program)->stage, "relief_once");
    ASSERT_EQ((*program)->because.size(), 1u);
    EXPECT_EQ((*program)->because[0].id, "calendar_week_1");

    const auto day = *core::parse_iso_day("2026-10-02");
    const auto sessions = repo.sessions(day, day, core::SessionDetail::Full);
    ASSERT_TRUE(sessions) << sessions.error().to_string();
    ASSERT_EQ(sessions->size(), 1u);
    const auto& session = (*sessions)[0];
    EXPECT_EQ(session.id, 11);
    EXPECT_EQ(session.started_at, *core::parse_iso_timestamp("2026-10-02T07:00:00Z"));
    EXPECT_EQ(session.active_ms, 590000);
    EXPECT_EQ(session.pain_before, 5);
    EXPECT_EQ(session.pain_after, std::nullopt);
    ASSERT_EQ(session.steps.size(), 2u);
    EXPECT_EQ(session.steps[1].item, "knee_to_chest");
    EXPECT_EQ(session.steps[1].side, "left");
    EXPECT_EQ(session.steps[1].result, core::StepResult::Skipped);
    ASSERT_EQ(session.events.size(), 1u);
    EXPECT_EQ(session.events[0].kind, core::EventKind::Skip);

    const auto pain = repo.pain_entries(day, day);
    ASSERT_TRUE(pain);
    ASSERT_EQ(pain->size(), 1u);
    EXPECT_EQ((*pain)[0].note, "evening");

    // What migration 2 added works on the upgraded database, and the old version has no review.
    const auto review = repo.add_review({.at = *core::parse_iso_timestamp("2026-10-08T08:00:00Z"),
                                         .day = *core::parse_iso_day("2026-10-08"),
                                         .week = 1,
                                         .decision = core::ReviewDecision::Hold,
                                         .from_stage = "relief_once",
                                         .to_stage = "relief_once"},
                                        std::nullopt);
    ASSERT_TRUE(review) << review.error().to_string();
    ASSERT_TRUE(repo.add_score({.instrument = "rmdq", .value = 6}));
    RawDb raw(dir.path() / "unload.db");
    EXPECT_EQ(raw.text("SELECT review_id FROM program_versions WHERE id = 3"), std::nullopt);
    EXPECT_EQ(raw.text("PRAGMA foreign_key_check"), std::nullopt);
    EXPECT_EQ(raw.text("PRAGMA integrity_check"), "ok");
}

TEST(Migrations, ADatabaseFromANewerUnloadIsRefusedAndLeftAlone) {
    TempDir dir;
    ASSERT_TRUE(open(dir.url()));
    const int future = latest_schema_version() + 1;
    {
        RawDb raw(dir.path() / "unload.db");
        raw.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (" +
                 std::to_string(future) + ", 'from_the_future', '2030-01-01T00:00:00Z')");
    }
    const auto refused = open(dir.url());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Io);
    EXPECT_EQ(refused.error().field, "db");
    EXPECT_NE(refused.error().message.find("schema version " + std::to_string(future)),
              std::string::npos)
        << refused.error().message;
    EXPECT_NE(refused.error().message.find("newer"), std::string::npos);
    EXPECT_EQ(schema_version(dir.url()), future);
}

TEST(Migrations, ADatabaseWhoseHistoryThisBinaryDoesNotKnowIsRefused) {
    TempDir dir;
    ASSERT_TRUE(open(dir.url(), {.migrate_to = 1}));
    {
        RawDb raw(dir.path() / "unload.db");
        raw.exec("UPDATE schema_migrations SET name = 'renamed_since' WHERE version = 1");
    }
    const auto refused = open(dir.url());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::Io);
    EXPECT_NE(refused.error().message.find("renamed_since"), std::string::npos);
    EXPECT_EQ(schema_version(dir.url()), 1) << "nothing may be applied over an unknown history";
}

} // namespace
} // namespace unload::store
