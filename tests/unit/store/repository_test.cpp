// The SQLite record store against the port's contract (core/ports/record_store.hpp): every record
// type comes back as it was stored, in order, within day ranges; a summary leaves steps out; a
// review and the program version it wrote are stored together or not at all; a session that breaks
// a rule in its 50th step leaves nothing behind; forgetting leaves an empty database that still
// works and holds no trace of what it forgot.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/calendar.hpp"
#include "core/ports/storage.hpp"
#include "core/records.hpp"
#include "store/store.hpp"
#include "store/store_support.hpp"
#include "support/results.hpp"

namespace unload::store {
namespace {

using testing::RawDb;
using testing::TempDir;

using test::at;
using test::must;

core::Day on(std::string_view iso) {
    const auto parsed = core::parse_iso_day(iso);
    EXPECT_TRUE(parsed) << iso;
    return parsed.value_or(core::Day{});
}

// ---- Comparing records field by field, so a failure says which field
// -----------------------------

void expect_same(const core::StepRecord& actual, const core::StepRecord& expected);
void expect_same(const core::SessionEvent& actual, const core::SessionEvent& expected);
void expect_same(const core::ScoreRecord& actual, const core::ScoreRecord& expected);

void expect_same(const core::Reason& actual, const core::Reason& expected) {
    EXPECT_EQ(actual.id, expected.id);
    EXPECT_EQ(actual.text, expected.text);
}

template <class T>
void expect_same_list(const std::vector<T>& actual, const std::vector<T>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        SCOPED_TRACE("element " + std::to_string(i));
        expect_same(actual[i], expected[i]);
    }
}

void expect_same(const core::StepRecord& actual, const core::StepRecord& expected) {
    EXPECT_EQ(actual.index, expected.index);
    EXPECT_EQ(actual.kind, expected.kind);
    EXPECT_EQ(actual.item, expected.item);
    EXPECT_EQ(actual.side, expected.side);
    EXPECT_EQ(actual.planned_ms, expected.planned_ms);
    EXPECT_EQ(actual.started_ms, expected.started_ms);
    EXPECT_EQ(actual.ended_ms, expected.ended_ms);
    EXPECT_EQ(actual.result, expected.result);
}

void expect_same(const core::SessionEvent& actual, const core::SessionEvent& expected) {
    EXPECT_EQ(actual.at_ms, expected.at_ms);
    EXPECT_EQ(actual.kind, expected.kind);
    EXPECT_EQ(actual.item, expected.item);
    EXPECT_EQ(actual.reason, expected.reason);
    EXPECT_EQ(actual.detail, expected.detail);
}

void expect_same_summary(const core::SessionRecord& actual, const core::SessionRecord& expected) {
    EXPECT_EQ(actual.program_version_id, expected.program_version_id);
    EXPECT_EQ(actual.started_at, expected.started_at);
    EXPECT_EQ(actual.day, expected.day);
    EXPECT_EQ(actual.planned_ms, expected.planned_ms);
    EXPECT_EQ(actual.active_ms, expected.active_ms);
    EXPECT_EQ(actual.outcome, expected.outcome);
    EXPECT_EQ(actual.pain_before, expected.pain_before);
    EXPECT_EQ(actual.pain_after, expected.pain_after);
    EXPECT_EQ(actual.flare, expected.flare);
}

void expect_same(const core::SessionRecord& actual, const core::SessionRecord& expected) {
    expect_same_summary(actual, expected);
    expect_same_list(actual.steps, expected.steps);
    expect_same_list(actual.events, expected.events);
}

void expect_same(const core::ProgramVersion& actual, const core::ProgramVersion& expected) {
    EXPECT_EQ(actual.intake_id, expected.intake_id);
    EXPECT_EQ(actual.created_at, expected.created_at);
    EXPECT_EQ(actual.starts_on, expected.starts_on);
    EXPECT_EQ(actual.week, expected.week);
    EXPECT_EQ(actual.stage, expected.stage);
    EXPECT_EQ(actual.origin, expected.origin);
    expect_same_list(actual.because, expected.because);
    EXPECT_EQ(actual.document, expected.document);
    ASSERT_EQ(actual.changes.size(), expected.changes.size());
    for (std::size_t i = 0; i < actual.changes.size(); ++i) {
        EXPECT_EQ(actual.changes[i].item, expected.changes[i].item);
        EXPECT_EQ(actual.changes[i].use, expected.changes[i].use);
        EXPECT_EQ(actual.changes[i].kind, expected.changes[i].kind);
        EXPECT_EQ(actual.changes[i].reason, expected.changes[i].reason);
        EXPECT_EQ(actual.changes[i].accepted_at, expected.changes[i].accepted_at);
    }
}

void expect_same(const core::ReviewRecord& actual, const core::ReviewRecord& expected) {
    EXPECT_EQ(actual.at, expected.at);
    EXPECT_EQ(actual.day, expected.day);
    EXPECT_EQ(actual.week, expected.week);
    EXPECT_EQ(actual.decision, expected.decision);
    EXPECT_EQ(actual.from_stage, expected.from_stage);
    EXPECT_EQ(actual.to_stage, expected.to_stage);
    expect_same_list(actual.because, expected.because);
    EXPECT_EQ(actual.advice, expected.advice);
}

void expect_same(const core::PainEntry& actual, const core::PainEntry& expected) {
    EXPECT_EQ(actual.at, expected.at);
    EXPECT_EQ(actual.day, expected.day);
    EXPECT_EQ(actual.pain, expected.pain);
    EXPECT_EQ(actual.note, expected.note);
}

void expect_same(const core::ScoreRecord& actual, const core::ScoreRecord& expected) {
    EXPECT_EQ(actual.at, expected.at);
    EXPECT_EQ(actual.day, expected.day);
    EXPECT_EQ(actual.instrument, expected.instrument);
    EXPECT_EQ(actual.value, expected.value); // Exact: a stored double must not lose bits.
    EXPECT_EQ(actual.band, expected.band);
    EXPECT_EQ(actual.answers, expected.answers);
}

void expect_same(const core::ReminderSettings& actual, const core::ReminderSettings& expected) {
    EXPECT_EQ(actual.session_minutes, expected.session_minutes);
    EXPECT_EQ(actual.work_start_minutes, expected.work_start_minutes);
    EXPECT_EQ(actual.work_end_minutes, expected.work_end_minutes);
    EXPECT_EQ(actual.work_days, expected.work_days);
    EXPECT_EQ(actual.desk_breaks, expected.desk_breaks);
    EXPECT_EQ(actual.sessions, expected.sessions);
}

// ---- Sample records ---------------------------------------------------------------------------

core::ProgramVersion sample_version(core::RecordId intake, std::string_view created,
                                    std::string_view stage) {
    return core::ProgramVersion{
        .intake_id = intake,
        .created_at = at(created),
        .starts_on = on(std::string(created.substr(0, 10))),
        .week = 1,
        .stage = std::string(stage),
        .origin = "start",
        .because = {{.id = "calendar_week_1", .text = "Week 1 is relief once a day."},
                    {.id = "pattern_flexion", .text = "Bending forward eases it; it's 'noted'."}},
        .document = R"({"format": "unload-plan/1", "stage": "relief_once"})"};
}

/// A session with `step_count` steps covering every result, side and optional field.
core::SessionRecord sample_session(core::RecordId program, std::string_view started,
                                   int step_count = 30) {
    core::SessionRecord session{.program_version_id = program,
                                .started_at = at(started),
                                .day = on(started.substr(0, 10)),
                                .planned_ms = 600'000,
                                .active_ms = 541'250,
                                .outcome = core::SessionOutcome::Stopped,
                                .pain_before = 4,
                                .pain_after = std::nullopt,
                                .flare = true};
    constexpr const char* sides[] = {"", "left", "right"};
    for (int i = 0; i < step_count; ++i) {
        session.steps.push_back(core::StepRecord{.index = i,
                                                 .kind = i % 2 == 0 ? "hold" : "rest",
                                                 .item = i % 2 == 0 ? "cat_cow" : "",
                                                 .side = sides[i % 3],
                                                 .planned_ms = 10'000 + i,
                                                 .started_ms = 10'000LL * i,
                                                 .ended_ms = 10'000LL * i + 9'500,
                                                 .result = static_cast<core::StepResult>(i % 5)});
    }
    session.events = {
        {.at_ms = 12'000, .kind = core::EventKind::Pause, .item = "", .reason = "", .detail = ""},
        {.at_ms = 15'500, .kind = core::EventKind::Resume, .item = "", .reason = "", .detail = ""},
        {.at_ms = 40'000,
         .kind = core::EventKind::Swap,
         .item = "cat_cow",
         .reason = "",
         .detail = "cat_cow_small"},
        {.at_ms = 90'000,
         .kind = core::EventKind::Stop,
         .item = "cat_cow",
         .reason = "sharp_pain",
         .detail = ""},
    };
    return session;
}

class RepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = open(m_dir.url());
        ASSERT_TRUE(opened) << opened.error().to_string();
        m_storage = std::move(*opened);
        const auto person =
            m_storage->directory().add_person(m_person_name, at("2026-11-01T07:00:00Z"));
        ASSERT_TRUE(person) << person.error().to_string();
        m_repo = m_storage->record(*person);
    }

    /// Stores an intake and a first program version; returns the version's id.
    core::RecordId start_program() {
        const auto intake = m_repo->add_intake(
            {.at = at("2026-11-01T08:00:00Z"), .document = R"({"format": "unload-intake/1"})"},
            std::nullopt);
        EXPECT_TRUE(intake) << intake.error().to_string();
        m_intake = intake.value_or(0);
        const auto version = m_repo->add_program_version(
            sample_version(m_intake, "2026-11-01T08:01:00Z", "relief_once"));
        EXPECT_TRUE(version) << version.error().to_string();
        return version.value_or(0);
    }

    std::filesystem::path file() const { return m_dir.path() / "unload.db"; }

    TempDir m_dir;
    /// The name of the person whose record the tests write, to look for after forgetting.
    std::string m_person_name = "zebra-marker-7f3a";
    std::unique_ptr<core::Storage> m_storage;
    std::unique_ptr<core::RecordStore> m_repo;
    core::RecordId m_intake = 0;
};

// ---- Intakes and program versions ---------------------------------------------------------------

TEST_F(RepositoryTest, IntakesComeBackOldestFirstAndTheNewestIsTheLatest) {
    const auto none = m_repo->latest_intake();
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());

