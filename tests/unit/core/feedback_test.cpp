// Single exercises changed by the person's feedback (core::feedback_changes, the planner's
// `changes`): an easier version plays in an exercise's place, and never an exercise screening
// excluded, one without the person's equipment, or one the routine already plays.

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/intake.hpp"
#include "core/planner.hpp"
#include "core/review.hpp"
#include "json/intake.hpp"
#include "support/content_files.hpp"
#include "support/knowledge.hpp"

namespace unload::core {
namespace {

/// The example desk worker: no warning sign, no pull-up bar.
Intake plain_intake(const KnowledgeBase& kb) {
    const auto decoded = json::decode_intake(
        kb, test::read_text(test::content_dir.parent_path() / "examples" / "desk-worker.json"));
    EXPECT_TRUE(decoded) << decoded.error().to_string();
    return decoded.value_or(Intake{});
}

ItemId id(const KnowledgeBase& kb, std::string_view name) {
    const auto found = kb.find_item(name);
    EXPECT_TRUE(found) << name;
    return found.value_or(0);
}

ItemChange easier(std::string item, std::string use) {
    return {.item = std::move(item),
            .use = std::move(use),
            .kind = ChangeKind::Easier,
            .reason = "feedback_easier",
            .accepted_at = std::nullopt};
}

const RoutineItem* played(const Program& program, ItemId item) {
    const auto found = std::ranges::find(program.routine, item, &RoutineItem::item);
    return found == program.routine.end() ? nullptr : &*found;
}

class Feedback : public testing::Test {
protected:
    const KnowledgeBase& kb = test::knowledge_base();
    Intake intake = plain_intake(kb);
    /// The strength stage, where cat-cow's easier version (knee to chest) is not played.
    std::size_t strength = *find_stage(kb, "strength");
};

TEST_F(Feedback, AnEasierVersionPlaysInTheExercisesPlaceWithItsOwnDoseAndReason) {
    const auto cat_cow = id(kb, "cat_cow");
    const auto knee = id(kb, "knee_to_chest");
    const auto before = plan(kb, intake, 5, strength);
    ASSERT_TRUE(before.program);
    ASSERT_NE(played(*before.program, cat_cow), nullptr);
    ASSERT_EQ(played(*before.program, knee), nullptr);

    const auto after = plan(kb, intake, 5, strength, {easier("cat_cow", "knee_to_chest")});
    ASSERT_TRUE(after.program);
    EXPECT_EQ(played(*after.program, cat_cow), nullptr);
    const auto* instead = played(*after.program, knee);
    ASSERT_NE(instead, nullptr);
    EXPECT_EQ(instead->replaces, cat_cow);
    EXPECT_NE(std::ranges::find(instead->because, "easier_version"), instead->because.end());
    EXPECT_GE(instead->hold_s, kb.item(knee).dose->hold_s.low);
    EXPECT_LE(instead->hold_s, kb.item(knee).dose->hold_s.high);
    // In the place of the exercise it stands in for.
    const auto position = [](const Program& program, ItemId item) {
        return std::ranges::find(program.routine, item, &RoutineItem::item) -
               program.routine.begin();
    };
    EXPECT_EQ(position(*after.program, knee), position(*before.program, cat_cow));
}

TEST_F(Feedback, AnEasierVersionTheRoutinePlaysAlreadyLeavesTheExerciseOut) {
    // Bird dog's easier version, the dead bug, is in the strength routine already.
    const auto after = plan(kb, intake, 5, strength, {easier("bird_dog", "dead_bug")});
    ASSERT_TRUE(after.program);
    EXPECT_EQ(played(*after.program, id(kb, "bird_dog")), nullptr);
    EXPECT_EQ(std::ranges::count(after.program->routine, id(kb, "dead_bug"), &RoutineItem::item),
              1);
    const auto left =
        std::ranges::find(after.program->left_out, id(kb, "bird_dog"), &LeftOut::item);
    ASSERT_NE(left, after.program->left_out.end());
    EXPECT_EQ(left->because, std::vector<std::string>{"no_easier_version"});
}

TEST_F(Feedback, AnEasierVersionWithoutThePersonsEquipmentLeavesTheExerciseOutByItsOwnName) {
    // The desk worker has no pull-up bar; no review would pick the assisted hang as an easier
    // cat-cow, but whatever a version needs, the planner checks.
    const auto after = plan(kb, intake, 5, strength, {easier("cat_cow", "assisted_hang")});
    ASSERT_TRUE(after.program);
    EXPECT_EQ(played(*after.program, id(kb, "assisted_hang")), nullptr);
    EXPECT_EQ(played(*after.program, id(kb, "cat_cow")), nullptr);
    const auto left = std::ranges::find(after.program->left_out, id(kb, "cat_cow"), &LeftOut::item);
    ASSERT_NE(left, after.program->left_out.end());
    EXPECT_EQ(left->because, std::vector<std::string>{"no_easier_version"});
    EXPECT_EQ(std::ranges::find(after.program->left_out, id(kb, "assisted_hang"), &LeftOut::item),
              after.program->left_out.end());
}

TEST_F(Feedback, AVersionScreeningExcludesNeverPlays) {
    // Pain worse standing and better sitting excludes the superman (clinical.md section 3). No
    // review would choose it as an easier version; the planner refuses it all the same.
    auto standing = intake;
    standing.reported.set(*kb.find_fact("worse_standing_walking_better_sitting"));
    const auto superman = id(kb, "superman");
    ASSERT_FALSE(screen(kb, standing, 5).allowed.contains(superman));
    const auto after = plan(kb, standing, 5, strength, {easier("cat_cow", "superman")});
    ASSERT_TRUE(after.program);
    EXPECT_EQ(played(*after.program, superman), nullptr);
    EXPECT_EQ(played(*after.program, id(kb, "cat_cow")), nullptr);
}

TEST_F(Feedback, AHarderVersionThatCannotPlayKeepsTheExercise) {
    auto no_bar = intake; // The default equipment has no pull-up bar.
    ItemChange harder{.item = "counter_decompression",
                      .use = "assisted_hang",
                      .kind = ChangeKind::Harder,
                      .reason = "feedback_harder_offered",
                      .accepted_at = Timestamp{}};
    const auto after = plan(kb, no_bar, 1, std::nullopt, {harder});
    ASSERT_TRUE(after.program);
    EXPECT_NE(played(*after.program, id(kb, "counter_decompression")), nullptr);
    EXPECT_EQ(played(*after.program, id(kb, "assisted_hang")), nullptr);
    // Offered but not taken, it changes nothing either.
    harder.accepted_at.reset();
    EXPECT_NE(played(*plan(kb, no_bar, 1, std::nullopt, {harder}).program,
                     id(kb, "counter_decompression")),
              nullptr);
}

TEST_F(Feedback, HurtTwiceOnAnEasierVersionTakenBackGoesBackNotFurther) {
    // Dead bug played in bird dog's place after a harder version was taken, then hurt twice:
    // the routine's own exercise comes back, rather than dead bug's own easier version.
    const auto reviewed = plan(kb, intake, 5, strength,
                               {{.item = "cat_cow",
                                 .use = "bird_dog",
                                 .kind = ChangeKind::Harder,
                                 .reason = "feedback_harder_offered",
                                 .accepted_at = Timestamp{}}});
    ASSERT_TRUE(reviewed.program);
    // Bird dog is in the strength routine itself, so the harder version cannot play there.
    EXPECT_NE(played(*reviewed.program, id(kb, "cat_cow")), nullptr);

    const std::vector<ItemChange> taken{{.item = "cat_cow",
                                         .use = "knee_to_chest",
                                         .kind = ChangeKind::Easier,
                                         .reason = "feedback_easier",
                                         .accepted_at = std::nullopt}};
    const auto held = plan(kb, intake, 5, strength, taken);
    const std::vector<ExerciseFeedback> feedback{
        {.session_id = 1, .item = "knee_to_chest", .rating = Rating::TooEasy, .at = {}, .day = {}},
        {.session_id = 2, .item = "knee_to_chest", .rating = Rating::TooEasy, .at = {}, .day = {}},
        {.session_id = 3, .item = "knee_to_chest", .rating = Rating::TooEasy, .at = {}, .day = {}}};
    auto outcome =
        feedback_changes(kb, *held.program, taken, feedback, Day{}, held.screening.allowed);
    // The harder version of an easier one held is the routine's own exercise.
    const auto offer = std::ranges::find(outcome.changes, ChangeKind::Harder, &ItemChange::kind);
    ASSERT_NE(offer, outcome.changes.end());
    EXPECT_EQ(offer->item, "cat_cow");
    EXPECT_EQ(offer->use, "cat_cow");
    // Until taken, the easier version stays in force.
    EXPECT_TRUE(std::ranges::any_of(outcome.changes, [](const ItemChange& c) {
        return c.kind == ChangeKind::Easier && c.use == "knee_to_chest";
    }));
    const auto next = plan(kb, intake, 6, strength, outcome.changes);
    const auto reasons = feedback_reasons(kb, outcome, intake, next);
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_EQ(reasons[0].id, "feedback_harder_offered");
    EXPECT_NE(reasons[0].text.find(kb.item(id(kb, "cat_cow")).name), std::string::npos);
}

} // namespace
} // namespace unload::core
