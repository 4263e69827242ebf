// Playing a guided session on a virtual clock (clinical.md section 8): every control and every
// stop reason, with exact step times worked out by hand from content/, and suspensions across
// sessions. No sleeps: time is whatever the test passes in.
//
// The week-1 relief routine for a person with no conditions and the default equipment, 15 minutes
// (programs.toml, exercises/), has these steps and session times in ms:
//    0 get ready                     0 -  10000
//    1 position  90-90 rest      10000 -  25000
//    2 hold      240 s           25000 - 265000
//    3 position  knee-to-chest  265000 - 280000
//    4-6 reps left, 9 s each    280000 - 307000
//    7 switch sides             307000 - 312000
//    8-10 reps right            312000 - 339000
//   11 closing hold, 45 s       339000 - 384000
//   12 position  child's pose   384000 - 399000
//   13 15 17 19 holds of 25 s, 14 16 18 rests of 10 s          399000 - 529000
//   20 position  cat-cow        529000 - 544000
//   21-32 12 reps of 8 s        544000 - 640000
//   33 position  counter decompression                          640000 - 655000
//   34 36 38 holds of 25 s, 35 37 rests of 15 s                 655000 - 760000

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/planner.hpp"
#include "core/session.hpp"
#include "support/knowledge.hpp"

namespace unload::core {
namespace {

const KnowledgeBase& kb() {
    return test::knowledge_base();
}

ItemId id(std::string_view name) {
    return *kb().find_item(name);
}

Intake intake_with(const KnowledgeBase& base, std::initializer_list<std::string_view> facts = {},
                   int minutes = 15) {
    Intake intake;
    intake.person.age = 45;
    intake.symptoms.pain_now = 4;
    intake.equipment = base.default_equipment;
    intake.minutes_per_session = minutes;
    for (const auto fact : facts)
        intake.reported.set(*base.find_fact(fact));
    return intake;
}

/// Plays on a virtual clock to the end: jump to the next due moment, collect what fell due.
std::vector<DueCue> play_to_end(SessionRun& run) {
    std::vector<DueCue> cues;
    while (const auto due = run.next_due_ms()) {
        auto more = run.advance(*due);
        cues.insert(cues.end(), more.begin(), more.end());
    }
    return cues;
}

struct Played {
    int index = 0;
    std::string kind;
    std::string item;
    std::int64_t started_ms = 0;
    std::int64_t ended_ms = 0;
    StepResult result = StepResult::Done;
};

void expect_played(const StepRecord& step, const Played& expected) {
    EXPECT_EQ(step.index, expected.index);
    EXPECT_EQ(step.kind, expected.kind);
    EXPECT_EQ(step.item, expected.item);
    EXPECT_EQ(step.started_ms, expected.started_ms);
    EXPECT_EQ(step.ended_ms, expected.ended_ms);
    EXPECT_EQ(step.result, expected.result) << to_string(step.result);
}

/// Each played step starts where the one before it ended.
void expect_contiguous(const SessionRecord& record) {
    for (std::size_t i = 1; i < record.steps.size(); ++i) {
        SCOPED_TRACE("step record " + std::to_string(i));
        EXPECT_EQ(record.steps[i].started_ms, record.steps[i - 1].ended_ms);
    }
}

class Session : public testing::Test {
protected:
    void SetUp() override {
        m_plan = plan(kb(), intake_with(kb()), 1);
        ASSERT_TRUE(m_plan.program.has_value());
        const auto& routine = m_plan.program->routine;
        ASSERT_EQ(routine.size(), 5u);
        ASSERT_EQ(routine[0].item, id("ninety_ninety"));
        ASSERT_EQ(routine[3].item, id("cat_cow"));
    }

    SessionRun start(const SessionAdjustments& adjustments = {}) const {
        return SessionRun(kb(), *m_plan.program, m_plan.screening.allowed, adjustments);
    }

    /// A whole session with the given stops, played to its end.
    SessionRecord session_with(const std::vector<std::pair<std::int64_t, std::string>>& stops,
                               std::optional<std::int64_t> quit_at = std::nullopt) const {
        auto run = start();
        for (const auto& [at, reason] : stops) {
            run.advance(at);
            EXPECT_TRUE(run.stop(at, reason));
        }
        if (quit_at)
            run.quit(*quit_at);
        play_to_end(run);
        return run.record();
    }