    // Stored out of time order: the newer one first.
    const auto newer = m_repo->add_intake(
        {.at = at("2026-11-08T09:00:00Z"), .document = "{\"n\": 2}"}, std::nullopt);
    const auto older = m_repo->add_intake(
        {.at = at("2026-11-01T09:00:00Z"), .document = "{\"n\": 1}"}, std::nullopt);
    ASSERT_TRUE(newer && older);
    EXPECT_NE(*newer, *older);
    EXPECT_GT(*newer, 0);

    const auto all = m_repo->intakes();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].id, *older);
    EXPECT_EQ((*all)[0].at, at("2026-11-01T09:00:00Z"));
    EXPECT_EQ((*all)[0].document, "{\"n\": 1}");
    EXPECT_EQ((*all)[1].id, *newer);

    const auto latest = m_repo->latest_intake();
    ASSERT_TRUE(latest && latest->has_value());
    EXPECT_EQ((*latest)->id, *newer);
    EXPECT_EQ((*latest)->document, "{\"n\": 2}");
}

TEST_F(RepositoryTest, ProgramVersionsKeepTheirReasonsInOrderAndTheNewestIsCurrent) {
    const auto none = m_repo->current_program();
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());

    const auto first_id = start_program();
    auto second = sample_version(m_intake, "2026-11-08T08:00:00Z", "relief_twice");
    second.week = 2;
    second.origin = "review";
    second.because = {{.id = "review_progress", .text = "Adherence 86 %, pain down."}};
    const auto second_id = m_repo->add_program_version(second);
    ASSERT_TRUE(second_id) << second_id.error().to_string();

    const auto current = m_repo->current_program();
    ASSERT_TRUE(current && current->has_value());
    EXPECT_EQ((*current)->id, *second_id);
    expect_same(**current, second);

    const auto all = m_repo->program_versions();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].id, first_id);
    expect_same((*all)[0], sample_version(m_intake, "2026-11-01T08:01:00Z", "relief_once"));
    expect_same((*all)[1], second);
}

