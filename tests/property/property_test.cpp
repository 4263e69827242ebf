// Property test: many random valid intakes, checked for the safety invariants that no single
// scenario can prove (architecture.md, "Safety is structural").
#include <algorithm>
#include <cstdlib>
#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "content/loader.hpp"
#include "core/planner.hpp"

namespace unload {
namespace {

constexpr int iterations = 100'000;

std::uint64_t seed() {
    if (const char* env = std::getenv("UNLOAD_PROPERTY_SEED"))
        return std::strtoull(env, nullptr, 10);
    return 20261122;
}

/// A random intake that the decoder would accept: every field within its documented range.
core::Intake random_intake(const core::KnowledgeBase& kb, std::mt19937_64& rng) {
    const auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
    const auto between = [&](int low, int high) {
        return std::uniform_int_distribution(low, high)(rng);
    };
    core::Intake intake;
    intake.person.age = between(16, 100);
    intake.person.sex = static_cast<core::Sex>(between(0, 2));
    intake.person.pregnant = intake.person.sex != core::Sex::Male && chance(0.05);
    for (std::size_t i = 0; i < kb.facts.size(); ++i) {
        switch (kb.facts[i].kind) {
        case core::FactKind::WarningSign:
            intake.reported.set(i, chance(0.03));
            break;
        case core::FactKind::Condition:
            intake.reported.set(i, chance(0.08));
            break;
        case core::FactKind::Pattern:
            intake.reported.set(i, chance(0.3));
            break;
        default:
            break;
        }
    }
    intake.symptoms.pain_now = between(0, 10);
    if (chance(0.7))
        intake.symptoms.weeks_since_onset = between(0, 60);
    if (chance(0.3))
        intake.startback = static_cast<core::StartBackRisk>(between(0, 2));
    intake.symptoms.leg = static_cast<core::LegExtent>(between(0, 3));
    intake.symptoms.leg_numbness_or_tingling = chance(0.2);
    if (chance(0.5))
        intake.symptoms.walking_tolerance_m = between(0, 3000);
    intake.symptoms.pain_when_decompressing = chance(0.03);
    intake.history.conservative_care_weeks = between(0, 40);
    for (std::size_t i = 0; i < kb.equipment.size(); ++i)
        intake.equipment.set(i, chance(0.7));
    intake.minutes_per_session = between(5, 60);
    return intake;
}

bool reported(const core::KnowledgeBase& kb, const core::Intake& intake, std::string_view fact) {
    const auto id = kb.find_fact(fact);
    return id && intake.reported.test(*id);
}

bool advised(const core::Screening& s, std::string_view id) {
    return std::ranges::any_of(s.advice,
                               [&](const core::AdviceGiven& a) { return a.advice->id == id; });
}

/// Whether the routine item `item`, when present, carries `modification`; true when absent.
bool modified_if_present(const core::KnowledgeBase& kb, const core::Program& p,
                         std::string_view item, std::string_view modification) {
    for (const auto& entry : p.routine) {
        if (kb.item(entry.item).id != item)
            continue;
        return std::ranges::any_of(entry.modifications, [&](const core::Modification* m) {
            return m->id == modification;
        });
    }
    return true;
}

bool in_routine(const core::KnowledgeBase& kb, const core::Program& p, std::string_view item) {
    return std::ranges::any_of(
        p.routine, [&](const core::RoutineItem& entry) { return kb.item(entry.item).id == item; });
}

/// The groups and safety nets of clinical.md sections 3-4, read straight from the intake so the
/// check does not lean on the rules it is checking.
void check_groups(const core::KnowledgeBase& kb, const core::Intake& intake, const core::Plan& plan,
                  const std::string& where) {
    const auto& s = plan.screening;
    const auto weeks = intake.symptoms.weeks_since_onset;
    const bool persistent = weeks && *weeks >= 12;
    ASSERT_EQ(advised(s, "persistent_pain_pt"), persistent) << where;
    ASSERT_EQ(advised(s, "safety_net_over_50"), intake.person.age >= 50) << where;
    const bool inflammatory = intake.person.age < 45 && persistent &&
                              reported(kb, intake, "morning_stiffness_eases_walking");
    ASSERT_EQ(advised(s, "inflammatory_pattern_check"), inflammatory) << where;
    ASSERT_EQ(advised(s, "startback_medium_physio"),
              intake.startback == core::StartBackRisk::Medium)
        << where;
    ASSERT_EQ(advised(s, "startback_high_support"), intake.startback == core::StartBackRisk::High)
        << where;
    if (intake.person.pregnant) {
        ASSERT_TRUE(advised(s, "pregnancy_check")) << where;
    }
    if (reported(kb, intake, "recent_spine_surgery")) {
        ASSERT_LE(s.verdict, core::Verdict::Consult) << where;
    }
    // Advice alone never leaves a verdict at clear (clinical.md section 1).
    if (!s.advice.empty()) {
        ASSERT_NE(s.verdict, core::Verdict::Clear) << where;
    }
    if (!plan.program)
        return;
    const auto& p = *plan.program;
    if (intake.person.pregnant) {
        ASSERT_TRUE(modified_if_present(kb, p, "ninety_ninety", "side_lying_instead")) << where;
        ASSERT_TRUE(modified_if_present(kb, p, "core_breathing", "side_lying_instead")) << where;
    }
    if (reported(kb, intake, "osteoporosis") || reported(kb, intake, "long_term_steroids")) {
        ASSERT_TRUE(modified_if_present(kb, p, "knee_to_chest", "single_knee_only")) << where;
        ASSERT_TRUE(modified_if_present(kb, p, "childs_pose", "partial_range")) << where;
        ASSERT_TRUE(modified_if_present(kb, p, "cat_cow", "favour_cow")) << where;
    }
    if (reported(kb, intake, "knee_sensitivity")) {
        for (const auto* item : {"cat_cow", "bird_dog", "hip_flexor_stretch", "plank"}) {
            ASSERT_TRUE(modified_if_present(kb, p, item, "knee_padding")) << where << " " << item;
        }
        ASSERT_TRUE(modified_if_present(kb, p, "childs_pose", "pillow_under_hips")) << where;
    }
    if (reported(kb, intake, "uncontrolled_high_blood_pressure")) {
        ASSERT_FALSE(in_routine(kb, p, "assisted_hang")) << where;
    }
}

bool left_out_for_time(const core::Program& p) {
    return std::ranges::any_of(p.left_out, [](const core::LeftOut& left) {
        return std::ranges::find(left.because, core::reason_ids::not_enough_time) !=
               left.because.end();
    });
}

void set_dose(core::RoutineItem& item, const core::RoutineItem& from) {
    item.hold_s = from.hold_s;
    item.reps = from.reps;
    item.rounds = from.rounds;
    item.finish_hold_s = from.finish_hold_s;
}

/// When time left something out, every kept item is at its target dose, or raising it back to
/// that dose would no longer fit the minutes. The targets come from planning the same intake
/// with time to spare (an hour), where nothing is shrunk, so the check does not use the
/// planner's own bookkeeping.
void check_time_given_back(const core::KnowledgeBase& kb, const core::Intake& intake, int week,
                           const core::Program& p, const std::string& where) {
    if (!left_out_for_time(p))
        return;
    auto roomy = intake;
    roomy.minutes_per_session = 60;
    const auto spare = core::plan(kb, roomy, week);
    if (!spare.program || left_out_for_time(*spare.program))
        return;
    const int budget = intake.minutes_per_session * 60;
    for (std::size_t i = 0; i < p.routine.size(); ++i) {
        const auto target =
            std::ranges::find(spare.program->routine, p.routine[i].item, &core::RoutineItem::item);
        ASSERT_NE(target, spare.program->routine.end())
            << where << ": " << kb.item(p.routine[i].item).id << " kept, but not planned with time";
        if (core::seconds_for(kb, p.routine[i]) >= core::seconds_for(kb, *target))
            continue;
        auto raised = p.routine;
        set_dose(raised[i], *target);
        int total = 0;
        for (const auto& item : raised)
            total += core::seconds_for(kb, item);
        ASSERT_GT(total, budget) << where << ": " << kb.item(p.routine[i].item).id
                                 << " stays below its target dose though raising it fits";
    }
}

TEST(Property, RandomIntakesKeepEverySafetyInvariant) {
    auto loaded = content::load(UNLOAD_CONTENT_DIR);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().front().to_string();
    const auto& kb = *loaded;
    const auto used_seed = seed();
    std::cout << fmt::format("property seed {} (set UNLOAD_PROPERTY_SEED to replay)\n", used_seed);
    std::mt19937_64 rng(used_seed);
    int programs = 0;
    int withheld = 0;

    for (int i = 0; i < iterations; ++i) {
        const auto intake = random_intake(kb, rng);
        const int week = std::uniform_int_distribution(1, 10)(rng);
        const auto plan = core::plan(kb, intake, week);
        const auto& s = plan.screening;
        const auto where = [&] {
            return fmt::format("seed {} iteration {} week {}", used_seed, i, week);
        };

        for (const auto& w : s.warnings)
            ASSERT_FALSE(w.because.empty()) << where() << ": warning " << w.rule->id;
        for (const auto& e : s.excluded)
            ASSERT_FALSE(e.because.empty()) << where() << ": exclusion by " << e.rule->id;
        for (const auto& m : s.modified)
            ASSERT_FALSE(m.because.empty()) << where() << ": modification " << m.modification->id;
        for (const auto& a : s.advice)
            ASSERT_FALSE(a.because.empty()) << where() << ": advice " << a.advice->id;

        check_groups(kb, intake, plan, where());
        if (::testing::Test::HasFatalFailure())
            return;

        if (s.verdict <= core::Verdict::Consult) {
            ASSERT_FALSE(plan.program.has_value())
                << where() << ": program behind " << core::to_string(s.verdict);
            ++withheld;
            continue;
        }
        ASSERT_TRUE(plan.program.has_value()) << where();
        ++programs;
        const auto& p = *plan.program;
        ASSERT_LE(p.minutes, intake.minutes_per_session) << where();
        int seconds = 0;
        for (const auto& item : p.routine) {
            // Checked against the excluded list itself, not the allowed set the planner used.
            const bool excluded = std::ranges::any_of(
                s.excluded, [&](const core::Exclusion& e) { return e.item == item.item; });
            ASSERT_FALSE(excluded)
                << where() << ": routine holds excluded " << kb.item(item.item).id;
            ASSERT_FALSE(item.because.empty()) << where() << ": " << kb.item(item.item).id;
            seconds += item.seconds;
        }
        ASSERT_LE(seconds, intake.minutes_per_session * 60) << where();
        check_time_given_back(kb, intake, week, p, where());
        if (::testing::Test::HasFatalFailure())
            return;
        for (const auto& left : p.left_out)
            ASSERT_FALSE(left.because.empty()) << where() << ": left out " << kb.item(left.item).id;
        ASSERT_FALSE(p.walking.because.empty()) << where();
    }
    std::cout << fmt::format("{} intakes: {} programs, {} withheld\n", iterations, programs,
                             withheld);
    // Both branches must be exercised, or the generator has drifted and the test proves little.
    EXPECT_GT(programs, iterations / 10);
    EXPECT_GT(withheld, iterations / 100);
}

} // namespace
} // namespace unload
