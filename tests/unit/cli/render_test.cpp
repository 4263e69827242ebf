// The human text view: dose wording, the verdict first, no program when screening withholds one,
// and colour only when the terminal asks for it.

#include <string>

#include <gtest/gtest.h>

#include "cli/render.hpp"
#include "cli/terminal.hpp"
#include "core/planner.hpp"
#include "json/intake.hpp"
#include "support/knowledge.hpp"

namespace unload::cli {
namespace {

class RenderPlan : public testing::Test {
protected:
    // Loaded in every test's SetUp, not once in SetUpTestSuite: GoogleTest reports the tests of a
    // suite whose SetUpTestSuite failed as skipped, so broken content would hide as skips.
    void SetUp() override {
        const auto& loaded = test::loaded_content();
        ASSERT_TRUE(loaded) << "content failed to load:\n" << test::describe(loaded.error());
        kb_ = &*loaded;
    }

    core::Plan plan_for(std::string_view intake_json) const {
        const auto intake = json::decode_intake(*kb_, intake_json);
        EXPECT_TRUE(intake.has_value()) << intake.error().to_string();
        return core::plan(*kb_, *intake);
    }

    const core::KnowledgeBase* kb_ = nullptr;
};

TEST(RenderSeconds, Describes) {
    EXPECT_EQ(describe_seconds(45), "45 s");
    EXPECT_EQ(describe_seconds(240), "4 min");
    EXPECT_EQ(describe_seconds(90), "1 min 30 s");
    EXPECT_EQ(describe_seconds(60), "1 min");
}

TEST(RenderDose, SingleHold) {
    core::RoutineItem item;
    item.hold_s = 240;
    EXPECT_EQ(describe_dose(item), "hold 4 min");
}

TEST(RenderDose, RoundsOfHoldsWithRest) {
    core::RoutineItem item;
    item.hold_s = 25;
    item.rounds = 3;
    item.rest_s = 10;
    EXPECT_EQ(describe_dose(item), "3 × 25 s holds, 10 s rest between");
}

TEST(RenderDose, PerSideRepsWithHolds) {
    core::RoutineItem item;
    item.reps = 10;
    item.per_side = true;
    item.hold_s = 5;
    EXPECT_EQ(describe_dose(item), "10 reps on each side, holding 5 s each");
}

TEST(RenderDose, RoundsOfReps) {
    core::RoutineItem item;
    item.reps = 8;
    item.rounds = 2;
    item.rest_s = 30;
    EXPECT_EQ(describe_dose(item), "2 rounds of 8 reps, 30 s rest between");
}

TEST(RenderDose, FinishHold) {
    core::RoutineItem item;
    item.reps = 10;
    item.rep_s = 3;
    item.finish_hold_s = 60;
    EXPECT_EQ(describe_dose(item), "10 reps, then 1 min to finish");
}

TEST_F(RenderPlan, EmergencyComesFirstWithNoRoutine) {
    const auto plan = plan_for(R"({"format": "unload-intake/1", "person": {"age": 46},
        "warning_signs": {"saddle_numbness": true}, "symptoms": {"pain_now": 5}})");
    ASSERT_FALSE(plan.program.has_value());
    const auto text = render_plan(*kb_, plan, Terminal(false));
    EXPECT_TRUE(text.starts_with("EMERGENCY")) << text;
    EXPECT_NE(text.find("No exercise program"), std::string::npos) << text;
    EXPECT_EQ(text.find("Week "), std::string::npos) << text;
    EXPECT_EQ(text.find("\033["), std::string::npos);
}

TEST_F(RenderPlan, PlainPlanHasVerdictFirstAndNoEscapes) {
    const auto plan = plan_for(R"({"format": "unload-intake/1", "person": {"age": 40},
        "symptoms": {"pain_now": 3}})");
    ASSERT_TRUE(plan.program.has_value());
    const auto text = render_plan(*kb_, plan, Terminal(false));
    EXPECT_TRUE(text.starts_with("CLEAR") || text.starts_with("CAUTION")) << text;
    EXPECT_EQ(text.find("\033["), std::string::npos) << text;
    EXPECT_NE(text.find("Week 1"), std::string::npos) << text;
    EXPECT_EQ(text.find("No exercise program"), std::string::npos);
}

TEST_F(RenderPlan, ColourTerminalAddsEscapes) {
    const auto plan = plan_for(R"({"format": "unload-intake/1", "person": {"age": 40},
        "symptoms": {"pain_now": 3}})");
    const auto text = render_plan(*kb_, plan, Terminal(true));
    EXPECT_TRUE(text.starts_with("\033[")) << text;
}

TEST_F(RenderPlan, LearnTopicsAreWrappedAndShowTheWarningRulesWithTheirUrgency) {
    const auto list = render_learn_list(*kb_, Terminal(false));
    for (const auto& topic : kb_->learn.topics)
        EXPECT_NE(list.find("(" + topic.id + ")"), std::string::npos) << topic.id;
    const auto* topic = kb_->learn.find("warning_signs");
    ASSERT_NE(topic, nullptr);
    const auto text = render_learn_topic(*kb_, *topic, Terminal(false));
    EXPECT_NE(text.find("EMERGENCY"), std::string::npos) << text;
    EXPECT_NE(text.find(kb_->rules[topic->rules.front()].text.substr(0, 20)), std::string::npos);
    // Every line fits the terminal width the other text views use, and a bullet's second line
    // starts under its text, not under the dash.
    bool in_bullet = false;
    int bullets = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const auto line = text.substr(start, end - start);
        EXPECT_LE(line.size(), 78U) << line;
        if (line.starts_with("  - ")) {
            in_bullet = true;
            ++bullets;
        } else if (in_bullet && !line.empty() && line.starts_with(" ")) {
            EXPECT_TRUE(line.starts_with("    ")) << line;
        } else {
            in_bullet = false;
        }
        start = end == std::string::npos ? text.size() : end + 1;
    }
    EXPECT_GT(bullets, 0);
}

TEST(RenderTerminal, PaintOnlyWhenColour) {
    EXPECT_EQ(Terminal(false).paint(Style::Red, "stop"), "stop");
    EXPECT_EQ(Terminal(false).paint(Style::Bold, "stop"), "stop");
    EXPECT_EQ(Terminal(true).paint(Style::Red, "stop"), "\033[1;31mstop\033[0m");
    EXPECT_EQ(Terminal(true).paint(Style::Plain, "stop"), "stop");
    const auto bold = Terminal(true).paint(Style::Bold, "stop");
    EXPECT_NE(bold.find("\033["), std::string::npos);
    EXPECT_NE(bold.find("stop"), std::string::npos);
}

} // namespace
} // namespace unload::cli