TEST_F(RepositoryTest, AVersionsExerciseChangesComeBackInOrderAndAHarderOneCanBeTakenOnce) {
    start_program();
    auto version = sample_version(m_intake, "2026-11-08T08:00:00Z", "relief_twice");
    version.origin = "review";
    version.changes = {{.item = "bird_dog",
                        .use = "dead_bug",
                        .kind = core::ChangeKind::Easier,
                        .reason = "feedback_easier",
                        .accepted_at = std::nullopt},
                       {.item = "cat_cow",
                        .use = "",
                        .kind = core::ChangeKind::Easier,
                        .reason = "feedback_easier_none",
                        .accepted_at = std::nullopt},
                       {.item = "glute_bridge",
                        .use = "sit_to_stand",
                        .kind = core::ChangeKind::Harder,
                        .reason = "feedback_harder_offered",
                        .accepted_at = std::nullopt}};
    const auto id = must(m_repo->add_program_version(version));
    expect_same(*must(m_repo->current_program()), version);

    const auto refused = m_repo->accept_change(id, "bird_dog", at("2026-11-09T08:00:00Z"));
    ASSERT_FALSE(refused) << "an easier version is not an offer";
    EXPECT_EQ(refused.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(refused.error().field, "exercise");
    ASSERT_TRUE(m_repo->accept_change(id, "glute_bridge", at("2026-11-09T08:00:00Z")));
    version.changes[2].accepted_at = at("2026-11-09T08:00:00Z");
    expect_same(*must(m_repo->current_program()), version);
    EXPECT_FALSE(m_repo->accept_change(id, "glute_bridge", at("2026-11-09T09:00:00Z")));
    expect_same(*must(m_repo->current_program()), version);
}

TEST_F(RepositoryTest, ARatingPerExerciseAndSessionIsReplacedByTheNextAndGoesWithItsSession) {
    const auto program = start_program();
    const auto first = must(m_repo->add_session(sample_session(program, "2026-11-02T07:30:00Z")));
    const auto second = must(m_repo->add_session(sample_session(program, "2026-11-03T07:30:00Z")));
    const auto played = must(m_repo->session_exercises(first));
    ASSERT_TRUE(played.has_value());
    EXPECT_EQ(*played, std::vector<std::string>{"cat_cow"});
    EXPECT_FALSE(must(m_repo->session_exercises(first + second + 1)).has_value());

    const auto rate = [&](core::RecordId session, core::Rating rating, std::string_view when) {
        ASSERT_TRUE(m_repo->set_feedback({.session_id = session,
                                          .item = "cat_cow",
                                          .rating = rating,
                                          .at = at(when),
                                          .day = {}}));
    };
    rate(second, core::Rating::TooEasy, "2026-11-03T08:00:00Z");
    rate(first, core::Rating::Right, "2026-11-02T08:00:00Z");
    rate(first, core::Rating::Hurt, "2026-11-02T08:01:00Z");
    const auto all = must(m_repo->feedback(on("2026-11-01"), on("2026-11-30")));
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].session_id, first);
    EXPECT_EQ(all[0].rating, core::Rating::Hurt);
    EXPECT_EQ(all[0].at, at("2026-11-02T08:01:00Z"));
    EXPECT_EQ(all[0].day, on("2026-11-02"));
    EXPECT_EQ(all[1].session_id, second);
    EXPECT_EQ(all[1].rating, core::Rating::TooEasy);
    EXPECT_EQ(must(m_repo->feedback(on("2026-11-03"), on("2026-11-03"))).size(), 1u);
}

