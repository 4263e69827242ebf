// Scripted sessions (`unload session --events FILE`): the script format with file:line errors,
// and a whole session played on a virtual clock with exact timings.

#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "cli/session_script.hpp"
#include "core/planner.hpp"
#include "json/intake.hpp"
#include "support/knowledge.hpp"

namespace unload::cli {
namespace {

TEST(SessionScript, ReadsEveryKindOfLine) {
    const auto script = parse_session_script("# a comment\n"
                                             "before 4\n"
                                             "0:05 space   # pause\n"
                                             "35 space\n"
                                             "1:00.5 s\n"
                                             "2:00 w\n"
                                             "3:00 x sharp_pain\n"
                                             "12:00 q\n"
                                             "after 6\n"
                                             "rescreen none\n",
                                             "s.txt");
    ASSERT_TRUE(script) << script.error().to_string();
    EXPECT_EQ(script->pain_before, 4);
    EXPECT_EQ(script->pain_after, 6);
    ASSERT_TRUE(script->rescreen);
    EXPECT_TRUE(script->rescreen->empty());
    ASSERT_EQ(script->keys.size(), 6u);
    EXPECT_EQ(script->keys[0].at_ms, 5000);
    EXPECT_EQ(script->keys[1].at_ms, 35000);
    EXPECT_EQ(script->keys[2].at_ms, 60500);
    EXPECT_EQ(script->keys[2].key, 's');
    EXPECT_EQ(script->keys[4].key, 'x');
    EXPECT_EQ(script->keys[4].reason, "sharp_pain");
    EXPECT_EQ(script->keys[4].line, 7);
}

struct BadScript {
    const char* text;
    int line;
    const char* message;
};

class SessionScriptErrors : public testing::TestWithParam<BadScript> {};

TEST_P(SessionScriptErrors, NameFileAndLine) {
    const auto& bad = GetParam();
    const auto script = parse_session_script(bad.text, "s.txt");
    ASSERT_FALSE(script);
    EXPECT_EQ(script.error().file, "s.txt");
    EXPECT_EQ(script.error().field, "--events");
    EXPECT_EQ(script.error().line, bad.line);
    EXPECT_NE(script.error().message.find(bad.message), std::string::npos)
        << script.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    All, SessionScriptErrors,
    testing::Values(BadScript{.text = "before 11\n", .line = 1, .message = "0 to 10"},
                    BadScript{.text = "\nafter\n", .line = 2, .message = "0 to 10"},
                    BadScript{.text = "1:70 s\n", .line = 1, .message = "session time"},
                    BadScript{.text = "soon s\n", .line = 1, .message = "session time"},
                    BadScript{.text = "0:10 z\n", .line = 1, .message = "expected a key"},
                    BadScript{.text = "0:10 x\n", .line = 1, .message = "stop reason"},
                    BadScript{.text = "0:10 s now\n", .line = 1, .message = "unexpected 'now'"},
                    BadScript{.text = "0:20 s\n0:10 s\n", .line = 2, .message = "backward"},
                    BadScript{.text = "rescreen\n", .line = 1, .message = "none"}));

TEST(SessionScript, FormatsSessionTimes) {
    EXPECT_EQ(format_session_time(0), "0:00.000");
    EXPECT_EQ(format_session_time(61'005), "1:01.005");
    EXPECT_EQ(format_session_time(15 * 60'000), "15:00.000");
}

class PlayScript : public testing::Test {
protected:
    // Loaded and planned in every test's SetUp, not once in SetUpTestSuite: GoogleTest reports the
    // tests of a suite whose SetUpTestSuite failed as skipped, so broken content would hide as
    // skips. Planning takes microseconds.
    void SetUp() override {
        const auto& loaded = test::loaded_content();
        ASSERT_TRUE(loaded) << "content failed to load:\n" << test::describe(loaded.error());
        kb_ = &*loaded;
        const auto intake =
            json::decode_intake(*kb_, R"({"format": "unload-intake/1", "person": {"age": 40},
                      "symptoms": {"pain_now": 4}, "minutes_per_session": 15})");
        ASSERT_TRUE(intake) << intake.error().to_string();
        plan_ = core::plan(*kb_, *intake);
        ASSERT_TRUE(plan_->program);
    }

    /// Plays a script on a virtual clock; returns the run's record and the log.
    std::pair<core::SessionRecord, std::vector<PlayedLine>> play(std::string_view text) const {
        const auto script = parse_session_script(text, "test");
        EXPECT_TRUE(script);
        core::SessionRun run(*kb_, *plan_->program, plan_->screening.allowed);
        core::VirtualClock clock(core::Timestamp{});
        std::vector<PlayedLine> log;
        const auto stops = play_script(
            *kb_, run, *script, [&] { return clock.steady_ms(); },
            [&](std::int64_t at) { clock.advance_to(at); }, log);
        EXPECT_TRUE(stops);
        return {run.record(), log};
    }

    const core::KnowledgeBase* kb_ = nullptr;
    std::optional<core::Plan> plan_;
};

TEST_F(PlayScript, PlaysAWholeSessionToTheEndWithExactStepTimes) {
    const auto [record, log] = play("");
    EXPECT_EQ(record.outcome, core::SessionOutcome::Completed);
    EXPECT_EQ(record.active_ms, record.planned_ms);
    ASSERT_FALSE(record.steps.empty());
    std::int64_t expected_start = 0;
    for (const auto& step : record.steps) {
        EXPECT_EQ(step.started_ms, expected_start) << step.index;
        EXPECT_EQ(step.ended_ms - step.started_ms, step.planned_ms) << step.index;
        expected_start = step.ended_ms;
    }
    EXPECT_EQ(expected_start, record.planned_ms);
    EXPECT_EQ(log.back().text, "end");
}

TEST_F(PlayScript, APauseDelaysEverythingAfterItByItsLength) {
    const auto [record, log] = play("0:05 space\n0:35 space\n");
    ASSERT_FALSE(record.steps.empty());
    EXPECT_EQ(record.steps.front().kind, "get_ready");
    EXPECT_EQ(record.steps.front().ended_ms, record.steps.front().planned_ms + 30'000);
    EXPECT_EQ(record.steps.back().ended_ms, record.planned_ms + 30'000);
    EXPECT_EQ(record.active_ms, record.planned_ms);
}

TEST_F(PlayScript, QuitKeepsWhatWasDone) {
    const auto [record, log] = play("1:00 q\n");
    EXPECT_EQ(record.outcome, core::SessionOutcome::Quit);
    EXPECT_EQ(record.active_ms, 60'000);
    EXPECT_EQ(log.back().text, "quit");
}

TEST_F(PlayScript, AScriptThatEndsWhilePausedQuitsThere) {
    const auto [record, log] = play("0:20 space\n");
    EXPECT_EQ(record.outcome, core::SessionOutcome::Quit);
    EXPECT_EQ(record.active_ms, 20'000);
}

TEST_F(PlayScript, AnUnknownStopReasonIsAnErrorNamingTheLine) {
    const auto script = parse_session_script("\n0:30 x tired\n", "test");
    ASSERT_TRUE(script);
    core::SessionRun run(*kb_, *plan_->program, plan_->screening.allowed);
    core::VirtualClock clock(core::Timestamp{});
    std::vector<PlayedLine> log;
    const auto stops = play_script(
        *kb_, run, *script, [&] { return clock.steady_ms(); },
        [&](std::int64_t at) { clock.advance_to(at); }, log);
    ASSERT_FALSE(stops);
    EXPECT_EQ(stops.error().line, 2);
}

} // namespace
} // namespace unload::cli
