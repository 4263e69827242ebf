// The words for every reason id. Every id that any `because` can hold gets words: each id in the
// plans of every clinical scenario (tests/scenarios/*.toml) for weeks 1 to 12, every reason the
// weekly review can give, and the warning rules a re-screen quotes. A new id without words in
// content fails here.

#include <filesystem>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "core/planner.hpp"
#include "core/reasons.hpp"
#include "core/review_rules.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"
#include "json/reasons.hpp"
#include "support/knowledge.hpp"

namespace unload::json {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const core::KnowledgeBase& kb() {
    return test::knowledge_base();
}

/// Every string in every `because` array anywhere in `document`.
void collect_because(const json& document, std::set<std::string>& out) {
    if (document.is_object()) {
        for (const auto& [key, value] : document.items()) {
            if ((key == "because" || key == "desk_break_because") && value.is_array()) {
                for (const auto& id : value)
                    out.insert(id.get<std::string>());
            } else {
                collect_because(value, out);
            }
        }
    } else if (document.is_array()) {
        for (const auto& value : document)
            collect_because(value, out);
    }
}

std::set<std::string> scenario_because_ids() {
    std::set<std::string> ids;
    const fs::path dir = fs::path(UNLOAD_SOURCE_DIR) / "tests" / "scenarios";
    int scenarios = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".toml")
            continue;
        const auto table = toml::parse_file(entry.path().string());
        const auto text = table["intake"].value<std::string>();
        if (!text)
            continue;
        const auto intake = decode_intake(kb(), *text);
        EXPECT_TRUE(intake) << entry.path().filename();
        if (!intake)
            continue;
        ++scenarios;
        for (int week = 1; week <= 12; ++week)
            collect_because(plan_document(kb(), core::plan(kb(), *intake, week)), ids);
    }
    EXPECT_GT(scenarios, 100);
    return ids;
}

TEST(Reasons, EveryIdInEveryScenarioPlanHasWords) {
    const auto ids = scenario_because_ids();
    // The scenarios reach every kind of reason a plan gives.
    for (const auto* id :
         {"relief_routine", "strength_routine", "walking_program", "no_pull_up_bar",
          "not_enough_time", "knee_comfort", "leg_below_knee", "cancer_history", "age_70_plus"})
        EXPECT_TRUE(ids.contains(id)) << id;
    for (const auto& id : ids) {
        const auto explained = core::explain(kb(), id);
        ASSERT_TRUE(explained) << "no words for '" << id << "'";
        EXPECT_FALSE(explained->text.empty()) << id;
    }
}

TEST(Reasons, EveryReasonTheReviewGivesHasWords) {
    std::set<std::string> ids{std::string(core::reason_ids::program_start)};
    for (const auto& spec : core::review_reason_catalogue())
        ids.emplace(spec.id);
    for (const auto& id : kb().review.progress_block_stop_reasons)
        ids.insert(id);
    for (const auto& id : kb().review.refer_stop_reasons)
        ids.insert(id);
    for (const auto& rule : kb().rules) {
        if (rule.urgency) // a re-screen that withholds the program quotes these
            ids.insert(rule.id);
    }
    for (const auto& id : ids) {
        const auto explained = core::explain(kb(), id);
        ASSERT_TRUE(explained) << "no words for '" << id << "'";
        EXPECT_FALSE(explained->text.empty()) << id;
    }
}

TEST(Reasons, TheGlossaryHoldsEachIdOnceWithWords) {
    std::set<std::string> seen;
    for (const auto& entry : core::glossary(kb())) {
        EXPECT_TRUE(seen.insert(entry.id).second) << entry.id;
        EXPECT_FALSE(entry.text.empty()) << entry.id;
        // Only the review's texts are templates, filled with the week's numbers when given.
        if (entry.kind != core::ReasonKind::Review) {
            EXPECT_EQ(entry.text.find('{'), std::string::npos) << entry.id;
        }
    }
}

TEST(Reasons, ExplainsEachKind) {
    const auto& k = kb();
    const auto fact_and_rule = core::explain(k, "ache_after_sitting");
    ASSERT_TRUE(fact_and_rule);
    EXPECT_EQ(fact_and_rule->kind, core::ReasonKind::Pattern);
    EXPECT_EQ(fact_and_rule->text, "an ache after sitting");
    EXPECT_TRUE(fact_and_rule->detail.starts_with("Long sitting")) << fact_and_rule->detail;

    const auto rule = core::explain(k, "knee_comfort");
    ASSERT_TRUE(rule);
    EXPECT_EQ(rule->kind, core::ReasonKind::Rule);
    EXPECT_TRUE(rule->detail.empty());

    const auto bar = core::explain(k, "no_pull_up_bar");
    ASSERT_TRUE(bar);
    EXPECT_EQ(bar->kind, core::ReasonKind::Equipment);
    EXPECT_EQ(bar->text, "needs a pull-up bar, or a strong bar fixed across a doorway");

    // Alternatives are named in equipment.toml's order, as the planner names them.
    const auto either = core::explain(k, "no_towel_or_strap");
    ASSERT_TRUE(either);
    EXPECT_EQ(either->text,
              "needs a bath towel you can roll or fold, or a yoga strap, belt or dog lead");

    EXPECT_EQ(core::explain(k, "relief_once")->kind, core::ReasonKind::Stage);
    EXPECT_EQ(core::explain(k, "walking_program")->text, k.program.walking_text);
    EXPECT_EQ(core::explain(k, "not_enough_time")->kind, core::ReasonKind::Time);
    EXPECT_EQ(core::explain(k, "start")->kind, core::ReasonKind::Start);
    EXPECT_EQ(core::explain(k, "adherence_low")->kind, core::ReasonKind::Review);
    EXPECT_EQ(core::explain(k, "leg_below_knee")->kind, core::ReasonKind::IntakeField);

    EXPECT_FALSE(core::explain(k, "no_such_thing"));
    EXPECT_FALSE(core::explain(k, "no_pull_up_bar_or_hoverboard"));
}

TEST(ReasonsDocument, IsTheGlossaryKeyedByIdWithTheProgramsTexts) {
    const auto document = reasons_document(kb());
    const auto& reasons = document.at("reasons");
    EXPECT_EQ(reasons.size(), core::glossary(kb()).size());
    EXPECT_EQ(reasons.at("knee_sensitivity"), json({{"id", "knee_sensitivity"},
                                                    {"kind", "condition"},
                                                    {"text", "sore knees when kneeling"}}));
    EXPECT_EQ(reasons.at("ache_after_sitting").at("kind"), "pattern");
    EXPECT_TRUE(reasons.at("ache_after_sitting").contains("detail"));
    EXPECT_EQ(document.at("program").at("walking_text"), kb().program.walking_text);
    EXPECT_EQ(document.at("program").at("desk_break_text"), kb().program.desk_break_text);
}

} // namespace
} // namespace unload::json