TEST_F(RepositoryTest, AProgramVersionOfAnIntakeThatDoesNotExistIsRefused) {
    const auto refused =
        m_repo->add_program_version(sample_version(4242, "2026-11-01T08:01:00Z", "relief_once"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(refused.error().field, "db");
    EXPECT_TRUE(must(m_repo->program_versions()).empty());
}

// ---- Sessions ---------------------------------------------------------------------------------

TEST_F(RepositoryTest, ASessionComesBackWithEveryStepAndEventWhenReadInFull) {
    const auto program = start_program();
    const auto session = sample_session(program, "2026-11-02T07:30:00Z");
    const auto id = m_repo->add_session(session);
    ASSERT_TRUE(id) << id.error().to_string();

    const auto full =
        m_repo->sessions(on("2026-11-02"), on("2026-11-02"), core::SessionDetail::Full);
    ASSERT_TRUE(full) << full.error().to_string();
    ASSERT_EQ(full->size(), 1u);
    EXPECT_EQ((*full)[0].id, *id);
    expect_same((*full)[0], session);
}

TEST_F(RepositoryTest, ASummaryHasTheSessionRowButNoStepsOrEvents) {
    const auto program = start_program();
    auto session = sample_session(program, "2026-11-02T07:30:00Z");
    session.pain_after = 7;
    session.outcome = core::SessionOutcome::Completed;
    session.flare = false;
    ASSERT_TRUE(m_repo->add_session(session));

    const auto summary =
        m_repo->sessions(on("2026-11-02"), on("2026-11-02"), core::SessionDetail::Summary);
    ASSERT_TRUE(summary);
    ASSERT_EQ(summary->size(), 1u);
    expect_same_summary((*summary)[0], session);
    EXPECT_TRUE((*summary)[0].steps.empty());
    EXPECT_TRUE((*summary)[0].events.empty());
}

TEST_F(RepositoryTest, SessionsAreReadOldestFirstWithinAnInclusiveDayRange) {
    const auto program = start_program();
    // Stored out of order, two on one day, and one on each side of the range.
    const std::vector<std::string> times = {"2026-11-05T18:00:00Z", "2026-11-03T08:00:00Z",
                                            "2026-11-05T07:00:00Z", "2026-11-02T23:59:59Z",
                                            "2026-11-06T00:00:00Z", "2026-11-04T12:00:00Z"};
    for (const auto& time : times)
        ASSERT_TRUE(m_repo->add_session(sample_session(program, time, 3)));

    for (const auto detail : {core::SessionDetail::Summary, core::SessionDetail::Full}) {
        const auto found = m_repo->sessions(on("2026-11-03"), on("2026-11-05"), detail);
        ASSERT_TRUE(found);
        std::vector<core::Timestamp> started;
        for (const auto& session : *found) {
            started.push_back(session.started_at);
            EXPECT_EQ(session.steps.size(), detail == core::SessionDetail::Full ? 3u : 0u);
        }
        EXPECT_EQ(started, (std::vector{at("2026-11-03T08:00:00Z"), at("2026-11-04T12:00:00Z"),
                                        at("2026-11-05T07:00:00Z"), at("2026-11-05T18:00:00Z")}));
    }
    const auto empty =
        m_repo->sessions(on("2026-12-01"), on("2026-12-31"), core::SessionDetail::Full);
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->empty());
}

TEST_F(RepositoryTest, StepsAndEventsStayWithTheirOwnSession) {
    const auto program = start_program();
    auto first = sample_session(program, "2026-11-02T07:30:00Z", 2);
    auto second = sample_session(program, "2026-11-02T18:30:00Z", 5);
    second.events.resize(1);
    second.steps[0].item = "glute_bridge";
    ASSERT_TRUE(m_repo->add_session(first));
    ASSERT_TRUE(m_repo->add_session(second));

    const auto found =
        m_repo->sessions(on("2026-11-02"), on("2026-11-02"), core::SessionDetail::Full);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 2u);
    expect_same((*found)[0], first);
    expect_same((*found)[1], second);
}