    Plan m_plan;
};

TEST_F(Session, PlaysToTheEndWithExactStepTimes) {
    auto run = start();
    EXPECT_EQ(run.steps().size(), 39u);
    EXPECT_EQ(run.next_due_ms(), 0);
    const auto cues = play_to_end(run);
    EXPECT_TRUE(run.ended());
    EXPECT_FALSE(run.next_due_ms());

    const auto record = run.record();
    EXPECT_EQ(record.outcome, SessionOutcome::Completed);
    EXPECT_EQ(record.planned_ms, 760'000);
    EXPECT_EQ(record.active_ms, 760'000);
    EXPECT_TRUE(record.events.empty());
    ASSERT_EQ(record.steps.size(), 39u);
    for (std::size_t i = 0; i < record.steps.size(); ++i) {
        const auto& step = record.steps[i];
        EXPECT_EQ(step.index, static_cast<int>(i));
        EXPECT_EQ(step.result, StepResult::Done);
        EXPECT_EQ(step.ended_ms - step.started_ms, step.planned_ms);
    }
    expect_contiguous(record);
    expect_played(record.steps[0], {0, "get_ready", "", 0, 10'000});
    expect_played(record.steps[2], {2, "hold", "ninety_ninety", 25'000, 265'000});
    expect_played(record.steps[7], {7, "side_switch", "knee_to_chest", 307'000, 312'000});
    EXPECT_EQ(record.steps[7].side, "right");
    EXPECT_EQ(record.steps[4].side, "left");
    EXPECT_EQ(record.steps[2].side, "");
    expect_played(record.steps[11], {11, "finish_hold", "knee_to_chest", 339'000, 384'000});
    expect_played(record.steps[14], {14, "rest", "childs_pose", 424'000, 434'000});
    expect_played(record.steps[21], {21, "rep", "cat_cow", 544'000, 552'000});
    expect_played(record.steps[38], {38, "hold", "counter_decompression", 735'000, 760'000});

    // Every cue of every step fell due exactly once, in time order.
    std::size_t all_cues = 0;
    for (const auto& step : run.steps())
        all_cues += step.cues.size();
    EXPECT_EQ(cues.size(), all_cues);
    std::int64_t last = 0;
    for (const auto& due : cues) {
        const auto at = record.steps[due.step_index].started_ms + due.cue->at_ms;
        EXPECT_GE(at, last);
        last = at;
    }
}

TEST_F(Session, ACoarseClockGetsTheSameBoundariesAndEveryCue) {
    auto run = start();
    // One late look at 25 s: the get-ready bell and 3-2-1, the position bell and 3-2-1, then the
    // bell of the 90-90 hold with its first breath in.
    const auto cues = run.advance(25'000);
    ASSERT_EQ(cues.size(), 10u);
    const std::vector<std::size_t> steps = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
    const std::vector<CueKind> kinds = {CueKind::Bell,      CueKind::Countdown, CueKind::Countdown,
                                        CueKind::Countdown, CueKind::Bell,      CueKind::Countdown,
                                        CueKind::Countdown, CueKind::Countdown, CueKind::Bell,
                                        CueKind::BreatheIn};
    for (std::size_t i = 0; i < cues.size(); ++i) {
        EXPECT_EQ(cues[i].step_index, steps[i]);
        EXPECT_EQ(cues[i].cue->kind, kinds[i]);
    }
    EXPECT_EQ(cues[0].cue->text, kb().session.words.get_ready);
    EXPECT_EQ(run.next_due_ms(), 29'000); // the first breath out, 4 s into the hold

    // Much later, in one jump: the session ended at 760 s, not when the clock was read.
    run.advance(5'000'000);
    EXPECT_TRUE(run.ended());
    const auto record = run.record();
    EXPECT_EQ(record.steps.back().ended_ms, 760'000);
    EXPECT_EQ(record.active_ms, 760'000);
    expect_contiguous(record);
    EXPECT_TRUE(run.advance(6'000'000).empty());
}

TEST_F(Session, TimeNeverGoesBackward) {
    auto run = start();
    run.advance(30'000);
    EXPECT_TRUE(run.advance(20'000).empty());
    const auto view = run.view(20'000);
    EXPECT_EQ(view.step_index, 2u);
    EXPECT_EQ(view.step_elapsed_ms, 5'000);
}

TEST_F(Session, PauseTimeCountsTowardNoStep) {
    auto run = start();
    run.advance(30'000);
    ASSERT_TRUE(run.pause(30'000));
    const auto twice = run.pause(31'000);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, ErrorCode::InvalidInput);
    EXPECT_FALSE(run.next_due_ms());
    EXPECT_TRUE(run.advance(100'000).empty());

    const auto view = run.view(100'000);
    EXPECT_TRUE(view.paused);
    EXPECT_EQ(view.step_index, 2u);
    EXPECT_EQ(view.step_elapsed_ms, 5'000);
    EXPECT_EQ(view.step_remaining_ms, 235'000);
    EXPECT_EQ(view.session_elapsed_ms, 30'000);
    EXPECT_EQ(view.session_remaining_ms, 730'000);

    ASSERT_TRUE(run.resume(100'000));
    const auto again = run.resume(100'001);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::InvalidInput);
    // The hold goes on from 5 s in: its next breath in, 10 s in, is at 100 + 5 = 105 s.
    EXPECT_EQ(run.next_due_ms(), 105'000);

    play_to_end(run);
    const auto record = run.record();
    EXPECT_EQ(record.outcome, SessionOutcome::Completed);
    // 70 s of pause: the hold ends at 265 + 70 s and the session at 760 + 70 s.
    expect_played(record.steps[2], {2, "hold", "ninety_ninety", 25'000, 335'000});
    EXPECT_EQ(record.steps[2].planned_ms, 240'000);
    EXPECT_EQ(record.steps[3].started_ms, 335'000);
    EXPECT_EQ(record.steps.back().ended_ms, 830'000);
    EXPECT_EQ(record.active_ms, 760'000);
    ASSERT_EQ(record.events.size(), 2u);
    EXPECT_EQ(record.events[0].kind, EventKind::Pause);
    EXPECT_EQ(record.events[0].at_ms, 30'000);
    EXPECT_EQ(record.events[0].item, "ninety_ninety");
    EXPECT_EQ(record.events[1].kind, EventKind::Resume);
    EXPECT_EQ(record.events[1].at_ms, 100'000);
}

TEST_F(Session, ResumeWithoutAPauseIsRefused) {
    auto run = start();
    const auto result = run.resume(1'000);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(run.record().events.empty());
}

TEST_F(Session, SkipEndsTheRestOfTheExercise) {
    auto run = start();
    run.advance(290'000); // knee-to-chest, second repetition on the left (step 5)
    ASSERT_TRUE(run.skip(290'000));
    const auto view = run.view(290'000);
    ASSERT_NE(view.step, nullptr);
    EXPECT_EQ(view.step->kind, StepKind::Position);
    EXPECT_EQ(view.step->item, id("childs_pose"));
    EXPECT_EQ(run.next_due_ms(), 290'000); // the new step's bell

    play_to_end(run);
    const auto record = run.record();
    ASSERT_EQ(record.steps.size(), 39u);
    expect_played(record.steps[5],
                  {5, "rep", "knee_to_chest", 289'000, 290'000, StepResult::Skipped});
    // What was left of the exercise is on the record as skipped, at the moment of the skip.
    for (int index = 6; index <= 11; ++index) {
        expect_played(record.steps[static_cast<std::size_t>(index)],
                      {index,
                       std::string(to_string(run.steps()[static_cast<std::size_t>(index)].kind)),
                       "knee_to_chest", 290'000, 290'000, StepResult::Skipped});
    }
    expect_played(record.steps[12], {12, "position", "childs_pose", 290'000, 305'000});
    // 94 s of knee-to-chest were left: the session ends at 760 - 94 = 666 s.
    EXPECT_EQ(record.steps.back().ended_ms, 666'000);
    EXPECT_EQ(record.active_ms, 666'000);
    EXPECT_EQ(record.outcome, SessionOutcome::Completed);
    ASSERT_EQ(record.events.size(), 1u);
    EXPECT_EQ(record.events[0].kind, EventKind::Skip);
    EXPECT_EQ(record.events[0].item, "knee_to_chest");
    EXPECT_EQ(record.events[0].at_ms, 290'000);
}

TEST_F(Session, SkipOutsideAnExerciseSkipsOnlyThatStep) {
    auto run = start();
    run.advance(3'000);
    ASSERT_TRUE(run.skip(3'000));
    play_to_end(run);
    const auto record = run.record();
    expect_played(record.steps[0], {0, "get_ready", "", 0, 3'000, StepResult::Skipped});
    expect_played(record.steps[1], {1, "position", "ninety_ninety", 3'000, 18'000});
    EXPECT_EQ(record.steps.back().ended_ms, 753'000);
    EXPECT_EQ(record.events.at(0).item, "");
}

TEST_F(Session, SwapMovesToTheRegression) {
    auto run = start();
    run.advance(561'000); // cat-cow, third repetition (step 23, from 560 s)
    const auto swapped = run.swap(561'000);
    ASSERT_TRUE(swapped) << swapped.error().message;
    EXPECT_EQ(*swapped, id("knee_to_chest"));

    // The rest of cat-cow is knee-to-chest now, at the dose planned for it today, in cat-cow's
    // place in the routine.
    ASSERT_EQ(run.steps().size(), 24u + 9u + 6u);
    const auto& next = run.steps()[24];
    EXPECT_EQ(next.kind, StepKind::Position);
    EXPECT_EQ(next.item, id("knee_to_chest"));
    EXPECT_EQ(next.routine_index, 3);

    play_to_end(run);
    const auto record = run.record();
    expect_played(record.steps[23], {23, "rep", "cat_cow", 560'000, 561'000, StepResult::Swapped});
    expect_played(record.steps[24], {24, "position", "knee_to_chest", 561'000, 576'000});
    // Knee-to-chest takes 119 s, then counter decompression 120 s.
    EXPECT_EQ(record.steps.back().ended_ms, 561'000 + 119'000 + 120'000);
    EXPECT_EQ(record.steps.size(), 39u);
    expect_contiguous(record);
    ASSERT_EQ(record.events.size(), 1u);
    EXPECT_EQ(record.events[0].kind, EventKind::Swap);
    EXPECT_EQ(record.events[0].item, "cat_cow");
    EXPECT_EQ(record.events[0].detail, "knee_to_chest");
    EXPECT_EQ(record.outcome, SessionOutcome::Completed);
}

TEST_F(Session, SwapIsRefusedWithoutARegressionOrAnExercise) {
    auto run = start();
    run.advance(5'000);
    const auto in_get_ready = run.swap(5'000);
    ASSERT_FALSE(in_get_ready);
    EXPECT_EQ(in_get_ready.error().code, ErrorCode::InvalidInput);

    run.advance(30'000);
    const auto steps_before = run.steps().size();
    const auto due_before = run.next_due_ms();
    const auto none = run.swap(30'000); // 90-90 rest has no regression
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().message.find("no easier version"), std::string::npos)
        << none.error().message;
    EXPECT_EQ(run.steps().size(), steps_before);
    EXPECT_EQ(run.next_due_ms(), due_before);
    EXPECT_TRUE(run.record().events.empty());
}

TEST(SessionSafety, SwapNeverReachesAnExcludedRegression) {
    // The shipped content has no exercise whose regression a rule can exclude, so this copy
    // points cat-cow's regression at the spinal twist, which osteoporosis excludes
    // (clinical.md section 3).
    KnowledgeBase base = kb();
    base.items[id("cat_cow")].regression = id("spinal_twist");
    const auto planned = plan(base, intake_with(base, {"osteoporosis"}), 1);
    ASSERT_TRUE(planned.program.has_value());
    ASSERT_FALSE(planned.screening.allowed.contains(id("spinal_twist")));
    ASSERT_TRUE(planned.screening.allowed.contains(id("cat_cow")));

    SessionRun run(base, *planned.program, planned.screening.allowed);
    std::int64_t now = 0;
    while (!run.ended() && run.view(now).step->item != std::optional(id("cat_cow"))) {
        now = *run.next_due_ms();
        run.advance(now);
    }
    ASSERT_FALSE(run.ended());
    now += 1'000;
    run.advance(now);
    const auto steps_before = run.steps().size();
    const auto swapped = run.swap(now);
    ASSERT_FALSE(swapped);
    EXPECT_EQ(swapped.error().code, ErrorCode::InvalidInput);
    EXPECT_NE(swapped.error().message.find("screening"), std::string::npos)
        << swapped.error().message;
    EXPECT_EQ(run.steps().size(), steps_before);
    for (const auto& step : run.steps())
        EXPECT_NE(step.item, std::optional(id("spinal_twist")));
    play_to_end(run);
    EXPECT_EQ(run.record().outcome, SessionOutcome::Completed);
    EXPECT_TRUE(run.record().events.empty());
}

TEST_F(Session, SharpPainStopsTheExerciseRestsAndMovesOn) {
    auto run = start();
    run.advance(439'000); // child's pose, second hold (step 15, from 434 s)
    const auto outcome = run.stop(439'000, "sharp_pain");
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_EQ(outcome->reason->id, "sharp_pain");
    EXPECT_EQ(outcome->item, id("childs_pose"));
    EXPECT_FALSE(outcome->session_ended);
    EXPECT_TRUE(outcome->suspended.empty()); // only twice in a row suspends
    EXPECT_TRUE(outcome->advice.empty());
    EXPECT_FALSE(outcome->rescreen);

    const auto view = run.view(439'000);
    ASSERT_NE(view.step, nullptr);
    EXPECT_EQ(view.step->kind, StepKind::RestPosition);
    EXPECT_EQ(view.step->text, kb().session.words.rest_position);
    for (std::size_t i = view.step_index; i < run.steps().size(); ++i)
        EXPECT_NE(run.steps()[i].item, std::optional(id("childs_pose")));

    play_to_end(run);
    const auto record = run.record();
    expect_played(record.steps[15],
                  {15, "hold", "childs_pose", 434'000, 439'000, StepResult::Stopped});
    for (int index = 16; index <= 19; ++index) {
        EXPECT_EQ(record.steps[static_cast<std::size_t>(index)].result, StepResult::Stopped);
        EXPECT_EQ(record.steps[static_cast<std::size_t>(index)].started_ms, 439'000);
        EXPECT_EQ(record.steps[static_cast<std::size_t>(index)].ended_ms, 439'000);
    }
    expect_played(record.steps[20], {20, "rest_position", "", 439'000, 469'000});
    expect_played(record.steps[21], {21, "position", "cat_cow", 469'000, 484'000});
    // 90 s of child's pose were left; the rest position adds 30: 760 - 90 + 30 = 700 s.
    EXPECT_EQ(record.steps.back().ended_ms, 700'000);
    EXPECT_EQ(record.outcome, SessionOutcome::Completed);
    ASSERT_EQ(record.events.size(), 1u);
    EXPECT_EQ(record.events[0].kind, EventKind::Stop);
    EXPECT_EQ(record.events[0].item, "childs_pose");
    EXPECT_EQ(record.events[0].reason, "sharp_pain");
    EXPECT_EQ(record.events[0].at_ms, 439'000);
}

TEST_F(Session, AnExerciseStoppedForSharpPainCannotComeBackBySwap) {
    auto run = start();
    run.advance(290'000);
    ASSERT_TRUE(run.stop(290'000, "sharp_pain"));
    // The rest position (30 s), then child's pose (145 s) from 320 s; cat-cow's first
    // repetition begins at 320 + 145 + 15 = 480 s.
    run.advance(481'000);
    ASSERT_EQ(run.view(481'000).step->item, id("cat_cow"));
    ASSERT_EQ(run.view(481'000).step->kind, StepKind::Rep);
    const auto swapped = run.swap(481'000);
    ASSERT_FALSE(swapped);
    EXPECT_NE(swapped.error().message.find("earlier in this session"), std::string::npos)
        << swapped.error().message;
}

TEST_F(Session, SharpPainOutsideAnExerciseStillRests) {
    auto run = start();
    run.advance(5'000);
    const auto outcome = run.stop(5'000, "sharp_pain");
    ASSERT_TRUE(outcome);
    EXPECT_FALSE(outcome->item.has_value());
    play_to_end(run);
    const auto record = run.record();
    expect_played(record.steps[0], {0, "get_ready", "", 0, 5'000, StepResult::Stopped});
    expect_played(record.steps[1], {1, "rest_position", "", 5'000, 35'000});
    expect_played(record.steps[2], {2, "position", "ninety_ninety", 35'000, 50'000});
    EXPECT_EQ(record.steps.back().ended_ms, 760'000 - 5'000 + 30'000);
}

TEST_F(Session, SpreadingLegSymptomsEndTheSessionAndSuspendTheExercise) {
    auto run = start();
    run.advance(100'000);
    const auto outcome = run.stop(100'000, "spreading_leg_symptoms");
    ASSERT_TRUE(outcome);
    EXPECT_TRUE(outcome->session_ended);
    EXPECT_EQ(outcome->item, id("ninety_ninety"));
    EXPECT_EQ(outcome->suspended, (std::vector<ItemId>{id("ninety_ninety")}));
    EXPECT_EQ(outcome->advice, (std::vector<AdviceId>{*kb().find_advice("book_pt_assessment")}));
    EXPECT_FALSE(outcome->rescreen);
    EXPECT_TRUE(run.ended());
    EXPECT_FALSE(run.next_due_ms());
    EXPECT_EQ(run.view(100'000).step, nullptr);
    EXPECT_FALSE(run.pause(101'000));
    EXPECT_FALSE(run.skip(101'000));
    EXPECT_FALSE(run.stop(101'000, "sharp_pain"));

    const auto record = run.record();
    EXPECT_EQ(record.outcome, SessionOutcome::Stopped);
    ASSERT_EQ(record.steps.size(), 3u);
    expect_played(record.steps[2],
                  {2, "hold", "ninety_ninety", 25'000, 100'000, StepResult::Stopped});
    EXPECT_EQ(record.active_ms, 100'000);
    ASSERT_EQ(record.events.size(), 2u);
    EXPECT_EQ(record.events[0].kind, EventKind::Stop);
    EXPECT_EQ(record.events[0].reason, "spreading_leg_symptoms");
    EXPECT_EQ(record.events[1].kind, EventKind::Suspend);
    EXPECT_EQ(record.events[1].item, "ninety_ninety");
    EXPECT_EQ(record.events[1].reason, "spreading_leg_symptoms");
}

TEST_F(Session, NewNumbnessEndsTheSessionAndAsksTheWarningSignsAgain) {
    auto run = start();
    run.advance(100'000);
    const auto outcome = run.stop(100'000, "new_numbness_or_weakness");
    ASSERT_TRUE(outcome);
    EXPECT_TRUE(outcome->session_ended);
    EXPECT_TRUE(outcome->rescreen);
    EXPECT_TRUE(outcome->suspended.empty());
    EXPECT_EQ(outcome->advice, (std::vector<AdviceId>{*kb().find_advice("neuro_check_soon")}));
    const auto record = run.record();
    EXPECT_EQ(record.outcome, SessionOutcome::Stopped);
    ASSERT_EQ(record.events.size(), 1u);
    EXPECT_EQ(record.events[0].reason, "new_numbness_or_weakness");
}

TEST_F(Session, DizzinessEndsTheSessionAndSuspendsTheHangs) {
    auto run = start();
    run.advance(450'000);
    const auto outcome = run.stop(450'000, "dizziness");
    ASSERT_TRUE(outcome);
    EXPECT_TRUE(outcome->session_ended);
    EXPECT_EQ(outcome->item, id("childs_pose"));
    // This routine has no hang, so none is set aside: the person is told of nothing they do not do.
    EXPECT_TRUE(outcome->suspended.empty());
    EXPECT_TRUE(outcome->advice.empty());
    const auto record = run.record();
    EXPECT_EQ(record.outcome, SessionOutcome::Stopped);
    EXPECT_EQ(record.steps.back().result, StepResult::Stopped);
    EXPECT_EQ(record.steps.back().ended_ms, 450'000);
    EXPECT_TRUE(std::ranges::none_of(
        record.events, [](const SessionEvent& event) { return event.kind == EventKind::Suspend; }));
}

TEST_F(Session, DizzinessSetsAsideOnlyTheHangsInTheRoutine) {
    // The routine with its last exercise played as an assisted hang instead.
    auto program = *m_plan.program;
    program.routine.back().item = id("assisted_hang");
    SessionRun run(kb(), program, m_plan.screening.allowed, {});
    run.advance(30'000);
    const auto outcome = run.stop(30'000, "dizziness");
    ASSERT_TRUE(outcome);
    EXPECT_EQ(outcome->suspended, (std::vector<ItemId>{id("assisted_hang")}));
    std::vector<std::string> suspended;
    for (const auto& event : run.record().events) {
        if (event.kind == EventKind::Suspend)
            suspended.push_back(event.item);
    }
    EXPECT_EQ(suspended, (std::vector<std::string>{"assisted_hang"}));
}

TEST_F(Session, AStopNamesTheExerciseInPlayOrNone) {
    // Sharp pain in child's pose: its text names it; in the get-ready countdown, no exercise is
    // in play, so nothing is said about one.
    auto in_pose = start();
    in_pose.advance(439'000);
    const auto named = in_pose.stop(439'000, "sharp_pain");
    ASSERT_TRUE(named);
    EXPECT_EQ(named->item, id("childs_pose"));
    EXPECT_NE(named->text.find(kb().item(id("childs_pose")).name), std::string::npos)
        << named->text;
    EXPECT_TRUE(named->text.starts_with(named->reason->text));

    auto getting_ready = start();
    getting_ready.advance(2'000);
    const auto unnamed = getting_ready.stop(2'000, "sharp_pain");
    ASSERT_TRUE(unnamed);
    EXPECT_FALSE(unnamed->item);
    EXPECT_EQ(unnamed->text, unnamed->reason->text);
    EXPECT_EQ(unnamed->text.find("{name}"), std::string::npos);
}

TEST_F(Session, MildDiscomfortContinuesSmallerAtTheLowDose) {
    auto run = start();
    run.advance(439'000); // child's pose, second of four 25 s holds
    const auto outcome = run.stop(439'000, "mild_discomfort");
    ASSERT_TRUE(outcome);
    EXPECT_FALSE(outcome->session_ended);
    EXPECT_EQ(outcome->item, id("childs_pose"));
    EXPECT_TRUE(outcome->suspended.empty());

    // The low dose is three 20 s holds: the second starts again, smaller, then a rest and the
    // third.
    const auto& steps = run.steps();
    ASSERT_GE(steps.size(), 19u);
    EXPECT_EQ(steps[16].kind, StepKind::Hold);
    EXPECT_EQ(steps[16].round, 2);
    EXPECT_EQ(steps[16].rounds, 3);
    EXPECT_EQ(steps[16].duration_ms, 20'000);
    // A still hold is eased, not "made smaller": there is no movement in it.
    EXPECT_TRUE(steps[16].text.starts_with(kb().session.words.easier_hold)) << steps[16].text;
    EXPECT_EQ(steps[16].text.find(kb().session.words.smaller_range), std::string::npos);
    EXPECT_EQ(steps[17].kind, StepKind::Rest);
    EXPECT_EQ(steps[18].kind, StepKind::Hold);
    EXPECT_EQ(steps[18].round, 3);
    EXPECT_EQ(steps[19].item, id("cat_cow"));

    play_to_end(run);
    const auto record = run.record();
    expect_played(record.steps[15],
                  {15, "hold", "childs_pose", 434'000, 439'000, StepResult::Stopped});
    expect_played(record.steps[16], {16, "hold", "childs_pose", 439'000, 459'000});
    expect_played(record.steps[18], {18, "hold", "childs_pose", 469'000, 489'000});
    expect_played(record.steps[19], {19, "position", "cat_cow", 489'000, 504'000});
    // Cat-cow and counter decompression as planned: 489 + 111 + 120 = 720 s.
    EXPECT_EQ(record.steps.back().ended_ms, 720'000);
    EXPECT_EQ(record.outcome, SessionOutcome::Completed);
    expect_contiguous(record);
    ASSERT_EQ(record.events.size(), 1u);
    EXPECT_EQ(record.events[0].reason, "mild_discomfort");
}

TEST_F(Session, MildDiscomfortInRepetitionsKeepsTheCount) {
    auto run = start();
    run.advance(578'000); // cat-cow, fifth repetition (from 576 s)
    ASSERT_TRUE(run.stop(578'000, "mild_discomfort"));
    // Ten at the low dose: repetitions 5 to 10 are left, 8 s each, from 578 s, after the
    // fifth as first played (step 25).
    const auto& steps = run.steps();
    for (int rep = 5; rep <= 10; ++rep) {
        const auto& step = steps[static_cast<std::size_t>(21 + rep)];
        EXPECT_EQ(step.kind, StepKind::Rep);
        EXPECT_EQ(step.title, "Repetition " + std::to_string(rep) + " of 10");
        EXPECT_TRUE(step.text.starts_with(kb().session.words.smaller_range)) << step.text;
    }
    EXPECT_EQ(steps[32].item, id("counter_decompression"));
    play_to_end(run);
    EXPECT_EQ(run.record().steps.back().ended_ms, 578'000 + 6 * 8'000 + 120'000);
}

TEST_F(Session, AnUnknownStopReasonChangesNothing) {
    auto run = start();
    run.advance(30'000);
    const auto outcome = run.stop(30'000, "boredom");
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(run.record().events.empty());
    play_to_end(run);
    EXPECT_EQ(run.record().steps.back().ended_ms, 760'000);
}

TEST_F(Session, QuitKeepsWhatWasDone) {
    auto run = start();
    run.advance(300'000); // knee-to-chest, third repetition on the left (from 298 s)
    run.quit(300'000);
    EXPECT_TRUE(run.ended());
    run.quit(400'000); // a second quit changes nothing
    const auto record = run.record();
    EXPECT_EQ(record.outcome, SessionOutcome::Quit);
    ASSERT_EQ(record.steps.size(), 7u);
    expect_played(record.steps[6],
                  {6, "rep", "knee_to_chest", 298'000, 300'000, StepResult::Unfinished});
    EXPECT_EQ(record.active_ms, 300'000);
    ASSERT_EQ(record.events.size(), 1u);
    EXPECT_EQ(record.events[0].kind, EventKind::Quit);
    EXPECT_EQ(record.events[0].item, "knee_to_chest");
    EXPECT_EQ(record.events[0].at_ms, 300'000);
}

TEST_F(Session, TheRecordMidSessionCountsActiveTimeSoFar) {
    auto run = start();
    run.advance(30'000);
    ASSERT_TRUE(run.pause(30'000));
    const auto record = run.record();
    EXPECT_EQ(record.active_ms, 30'000);
    EXPECT_EQ(record.steps.size(), 2u);
    EXPECT_EQ(record.outcome, SessionOutcome::Quit);
}

TEST(SessionFull, AFifteenMinuteMobilitySessionPlaysOnAVirtualClock) {
    const auto planned = plan(kb(), intake_with(kb(), {}, 15), 3);
    ASSERT_TRUE(planned.program.has_value());
    ASSERT_EQ(planned.program->phase, Phase::Mobility);
    const auto timeline = build_timeline(kb(), *planned.program);
    // Within the person's 15 minutes and the 10 s countdown.
    EXPECT_LE(timeline.total_ms, 15 * 60'000 + 10'000);
    EXPECT_GT(timeline.total_ms, 10 * 60'000);

    SessionRun run(kb(), *planned.program, planned.screening.allowed);
    int jumps = 0;
    while (const auto due = run.next_due_ms()) {
        run.advance(*due);
        ++jumps;
    }
    const auto record = run.record();
    EXPECT_EQ(record.outcome, SessionOutcome::Completed);
    EXPECT_EQ(record.planned_ms, timeline.total_ms);
    EXPECT_EQ(record.active_ms, timeline.total_ms);
    EXPECT_EQ(record.steps.back().ended_ms, timeline.total_ms);
    EXPECT_EQ(record.steps.size(), timeline.steps.size());
    expect_contiguous(record);
    EXPECT_GT(jumps, static_cast<int>(timeline.steps.size()));
}

// --- Across sessions ---------------------------------------------------------------------

constexpr std::int64_t in_cat_cow = 545'000; // its first repetition

TEST_F(Session, SharpPainTwiceInARowSuspendsTheExercise) {
    const auto stopped = session_with({{in_cat_cow, "sharp_pain"}});
    ASSERT_EQ(stopped.events.size(), 1u);
    EXPECT_TRUE(active_suspensions(kb(), {stopped}).empty());

    const auto suspensions = active_suspensions(kb(), {stopped, stopped});
    ASSERT_EQ(suspensions.size(), 1u);
    EXPECT_EQ(suspensions[0].item, id("cat_cow"));
    EXPECT_EQ(suspensions[0].reason, "sharp_pain");
    // Once suspended it stays so until the review, even if a later session played it anyway.
    EXPECT_EQ(active_suspensions(kb(), {stopped, stopped, session_with({})}).size(), 1u);

    // The next session leaves cat-cow out: 760 - 111 s.
    const auto adjustments = next_session_adjustments(kb(), {stopped, stopped});
    EXPECT_TRUE(adjustments.suspended.test(id("cat_cow")));
    EXPECT_FALSE(adjustments.low_dose);
    auto next = start(adjustments);
    play_to_end(next);
    EXPECT_EQ(next.record().steps.back().ended_ms, 649'000);
}

TEST_F(Session, ACleanSessionBetweenBreaksTheRun) {
    const auto stopped = session_with({{in_cat_cow, "sharp_pain"}});
    const auto clean = session_with({});
    EXPECT_TRUE(active_suspensions(kb(), {stopped, clean, stopped}).empty());
    // A session that never reached cat-cow neither breaks nor extends the run, and nor does one
    // that skipped it: cutting it short is no sign that it went well.
    const auto short_one = session_with({}, 100'000);
    const auto suspensions = active_suspensions(kb(), {stopped, short_one, stopped});
    ASSERT_EQ(suspensions.size(), 1u);
    EXPECT_EQ(suspensions[0].item, id("cat_cow"));
    auto skipping = start();
    skipping.advance(in_cat_cow);
    ASSERT_TRUE(skipping.skip(in_cat_cow));
    play_to_end(skipping);
    EXPECT_EQ(active_suspensions(kb(), {stopped, skipping.record(), stopped}).size(), 1u);
    // Two stops for another reason do not count as sharp pain.
    const auto mild = session_with({{in_cat_cow, "mild_discomfort"}});
    EXPECT_TRUE(active_suspensions(kb(), {mild, mild}).empty());
}

TEST_F(Session, OneStopIsEnoughForSpreadingSymptomsAndDizziness) {
    const auto spreading = session_with({{100'000, "spreading_leg_symptoms"}});
    const auto clean = session_with({});
    const auto after_spreading = active_suspensions(kb(), {spreading, clean});
    ASSERT_EQ(after_spreading.size(), 1u);
    EXPECT_EQ(after_spreading[0].item, id("ninety_ninety"));
    EXPECT_EQ(after_spreading[0].reason, "spreading_leg_symptoms");

    const auto dizzy = session_with({{100'000, "dizziness"}});
    const auto after_dizziness = active_suspensions(kb(), {dizzy});
    std::vector<std::string> items;
    for (const auto& suspension : after_dizziness) {
        items.push_back(kb().item(suspension.item).id);
        EXPECT_EQ(suspension.reason, "dizziness");
    }
    EXPECT_EQ(items, (std::vector<std::string>{"assisted_hang", "full_hang", "inversion_table"}));
    EXPECT_TRUE(active_suspensions(kb(), {clean, clean}).empty());
}

TEST_F(Session, AFlareMakesOnlyTheNextSessionGentler) {
    EXPECT_FALSE(is_flare(kb().session, 3, 5));
    EXPECT_TRUE(is_flare(kb().session, 3, 6));
    EXPECT_TRUE(is_flare(kb().session, 0, 3));
    EXPECT_FALSE(is_flare(kb().session, 8, 10));

    auto flared = session_with({});
    flared.pain_before = 3;
    flared.pain_after = 6;
    auto calm = session_with({});
    calm.pain_before = 3;
    calm.pain_after = 4;
    EXPECT_TRUE(next_session_adjustments(kb(), {calm, flared}).low_dose);
    EXPECT_FALSE(next_session_adjustments(kb(), {flared, calm}).low_dose);
    EXPECT_FALSE(next_session_adjustments(kb(), {}).low_dose);
    // A record marked as a flare by whoever stored it counts as one too.
    auto marked = session_with({});
    marked.flare = true;
    EXPECT_TRUE(next_session_adjustments(kb(), {marked}).low_dose);

    auto gentle = start(next_session_adjustments(kb(), {flared}));
    play_to_end(gentle);
    EXPECT_EQ(gentle.record().steps.back().ended_ms, 604'000); // every dose at its low end
}

} // namespace
} // namespace unload::core
