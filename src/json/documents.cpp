#include "json/documents.hpp"

#include <algorithm>
#include <type_traits>
#include <variant>

namespace unload::json {

namespace {

using nlohmann::json;

json ids(const core::Because& because) {
    json out = json::array();
    for (const auto id : because)
        out.push_back(id);
    return out;
}

json fact_ids(const core::KnowledgeBase& kb, const std::vector<core::FactId>& facts) {
    json out = json::array();
    for (const auto fact : facts)
        out.push_back(kb.facts[fact].id);
    return out;
}

json item_ids(const core::KnowledgeBase& kb, const std::vector<core::ItemId>& items) {
    json out = json::array();
    for (const auto item : items)
        out.push_back(kb.item(item).id);
    return out;
}

json range(core::Range r) {
    return json::array({r.low, r.high});
}

json advice_list(const core::Screening& screening) {
    json out = json::array();
    for (const auto& given : screening.advice)
        out.push_back({{"id", given.advice->id},
                       {"because", ids(given.because)},
                       {"text", given.advice->text}});
    return out;
}

json program_document(const core::KnowledgeBase& kb, const core::Program& program) {
    json routine = json::array();
    for (const auto& entry : program.routine) {
        const auto& item = kb.item(entry.item);
        json modifications = json::array();
        for (const auto* modification : entry.modifications)
            modifications.push_back(modification->id);
        routine.push_back(
            {{"exercise", item.id},
             {"name", item.name},
             {"hold_s", entry.hold_s},
             {"reps", entry.reps},
             {"rounds", entry.rounds},
             {"per_side", entry.per_side},
             {"rest_s", entry.rest_s},
             {"finish_hold_s", entry.finish_hold_s},
             {"seconds", entry.seconds},
             {"modifications", std::move(modifications)},
             {"replaces", entry.replaces ? json(kb.item(*entry.replaces).id) : json(nullptr)},
             {"replaces_name",
              entry.replaces ? json(kb.item(*entry.replaces).name) : json(nullptr)},
             {"because", ids(entry.because)}});
    }
    json left_out = json::array();
    for (const auto& entry : program.left_out)
        left_out.push_back({{"exercise", kb.item(entry.item).id}, {"because", entry.because}});
    json desk_because = ids(program.desk_break_because);
    return {{"phase", core::to_string(program.phase)},
            {"stage", program.stage->id},
            {"bias", core::to_string(program.bias)},
            {"week", program.week},
            {"sessions_per_day", program.sessions_per_day},
            {"minutes", program.minutes},
            {"routine", std::move(routine)},
            {"left_out", std::move(left_out)},
            {"walking",
             {{"minutes", program.walking.minutes},
              {"times_per_day", program.walking.times_per_day},
              {"because", ids(program.walking.because)}}},
            {"desk_break_minutes", program.desk_break_minutes},
            {"desk_break_because", std::move(desk_because)},
            {"strength_days_per_week", program.strength_days_per_week}};
}

json dose_document(const core::Dose& dose) {
    json out = {{"hold_s", range(dose.hold_s)},
                {"reps", range(dose.reps)},
                {"rounds", range(dose.rounds)},
                {"per_side", dose.per_side},
                {"rest_s", dose.rest_s},
                {"rep_s", dose.rep_s},
                {"finish_hold_s", range(dose.finish_hold_s)}};
    if (dose.minutes.high > 0) {
        out["minutes"] = range(dose.minutes);
        out["times_per_day"] = range(dose.times_per_day);
    }
    return out;
}

json equipment_ids(const core::KnowledgeBase& kb, const core::EquipmentSet& set) {
    json out = json::array();
    for (std::size_t i = 0; i < kb.equipment.size(); ++i) {
        if (set.test(i))
            out.push_back(kb.equipment[i].id);
    }
    return out;
}

} // namespace

json screen_document(const core::KnowledgeBase& kb, const core::Screening& screening) {
    json warnings = json::array();
    for (const auto& warning : screening.warnings)
        warnings.push_back({{"rule", warning.rule->id},
                            {"urgency", core::to_string(warning.urgency)},
                            {"because", ids(warning.because)},
                            {"text", warning.rule->text}});
    json excluded = json::array();
    for (const auto& exclusion : screening.excluded)
        excluded.push_back({{"item", kb.item(exclusion.item).id},
                            {"rule", exclusion.rule->id},
                            {"because", ids(exclusion.because)},
                            {"text", exclusion.rule->text}});
    json modified = json::array();
    for (const auto& change : screening.modified)
        modified.push_back({{"item", kb.item(change.item).id},
                            {"modification", change.modification->id},
                            {"rule", change.rule->id},
                            {"because", ids(change.because)},
                            {"text", change.modification->text}});
    return {{"verdict", core::to_string(screening.verdict)},
            {"warnings", std::move(warnings)},
            {"excluded", std::move(excluded)},
            {"headline", kb.headlines.of(screening.verdict)},
            {"modified", std::move(modified)},
            {"advice", advice_list(screening)},
            {"bias", core::to_string(screening.bias)}};
}

json plan_document(const core::KnowledgeBase& kb, const core::Plan& plan) {
    return {{"verdict", core::to_string(plan.screening.verdict)},
            {"screening", screen_document(kb, plan.screening)},
            {"program", plan.program ? program_document(kb, *plan.program) : json(nullptr)},
            {"advice", advice_list(plan.screening)}};
}

json exercise_document(const core::KnowledgeBase& kb, const core::Item& item) {
    json directions = json::array();
    for (const auto direction : item.directions)
        directions.push_back(core::to_string(direction));
    json modifications = json::array();
    for (const auto& modification : item.modifications) {
        json left_out = json::array();
        for (const auto step : modification.leaves_out_steps)
            left_out.push_back(step + 1);
        modifications.push_back(
            {{"id", modification.id},
             {"text", modification.text},
             {"position",
              modification.position.empty() ? json(nullptr) : json(modification.position)},
             {"leaves_out_steps", std::move(left_out)},
             {"leaves_out_finish_hold", modification.leaves_out_finish_hold}});
    }
    const auto link = [&](const std::optional<core::ItemId>& id) {
        return id ? json(kb.item(*id).id) : json(nullptr);
    };
    return {{"id", item.id},
            {"name", item.name},
            {"phase", core::to_string(item.phase)},
            {"category", item.category},
            {"position", item.position},
            {"equipment", equipment_ids(kb, item.equipment)},
            {"equipment_one_of", equipment_ids(kb, item.equipment_one_of)},
            {"direction", directions},
            {"dose", item.dose ? dose_document(*item.dose) : json(nullptr)},
            {"steps", item.steps},
            {"breathing", item.breathing},
            {"safety", item.safety},
            {"modifications", modifications},
            {"regression", link(item.regression)},
            {"progression", link(item.progression)},
            {"evidence",
             {{"strength", item.evidence.strength},
              {"direction", item.evidence.direction},
              {"summary", item.evidence.summary},
              {"references", item.evidence.references}}},
            {"source", item.sources}};
}

json exercises_document(const core::KnowledgeBase& kb) {
    json out = json::array();
    for (const auto& item : kb.items)
        out.push_back(exercise_document(kb, item));
    return out;
}

json odi_document(const core::OdiScore& score) {
    return {{"instrument", "odi"},
            {"answered", score.answered},
            {"score", score.score},
            {"percent", score.percent},
            {"band", score.band}};
}

json rmdq_document(const core::RmdqScore& score) {
    return {{"instrument", "rmdq"}, {"score", score.score}};
}

json startback_document(const core::StartBackScore& score) {
    return {{"instrument", "startback"},
            {"total", score.total},
            {"psychosocial", score.psychosocial},
            {"risk", score.risk}};
}

json score_document(const core::InstrumentScore& score) {
    return std::visit(
        [](const auto& scored) {
            using Score = std::decay_t<decltype(scored)>;
            if constexpr (std::is_same_v<Score, core::OdiScore>)
                return odi_document(scored);
            else if constexpr (std::is_same_v<Score, core::RmdqScore>)
                return rmdq_document(scored);
            else
                return startback_document(scored);
        },
        score);
}

json rules_document(const core::KnowledgeBase& kb) {
    json rules = json::array();
    for (const auto& rule : kb.rules) {
        json does = json::object();
        if (rule.urgency)
            does["urgency"] = core::to_string(*rule.urgency);
        if (!rule.exclude.empty())
            does["exclude"] = item_ids(kb, rule.exclude);
        if (!rule.modify.empty()) {
            json modify = json::array();
            for (const auto& change : rule.modify)
                modify.push_back(
                    {{"item", kb.item(change.item).id},
                     {"use", kb.item(change.item).modifications[change.modification].id}});
            does["modify"] = modify;
        }
        if (!rule.advice.empty()) {
            json advice = json::array();
            for (const auto id : rule.advice)
                advice.push_back(kb.advice[id].id);
            does["advice"] = advice;
        }
        if (rule.bias)
            does["bias"] = core::to_string(*rule.bias);
        if (!rule.add.empty())
            does["add"] = item_ids(kb, rule.add);
        if (!rule.emphasise.empty())
            does["emphasise"] = item_ids(kb, rule.emphasise);
        if (rule.desk_break_minutes)
            does["desk_break_minutes"] = *rule.desk_break_minutes;
        if (rule.min_relief_weeks)
            does["min_relief_weeks"] = *rule.min_relief_weeks;
        if (rule.until_week > 0)
            does["until_week"] = rule.until_week;
        rules.push_back(
            {{"id", rule.id},
             {"section", rule.section},
             {"when", {{"all", fact_ids(kb, rule.when.all)}, {"any", fact_ids(kb, rule.when.any)}}},
             {"does", does},
             {"text", rule.text},
             {"source", rule.sources},
             {"file", rule.file},
             {"line", rule.line}});
    }
    json advice = json::array();
    for (const auto& entry : kb.advice)
        advice.push_back({{"id", entry.id}, {"text", entry.text}, {"source", entry.sources}});
    json derived = json::array();
    for (const auto& entry : kb.derived) {
        json fact = {{"id", kb.facts[entry.fact].id}, {"text", kb.facts[entry.fact].text}};
        if (entry.at_least)
            fact["at_least"] = *entry.at_least;
        if (entry.at_most)
            fact["at_most"] = *entry.at_most;
        derived.push_back(fact);
    }
    json stages = json::array();
    for (const auto& stage : kb.program.stages)
        stages.push_back({{"id", stage.id},
                          {"phase", core::to_string(stage.phase)},
                          {"from_week", stage.from_week},
                          {"sessions_per_day", stage.sessions_per_day},
                          {"strength_days_per_week", stage.strength_days_per_week},
                          {"text", stage.text},
                          {"source", stage.sources}});
    json sources = json::array();
    for (const auto& source : kb.sources)
        sources.push_back(
            {{"id", source.id}, {"title", source.title}, {"reference", source.reference}});
    return {{"rules", rules},
            {"advice", advice},
            {"derived_facts", derived},
            {"stages", stages},
            {"sources", sources}};
}

json error_document(const core::Error& error) {
    json body = {
        {"code", core::code_name(error.code)}, {"field", error.field}, {"message", error.message}};
    if (!error.file.empty()) {
        body["file"] = error.file;
        body["line"] = error.line;
    }
    return {{"error", body}};
}

} // namespace unload::json