TEST_F(RepositoryTest, ASessionWithoutStepsOrEventsIsStored) {
    const auto program = start_program();
    auto session = sample_session(program, "2026-11-02T07:30:00Z", 0);
    session.events.clear();
    ASSERT_TRUE(m_repo->add_session(session));
    const auto found =
        m_repo->sessions(on("2026-11-02"), on("2026-11-02"), core::SessionDetail::Full);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 1u);
    expect_same((*found)[0], session);
}

struct BadSessionCase {
    std::string_view name;
    void (*spoil)(core::SessionRecord&);
    std::string_view rule; ///< The constraint the message names.
};

const BadSessionCase bad_session_cases[] = {
    // The 50th step ends before it starts: the 49 steps before it were already written inside the
    // transaction, and must not survive it.
    {.name = "step_50_ends_before_it_starts",
     .spoil = [](core::SessionRecord& s) { s.steps[49].ended_ms = s.steps[49].started_ms - 1; },
     .rule = "step_ends_after_start"},
    {.name = "step_50_has_no_kind",
     .spoil = [](core::SessionRecord& s) { s.steps[49].kind.clear(); },
     .rule = "step_kind_named"},
    {.name = "step_50_has_an_unknown_side",
     .spoil = [](core::SessionRecord& s) { s.steps[49].side = "middle"; },
     .rule = "step_side_known"},
    {.name = "last_event_at_a_negative_time",
     .spoil = [](core::SessionRecord& s) { s.events.back().at_ms = -1; },
     .rule = "event_at_not_negative"},
    {.name = "pain_before_11",
     .spoil = [](core::SessionRecord& s) { s.pain_before = 11; },
     .rule = "session_pain_before_0_to_10"},
    {.name = "pain_after_negative",
     .spoil = [](core::SessionRecord& s) { s.pain_after = -1; },
     .rule = "session_pain_after_0_to_10"},
    {.name = "unknown_program_version",
     .spoil = [](core::SessionRecord& s) { s.program_version_id = 999; },
     .rule = "FOREIGN KEY"},
};

