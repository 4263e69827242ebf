// The person's journeys (service/journeys.hpp) over a real SQLite store in a temp dir, the real
// content and a virtual clock: starting and restarting, today's session and the re-screen a
// numbness stop asks for, replaying controls, recording a session, the weekly review, the diary,
// scores, export and forget. What each journey stored is read back through the repository.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "core/ports/storage.hpp"
#include "core/session_play.hpp"
#include "json/documents.hpp"
#include "json/records.hpp"
#include "service/data.hpp"
#include "service/feedback.hpp"
#include "service/follow_ups.hpp"
#include "service/people.hpp"
#include "service/program.hpp"
#include "service/review.hpp"
#include "service/safety_stops.hpp"
#include "service/scores.hpp"
#include "service/session.hpp"
#include "service/tracking.hpp"
#include "service/workspace.hpp"
#include "store/store.hpp"
#include "store/store_support.hpp"
#include "support/knowledge.hpp"
#include "support/results.hpp"

namespace unload::service {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;

using core::Control;
using core::ControlKind;
using test::at;
using test::must;

/// The example intake: a desk worker with no warning sign, pain 4.
std::string desk_worker() {
    return test::read_text(test::content_dir.parent_path() / "examples" / "desk-worker.json");
}

/// The example intake with one warning sign answered yes.
std::string with_warning_sign() {
    auto intake = nlohmann::json::parse(desk_worker());
    intake["warning_signs"]["saddle_numbness"] = true;
    return intake.dump();
}

constexpr std::string_view no_warning_signs = R"({"warning_signs": {}, "leg": "none"})";

/// A table row's name as the test's name.
template <class Case>
std::string case_name(const testing::TestParamInfo<Case>& case_info) {
    return case_info.param.name;
}

/// A table row printed as its name when a test fails, rather than as bytes.
template <class Case>
requires requires(const Case& c) {
    c.name;
}
void PrintTo(const Case& c, std::ostream* out) {
    *out << c.name;
}

/// A failed result's code and field, for comparing against a table row.
template <class T>
void expect_error(const core::Result<T>& result, core::ErrorCode code, std::string_view field) {
    ASSERT_FALSE(result) << "expected an error naming " << field;
    EXPECT_EQ(result.error().code, code) << result.error().to_string();
    EXPECT_EQ(result.error().field, field) << result.error().to_string();
}

class Journeys : public testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(test::loaded_content());
        auto opened = store::open(m_dir.url());
        ASSERT_TRUE(opened) << opened.error().to_string();
        m_storage = std::move(*opened);
        m_record = m_storage->record(1);
    }

    // The personal-mode caller always opens the one record; value() would throw, failing the test,
    // if it did not.
    Workspace ws() { return open_record(resources(), m_person).value(); }
    Resources resources() {
        return {.kb = test::knowledge_base(), .storage = *m_storage, .clock = m_clock};
    }
    /// Person `person`'s record, opened by the host operator.
    Workspace record_of(core::PersonId person) {
        return open_record(resources(), m_host, person).value();
    }
    const core::Actor m_host = core::Actor::host_operator("ana");
    /// The record of person 1, the personal-mode person, read past the service.
    core::RecordStore& repo() { return *m_record; }
    const core::Actor m_person = core::Actor::personal();
    /// The database file, for injecting a failure with a trigger through another connection.
    std::filesystem::path db_path() const { return m_dir.path() / "unload.db"; }
    /// From now on every new program version is refused by the database itself, as a full disk
    /// or a broken constraint would refuse it, until allow_versions().
    void refuse_versions() {
        store::testing::RawDb(db_path()).exec(
            "CREATE TRIGGER refuse_versions BEFORE INSERT ON program_versions "
            "BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    }
    void allow_versions() { store::testing::RawDb(db_path()).exec("DROP TRIGGER refuse_versions"); }

    /// Moves the virtual clock forward to a wall-clock time (never back).
    void set_time(std::string_view iso) {
        m_clock.advance_to(std::chrono::duration_cast<milliseconds>(at(iso) - m_start).count());
    }
    core::Timestamp now() const { return m_clock.now(); }

    /// Starts the example program now.
    Started start_desk_worker() { return must(start(ws(), desk_worker(), Restart::No)); }

    /// Records a whole session started now, with no controls.
    core::SessionRecord record_whole_session(int pain_before, std::optional<int> pain_after) {
        const auto plan = must(prepare_session(ws()));
        return must(record_session(ws(), {.started_at = now(),
                                          .pain_before = pain_before,
                                          .pain_after = pain_after,
                                          .controls = {},
                                          .ended_ms = plan.timeline.total_ms}))
            .record;
    }

    /// A whole session, pain 3 before and after, every morning of the first week (from Monday
    /// 2 November 2026); `after` is called with each session and its day's index (0 to 6).
    void record_a_good_first_week(
        const std::function<void(const core::SessionRecord&, int)>& after = {}) {
        int index = 0;
        for (const auto* day : {"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05",
                                "2026-11-06", "2026-11-07", "2026-11-08"}) {
            set_time(std::string(day) + "T08:00:00Z");
            const auto session = record_whole_session(3, 3);
            if (after)
                after(session, index);
            ++index;
        }
    }

    store::testing::TempDir m_dir;
    std::unique_ptr<core::Storage> m_storage;

private:
    std::unique_ptr<core::RecordStore> m_record;
    core::Timestamp m_start = at("2026-11-02T07:00:00Z");
    core::VirtualClock m_clock{m_start};
};

// ---- Starting a program ---------------------------------------------------------------------

// Every journey runs on a record opened for its caller: without credentials there is none.
TEST_F(Journeys, NobodyOpensTheRecord) {
    const auto nobody = core::Actor::nobody();
    expect_error(open_record(resources(), nobody), core::ErrorCode::Unauthenticated,
                 "Authorization");
    const auto host = core::Actor::host_operator("ana");
    const auto opened = open_record(resources(), host);
    ASSERT_TRUE(opened) << opened.error().to_string();
    EXPECT_EQ(opened->actor.name, "host:ana");
    EXPECT_EQ(opened->person, 1);
}

TEST_F(Journeys, StartStoresTheIntakeAndWeekOneAndLoadCurrentReadsThemBack) {
    const auto started = start_desk_worker();
    ASSERT_TRUE(started.plan.program);
    ASSERT_TRUE(started.version);
    EXPECT_GT(started.version->id, 0);
    EXPECT_EQ(started.version->week, 1);
    EXPECT_EQ(started.version->origin, "start");
    EXPECT_EQ(started.version->stage, started.plan.program->stage->id);
    EXPECT_EQ(core::iso_day(started.version->starts_on), "2026-11-02");

    const auto current = must(load_current(ws()));
    EXPECT_EQ(current.version.id, started.version->id);
    EXPECT_EQ(current.intake_record.document, desk_worker());
    EXPECT_EQ(current.stage_index, core::find_stage(test::knowledge_base(), current.version.stage));
    ASSERT_TRUE(current.plan.program);
    EXPECT_EQ(current.plan.program->routine.size(), started.plan.program->routine.size());
}

TEST_F(Journeys, AStartWhoseFirstVersionCannotBeWrittenLeavesNoIntakeBehind) {
    refuse_versions();
    const auto failed = start(ws(), desk_worker(), Restart::No);
    ASSERT_FALSE(failed);
    EXPECT_NE(failed.error().message.find("injected failure"), std::string::npos)
        << failed.error().to_string();
    // The intake was written first, in the same transaction, and is gone with it.
    EXPECT_TRUE(must(repo().intakes()).empty());
    EXPECT_TRUE(must(repo().program_versions()).empty());

    allow_versions();
    start_desk_worker();
    EXPECT_EQ(must(repo().intakes()).size(), 1u);
    EXPECT_EQ(must(repo().program_versions()).size(), 1u);
}

TEST_F(Journeys, LoadCurrentBeforeAStartIsNotFoundNamingProgram) {
    expect_error(load_current(ws()), core::ErrorCode::NotFound, "program");
    expect_error(prepare_session(ws()), core::ErrorCode::NotFound, "program");
}

struct StartAgainCase {
    const char* name;
    Restart restart;
    bool refused;
    std::size_t versions; ///< Program versions stored afterwards.
    std::size_t intakes;
};

class StartAgain : public Journeys, public testing::WithParamInterface<StartAgainCase> {};

TEST_P(StartAgain, WhileAProgramRunsNeedsRestart) {
    const auto& c = GetParam();
    const auto first = start_desk_worker();
    set_time("2026-11-04T07:00:00Z");
    const auto again = start(ws(), desk_worker(), c.restart);
    if (c.refused) {
        expect_error(again, core::ErrorCode::Conflict, "restart");
        if (!again) {
            EXPECT_NE(again.error().message.find("week 1"), std::string::npos)
                << again.error().message;
        }
    } else {
        ASSERT_TRUE(again) << again.error().to_string();
        ASSERT_TRUE(again->version);
        EXPECT_NE(again->version->id, first.version->id);
        EXPECT_EQ(again->version->week, 1);
        EXPECT_EQ(core::iso_day(again->version->starts_on), "2026-11-04");
        EXPECT_EQ(must(load_current(ws())).version.id, again->version->id);
    }
    EXPECT_EQ(must(repo().program_versions()).size(), c.versions);
    EXPECT_EQ(must(repo().intakes()).size(), c.intakes);
}

INSTANTIATE_TEST_SUITE_P(All, StartAgain,
                         testing::Values(StartAgainCase{.name = "refused",
                                                        .restart = Restart::No,
                                                        .refused = true,
                                                        .versions = 1,
                                                        .intakes = 1},
                                         StartAgainCase{.name = "restarted",
                                                        .restart = Restart::Yes,
                                                        .refused = false,
                                                        .versions = 2,
                                                        .intakes = 2}),
                         case_name<StartAgainCase>);

TEST_F(Journeys, AWarningSignStoresTheIntakeButNoProgram) {
    const auto started = must(start(ws(), with_warning_sign(), Restart::No));
    EXPECT_FALSE(started.plan.program);
    EXPECT_TRUE(started.plan.screening.program_withheld());
    EXPECT_FALSE(started.version);
    EXPECT_EQ(must(repo().intakes()).size(), 1u);
    EXPECT_TRUE(must(repo().program_versions()).empty());
    expect_error(load_current(ws()), core::ErrorCode::NotFound, "program");
}

TEST_F(Journeys, AnInvalidIntakeStoresNothing) {
    const auto started = start(ws(), R"({"format": "unload-intake/1"})", Restart::No);
    ASSERT_FALSE(started);
    EXPECT_EQ(started.error().code, core::ErrorCode::InvalidInput);
    EXPECT_TRUE(must(repo().intakes()).empty());
}

// ---- Today's session and the re-screen ------------------------------------------------------

TEST_F(Journeys, PrepareSessionBuildsTheTimelineOfTheProgramInForce) {
    const auto started = start_desk_worker();
    const auto plan = must(prepare_session(ws()));
    EXPECT_EQ(plan.current.version.id, started.version->id);
    EXPECT_FALSE(plan.rescreen_pending);
    EXPECT_FALSE(plan.adjustments.low_dose);
    ASSERT_FALSE(plan.timeline.steps.empty());
    EXPECT_EQ(plan.timeline.steps.front().kind, core::StepKind::GetReady);
    std::int64_t total = 0;
    for (const auto& step : plan.timeline.steps)
        total += step.duration_ms;
    EXPECT_EQ(plan.timeline.total_ms, total);
}

TEST_F(Journeys, ANumbnessStopAsksTheWarningSignsAgainUntilTheyAreAnswered) {
    start_desk_worker();
    set_time("2026-11-03T08:00:00Z");
    const auto stopped =
        must(record_session(ws(), {.started_at = now(),
                                   .pain_before = 4,
                                   .pain_after = 4,
                                   .controls = {{.at_ms = 30'000,
                                                 .kind = ControlKind::Stop,
                                                 .reason = "new_numbness_or_weakness"}},
                                   .ended_ms = 40'000}));
    ASSERT_EQ(stopped.stops.size(), 1u);
    EXPECT_TRUE(stopped.stops[0].rescreen);
    EXPECT_TRUE(must(prepare_session(ws())).rescreen_pending);

    set_time("2026-11-03T08:05:00Z");
    const auto screening = must(rescreen(ws(), no_warning_signs));
    EXPECT_FALSE(screening.program_withheld());
    EXPECT_EQ(must(repo().intakes()).size(), 2u);
    EXPECT_FALSE(must(prepare_session(ws())).rescreen_pending);
}

TEST_F(Journeys, ANumbnessStopInASessionBegunInTheSameSecondAsTheAnswersStillAsks) {
    // Times are kept to the second: the answers cannot be shown to come before this session, so
    // its stop is not taken as answered.
    set_time("2026-11-03T08:00:00Z");
    start_desk_worker();
    const auto stopped =
        must(record_session(ws(), {.started_at = now(),
                                   .pain_before = 4,
                                   .pain_after = 4,
                                   .controls = {{.at_ms = 100,
                                                 .kind = ControlKind::Stop,
                                                 .reason = "new_numbness_or_weakness"}},
                                   .ended_ms = 100}));
    ASSERT_EQ(stopped.stops.size(), 1u);
    EXPECT_EQ(core::iso_timestamp(stopped.record.started_at), "2026-11-03T08:00:00Z");
    EXPECT_TRUE(must(prepare_session(ws())).rescreen_pending);
}

TEST_F(Journeys, ARescreenWithAWarningSignStopsTodaysSession) {
    start_desk_worker();
    const auto screening =
        must(rescreen(ws(), R"({"warning_signs": {"saddle_numbness": true}, "leg": "none"})"));
    EXPECT_TRUE(screening.program_withheld());
    expect_error(prepare_session(ws()), core::ErrorCode::Conflict, "program");
}

// ---- The safety stop ---------------------------------------------------------------------------

// A session played offline before a stop opened (its own numbness stop may be what sent the
// person to the re-screen) still arrives: it was played, and refusing it would lose it. One that
// started after the stop is refused, as no session can start while it is open.
TEST_F(Journeys, ASessionPlayedBeforeAStopOpenedIsStillRecorded) {
    start_desk_worker();
    const auto played_at = now();
    const auto total = must(prepare_session(ws())).timeline.total_ms;
    set_time("2026-11-02T09:00:00Z");
    must(rescreen(ws(), R"({"warning_signs": {"saddle_numbness": true}, "leg": "none"})"));
    ASSERT_TRUE(must(open_stop(ws())));

    const auto recorded =
        must(record_session(ws(), {.started_at = played_at,
                                   .pain_before = 4,
                                   .pain_after = 4,
                                   .controls = {{.at_ms = 60'000,
                                                 .kind = ControlKind::Stop,
                                                 .reason = "new_numbness_or_weakness"}},
                                   .ended_ms = total}));
    EXPECT_EQ(recorded.record.outcome, core::SessionOutcome::Stopped);
    EXPECT_EQ(must(repo().sessions(core::Day{std::chrono::year{2026} / 11 / 2},
                                   core::Day{std::chrono::year{2026} / 11 / 2},
                                   core::SessionDetail::Summary))
                  .size(),
              1u);
    EXPECT_TRUE(must(open_stop(ws()))) << "recording it changes nothing about the stop";

    expect_error(record_session(ws(), {.started_at = now(),
                                       .pain_before = 4,
                                       .pain_after = 4,
                                       .controls = {},
                                       .ended_ms = total}),
                 core::ErrorCode::Conflict, "program");
}

TEST_F(Journeys, AnEmergencyInARescreenIsStoredAsAStopUntilAnswersClearIt) {
    start_desk_worker();
    EXPECT_FALSE(must(open_stop(ws())));
    set_time("2026-11-02T09:00:00Z");
    must(rescreen(ws(), R"({"warning_signs": {"saddle_numbness": true}, "leg": "none"})"));

    const auto stop = must(open_stop(ws()));
    ASSERT_TRUE(stop);
    EXPECT_EQ(stop->stop.origin, "rescreen");
    EXPECT_EQ(stop->stop.verdict, "emergency");
    EXPECT_EQ(core::iso_timestamp(stop->stop.at), "2026-11-02T09:00:00Z");
    EXPECT_EQ(stop->screening.verdict, core::Verdict::Emergency);
    ASSERT_FALSE(stop->screening.warnings.empty());
    expect_error(prepare_session(ws()), core::ErrorCode::Conflict, "program");
    expect_error(check_no_stop(ws()), core::ErrorCode::Conflict, "program");

    // Saying so is recorded, but the stop holds until the answers change.
    set_time("2026-11-03T10:00:00Z");
    const auto seen = must(mark_seen(ws()));
    ASSERT_TRUE(seen.stop.seen_at);
    EXPECT_EQ(core::iso_timestamp(*seen.stop.seen_at), "2026-11-03T10:00:00Z");
    expect_error(prepare_session(ws()), core::ErrorCode::Conflict, "program");

    set_time("2026-11-03T10:05:00Z");
    must(rescreen(ws(), no_warning_signs));
    EXPECT_FALSE(must(open_stop(ws())));
    EXPECT_TRUE(prepare_session(ws()));
    const auto all = must(repo().stops());
    ASSERT_EQ(all.size(), 1u);
    ASSERT_TRUE(all[0].cleared_at);
    EXPECT_EQ(core::iso_timestamp(*all[0].cleared_at), "2026-11-03T10:05:00Z");
    EXPECT_EQ(all[0].cleared_by_intake, must(repo().latest_intake())->id);
    EXPECT_TRUE(all[0].seen_at);
}

TEST_F(Journeys, OnboardingAnswersThatStopAreStoredWithoutAnIntake) {
    const auto stop = must(record_onboarding_stop(ws(), with_warning_sign()));
    EXPECT_EQ(stop.stop.origin, "onboarding");
    EXPECT_EQ(stop.stop.verdict, "emergency");
    EXPECT_FALSE(must(repo().latest_intake()));
    EXPECT_TRUE(must(open_stop(ws())));

    // Answers that do not stop are not a stop: nothing is stored for them.
    expect_error(record_onboarding_stop(ws(), desk_worker()), core::ErrorCode::InvalidInput,
                 "intake");
    EXPECT_EQ(must(repo().stops()).size(), 1u);

    // The whole onboarding, answered again without the sign, starts the program and clears it.
    const auto started = start_desk_worker();
    EXPECT_TRUE(started.version);
    EXPECT_FALSE(must(open_stop(ws())));
    EXPECT_TRUE(prepare_session(ws()));
}

TEST_F(Journeys, AStartWithheldByScreeningOpensAStopAndANewStopReplacesTheOpenOne) {
    const auto started = must(start(ws(), with_warning_sign(), Restart::No));
    EXPECT_FALSE(started.version);
    const auto first = must(open_stop(ws()));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->stop.origin, "onboarding");

    set_time("2026-11-02T08:00:00Z");
    auto urgent = nlohmann::json::parse(desk_worker());
    urgent["warning_signs"]["progressive_leg_weakness"] = true;
    must(record_onboarding_stop(ws(), urgent.dump()));
    const auto all = must(repo().stops());
    ASSERT_EQ(all.size(), 2u);
    EXPECT_TRUE(all[0].cleared_at);
    EXPECT_FALSE(all[0].cleared_by_intake);
    EXPECT_FALSE(all[1].cleared_at);
    EXPECT_EQ(must(open_stop(ws()))->stop.id, all[1].id);
}

TEST_F(Journeys, ARecordFromBeforeStopsWereStoredStillShowsItsStop) {
    // As migration 4 finds an older record: answers that withhold the program, and no stop row.
    must(repo().add_intake({.at = at("2026-11-01T08:00:00Z"), .document = with_warning_sign()},
                           std::nullopt));
    const auto stop = must(open_stop(ws()));
    ASSERT_TRUE(stop);
    EXPECT_EQ(stop->stop.id, 0);
    EXPECT_EQ(stop->stop.verdict, "emergency");
    EXPECT_EQ(core::iso_timestamp(stop->stop.at), "2026-11-01T08:00:00Z");

    // Being seen stores it, so the mark belongs to a stop.
    const auto seen = must(mark_seen(ws()));
    EXPECT_NE(seen.stop.id, 0);
    EXPECT_TRUE(seen.stop.seen_at);
    ASSERT_EQ(must(repo().stops()).size(), 1u);
    EXPECT_EQ(must(open_stop(ws()))->stop.id, seen.stop.id);
}

TEST_F(Journeys, MarkingSeenWithoutAStopIsNotFound) {
    start_desk_worker();
    expect_error(mark_seen(ws()), core::ErrorCode::NotFound, "stop");
}

TEST_F(Journeys, TheExportCarriesTheStops) {
    must(record_onboarding_stop(ws(), with_warning_sign()));
    const auto exported = json::export_document(must(everything(ws())));
    ASSERT_EQ(exported["stops"].size(), 1u);
    EXPECT_EQ(exported["stops"][0]["verdict"], "emergency");
    EXPECT_EQ(exported["stops"][0]["answers"]["warning_signs"]["saddle_numbness"], true);
    EXPECT_TRUE(exported["stops"][0]["cleared_at"].is_null());
}

// ---- Advice that asks the person to do something ----------------------------------------------

TEST_F(Journeys, AStopsAdviceStaysOpenUntilMarkedDoneAndAsksAgainWhenGivenAgain) {
    start_desk_worker();
    EXPECT_TRUE(must(open_follow_ups(ws())).empty());
    const auto stop_with = [&](std::string_view reason) {
        must(record_session(ws(), {.started_at = now(),
                                   .pain_before = 4,
                                   .pain_after = 5,
                                   .controls = {{.at_ms = 60'000,
                                                 .kind = ControlKind::Stop,
                                                 .reason = std::string(reason)}},
                                   .ended_ms = 70'000}));
    };
    // Mild discomfort gives no advice to act on.
    stop_with("mild_discomfort");
    EXPECT_TRUE(must(open_follow_ups(ws())).empty());

    set_time("2026-11-02T08:00:00Z");
    stop_with("spreading_leg_symptoms");
    auto open = must(open_follow_ups(ws()));
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].advice->id, "book_pt_assessment");
    EXPECT_EQ(open[0].source, FollowUpSource::SessionStop);
    EXPECT_EQ(open[0].because, "Pain or tingling spreading down my leg");
    EXPECT_EQ(core::iso_day(open[0].day), "2026-11-02");
    EXPECT_EQ(core::iso_timestamp(open[0].given_at), "2026-11-02T08:00:00Z");

    // Still there days later, until the person says it is done.
    set_time("2026-11-05T08:00:00Z");
    EXPECT_EQ(must(open_follow_ups(ws())).size(), 1u);
    EXPECT_TRUE(must(mark_follow_up_done(ws(), "book_pt_assessment")).empty());
    EXPECT_TRUE(must(open_follow_ups(ws())).empty());
    expect_error(mark_follow_up_done(ws(), "book_pt_assessment"), core::ErrorCode::NotFound,
                 "advice");
    const auto done = must(repo().follow_ups_done());
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0].advice, "book_pt_assessment");
    EXPECT_EQ(core::iso_timestamp(done[0].at), "2026-11-05T08:00:00Z");
    EXPECT_EQ(json::export_document(must(everything(ws())))["follow_ups_done"].size(), 1u);

    // Given again later, it asks again.
    set_time("2026-11-06T08:00:00Z");
    stop_with("spreading_leg_symptoms");
    EXPECT_EQ(must(open_follow_ups(ws())).size(), 1u);
}

TEST_F(Journeys, AdviceOlderThanTheContentsLookBackNoLongerAsks) {
    start_desk_worker();
    must(record_session(ws(), {.started_at = now(),
                               .pain_before = 4,
                               .pain_after = 5,
                               .controls = {{.at_ms = 60'000,
                                             .kind = ControlKind::Stop,
                                             .reason = "spreading_leg_symptoms"}},
                               .ended_ms = 70'000}));
    set_time("2026-11-10T08:00:00Z"); // Eight days after the stop.
    EXPECT_EQ(must(open_follow_ups(ws())).size(), 1u) << "90 days by default";
    auto kb = test::knowledge_base();
    kb.review.follow_up_look_back_days = 7;
    const auto shorter =
        open_record({.kb = kb, .storage = *m_storage, .clock = ws().clock}, m_person).value();
    EXPECT_TRUE(must(open_follow_ups(shorter)).empty());
}

TEST_F(Journeys, AReviewsReferralAsksToActButTheProgramsOwnAdviceDoesNot) {
    start_desk_worker();
    const core::ReviewRecord review{.id = 0,
                                    .at = at("2026-11-08T09:00:00Z"),
                                    .day = core::Day{std::chrono::year{2026} / 11 / 8},
                                    .week = 1,
                                    .decision = core::ReviewDecision::Refer,
                                    .from_stage = "relief",
                                    .to_stage = "relief",
                                    .because = {},
                                    .advice = {"monitor_leg_symptoms", "pt_review_progress"}};
    must(repo().add_review(review, std::nullopt));
    set_time("2026-11-08T10:00:00Z");
    const auto open = must(open_follow_ups(ws()));
    ASSERT_EQ(open.size(), 1u) << "monitor_leg_symptoms is the program's own advice";
    EXPECT_EQ(open[0].advice->id, "pt_review_progress");
    EXPECT_EQ(open[0].source, FollowUpSource::Review);
    EXPECT_EQ(open[0].because, "week 1");

    // Three months on, the reviews since have said what to do now.
    set_time("2027-02-08T10:00:00Z");
    EXPECT_TRUE(must(open_follow_ups(ws())).empty());
}

TEST_F(Journeys, MarkingAdviceThatIsNotOpenIsNotFound) {
    start_desk_worker();
    expect_error(mark_follow_up_done(ws(), "book_pt_assessment"), core::ErrorCode::NotFound,
                 "advice");
    expect_error(mark_follow_up_done(ws(), "no_such_advice"), core::ErrorCode::NotFound, "advice");
}

TEST_F(Journeys, AFlareMakesTheNextSessionGentler) {
    start_desk_worker();
    const auto flare = record_whole_session(2, 5);
    EXPECT_TRUE(flare.flare);
    EXPECT_TRUE(must(prepare_session(ws())).adjustments.low_dose);
}

// ---- Replaying controls ---------------------------------------------------------------------

struct ReplayCase {
    const char* name;
    std::vector<Control> controls;
    std::int64_t until_ms = 0; ///< Added to the timeline's total when `after_total`.
    bool after_total = false;
    std::vector<std::string> stops; ///< Stop reason ids, in order.
    std::vector<std::string> refused_prefixes;
    bool ended = false;
    core::SessionOutcome outcome = core::SessionOutcome::Quit;
    std::vector<std::string> events; ///< Event kinds, in order.
};

class Replays : public Journeys, public testing::WithParamInterface<ReplayCase> {};

TEST_P(Replays, ApplyTheControlsInOrder) {
    const auto& c = GetParam();
    start_desk_worker();
    const auto plan = must(prepare_session(ws()));
    const auto until = c.until_ms + (c.after_total ? plan.timeline.total_ms : 0);
    const auto replayed = must(replay(ws(), c.controls, until));

    std::vector<std::string> stops;
    for (const auto& stop : replayed.stops)
        stops.push_back(stop.reason ? stop.reason->id : "?");
    EXPECT_EQ(stops, c.stops);
    ASSERT_EQ(replayed.refused.size(), c.refused_prefixes.size());
    for (std::size_t i = 0; i < c.refused_prefixes.size(); ++i) {
        const auto said = fmt::format("controls[{}]: {}", replayed.refused[i].control,
                                      replayed.refused[i].message);
        EXPECT_EQ(said.rfind(c.refused_prefixes[i], 0), 0u) << said;
    }
    EXPECT_EQ(replayed.view.ended, c.ended);
    EXPECT_EQ(replayed.record.outcome, c.outcome);
    EXPECT_EQ(replayed.record.program_version_id, plan.current.version.id);
    std::vector<std::string> events;
    for (const auto& event : replayed.record.events)
        events.emplace_back(core::to_string(event.kind));
    EXPECT_EQ(events, c.events);
    // The view must point into the replay's own steps, not into the run that made them.
    if (!c.ended) {
        ASSERT_NE(replayed.view.step, nullptr);
        ASSERT_LT(replayed.view.step_index, replayed.steps.size());
        EXPECT_EQ(replayed.view.step, &replayed.steps[replayed.view.step_index]);
    }
    // Nothing is stored by a replay.
    EXPECT_TRUE(
        must(repo().sessions(core::Day{}, core::Day{days{100'000}}, core::SessionDetail::Summary))
            .empty());
}

INSTANTIATE_TEST_SUITE_P(
    All, Replays,
    testing::Values(
        ReplayCase{.name = "pause_and_resume_delay_the_end",
                   .controls = {{.at_ms = 5'000, .kind = ControlKind::Pause, .reason = {}},
                                {.at_ms = 35'000, .kind = ControlKind::Resume, .reason = {}}},
                   .until_ms = 30'000,
                   .after_total = true,
                   .stops = {},
                   .refused_prefixes = {},
                   .ended = true,
                   .outcome = core::SessionOutcome::Completed,
                   .events = {"pause", "resume"}},
        ReplayCase{.name = "a_pause_not_yet_resumed_keeps_the_session_going",
                   .controls = {{.at_ms = 5'000, .kind = ControlKind::Pause, .reason = {}}},
                   .until_ms = 60'000,
                   .after_total = true,
                   .stops = {},
                   .refused_prefixes = {},
                   .ended = false,
                   .outcome = core::SessionOutcome::Quit,
                   .events = {"pause"}},
        ReplayCase{.name = "skip",
                   .controls = {{.at_ms = 20'000, .kind = ControlKind::Skip, .reason = {}}},
                   .until_ms = 21'000,
                   .after_total = false,
                   .stops = {},
                   .refused_prefixes = {},
                   .ended = false,
                   .outcome = core::SessionOutcome::Quit,
                   .events = {"skip"}},
        ReplayCase{
            .name = "an_exercise_stop_goes_on",
            .controls = {{.at_ms = 30'000, .kind = ControlKind::Stop, .reason = "sharp_pain"}},
            .until_ms = 31'000,
            .after_total = false,
            .stops = {"sharp_pain"},
            .refused_prefixes = {},
            .ended = false,
            .outcome = core::SessionOutcome::Quit,
            .events = {"stop"}},
        ReplayCase{.name = "a_session_stop_ends_and_later_controls_are_refused",
                   .controls = {{.at_ms = 30'000,
                                 .kind = ControlKind::Stop,
                                 .reason = "new_numbness_or_weakness"},
                                {.at_ms = 40'000, .kind = ControlKind::Skip, .reason = {}}},
                   .until_ms = 60'000,
                   .after_total = false,
                   .stops = {"new_numbness_or_weakness"},
                   .refused_prefixes = {"controls[1]: the session had already ended"},
                   .ended = true,
                   .outcome = core::SessionOutcome::Stopped,
                   .events = {"stop"}},
        ReplayCase{.name = "a_resume_without_a_pause_is_refused",
                   .controls = {{.at_ms = 10'000, .kind = ControlKind::Resume, .reason = {}},
                                {.at_ms = 12'000, .kind = ControlKind::Pause, .reason = {}},
                                {.at_ms = 13'000, .kind = ControlKind::Pause, .reason = {}}},
                   .until_ms = 14'000,
                   .after_total = false,
                   .stops = {},
                   .refused_prefixes = {"controls[0]: the session is not paused",
                                        "controls[2]: the session is already paused"},
                   .ended = false,
                   .outcome = core::SessionOutcome::Quit,
                   .events = {"pause"}},
        ReplayCase{.name = "quit",
                   .controls = {{.at_ms = 50'000, .kind = ControlKind::Quit, .reason = {}}},
                   .until_ms = 50'000,
                   .after_total = false,
                   .stops = {},
                   .refused_prefixes = {},
                   .ended = true,
                   .outcome = core::SessionOutcome::Quit,
                   .events = {"quit"}}),
    case_name<ReplayCase>);

struct BadControlsCase {
    const char* name;
    std::vector<Control> controls;
    std::int64_t until_ms = 60'000;
    const char* field;
};

class BadControls : public Journeys, public testing::WithParamInterface<BadControlsCase> {};

TEST_P(BadControls, AreInvalidInputNamingTheControl) {
    const auto& c = GetParam();
    start_desk_worker();
    expect_error(replay(ws(), c.controls, c.until_ms), core::ErrorCode::InvalidInput, c.field);
}

INSTANTIATE_TEST_SUITE_P(
    All, BadControls,
    testing::Values(
        BadControlsCase{.name = "out_of_order",
                        .controls = {{.at_ms = 10'000, .kind = ControlKind::Skip, .reason = {}},
                                     {.at_ms = 5'000, .kind = ControlKind::Skip, .reason = {}}},
                        .until_ms = 60'000,
                        .field = "controls[1].at_ms"},
        BadControlsCase{
            .name = "unknown_stop_reason",
            .controls = {{.at_ms = 1'000, .kind = ControlKind::Skip, .reason = {}},
                         {.at_ms = 5'000, .kind = ControlKind::Stop, .reason = "tired"}},
            .until_ms = 60'000,
            .field = "controls[1].reason"},
        BadControlsCase{.name = "unknown_stop_reason_after_the_end",
                        .controls = {{.at_ms = 1'000, .kind = ControlKind::Quit, .reason = {}},
                                     {.at_ms = 5'000, .kind = ControlKind::Stop, .reason = ""}},
                        .until_ms = 60'000,
                        .field = "controls[1].reason"},
        BadControlsCase{.name = "after_until",
                        .controls = {{.at_ms = 61'000, .kind = ControlKind::Skip, .reason = {}}},
                        .until_ms = 60'000,
                        .field = "controls[0].at_ms"},
        BadControlsCase{.name = "negative_time",
                        .controls = {{.at_ms = -1, .kind = ControlKind::Pause, .reason = {}}},
                        .until_ms = 60'000,
                        .field = "controls[0].at_ms"},
        BadControlsCase{.name = "stop_without_a_reason",
                        .controls = {{.at_ms = 1'000, .kind = ControlKind::Stop, .reason = {}}},
                        .until_ms = 60'000,
                        .field = "controls[0].reason"},
        BadControlsCase{.name = "beyond_a_day",
                        .controls = {{.at_ms = core::max_session_ms + 1,
                                      .kind = ControlKind::Pause,
                                      .reason = {}}},
                        .until_ms = 60'000,
                        .field = "controls[0].at_ms"},
        BadControlsCase{
            .name = "negative_until", .controls = {}, .until_ms = -1, .field = "until_ms"},
        BadControlsCase{.name = "until_beyond_a_day",
                        .controls = {},
                        .until_ms = core::max_session_ms + 1,
                        .field = "until_ms"}),
    case_name<BadControlsCase>);

TEST_F(Journeys, ATogglingPauseResumesAPausedSession) {
    start_desk_worker();
    const auto plan = must(prepare_session(ws()));
    core::SessionRun run(test::knowledge_base(), *plan.current.plan.program,
                         plan.current.plan.screening.allowed, plan.adjustments);
    std::int64_t now = 0;
    std::vector<ControlKind> done;
    const std::vector<Control> controls{{.at_ms = 5'000, .kind = ControlKind::Pause, .reason = {}},
                                        {.at_ms = 9'000, .kind = ControlKind::Pause, .reason = {}}};
    const auto played = core::play_controls(
        test::knowledge_base(), run, controls,
        {.until_ms = std::nullopt, .pause = core::PauseControl::Toggles},
        {.now_ms = [&] { return now; }, .wait_until = [&](std::int64_t to) { now = to; }},
        {.step_started = {},
         .control = [&](const core::AppliedControl& applied) { done.push_back(applied.kind); },
         .quit_while_paused = {}});
    ASSERT_TRUE(played);
    EXPECT_EQ(played->reached, 2u);
    EXPECT_EQ(done, (std::vector{ControlKind::Pause, ControlKind::Resume}));
    EXPECT_EQ(run.record().outcome, core::SessionOutcome::Completed);
    EXPECT_EQ(run.record().steps.back().ended_ms, plan.timeline.total_ms + 4'000);
}

// ---- Recording a session --------------------------------------------------------------------

struct RecordCase {
    const char* name;
    std::vector<Control> controls;
    std::int64_t ended_ms = 0; ///< Added to the timeline's total when `after_total`.
    bool after_total = false;
    int pain_before = 3;
    std::optional<int> pain_after;
    core::SessionOutcome outcome = core::SessionOutcome::Completed;
    std::optional<std::int64_t> active_ms; ///< Empty: the whole timeline.
    bool flare = false;
};

class RecordSession : public Journeys, public testing::WithParamInterface<RecordCase> {};

TEST_P(RecordSession, StoresWhatWasPlayed) {
    const auto& c = GetParam();
    const auto version = *start_desk_worker().version;
    set_time("2026-11-03T08:00:00Z");
    const auto plan = must(prepare_session(ws()));
    const auto started_at = now();
    const auto recorded = must(record_session(
        ws(), {.started_at = started_at,
               .pain_before = c.pain_before,
               .pain_after = c.pain_after,
               .controls = c.controls,
               .ended_ms = c.ended_ms + (c.after_total ? plan.timeline.total_ms : 0)}));
    const auto& record = recorded.record;
    EXPECT_GT(record.id, 0);
    EXPECT_EQ(record.outcome, c.outcome);
    EXPECT_EQ(record.active_ms, c.active_ms.value_or(plan.timeline.total_ms));
    EXPECT_EQ(record.planned_ms, plan.timeline.total_ms);
    EXPECT_EQ(record.flare, c.flare);
    EXPECT_TRUE(recorded.view.ended);

    const auto stored = must(
        repo().sessions(core::Day{days{0}}, core::Day{days{100'000}}, core::SessionDetail::Full));
    ASSERT_EQ(stored.size(), 1u);
    const auto& session = stored.front();
    EXPECT_EQ(session.id, record.id);
    EXPECT_EQ(session.program_version_id, version.id);
    EXPECT_EQ(core::iso_timestamp(session.started_at), "2026-11-03T08:00:00Z");
    EXPECT_EQ(core::iso_day(session.day), "2026-11-03");
    EXPECT_EQ(session.outcome, c.outcome);
    EXPECT_EQ(session.active_ms, record.active_ms);
    EXPECT_EQ(session.pain_before, c.pain_before);
    EXPECT_EQ(session.pain_after, c.pain_after);
    EXPECT_EQ(session.flare, c.flare);
    EXPECT_EQ(session.steps.size(), record.steps.size());
}

INSTANTIATE_TEST_SUITE_P(
    All, RecordSession,
    testing::Values(RecordCase{.name = "to_the_end_is_completed",
                               .controls = {},
                               .ended_ms = 0,
                               .after_total = true,
                               .pain_before = 3,
                               .pain_after = 3,
                               .outcome = core::SessionOutcome::Completed,
                               .active_ms = std::nullopt,
                               .flare = false},
                    RecordCase{.name = "past_the_end_is_completed",
                               .controls = {},
                               .ended_ms = 90'000,
                               .after_total = true,
                               .pain_before = 3,
                               .pain_after = std::nullopt,
                               .outcome = core::SessionOutcome::Completed,
                               .active_ms = std::nullopt,
                               .flare = false},
                    RecordCase{.name = "ended_early_is_quit_there",
                               .controls = {},
                               .ended_ms = 60'000,
                               .after_total = false,
                               .pain_before = 3,
                               .pain_after = 4,
                               .outcome = core::SessionOutcome::Quit,
                               .active_ms = 60'000,
                               .flare = false},
                    RecordCase{
                        .name = "paused_with_no_resume_is_quit",
                        .controls = {{.at_ms = 20'000, .kind = ControlKind::Pause, .reason = {}}},
                        .ended_ms = 100'000,
                        .after_total = false,
                        .pain_before = 3,
                        .pain_after = 4,
                        .outcome = core::SessionOutcome::Quit,
                        .active_ms = 20'000,
                        .flare = false},
                    RecordCase{.name = "a_session_stop",
                               .controls = {{.at_ms = 60'000,
                                             .kind = ControlKind::Stop,
                                             .reason = "spreading_leg_symptoms"}},
                               .ended_ms = 70'000,
                               .after_total = false,
                               .pain_before = 4,
                               .pain_after = 5,
                               .outcome = core::SessionOutcome::Stopped,
                               .active_ms = 60'000,
                               .flare = false},
                    RecordCase{.name = "pain_up_by_three_is_a_flare",
                               .controls = {},
                               .ended_ms = 0,
                               .after_total = true,
                               .pain_before = 2,
                               .pain_after = 5,
                               .outcome = core::SessionOutcome::Completed,
                               .active_ms = std::nullopt,
                               .flare = true}),
    case_name<RecordCase>);

TEST_F(Journeys, AStopThatTheSessionEndedAtSaysTheSessionEndedThere) {
    start_desk_worker();
    // Mild discomfort lets a session go on; a player that ended there (offline) ended it.
    const auto ended = must(record_session(
        ws(),
        {.started_at = now(),
         .pain_before = 3,
         .pain_after = 3,
         .controls = {{.at_ms = 60'000, .kind = ControlKind::Stop, .reason = "mild_discomfort"}},
         .ended_ms = 60'000}));
    ASSERT_EQ(ended.stops.size(), 1u);
    EXPECT_TRUE(ended.stops[0].session_ended);
    EXPECT_EQ(ended.record.outcome, core::SessionOutcome::Quit);

    // Played on after it, the same stop went on.
    set_time("2026-11-02T09:00:00Z");
    const auto went_on = must(record_session(
        ws(),
        {.started_at = now(),
         .pain_before = 3,
         .pain_after = 3,
         .controls = {{.at_ms = 60'000, .kind = ControlKind::Stop, .reason = "mild_discomfort"}},
         .ended_ms = 90'000}));
    ASSERT_EQ(went_on.stops.size(), 1u);
    EXPECT_FALSE(went_on.stops[0].session_ended);
}

TEST_F(Journeys, RecordingNeedsPainInRangeAndStoresNothingOtherwise) {
    start_desk_worker();
    const auto recorded = record_session(ws(), {.started_at = now(),
                                                .pain_before = 3,
                                                .pain_after = 11,
                                                .controls = {},
                                                .ended_ms = 1'000});
    expect_error(recorded, core::ErrorCode::InvalidInput, "pain_after");
    expect_error(record_session(ws(), {.started_at = now(),
                                       .pain_before = 3,
                                       .pain_after = 3,
                                       .controls = {},
                                       .ended_ms = -5}),
                 core::ErrorCode::InvalidInput, "ended_ms");
    EXPECT_TRUE(must(everything(ws())).sessions.empty());
}

// ---- The weekly review ----------------------------------------------------------------------

TEST_F(Journeys, TheReviewIsRefusedBeforeItIsDueAndProgressesAfterAGoodWeek) {
    start_desk_worker();
    record_a_good_first_week();
    set_time("2026-11-08T21:00:00Z");
    expect_error(check_review_due(ws()), core::ErrorCode::Conflict, "review");
    const auto early = review(ws(), no_warning_signs);
    ASSERT_FALSE(early);
    expect_error(early, core::ErrorCode::Conflict, "review");
    EXPECT_NE(early.error().message.find("2026-11-09"), std::string::npos);
    EXPECT_TRUE(must(repo().reviews()).empty());
    EXPECT_EQ(must(repo().intakes()).size(), 1u);

    set_time("2026-11-09T08:00:00Z");
    EXPECT_TRUE(check_review_due(ws()));
    const auto outcome = must(review(ws(), no_warning_signs));
    EXPECT_GT(outcome.record.id, 0);
    EXPECT_EQ(outcome.record.decision, core::ReviewDecision::Progress);
    EXPECT_EQ(core::iso_day(outcome.record.day), "2026-11-09");
    EXPECT_EQ(outcome.week.done_sessions, 7);
    EXPECT_EQ(must(repo().reviews()).size(), 1u);
    EXPECT_EQ(must(repo().intakes()).size(), 2u);
    const auto current = must(load_current(ws()));
    EXPECT_EQ(current.version.week, 2);
    EXPECT_EQ(current.version.origin, "review");
    EXPECT_EQ(current.version.stage, outcome.record.to_stage);
    EXPECT_NE(current.version.stage, outcome.record.from_stage);
}

// ---- Feedback on exercises -------------------------------------------------------------------

/// The first exercise of the routine whose regression (`easier`) or progression is, or is not,
/// played by the routine itself, and open to the person.
std::optional<core::ItemId> exercise_whose_version(const core::KnowledgeBase& kb,
                                                   const Current& current, bool easier,
                                                   bool in_routine) {
    const auto& routine = current.plan.program->routine;
    for (const auto& entry : routine) {
        const auto other =
            easier ? kb.item(entry.item).regression : kb.item(entry.item).progression;
        if (!other || !current.plan.screening.allowed.contains(*other) || !kb.item(*other).dose)
            continue;
        const bool played =
            std::ranges::any_of(routine, [&](const auto& r) { return r.item == *other; });
        if (played == in_routine)
            return entry.item;
    }
    return std::nullopt;
}

/// The reason of `id` in a review, or nullptr.
const core::Reason* reason_of(const core::ReviewOutcome& outcome, std::string_view id) {
    const auto found = std::ranges::find(outcome.record.because, id, &core::Reason::id);
    return found == outcome.record.because.end() ? nullptr : &*found;
}

TEST_F(Journeys, AnExerciseRatedTooHardTwiceWhoseEasierVersionIsInTheRoutineIsLeftOut) {
    start_desk_worker();
    const auto& kb = test::knowledge_base();
    const auto before = must(load_current(ws()));
    const auto hard = exercise_whose_version(kb, before, true, true);
    ASSERT_TRUE(hard) << "the desk worker's relief routine plays the easier versions itself";
    const auto& item = kb.item(*hard);
    record_a_good_first_week([&](const core::SessionRecord& session, int index) {
        // Once too hard, once hurt: both count; the rest were right.
        const auto* rating = index == 0 ? "too_hard" : index == 1 ? "hurt" : "right";
        EXPECT_EQ(must(rate_exercise(ws(), session.id, item.id, rating)).item, item.id);
    });
    set_time("2026-11-09T08:00:00Z");
    const auto outcome = must(review(ws(), no_warning_signs));
    const auto* reason = reason_of(outcome, "feedback_easier_in_routine");
    ASSERT_NE(reason, nullptr);
    EXPECT_NE(reason->text.find(item.name), std::string::npos) << reason->text;
    EXPECT_NE(reason->text.find(kb.item(*item.regression).name), std::string::npos) << reason->text;
    EXPECT_NE(reason->text.find("2 sessions"), std::string::npos) << reason->text;

    const auto after = must(load_current(ws()));
    ASSERT_EQ(after.version.changes.size(), 1u);
    EXPECT_EQ(after.version.changes[0].item, item.id);
    EXPECT_TRUE(after.version.changes[0].in_force());
    const auto& program = *after.plan.program;
    EXPECT_TRUE(
        std::ranges::none_of(program.routine, [&](const auto& r) { return r.item == *hard; }));
    const auto left = std::ranges::find(program.left_out, *hard, &core::LeftOut::item);
    ASSERT_NE(left, program.left_out.end());
    EXPECT_EQ(left->because, std::vector<std::string>{"no_easier_version"});
    // The session leaves it out too.
    const auto session = must(prepare_session(ws()));
    EXPECT_TRUE(std::ranges::none_of(session.timeline.steps,
                                     [&](const auto& step) { return step.item == hard; }));
}

TEST_F(Journeys, OneHardSessionDoesNotChangeTheExercise) {
    start_desk_worker();
    const auto& kb = test::knowledge_base();
    const auto hard = exercise_whose_version(kb, must(load_current(ws())), true, true);
    ASSERT_TRUE(hard);
    record_a_good_first_week([&](const core::SessionRecord& session, int index) {
        if (index == 2) // Wednesday only.
            must(rate_exercise(ws(), session.id, kb.item(*hard).id, "hurt"));
    });
    set_time("2026-11-09T08:00:00Z");
    const auto outcome = must(review(ws(), no_warning_signs));
    EXPECT_TRUE(std::ranges::none_of(outcome.record.because, [](const core::Reason& r) {
        return r.id.starts_with("feedback_");
    }));
    EXPECT_TRUE(must(load_current(ws())).version.changes.empty());
}

TEST_F(Journeys, AnExerciseRatedTooEasyThreeTimesIsOfferedItsHarderVersionUntilTaken) {
    start_desk_worker();
    const auto& kb = test::knowledge_base();
    const auto easy = exercise_whose_version(kb, must(load_current(ws())), false, false);
    ASSERT_TRUE(easy) << "the desk worker's routine needs an exercise with a harder version";
    const auto& item = kb.item(*easy);
    record_a_good_first_week([&](const core::SessionRecord& session, int index) {
        if (index < 3) {
            // A second tap on the same session replaces the first: still one session.
            must(rate_exercise(ws(), session.id, item.id, "right"));
            must(rate_exercise(ws(), session.id, item.id, "too_easy"));
        }
    });
    set_time("2026-11-09T08:00:00Z");
    const auto outcome = must(review(ws(), no_warning_signs));
    const auto* reason = reason_of(outcome, "feedback_harder_offered");
    ASSERT_NE(reason, nullptr);
    EXPECT_NE(reason->text.find("3 sessions"), std::string::npos) << reason->text;
    EXPECT_NE(reason->text.find(kb.item(*item.progression).name), std::string::npos)
        << reason->text;
    const auto offered = must(load_current(ws()));
    ASSERT_EQ(offered.version.changes.size(), 1u);
    EXPECT_FALSE(offered.version.changes[0].in_force());
    // Offered is not taken: the routine still plays the exercise itself.
    EXPECT_NE(std::ranges::find(offered.plan.program->routine, *easy, &core::RoutineItem::item),
              offered.plan.program->routine.end());

    const auto taken = must(take_harder_version(ws(), item.id));
    const auto& routine = taken.plan.program->routine;
    const auto harder = std::ranges::find(routine, *item.progression, &core::RoutineItem::item);
    ASSERT_NE(harder, routine.end());
    EXPECT_EQ(harder->replaces, easy);
    EXPECT_NE(std::ranges::find(harder->because, "harder_version"), harder->because.end());
    EXPECT_TRUE(taken.version.changes[0].accepted_at.has_value());
    EXPECT_TRUE(std::ranges::none_of(routine, [&](const auto& r) { return r.item == *easy; }));
    expect_error(take_harder_version(ws(), item.id), core::ErrorCode::NotFound, "exercise");
}

TEST_F(Journeys, AHarderVersionThatNeedsEquipmentThePersonLacksIsNotOffered) {
    start_desk_worker();
    const auto& kb = test::knowledge_base();
    // Counter decompression's harder version, the assisted hang, needs a pull-up bar.
    const auto counter = *kb.find_item("counter_decompression");
    const auto before = must(load_current(ws()));
    ASSERT_NE(std::ranges::find(before.plan.program->routine, counter, &core::RoutineItem::item),
              before.plan.program->routine.end());
    ASSERT_EQ(kb.item(*kb.item(counter).progression).id, "assisted_hang");
    record_a_good_first_week([&](const core::SessionRecord& session, int index) {
        if (index < 3)
            must(rate_exercise(ws(), session.id, "counter_decompression", "too_easy"));
    });
    set_time("2026-11-09T08:00:00Z");
    const auto outcome = must(review(ws(), no_warning_signs));
    EXPECT_EQ(reason_of(outcome, "feedback_harder_offered"), nullptr);
    EXPECT_NE(reason_of(outcome, "feedback_harder_none"), nullptr);
    EXPECT_TRUE(must(load_current(ws())).version.changes.empty());
    expect_error(take_harder_version(ws(), "counter_decompression"), core::ErrorCode::NotFound,
                 "exercise");
}

TEST_F(Journeys, ARatingNamesWhatIsWrongAndStoresNothingThen) {
    start_desk_worker();
    const auto session = record_whole_session(3, 3);
    const auto played = must(repo().session_exercises(session.id));
    ASSERT_TRUE(played && !played->empty());
    expect_error(rate_exercise(ws(), session.id, played->front(), "meh"),
                 core::ErrorCode::InvalidInput, "rating");
    expect_error(rate_exercise(ws(), session.id + 100, played->front(), "right"),
                 core::ErrorCode::NotFound, "session");
    expect_error(rate_exercise(ws(), session.id, "plank_on_one_hand", "right"),
                 core::ErrorCode::InvalidInput, "exercise");
    EXPECT_TRUE(must(repo().feedback(core::Day{std::chrono::year{2000} / 1 / 1},
                                     core::Day{std::chrono::year{2100} / 1 / 1}))
                    .empty());
    must(rate_exercise(ws(), session.id, played->front(), "too_hard"));
    const auto stored = must(repo().feedback(session.day, session.day));
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].rating, core::Rating::TooHard);
    EXPECT_EQ(stored[0].day, session.day);
    // Progress counts it, and the export carries it.
    const auto shown = must(progress(ws(), 1));
    ASSERT_EQ(shown.feedback.size(), 1u);
    EXPECT_EQ(shown.feedback[0].too_hard, 1);
    EXPECT_EQ(must(everything(ws())).feedback.size(), 1u);
}

TEST_F(Journeys, AReviewWhoseNextVersionCannotBeWrittenLeavesNoAnswersOrReviewBehind) {
    start_desk_worker();
    record_a_good_first_week();
    set_time("2026-11-09T08:00:00Z");
    refuse_versions();
    const auto failed = review(ws(), no_warning_signs);
    ASSERT_FALSE(failed);
    // The answers (a new intake) and the review were written before the version, and are gone.
    EXPECT_EQ(must(repo().intakes()).size(), 1u);
    EXPECT_TRUE(must(repo().reviews()).empty());
    EXPECT_EQ(must(repo().program_versions()).size(), 1u);
    EXPECT_EQ(must(load_current(ws())).version.week, 1);

    // Nothing half-written blocks the review once the database takes writes again.
    allow_versions();
    const auto outcome = must(review(ws(), no_warning_signs));
    EXPECT_EQ(outcome.record.decision, core::ReviewDecision::Progress);
    EXPECT_EQ(must(repo().intakes()).size(), 2u);
    EXPECT_EQ(must(repo().reviews()).size(), 1u);
    EXPECT_EQ(must(load_current(ws())).version.week, 2);
}

TEST_F(Journeys, AReviewWithBadAnswersStoresNothing) {
    start_desk_worker();
    set_time("2026-11-09T08:00:00Z");
    const auto outcome =
        review(ws(), R"({"warning_signs": {"sadle_numbness": true}, "leg": "none"})");
    expect_error(outcome, core::ErrorCode::InvalidInput, "warning_signs.sadle_numbness");
    EXPECT_TRUE(must(repo().reviews()).empty());
    EXPECT_EQ(must(repo().program_versions()).size(), 1u);
}

// ---- The diary and progress -----------------------------------------------------------------

struct PainCase {
    const char* name;
    int pain;
    std::string note;
    const char* field; ///< Empty: stored.
};

class LogPain : public Journeys, public testing::WithParamInterface<PainCase> {};

TEST_P(LogPain, StoresAValidEntryOnly) {
    const auto& c = GetParam();
    set_time("2026-11-05T20:00:00Z");
    const auto entry = log_pain(ws(), c.pain, c.note);
    const auto diary_now = must(diary(ws(), 1));
    if (*c.field != '\0') {
        expect_error(entry, core::ErrorCode::InvalidInput, c.field);
        EXPECT_TRUE(diary_now.pain.empty());
        return;
    }
    ASSERT_TRUE(entry) << entry.error().to_string();
    EXPECT_GT(entry->id, 0);
    EXPECT_EQ(core::iso_day(entry->day), "2026-11-05");
    ASSERT_EQ(diary_now.pain.size(), 1u);
    EXPECT_EQ(diary_now.pain[0].id, entry->id);
    EXPECT_EQ(diary_now.pain[0].pain, c.pain);
    EXPECT_EQ(diary_now.pain[0].note, c.note);
}

INSTANTIATE_TEST_SUITE_P(
    All, LogPain,
    testing::Values(PainCase{.name = "with_a_note", .pain = 3, .note = "long walk", .field = ""},
                    PainCase{.name = "no_pain", .pain = 0, .note = "", .field = ""},
                    PainCase{.name = "above_ten", .pain = 11, .note = "", .field = "pain"},
                    PainCase{.name = "negative", .pain = -1, .note = "", .field = "pain"},
                    PainCase{.name = "not_utf8", .pain = 3, .note = "caf\xe9", .field = "note"}),
    case_name<PainCase>);

TEST_F(Journeys, TheDiaryCoversTheLastDaysUpToToday) {
    start_desk_worker();
    set_time("2026-11-03T08:00:00Z");
    record_whole_session(3, 3);
    must(log_pain(ws(), 4, ""));
    set_time("2026-11-06T08:00:00Z");
    must(log_pain(ws(), 2, ""));

    const auto three_days = must(diary(ws(), 3));
    EXPECT_EQ(core::iso_day(three_days.from), "2026-11-04");
    EXPECT_EQ(core::iso_day(three_days.to), "2026-11-06");
    EXPECT_TRUE(three_days.sessions.empty());
    ASSERT_EQ(three_days.pain.size(), 1u);
    EXPECT_EQ(three_days.pain[0].pain, 2);

    const auto week = must(diary(ws(), 7));
    EXPECT_EQ(week.sessions.size(), 1u);
    EXPECT_FALSE(week.sessions[0].steps.empty());
    EXPECT_EQ(week.pain.size(), 2u);

    expect_error(diary(ws(), 0), core::ErrorCode::InvalidInput, "days");
}

TEST_F(Journeys, ProgressCountsSessionsAndKeepsTheBaselinePain) {
    start_desk_worker();
    set_time("2026-11-03T08:00:00Z");
    record_whole_session(3, 3);
    record_whole_session(3, 2);
    const auto result = must(progress(ws(), 2));
    EXPECT_EQ(result.done_sessions, 2);
    EXPECT_EQ(result.baseline_pain, 4);
    expect_error(progress(ws(), 0), core::ErrorCode::InvalidInput, "weeks");
}

// ---- Scores ---------------------------------------------------------------------------------

struct ScoreCase {
    const char* instrument;
    const char* answers;
    double value;
    const char* band;
};

std::string instrument_name(const testing::TestParamInfo<ScoreCase>& case_info) {
    return case_info.param.instrument;
}

class Scores : public Journeys, public testing::WithParamInterface<ScoreCase> {};

TEST_P(Scores, AreScoredByTheirInstrumentAndSaved) {
    const auto& c = GetParam();
    const auto scored = must(score(test::knowledge_base(), c.instrument, c.answers));
    const auto document = json::score_document(scored);
    EXPECT_EQ(document.value("instrument", ""), c.instrument) << document.dump();

    set_time("2026-11-04T19:00:00Z");
    const auto saved = must(save_score(ws(), c.instrument, scored, c.answers));
    EXPECT_GT(saved.id, 0);
    const auto stored = must(repo().scores());
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].instrument, c.instrument);
    EXPECT_DOUBLE_EQ(stored[0].value, c.value);
    EXPECT_EQ(stored[0].band, c.band);
    EXPECT_EQ(stored[0].answers, c.answers);
    EXPECT_EQ(core::iso_day(stored[0].day), "2026-11-04");
}

INSTANTIATE_TEST_SUITE_P(
    All, Scores,
    testing::Values(
        ScoreCase{.instrument = "odi",
                  .answers = R"({"answers": [1,2,1,0,2,1,null,1,2,1]})",
                  .value = 24.4,
                  .band = "moderate"},
        ScoreCase{.instrument = "rmdq",
                  .answers = R"({"answers": [true,true,true,true,true,false,false,false,false,
                      false,false,false,false,false,false,false,false,false,false,false,false,
                      false,false,false]})",
                  .value = 5,
                  .band = ""},
        ScoreCase{
            .instrument = "startback",
            .answers = R"({"answers": [true,true,true,true,true,true,true,true,"extremely"]})",
            .value = 9,
            .band = "high"}),
    instrument_name);

TEST_F(Journeys, AnUnknownInstrumentIsNotFound) {
    expect_error(score(test::knowledge_base(), "sf36", R"({"answers": []})"),
                 core::ErrorCode::NotFound, "instrument");
}

TEST_F(Journeys, AScoreIsSavedOnlyUnderItsOwnInstrument) {
    const auto scored =
        must(score(test::knowledge_base(), "odi", R"({"answers": [1,2,1,0,2,1,null,1,2,1]})"));
    ASSERT_TRUE(std::holds_alternative<core::OdiScore>(scored));
    expect_error(save_score(ws(), "rmdq", scored, "{}"), core::ErrorCode::InvalidInput,
                 "instrument");
    EXPECT_TRUE(must(repo().scores()).empty());
}

// ---- Export and forget ----------------------------------------------------------------------

TEST_F(Journeys, EverythingHoldsEachRecordAndForgetEmptiesIt) {
    start_desk_worker();
    set_time("2026-11-03T08:00:00Z");
    record_whole_session(3, 3);
    must(log_pain(ws(), 3, "fine"));
    const auto scored = must(score(test::knowledge_base(), "startback",
                                   R"({"answers": [false,false,false,false,false,false,false,)"
                                   R"(false,"not_at_all"]})"));
    must(save_score(ws(), "startback", scored, "{}"));

    const auto all = must(everything(ws()));
    EXPECT_EQ(all.intakes.size(), 1u);
    EXPECT_EQ(all.programs.size(), 1u);
    ASSERT_EQ(all.sessions.size(), 1u);
    EXPECT_FALSE(all.sessions[0].steps.empty());
    EXPECT_EQ(all.pain.size(), 1u);
    EXPECT_EQ(all.scores.size(), 1u);
    EXPECT_TRUE(all.reviews.empty());

    ASSERT_TRUE(forget(ws()));
    const auto none = must(everything(ws()));
    EXPECT_TRUE(none.intakes.empty());
    EXPECT_TRUE(none.programs.empty());
    EXPECT_TRUE(none.sessions.empty());
    EXPECT_TRUE(none.pain.empty());
    EXPECT_TRUE(none.scores.empty());
}

// ---- Many people on one database --------------------------------------------------------------

// The host operator adds people; each record is its own, and a personal-mode caller is not handed
// one of several records by guessing.
TEST_F(Journeys, EachPersonHasTheirOwnRecord) {
    const auto& host = m_host;
    const auto res = resources();
    const auto ana = must(add_person(res, host, "  Ana Silva "));
    const auto ben = must(add_person(res, host, "Ben"));
    EXPECT_EQ(ana.name, "Ana Silva");
    EXPECT_NE(ana.id, ben.id);

    must(start(record_of(ana.id), desk_worker(), Restart::No));
    must(log_pain(record_of(ben.id), 5, "ben's note"));

    const auto anas = must(everything(record_of(ana.id)));
    const auto bens = must(everything(record_of(ben.id)));
    EXPECT_EQ(anas.intakes.size(), 1u);
    EXPECT_TRUE(anas.pain.empty());
    EXPECT_TRUE(bens.intakes.empty());
    ASSERT_EQ(bens.pain.size(), 1u);
    EXPECT_EQ(bens.pain[0].note, "ben's note");

    // Two people: nobody is the database's one person any more.
    expect_error(open_record(res, m_person), core::ErrorCode::Conflict, "person");
    expect_error(open_record(res, host), core::ErrorCode::Conflict, "person");
    expect_error(open_record(res, host, 99), core::ErrorCode::NotFound, "person");
    // People are the host operator's to manage until accounts exist.
    expect_error(people(res, m_person), core::ErrorCode::Forbidden, "role");
    expect_error(add_person(res, m_person, "Eve"), core::ErrorCode::Forbidden, "role");
    EXPECT_EQ(must(people(res, host)).size(), 2u);

    // Forgetting Ben leaves Ana's record whole, and keeps Ben's id without his name.
    ASSERT_TRUE(forget(record_of(ben.id)));
    EXPECT_TRUE(must(everything(record_of(ben.id))).pain.empty());
    EXPECT_EQ(must(everything(record_of(ana.id))).intakes.size(), 1u);
    const auto after = must(people(res, host));
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[0].name, "Ana Silva");
    EXPECT_EQ(after[1].name, "");
}

// Ids of someone else's rows do not reach them: a session, a stop and a harder version belong to
// the record they were stored in.
TEST_F(Journeys, AnotherPersonsIdsAreNotFound) {
    const auto& host = m_host;
    const auto res = resources();
    const auto first = must(add_person(res, host, "First")).id;
    const auto second = must(add_person(res, host, "Second")).id;
    must(start(record_of(first), desk_worker(), Restart::No));
    const auto plan = must(prepare_session(record_of(first)));
    const auto session =
        must(record_session(record_of(first), {.started_at = now(),
                                               .pain_before = 3,
                                               .pain_after = 3,
                                               .controls = {},
                                               .ended_ms = plan.timeline.total_ms}))
            .record;
    const auto item = session.steps.at(1).item;
    must(start(record_of(second), desk_worker(), Restart::No));
    expect_error(rate_exercise(record_of(second), session.id, item, "right"),
                 core::ErrorCode::NotFound, "session");
    EXPECT_TRUE(must(rate_exercise(record_of(first), session.id, item, "right")).session_id ==
                session.id);
    // The store refuses the write itself, not only the service's check before it.
    const auto refused = res.storage.record(second)->set_feedback({.session_id = session.id,
                                                                   .item = item,
                                                                   .rating = core::Rating::Hurt,
                                                                   .at = now(),
                                                                   .day = session.day});
    expect_error(refused, core::ErrorCode::NotFound, "session");
    const auto kept = must(res.storage.record(first)->feedback(session.day, session.day));
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].rating, core::Rating::Right);
    expect_error(res.storage.record(second)->accept_change(plan.current.version.id, item, now()),
                 core::ErrorCode::NotFound, "exercise");
}

} // namespace
} // namespace unload::service
