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