TEST_F(RepositoryTest, ASessionThatBreaksARuleAnywhereLeavesNothingStored) {
    const auto program = start_program();
    for (const auto& bad : bad_session_cases) {
        SCOPED_TRACE(bad.name);
        auto session = sample_session(program, "2026-11-02T07:30:00Z", 60);
        bad.spoil(session);
        const auto refused = m_repo->add_session(session);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
        EXPECT_EQ(refused.error().field, "db");
        EXPECT_NE(refused.error().message.find(bad.rule), std::string::npos)
            << refused.error().message;
    }
    RawDb raw(file());
    EXPECT_EQ(raw.integer("SELECT count(*) FROM sessions"), 0);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM session_steps"), 0);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM session_events"), 0);

    // The failed transactions left the connection usable.
    ASSERT_TRUE(m_repo->add_session(sample_session(program, "2026-11-02T07:30:00Z", 60)));
    EXPECT_EQ(raw.integer("SELECT count(*) FROM session_steps"), 60);
}

TEST_F(RepositoryTest, TimesOutsideTheYears1To9999AreRefusedBeforeWriting) {
    const auto program = start_program();
    auto session = sample_session(program, "2026-11-02T07:30:00Z");
    session.started_at = core::Timestamp{} + std::chrono::days{3'000'000};
    const auto refused = m_repo->add_session(session);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(refused.error().field, "db");
    EXPECT_NE(refused.error().message.find("session.started_at"), std::string::npos);
}

// ---- Pain, scores, reviews, reminders -----------------------------------------------------------

TEST_F(RepositoryTest, PainEntriesRoundTripInDayOrderAndRefuseAPainAbove10) {
    const std::vector<core::PainEntry> entries = {
        {.at = at("2026-11-03T20:00:00Z"),
         .day = on("2026-11-03"),
         .pain = 3,
         .note = "after a walk"},
        {.at = at("2026-11-01T08:00:00Z"), .day = on("2026-11-01"), .pain = 0, .note = ""},
        {.at = at("2026-11-03T07:00:00Z"),
         .day = on("2026-11-03"),
         .pain = 10,
         .note = "woke stiff"},
        {.at = at("2026-11-04T07:00:00Z"),
         .day = on("2026-11-04"),
         .pain = 5,
         .note = "out of range"},
    };
    for (const auto& entry : entries)
        ASSERT_TRUE(m_repo->add_pain(entry));

    const auto found = m_repo->pain_entries(on("2026-11-01"), on("2026-11-03"));
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 3u);
    expect_same((*found)[0], entries[1]);
    expect_same((*found)[1], entries[2]);
    expect_same((*found)[2], entries[0]);

    const auto refused = m_repo->add_pain(
        {.at = at("2026-11-05T07:00:00Z"), .day = on("2026-11-05"), .pain = 11, .note = ""});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
    EXPECT_NE(refused.error().message.find("pain_0_to_10"), std::string::npos);
    EXPECT_TRUE(must(m_repo->pain_entries(on("2026-11-05"), on("2026-11-05"))).empty());
}

TEST_F(RepositoryTest, ScoresRoundTripExactly) {
    const std::vector<core::ScoreRecord> scores = {
        {.at = at("2026-11-01T08:00:00Z"),
         .day = on("2026-11-01"),
         .instrument = "odi",
         .value = 100.0 / 3.0,
         .band = "moderate",
         .answers = R"({"answers": [1, 2]})"},
        {.at = at("2026-11-01T08:05:00Z"),
         .day = on("2026-11-01"),
         .instrument = "rmdq",
         .value = 7,
         .band = "",
         .answers = "{}"},
        {.at = at("2026-11-29T08:00:00Z"),
         .day = on("2026-11-29"),
         .instrument = "startback",
         .value = 4,
         .band = "medium",
         .answers = "{}"},
    };
    for (const auto& score : scores)
        ASSERT_TRUE(m_repo->add_score(score));
    const auto found = m_repo->scores();
    ASSERT_TRUE(found);
    expect_same_list(*found, scores);

    const auto refused = m_repo->add_score(
        {.at = at("2026-11-01T08:00:00Z"), .day = on("2026-11-01"), .instrument = "sf36"});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
}

core::ReviewRecord sample_review(std::string_view when, core::ReviewDecision decision) {
    return core::ReviewRecord{
        .at = at(when),
        .day = on(when.substr(0, 10)),
        .week = 1,
        .decision = decision,
        .from_stage = "relief_once",
        .to_stage = decision == core::ReviewDecision::Stop ? "" : "relief_twice",
        .because = {{.id = "adherence", .text = "6 of 7 sessions."},
                    {.id = "pain_trend", .text = "Mean pain 4.1, down from 5.0."}},
        .advice = {"book_pt_assessment", "keep_walking"}};
}

TEST_F(RepositoryTest, AReviewIsStoredWithTheProgramVersionItWrote) {
    start_program();
    const auto review = sample_review("2026-11-08T09:00:00Z", core::ReviewDecision::Progress);
    auto next = sample_version(m_intake, "2026-11-08T09:00:00Z", "relief_twice");
    next.origin = "review";
    next.week = 2;
    next.starts_on = on("2026-11-09");
    const auto id = m_repo->add_review(review, next);
    ASSERT_TRUE(id) << id.error().to_string();

    const auto reviews = m_repo->reviews();
    ASSERT_TRUE(reviews);
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ((*reviews)[0].id, *id);
    expect_same((*reviews)[0], review);

    const auto current = m_repo->current_program();
    ASSERT_TRUE(current && current->has_value());
    expect_same(**current, next);
    RawDb raw(file());
    EXPECT_EQ(raw.integer("SELECT review_id FROM program_versions WHERE id = " +
                          std::to_string((*current)->id)),
              *id);
}

TEST_F(RepositoryTest, AReviewThatStopsTheProgramWritesNoVersion) {
    start_program();
    const auto review = sample_review("2026-11-08T09:00:00Z", core::ReviewDecision::Stop);
    ASSERT_TRUE(m_repo->add_review(review, std::nullopt));
    EXPECT_EQ(must(m_repo->program_versions()).size(), 1u);
    const auto reviews = m_repo->reviews();
    ASSERT_TRUE(reviews);
    ASSERT_EQ(reviews->size(), 1u);
    expect_same((*reviews)[0], review);
}

TEST_F(RepositoryTest, AReviewWhoseNextVersionIsRefusedIsNotStoredEither) {
    start_program();
    auto next = sample_version(m_intake, "2026-11-08T09:00:00Z", "relief_twice");
    next.origin = "someone";
    const auto refused = m_repo->add_review(
        sample_review("2026-11-08T09:00:00Z", core::ReviewDecision::Progress), next);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
    EXPECT_NE(refused.error().message.find("program_origin_known"), std::string::npos);
    EXPECT_TRUE(must(m_repo->reviews()).empty());
    EXPECT_EQ(must(m_repo->program_versions()).size(), 1u);
    RawDb raw(file());
    EXPECT_EQ(raw.integer("SELECT count(*) FROM review_reasons"), 0);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM review_advice"), 0);
}

TEST_F(RepositoryTest, ReminderSettingsAreTheDefaultsUntilSavedAndThenWhatWasSaved) {
    const auto defaults = m_repo->reminder_settings();
    ASSERT_TRUE(defaults);
    expect_same(*defaults, core::ReminderSettings{});

    const core::ReminderSettings saved{.session_minutes = {18 * 60 + 30, 7 * 60},
                                       .work_start_minutes = 22 * 60,
                                       .work_end_minutes = 6 * 60,
                                       .work_days = {6, 7, 1},
                                       .desk_breaks = false,
                                       .sessions = true};
    ASSERT_TRUE(m_repo->save_reminder_settings(saved));
    expect_same(must(m_repo->reminder_settings()), saved);

    // Saving again replaces, including with empty lists.
    const core::ReminderSettings emptied{.session_minutes = {},
                                         .work_start_minutes = 0,
                                         .work_end_minutes = 1440,
                                         .work_days = {},
                                         .desk_breaks = true,
                                         .sessions = false};
    ASSERT_TRUE(m_repo->save_reminder_settings(emptied));
    expect_same(must(m_repo->reminder_settings()), emptied);

    auto bad = saved;
    bad.work_days.push_back(8);
    const auto refused = m_repo->save_reminder_settings(bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
    expect_same(must(m_repo->reminder_settings()), emptied);
}

// ---- Durability across connections and reopening
// -------------------------------------------------

TEST_F(RepositoryTest, WritesAreSeenByAnotherConnectionAndAfterReopening) {
    const auto program = start_program();
    const auto session = sample_session(program, "2026-11-02T07:30:00Z");
    ASSERT_TRUE(m_repo->add_session(session));
    const auto person = m_repo->person();

    auto other = open(m_dir.url());
    ASSERT_TRUE(other);
    const auto others = (*other)->record(person);
    const auto seen =
        others->sessions(on("2026-11-01"), on("2026-11-30"), core::SessionDetail::Full);
    ASSERT_TRUE(seen);
    ASSERT_EQ(seen->size(), 1u);
    expect_same((*seen)[0], session);

    ASSERT_TRUE(others->add_pain({.at = at("2026-11-02T08:00:00Z"),
                                  .day = on("2026-11-02"),
                                  .pain = 2,
                                  .note = "from the other one"}));
    other->reset();
    m_repo.reset();
    m_storage.reset();
    auto reopened = open(m_dir.url());
    ASSERT_TRUE(reopened);
    const auto record = (*reopened)->record(person);
    EXPECT_EQ(must(record->pain_entries(on("2026-11-02"), on("2026-11-02"))).size(), 1u);
    const auto stored =
        must(record->sessions(on("2026-11-02"), on("2026-11-02"), core::SessionDetail::Full));
    ASSERT_EQ(stored.size(), 1u);
    expect_same(stored[0], session);
}

// ---- Forgetting -------------------------------------------------------------------------------

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(RepositoryTest, ForgettingLeavesAnEmptyUsableDatabaseWithNoTraceInItsFiles) {
    // A marker in every kind of record, to look for in the raw files afterwards.
    const std::string marker = m_person_name;
    const auto intake =
        m_repo->add_intake({.at = at("2026-11-01T08:00:00Z"), .document = marker}, std::nullopt);
    ASSERT_TRUE(intake);
    m_intake = *intake;
    auto version = sample_version(m_intake, "2026-11-01T08:01:00Z", "relief_once");
    version.document = marker;
    const auto program = m_repo->add_program_version(version);
    ASSERT_TRUE(program);
    auto session = sample_session(*program, "2026-11-02T07:30:00Z");
    session.steps[3].item = marker;
    session.events[0].detail = marker;
    ASSERT_TRUE(m_repo->add_session(session));
    ASSERT_TRUE(m_repo->add_pain(
        {.at = at("2026-11-02T08:00:00Z"), .day = on("2026-11-02"), .pain = 3, .note = marker}));
    ASSERT_TRUE(m_repo->add_score({.at = at("2026-11-02T08:00:00Z"),
                                   .day = on("2026-11-02"),
                                   .instrument = "odi",
                                   .value = 20,
                                   .band = "minimal",
                                   .answers = marker}));
    auto review = sample_review("2026-11-08T09:00:00Z", core::ReviewDecision::Hold);
    review.because[0].text = marker;
    ASSERT_TRUE(m_repo->add_review(review, version));
    ASSERT_TRUE(m_repo->save_reminder_settings({.work_days = {2, 4}}));
    ASSERT_NE(file_bytes(file()) + file_bytes(file().string() + "-wal"), "");
    ASSERT_NE((file_bytes(file()) + file_bytes(file().string() + "-wal")).find(marker),
              std::string::npos);

    const auto forgot = m_repo->forget();
    ASSERT_TRUE(forgot) << forgot.error().to_string();

    EXPECT_TRUE(must(m_repo->intakes()).empty());
    EXPECT_FALSE(must(m_repo->latest_intake()).has_value());
    EXPECT_TRUE(must(m_repo->program_versions()).empty());
    EXPECT_TRUE(
        must(m_repo->sessions(on("0001-01-01"), on("9999-12-31"), core::SessionDetail::Full))
            .empty());
    EXPECT_TRUE(must(m_repo->pain_entries(on("0001-01-01"), on("9999-12-31"))).empty());
    EXPECT_TRUE(must(m_repo->scores()).empty());
    EXPECT_TRUE(must(m_repo->reviews()).empty());
    expect_same(must(m_repo->reminder_settings()), core::ReminderSettings{});
    {
        // Every table, so a table added by a later migration cannot be missed by forgetting. The
        // person's id stays, for the audit trail, without their name.
        RawDb raw(file());
        const auto tables = raw.texts("SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT IN ('schema_migrations', 'people')");
        EXPECT_GE(tables.size(), 14u);
        for (const auto& table : tables)
            EXPECT_EQ(raw.integer("SELECT count(*) FROM " + table), 0) << table;
        EXPECT_EQ(raw.integer("SELECT count(*) FROM schema_migrations"), latest_schema_version());
        EXPECT_EQ(raw.texts("SELECT name FROM people"), std::vector<std::string>{""});
    }
    const auto bytes = file_bytes(file()) + file_bytes(file().string() + "-wal");
    EXPECT_EQ(bytes.find(marker), std::string::npos) << "the forgotten marker is still in the file";

    // Still usable: a new start works.
    EXPECT_GT(start_program(), 0);
    EXPECT_EQ(must(m_repo->intakes()).size(), 1u);
}

} // namespace
} // namespace unload::store
